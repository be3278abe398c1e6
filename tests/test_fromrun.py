"""from-run: the voting app's docker run commands against the golden files, and every flag."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from deepdiff import DeepDiff

from compose_migrate import loading
from compose_migrate.api import load, migrate
from compose_migrate.diffing import normalise
from compose_migrate.findings import ComposeMigrateError, Severity
from compose_migrate.fromrun import FLAGS, flags_markdown, parse_script, to_compose
from compose_migrate.validation.schema import schema_findings
from compose_migrate.versions import ComposeVersion

from .conftest import ROOT, run_cli

V = ComposeVersion
VOTING = ROOT / "fixtures" / "voting-app"


def _read(text: str, version: ComposeVersion) -> dict[str, Any]:
    return normalise(loading.parse(text, name="t", yaml11=version.is_legacy).data, version)


# --- golden: the voting app --------------------------------------------------


def test_voting_app_to_v1_equals_golden_v1() -> None:
    proc = run_cli("from-run", str(VOTING / "docker-run.sh"), "--to", "1")
    assert proc.returncode == 0, proc.stderr
    golden = (VOTING / "v1" / "docker-compose.yml").read_text()
    diff = DeepDiff(_read(golden, V.V1), _read(proc.stdout, V.V1))
    # No remaining difference: the script uses the same image names as the
    # golden file, and `--link redis:redis` is written `redis` (same meaning).
    assert diff == {}, diff
    assert list(_read(proc.stdout, V.V1)["services"]) == ["redis", "db", "vote", "result", "worker"]
    # Notes on stderr: -d, once per command, with line and column.
    assert proc.stderr.count("-d has no Compose equivalent") == 5
    assert f"{VOTING / 'docker-run.sh'}:3:12:" in proc.stderr
    assert '- "5000:80"' in proc.stdout  # ports always quoted


def test_voting_app_to_spec_equals_golden_spec_step() -> None:
    spec_file = VOTING / "spec" / "compose.yaml"
    if spec_file.is_file():
        expected = spec_file.read_text()
    else:  # the lead's golden spec file does not exist yet: the rules' own output
        expected = migrate(load(VOTING / "v1" / "docker-compose.yml"), V.SPEC).output
    proc = run_cli("from-run", str(VOTING / "docker-run.sh"))
    assert proc.returncode == 0, proc.stderr
    assert schema_findings(loading.parse(proc.stdout, name="t", yaml11=False).data, V.SPEC) == []
    diff = DeepDiff(_read(expected, V.SPEC), _read(proc.stdout, V.SPEC))
    assert diff == {}, diff


@pytest.mark.parametrize("target", ["2.0", "2.4", "3.0", "3.8", "spec"])
def test_voting_app_every_target_validates(target: str) -> None:
    result = parse_script((VOTING / "docker-run.sh").read_text(), name="run.sh")
    out = to_compose(result, target)
    assert out.route == "v1 + migrate"
    data = loading.parse(out.text, name="t", yaml11=out.target.is_legacy).data
    assert schema_findings(data, out.target) == []
    assert set(data["services"]) == {"redis", "db", "vote", "result", "worker"}


# --- the flag table ------------------------------------------------------------


def svc(args: str) -> dict[str, Any]:
    r = parse_script(f"docker run {args} example/app:1\n", name="t")
    assert not r.errors, r.errors
    body = dict(r.services["app"])
    assert body.pop("image") == "example/app:1"
    return body


HC = "healthcheck"
# (arguments, the service they make without `image`): every flag, short, long and `=` forms.
CASES: list[tuple[str, dict[str, Any]]] = [
    ("-d --rm --sig-proxy=false -a stdout --detach-keys ctrl-x --cidfile /tmp/c -q --disable-content-trust", {}),
    ("--detach", {}),
    ("-it", {"stdin_open": True, "tty": True}),
    ("--interactive --tty", {"stdin_open": True, "tty": True}),
    ("-dit", {"stdin_open": True, "tty": True}),
    ("--tty=false", {}),
    (
        "-p 80:80 -p8443:443 --publish 127.0.0.1:53:53/udp --publish=8000-8010:8000-8010 -p=9000",
        {"ports": ["80:80", "8443:443", "127.0.0.1:53:53/udp", "8000-8010:8000-8010", "9000"]},
    ),
    ("-p 127.0.0.1::80 -p [::1]:8080:80/tcp", {"ports": ["127.0.0.1::80", "[::1]:8080:80/tcp"]}),
    ("-P", {}),
    ("--publish-all", {}),
    ("--expose 80 --expose=9000-9010", {"expose": ["80", "9000-9010"]}),
    (
        "-v /srv/data:/data:ro --volume=./conf:/etc/app -v /anon",
        {"volumes": ["/srv/data:/data:ro", "./conf:/etc/app", "/anon"]},
    ),
    (
        "--mount type=bind,source=/srv,target=/srv,readonly,bind-propagation=rslave",
        {
            "volumes": [
                {
                    "type": "bind",
                    "source": "/srv",
                    "target": "/srv",
                    "read_only": True,
                    "bind": {"propagation": "rslave"},
                }
            ]
        },
    ),
    (
        "--mount=type=volume,src=cache,dst=/cache,volume-nocopy",
        {"volumes": [{"type": "volume", "source": "cache", "target": "/cache", "volume": {"nocopy": True}}]},
    ),
    (
        "--mount type=tmpfs,destination=/run,tmpfs-size=64m,tmpfs-mode=1770",
        {"volumes": [{"type": "tmpfs", "target": "/run", "tmpfs": {"size": "64m", "mode": 0o1770}}]},
    ),
    ("--tmpfs /run --tmpfs=/tmp:rw,size=64m", {"tmpfs": ["/run", "/tmp:rw,size=64m"]}),
    ("--volumes-from data:ro", {"volumes_from": ["container:data:ro"]}),
    ("--volume-driver local", {"volume_driver": "local"}),
    ("-e A=1 --env B=two -eC=3 --env=D -e E=", {"environment": {"A": "1", "B": "two", "C": "3", "D": None, "E": ""}}),
    ("--env-file .env --env-file=prod.env", {"env_file": [".env", "prod.env"]}),
    ("-l a=1 --label b=2 --label=c", {"labels": {"a": "1", "b": "2", "c": ""}}),
    ("--link other:db", {"external_links": ["other:db"]}),
    ("--network host", {"network_mode": "host"}),
    ("--net=none", {"network_mode": "none"}),
    ("--network bridge", {"network_mode": "bridge"}),
    ("--network default", {}),
    ("--network container:vpn", {"network_mode": "container:vpn"}),
    ("--network backend", {"networks": ["backend"]}),
    (
        "--network backend --network-alias api --net-alias=api2 --ip 10.0.0.5 --ip6 fd00::5",
        {"networks": {"backend": {"aliases": ["api", "api2"], "ipv4_address": "10.0.0.5", "ipv6_address": "fd00::5"}}},
    ),
    (
        "--network name=front,alias=web --network name=back,ip=10.1.0.2",
        {"networks": {"front": {"aliases": ["web"]}, "back": {"ipv4_address": "10.1.0.2"}}},
    ),
    ("--restart unless-stopped", {"restart": "unless-stopped"}),
    ("--restart=on-failure:3", {"restart": "on-failure:3"}),
    ("-w /app", {"working_dir": "/app"}),
    ("--workdir=/srv", {"working_dir": "/srv"}),
    ("-u 1000:1000", {"user": "1000:1000"}),
    ("--user=nobody", {"user": "nobody"}),
    ("--entrypoint /bin/sh", {"entrypoint": "/bin/sh"}),
    ("--entrypoint='/opt/my app/run'", {"entrypoint": ["/opt/my app/run"]}),
    ("-h box --domainname example.org", {"hostname": "box", "domainname": "example.org"}),
    ("--hostname=box", {"hostname": "box"}),
    (
        "--dns 1.1.1.1 --dns=8.8.8.8 --dns-search corp --dns-option ndots:2 --dns-opt=timeout:1",
        {"dns": ["1.1.1.1", "8.8.8.8"], "dns_search": ["corp"], "dns_opt": ["ndots:2", "timeout:1"]},
    ),
    (
        "--add-host db:10.0.0.2 --add-host=host.docker.internal:host-gateway",
        {"extra_hosts": ["db:10.0.0.2", "host.docker.internal:host-gateway"]},
    ),
    (
        "--cap-add NET_ADMIN --cap-add=SYS_TIME --cap-drop ALL",
        {"cap_add": ["NET_ADMIN", "SYS_TIME"], "cap_drop": ["ALL"]},
    ),
    ("--privileged --read-only", {"privileged": True, "read_only": True}),
    ("--privileged=false", {}),
    (
        "--ulimit nofile=65536:65536 --ulimit=nproc=4096",
        {"ulimits": {"nofile": {"soft": 65536, "hard": 65536}, "nproc": 4096}},
    ),
    (
        "--sysctl net.core.somaxconn=1024 --sysctl=vm.overcommit_memory=1",
        {"sysctls": {"net.core.somaxconn": "1024", "vm.overcommit_memory": "1"}},
    ),
    (
        "--log-opt max-size=10m --log-driver json-file --log-opt=max-file=3",
        {"logging": {"driver": "json-file", "options": {"max-size": "10m", "max-file": "3"}}},
    ),
    (
        "--cpus 1.5 -m 512m --memory-reservation=256m --memory-swap 1g -c 512 --cpuset-cpus 0-1",
        {
            "cpus": 1.5,
            "mem_limit": "512m",
            "mem_reservation": "256m",
            "memswap_limit": "1g",
            "cpu_shares": 512,
            "cpuset": "0-1",
        },
    ),
    (
        "--cpus=2 --memory=1G --cpu-shares=1024 --memory-swap=-1 --memory-swappiness 0",
        {"cpus": 2, "mem_limit": "1g", "cpu_shares": 1024, "memswap_limit": -1, "mem_swappiness": 0},
    ),
    ("--cpu-period 100000 --cpu-quota=50000", {"cpu_period": 100000, "cpu_quota": 50000}),
    (
        "--health-cmd 'curl -f http://localhost/ || exit 1' --health-interval 30s --health-timeout=5s "
        "--health-retries 3 --health-start-period 1m --health-start-interval=2s",
        {
            HC: {
                "test": ["CMD-SHELL", "curl -f http://localhost/ || exit 1"],
                "interval": "30s",
                "timeout": "5s",
                "retries": 3,
                "start_period": "1m",
                "start_interval": "2s",
            }
        },
    ),
    ("--no-healthcheck", {HC: {"disable": True}}),
    ("--init --ipc host --pid=host --shm-size 2g", {"init": True, "ipc": "host", "pid": "host", "shm_size": "2g"}),
    ("--stop-signal SIGINT --stop-timeout 30", {"stop_signal": "SIGINT", "stop_grace_period": "30s"}),
    ("--platform linux/arm64", {"platform": "linux/arm64"}),
    (
        "--gpus all",
        {
            "deploy": {
                "resources": {
                    "reservations": {"devices": [{"driver": "nvidia", "count": "all", "capabilities": ["gpu"]}]}
                }
            }
        },
    ),
    (
        "--gpus '\"device=0,1\"'",
        {
            "deploy": {
                "resources": {
                    "reservations": {
                        "devices": [{"driver": "nvidia", "device_ids": ["0", "1"], "capabilities": ["gpu"]}]
                    }
                }
            }
        },
    ),
    (
        "--device /dev/snd --device=/dev/ttyUSB0:/dev/ttyUSB0:rwm --device-cgroup-rule 'c 188:* rmw'",
        {"devices": ["/dev/snd", "/dev/ttyUSB0:/dev/ttyUSB0:rwm"], "device_cgroup_rules": ["c 188:* rmw"]},
    ),
    (
        "--group-add audio --security-opt no-new-privileges:true --security-opt=seccomp=unconfined",
        {"group_add": ["audio"], "security_opt": ["no-new-privileges:true", "seccomp=unconfined"]},
    ),
    (
        "--mac-address 02:42:ac:11:00:02 --runtime=runsc --pull always",
        {"mac_address": "02:42:ac:11:00:02", "runtime": "runsc", "pull_policy": "always"},
    ),
    (
        "--userns host --uts=host --cgroupns private --cgroup-parent /batch",
        {"userns_mode": "host", "uts": "host", "cgroup": "private", "cgroup_parent": "/batch"},
    ),
    (
        "--oom-kill-disable --oom-score-adj -500 --pids-limit=200",
        {"oom_kill_disable": True, "oom_score_adj": -500, "pids_limit": 200},
    ),
    (
        "--isolation process --storage-opt size=20G --annotation org.example.team=infra",
        {"isolation": "process", "storage_opt": {"size": "20G"}, "annotations": {"org.example.team": "infra"}},
    ),
    ("--name=app", {}),
]


@pytest.mark.parametrize(("args", "expected"), CASES, ids=[c[0][:40] for c in CASES])
def test_flag(args: str, expected: dict[str, Any]) -> None:
    assert svc(args) == expected


def test_every_flag_has_a_table_case() -> None:
    text = " ".join(a for a, _ in CASES)
    missing = []
    for f in FLAGS:
        names = [f.long, *f.aliases] + ([f.short] if f.short else [])
        if not any(n + " " in text or n + "=" in text or text.endswith(n) for n in names):
            missing.append(f.long)
    assert missing == []


def test_short_flags_with_values_and_clusters() -> None:
    assert svc("-itp 80:80") == {"stdin_open": True, "tty": True, "ports": ["80:80"]}
    assert svc("-itp8080:80") == {"stdin_open": True, "tty": True, "ports": ["8080:80"]}
    assert svc("-eFOO=bar") == {"environment": {"FOO": "bar"}}


def test_command_and_arguments() -> None:
    r = parse_script("docker run --rm -it redis:7 redis-server --appendonly yes\n")
    assert r.services["redis"]["command"] == "redis-server --appendonly yes"
    r = parse_script("docker run alpine sh -c 'echo \"a b\"; sleep 1'\n")
    assert r.services["alpine"]["command"] == ["sh", "-c", 'echo "a b"; sleep 1']
    r = parse_script("docker run -- busybox -la\n")
    assert r.services["busybox"] == {"image": "busybox", "command": "-la"}


# --- the script ----------------------------------------------------------------

SCRIPT = r"""#!/bin/sh
# set up the stack
set -e
docker network create --driver bridge --subnet 172.28.0.0/16 backend
docker volume create pgdata
docker run -d \
  --name db \
  --network backend \
  -e POSTGRES_PASSWORD="$DB_PASSWORD" \
  -e GREETING='hello $USER' \
  -e PRICE=\$5 \
  -v pgdata:/var/lib/postgresql/data \
  postgres:16   # the database
