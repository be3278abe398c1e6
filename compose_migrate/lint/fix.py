"""`lint --fix`: the safe, mechanical fixes, made by the migration machinery.

Nothing here edits YAML itself.  Quoting uses migrations/yaml11_quoting (the
helper the migration rules quote with); `links` go through the migration rule
spec_links; `version` is dropped by `api.migrate(doc, SPEC, only=...)`.  Fixes
that keep the file's format run through `run_in_format`, which proves the
result the way the migration driver proves a step (schema of the same format,
and every semantic difference accounted for by a recorded change).  A fix the
proof refuses is not applied; its finding stays in the report.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ..findings import ComposeMigrateError
from ..migrations import RULES as MIGRATION_RULES
from ..migrations import MigrationError
from ..migrations.base import Context
from ..migrations.yaml11_quoting import quote_at
from ..versions import ComposeVersion
from .rules import _traps, links, obsolete_version, yaml11_base60, yaml11_boolean

if TYPE_CHECKING:
    from ..document import Document
    from .base import LintRule

# Migration rules the version fix runs: drop_version, plus S-12 so that values
# YAML 1.1 and 1.2 read differently keep the meaning they had.
VERSION_RULES = frozenset({"drop_version", "spec_yaml11_scalars"})


@dataclass
class FixResult:
    output: str
    applied: list[str] = field(default_factory=list)  # one line per fix made
    refused: list[str] = field(default_factory=list)  # fixes the proof did not allow

    def changed(self, original: str) -> bool:
        return self.output != original


def run_in_format(doc: Document, edits: Sequence[tuple[str, Callable[[Context], None]]]) -> tuple[str, Context]:
    """Apply `edits` to the round-trip tree of `doc`, keeping its format, and prove the result.

    Returns the new text (comments and layout kept, as `migrate` keeps them)
    and the Context with the recorded changes.  Raises MigrationError when the
    result is invalid for the file's format or differs where no change was recorded.
    """
    from .. import loading
    from ..migrations.driver import _same_reading, _verify_step
    from ..roundtrip import dump_tree, render

    version = doc.version
    if version is None:
        raise MigrationError("format not recognised")
    tree, y = doc.load_tree()
    first = dump_tree(tree, y)
    ctx = Context(doc=doc, tree=tree, source=version, step_target=version, target=version, step="lint-fix")
    for name, func in edits:
        ctx.rule = name
        func(ctx)
    last = dump_tree(tree, y)
    if last == first:
        return doc.text, ctx
    data = loading.parse(last, name=doc.name, yaml11=version.is_legacy).data
    _verify_step("lint-fix", version, doc.data, version, data, ctx)
    output = render(doc.text, first, last, doc.newline)
    if not _same_reading(output, last, version, doc.name):
        output = last.replace("\n", doc.newline) if doc.newline != "\n" else last
    return output, ctx


def _quote_traps(codes: frozenset[str]) -> Callable[[Context], None]:
    def apply(ctx: Context) -> None:
        for q in _traps.traps(ctx.doc, codes):
            # In place the tree has the file's own layout: the path as written is the path to edit.
            if quote_at(ctx.tree, q.path, q.text):
                ctx.change(q.path, f'quoted {q.text} as "{q.text}"', also=tuple(q.aliases))

    return apply


def _reload(doc: Document, text: str) -> Document:
    """The next fix reads the text the previous one wrote (the caller encodes with the original BOM)."""
    from ..document import load

    return load(text=text, name=doc.name) if text != doc.text else doc


def fix_document(doc: Document, rules: Sequence[LintRule]) -> FixResult:
    """Apply the safe fixes of the chosen rules; the text is unchanged when none applies."""
    codes = {r.code for r in rules}
    result = FixResult(doc.text)
    current = doc
    version = doc.version
    if version is None:
        return result

    quote_codes = frozenset(
        (yaml11_base60.CODES if yaml11_base60.RULE.code in codes else frozenset())
        | (yaml11_boolean.CODES if yaml11_boolean.RULE.code in codes else frozenset())
    )
    steps: list[tuple[str, list[tuple[str, Callable[[Context], None]]]]] = []
    # Each step loads a round-trip tree: only when its rule has something to fix.
    if quote_codes and _traps.traps(doc, quote_codes):
        steps.append(("quote YAML 1.1 traps", [("lint-quote", _quote_traps(quote_codes))]))
    if links.RULE.code in codes and version is not ComposeVersion.V1 and any(links.check(doc)):
        rule = MIGRATION_RULES["spec_links"]
        assert rule.func is not None
        steps.append(("links to depends_on", [(rule.name, rule.func)]))
    for label, edits in steps:
        try:
            text, ctx = run_in_format(current, edits)
        except MigrationError as exc:
            result.refused.append(f"{label}: {exc}")
            continue
        lossy = [w for w in ctx.warnings if w.lossy]
        if lossy:
            # A link alias that would become visible to every service: a choice for a person.
            result.refused.append(f"{label}: {lossy[0].path}: {lossy[0].message}")
            continue
        if text != current.text:
            result.applied.extend(f"{c.path}: {c.message} [{c.rule}]" for c in ctx.changes)
            current = _reload(current, text)

    has_version = isinstance(current.data, dict) and "version" in current.data
    if obsolete_version.RULE.code in codes and has_version and version.major in (2, 3):
        from ..api import migrate

        try:
            res = migrate(current, ComposeVersion.SPEC, only=set(VERSION_RULES))
        except ComposeMigrateError as exc:
            result.refused.append(f"drop version: {exc.finding.message}")
        else:
            lossy_w = [w for w in res.warnings if w.lossy]
            if lossy_w:
                result.refused.append(f"drop version: {lossy_w[0].path}: {lossy_w[0].message}")
            elif res.changed:
                result.applied.extend(f"{c.path}: {c.message} [{c.rule}]" for c in res.changes)
                current = _reload(current, res.output)
    result.output = current.text
    return result
