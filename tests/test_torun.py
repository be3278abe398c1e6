"""to-run: Compose files back to docker run commands, and the round trip through from-run."""

from __future__ import annotations

import shlex
from pathlib import Path
from typing import Any

from deepdiff import DeepDiff

from compose_migrate import loading
from compose_migrate.api import load
from compose_migrate.diffing import normalise
from compose_migrate.fromrun import parse_script, to_compose
from compose_migrate.torun import project_name, shell_word, to_run
from compose_migrate.versions import ComposeVersion

from .conftest import ROOT, run_cli

V = ComposeVersion
VOTING = ROOT / "fixtures" / "voting-app"


def _model(text: str, version: ComposeVersion) -> dict[str, Any]:
    data = normalise(loading.parse(text, name="t", yaml11=version.is_legacy).data, version)
    for svc in data.get("services", {}).values():
        # Compose splits a string command as a shell does: both forms mean the same.
        if isinstance(svc.get("command"), str):
            svc["command"] = shlex.split(svc["command"])
    return data


def test_voting_app_to_run_is_the_original_script() -> None:
    proc = run_cli("to-run", str(VOTING / "v1" / "docker-compose.yml"))
    assert proc.returncode == 0, proc.stderr
    original = [
        line for line in (VOTING / "docker-run.sh").read_text().splitlines() if line and not line.startswith("#")
    ]
    ours = [line for line in proc.stdout.splitlines() if not line.startswith("#")]
    assert ours == original  # line for line, the commands the golden chain starts from
    assert proc.stderr == ""


def test_voting_app_round_trip() -> None:
    v1 = (VOTING / "v1" / "docker-compose.yml").read_text()
    script = to_run(VOTING / "v1" / "docker-compose.yml")
    back = to_compose(parse_script(script.text, name="to-run"), V.V1).text
    assert DeepDiff(_model(v1, V.V1), _model(back, V.V1)) == {}


def test_spec_voting_app_round_trip() -> None:
    # The Specification step of the chain (the migration rules' output): networks, depends_on.
    spec = to_compose(parse_script((VOTING / "docker-run.sh").read_text()), V.SPEC).text
    doc = load(text=spec, name="spec.yaml")
    script = to_run(doc)
    assert script.lines[0].startswith("docker network create")
    back = to_compose(parse_script(script.text), V.SPEC).text
    diff = DeepDiff(_model(spec, V.SPEC), _model(back, V.SPEC))
    # docker run has no depends_on: start order is all that is left of it.
    assert set(diff) == {"dictionary_item_removed"}
    assert all(p.endswith("['depends_on']") for p in diff["dictionary_item_removed"])


RICH = """\
services:
  web:
    image: example/web:2
    command: ["gunicorn", "-b", "0.0.0.0:8000", "app:wsgi"]
    ports:
      - "127.0.0.1:8000:8000"
      - "9000-9001:9000-9001/udp"
    networks: [backend, frontend]
    labels:
      com.example.role: web
    logging:
      driver: json-file
      options:
        max-size: 10m
    ulimits:
      nofile: {soft: 1024, hard: 2048}
    sysctls:
      net.core.somaxconn: "512"
    cap_drop: [ALL]
    read_only: true
    init: true
    user: "1000"
    extra_hosts: ["host.docker.internal:host-gateway"]
    stop_grace_period: 1m30s
  db:
    image: postgres:16
    environment:
      POSTGRES_PASSWORD: ${DB_PASSWORD:?set it}
      PRICE: "$$5 each"
    volumes:
      - pgdata:/var/lib/postgresql/data
      - type: bind
        source: /srv/init
        target: /docker-entrypoint-initdb.d
        read_only: true
    networks:
      backend:
        aliases: [database]
    healthcheck:
      test: ["CMD-SHELL", "pg_isready -U postgres"]
      interval: 10s
      retries: 5
    restart: unless-stopped
    shm_size: 256m
networks:
  backend:
    driver: bridge
  frontend: {}
volumes:
  pgdata: {}
"""


def test_rich_spec_round_trip() -> None:
    script = to_run(load(text=RICH, name="rich.yaml"), project="demo")
    text = script.text
    own = "--label com.docker.compose.project=demo --label com.docker.compose"
    assert text.splitlines()[1:4] == [
        f"docker network create {own}.network=backend --driver bridge demo_backend",
        f"docker network create {own}.network=frontend demo_frontend",
        f"docker volume create {own}.volume=pgdata demo_pgdata",
    ]
    assert '-e "POSTGRES_PASSWORD=${DB_PASSWORD:?set it}"' in text  # left for the shell to expand
    assert "-e 'PRICE=$5 each'" in text  # `$$` is a literal dollar
    assert "--network demo_backend --network-alias web" in text
    assert "docker network connect --alias web demo_frontend demo-web-1" in text
    assert "--network demo_backend --network-alias db --network-alias database" in text
    assert "-v demo_pgdata:/var/lib/postgresql/data" in text
    assert "--stop-timeout 90" in text
    assert script.notes == []
    back = to_compose(parse_script(text), V.SPEC).text
    diff = DeepDiff(_model(RICH, V.SPEC), _model(back, V.SPEC))
    # The one difference: --stop-timeout takes seconds, so 1m30s comes back as the same 90s.
    assert diff == {
        "values_changed": {"root['services']['web']['stop_grace_period']": {"new_value": "90s", "old_value": "1m30s"}}
    }


