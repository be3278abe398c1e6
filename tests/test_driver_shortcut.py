"""The driver's version-line shortcut gives exactly what the full ruamel path gives.

For every corpus file, every case input and a bench-style generated file,
migrating with the shortcut allowed and with it turned off must produce the
same bytes, changes, warnings and per-step differences (or the same error).
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import pytest

from compose_migrate import migrate
from compose_migrate.findings import ComposeMigrateError
from compose_migrate.migrations import driver

from .conftest import ROOT, SHARED

sys.path.insert(0, str(ROOT / "bench"))
from run import generated_compose  # noqa: E402

FILES = sorted(
    p
    for folder in (SHARED / "corpus", SHARED / "cases")
    for p in folder.rglob("*")
    if p.is_file() and p.suffix in (".yml", ".yaml")
)


def _outcome(path: Path, to: str, shortcut: bool, monkeypatch: pytest.MonkeyPatch) -> tuple[Any, ...]:
    monkeypatch.setattr(driver, "SHORTCUT", shortcut)
    try:
        r = migrate(str(path), to)
    except ComposeMigrateError as exc:
        return ("error", exc.finding.to_json())
    return (
        r.output,
        r.changed,
        [c.to_json() for c in r.changes],
        [w.to_json() for w in r.warnings],
        [(s.step, str(s.target), s.diff) for s in r.steps],
    )


@pytest.mark.parametrize("to", ["spec", "3.8"])
def test_shortcut_matches_full_path(to: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    big = tmp_path / "compose-40.yml"
    big.write_text(generated_compose(40), encoding="utf-8")
    taken = 0
    real = driver._version_line_only

    def counting(*args: Any, **kwargs: Any) -> Any:
        nonlocal taken
        result = real(*args, **kwargs)
        taken += result is not None
        return result

    monkeypatch.setattr(driver, "_version_line_only", counting)
    mismatched = []
    for path in [*FILES, big]:
        fast = _outcome(path, to, True, monkeypatch)
        full = _outcome(path, to, False, monkeypatch)
        if fast != full:
            mismatched.append(str(path))
    assert mismatched == []
    # The shortcut must really be in use (most files only lose or bump `version`).
    assert taken >= 150
