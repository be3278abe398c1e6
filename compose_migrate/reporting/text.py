"""Text for people: findings grouped per file, then one summary line."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..findings import Finding, Severity

if TYPE_CHECKING:
    from ..api import ValidationResult

_COLOR = {Severity.ERROR: "31", Severity.WARNING: "33", Severity.INFO: "36"}


def _paint(text: str, code: str, on: bool) -> str:
    return f"\x1b[{code}m{text}\x1b[0m" if on else text


def format_finding(f: Finding, *, color: bool = False) -> str:
    """`file:line:col: severity: path: message [CODE]`, then the hint on its own line."""
    where = f.where()
    path = f"{f.path}: " if f.path else ""
    sev = _paint(str(f.severity), _COLOR[f.severity], color)
    hint = f"\n    hint: {f.hint}" if f.hint else ""
    return f"{where}: {sev}: {path}{f.message} [{f.code}]{hint}"


def summary(results: list[ValidationResult]) -> str:
    """ "3 files, 2 invalid, 5 errors, 1 warning"."""
    n = len(results)
    invalid = sum(not r.valid for r in results)
    errors = sum(f.severity is Severity.ERROR for r in results for f in r.findings)
    warnings = sum(f.severity is Severity.WARNING for r in results for f in r.findings)
    return (
        f"{n} file{'s' * (n != 1)}, {invalid} invalid, {errors} error{'s' * (errors != 1)}, "
        f"{warnings} warning{'s' * (warnings != 1)}"
    )


def report_text(results: list[ValidationResult], *, color: bool = False) -> str:
    lines: list[str] = []
    for r in results:
        label = r.version.label if r.version is not None else "unknown format"
        head = f"{r.file}: {'valid' if r.valid else 'invalid'} ({label})"
        lines.append(_paint(head, "32" if r.valid else "31", color))
        for f in r.findings:
            lines.append("  " + format_finding(f, color=color))
    lines.append(summary(results))
    return "\n".join(lines) + "\n"
