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


def _unreadable(findings: list[Any], files: list[str]) -> bool:
    from ..project.loader import MISSING_FILE, NO_FILE, UNREADABLE

    # CM307 names the unreadable file itself; CM301 names the file that refers
    # to a missing one (at the reference), or, with no position, a missing -f file.
    named = {os.path.abspath(f) for f in files}
    return any(
        f.code == NO_FILE
        or (f.code == UNREADABLE and os.path.abspath(f.file) in named)
        or (f.code == MISSING_FILE and not f.line and os.path.abspath(f.file) in named)
        for f in findings
    )


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
    """Print the merged project (files in -f order, include, extends, profiles).

    Exit 1 on errors, 2 when a file given with -f cannot be read or no file is found."""
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
    if _unreadable(project.findings, files):
        raise typer.Exit(2)  # a file named on the command line (or none found): unreadable input
    if any(f.severity is Severity.ERROR for f in project.findings):
        raise typer.Exit(1)
    sys.stdout.write(render(project, fmt, with_provenance=show_provenance))
    raise typer.Exit(0)
