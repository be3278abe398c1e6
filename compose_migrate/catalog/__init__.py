"""The Compose format catalog: one description of every key in every version.

The catalog is the source of truth for the project's JSON Schemas (see
`scripts/generate_schemas.py`), for "which versions accept this key?" and for
`explain`.  Paths use dots, ``*`` for a user-chosen name and ``[]`` for a
list item: ``services.*.ports[].target``; ``x-*`` marks where extension keys
are allowed.  v1 files are described under ``services.*`` like later ones.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Any

from compose_migrate.catalog import build, definitions, deploy, resources, service, toplevel
from compose_migrate.catalog.model import (
    Arr,
    Choice,
    Key,
    Obj,
    Ref,
    Scalar,
    Shape,
    Vary,
    compact,
    span,
)
from compose_migrate.versions import ComposeVersion

__all__ = [
    "DEFINITIONS",
    "ROOT",
    "Entry",
    "all_paths",
    "compact",
    "describe_change",
    "entries_matching",
    "entry_for",
    "paths_at",
    "schema_for",
    "span",
    "split_path",
    "join_path",
    "versions_accepting",
]

DEFINITIONS: dict[str, Shape] = {
    **definitions.DEFINITIONS,
    **service.DEFINITIONS,
    **build.DEFINITIONS,
    **deploy.DEFINITIONS,
    **resources.DEFINITIONS,
}
ROOT: Shape = toplevel.ROOT
ALL_VERSIONS: tuple[ComposeVersion, ...] = tuple(sorted(ComposeVersion))


def resolve(shape: Shape, version: ComposeVersion) -> Shape | None:
    """Follow `Vary` and `Ref` until a concrete shape for `version` (None if absent)."""
    while True:
        if isinstance(shape, Vary):
            found = shape.at(version)
            if found is None:
                return None
            shape = found
        elif isinstance(shape, Ref):
            shape = DEFINITIONS[shape.name]
        else:
            return shape


# --- JSON Schema generation -------------------------------------------------


def _emit(shape: Shape, version: ComposeVersion, used: dict[str, dict[str, Any]]) -> dict[str, Any] | None:
    if isinstance(shape, Vary):
        found = shape.at(version)
        return None if found is None else _emit(found, version, used)
    if isinstance(shape, Ref):
        if shape.name not in used:
            used[shape.name] = {}  # placeholder first: guards against cycles
            body = _emit(DEFINITIONS[shape.name], version, used)
            if body is None:
                raise ValueError(f"definition {shape.name!r} has no form in {version}")
            used[shape.name] = body
        return {"$ref": f"#/definitions/{shape.name}"}
    if isinstance(shape, Scalar):
        out: dict[str, Any] = {"type": shape.types[0] if len(shape.types) == 1 else list(shape.types)}
        if shape.enum is not None:
            out["enum"] = list(shape.enum)
        if shape.pattern is not None:
            out["pattern"] = shape.pattern
        if shape.fmt is not None:
            out["format"] = shape.fmt
        if shape.minimum is not None:
            out["minimum"] = shape.minimum
        if shape.maximum is not None:
            out["maximum"] = shape.maximum
        if shape.deprecated:
            out["deprecated"] = True
        return out
    if isinstance(shape, Arr):
        items = _emit(shape.items, version, used)
        out = {"type": "array", "items": items if items is not None else {}}
        if shape.unique:
            out["uniqueItems"] = True
        return out
    if isinstance(shape, Choice):
        options = [o for o in (_emit(s, version, used) for s in shape.options) if o is not None]
        if not options:
            return None
        return options[0] if len(options) == 1 else {"oneOf": options}
    if isinstance(shape, Obj):
        return _emit_object(shape, version, used)
    raise TypeError(f"unknown shape {shape!r}")


def _emit_object(shape: Obj, version: ComposeVersion, used: dict[str, dict[str, Any]]) -> dict[str, Any]:
    types = ["object", *shape.also]
    if version in shape.nullable:
        types.append("null")
    out: dict[str, Any] = {"type": types[0] if len(types) == 1 else types}
    props: dict[str, Any] = {}
    required: list[str] = []
    for k in shape.keys:
        if version not in k.versions:
            continue
        body = _emit(k.shape, version, used)
        if body is None:
            continue
        props[k.name] = body
        if k.required and (shape.required_in is None or version in shape.required_in):
            required.append(k.name)
    if props:
        out["properties"] = props
    patterns: dict[str, Any] = {}
    if shape.names is not None and shape.values is not None:
        patterns[shape.names] = _emit(shape.values, version, used) or {}
    if version in shape.ext:
        patterns["^x-"] = {}
    if patterns:
        out["patternProperties"] = patterns
    extra = shape.extra
    if isinstance(extra, frozenset):
        out["additionalProperties"] = version in extra
    elif isinstance(extra, bool):
        out["additionalProperties"] = extra
    else:
        out["additionalProperties"] = _emit(extra, version, used) or {}
    if required:
        out["required"] = sorted(required)
    deps = {name: list(needs) for versions, name, needs in shape.depends if version in versions}
    if deps:
        out["dependencies"] = deps
    return out


def schema_for(version: ComposeVersion) -> dict[str, Any]:
    """The JSON Schema (draft-07) the catalog describes for `version`."""
    used: dict[str, dict[str, Any]] = {}
    if version is ComposeVersion.V1:
        # v1 has no sections: the file itself is the service map.
        root = _emit(toplevel.TOP_KEYS_BY_NAME["services"].shape, version, used)
    else:
        root = _emit(ROOT, version, used)
    assert root is not None
    return {
        "$schema": "http://json-schema.org/draft-07/schema#",
        "$id": f"compose-{'spec' if version is ComposeVersion.SPEC else 'v' + version.value}.json",
        "title": f"Compose file format {version.label}",
        "$comment": "Generated from compose_migrate.catalog by scripts/generate_schemas.py; do not edit.",
        **root,
        "definitions": dict(sorted(used.items())),
    }


# --- Path index ---------------------------------------------------------------


@dataclass(frozen=True)
class Entry:
    """What the catalog knows about one property path."""

    path: str
    name: str
    versions: tuple[ComposeVersion, ...]
    replaced_by: str | None
    note: str | None

    @property
    def since(self) -> ComposeVersion:
        return self.versions[0]

    @property
    def removed_in(self) -> ComposeVersion | None:
        """The first version, after the key appeared, that no longer accepts it."""
        later = [v for v in ALL_VERSIONS if v > self.since and v not in self.versions]
        return later[0] if later else None

    @property
    def ranges(self) -> str:
        return compact(self.versions)


def _join(path: str, part: str) -> str:
    if part == "[]":
        return path + "[]"
    return f"{path}.{part}" if path else part


def _walk(shape: Shape, version: ComposeVersion, path: str, out: dict[str, Key | None], depth: int = 0) -> None:
    if depth > 60:
        return
    found = resolve(shape, version)
    if found is None:
        return
    out.setdefault(path, None)
    if isinstance(found, Choice):
        for option in found.options:
            _walk(option, version, path, out, depth + 1)
    elif isinstance(found, Arr):
        _walk(found.items, version, _join(path, "[]"), out, depth + 1)
    elif isinstance(found, Obj):
        for k in found.keys:
            if version in k.versions and resolve(k.shape, version) is not None:
                child = _join(path, k.name)
                out[child] = k
                _walk(k.shape, version, child, out, depth + 1)
        if found.names is not None and found.values is not None:
            _walk(found.values, version, _join(path, "*"), out, depth + 1)
        if version in found.ext:
            out.setdefault(_join(path, "x-*"), None)


@cache
def paths_at(version: ComposeVersion) -> dict[str, Key | None]:
    """Every property path that `version` accepts, with the catalog key that defines it."""
    out: dict[str, Key | None] = {}
    _walk(ROOT, version, "", out)
    if version is ComposeVersion.V1:
        # Keep the services' paths; the v1 root has no sections of its own.
        out = {p: k for p, k in out.items() if p in ("", "services") or p.startswith("services.")}
    return out


@lru_cache(maxsize=1)
def all_paths() -> dict[str, Entry]:
    """One `Entry` per path known in any version."""
    seen: dict[str, list[ComposeVersion]] = {}
    keys: dict[str, Key] = {}
    for v in ALL_VERSIONS:
        for p, k in paths_at(v).items():
            seen.setdefault(p, []).append(v)
            if k is not None:
                keys[p] = k  # the newest definition wins for notes
    return {
        p: Entry(
            path=p,
            name=_last_segment(p),
            versions=tuple(vs),
            replaced_by=keys[p].replaced_by if p in keys else None,
            note=keys[p].note if p in keys else None,
        )
        for p, vs in sorted(seen.items())
    }


def _last_segment(path: str) -> str:
    return re.split(r"\.|\[\]", path.rstrip("[]"))[-1] if path else ""


_SEGMENT = re.compile(r"[^.\[\]]+|\[\]")


def _segments(path: str) -> list[str]:
    return _SEGMENT.findall(path)


def normalize(path: str) -> str:
    """``services.<name>.ports[0]`` → ``services.<name>.ports[]``; ``<name>`` → ``*``."""
    path = re.sub(r"\[\d*\]", "[]", path.strip())
    return re.sub(r"<[^>]*>", "*", path)


def entries_matching(query: str) -> list[Entry]:
    """Catalog entries for a path (``services.*.mem_limit``, ``services.web.mem_limit``)
    or a bare key name (``healthcheck``: every path ending in that key)."""
    query = normalize(query)
    table = all_paths()
    wanted = _segments(query)
    if len(wanted) == 1 and query != "x-*":
        return [e for p, e in table.items() if _segments(p)[-1:] == wanted]
    if query in table:
        return [table[query]]
    hits = []
    for p, e in table.items():
        have = _segments(p)
        if len(have) == len(wanted) and all(
            h == w or (h == "*" and w != "[]") for h, w in zip(have, wanted, strict=True)
        ):
            hits.append(e)
    return hits


def entry_for(query: str) -> Entry | None:
    """The best entry for a path or bare key: the shortest matching path,
    a service key before a same-length key elsewhere (people mostly ask about those), then the
    one most versions accept (`external`: networks' before configs')."""
    hits = entries_matching(query)
    if not hits:
        return None
    return min(
        hits, key=lambda e: (len(_segments(e.path)), not e.path.startswith("services."), -len(e.versions), e.path)
    )


def versions_accepting(path: str) -> list[ComposeVersion]:
    """The versions in which `path` (or any path a bare key names) is accepted.

    A query that is itself a path (`name`, top level) is that path only, not
    every `*.name` below it.
    """
    exact = all_paths().get(normalize(path))
    if exact is not None:
        return sorted(exact.versions)
    found: set[ComposeVersion] = set()
    for e in entries_matching(path):
        found.update(e.versions)
    return sorted(found)


def describe_change(path: str) -> str | None:
    """A sentence on when a key went away and what replaced it (None if never removed)."""
    e = entry_for(path)
    if e is None or e.removed_in is None:
        return None
    text = f"{e.path} is accepted in {e.ranges}; removed in {e.removed_in.label}"
    if e.replaced_by:
        text += f", replaced by {e.replaced_by}"
    if e.note:
        text += f" ({e.note})"
    return text


# Public names for path helpers used by explain and by rules.
split_path = _segments
join_path = _join
