"""The fast path for the commands CI runs most: `validate` and `check`.

Loading typer (and, since typer 0.29, pydantic) costs more than validating a
file.  For the plain forms — files plus `--format`, `--strict`, `--jobs` and
(check) `--to` — we parse the arguments here and call the same `report_files` the
typer commands call; anything else (help, other options, errors) returns
None and goes through typer.  tests/test_cli_fast.py runs both paths on the
same arguments and compares their output and exit code.
"""

from __future__ import annotations

from typing import Any

FORMATS = ("text", "json", "github", "sarif")


def parse(argv: list[str]) -> tuple[str, list[str], dict[str, Any]] | None:
    """(command, files, options) for the plain forms, else None."""
    if not argv or argv[0] not in ("validate", "check"):
        return None
    command, rest = argv[0], argv[1:]
    files: list[str] = []
    opts: dict[str, Any] = {"fmt": "text", "strict": False, "to": "spec", "jobs": "1"}
    i = 0
    while i < len(rest):
        arg = rest[i]
        name, eq, value = arg.partition("=")
        if arg == "-" or not arg.startswith("-"):
            files.append(arg)
        elif arg == "--strict":
            opts["strict"] = True
        elif name in ("--format", "--to", "--jobs", "-j") and (command == "check" or name != "--to"):
            if not eq:
                i += 1
                if i >= len(rest):
                    return None
                value = rest[i]
            elif name == "-j":
                return None  # `-j=2` is not how click spells it: let typer say so
            opts[{"--format": "fmt", "--to": "to"}.get(name, "jobs")] = value
        else:
            return None  # anything else: typer handles it (and its errors)
        i += 1
    # Only plain digits for --jobs: anything else (signs, spaces, bad values) is typer's to judge.
    if not files or opts["fmt"] not in FORMATS or not (opts["jobs"].isascii() and opts["jobs"].isdigit()):
        return None
    opts["jobs"] = int(opts["jobs"])
    return command, files, opts


def try_fast(argv: list[str]) -> int | None:
    """Run a plain validate/check and return its exit code, or None to use typer."""
    parsed = parse(argv)
    if parsed is None:
        return None
    from ..versions import ComposeVersion
    from .report import report_files

    command, files, opts = parsed
    options: dict[str, Any] = {}
    if command == "check":
        try:
            options["check_to"] = ComposeVersion.parse(opts["to"])
        except ValueError:
            return None  # typer words the usage error
    return report_files(files, opts["fmt"], strict=opts["strict"], jobs=opts["jobs"], **options)