def test_start_order_and_comments() -> None:
    text = """\
services:
  app:
    build: .
    image: example/app
    depends_on:
      cache:
        condition: service_healthy
    deploy:
      replicas: 3
      resources:
        limits: {cpus: "0.5", memory: 256M}
    secrets: [token]
  cache:
    image: redis:7
secrets:
  token:
    file: ./token.txt
"""
    script = to_run(load(text=text, name="c.yaml"), project="shop")
    lines = script.lines
    runs = [x for x in lines if x.startswith("docker run")]
    assert runs[0].startswith("docker run -d --name=shop-cache-1") and runs[1].startswith(
        "docker run -d --name=shop-app-1"
    )
    assert (
        "docker network create --label com.docker.compose.project=shop"
        " --label com.docker.compose.network=default shop_default"
    ) in lines
    assert "--cpus 0.5 -m 256M" in runs[1]
    commented = {f.path for f in script.notes}
    assert commented == {"secrets", "services.app.build", "services.app.deploy.replicas", "services.app.secrets"}
    assert "# services.app.deploy.replicas: swarm/deploy setting with no docker run equivalent" in lines
    assert next(f for f in script.notes if f.path == "services.app.build").line == 3


def test_shell_word() -> None:
    assert shell_word("plain") == "plain"
    assert shell_word("two words") == "'two words'"
    assert shell_word("$$HOME") == "'$HOME'"
    assert shell_word("${HOME}/x y") == '"${HOME}/x y"'
    assert shell_word('a"b $X `c`') == '"a\\"b $X \\`c\\`"'
    for value in ("it's", "a$$b", "${A:-x} and $B", 'q"uote'):
        r = parse_script(f"docker run -e V={shell_word(value)} img\n")
        assert r.services["img"]["environment"]["V"] == value


def test_to_run_cli_on_file(tmp_path: Path) -> None:
    f = tmp_path / "compose.yaml"
    f.write_text("services:\n  web:\n    image: nginx\n    build: .\n")
    proc = run_cli("to-run", str(f))
    assert proc.returncode == 0
    assert "docker run -d --name=web --network=" not in proc.stdout
    assert f"{f}:4:5: warning: services.web.build:" in proc.stderr


# --- the project: networks, volumes and containers named as Compose names them ---

ISSUE = """\
services:
  web: {image: nginx, depends_on: [api]}
  api:
    image: api
    networks: [front, default]
    volumes: ["data:/srv/data"]
networks:
  front: {}
volumes:
  data: {}
"""
OWN = "--label com.docker.compose.project=demo --label com.docker.compose"


def _runs(script: Any) -> list[str]:
    return [x for x in script.lines if not x.startswith("#")]


def test_project_networks_volumes_and_containers(tmp_path: Path) -> None:
    f = tmp_path / "compose.yaml"
    f.write_text(ISSUE)
    proc = run_cli("to-run", str(f), "-p", "demo")
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.splitlines()[1:] == [
        f"docker network create {OWN}.network=front demo_front",
        f"docker network create {OWN}.network=default demo_default",
        f"docker volume create {OWN}.volume=data demo_data",
        # api first (web depends on it); its first network on the run line, the other connected after.
        f"docker run -d --name=demo-api-1 {OWN}.service=api --network demo_front --network-alias api"
        " -v demo_data:/srv/data api",
        "docker network connect --alias api demo_default demo-api-1",
        # web names no network: the project's default one, where api answers to `api`.
        f"docker run -d --name=demo-web-1 {OWN}.service=web --network demo_default --network-alias web nginx",
    ]
    assert proc.stderr == ""


def test_round_trip_of_the_project() -> None:
    script = to_run(load(text=ISSUE, name="c.yaml"), project="demo")
    result = parse_script(script.text)
    assert result.project == "demo"
    assert list(result.services) == ["api", "web"]
    back = to_compose(result, V.SPEC).text
    diff = DeepDiff(_model(ISSUE, V.SPEC), _model(back, V.SPEC))
    assert set(diff) == {"dictionary_item_removed"}  # start order is all that is left of depends_on
    assert diff["dictionary_item_removed"] == ["root['services']['web']['depends_on']"]


def test_undeclared_network_is_created_and_noted() -> None:
    script = to_run(load(text="services:\n  a: {image: x, networks: [backend]}\n", name="b.yaml"), project="demo")
    assert _runs(script) == [
        f"docker network create {OWN}.network=backend demo_backend",
        f"docker run -d --name=demo-a-1 {OWN}.service=a --network demo_backend --network-alias a x",
    ]
    assert [f.message for f in script.notes] == [
        "network 'backend' is used but not declared (Compose rejects the file); created"
    ]


