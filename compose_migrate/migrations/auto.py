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

from .. import catalog, loading, positions
from ..catalog.model import Obj, Shape
from ..versions import ComposeVersion
from ..yamlpath import PathParts, format_path
from .base import MigrationError

if TYPE_CHECKING:
    from ..document import Document
    from .driver import MigrationResult

V = ComposeVersion

# Service keys in the result whose source key had another name (for the line in the reason).
MOVED_FROM: dict[tuple[str, ...], str] = {
    ("deploy", "resources", "limits", "pids"): "pids_limit",
    ("deploy", "resources", "limits", "cpus"): "cpus",
    ("deploy", "resources", "limits", "memory"): "mem_limit",
    ("deploy", "resources", "reservations", "memory"): "mem_reservation",
    ("deploy", "replicas"): "scale",
    ("logging", "options"): "log_opt",
    ("logging", "driver"): "log_driver",
    ("network_mode",): "net",
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


def _holds(v: ComposeVersion, cpath: str) -> bool:
    """`v` accepts the path: it names it, or the path sits under an object open to any key in `v`
    (2.x `logging.options` takes `max-size` though only 3.x spells out `options.*`)."""
    at = catalog.paths_at(v)
    if cpath in at:
        return True
    segs = catalog.split_path(cpath)
    for cut in range(len(segs) - 1, 0, -1):
        prefix = ""
        for seg in segs[:cut]:
            prefix = catalog.join_path(prefix, seg)
        if prefix in at:
            key = at[prefix]
            shape = catalog.resolve(key.shape, v) if key is not None else None
            extra = shape.extra if isinstance(shape, Obj) else False
            return extra is True or isinstance(extra, Shape) or (isinstance(extra, frozenset) and v in extra)
    return False


def _first(cpath: str, among: list[ComposeVersion]) -> ComposeVersion | None:
    for v in among:
        if _holds(v, cpath):
            return v
    return None


def _original(doc: Document, path: PathParts) -> PathParts:
    """Where a key of the migrated result is written in the ORIGINAL file."""
    if doc.version is V.V1 and path[:1] == ("services",):
        path = path[1:]  # v1 services sit at the top level
    root = doc.r11.node
    if root is None or positions.node_at(root, path, key=True) is not None:
        return path
    svc = 1 if doc.version is V.V1 else 2  # the key's path inside its service starts here
    rest = tuple(path[svc:])
    for moved, old in MOVED_FROM.items():
        if rest[: len(moved)] == moved:
            renamed = (*path[:svc], old, *rest[len(moved) :])
            if positions.node_at(root, renamed, key=True) is not None:
                return renamed
    return path


def _where(doc: Document, path: PathParts) -> str:
    """`services.web.pids_limit at line 5 (written as ...)`: the key in the ORIGINAL file."""
    parts = _original(doc, path)
    line, _col = doc.position(parts, key=True)
    moved = f" (written as {format_path(path)})" if parts != path else ""
    return f"{format_path(parts)} at line {line}{moved}"


def _refuse_invalid(doc: Document, source: ComposeVersion) -> None:
    """Garbage in is refused as `--to V` refuses it (driver), before any version is picked.

    A file valid in a later version of its own family is only mislabelled (3.0 using `init`):
    picking the version it needs is what auto is for.
    """
    from ..fastcheck import is_valid
    from ..validation.schema import problems

    family = [v for v in V if v.major == source.major and v >= source]
    if any(is_valid(doc.data, v) for v in family):
        return
    # An unquoted numeric `version` (detection read it; a rule quotes it) is not garbage.
    found = [q for q in problems(doc.data, source) if q.path != ("version",)]
    if not found:
        return
    path, message = format_path(found[0].path), found[0].message
    name = source.label if source is V.SPEC else f"version {source.label}"
    raise MigrationError(
        f"cannot migrate: the file is not valid {name} ({path or '(root)'}: {message}); "
        "fix it first (see `compose-migrate validate`)",
        path=path,
    )


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
    _refuse_invalid(doc, source)
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
        if need == source:
            return need, f"{need.label} (its own version) holds everything this file uses; auto never goes lower"
        if need == among[0]:
            return need, f"{need.label} is the lowest {need.major}.x and holds everything this file uses"
        return need, f"needs {need.label}: lower versions would drop a setting"
    return need, f"needs {need.label}: {_where(doc, forcing)}"


def _dir_of(doc: Document) -> str:
    return os.path.dirname(doc.name) or "." if os.path.isfile(doc.name) else "."
