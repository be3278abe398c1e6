"""`compose-migrate list-rules`: every migration rule, by step."""

from __future__ import annotations

import json

import typer

from .app import app
from .common import DataFormat, echo


@app.command("list-rules")
def list_rules(fmt: DataFormat = typer.Option(DataFormat.text, "--format", help="text or json.")) -> None:
    """List the migration rules: name, rule id, class and what each does."""
    from ..migrations import STEP_DEFS

    if fmt is DataFormat.json:
        rows = [
            {"step": s.name, "rule": r.name, "id": r.rule_id, "kind": r.kind, "summary": r.summary}
            for s in STEP_DEFS
            for r in s.rules
        ]
        echo(json.dumps(rows, indent=2))
        return
    for s in STEP_DEFS:
        echo(f"{s.name}: {s.summary}")
        for r in s.rules:
            echo(f"  {r.name:<32} {r.rule_id:<7} {r.kind:<9} {r.summary}")
