"""`compose-migrate explain KEY`: which versions accept a key, its forms, what replaced it."""

from __future__ import annotations

import json

import typer

from .app import app
from .common import EXIT_FINDINGS, EXIT_OK, DataFormat, echo


@app.command()
def explain(
    key: str = typer.Argument(..., help="A key or path: healthcheck, services.*.mem_limit, services.web.ports."),
    fmt: DataFormat = typer.Option(DataFormat.text, "--format", help="text or json."),
) -> None:
    """Explain a Compose key from the catalog: versions, forms, removal and replacement."""
    from dataclasses import asdict

    from ..explain import explain as explain_key

    res = explain_key(key)
    if fmt is DataFormat.json:
        echo(json.dumps({**asdict(res), "found": res.found}, indent=2))
        raise typer.Exit(EXIT_OK if res.found else EXIT_FINDINGS)
    if not res.found:
        echo(f"{key}: not a Compose key in any format version", err=True)
        raise typer.Exit(EXIT_FINDINGS)
    lines = [f"{key}"]
    shown = res.paths[:8]
    lines.append("  path:     " + ", ".join(shown) + (f" (+{len(res.paths) - 8} more)" if len(res.paths) > 8 else ""))
    lines.append(f"  versions: {res.versions}")
    if res.forms:
        lines.append(f"  forms:    {res.forms}")
    if res.removed_in:
        moved = f", replaced by {res.replaced_by}" if res.replaced_by else ""
        lines.append(f"  removed:  in {res.removed_in}{moved}")
    for note in res.notes:
        lines.append(f"  note:     {note}")
    echo("\n".join(lines))
    raise typer.Exit(EXIT_OK)
