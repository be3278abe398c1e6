"""migrate through the real CLI: streams, exit codes, refusals."""

from __future__ import annotations

from pathlib import Path

from .conftest import ROOT, SHARED, run_cli


def test_voting_app_to_spec_prints_the_golden_file() -> None:
    res = run_cli("migrate", str(ROOT / "fixtures/voting-app/v1/docker-compose.yml"), "--to", "spec")
    assert res.returncode == 0, res.stderr
    assert res.stdout == (ROOT / "fixtures/voting-app/spec/compose.yaml").read_text()
    assert "warning" in res.stderr and "links" in res.stderr
    assert "Traceback" not in res.stderr


def test_stdout_keeps_the_bom_like_in_place_does(tmp_path: Path) -> None:
    import subprocess
    import sys

    case = SHARED / "cases" / "009-utf8-bom-versioned"
    out = subprocess.run(
        [sys.executable, "-m", "compose_migrate", "migrate", str(case / "input.yml"), "--to", "spec"],
        capture_output=True,
        check=True,
    ).stdout
    assert out == (case / "expected.yml").read_bytes()


def test_an_invalid_input_is_refused_with_the_reason(tmp_path: Path) -> None:
    bad = tmp_path / "docker-compose.yml"
    bad.write_text("web:\n  image: nginx\nnotaservice: oops\n")
    res = run_cli("migrate", str(bad), "--to", "spec")
    assert res.returncode == 1
    assert res.stdout == ""
    assert "not valid version 1" in res.stderr and "notaservice" in res.stderr and "validate" in res.stderr
    assert "bug" not in res.stderr


def test_check_mode_writes_nothing_and_says_would_rewrite(tmp_path: Path) -> None:
    f = tmp_path / "docker-compose.yml"
    f.write_text('version: "3.8"\nservices:\n  web:\n    image: nginx:1.25\n')
    before = f.read_bytes()
    res = run_cli("migrate", str(f), "--to", "spec", "--check")
    assert res.returncode == 1
    assert f"would rewrite {f}" in res.stderr
    assert f.read_bytes() == before
    done = run_cli("migrate", str(f), "--to", "spec", "--in-place")
    assert done.returncode == 0 and f.read_text() == "services:\n  web:\n    image: nginx:1.25\n"
    again = run_cli("migrate", str(f), "--to", "spec", "--check")
    assert again.returncode == 0


def test_strict_refuses_lossy_changes_and_writes_nothing(tmp_path: Path) -> None:
    f = tmp_path / "docker-compose.yml"
    src = (SHARED / "cases" / "021-depends-on-condition" / "input.yml").read_text()
    f.write_text(src)
    res = run_cli("migrate", str(f), "--to", "3.9", "--strict", "--in-place")
    assert res.returncode == 1
    assert "refused (--strict)" in res.stderr
    assert f.read_text() == src
