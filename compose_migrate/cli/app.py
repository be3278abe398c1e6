"""The typer application: every command module registers itself on `app`."""

from __future__ import annotations

import os
import sys

import typer

app = typer.Typer(
    name="compose-migrate",
    help="Detect, validate and migrate Docker Compose files of every format (v1, 2.x, 3.x, Compose Specification).",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


def _print_version(value: bool) -> None:
    if value:
        from .. import __version__

        typer.echo(f"compose-migrate {__version__}")
        raise typer.Exit(0)


@app.callback()
def _options(
    version: bool = typer.Option(
        False, "--version", callback=_print_version, is_eager=True, help="Print the version and exit."
    ),
) -> None:
    """Detect, validate and migrate Docker Compose files of every format (v1, 2.x, 3.x, Compose Specification)."""


# Registration happens on import; keep the imports after `app` exists.
from . import (  # noqa: E402,F401
    check_cmd,
    config_cmd,
    detect_cmd,
    explain_cmd,
    fromrun_cmd,
    lint_cmd,
    migrate_cmd,
    project_cmd,
    rules_cmd,
    validate_cmd,
)


def main(argv: list[str] | None = None) -> int:
    """Console entry point; returns the exit code instead of raising.

    Standalone mode lets typer print usage errors itself (exit 2) and turn
    typer.Exit into SystemExit; we only catch what escapes that.
    """
    try:
        app(args=argv, prog_name="compose-migrate", standalone_mode=True)
    except SystemExit as exc:
        code = exc.code
        return code if isinstance(code, int) else (0 if code is None else 2)
    except KeyboardInterrupt:
        return 130
    except Exception as exc:
        # Our bug, not the user's input: one line, never a traceback, unless asked.
        if os.environ.get("COMPOSE_MIGRATE_DEBUG"):
            raise
        sys.stderr.write(
            f"compose-migrate: internal error: {type(exc).__name__}: {exc} "
            "(please report it; set COMPOSE_MIGRATE_DEBUG=1 for the traceback)\n"
        )
        return 2
    return 0
