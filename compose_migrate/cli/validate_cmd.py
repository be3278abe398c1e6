"""`compose-migrate validate FILE...`: every problem, located."""

from __future__ import annotations

from typing import Any

import typer

from .app import app
from .common import JOBS_OPTION, MAX_BYTES_OPTION, OutputFormat

ENV_FILE_OPTION: Any = typer.Option([], "--env-file", help="Variables for interpolation (repeatable).")
ENV_OPTION: Any = typer.Option(False, "--env", help="Interpolate with this process's environment.")


def environment(env_file: list[str], use_env: bool) -> dict[str, str] | None:
    """The variables interpolation sees: none (all empty) unless asked."""
    import os

    from ..validation.interp import read_env_file

    if not env_file and not use_env:
        return None
    env: dict[str, str] = dict(os.environ) if use_env else {}
    for path in env_file:
        try:
            env.update(read_env_file(path))
        except OSError as exc:
            raise typer.BadParameter(f"{path}: {exc.strerror or exc}", param_hint="--env-file") from None
    return env


def run_and_report(files: list[str], fmt: OutputFormat, *, strict: bool, jobs: int, **options: Any) -> None:
    """Judge every input (in parallel with --jobs), render, exit with the worst code."""
    from .report import report_files

    raise typer.Exit(report_files(files, fmt.value, strict=strict, jobs=jobs, **options))


@app.command()
def validate(
    files: list[str] = typer.Argument(..., help="Compose files, directories or globs; - for stdin."),
    version: str | None = typer.Option(None, "--version", help="Validate as this version instead of the detected one."),
    schema: str | None = typer.Option(None, "--schema", help="Validate against this JSON Schema file."),
    fmt: OutputFormat = typer.Option(OutputFormat.text, "--format", help="text, json, github or sarif."),
    strict: bool = typer.Option(False, "--strict", help="Warnings fail too (exit 1)."),
    env_file: list[str] = ENV_FILE_OPTION,
    use_env: bool = ENV_OPTION,
    jobs: int = JOBS_OPTION,
    max_bytes: int = MAX_BYTES_OPTION,
) -> None:
    """Validate each file: YAML, its format's schema, references. Exit 0 clean, 1 invalid, 2 unreadable."""
    from ..versions import ComposeVersion

    target = None
    if version is not None:
        try:
            target = ComposeVersion.parse(version)
        except ValueError as exc:
            raise typer.BadParameter(str(exc), param_hint="--version") from None
    if schema is not None:
        from ..findings import ComposeMigrateError
        from ..validation.schema import load_schema_file

        try:
            load_schema_file(schema)  # a bad --schema is the command's problem, said once (exit 2)
        except ComposeMigrateError as exc:
            raise typer.BadParameter(f"{schema}: {exc.finding.message}", param_hint="--schema") from None
    env = environment(env_file, use_env)
    run_and_report(files, fmt, strict=strict, jobs=jobs, version=target, schema=schema, env=env, max_bytes=max_bytes)
