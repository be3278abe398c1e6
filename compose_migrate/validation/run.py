"""validate(): all layers for one document, findings sorted by position."""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

from ..findings import Finding, Severity
from ..versions import ComposeVersion

if TYPE_CHECKING:
    from ..api import ValidationResult
    from ..document import Document


def validate_document(
    doc: Document,
    version: ComposeVersion | None = None,
    *,
    schema: str | os.PathLike[str] | None = None,
    env: dict[str, str] | None = None,
) -> ValidationResult:
    from ..api import ValidationResult
    from .schema import schema_findings

    det = doc.detection
    findings: list[Finding] = list(det.findings)
    v = version if version is not None else det.version
    if v is None:
        findings.append(Finding("CM100", Severity.ERROR, det.reason, line=det.line, col=det.col, file=doc.name))
        return ValidationResult(doc.name, None, findings)
    data = doc.reading(v).data
    for f in schema_findings(data, v, file=doc.name):
        line, col = doc.position(tuple(_parts(f.path)))
        findings.append(Finding(f.code, f.severity, f.message, f.path, line, col, f.hint, f.file))
    findings.sort(key=lambda f: (f.line, f.col))
    return ValidationResult(doc.name, v, findings)


def _parts(path: str) -> list[object]:
    import re

    out: list[object] = []
    for name, idx in re.findall(r"([^.\[\]]+)|\[(\d+)\]", path):
        out.append(int(idx) if idx else name)
    return out
