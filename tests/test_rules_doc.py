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


def test_every_rule_id_of_the_fact_tables_has_a_module_or_a_reason() -> None:
    import re

    from compose_migrate.rulesdoc import NO_MODULE

    from .conftest import SHARED

    facts = (SHARED / "docs" / "compose-format-versions.md").read_text(encoding="utf-8")
    ids = set(re.findall(r"^\| (V1-\d+|V2-\d+|S-\d+) \|", facts, flags=re.M))
    assert len(ids) == 15 + 25 + 13
    covered = {r.rule_id for r in RULES.values()} | {rule_id for rule_id, _ in NO_MODULE}
    assert sorted(ids - covered, key=lambda i: (i.split("-")[0], int(i.split("-")[1]))) == []
