"""Lint rules, selection, suppression comments and the CLI."""

from __future__ import annotations

import json
from pathlib import Path

from compose_migrate.lint import RULES, lint_text, select_rules
from compose_migrate.lint.base import parse_image, published_ports
from compose_migrate.lint.rules.literal_secret import is_secret_name

from .conftest import SHARED, run_cli


def codes(text: str, select: tuple[str, ...] = ()) -> list[str]:
    rules = select_rules(RULES.values(), select)
    return [f.code for r in lint_text(text, rules) for f in r.findings]


def test_image_refs() -> None:
    assert parse_image("localhost:5000/app") == parse_image("localhost:5000/app")
    assert parse_image("localhost:5000/app").tag is None
    assert parse_image("nginx:1.27-alpine").tag == "1.27-alpine"
    assert parse_image("a/b@sha256:" + "f" * 64).digest == "sha256:" + "f" * 64
    svc = "services:\n  a:\n    image: {}\n"
    assert codes(svc.format("localhost:5000/app"), ("CL001",)) == ["CL001"]
    assert codes(svc.format("${IMG}"), ("CL001",)) == []
    assert codes("services:\n  a:\n    image: app\n    build: .\n", ("CL001",)) == []


def test_port_shapes() -> None:
    svc = {"ports": ["127.0.0.1:5432:5432", "[::1]:6379:6379", "5432", 27017, {"target": 3306, "published": 3306}]}
    got = [(p.host_ip, p.published, p.target) for p in published_ports(svc)]
    assert got == [
        ("127.0.0.1", "5432", "5432"),
        ("::1", "6379", "6379"),
        ("", "", "5432"),
        ("", "", "27017"),
        ("", "3306", "3306"),
    ]


def test_database_ports() -> None:
    text = (
        "services:\n  db:\n    image: bitnami/postgresql:16\n    ports:\n"
        '      - "5432:5432"\n      - "127.0.0.1:5433:5432"\n      - "${BIND}:5434:5432"\n'
        '  ui:\n    image: rediscommander/redis-commander:1\n    ports:\n      - "8081:8081"\n'
    )
    res = lint_text(text, select_rules(RULES.values(), ["CL007"]))[0]
    assert [(f.path, f.line) for f in res.findings] == [("services.db.ports[0]", 5)]


def test_secret_names() -> None:
    assert all(is_secret_name(n) for n in ("POSTGRES_PASSWORD", "API_KEY", "JWT_SECRET", "GITHUB_TOKEN", "apikey"))
    assert not any(is_secret_name(n) for n in ("PASSWORD_FILE", "TOKEN_TTL", "PUBLIC_KEY", "KEYCLOAK_URL"))
    text = (
        "services:\n  db:\n    image: mysql:8\n    environment:\n      - MYSQL_ROOT_PASSWORD=root\n"
        "      - MYSQL_PASSWORD=${PW}\n      - MYSQL_RANDOM_ROOT_PASSWORD=yes\n      - MYSQL_PASSWORD_FILE=/run/s\n"
    )
    res = lint_text(text, select_rules(RULES.values(), ["CL013"]))[0]
    assert [(f.path, f.line) for f in res.findings] == [("services.db.environment[0]", 5)]


def test_security_rules() -> None:
    text = (
        "services:\n  a:\n    image: x/a:1\n    privileged: true\n    network_mode: host\n    pid: host\n"
        "    cap_add: [ALL]\n    volumes:\n      - /var/run/docker.sock:/var/run/docker.sock:ro\n"
    )
    assert sorted(set(codes(text, ("CL008", "CL009", "CL01")))) == [
        "CL008",
        "CL009",
        "CL010",
        "CL011",
        "CL012",
        "CL014",
        "CL015",
    ]


def test_restart_memory_and_one_shot_jobs() -> None:
    text = (
        "services:\n  app:\n    image: x/a:1\n    restart: always\n    mem_limit: 512m\n    depends_on:\n"
        "      migrate:\n        condition: service_completed_successfully\n"
        "  migrate:\n    image: x/m:1\n    deploy:\n      resources:\n        limits:\n          memory: 64M\n"
    )
    assert codes(text, ("CL014", "CL015")) == []


