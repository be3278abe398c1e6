"""check: the CI view of a file, validate + "would migrate rewrite it?" in one pass.

| code  | severity | finding |
| ----- | -------- | ------- |
| CM240 | error    | a version 1 file: docker compose v2 does not read it |
| CM241 | warning  | `version` is obsolete (target spec); it only matters to docker-compose 1.x |
| CM242 | error    | `migrate --to TARGET` would rewrite the file (beyond dropping `version`) |
| CM243 | error    | `migrate --to TARGET` refuses the file (a refused downgrade, an unprovable step) |
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from typing import TYPE_CHECKING

from ..findings import Change, ComposeMigrateError, Finding, MigrationWarning, Severity
from ..versions import ComposeVersion

if TYPE_CHECKING:
    from ..api import ValidationResult
    from ..document import Document

V1_UNREAD = "CM240"
VERSION_OBSOLETE = "CM241"
WOULD_REWRITE = "CM242"
MIGRATION_FAILED = "CM243"


def check_document(
    doc: Document,
    target: ComposeVersion = ComposeVersion.SPEC,
    *,
    env: Mapping[str, str] | None = None,
    base_dir: str | os.PathLike[str] | None = None,
) -> ValidationResult:
    """Validation findings plus what CI must know about the file's format."""
    from .run import validate_document

    result = validate_document(doc, env=env)
    source = result.version
    if source is None:
        return result
    extra: list[Finding] = []
    det = doc.detection
    if source is ComposeVersion.V1:
        line, col = 1, 1
        extra.append(
            Finding(
                V1_UNREAD,
                Severity.ERROR,
                "version 1 file (services at the top level): docker compose v2 and the Compose Specification "
                "do not read this layout",
                line=line,
                col=col,
                hint=f"run `compose-migrate migrate {doc.name} --to {target}`",
                file=doc.name,
            )
        )
    elif target is ComposeVersion.SPEC and det.declared is not None:
        line, col = doc.position(("version",), key=True)
        extra.append(
            Finding(
                VERSION_OBSOLETE,
                Severity.WARNING,
                "`version` is obsolete: docker compose v2 ignores it",
                path="version",
                line=line,
                col=col,
                hint="remove it, unless docker-compose 1.x or `docker stack deploy` must still read this file",
                file=doc.name,
            )
        )
    if source is not ComposeVersion.V1 and result.valid:
        extra += _rewrite_findings(doc, source, target, base_dir)
    findings = sorted(result.findings + extra, key=lambda f: (f.line, f.col, f.code))
    return type(result)(result.file, source, findings)


def _rewrite_findings(
    doc: Document, source: ComposeVersion, target: ComposeVersion, base_dir: str | os.PathLike[str] | None
) -> list[Finding]:
    from ..api import migrate

    try:
        if base_dir is None:
            # `extends: {file: ...}` is relative to the file itself.
            base_dir = os.path.dirname(os.path.abspath(doc.name)) if os.path.isfile(doc.name) else "."
        res = migrate(doc, target, base_dir=os.fspath(base_dir))
    except ComposeMigrateError as exc:
        return [
            Finding(
                MIGRATION_FAILED,
                Severity.ERROR,  # `migrate --check` fails on it too: never call such a file valid
                f"`migrate --to {target}` refuses this file: {exc.finding.message}",
                exc.finding.path,
                *(exc.finding.line and (exc.finding.line, exc.finding.col) or doc.position(("version",), key=True)),
                None,
                doc.name,
            )
        ]
    if not res.changed:
        return []
    # Dropping `version` alone is what CM241 says already (a warning, not a failure).
    real = [c for c in res.changes if not (c.path == "version" and target is ComposeVersion.SPEC)]
    if not real and not res.warnings:
        return []
    items: list[Change | MigrationWarning] = sorted([*res.changes, *res.warnings], key=_by_line)
    noted: list[Change | MigrationWarning] = [*real, *res.warnings]
    first = min(noted, key=_by_line)
    line, col = _located(doc, first)
    n, w = len(res.changes), len(res.warnings)
    counts = f"{n} change{'s' * (n != 1)}" + (f", {w} warning{'s' * (w != 1)}" if w else "")
    shown = "; ".join(_describe(doc, i) for i in items[:_SHOWN])
    more = f"; … {len(items) - _SHOWN} more" if len(items) > _SHOWN else ""
    return [
        Finding(
            WOULD_REWRITE,
            Severity.ERROR,
            f"`migrate --to {target}` would rewrite this file ({counts}): {shown}{more}",
            first.path,
            line,
            col,
            f"run `compose-migrate migrate {doc.name} --to {target} --in-place` and review the diff",
            doc.name,
        )
    ]


def _by_line(item: Change | MigrationWarning) -> int:
    return item.line or 1 << 30  # unlocated last


_SHOWN = 4  # changes/warnings listed in the CM242 message; `migrate` prints them all


def _path_parts(path: str) -> tuple[str | int, ...]:
    """`services.web.ports[0]` -> ("services", "web", "ports", 0)."""
    parts: list[str | int] = []
    for piece in path.split(".") if path else []:
        head, *idx = re.split(r"\[(\d+)\]", piece)
        if head:
            parts.append(head)
        parts.extend(int(i) for i in idx if i)
    return tuple(parts)


def _located(doc: Document, item: Change | MigrationWarning) -> tuple[int, int]:
    """The (line, col) of a recorded change/warning in the original file."""
    col = int(getattr(item, "col", 0) or 0)  # Change/MigrationWarning may carry col
    if item.line and col:
        return item.line, col
    at_line, at_col = doc.position(_path_parts(item.path), key=True) if item.path else (1, 1)
    if not item.line:
        return at_line, at_col
    return item.line, at_col if at_line == item.line else 1


def _describe(doc: Document, item: Change | MigrationWarning) -> str:
    line, col = _located(doc, item)
    kind = "warning: " if isinstance(item, MigrationWarning) else ""
    return f"{line}:{col}: {kind}{item.path + ': ' if item.path else ''}{item.message}"
