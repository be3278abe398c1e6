"""The wheel ships the generated schemas: build it, install it (not editable)
into a fresh venv, and validate a file with the installed package."""

from __future__ import annotations

import subprocess
import sys
import venv
from pathlib import Path

from .conftest import ROOT, SHARED


def test_wheel_contains_schemas_and_validates(tmp_path: Path) -> None:
    dist = tmp_path / "dist"
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet", "-w", str(dist), str(ROOT)],
        check=True,
        timeout=600,
    )
    [wheel] = dist.glob("compose_migrate-*.whl")
    import zipfile

    names = zipfile.ZipFile(wheel).namelist()
    assert "compose_migrate/_schemas/compose-spec.json" in names
    assert "compose_migrate/_schemas/compose-v1.json" in names

    env_dir = tmp_path / "venv"
    venv.EnvBuilder(with_pip=True).create(env_dir)
    py = env_dir / "bin" / "python"
    subprocess.run([str(py), "-m", "pip", "install", "--quiet", str(wheel)], check=True, timeout=900)
    sample = SHARED / "corpus" / "voting-app" / "docker-compose.yml@2016-01-28-bb24708.yml"
    # Run from an empty directory so the source checkout cannot be imported by accident.
    proc = subprocess.run(
        [str(py), "-c", "import compose_migrate, sys; print(compose_migrate.__file__)"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        check=True,
    )
    assert str(env_dir) in proc.stdout
    cli = env_dir / "bin" / "compose-migrate"
    ok = subprocess.run([str(cli), "validate", str(sample)], capture_output=True, text=True, cwd=tmp_path)
    assert ok.returncode == 0, ok.stdout + ok.stderr
    assert "valid (2.0)" in ok.stdout
    bad = tmp_path / "bad.yml"
    bad.write_text('version: "3.8"\nservices:\n  web:\n    image: 5\n    enviroment: {}\n')
    res = subprocess.run([str(cli), "validate", str(bad)], capture_output=True, text=True, cwd=tmp_path)
    assert res.returncode == 1, res.stdout + res.stderr
