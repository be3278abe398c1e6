"""validate / check / explain / detect --min-version from the command line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from compose_migrate.cli import main

from .conftest import SHARED, run_cli

GOOD = "services:\n  web:\n    image: nginx\n"
BAD = 'version: "3.8"\nservices:\n  web:\n    image: nginx\n    enviroment: {A: b}\n'
OLD = 'version: "3.8"\nservices:\n  web:\n    image: nginx\n'


def write(tmp_path: Path, name: str, text: str) -> str:
    p = tmp_path / name
    p.parent.mkdir(parents=True, exist_ok=True)
    p.write_text(text)
    return str(p)


def test_many_inputs_worst_exit_code_and_one_unreadable_does_not_stop_the_rest(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    good = write(tmp_path, "a/compose.yaml", GOOD)
    bad = write(tmp_path, "b/docker-compose.yml", BAD)
    assert main(["validate", good]) == 0
    assert main(["validate", str(tmp_path / "a"), bad]) == 1
    capsys.readouterr()
    assert main(["validate", "--format", "json", str(tmp_path / "nope.yml"), str(tmp_path)]) == 2
    files = json.loads(capsys.readouterr().out)["files"]
    assert [(Path(f["file"]).name, f["valid"]) for f in files] == [
        ("nope.yml", False),
        ("compose.yaml", True),
        ("docker-compose.yml", False),
    ]
    assert files[2]["findings"][0]["hint"] == "did you mean `environment`?"


def test_syntax_error_is_a_located_finding_with_exit_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = write(tmp_path, "compose.yaml", "services:\n  web: [\n")
    assert main(["validate", bad]) == 2
    out = capsys.readouterr().out
    assert f"{bad}:3:1: error: YAML syntax error" in out
    assert out.endswith("1 file, 1 invalid, 1 error, 0 warnings\n")


def test_strict_warnings_and_version_override(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    warn = write(tmp_path, "compose.yaml", 'version: "2.4"\nservices:\n  web:\n    image: x\n    ports: [22:22]\n')
    assert main(["validate", warn]) == 0
    assert main(["validate", "--strict", warn]) == 1
    capsys.readouterr()
    # As 2.0, healthcheck is too new.
    hc = write(tmp_path, "hc.yml", 'version: "2.4"\nservices:\n  web:\n    image: x\n    healthcheck: {test: x}\n')
    assert main(["validate", hc]) == 0
    capsys.readouterr()
    assert main(["validate", "--version", "2.0", "--format", "github", hc]) == 1
    out = capsys.readouterr().out
    assert out.startswith(f"::error file={hc},line=5,col=5,title=CM201 key not allowed here::")
    assert "needs version >= 2.1" in out


def test_stdin_and_sarif(capsys: pytest.CaptureFixture[str]) -> None:
    proc = run_cli("validate", "--format", "sarif", "-", stdin=BAD)
    assert proc.returncode == 1
    log = json.loads(proc.stdout)
    result = log["runs"][0]["results"][0]
    assert result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "stdin"
    assert result["ruleId"] == "CM201"


def test_env_file_feeds_interpolation(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    f = write(tmp_path, "compose.yaml", "services:\n  web:\n    image: nginx:${TAG}\n")
    env = write(tmp_path, ".env", "# comment\nOTHER=1\n")
    assert main(["validate", f]) == 0
    assert main(["validate", "--strict", "--env-file", env, f]) == 1
    assert "variable TAG is not set" in capsys.readouterr().out


def test_check_reports_obsolete_version_and_rewrites(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    old = write(tmp_path, "compose.yaml", OLD)
    assert main(["check", old]) == 0
    assert "`version` is obsolete" in capsys.readouterr().out
    assert main(["check", "--strict", old]) == 1
    assert main(["check", "--to", "3.8", old]) == 0
    v1 = str(SHARED / "cases" / "010-v1-file-under-compose-v2" / "input.yml")
    capsys.readouterr()
    assert main(["check", "--format", "json", v1]) == 1
    finding = json.loads(capsys.readouterr().out)["files"][0]["findings"][0]
    assert (finding["code"], finding["line"], finding["col"]) == ("CM240", 1, 1)
    # 3.8 -> 3.9 bumps the version: that is a rewrite, and check fails.
    assert main(["check", "--to", "3.9", old]) == 1
    assert "CM242" in capsys.readouterr().out


def test_explain(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["explain", "services.*.mem_limit"]) == 0
    out = capsys.readouterr().out
    assert "versions: 1-2.4, spec" in out
    assert "removed:  in 3.0, replaced by deploy.resources.limits.memory" in out
    assert main(["explain", "--format", "json", "healthcheck"]) == 0
    assert json.loads(capsys.readouterr().out)["versions"] == "2.1-spec"
    assert main(["explain", "no_such_key_anywhere"]) == 1


def test_detect_min_version(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    text = 'version: "2.4"\nservices:\n  web:\n    image: x\n    healthcheck:\n      test: x\n'
    f = write(tmp_path, "compose.yaml", text)
    assert main(["detect", "--min-version", f]) == 0
    out = capsys.readouterr().out
    assert "  needs 2.1: services.web.healthcheck at line 5\n" in out
    assert main(["detect", "--min-version", "--format", "json", f]) == 0
    row = json.loads(capsys.readouterr().out)[0]
    assert row["min_version"] == "2.1"
    assert row["needs"] == [{"path": "services.web.healthcheck", "version": "2.1", "line": 5}]


def test_pre_commit_hooks_file() -> None:
    import re

    import yaml

    hooks = yaml.safe_load((Path(__file__).resolve().parents[1] / ".pre-commit-hooks.yaml").read_text())
    assert [h["id"] for h in hooks] == ["compose-validate", "compose-migrate-check", "compose-lint"]
    assert [h["entry"] for h in hooks] == [
        "compose-migrate validate",
        "compose-migrate migrate --check",
        "compose-migrate lint",
    ]
    rx = re.compile(hooks[0]["files"])
    for name in ("compose.yaml", "a/docker-compose.yml", "docker-compose.override.yml", "compose.prod.yaml"):
        assert rx.search(name), name
    for name in ("mycompose.yml", "compose.json", "docker-compose.yml.bak"):
        assert not rx.search(name), name


def test_version_flag() -> None:
    import compose_migrate

    proc = run_cli("--version")
    assert (proc.returncode, proc.stdout) == (0, f"compose-migrate {compose_migrate.__version__}\n")
