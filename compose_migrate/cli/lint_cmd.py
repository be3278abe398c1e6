"""`compose-migrate lint FILE...`: Compose best practices, with safe fixes (--fix)."""

from __future__ import annotations

from typing import TYPE_CHECKING

import typer

from ..findings import ComposeMigrateError, Severity
from .app import app
from .common import EXIT_FINDINGS, EXIT_OK, EXIT_UNREADABLE, MAX_BYTES_OPTION, echo, line_for

if TYPE_CHECKING:
    from ..document import Document
    from ..lint import LintRule


def _split(values: list[str]) -> list[str]:
    return [v.strip() for item in values for v in item.split(",") if v.strip()]


@app.command()
def lint(
    files: list[str] = typer.Argument(..., help="Compose files, directories or globs; - for stdin."),
    select: list[str] = typer.Option([], "--select", help="Only these rules: codes, code prefixes or names."),
    ignore: list[str] = typer.Option([], "--ignore", help="Skip these rules: codes, code prefixes or names."),
    fix: bool = typer.Option(False, "--fix", help="Apply the safe fixes in place (atomically), report the rest."),
    fmt: str = typer.Option("text", "--format", help="Output format (text, json, github, sarif)."),
    strict: bool = typer.Option(False, "--strict", help="Exit 1 on warnings too."),
    max_bytes: int = MAX_BYTES_OPTION,
) -> None:
    """Report Compose practices that bite later; exit 1 when an error-level finding remains."""
    from ..document import Document
    from ..lint import RULES, lint_documents, select_rules
    from ..reporting import REPORTER_BY_NAME, render
    from .common import iter_documents

    if fmt not in REPORTER_BY_NAME:
        raise typer.BadParameter(f"choose one of {', '.join(REPORTER_BY_NAME)}", param_hint="--format")
    unknown = [c for c in _split(select) + _split(ignore) if not select_rules(RULES.values(), [c])]
    if unknown:
        raise typer.BadParameter(f"no lint rule matches {', '.join(unknown)}", param_hint="--select/--ignore")
    rules = select_rules(RULES.values(), _split(select), _split(ignore))
    code = EXIT_OK
    docs: list[Document] = []
    for path, doc in iter_documents(files, max_bytes=max_bytes):
        if isinstance(doc, ComposeMigrateError):
            echo(line_for(doc.finding), err=True)
            code = EXIT_UNREADABLE
            continue
        assert isinstance(doc, Document)
        if fix:
            doc = _fix_one(path, doc, rules)
        docs.append(doc)
    results = lint_documents(docs, rules)
    if fmt == "text":
        from ..reporting.text import report_text

        echo(report_text(list(results), color=_tty(), lint=True))
    else:
        echo(render(fmt, list(results)))
    worst = {f.severity for r in results for f in r.findings}
    if Severity.ERROR in worst or strict and Severity.WARNING in worst:
        code = max(code, EXIT_FINDINGS)
    raise typer.Exit(code)


def _fix_one(path: str, doc: Document, rules: list[LintRule]) -> Document:
    """Fix one file in place (atomically, BOM kept); the Document of what is now on disk."""
    from ..document import load
    from ..lint.fix import fix_document
    from ..writing import write_atomic

    result = fix_document(doc, rules)
    for why in result.refused:
        echo(f"{path}: not fixed: {why}", err=True)
    if not result.changed(doc.text):
        return doc
    if path == "-":
        echo(f"{path}: --fix cannot rewrite stdin; findings are for the input as given", err=True)
        return doc
    try:
        write_atomic(path, doc.encode(result.output))
    except ComposeMigrateError as exc:
        echo(line_for(exc.finding), err=True)
        return doc
    for line in result.applied:
        echo(f"{path}: fixed: {line}", err=True)
    return load(text=result.output, name=doc.name)


def _tty() -> bool:
    import sys

    return sys.stdout.isatty()
