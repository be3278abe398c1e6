"""`compose-migrate detect FILE...`: each file's format and why."""

from __future__ import annotations

import json

import typer

from ..findings import ComposeMigrateError
from . import app
from .common import (
    EXIT_FINDINGS,
    EXIT_OK,
    EXIT_UNREADABLE,
    MAX_BYTES_OPTION,
    OutputFormat,
    echo,
    iter_documents,
    line_for,
)


@app.command()
def detect(
    files: list[str] = typer.Argument(..., help="Compose files, directories or globs; - for stdin."),
    fmt: OutputFormat = typer.Option(OutputFormat.text, "--format", help="Output format."),
    max_bytes: int = MAX_BYTES_OPTION,
) -> None:
    """Print each file's Compose format (1, 2.0-2.4, 3.0-3.13, spec) and why."""
    code = EXIT_OK
    rows = []
    for path, doc in iter_documents(files, max_bytes=max_bytes):
        if isinstance(doc, ComposeMigrateError):
            code = max(code, EXIT_UNREADABLE)
            if fmt is OutputFormat.json:
                rows.append({"file": path, "version": None, "declared": None, "reason": str(doc.finding.message)})
            else:
                echo(line_for(doc.finding), err=True)
            continue
        det = doc.detection  # type: ignore[attr-defined]
        if det.version is None:
            code = max(code, EXIT_FINDINGS)
        if fmt is OutputFormat.json:
            rows.append(det.to_json())
            continue
        shown = det.version.label if det.version is not None else "unknown"
        echo(f"{path}: {shown} — {det.reason}")
        for f in det.findings:
            echo("  " + line_for(f))
    if fmt is OutputFormat.json:
        echo(json.dumps(rows, indent=2))
    raise typer.Exit(code)
