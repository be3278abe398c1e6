"""`explain KEY` and the minimum version a file needs, answered from the catalog."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from compose_migrate import catalog
from compose_migrate.catalog.model import Arr, Choice, Obj, Scalar, Shape, compact
from compose_migrate.versions import ComposeVersion


@dataclass(frozen=True)
class ExplainResult:
    query: str
    paths: list[str]
    # Compact ranges over every matched path, e.g. "1-2.4, spec".
    versions: str
    # Forms in the newest version that accepts the key, e.g. "string | list of string".
    forms: str
    removed_in: str | None = None
    replaced_by: str | None = None
    notes: list[str] = field(default_factory=list)
    # Other paths a bare key also names (`name`: networks.*.name, ...), each with its own range.
    also: list[str] = field(default_factory=list)

    @property
    def found(self) -> bool:
        return bool(self.paths)


def _shape_at(path: str, version: ComposeVersion) -> Shape | None:
    """The catalog shape found at `path` in `version` (following choices)."""
    frontier: list[Shape] = [catalog.ROOT]
    for part in catalog.split_path(path):
        nxt: list[Shape] = []
        for shape in frontier:
            nxt.extend(_step(shape, part, version))
        frontier = nxt
    if not frontier:
        return None
    return frontier[0] if len(frontier) == 1 else Choice(tuple(frontier))


def _step(shape: Shape, part: str, version: ComposeVersion) -> list[Shape]:
    found = catalog.resolve(shape, version)
    if found is None:
        return []
    if isinstance(found, Choice):
        return [s for option in found.options for s in _step(option, part, version)]
    if isinstance(found, Arr):
        return [found.items] if part == "[]" else []
    if isinstance(found, Obj):
        if part == "*" and found.values is not None:
            return [found.values]
        return [k.shape for k in found.keys if k.name == part and version in k.versions]
    return []


def describe_shape(shape: Shape, version: ComposeVersion, depth: int = 0) -> str:
    """A short human description of a shape: ``string | list of string``."""
    found = catalog.resolve(shape, version)
    if found is None:
        return "-"
    if isinstance(found, Scalar):
        text = " or ".join(found.types)
        if found.enum:
            text += " (one of " + ", ".join(map(str, found.enum)) + ")"
        return text
    if isinstance(found, Arr):
        return "list of " + describe_shape(found.items, version, depth + 1)
    if isinstance(found, Choice):
        return " | ".join(describe_shape(o, version, depth + 1) for o in found.options)
    if isinstance(found, Obj):
        kinds = "mapping" if found.values is not None else "object"
        if version in found.nullable:
            kinds += " or null"
        names = [k.name for k in found.keys if version in k.versions]
        if names and depth < 1:
            return f"{kinds} {{{', '.join(names)}}}"
        return kinds
    return "?"


def explain(key: str) -> ExplainResult:
    """What the catalog knows about `key` (a path such as ``services.*.mem_limit`` or a bare key)."""
    entries = catalog.entries_matching(key)
    if not entries:
        return ExplainResult(query=key, paths=[], versions="", forms="")
    best = catalog.entry_for(key)
    assert best is not None
    # One key, one answer: a bare key means its most prominent path (`name`: the top-level one);
    # the paths it also names are listed apart, never merged into its versions.
    if catalog.split_path(catalog.normalize(key)) == [best.name]:
        entries = [best]
        others = [e for e in catalog.entries_matching(key) if e.path != best.path]
    else:
        others = []
    versions: set[ComposeVersion] = set()
    for e in entries:
        versions.update(e.versions)
    newest = best.versions[-1]
    shape = _shape_at(best.path, newest)
    removed = best.removed_in
    notes = [n for n in dict.fromkeys(e.note for e in entries) if n]
    if others:
        shown = ", ".join(f"{e.path} ({e.ranges})" for e in others[:_ALSO_SHOWN])
        more = f" (+{len(others) - _ALSO_SHOWN} more)" if len(others) > _ALSO_SHOWN else ""
        notes.append(f"`{best.name}` also names: {shown}{more}")
    return ExplainResult(
        query=key,
        paths=[e.path for e in entries],
        versions=compact(versions),
        forms=describe_shape(shape, newest) if shape is not None else "",
        removed_in=removed.label if removed is not None else None,
        replaced_by=best.replaced_by,
        notes=notes,
        also=[e.path for e in others],
    )


_ALSO_SHOWN = 6


# --- minimum version ------------------------------------------------------------


def _family(family: str | int | None) -> list[ComposeVersion]:
    """The versions a file of `family` may be moved to: ``"v1"``, ``"2"``/``"v2.x"``, ``"3"``, ``"spec"``."""
    text = str(family).lower().strip() if family is not None else "spec"
    text = text.removeprefix("v").removesuffix(".x")
    if text in ("spec", "none", "compose-spec"):
        return [ComposeVersion.SPEC]
    major = int(text.split(".")[0])
    return [v for v in ComposeVersion if v.major == major]


def first_version_for(
    path_parts: Sequence[str], among: Iterable[ComposeVersion] | None = None
) -> ComposeVersion | None:
    """The lowest version (of `among`, default all) accepting the catalog path made of `path_parts`.

    Parts are catalog segments: ``["services", "*", "ports", "[]", "target"]``.
    """
    path = ""
    for part in path_parts:
        path = catalog.join_path(path, part)
    for v in sorted(among if among is not None else ComposeVersion):
        if path in catalog.paths_at(v):
            return v
    return None


def used_paths(data: Any, *, v1: bool = False) -> list[str]:
    """Every catalog path the data uses (keys, user names as ``*``, list items as ``[]``).

    Value forms show up as paths: a `depends_on` mapping uses ``services.*.depends_on.*``,
    long port syntax ``services.*.ports[].target``, long volume syntax ``...volumes[].type``.
    """
    known = catalog.all_paths()
    out: dict[str, None] = {}

    def visit(value: Any, path: str) -> None:
        if isinstance(value, dict):
            for k, sub in value.items():
                name = str(k)
                if catalog.join_path(path, name) in known:
                    child = catalog.join_path(path, name)
                elif catalog.join_path(path, "*") in known:
                    child = catalog.join_path(path, "*")
                elif name.startswith("x-"):
                    out[catalog.join_path(path, "x-*")] = None
                    continue  # extension content is free-form
                else:
                    child = catalog.join_path(path, name)
                out[child] = None
                visit(sub, child)
        elif isinstance(value, list):
            for item in value:
                if isinstance(item, (dict, list)):
                    out[path + "[]"] = None
                visit(item, path + "[]")

    if v1:
        visit({"services": data}, "")
    else:
        visit(data, "")
    out.pop("version", None)
    return list(out)


def _is_open(shape: Shape | None, version: ComposeVersion) -> bool:
    found = catalog.resolve(shape, version) if shape is not None else None
    if isinstance(found, Choice):
        return any(_is_open(o, version) for o in found.options)
    if not isinstance(found, Obj):
        return False
    extra = found.extra
    return extra is True or (isinstance(extra, frozenset) and version in extra) or isinstance(extra, Shape)


def _accepts(path: str, version: ComposeVersion) -> bool:
    """`path` is a catalog path of `version`, or lies inside an object open to any key."""
    known = catalog.paths_at(version)
    if path in known:
        return True
    parts = catalog.split_path(path)
    for cut in range(len(parts) - 1, 0, -1):
        parent = ""
        for part in parts[:cut]:
            parent = catalog.join_path(parent, part)
        if parent in known:
            return _is_open(_shape_at(parent, version), version)
    return False


class NoVersionFits(ValueError):
    """Some paths are accepted by no version of the family."""

    def __init__(self, paths: list[str]) -> None:
        super().__init__("no version of this format accepts: " + ", ".join(paths))
        self.paths = paths


def min_version(
    plain_data: dict[str, Any], family: str | int | None
) -> tuple[ComposeVersion, list[tuple[str, ComposeVersion]]]:
    """The lowest version of `family` that accepts every key path `plain_data` uses,
    with the paths that force it (empty when the family's first version suffices).

    Raises NoVersionFits when some path exists in no version of the family.
    """
    candidates = _family(family)
    is_v1 = candidates == [ComposeVersion.V1]
    needs: list[tuple[str, ComposeVersion]] = []
    missing: list[str] = []
    for path in used_paths(plain_data, v1=is_v1):
        first = next((v for v in candidates if _accepts(path, v)), None)
        if first is None:
            missing.append(path)
        else:
            needs.append((path, first))
    if missing:
        raise NoVersionFits(missing)
    lowest = max([v for _, v in needs], default=candidates[0])
    forcing = [(p, v) for p, v in needs if v == lowest and v != candidates[0]]
    return lowest, forcing
