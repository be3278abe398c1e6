"""docs/rules.md and the rule registry are kept in step."""

from __future__ import annotations

from compose_migrate.migrations import RULES, STEP_DEFS
from compose_migrate.rulesdoc import render_rules_doc

from .conftest import ROOT


def test_rules_doc_is_current() -> None:
    committed = (ROOT / "docs" / "rules.md").read_text(encoding="utf-8")
    assert committed == render_rules_doc(), "run: python scripts/generate_rules_doc.py"


def test_every_rule_is_documented_with_its_id() -> None:
    doc = (ROOT / "docs" / "rules.md").read_text(encoding="utf-8")
    for name, rule in RULES.items():
        assert f"### `{name}` ({rule.rule_id}," in doc


def test_registry_shape() -> None:
    names = [r.name for s in STEP_DEFS for r in s.rules]
    assert len(names) == len(set(names)) == len(RULES)
    for step in STEP_DEFS:
        for rule in step.rules:
            assert rule.step_name == step.name
            assert rule.summary and rule.summary != rule.name, f"{rule.module} needs a one-line docstring"
            assert rule.rule_id, rule.name
