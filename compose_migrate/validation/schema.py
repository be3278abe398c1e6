"""Schema layer: the document checked against its format's JSON Schema."""

from __future__ import annotations

from typing import Any

from ..findings import Finding, Severity
from ..plain import schema_view
from ..versions import ComposeVersion
from ..yamlpath import format_path


def schema_findings(data: Any, version: ComposeVersion, *, file: str = "") -> list[Finding]:
    """Raw schema errors (unlocated, un-narrowed): enough to prove a migration's output."""
    from ..schemas import validator_for

    view = schema_view(data, v1=version is ComposeVersion.V1)
    out: list[Finding] = []
    for err in validator_for(version).iter_errors(view):
        out.append(Finding("CM200", Severity.ERROR, err.message, path=format_path(tuple(err.absolute_path)), file=file))
    return out
