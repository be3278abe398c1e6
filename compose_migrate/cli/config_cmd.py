"""`compose-migrate config`: the merged, normalised model of a project, like `docker compose config`."""

from __future__ import annotations

import os
import sys
from typing import Any

import typer

from .app import app

FILE_OPTION: Any = typer.Option([], "-f", "--file", help="Compose file (repeatable, in order); default: discovery.")
PROFILE_OPTION: Any = typer.Option([], "--profile", help="Activate a profile (repeatable).")
ENV_FILES_OPTION: Any = typer.Option([], "--env-file", help="Env file for interpolation (repeatable; default .env).")


def print_findings(findings: list[Any]) -> None:
    for f in findings:
        where = f.where()
        sys.stderr.write(f"{where + ': ' if where else ''}{f.severity}: {f.message} [{f.code}]\n")


@app.command("config")
def config(
    directory: str | None = typer.Argument(
        None, help="Project directory for discovery (default: current), or one Compose file."
    ),
    files: list[str] = FILE_OPTION,
    fmt: str = typer.Option("yaml", "--format", help="yaml or json."),
    show_provenance: bool = typer.Option(False, "--provenance", help="Comment each value with file:line."),
    profiles: list[str] = PROFILE_OPTION,
    env_files: list[str] = ENV_FILES_OPTION,
    no_interpolate: bool = typer.Option(False, "--no-interpolate", help="Keep ${VAR} as written."),
) -> None:
    """Print the merged project (files in -f order, include, extends, profiles). Exit 1 on errors."""
    from ..findings import Severity
    from ..project import load_project
    from ..project.render import render

    if fmt not in ("yaml", "json"):
        raise typer.BadParameter("use yaml or json", param_hint="--format")
    if show_provenance and fmt != "yaml":
        raise typer.BadParameter("--provenance needs --format yaml", param_hint="--provenance")
    if directory is not None and os.path.isfile(directory) and not files:
        # `config compose.yaml` means that file, as `-f compose.yaml` would.
        files, directory = [directory], None
    project = load_project(
        files or None, directory, env_files=env_files or None, profiles=profiles, interpolate=not no_interpolate
    )
    print_findings(project.findings)
    if any(f.severity is Severity.ERROR for f in project.findings):
        raise typer.Exit(1)
    sys.stdout.write(render(project, fmt, with_provenance=show_provenance))
    raise typer.Exit(0)
