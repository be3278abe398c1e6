"""Turning arguments into files: directories, globs, stdin, missing paths."""

from __future__ import annotations

from pathlib import Path

from compose_migrate.inputs import expand, find_in_dir


def test_directory_finds_the_compose_names_and_variants(tmp_path: Path) -> None:
    for name in ("compose.yaml", "docker-compose.yml", "docker-compose.prod.yml", "compose.dev.yaml", "other.yml"):
        (tmp_path / name).write_text("services: {}\n")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "compose.yml").write_text("services: {}\n")
    (tmp_path / ".hidden").mkdir()
    (tmp_path / ".hidden" / "compose.yaml").write_text("services: {}\n")
    names = [Path(p).relative_to(tmp_path).as_posix() for p in find_in_dir(str(tmp_path))]
    assert names == [
        "compose.dev.yaml",
        "compose.yaml",
        "docker-compose.prod.yml",
        "docker-compose.yml",
        "sub/compose.yml",
    ]


def test_files_globs_stdin_and_missing_paths_keep_their_order(tmp_path: Path) -> None:
    a = tmp_path / "a.yml"
    b = tmp_path / "b.yml"
    a.write_text("x: 1\n")
    b.write_text("x: 1\n")
    missing = str(tmp_path / "nope.yml")
    got = expand([str(b), "-", str(tmp_path / "*.yml"), missing, str(tmp_path / "z*.yml")])
    assert got == [str(b), "-", str(a), missing, str(tmp_path / "z*.yml")]
