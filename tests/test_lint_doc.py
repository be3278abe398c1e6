"""docs/lint-rules.md is generated from the registry; every example does what it says."""

from __future__ import annotations

import pytest

from compose_migrate.lint import RULES, lint_text
from compose_migrate.lint.doc import END_MARKER, render_doc

from .conftest import ROOT

DOC = ROOT / "docs" / "lint-rules.md"


def test_lint_doc_is_current() -> None:
    committed = DOC.read_text(encoding="utf-8")
    assert committed == render_doc(committed), "run: python scripts/generate_lint_doc.py"
    assert END_MARKER in committed


@pytest.mark.parametrize("code", list(RULES))
def test_examples(code: str) -> None:
    rule = RULES[code]
    bad = [f.code for r in lint_text(rule.bad) for f in r.findings]
    good = [f.code for r in lint_text(rule.good) for f in r.findings]
    assert code in bad, f"{code}: the bad example does not fire"
    assert code not in good, f"{code}: the good example fires"


def test_registry_shape() -> None:
    assert len(RULES) >= 20
    names = [r.name for r in RULES.values()]
    assert len(set(names)) == len(names)
    for code, rule in RULES.items():
        assert code.startswith("CL") and len(code) == 5
        assert rule.message and rule.why and rule.fix_hint
        assert "\n" not in rule.message