NAMED = """\
name: Shop.Front
services:
  db:
    image: postgres
    container_name: the-db
    volumes:
      - type: volume
        source: pg
        target: /var/lib/postgresql/data
      - shared:/shared:ro
      - ./conf:/conf
    networks:
      back:
        aliases: [database, db]
        ipv4_address: 10.5.0.5
      ext:
        aliases: [store]
        ipv4_address: 10.9.0.9
  app:
    image: app
    network_mode: service:db
    volumes_from: [db]
networks:
  back:
    name: backnet
    ipam: {config: [{subnet: 10.5.0.0/16}]}
  ext:
    external: true
    name: shared-net
volumes:
  pg: {}
  shared:
    external:
      name: team-volume
"""


def test_names_externals_and_container_name() -> None:
    script = to_run(load(text=NAMED, name="n.yaml"))
    own = "--label com.docker.compose.project=shopfront --label com.docker.compose"
    assert script.lines == [
        f"docker network create {own}.network=back --subnet 10.5.0.0/16 backnet",  # its `name:`, unprefixed
        "# networks.ext: external: network 'shared-net' must already exist",
        f"docker volume create {own}.volume=pg shopfront_pg",
        "# volumes.shared: external: volume 'team-volume' must already exist",
        f"docker run -d --name=the-db {own}.service=db"
        " --mount type=volume,source=shopfront_pg,target=/var/lib/postgresql/data"
        " -v team-volume:/shared:ro -v ./conf:/conf"
        " --network backnet --network-alias db --network-alias database --ip 10.5.0.5 postgres",
        "docker network connect --alias db --alias store --ip 10.9.0.9 shared-net the-db",
        f"docker run -d --name=shopfront-app-1 {own}.service=app --network container:the-db --volumes-from the-db app",
    ]
    back = parse_script(script.text)
    assert back.services["db"]["container_name"] == "the-db"
    assert "container_name" not in back.services["app"]  # Compose's own name for it
    assert back.services["app"]["network_mode"] == "service:db"
    assert back.services["app"]["volumes_from"] == ["db"]
    assert back.services["db"]["networks"] == {
        "back": {"aliases": ["database"], "ipv4_address": "10.5.0.5"},
        "shared-net": {"aliases": ["store"], "ipv4_address": "10.9.0.9"},
    }
    assert back.networks == {
        "back": {"ipam": {"config": [{"subnet": "10.5.0.0/16"}]}, "name": "backnet"},
        "shared-net": {"external": True},
    }
    assert back.volumes == {"pg": {}, "team-volume": {}}
    assert back.services["db"]["volumes"][0]["source"] == "pg"


def test_project_name_as_compose_settles_it(tmp_path: Path) -> None:
    d = tmp_path / "My Project.v2"
    d.mkdir()
    f = d / "compose.yaml"
    f.write_text("services:\n  web: {image: nginx}\n")
    assert project_name("", str(f)) == "myprojectv2"  # the file's directory, normalised
    assert project_name("_Demo-1", str(f)) == "demo-1"
    assert "--name=myprojectv2-web-1" in to_run(f).text
    assert "--name=given-web-1" in to_run(f, project="given").text
    f.write_text("name: fromfile\nservices:\n  web: {image: nginx}\n")
    assert "--name=fromfile-web-1" in to_run(f).text
    assert "--name=given-web-1" in to_run(f, project="given").text  # -p wins over name:


def test_network_connect_read_back() -> None:
    text = """\
docker network create a
docker network create b
docker run -d --name web --network a --network-alias web --network-alias www nginx
docker network connect --alias web --alias=w2 --ip 10.0.0.2 b web
docker network connect c web
docker network connect b nowhere
"""
    r = parse_script(text)
    assert r.services["web"]["networks"] == {
        "a": {"aliases": ["www"]},
        "b": {"aliases": ["w2"], "ipv4_address": "10.0.0.2"},
        "c": None,
    }
    assert r.networks["c"] == {"external": True}
    assert any("no container 'nowhere'" in f.message and f.line == 6 for f in r.notes)
    assert not r.project  # nothing Compose labelled


def test_compose_labels_read_back_user_labels_kept(tmp_path: Path) -> None:
    text = """\
services:
  api:
    image: api
    labels: {tier: back}
    networks: {front: {aliases: [api, gateway]}}
    volumes: ["cache:/c"]
networks:
  front:
    labels: {team: web}
volumes:
  cache:
    name: shared-cache
"""
    d = tmp_path / "Stack"
    d.mkdir()
    proc = run_cli("to-run", "-", stdin=text, cwd=d)  # stdin: the current directory names the project
    assert proc.returncode == 0, proc.stderr
    assert "--name=stack-api-1" in proc.stdout
    assert "--label team=web stack_front" in proc.stdout
    assert "-v shared-cache:/c" in proc.stdout
    r = parse_script(proc.stdout)
    assert r.project == "stack"
    assert r.networks == {"front": {"labels": {"team": "web"}}}
    assert r.volumes == {"cache": {"name": "shared-cache"}}
    assert r.services["api"] == {
        "image": "api",
        "labels": {"tier": "back"},
        "volumes": ["cache:/c"],
        "networks": {"front": {"aliases": ["gateway"]}},
    }
