"""Every rule's own before/after example (shown in docs/rules.md) holds."""

from __future__ import annotations

import pytest

from compose_migrate.migrations import RULES
from compose_migrate.versions import ComposeVersion

from .tools import check_transformed

STEP_DEFAULT_TARGET = {
    "v1_to_v2": ComposeVersion.V2_0,
    "v2_to_v2": ComposeVersion.V2_4,
    "v2_to_v3": ComposeVersion.V3_8,
    "v3_to_v3": ComposeVersion.V3_8,
    "to_spec": ComposeVersion.SPEC,
    "spec_to_v3": ComposeVersion.V3_8,
}


@pytest.mark.parametrize("name", sorted(n for n, r in RULES.items() if r.before))
def test_rule_example(name: str) -> None:
    rule = RULES[name]
    target = rule.target or STEP_DEFAULT_TARGET[rule.step_name]
    res = check_transformed(rule.before, rule.after, target)
    assert any(c.rule == name for c in res.changes) or any(w.rule == name for w in res.warnings)
