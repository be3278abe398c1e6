"""`compose-migrate migrate FILE... --to V`: rewrite to a newer format."""

from __future__ import annotations

import dataclasses
import difflib
import functools
import json
import sys
from typing import TYPE_CHECKING

import typer

from ..findings import ComposeMigrateError, Finding
from .app import app
from .common import (
    EXIT_FINDINGS,
    EXIT_OK,
    EXIT_UNREADABLE,
    JOBS_OPTION,
    MAX_BYTES_OPTION,
    DataFormat,
    echo,
    line_for,
    map_files,
)

if TYPE_CHECKING:
    from ..loading import Source
    from ..migrations.driver import MigrationResult
    from ..versions import ComposeVersion

Outcome = tuple["Source | ComposeMigrateError", "MigrationResult | ComposeMigrateError | None", bytes]


def _migrate_one(
    path: str, target: ComposeVersion | str, only: set[str] | None, skip: set[str] | None, max_bytes: int
) -> Outcome:
    """Load and migrate one file (a worker with --jobs).

    Returns the source (not the Document: its node trees are deep and slow to
    send between processes), the result or error, and the bytes to write.
    """
    from ..api import migrate as migrate_doc
    from ..document import load

    try:
        doc = load(path, max_bytes=max_bytes)
    except ComposeMigrateError as exc:
        return exc, None, b""
    try:
        res = migrate_doc(doc, target, only=only, skip=skip)
    except ComposeMigrateError as exc:
        return doc.source, exc, b""
    return doc.source, res, doc.encode(res.output)


def _explain(path: str, res: MigrationResult) -> None:
    """Each step's semantic difference (diffing's normalised model), in plain words."""
    from ..diffing import describe_diff

    for step in res.steps:
        lines = describe_diff(step.diff)
        head = f"{path}: step {step.step} (to {step.target.label})"
        summary = f"{len(lines)} difference(s) in meaning" if lines else "no difference in meaning"
        echo(f"{head}: {summary}", err=True)
        for line in lines:
            echo(f"  - {line}", err=True)


def _error_line(f: Finding) -> str:
    """`file:line:col: error: message`, the path said once (many messages already name it)."""
    return line_for(dataclasses.replace(f, path="") if f.path and f.path in f.message else f)


def _split(values: list[str]) -> set[str]:
    return {v.strip() for item in values for v in item.split(",") if v.strip()}


def _check_rule_names(chosen: dict[str, set[str]]) -> None:
    """An unknown rule name is a usage error, said once (not once per file)."""
    from ..migrations import RULES

    for option, names in chosen.items():
        unknown = sorted(n for n in names if n not in RULES)
        if unknown:
            raise typer.BadParameter(
                f"no rule named {', '.join(map(repr, unknown))} (see `compose-migrate list-rules`)",
                param_hint=option,
            )


