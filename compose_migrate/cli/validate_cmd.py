"""`compose-migrate validate FILE...`: every problem, located."""

from __future__ import annotations

import sys

import typer

from ..findings import ComposeMigrateError, Severity
from . import app
from .common import EXIT_FINDINGS, EXIT_OK, EXIT_UNREADABLE, OutputFormat


@app.command()
def validate(
    files: list[str] = typer.Argument(..., help="Compose files, directories or globs; - for stdin."),
    version: str | None = typer.Option(None, "--version", help="Validate as this version instead of the detected one."),
    schema: str | None = typer.Option(None, "--schema", help="Validate against this JSON Schema file."),
    fmt: OutputFormat = typer.Option(OutputFormat.text, "--format", help="Output format."),
    strict: bool = typer.Option(False, "--strict", help="Warnings fail too (exit 1)."),
) -> None:
    """Validate each file against its format's schema; print file:line:col: path: message."""
    from ..api import ValidationResult
    from ..api import validate as validate_doc
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
    for path in expand(files):
        try:
            res = validate_doc(path, target, schema=schema)
        except ComposeMigrateError as exc:
            code = max(code, EXIT_UNREADABLE)
            res = ValidationResult(exc.finding.file or path, None, [exc.finding])
        else:
            failing = not res.valid or (strict and any(f.severity is Severity.WARNING for f in res.findings))
            if failing:
                code = max(code, EXIT_FINDINGS)
        results.append(res)
    reporter = REPORTER_BY_NAME[fmt.value]
    out = reporter(results)
    sys.stdout.write(out)
    raise typer.Exit(code)
