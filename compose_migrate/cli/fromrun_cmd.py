"""`compose-migrate from-run FILE` and `compose-migrate to-run FILE`: docker run <-> Compose."""

from __future__ import annotations

import sys

import typer

from ..findings import ComposeMigrateError, Severity
from .app import app
from .common import EXIT_FINDINGS, EXIT_OK, EXIT_UNREADABLE, echo, line_for


@app.command("from-run")
def from_run(
    file: str = typer.Argument(..., help="A shell script of docker run commands; - for stdin."),
    to: str = typer.Option("spec", "--to", help="Target: 1, 2.0-2.4, 3.0-3.13 or spec."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="Print warnings and errors only, not notes."),
) -> None:
    """Turn docker run commands into a Compose file (YAML on stdout, notes on stderr)."""
    from ..fromrun import parse_file, to_compose
    from ..versions import ComposeVersion

    try:
        target = ComposeVersion.parse(to)
    except ValueError as exc:
        raise typer.BadParameter(str(exc), param_hint="--to") from None
    try:
        result = parse_file(file)
    except ComposeMigrateError as exc:
        echo(line_for(exc.finding), err=True)
        raise typer.Exit(EXIT_UNREADABLE) from None
    try:
        out = to_compose(result, target)
    except ComposeMigrateError as exc:
        for f in result.notes:
            echo(line_for(f), err=True)
        echo(line_for(exc.finding), err=True)
        raise typer.Exit(EXIT_FINDINGS) from None
    for f in [*result.notes, *out.notes]:
        if not quiet or f.severity is not Severity.INFO:
            echo(line_for(f), err=True)
    sys.stdout.write(out.text)
    raise typer.Exit(EXIT_FINDINGS if result.errors else EXIT_OK)


@app.command("to-run")
def to_run(
    file: str = typer.Argument(..., help="A Compose file; - for stdin."),
    project: str = typer.Option(
        "",
        "--project-name",
        "-p",
        envvar="COMPOSE_PROJECT_NAME",
        help="Project name, as `docker compose -p` takes it (default: the file's `name:`, else its directory):"
        " prefixes the networks, volumes and containers.",
    ),
) -> None:
    """Print the docker run commands a Compose file stands for (networks and volumes first).

    Networks, volumes and containers are named and labelled as Docker Compose names and
    labels them, so `from-run` reads the script back into the same file.
    """
    from ..torun import to_run as build

    try:
        script = build(file, project=project)
    except ComposeMigrateError as exc:
        echo(line_for(exc.finding), err=True)
        raise typer.Exit(EXIT_UNREADABLE) from None
    for f in script.notes:
        echo(line_for(f), err=True)
    sys.stdout.write(script.text)
    raise typer.Exit(EXIT_OK)
