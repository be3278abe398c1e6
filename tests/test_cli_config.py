"""`config FILE` reads that file, like `config -f FILE`."""

from __future__ import annotations

from pathlib import Path

from .conftest import run_cli


def test_config_takes_a_file_as_well_as_a_directory(tmp_path: Path) -> None:
    f = tmp_path / "stack.yml"
    f.write_text("services:\n  web:\n    image: nginx:1.25\n")
    by_arg = run_cli("config", str(f))
    by_flag = run_cli("config", "-f", str(f))
    assert by_arg.returncode == by_flag.returncode == 0, by_arg.stderr
    assert by_arg.stdout == by_flag.stdout
    assert "image: nginx:1.25" in by_arg.stdout
    empty = run_cli("config", str(tmp_path / "nothing-here"))
    assert empty.returncode != 0


def test_config_exit_codes_follow_the_readme(tmp_path: Path) -> None:
    """2 for input that cannot be read (a missing or binary -f file, no file found), 1 for findings."""
    (tmp_path / "utf16.yml").write_bytes(b"\xff\xfeservices: {}\n")
    (tmp_path / "ext.yml").write_text(
        "services:\n  a:\n    image: x\n    extends: {file: gone.yml, service: b}\n", encoding="utf-8"
    )
    (tmp_path / "empty").mkdir()
    assert run_cli("config", "-f", str(tmp_path / "missing.yml")).returncode == 2
    assert run_cli("config", "-f", str(tmp_path / "utf16.yml")).returncode == 2
    assert run_cli("config", str(tmp_path / "empty")).returncode == 2
    proc = run_cli("config", "-f", str(tmp_path / "ext.yml"))
    assert proc.returncode == 1 and "gone.yml: no such file" in proc.stderr
