"""`compose-migrate detect FILE...`: each file's format and why."""

from __future__ import annotations

import json
from typing import Any

import typer

from ..findings import ComposeMigrateError
from .app import app
from .common import (
    EXIT_FINDINGS,
    EXIT_OK,
    EXIT_UNREADABLE,
    MAX_BYTES_OPTION,
    DataFormat,
    echo,
    iter_documents,
    line_for,
)


@app.command()
def detect(
    files: list[str] = typer.Argument(..., help="Compose files, directories or globs; - for stdin."),
    fmt: DataFormat = typer.Option(DataFormat.text, "--format", help="text or json."),
    max_bytes: int = MAX_BYTES_OPTION,
    min_version: bool = typer.Option(
        False, "--min-version", help="Also print the lowest version of the file's family it needs, and why."
    ),
) -> None:
    """Print each file's Compose format (1, 2.0-2.4, 3.0-3.13, spec) and why."""
    code = EXIT_OK
    rows = []
    for path, doc in iter_documents(files, max_bytes=max_bytes):
        if isinstance(doc, ComposeMigrateError):
            code = max(code, EXIT_UNREADABLE)
            if fmt is DataFormat.json:
                rows.append({"file": path, "version": None, "declared": None, "reason": str(doc.finding.message)})
            else:
                echo(line_for(doc.finding), err=True)
            continue
        det = doc.detection  # type: ignore[attr-defined]
        if det.version is None:
            code = max(code, EXIT_FINDINGS)
        needs = _needs(doc, det.version) if min_version and det.version is not None else None
        if fmt is DataFormat.json:
            row = det.to_json()
            if needs is not None:
                row["min_version"] = needs[0]
                row["needs"] = [{"path": p, "version": v, "line": line} for p, v, line in needs[1]]
            rows.append(row)
            continue
        shown = det.version.label if det.version is not None else "unknown"
        echo(f"{path}: {shown} — {det.reason}")
        for f in det.findings:
            echo("  " + line_for(f))
        if needs is not None:
            lowest, why = needs
            if not why:
                echo(f"  needs {lowest}: nothing newer than the first version of its format is used")
            for p, v, line in why:
                echo(f"  needs {v}: {p}" + (f" at line {line}" if line else ""))
    if fmt is DataFormat.json:
        echo(json.dumps(rows, indent=2))
    raise typer.Exit(code)


def _needs(doc: Any, version: Any) -> tuple[str, list[tuple[str, str, int]]] | None:
    """(lowest version, [(path, version, line)]) from explain.min_version, or the paths no version fits."""
    from ..explain import NoVersionFits
    from ..explain import min_version as lowest_version
    from ..validation.hints import find_catalog_path
    from ..versions import ComposeVersion
    from ..yamlpath import format_path

    v1 = version is ComposeVersion.V1
    family = "v1" if v1 else "spec" if version is ComposeVersion.SPEC else str(version.major)
    data = doc.data
    try:
        lowest, forcing = lowest_version(data if isinstance(data, dict) else {}, family)
    except NoVersionFits as exc:
        return "none", [(p, "no version of this format", 0) for p in exc.paths]
    out: list[tuple[str, str, int]] = []
    shown = [c for c, _ in forcing]
    # A key that needs the version explains its children: list only the outermost.
    forcing = [(c, v) for c, v in forcing if not any(c.startswith(o + ".") for o in shown if o != c)]
    for cpath, v in forcing:
        concrete = find_catalog_path(data, cpath, v1=v1)
        if concrete is None:
            out.append((cpath, v.label, 0))
            continue
        line, _ = doc.position(concrete, key=True)
        out.append((format_path(concrete), v.label, line))
    return lowest.label, out
