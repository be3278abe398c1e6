"""Reporters: one result list, several renderings (text, json, github, sarif).

`REPORTER_BY_NAME` feeds both the CLI's --format choices and the library;
`render` adds the text reporter's colour switch (the CLI turns it on only
when stdout is a terminal).
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..api import ValidationResult

Reporter = Callable[[list["ValidationResult"]], str]


def _lazy(module: str, func: str) -> Reporter:
    """The reporter `func` of `.module`, imported on first use (a run renders one format)."""

    def report(results: list[ValidationResult]) -> str:
        real: Reporter = getattr(importlib.import_module(f"{__name__}.{module}"), func)
        return real(results)

    report.__name__ = report.__qualname__ = func
    return report


REPORTER_BY_NAME: dict[str, Reporter] = {
    "text": _lazy("text", "report_text"),
    "json": _lazy("json", "report_json"),
    "github": _lazy("github", "report_github"),
    "sarif": _lazy("sarif", "report_sarif"),
}


def render(name: str, results: list[ValidationResult], *, color: bool = False) -> str:
    """`results` in the format `name`; colour only applies to text."""
    if name == "text":
        from .text import report_text

        return report_text(results, color=color)
    return REPORTER_BY_NAME[name](results)
