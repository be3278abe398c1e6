"""Text for people: findings grouped per file, then one summary line."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..findings import Severity

if TYPE_CHECKING:
    from ..api import ValidationResult


def format_finding(f: object) -> str:
    from ..findings import Finding

    assert isinstance(f, Finding)
    where = f.where()
    path = f"{f.path}: " if f.path else ""
    hint = f"\n    hint: {f.hint}" if f.hint else ""
    return f"{where}: {f.severity}: {path}{f.message} [{f.code}]{hint}"


def report_text(results: list[ValidationResult], *, color: bool = False) -> str:
    lines: list[str] = []
    errors = warnings = invalid = 0
    for r in results:
        label = r.version.label if r.version is not None else "unknown format"
        status = "valid" if r.valid else "invalid"
        if not r.valid:
            invalid += 1
        head = f"{r.file}: {status} ({label})"
        if color:
            head = f"\x1b[{'32' if r.valid else '31'}m{head}\x1b[0m"
        lines.append(head)
        for f in r.findings:
            errors += f.severity is Severity.ERROR
            warnings += f.severity is Severity.WARNING
            lines.append("  " + format_finding(f))
    n = len(results)
    lines.append(
        f"{n} file{'s' * (n != 1)}, {invalid} invalid, {errors} error{'s' * (errors != 1)}, "
        f"{warnings} warning{'s' * (warnings != 1)}"
    )
    return "\n".join(lines) + "\n"
