"""`compose-migrate project validate|migrate`: a set of -f files (or a directory) as one project."""

from __future__ import annotations

import json
import sys

import typer

from .app import app
from .config_cmd import ENV_FILES_OPTION, FILE_OPTION, PROFILE_OPTION, print_findings

project_app = typer.Typer(help="Validate or migrate a multi-file project (-f in order, include, extends).")
app.add_typer(project_app, name="project")


@project_app.command("validate")
def project_validate(
    directory: str | None = typer.Argument(None, help="Project directory for discovery (default: current)."),
    files: list[str] = FILE_OPTION,
    fmt: str = typer.Option("text", "--format", help="text, json, github or sarif."),
    profiles: list[str] = PROFILE_OPTION,
    env_files: list[str] = ENV_FILES_OPTION,
    strict: bool = typer.Option(False, "--strict", help="Warnings fail too (exit 1)."),
) -> None:
    """Validate every file of the project and the merged model. Exit 0 clean, 1 findings."""
    from ..findings import Severity
    from ..project.api import validate_project
    from ..reporting import render

    results = validate_project(files or None, directory=directory, env_files=env_files or None, profiles=profiles)
    sys.stdout.write(render(fmt, results, color=fmt == "text" and sys.stdout.isatty()))
    bad = any(not r.valid for r in results) or (
        strict and any(f.severity is Severity.WARNING for r in results for f in r.findings)
    )
    raise typer.Exit(1 if bad else 0)


@project_app.command("migrate")
def project_migrate(
    directory: str | None = typer.Argument(None, help="Project directory for discovery (default: current)."),
    files: list[str] = FILE_OPTION,
    to: str = typer.Option("spec", "--to", help="Target format for every file."),
    fmt: str = typer.Option("text", "--format", help="text or json."),
    in_place: bool = typer.Option(False, "--in-place", help="Write every changed file back."),
    env_files: list[str] = ENV_FILES_OPTION,
) -> None:
    """Migrate every file of the project to one target; the merged meaning is proven unchanged."""
    from ..findings import ComposeMigrateError
    from ..project.api import migrate_project

    try:
        results = migrate_project(files or None, to, directory=directory, env_files=env_files or None)
    except ComposeMigrateError as exc:
        print_findings([exc.finding])
        raise typer.Exit(2 if exc.finding.code in ("CM001", "CM300", "CM301") else 1) from None
    if in_place:
        from ..writing import write_atomic

        for r in results:
            if r.changed:
                write_atomic(r.file, r.output.encode("utf-8"))
    if fmt == "json":
        sys.stdout.write(json.dumps({"files": [r.to_json() for r in results]}, indent=2) + "\n")
    else:
        for r in results:
            state = "changed" if r.changed else "unchanged"
            sys.stdout.write(f"# {r.file}: {r.source} -> {r.target} ({state})\n")
            if not in_place:
                sys.stdout.write(r.output if r.output.endswith("\n") else r.output + "\n")
            for w in r.warnings:
                sys.stderr.write(f"{r.file}:{w.line}: warning: {w.path}: {w.message}\n")
    raise typer.Exit(0)
