"""Many inputs in one call: files, directories, globs and `-`, each judged alone.

One unreadable file never stops the others; the exit code is the worst of all:
0 clean or warnings only, 1 invalid (or warnings with `strict`), 2 unreadable.
`judge_path` is module-level and returns plain data, so the CLI can spread
files over processes (--jobs).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from ..findings import ComposeMigrateError, Finding, Severity
from ..loading import DEFAULT_MAX_BYTES
from ..versions import ComposeVersion

if TYPE_CHECKING:
    from ..api import ValidationResult

EXIT_OK, EXIT_FINDINGS, EXIT_UNREADABLE = 0, 1, 2
DUPLICATE_KEY = "CM014"


@dataclass
class Outcome:
    result: ValidationResult
    unreadable: bool = False

    def exit_code(self, *, strict: bool = False) -> int:
        if self.unreadable:
            return EXIT_UNREADABLE
        if not self.result.valid:
            return EXIT_FINDINGS
        if strict and any(f.severity is Severity.WARNING for f in self.result.findings):
            return EXIT_FINDINGS
        return EXIT_OK


def judge_path(
    path: str,
    *,
    check_to: ComposeVersion | None = None,
    version: ComposeVersion | None = None,
    schema: str | None = None,
    env: Mapping[str, str] | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> Outcome:
    """Validate one input (or `check` it against `check_to`); never raises ComposeMigrateError."""
    from ..api import ValidationResult
    from ..document import load
    from .check import check_document
    from .run import validate_document

    try:
        doc = load(path, max_bytes=max_bytes)
    except ComposeMigrateError as exc:
        finding = _with_path(exc.finding, path)
        return Outcome(ValidationResult(finding.file or path, None, [finding]), unreadable=True)
    try:
        if check_to is not None:
            return Outcome(check_document(doc, check_to, env=env))
        return Outcome(validate_document(doc, version, schema=schema, env=env))
    except ComposeMigrateError as exc:
        return Outcome(ValidationResult(doc.name, None, [exc.finding]), unreadable=True)


def exit_code(outcomes: list[Outcome], *, strict: bool = False) -> int:
    return max((o.exit_code(strict=strict) for o in outcomes), default=EXIT_OK)


def _with_path(f: Finding, path: str) -> Finding:
    """A duplicate-key error named by its path (the loader only knows line:col)."""
    if f.code != DUPLICATE_KEY or f.path or not f.line or path == "-":
        return f
    from .yamlcheck import path_at

    try:
        with open(path, encoding="utf-8-sig") as fh:
            text = fh.read()
    except (OSError, UnicodeDecodeError):
        return f
    return replace(f, path=path_at(text, f.line, f.col))
