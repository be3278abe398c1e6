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


def _count(n: int, what: str) -> str:
    return f"{n} {what}{'s' * (n != 1)}"


def lint_summary(results: list[ValidationResult]) -> str:
    """ "3 files, 4 findings (1 error, 2 warnings, 1 info)": lint judges practice, not validity."""
    found = [f for r in results for f in r.findings]
    errors = sum(f.severity is Severity.ERROR for f in found)
    warnings = sum(f.severity is Severity.WARNING for f in found)
    info = len(found) - errors - warnings
    return (
        f"{_count(len(results), 'file')}, {_count(len(found), 'finding')} "
        f"({_count(errors, 'error')}, {_count(warnings, 'warning')}, {info} info)"
    )


def report_text(results: list[ValidationResult], *, color: bool = False, lint: bool = False) -> str:
    """Per file a header and its findings, then the summary.

    With `lint`, a header says "clean" or "3 findings": a schema-valid file with
    lint findings is neither "valid" nor "invalid" in lint's terms.
    """
    lines: list[str] = []
    for r in results:
        label = r.version.label if r.version is not None else "unknown format"
        if lint:
            n = len(r.findings)
            ok = not any(f.severity is Severity.ERROR for f in r.findings)
            verdict = _count(n, "finding") if n else "clean"
        else:
            ok = r.valid
            verdict = "valid" if r.valid else "invalid"
        lines.append(_paint(f"{r.file}: {verdict} ({label})", "32" if ok else "31", color))
        for f in r.findings:
            lines.append("  " + format_finding(f, color=color))
    lines.append(lint_summary(results) if lint else summary(results))
    return "\n".join(lines) + "\n"