@app.command()
def migrate(
    files: list[str] = typer.Argument(..., help="Compose files, directories or globs; - for stdin."),
    to: str = typer.Option("spec", "--to", help="Target: 2.0-2.4, 3.0-3.13 or spec."),
    diff: bool = typer.Option(False, "--diff", help="Print a unified diff instead of the new text."),
    in_place: bool = typer.Option(False, "--in-place", "-i", help="Rewrite the files (atomically)."),
    backup: bool = typer.Option(False, "--backup", help="With --in-place, keep FILE.bak."),
    check: bool = typer.Option(False, "--check", help="Write nothing; exit 1 if a file would be rewritten."),
    only: list[str] = typer.Option([], "--only", help="Run only these rules (repeat or comma-separate)."),
    skip: list[str] = typer.Option([], "--skip", help="Do not run these rules."),
    strict: bool = typer.Option(False, "--strict", help="Refuse lossy changes: exit 1, write nothing."),
    fmt: DataFormat = typer.Option(DataFormat.text, "--format", help="text or json."),
    explain: bool = typer.Option(
        False, "--explain", help="Also say, per step, what changed in meaning, and list every change (stderr)."
    ),
    verbose: bool = typer.Option(
        False, "--verbose", "-v", help="List every change with its caveats (stderr), not only the warnings."
    ),
    jobs: int = JOBS_OPTION,
    max_bytes: int = MAX_BYTES_OPTION,
) -> None:
    """Rewrite each file to the target format, keeping comments and layout."""
    from ..inputs import expand
    from ..versions import ComposeVersion
    from ..writing import write_atomic

    target: ComposeVersion | str
    try:
        # "auto" is resolved per file by the library (the lowest version that holds it all).
        target = "auto" if to.strip().lower() == "auto" else ComposeVersion.parse(to)
    except ValueError as exc:
        raise typer.BadParameter(str(exc), param_hint="--to") from None
    if in_place and "-" in files:
        raise typer.BadParameter(
            "stdin (-) has no file to rewrite; drop --in-place and redirect stdout", param_hint="--in-place"
        )
    chosen = {"--only": _split(only), "--skip": _split(skip)}
    _check_rule_names(chosen)
    code = EXIT_OK
    reports = []
    paths = expand(files)
    single = len(paths) == 1
    one = functools.partial(
        _migrate_one, target=target, only=chosen["--only"] or None, skip=chosen["--skip"] or None, max_bytes=max_bytes
    )
    for path, (doc, res, encoded) in zip(paths, map_files(one, paths, jobs), strict=True):
        if isinstance(doc, ComposeMigrateError):
            echo(line_for(doc.finding), err=True)
            code = max(code, EXIT_UNREADABLE)
            continue
        if isinstance(res, ComposeMigrateError) or res is None:
            if res is not None:
                echo(_error_line(res.finding), err=True)
            code = max(code, EXIT_FINDINGS)
            continue
        lossy = [w for w in res.warnings if w.lossy]
        if target == "auto":
            echo(f"{path}: --to auto chose {res.target.label}: {res.reason}", err=True)
        if verbose or explain:
            # Changes carry caveats too (e.g. deploy limits need docker-compose 1.x --compatibility).
            for c in res.changes:
                shown = f"{c.path}: " if c.path else ""
                echo(f"{c.where(path)}: change: {shown}{c.message} [{c.rule}]", err=True)
        for w in res.warnings:
            where = w.where(path)
            shown = f"{w.path}: " if w.path else ""
            echo(f"{where}: warning: {shown}{w.message} [{w.rule}]", err=True)
        if explain:
            _explain(path, res)
        if strict and lossy:
            echo(f"{path}: refused (--strict): {len(lossy)} lossy change(s); nothing written", err=True)
            code = max(code, EXIT_FINDINGS)
            continue
        reports.append(res.to_json())
        if check:
            if res.changed:
                echo(f"would rewrite {path}", err=True)
                code = max(code, EXIT_FINDINGS)
            continue
        if in_place:
            if res.changed:
                try:
                    write_atomic(path, encoded, backup=backup)
                except ComposeMigrateError as exc:
                    echo(line_for(exc.finding), err=True)
                    code = max(code, EXIT_UNREADABLE)
                    continue
                echo(f"rewrote {path} ({res.source.label} -> {res.target.label})", err=True)
            continue
        if fmt is DataFormat.json:
            continue
        if diff:
            old = doc.text.splitlines(keepends=True)
            new = res.output.splitlines(keepends=True)
            sys.stdout.writelines(difflib.unified_diff(old, new, f"a/{path}", f"b/{path}"))
        elif single:
            # The exact bytes a file would get (BOM included), so `> file` equals --in-place.
            sys.stdout.flush()
            sys.stdout.buffer.write(encoded)
            sys.stdout.buffer.flush()
        else:
            sys.stdout.write(f"# ---- {path}\n{res.output}")
    if fmt is DataFormat.json:
        echo(json.dumps({"files": reports}, indent=2))
    raise typer.Exit(code)
