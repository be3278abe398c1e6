"""GitHub Actions workflow commands: one annotation per finding.

`::error file=F,line=L,col=C,title=CODE::message`; values are escaped as the
runner expects (`%`, CR, LF everywhere; `:` and `,` in properties too).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..findings import Severity
from .codes import title

if TYPE_CHECKING:
    from ..api import ValidationResult

_COMMAND = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def _data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _prop(text: str) -> str:
    return _data(text).replace(":", "%3A").replace(",", "%2C")


def report_github(results: list[ValidationResult]) -> str:
    lines: list[str] = []
    for r in results:
        for f in r.findings:
            props = [f"file={_prop(f.file or r.file)}"]
            if f.line:
                props.append(f"line={f.line}")
                props.append(f"col={f.col or 1}")
            props.append(f"title={_prop(f'{f.code} {title(f.code)}')}")
            text = f"{f.path}: {f.message}" if f.path else f.message
            if f.hint:
                text += f" (hint: {f.hint})"
            lines.append(f"::{_COMMAND[f.severity]} {','.join(props)}::{_data(text)}")
    return "\n".join(lines) + ("\n" if lines else "")
