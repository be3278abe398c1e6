"""`--to auto`: the lowest version the migrated file fits in without loss (§3.4), and why.

v1 goes to the lowest 2.x; 2.x to the lowest 3.x, or to the Compose Specification when
every 3.x would drop something; 3.x to the lowest 3.y (not below its own) that accepts
every key it uses, else the Specification.  The answer is found by migrating to the
family's newest version (every gate open), reading which catalog paths the result uses,
and checking the pick by migrating to it: no rule may report a loss there.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from .. import catalog, loading
from ..versions import ComposeVersion
from ..yamlpath import PathParts, format_path
from .base import MigrationError

if TYPE_CHECKING:
    from ..document import Document
    from .driver import MigrationResult

V = ComposeVersion

# Result paths whose source key had another name (for the line in the reason).
MOVED_FROM: dict[tuple[str, ...], str] = {
    ("deploy", "resources", "limits", "pids"): "pids_limit",
    ("deploy", "resources", "limits", "cpus"): "cpus",
    ("deploy", "resources", "limits", "memory"): "mem_limit",
    ("deploy", "resources", "reservations", "memory"): "mem_reservation",
    ("deploy", "replicas"): "scale",
}


def _candidates(source: ComposeVersion) -> list[ComposeVersion]:
    if source is V.V1:
        return [v for v in V if v.major == 2]
    if source.major == 2:
        return [v for v in V if v.major == 3]
    return [v for v in V if v.major == 3 and v >= source]


def concrete_paths(data: Any) -> Iterator[tuple[PathParts, str]]:
    """(document path, catalog path) of every key and structured list item in `data`."""
    known = catalog.all_paths()

    def visit(value: Any, here: PathParts, cpath: str) -> Iterator[tuple[PathParts, str]]:
        if isinstance(value, dict):
            for k, sub in value.items():
                name = str(k)
                if catalog.join_path(cpath, name) in known:
                    child = catalog.join_path(cpath, name)
                elif name.startswith("x-"):
                    yield (*here, k), catalog.join_path(cpath, "x-*")
                    continue
                elif catalog.join_path(cpath, "*") in known:
                    child = catalog.join_path(cpath, "*")
                else:
                    child = catalog.join_path(cpath, name)
                yield (*here, k), child
                yield from visit(sub, (*here, k), child)
        elif isinstance(value, list):
            for i, item in enumerate(value):
                if isinstance(item, (dict, list)):
                    yield (*here, i), cpath + "[]"
                yield from visit(item, (*here, i), cpath + "[]")

    yield from visit(data, (), "")


def _first(cpath: str, among: list[ComposeVersion]) -> ComposeVersion | None:
    for v in among:
        if cpath in catalog.paths_at(v):
            return v
    return None


def _where(doc: Document, path: PathParts) -> str:
    """`services.web.pids_limit at line 5 (written as ...)`: the key in the ORIGINAL file."""
    parts = path
    for suffix, old in MOVED_FROM.items():
        if len(path) > len(suffix) and tuple(path[-len(suffix) :]) == suffix:
            parts = (*path[: -len(suffix)], old)
    line, _col = doc.position(parts, key=True)
    moved = f" (written as {format_path(path)})" if parts != path else ""
    return f"{format_path(parts)} at line {line}{moved}"


def _run(doc: Document, target: ComposeVersion, base_dir: str) -> MigrationResult:
    from .driver import run

    return run(doc, target, base_dir=base_dir)


def choose_target(doc: Document, *, base_dir: str | None = None) -> tuple[ComposeVersion, str]:
    """The version `--to auto` migrates `doc` to, and the reason naming the key that forced it."""
    source = doc.version
    if source is None:
        raise MigrationError(f"cannot choose a target: format not recognised ({doc.detection.reason})")
    if source is V.SPEC:
        return V.SPEC, "already the Compose Specification (the newest format)"
    bdir = base_dir if base_dir is not None else _dir_of(doc)
    among = _candidates(source)
    top = among[-1]
    try:
        res = _run(doc, top, bdir)
    except MigrationError as exc:
        if source.major == 1:
            raise
        return V.SPEC, f"needs spec: no {top.major}.x can hold it ({exc})"
    lossy = [w for w in res.warnings if w.lossy]
    if lossy and source.major != 1:
        w = lossy[0]
        return V.SPEC, f"needs spec: {w.path} at line {w.line} would be lost in {top.major}.x ({w.rule})"
    data = loading.parse(res.output, name=doc.name, yaml11=True).data
    need, forcing = among[0], None
    missing: list[PathParts] = []
    for path, cpath in concrete_paths(data):
        if path == ("version",):
            continue
        first = _first(cpath, among)
        if first is None:
            missing.append(path)
        elif first > need:
            need, forcing = first, path
    if missing:
        p = missing[0]
        return V.SPEC, f"needs spec: {_where(doc, p)} exists in no {top.major}.x version"
    # Check the pick: a rule gate the catalog does not know about moves it up.
    base_losses = len(lossy)
    for v in [x for x in among if x >= need]:
        if v == top:
            break
        try:
            trial = _run(doc, v, bdir)
        except MigrationError:
            continue
        if sum(1 for w in trial.warnings if w.lossy) <= base_losses:
            need = v
            break
        forcing = None
    else:
        need = top
    if forcing is None:
        if need == among[0]:
            return need, f"{need.label} is the lowest {need.major}.x and holds everything this file uses"
        return need, f"needs {need.label}: lower versions would drop a setting"
    return need, f"needs {need.label}: {_where(doc, forcing)}"


def _dir_of(doc: Document) -> str:
    return os.path.dirname(doc.name) or "." if os.path.isfile(doc.name) else "."
