"""validate/check over many inputs, rendered: shared by the typer commands and
the fast path (cli/fast.py), so both print exactly the same thing."""

from __future__ import annotations

import functools
import sys
from typing import Any

from .pool import map_files


def report_files(files: list[str], fmt: str, *, strict: bool, jobs: int, **options: Any) -> int:
    """Judge every input, write the report to stdout, return the exit code."""
    from ..inputs import expand
    from ..reporting import render
    from ..validation.batch import exit_code, judge_path

    paths = expand(files)
    outcomes = map_files(functools.partial(judge_path, **options), paths, jobs)
    color = fmt == "text" and sys.stdout.isatty()
    sys.stdout.write(render(fmt, [o.result for o in outcomes], color=color))
    sys.stdout.flush()
    return exit_code(outcomes, strict=strict)
