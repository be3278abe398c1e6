"""Reporters: one result list, several renderings (text, json, github, sarif).

`REPORTER_BY_NAME` feeds both the CLI's --format choices and the library;
`render` adds the text reporter's colour switch (the CLI turns it on only
when stdout is a terminal).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from .github import report_github
from .json import report_json
from .sarif import report_sarif
from .text import report_text

if TYPE_CHECKING:
    from ..api import ValidationResult

Reporter = Callable[[list["ValidationResult"]], str]

REPORTER_BY_NAME: dict[str, Reporter] = {
    "text": report_text,
    "json": report_json,
    "github": report_github,
    "sarif": report_sarif,
}


def render(name: str, results: list[ValidationResult], *, color: bool = False) -> str:
    """`results` in the format `name`; colour only applies to text."""
    if name == "text":
        return report_text(results, color=color)
    return REPORTER_BY_NAME[name](results)