def test_duplicate_ports_and_profiles() -> None:
    text = (
        "services:\n  a:\n    image: x/a:1\n    ports: ['80:80', '81']\n"
        "  b:\n    image: x/b:1\n    ports: ['127.0.0.1:80:8080', '81']\n"
        "  c:\n    image: x/c:1\n    profiles: [dev]\n    ports: ['90:90']\n"
        "  d:\n    image: x/d:1\n    profiles: [prod]\n    ports: ['90:90']\n"
        "  e:\n    image: x/e:1\n    ports: ['8000-8010:8000-8010']\n"
        "  f:\n    image: x/f:1\n    ports: ['8005:80/udp', '8005:80']\n"
    )
    res = lint_text(text, select_rules(RULES.values(), ["CL019"]))[0]
    assert [f.path for f in res.findings] == ["services.b.ports[0]", "services.f.ports[1]"]


def test_container_names_across_files_and_overrides() -> None:
    a = "services:\n  api:\n    image: x/a:1\n    container_name: app\n"
    b = "services:\n  api:\n    container_name: app\n  other:\n    image: x/o:1\n    container_name: app\n"
    res = lint_text(a + "# ---- next file\n" + b, select_rules(RULES.values(), ["CL020"]))
    assert [f.path for f in res[0].findings] == []
    assert [(f.path, f.line) for f in res[1].findings] == [("services.other.container_name", 6)]


def test_yaml_traps_reuse_yaml11() -> None:
    text = "version: '2'\nservices:\n  a:\n    image: x/a:1\n    ports:\n      - 22:22\n    labels:\n      x: no\n"
    res = lint_text(text, select_rules(RULES.values(), ["CL017", "CL018"]))[0]
    assert [(f.code, f.line, f.col) for f in res.findings] == [("CL017", 6, 9), ("CL018", 8, 10)]


def test_v1_file() -> None:
    text = "web:\n  image: nginx\n  links:\n    - db\ndb:\n  image: redis:7\n  ports:\n    - 6379:6379\n"
    found = codes(text, ("CL001", "CL003", "CL007"))
    assert sorted(found) == ["CL001", "CL003", "CL007"]


def test_ignore_comments_and_selection() -> None:
    text = (
        "services:\n  db:\n    image: postgres  # compose-migrate: ignore CL001\n    ports:\n"
        '      - "5432:5432"  # compose-migrate: ignore\n    privileged: true  # compose-migrate: ignore CL001, CL007\n'
    )
    assert codes(text, ("CL001", "CL007", "CL008")) == ["CL008"]
    assert [r.code for r in select_rules(RULES.values(), ["CL01"], ["CL015", "privileged"])] == [
        "CL010",
        "CL011",
        "CL012",
        "CL013",
        "CL014",
        "CL016",
        "CL017",
        "CL018",
        "CL019",
    ]


def test_cli_exit_codes_and_formats(tmp_path: Path) -> None:
    f = tmp_path / "compose.yaml"
    f.write_text("services:\n  web:\n    image: nginx:latest\n")
    assert run_cli("lint", str(f)).returncode == 0
    assert run_cli("lint", "--strict", str(f)).returncode == 1
    assert run_cli("lint", "--strict", "--ignore", "CL001", str(f)).returncode == 0
    out = json.loads(run_cli("lint", "--format", "json", str(f)).stdout)
    assert sorted(x["code"] for x in out["files"][0]["findings"]) == ["CL001", "CL014", "CL015"]
    gh = run_cli("lint", "--format", "github", "--select", "CL001", str(f)).stdout
    assert gh.startswith("::warning file=") and "CL001" in gh
    sarif = json.loads(run_cli("lint", "--format", "sarif", "--select", "CL001", str(f)).stdout)
    assert sarif["runs"][0]["results"][0]["ruleId"] == "CL001"
    f.write_text("services:\n  a:\n    image: x/a:1\n    container_name: a\n    scale: 2\n")
    assert run_cli("lint", str(f)).returncode == 1
    bad = run_cli("lint", "--select", "XX9", str(f))
    assert bad.returncode == 2 and "XX9" in bad.stderr
    assert run_cli("lint", str(tmp_path / "missing.yaml")).returncode == 2


def test_corpus_counts() -> None:
    # A few corpus files whose findings are known by reading them.
    voting = SHARED / "corpus" / "voting-app-prs" / "codeship-services.yml@2017-07-31-7af124f.yml"
    proc = run_cli("lint", "--format", "json", "--select", "CL003,CL019", str(voting))
    found = json.loads(proc.stdout)["files"][0]["findings"]
    assert {x["code"] for x in found} == {"CL003"}  # `ports: ["80"]` twice is two random host ports
