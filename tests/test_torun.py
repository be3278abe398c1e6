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
from compose_migrate.torun import shell_word, to_run
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
    script = to_run(load(text=RICH, name="rich.yaml"))
    text = script.text
    assert text.splitlines()[1:4] == [
        "docker network create --driver bridge backend",
        "docker network create frontend",
        "docker volume create pgdata",
    ]
    assert '-e "POSTGRES_PASSWORD=${DB_PASSWORD:?set it}"' in text  # left for the shell to expand
    assert "-e 'PRICE=$5 each'" in text  # `$$` is a literal dollar
    assert "--network name=backend --network name=frontend" in text
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
    assert runs[0].startswith("docker run -d --name=cache") and runs[1].startswith("docker run -d --name=app")
    assert "docker network create shop_default" in lines
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
