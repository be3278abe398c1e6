"""`compose-migrate validate FILE...`: every problem, located."""

from __future__ import annotations

import functools
import sys
from typing import TYPE_CHECKING

import typer

from ..findings import ComposeMigrateError, Severity
from . import app
from .common import (
    EXIT_FINDINGS,
    EXIT_OK,
    EXIT_UNREADABLE,
    JOBS_OPTION,
    MAX_BYTES_OPTION,
    OutputFormat,
    map_files,
)

if TYPE_CHECKING:
    from ..api import ValidationResult
    from ..versions import ComposeVersion


def _validate_one(
    path: str, target: ComposeVersion | None, schema: str | None, max_bytes: int
) -> ValidationResult | ComposeMigrateError:
    """One file's result, or its error as data (runs in a worker with --jobs)."""
    from ..api import validate as validate_doc

    try:
        return validate_doc(path, target, schema=schema, max_bytes=max_bytes)
    except ComposeMigrateError as exc:
        return exc


@app.command()
def validate(
    files: list[str] = typer.Argument(..., help="Compose files, directories or globs; - for stdin."),
    version: str | None = typer.Option(None, "--version", help="Validate as this version instead of the detected one."),
    schema: str | None = typer.Option(None, "--schema", help="Validate against this JSON Schema file."),
    fmt: OutputFormat = typer.Option(OutputFormat.text, "--format", help="Output format."),
    strict: bool = typer.Option(False, "--strict", help="Warnings fail too (exit 1)."),
    jobs: int = JOBS_OPTION,
    max_bytes: int = MAX_BYTES_OPTION,
) -> None:
    """Validate each file against its format's schema; print file:line:col: path: message."""
    from ..api import ValidationResult
    from ..inputs import expand
    from ..reporting import REPORTER_BY_NAME
    from ..versions import ComposeVersion

    target = None
    if version is not None:
        try:
            target = ComposeVersion.parse(version)
        except ValueError as exc:
            raise typer.BadParameter(str(exc), param_hint="--version") from None
    results: list[ValidationResult] = []
    code = EXIT_OK
    paths = expand(files)
    one = functools.partial(_validate_one, target=target, schema=schema, max_bytes=max_bytes)
    for path, res in zip(paths, map_files(one, paths, jobs), strict=True):
        if isinstance(res, ComposeMigrateError):
            code = max(code, EXIT_UNREADABLE)
            res = ValidationResult(res.finding.file or path, None, [res.finding])
        else:
            failing = not res.valid or (strict and any(f.severity is Severity.WARNING for f in res.findings))
            if failing:
                code = max(code, EXIT_FINDINGS)
        results.append(res)
    reporter = REPORTER_BY_NAME[fmt.value]
    out = reporter(results)
    sys.stdout.write(out)
    raise typer.Exit(code)
