"""Every finding code the package can emit has a title (SARIF rules, docs)."""

from __future__ import annotations

import re

from compose_migrate.reporting.codes import CODE_TITLES

from .conftest import ROOT


def test_every_code_in_the_source_has_a_title() -> None:
    used: set[str] = set()
    for path in (ROOT / "compose_migrate").rglob("*.py"):
        if "_fastvalidators" in path.parts:
            continue
        used |= set(re.findall(r'"(CM\d{3})"', path.read_text(encoding="utf-8")))
    missing = sorted(used - set(CODE_TITLES))
    assert missing == []
    assert len(used) > 40
