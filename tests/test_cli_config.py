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
