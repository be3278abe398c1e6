"""Multi-file projects: -f order, discovery, include, extends, merge rules, provenance, findings."""

from __future__ import annotations

import json
import textwrap
from pathlib import Path

from compose_migrate.project import load_project
from compose_migrate.project.api import migrate_project, validate_project
from compose_migrate.project.checks import project_findings
from compose_migrate.project.render import render

from .conftest import SHARED, run_cli


def write(root: Path, name: str, text: str) -> str:
    path = root / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
    return str(path)


BASE = """
services:
  web:
    image: nginx
    command: ["nginx", "-g", "daemon off;"]
    ports:
      - "8080:80"
      - "8443:443"
    volumes:
      - data:/var/lib/data
      - ./conf:/etc/conf:ro
    environment:
      A: "1"
      B: "2"
    dns: [1.1.1.1]
    labels: [x=1]
volumes:
  data: {}
"""

OVERRIDE = """
services:
  web:
    command: nginx-debug
    ports:
      - "8080:80"
      - "9000:90"
    volumes:
      - other:/var/lib/data
    environment:
      - B=3
      - C
    dns: [1.1.1.1, 8.8.8.8]
    labels: !reset []
volumes:
  other: {}
"""


def test_merge_rules_follow_the_specification(tmp_path: Path) -> None:
    base = write(tmp_path, "compose.yaml", BASE)
    over = write(tmp_path, "compose.override.yaml", OVERRIDE)
    web = load_project([base, over], environ={}).data["services"]["web"]
    assert web["command"] == "nginx-debug"  # replaced, not appended
    assert web["ports"] == ["8080:80", "8443:443", "9000:90"]  # unique by ip/published/target/protocol
    assert web["volumes"] == ["other:/var/lib/data", "./conf:/etc/conf:ro"]  # unique by target, in place
    assert web["environment"] == {"A": "1", "B": "3", "C": None}  # as mappings, whatever the form
    assert web["dns"] == ["1.1.1.1", "8.8.8.8"]  # appended without repeats
    assert "labels" not in web  # !reset


def test_order_of_files_matters_and_override_tag(tmp_path: Path) -> None:
    a = write(tmp_path, "a.yaml", "services:\n  s:\n    image: one\n    ports: ['1:1']\n")
    b = write(tmp_path, "b.yaml", "services:\n  s:\n    image: two\n    ports: !override ['2:2']\n")
    assert load_project([a, b], environ={}).data["services"]["s"] == {"image": "two", "ports": ["2:2"]}
    assert load_project([b, a], environ={}).data["services"]["s"] == {"image": "one", "ports": ["2:2", "1:1"]}


def test_discovery_reads_the_override_file(tmp_path: Path) -> None:
    write(tmp_path, "compose.yaml", BASE)
    write(tmp_path, "compose.override.yaml", OVERRIDE)
    project = load_project(directory=str(tmp_path), environ={})
    assert [(Path(f.path).name, f.role) for f in project.files] == [
        ("compose.yaml", "main"),
        ("compose.override.yaml", "override"),
    ]
    empty = load_project(directory=str(tmp_path / "nowhere"), environ={})
    assert [f.code for f in empty.findings] == ["CM300"]


def test_provenance_names_file_line_and_column(tmp_path: Path) -> None:
    base = write(tmp_path, "compose.yaml", BASE)
    over = write(tmp_path, "compose.override.yaml", OVERRIDE)
    project = load_project([base, over], environ={})
    prov = project.provenance
    o = prov[("services", "web", "ports", 2)]
    assert (Path(o.file).name, o.line, o.col) == ("compose.override.yaml", 6, 9)
    o = prov[("services", "web", "image")]
    assert (Path(o.file).name, o.line, o.col) == ("compose.yaml", 3, 5)
    assert Path(prov[("services", "web", "environment", "B")].file).name == "compose.override.yaml"
    text = render(project, with_provenance=True)
    assert "- 9000:90  # " in text and "compose.override.yaml:6" in text


