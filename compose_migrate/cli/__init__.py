"""The command line: a thin typer layer over the library.

Each command lives in its own module (registered on `app` in cli/app.py) and
only builds arguments, calls the library, renders the result and picks the
exit code: 0 clean, 1 findings or changes needed, 2 unreadable input or
usage error.  Importing this package is cheap on purpose: the plain forms of
`validate` and `check` run without typer (cli/fast.py).
"""

from __future__ import annotations

import sys


def main(argv: list[str] | None = None) -> int:
    """Console entry point; returns the exit code instead of raising."""
    args = sys.argv[1:] if argv is None else list(argv)
    from .fast import try_fast

    try:
        code = try_fast(args)
    except KeyboardInterrupt:
        return 130
    if code is not None:
        return code
    from .app import main as typer_main

    return typer_main(args)


def run() -> None:
    sys.exit(main())
