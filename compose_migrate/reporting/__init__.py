"""Reporters: one result list, several renderings (text, json, github, sarif).

`REPORTER_BY_NAME` feeds both the CLI's --format choices and the library.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from .json import report_json
from .text import report_text

if TYPE_CHECKING:
    from ..api import ValidationResult

Reporter = Callable[[list["ValidationResult"]], str]

REPORTER_BY_NAME: dict[str, Reporter] = {
    "text": report_text,
    "json": report_json,
}