def test_include_forms_env_file_project_directory_and_cycle(tmp_path: Path) -> None:
    write(tmp_path, "lib/one.yaml", "services:\n  one:\n    image: ${TAG:-x}\n    build: .\n")
    write(tmp_path, "lib/two.yaml", "services:\n  two:\n    image: two\n")
    write(tmp_path, "lib/two.override.yaml", "services:\n  two:\n    command: run\n")
    write(tmp_path, "lib/vars.env", "TAG=from-env-file\n")
    write(tmp_path, "other/three.yaml", "services:\n  three:\n    image: three\n    env_file: x.env\n")
    main = write(
        tmp_path,
        "compose.yaml",
        """
        include:
          - lib/one.yaml
          - path: [lib/two.yaml, lib/two.override.yaml]
          - path: other/three.yaml
            project_directory: lib
        services:
          main: {image: main}
        """,
    )
    data = load_project([main], environ={}).data["services"]
    assert set(data) == {"main", "one", "two", "three"}
    assert data["one"] == {"image": "x", "build": "./lib"}  # relative to the included file
    assert data["two"] == {"image": "two", "command": "run"}
    assert data["three"]["env_file"] == "./lib/x.env"  # relative to its project_directory
    with_env = write(tmp_path, "env.yaml", "include:\n  - path: lib/one.yaml\n    env_file: lib/vars.env\n")
    assert load_project([with_env], environ={}).data["services"]["one"]["image"] == "from-env-file"
    write(tmp_path, "c1.yaml", "include: [c2.yaml]\nservices:\n  a: {image: a}\n")
    write(tmp_path, "c2.yaml", "include: [c1.yaml]\nservices:\n  b: {image: b}\n")
    cyc = load_project([str(tmp_path / "c1.yaml")], environ={})
    assert [(f.code, Path(f.file).name, f.line) for f in cyc.findings] == [("CM302", "c2.yaml", 1)]
    assert "include forms a cycle: c1.yaml -> c2.yaml -> c1.yaml" in cyc.findings[0].message


def test_extends_with_and_without_file_cycles_and_missing(tmp_path: Path) -> None:
    write(tmp_path, "common/base.yaml", "services:\n  base:\n    build: ./app\n    environment: {A: '1'}\n")
    main = write(
        tmp_path,
        "compose.yaml",
        """
        services:
          web:
            extends: {file: common/base.yaml, service: base}
            environment: {B: '2'}
          worker:
            extends: web
            command: work
          broken:
            extends: {file: missing.yaml, service: x}
        """,
    )
    project = load_project([main], environ={})
    services = project.data["services"]
    assert services["web"] == {"build": "./common/app", "environment": {"A": "1", "B": "2"}}
    assert services["worker"]["command"] == "work" and services["worker"]["build"] == "./common/app"
    assert [(f.code, f.line, f.col) for f in project.findings] == [("CM301", 9, 15)]
    write(tmp_path, "loop.yaml", "services:\n  a: {extends: b}\n  b: {extends: a}\n")
    loop = load_project([str(tmp_path / "loop.yaml")], environ={})
    assert loop.findings and loop.findings[0].code == "CM302"


def test_dotenv_env_file_and_profiles(tmp_path: Path) -> None:
    write(tmp_path, ".env", "IMAGE=from-dotenv\n")
    write(tmp_path, "alt.env", "IMAGE=from-alt\n")
    main = write(
        tmp_path,
        "compose.yaml",
        "services:\n  app: {image: $IMAGE}\n  debug: {image: d, profiles: [debug]}\n",
    )
    assert load_project([main], environ={}).data["services"] == {"app": {"image": "from-dotenv"}}
    p = load_project([main], environ={}, env_files=[str(tmp_path / "alt.env")], profiles=["debug"])
    assert p.data["services"]["app"]["image"] == "from-alt" and "debug" in p.data["services"]
    assert load_project([main], environ={"IMAGE": "shell"}).data["services"]["app"]["image"] == "shell"


def test_project_findings_point_at_the_file_that_wrote_them(tmp_path: Path) -> None:
    base = write(tmp_path, "compose.yaml", "services:\n  web:\n    image: w\n    ports: ['80:80']\n")
    over = write(
        tmp_path,
        "compose.prod.yaml",
        "services:\n  api:\n    image: a\n    ports: ['80:8080']\n    depends_on: [db]\n    networks: [back]\n",
    )
    found = {
        (f.code, Path(f.file).name, f.line, f.col) for f in project_findings(load_project([base, over], environ={}))
    }
    assert found == {
        ("CM220", "compose.prod.yaml", 5, 18),
        ("CM221", "compose.prod.yaml", 6, 16),
        ("CM226", "compose.prod.yaml", 4, 13),
    }


