"""Pieces every command shares: reading many inputs, formats, exit codes."""

from __future__ import annotations

import enum
import sys
from collections.abc import Iterator
from typing import Any

import typer

from ..findings import ComposeMigrateError, Finding
from ..loading import DEFAULT_MAX_BYTES
from .pool import map_files

EXIT_OK, EXIT_FINDINGS, EXIT_UNREADABLE = 0, 1, 2

__all__ = [
    "EXIT_FINDINGS",
    "EXIT_OK",
    "EXIT_UNREADABLE",
    "DataFormat",
    "OutputFormat",
    "echo",
    "iter_documents",
    "line_for",
    "map_files",
]


class OutputFormat(str, enum.Enum):
    text = "text"
    json = "json"
    github = "github"
    sarif = "sarif"


class DataFormat(str, enum.Enum):
    """The formats of commands whose output is data, not findings (migrate, detect, explain, list-rules):
    only what they implement, so `--format sarif` there is a usage error, not silently text."""

    text = "text"
    json = "json"


# One-line options the commands share: `jobs: int = JOBS_OPTION`.
JOBS_OPTION: Any = typer.Option(1, "--jobs", "-j", min=0, help="Check N files at once (0: one per CPU).")
MAX_BYTES_OPTION: Any = typer.Option(
    DEFAULT_MAX_BYTES, "--max-bytes", min=1, help="Refuse input files larger than this many bytes."
)


def iter_documents(files: list[str], *, max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[tuple[str, object]]:
    """(path, Document | ComposeMigrateError) for each input, in order."""
    from ..document import load
    from ..inputs import expand

    for path in expand(files):
        try:
            yield path, load(path, max_bytes=max_bytes)
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
