"""The command line: a thin typer layer over the library.

Each command lives in its own module and only builds arguments, calls the
library, renders the result and picks the exit code:
0 clean, 1 findings or changes needed, 2 unreadable input or usage error.
"""

from __future__ import annotations

import sys

import typer

app = typer.Typer(
    name="compose-migrate",
    help="Detect, validate and migrate Docker Compose files of every format (v1, 2.x, 3.x, Compose Specification).",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

# Registration happens on import; keep the imports after `app` exists.
from . import check_cmd, detect_cmd, explain_cmd, fromrun_cmd, migrate_cmd, rules_cmd, validate_cmd  # noqa: E402,F401


def main(argv: list[str] | None = None) -> int:
    """Console entry point; returns the exit code instead of raising."""
    try:
        # With standalone_mode=False click returns the code of typer.Exit.
        rv = app(args=argv, prog_name="compose-migrate", standalone_mode=False)
    except SystemExit as exc:  # typer raises this for --help and usage errors
        return int(exc.code or 0)
    except typer.Exit as exc:
        return int(exc.exit_code)
    except KeyboardInterrupt:
        return 130
    except Exception as exc:  # click usage errors and the like
        import click

        if isinstance(exc, click.ClickException):
            exc.show()
            return 2
        if isinstance(exc, click.exceptions.Abort):
            return 1
        raise
    return rv if isinstance(rv, int) else 0


def run() -> None:
    sys.exit(main())