def test_version_mismatch_is_reported_like_docker_compose_1(tmp_path: Path) -> None:
    a = write(tmp_path, "a.yml", "version: '2'\nservices:\n  s: {image: x}\n")
    b = write(tmp_path, "b.yml", "version: '2.1'\nservices:\n  s: {command: y}\n")
    project = load_project([a, b], environ={})
    [f] = project.findings
    assert f.code == "CM305" and (Path(f.file).name, f.line) == ("b.yml", 1)
    assert f.message.startswith("Version mismatch: file ") and "specifies version 2.0 but extension file" in f.message
    assert project.legacy and project.data["services"]["s"] == {"image": "x", "command": "y"}


def test_validate_project_keeps_override_files_valid(tmp_path: Path) -> None:
    write(tmp_path, "compose.yaml", "services:\n  web: {image: w}\n")
    write(tmp_path, "compose.override.yaml", "services:\n  web:\n    depends_on: [cache]\n")
    results = validate_project(str(tmp_path), environ={})
    assert [Path(r.file).name for r in results] == ["compose.yaml", "compose.override.yaml"]
    assert results[0].valid
    assert [(f.code, f.line) for f in results[1].findings] == [("CM220", 3)]


def test_migrate_project_with_its_override_file() -> None:
    folder = SHARED / "corpus" / "docker-compose" / "override-yaml-files"
    files = [str(folder / "docker-compose.yml"), str(folder / "docker-compose.override.yaml")]
    results = migrate_project(files, "spec")
    assert [r.changed for r in results] == [True, True]
    assert results[1].output == 'services:\n    db:\n        command: "top"\n'
    merged = load_project(files, environ={}, texts={f: r.output for f, r in zip(files, results, strict=True)}).data
    assert merged["services"]["db"]["command"] == "top" and merged["services"]["web"]["depends_on"] == ["db"]


def test_cli_config_and_project_commands(tmp_path: Path) -> None:
    write(tmp_path, "compose.yaml", BASE)
    write(tmp_path, "compose.override.yaml", OVERRIDE)
    out = run_cli("config", "--format", "json", str(tmp_path))
    assert out.returncode == 0, out.stderr
    assert json.loads(out.stdout)["services"]["web"]["command"] == "nginx-debug"
    prov = run_cli("config", "--provenance", cwd=tmp_path)
    assert "command: nginx-debug  # " in prov.stdout and "compose.override.yaml:3" in prov.stdout
    bad = run_cli("config", "-f", str(tmp_path / "nope.yaml"))
    assert bad.returncode == 2 and "CM301" in bad.stderr  # unreadable input (README exit codes)
    mig = run_cli(
        "project", "migrate", "-f", str(tmp_path / "compose.yaml"), "-f", str(tmp_path / "compose.override.yaml")
    )
    assert mig.returncode == 0, mig.stderr
    assert mig.stdout.count("(unchanged)") == 2


def test_project_migrate_discovers_files_like_config(tmp_path: Path) -> None:
    # The help says "-f ... default: discovery": without -f, the directory's files are found.
    write(tmp_path, "docker-compose.yml", 'version: "2"\nservices:\n  web:\n    image: nginx\n')
    write(tmp_path, "docker-compose.override.yml", 'version: "2"\nservices:\n  web:\n    command: top\n')
    here = run_cli("project", "migrate", cwd=tmp_path)
    assert here.returncode == 0, here.stderr
    assert "# docker-compose.yml: 2.0 -> spec (changed)" in here.stdout
    assert "# docker-compose.override.yml: 2.0 -> spec (changed)" in here.stdout
    named = run_cli("project", "migrate", str(tmp_path), "--to", "3.9")
    assert named.returncode == 0 and named.stdout.count('version: "3.9"') == 2
    results = migrate_project(None, "spec", directory=str(tmp_path))
    assert [Path(r.file).name for r in results] == ["docker-compose.yml", "docker-compose.override.yml"]
    empty = tmp_path / "empty"
    empty.mkdir()
    none = run_cli("project", "migrate", str(empty))
    assert none.returncode == 2 and "CM300" in none.stderr
