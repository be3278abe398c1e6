"""`compose-migrate check FILE...`: the CI entry point (validate + would migrate rewrite?)."""

from __future__ import annotations

import typer

from .app import app
from .common import JOBS_OPTION, MAX_BYTES_OPTION, OutputFormat
from .validate_cmd import ENV_FILE_OPTION, ENV_OPTION, environment, run_and_report


@app.command()
def check(
    files: list[str] = typer.Argument(..., help="Compose files, directories or globs; - for stdin."),
    to: str = typer.Option("spec", "--to", help="Target format the files should be in: 2.0-2.4, 3.0-3.13 or spec."),
    strict: bool = typer.Option(False, "--strict", help="Warnings fail too (exit 1)."),
    fmt: OutputFormat = typer.Option(OutputFormat.text, "--format", help="text, json, github or sarif."),
    env_file: list[str] = ENV_FILE_OPTION,
    use_env: bool = ENV_OPTION,
    jobs: int = JOBS_OPTION,
    max_bytes: int = MAX_BYTES_OPTION,
) -> None:
    """Validate each file and report whether `migrate --to TARGET` would rewrite it (exit 1 if so)."""
    from ..versions import ComposeVersion

    try:
        target = ComposeVersion.parse(to)
    except ValueError as exc:
        raise typer.BadParameter(str(exc), param_hint="--to") from None
    env = environment(env_file, use_env)
    run_and_report(files, fmt, strict=strict, jobs=jobs, check_to=target, env=env, max_bytes=max_bytes)
