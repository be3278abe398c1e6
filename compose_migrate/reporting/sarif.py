"""SARIF 2.1.0 for code scanning: one run, one rule per finding code used."""

from __future__ import annotations

import json
import os
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

from ..findings import Severity
from .codes import title

if TYPE_CHECKING:
    from ..api import ValidationResult

SARIF_SCHEMA = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
_LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}


def _uri(path: str) -> str:
    """A relative URI when the file is under the working directory, else a file: URI."""
    if path in ("-", "<stdin>", ""):
        return "stdin"
    full = os.path.abspath(path)
    rel = os.path.relpath(full)
    if not rel.startswith(".."):
        return quote(rel.replace(os.sep, "/"))
    return "file://" + quote(full.replace(os.sep, "/"))


def sarif_log(results: list[ValidationResult]) -> dict[str, Any]:
    from .. import __version__

    codes = sorted({f.code for r in results for f in r.findings})
    index = {c: i for i, c in enumerate(codes)}
    out_results: list[dict[str, Any]] = []
    for r in results:
        for f in r.findings:
            text = f"{f.path}: {f.message}" if f.path else f.message
            if f.hint:
                text += f" (hint: {f.hint})"
            location: dict[str, Any] = {"artifactLocation": {"uri": _uri(f.file or r.file)}}
            if f.line:
                location["region"] = {"startLine": f.line, "startColumn": f.col or 1}
            item: dict[str, Any] = {
                "ruleId": f.code,
                "ruleIndex": index[f.code],
                "level": _LEVEL[f.severity],
                "message": {"text": text},
                "locations": [{"physicalLocation": location}],
            }
            if f.path:
                item["locations"][0]["logicalLocations"] = [{"fullyQualifiedName": f.path, "kind": "member"}]
            out_results.append(item)
    return {
        "$schema": SARIF_SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "compose-migrate",
                        "version": __version__,
                        "rules": [{"id": c, "name": c, "shortDescription": {"text": title(c)}} for c in codes],
                    }
                },
                "results": out_results,
            }
        ],
    }


def report_sarif(results: list[ValidationResult]) -> str:
    return json.dumps(sarif_log(results), indent=2) + "\n"
