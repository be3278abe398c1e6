"""JSON for tools: the stable contract of design.md."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..api import ValidationResult


def report_json(results: list[ValidationResult]) -> str:
    return json.dumps({"files": [r.to_json() for r in results]}, indent=2) + "\n"
