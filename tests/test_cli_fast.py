"""The fast path (no typer) and the typer commands print the same thing."""

from __future__ import annotations

import subprocess
import sys

import pytest

from compose_migrate.cli.fast import parse

from .conftest import ROOT, SHARED

V2 = str(ROOT / "fixtures/voting-app/v2/docker-compose.yml")
BAD = str(SHARED / "cases/004-env-boolean-values/input.yml")
V1 = str(SHARED / "cases/010-v1-file-under-compose-v2/input.yml")
MISSING = str(ROOT / "no-such-file.yml")


def _run(args: list[str], *, typer_only: bool) -> tuple[int, str]:
    code = (
        "import sys\n"
        "from compose_migrate.cli.app import main as typer_main\n"
        "from compose_migrate.cli import main\n"
        f"sys.exit({'typer_main' if typer_only else 'main'}(sys.argv[1:]))\n"
    )
    res = subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True, timeout=120)
    return res.returncode, res.stdout


@pytest.mark.parametrize(
    "args",
    [
        pytest.param(["validate", V2], id="a valid file"),
        pytest.param(["validate", BAD, V2, MISSING], id="invalid, valid and missing files together"),
        pytest.param(["validate", "--format", "json", BAD], id="json"),
        pytest.param(["validate", "--format=github", BAD], id="github annotations"),
        pytest.param(["validate", "--strict", V1], id="strict"),
        pytest.param(["check", V1, "--format", "sarif"], id="check with sarif"),
        pytest.param(["check", "--to", "3.8", V2], id="check against another target"),
    ],
)
def test_same_output_and_exit_code(args: list[str]) -> None:
    assert parse(args) is not None  # really the fast path
    assert _run(args, typer_only=False) == _run(args, typer_only=True)


@pytest.mark.parametrize(
    "args",
    [
        pytest.param(["validate"], id="no files"),
        pytest.param(["validate", "--help"], id="help"),
        pytest.param(["validate", "--version", "3.8", V2], id="an option the fast path leaves to typer"),
        pytest.param(["validate", "--format", "yaml", V2], id="an unknown format"),
        pytest.param(["migrate", V2], id="another command"),
        pytest.param(["validate", "--to", "3.8", V2], id="check-only option on validate"),
    ],
)
def test_everything_else_goes_to_typer(args: list[str]) -> None:
    assert parse(args) is None


def test_the_fast_path_does_not_import_typer() -> None:
    code = (
        "import sys\nfrom compose_migrate.cli import main\n"
        f"main(['validate', {V2!r}])\n"
        "assert 'typer' not in sys.modules and 'jsonschema' not in sys.modules, sorted(sys.modules)\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, timeout=60)