echo started; docker run -d --name web --network backend --network-alias www -p "${WEB_PORT:-8080}:80" --frobnicate nginx:1.25
docker ps
sudo docker container run --rm ghcr.io/acme/tools/migrate:2.1@sha256:abcd
"""  # noqa: E501


def test_script_parsing() -> None:
    r = parse_script(SCRIPT, name="s.sh")
    assert list(r.services) == ["db", "web", "migrate"]
    assert r.networks == {"backend": {"driver": "bridge", "ipam": {"config": [{"subnet": "172.28.0.0/16"}]}}}
    assert r.volumes == {"pgdata": {}}
    db = r.services["db"]
    assert db["environment"] == {"POSTGRES_PASSWORD": "$DB_PASSWORD", "GREETING": "hello $$USER", "PRICE": "$$5"}
    assert db["networks"] == ["backend"]
    web = r.services["web"]
    assert web["ports"] == ["${WEB_PORT:-8080}:80"]
    assert web["networks"] == {"backend": {"aliases": ["www"]}}
    assert r.services["migrate"] == {"image": "ghcr.io/acme/tools/migrate:2.1@sha256:abcd"}
    by_line = {(f.line, f.col, f.code): f for f in r.notes}
    assert (3, 1, "CM700") in by_line  # set -e
    assert (14, 1, "CM700") in by_line  # echo started
    assert (15, 1, "CM700") in by_line  # docker ps
    unknown = [f for f in r.notes if f.code == "CM702"]
    assert [(f.line, f.col) for f in unknown] == [(14, 104)]
    assert unknown[0].severity is Severity.ERROR and "--frobnicate" in unknown[0].message
    assert SCRIPT.splitlines()[13][103:].startswith("--frobnicate")


def test_script_to_spec_and_3x() -> None:
    r = parse_script(SCRIPT.replace(" --frobnicate", ""), name="s.sh")
    out = to_compose(r, "spec")
    assert out.route == "spec"  # top-level networks: no v1 form
    data = loading.parse(out.text, name="t", yaml11=False).data
    assert schema_findings(data, V.SPEC) == []
    assert data["services"]["db"]["environment"]["GREETING"] == "hello $$USER"
    out38 = to_compose(r, "3.8")
    assert out38.route == "spec + migrate"
    assert schema_findings(loading.parse(out38.text, name="t", yaml11=True).data, V.V3_8) == []
    with pytest.raises(ComposeMigrateError) as exc:
        to_compose(r, "1")
    assert exc.value.finding.code == "CM710" and "networks.backend" in str(exc.value)


def test_v1_cannot_hold_healthcheck() -> None:
    r = parse_script("docker run -d --name web \\\n  --health-cmd 'true' nginx\n", name="h.sh")
    with pytest.raises(ComposeMigrateError) as exc:
        to_compose(r, "1")
    f = exc.value.finding
    assert f.code == "CM710" and "services.web.healthcheck (from --health-cmd at line 2)" in f.message
    assert (f.line, f.col) == (2, 3)
    with pytest.raises(ComposeMigrateError):
        to_compose(r, "2.4")  # 2.x is reached from version 1 only
    out = to_compose(r, "3.8")
    assert "healthcheck" in out.text and out.text.startswith('version: "3.8"')


def test_cli_errors_and_stdin() -> None:
    proc = run_cli("from-run", "-", "--to", "spec", stdin="docker run --bogus nginx\n")
    assert proc.returncode == 1
    assert "<stdin>:1:12: error: unknown docker run flag --bogus" in proc.stderr
    proc = run_cli("from-run", "-", "--to", "1", stdin="docker run --init nginx\n")
    assert proc.returncode == 1 and "CM710" not in proc.stdout and "cannot hold" in proc.stderr


def test_docs_table_matches_flags() -> None:
    assert (ROOT / "docs" / "docker-run-flags.md").read_text() == flags_markdown()


def test_docs_lists_each_flag_once() -> None:
    text = Path(ROOT / "docs" / "docker-run-flags.md").read_text()
    for f in FLAGS:
        assert text.count(f"| `{f.long}`") == 1


def test_unknown_flag_never_swallows_or_becomes_the_image() -> None:
    # `--bogus-flag x myimg`: x may be the flag's value or the image; guessing made a service "x".
    r = parse_script("docker run --bogus-flag x myimg\n", name="u.sh")
    assert r.services == {}
    (f,) = r.notes
    assert (f.code, f.line, f.col, f.severity) == ("CM702", 1, 12, Severity.ERROR)
    assert "--bogus-flag" in f.message and "'x'" in f.message and "not converted" in f.message
    short = parse_script("docker run -d -Z x myimg\n", name="u.sh")
    assert short.services == {} and [(n.code, n.col) for n in short.errors] == [("CM702", 15)]
    # Written with `=`, the value is plain: the command converts (the flag still reported).
    inline = parse_script("docker run --bogus-flag=x myimg\n", name="u.sh")
    assert inline.services == {"myimg": {"image": "myimg"}} and [n.col for n in inline.errors] == [12]
    # A next word that cannot be an image reference is the flag's value.
    path = parse_script("docker run --bogus-flag /etc/x myimg sh\n", name="u.sh")
    assert path.services == {"myimg": {"image": "myimg", "command": "sh"}}
    assert "'/etc/x' skipped too" in path.errors[0].message
    # The only word left must be the image; a flag next means the unknown flag took no value.
    assert parse_script("docker run --bogus nginx\n").services == {"nginx": {"image": "nginx"}}
    assert parse_script("docker run --bogus -e A=1 nginx\n").services == {
        "nginx": {"image": "nginx", "environment": {"A": "1"}}
    }
