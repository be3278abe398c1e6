"""Running lint rules over documents: selection, suppression comments, results."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ..api import ValidationResult
from ..findings import Finding
from ..yamlpath import format_path
from .base import EXAMPLE_SEPARATOR, Hit, LintRule

if TYPE_CHECKING:
    from ..document import Document

# `# compose-migrate: ignore CL001,CL007` on the line a finding points at;
# a bare `# compose-migrate: ignore` silences every rule on that line.
_IGNORE = re.compile(r"#\s*compose-migrate:\s*ignore\b(?P<codes>[^#]*)", re.I)
_CODE = re.compile(r"[A-Za-z]+[0-9]+")
ALL = "*"


@dataclass
class LintResult(ValidationResult):
    """One file's remaining findings (a ValidationResult, so every reporter takes it)."""

    fixed: list[str] = field(default_factory=list)  # what --fix changed, one line each


def ignored_codes(line: str) -> set[str]:
    """Codes a source line silences ({"*"} for all, empty when none)."""
    m = _IGNORE.search(line)
    if m is None:
        return set()
    codes = {c.upper() for c in _CODE.findall(m.group("codes"))}
    return codes or {ALL}


def _matches(rule: LintRule, wanted: Iterable[str]) -> bool:
    for w in wanted:
        w = w.strip()
        if w and (rule.code.upper().startswith(w.upper()) or rule.name == w.lower()):
            return True
    return False


def select_rules(rules: Iterable[LintRule], select: Sequence[str] = (), ignore: Sequence[str] = ()) -> list[LintRule]:
    """Rules chosen by `--select` (codes, code prefixes or names; default all) minus `--ignore`."""
    chosen = [r for r in rules if not select or _matches(r, select)]
    return [r for r in chosen if not _matches(r, ignore)]


def _finding(rule: LintRule, doc: Document, hit: Hit) -> Finding:
    line, col = doc.position(hit.path, key=hit.key)
    message = f"{rule.message}: {hit.detail}" if hit.detail else rule.message
    return Finding(rule.code, rule.severity, message, format_path(hit.path), line, col, rule.fix_hint, doc.name)


def _suppressed(doc: Document, f: Finding, lines_cache: dict[str, list[str]]) -> bool:
    if not f.line:
        return False
    lines = lines_cache.setdefault(doc.name, doc.text.splitlines())
    if f.line > len(lines):
        return False
    codes = ignored_codes(lines[f.line - 1])
    return ALL in codes or f.code in codes


def lint_documents(docs: Sequence[Document], rules: Iterable[LintRule] | None = None) -> list[LintResult]:
    """Run the rules (default: all) over documents given together, one result each.

    Cross-file rules (`scope="files"`) see every document at once; a finding
    silenced by a comment on its line is dropped.
    """
    if rules is None:
        from . import RULES

        rules = RULES.values()
    chosen = list(rules)
    by_doc: dict[int, list[Finding]] = {id(d): [] for d in docs}
    for rule in chosen:
        assert rule.func is not None
        if rule.scope == "files":
            for d, hit in rule.func(list(docs)):
                by_doc[id(d)].append(_finding(rule, d, hit))
            continue
        for d in docs:
            for hit in rule.func(d):
                by_doc[id(d)].append(_finding(rule, d, hit))
    cache: dict[str, list[str]] = {}
    out = []
    for d in docs:
        kept = [f for f in by_doc[id(d)] if not _suppressed(d, f, cache)]
        kept.sort(key=lambda f: (f.line, f.col, f.code))
        out.append(LintResult(d.name, d.version, kept))
    return out


def lint_text(text: str, rules: Iterable[LintRule] | None = None, *, name: str = "compose.yaml") -> list[LintResult]:
    """Lint one example text; texts split by `# ---- next file` are several files."""
    from ..document import load

    parts = text.split(EXAMPLE_SEPARATOR)
    docs = [load(text=p, name=f"{i}-{name}" if len(parts) > 1 else name) for i, p in enumerate(parts)]
    return lint_documents(docs, rules)


def codes_of(results: Sequence[LintResult]) -> list[str]:
    return [f.code for r in results for f in r.findings]
