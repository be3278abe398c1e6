"""Pieces every command shares: reading many inputs, formats, exit codes."""

from __future__ import annotations

import enum
import sys
from collections.abc import Iterator

from ..findings import ComposeMigrateError, Finding

EXIT_OK, EXIT_FINDINGS, EXIT_UNREADABLE = 0, 1, 2


class OutputFormat(str, enum.Enum):
    text = "text"
    json = "json"
    github = "github"
    sarif = "sarif"


def iter_documents(files: list[str]) -> Iterator[tuple[str, object]]:
    """(path, Document | ComposeMigrateError) for each input, in order."""
    from ..document import load
    from ..inputs import expand

    for path in expand(files):
        try:
            yield path, load(path)
        except ComposeMigrateError as exc:
            yield path, exc


def echo(text: str = "", *, err: bool = False) -> None:
    stream = sys.stderr if err else sys.stdout
    stream.write(text + ("\n" if not text.endswith("\n") else ""))


def line_for(f: Finding) -> str:
    where = f.where()
    head = f"{where}: " if where else ""
    path = f"{f.path}: " if f.path else ""
    tail = f" ({f.hint})" if f.hint else ""
    return f"{head}{f.severity}: {path}{f.message}{tail}"
