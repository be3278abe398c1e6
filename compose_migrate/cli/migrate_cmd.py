"""`compose-migrate migrate FILE... --to V`: rewrite to a newer format."""

from __future__ import annotations

import difflib
import json
import sys

import typer

from ..findings import ComposeMigrateError
from . import app
from .common import EXIT_FINDINGS, EXIT_OK, EXIT_UNREADABLE, OutputFormat, echo, iter_documents, line_for


def _split(values: list[str]) -> set[str]:
    return {v.strip() for item in values for v in item.split(",") if v.strip()}


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
    fmt: OutputFormat = typer.Option(OutputFormat.text, "--format", help="text or json."),
) -> None:
    """Rewrite each file to the target format, keeping comments and layout."""
    from ..api import migrate as migrate_doc
    from ..versions import ComposeVersion
    from ..writing import write_atomic

    try:
        target = ComposeVersion.parse(to)
    except ValueError as exc:
        raise typer.BadParameter(str(exc), param_hint="--to") from None
    code = EXIT_OK
    reports = []
    docs = list(iter_documents(files))
    single = len(docs) == 1
    for path, doc in docs:
        if isinstance(doc, ComposeMigrateError):
            echo(line_for(doc.finding), err=True)
            code = max(code, EXIT_UNREADABLE)
            continue
        try:
            res = migrate_doc(doc, target, only=_split(only) or None, skip=_split(skip) or None)  # type: ignore[arg-type]
        except ComposeMigrateError as exc:
            echo(line_for(exc.finding), err=True)
            code = max(code, EXIT_FINDINGS)
            continue
        lossy = [w for w in res.warnings if w.lossy]
        for w in res.warnings:
            echo(f"{path}:{w.line}: warning: {w.path}: {w.message} [{w.rule}]", err=True)
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
                    write_atomic(path, doc.encode(res.output), backup=backup)  # type: ignore[attr-defined]
                except ComposeMigrateError as exc:
                    echo(line_for(exc.finding), err=True)
                    code = max(code, EXIT_UNREADABLE)
                    continue
                echo(f"rewrote {path} ({res.source.label} -> {res.target.label})", err=True)
            continue
        if fmt is OutputFormat.json:
            continue
        if diff:
            old = doc.text.splitlines(keepends=True)  # type: ignore[attr-defined]
            new = res.output.splitlines(keepends=True)
            sys.stdout.writelines(difflib.unified_diff(old, new, f"a/{path}", f"b/{path}"))
        elif single:
            sys.stdout.write(res.output)
        else:
            sys.stdout.write(f"# ---- {path}\n{res.output}")
    if fmt is OutputFormat.json:
        echo(json.dumps({"files": reports}, indent=2))
    raise typer.Exit(code)
