"""check: the CI view of a file, validate + "would migrate rewrite it?" in one pass.

| code  | severity | finding |
| ----- | -------- | ------- |
| CM240 | error    | a version 1 file: docker compose v2 does not read it |
| CM241 | warning  | `version` is obsolete (target spec); it only matters to docker-compose 1.x |
| CM242 | error    | `migrate --to TARGET` would rewrite the file (beyond dropping `version`) |
| CM243 | warning  | the migration could not be run, so the rewrite check is incomplete |
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from typing import TYPE_CHECKING

from ..findings import ComposeMigrateError, Finding, Severity
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

    if source > target:
        return []  # check never asks for a downgrade
    try:
        if base_dir is None:
            # `extends: {file: ...}` is relative to the file itself.
            base_dir = os.path.dirname(os.path.abspath(doc.name)) if os.path.isfile(doc.name) else "."
        res = migrate(doc, target, base_dir=os.fspath(base_dir))
    except ComposeMigrateError as exc:
        return [
            Finding(
                MIGRATION_FAILED,
                Severity.WARNING,
                f"could not check `migrate --to {target}`: {exc.finding.message}",
                exc.finding.path,
                exc.finding.line,
                exc.finding.col,
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
    first = real[0] if real else None
    line = first.line if first is not None else 1
    n = len(real)
    shown = "; ".join(c.message for c in real[:3]) + (" …" if n > 3 else "")
    return [
        Finding(
            WOULD_REWRITE,
            Severity.ERROR,
            f"`migrate --to {target}` would rewrite this file ({n} change{'s' * (n != 1)}: {shown})",
            first.path if first is not None else "",
            line,
            1 if line else 0,
            f"run `compose-migrate migrate {doc.name} --to {target} --in-place` and review the diff",
            doc.name,
        )
    ]
