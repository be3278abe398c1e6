"""check_noop / check_transformed: the two helpers every rule test uses.

check_transformed also validates the expected output against the target's
schema, so a test can never lock in a broken file (django-upgrade's idea).
"""

from __future__ import annotations

import textwrap

from compose_migrate import load, migrate
from compose_migrate.migrations.driver import MigrationResult
from compose_migrate.validation.schema import schema_findings
from compose_migrate.versions import ComposeVersion


def _run(before: str, to: str | ComposeVersion, **options: object) -> MigrationResult:
    doc = load(text=textwrap.dedent(before), name="test.yml")
    return migrate(doc, to, **options)


def check_noop(before: str, to: str | ComposeVersion, *, rule: str | None = None) -> MigrationResult:
    """Migrating leaves this input alone (the rule, when named, records nothing)."""
    res = _run(before, to)
    if rule is None:
        assert not res.changed, res.output
        assert res.output == textwrap.dedent(before)
    else:
        assert [c for c in res.changes if c.rule == rule] == []
        assert [w for w in res.warnings if w.rule == rule] == []
    return res


def check_transformed(before: str, after: str, to: str | ComposeVersion, **options: object) -> MigrationResult:
    """Migrating gives exactly `after`, which is valid for the target and stable."""
    target = ComposeVersion.parse(to) if isinstance(to, str) else to
    expected = textwrap.dedent(after)
    res = _run(before, target, **options)
    assert res.output == expected, f"--- got ---\n{res.output}\n--- expected ---\n{expected}"
    out_doc = load(text=expected, name="after.yml")
    assert out_doc.version == target or (target is ComposeVersion.V2_0 and str(out_doc.version) == "2.0")
    problems = schema_findings(out_doc.reading(target).data, target)
    assert problems == [], problems
    again = migrate(out_doc, target)
    assert not again.changed and again.output == expected, "migrating twice must change nothing"
    return res
