"""Hints for schema problems: what the person most likely meant, from the catalog.

* an unknown key that exists in a later version: "needs version >= 2.1";
* a key that went away: "removed in 3.0, moved to deploy.resources.limits.memory";
* a misspelling: the nearest valid key (difflib);
* a value form that only other versions accept: "this form is accepted in 2.1-2.4, spec";
* a key at the wrong level: "indented under `api`?", "indented under `services`?".
"""

from __future__ import annotations

import difflib
from typing import Any

from .. import catalog
from ..catalog.model import compact
from ..versions import ComposeVersion
from .schema import MISSING_KEY, UNKNOWN_KEY, WRONG_TYPE, PathParts, Problem

SECTIONS = ("networks", "volumes", "secrets", "configs")


def catalog_path(parts: PathParts, *, v1: bool) -> str:
    """A file path (``services.web.ports[1]``) as a catalog path (``services.*.ports[]``)."""
    known = catalog.all_paths()
    path = ""
    seq: list[Any] = ["services", *parts] if v1 else list(parts)
    for part in seq:
        if isinstance(part, int):
            path += "[]"
            continue
        name = str(part)
        exact = catalog.join_path(path, name)
        if exact in known:
            path = exact
        elif name.startswith("x-") and catalog.join_path(path, "x-*") in known:
            path = catalog.join_path(path, "x-*")
        elif catalog.join_path(path, "*") in known:
            path = catalog.join_path(path, "*")
        else:
            path = exact
    return path


def _same_family(version: ComposeVersion) -> list[ComposeVersion]:
    if version is ComposeVersion.SPEC:
        return [ComposeVersion.SPEC]
    return [v for v in ComposeVersion if v.major == version.major and not v.stack_only]


def version_hint(cpath: str, version: ComposeVersion) -> str | None:
    """Why `cpath` is refused in `version` although the catalog knows it, or None."""
    entry = catalog.all_paths().get(cpath)
    if entry is None or version in entry.versions:
        return None
    family = _same_family(version)
    later_in_family = [v for v in entry.versions if v > version and v in family]
    if later_in_family:
        return f"needs version >= {later_in_family[0].label}"
    removed = [v for v in entry.versions if v < version]
    if removed and entry.removed_in is not None and entry.removed_in <= version:
        text = f"removed in {entry.removed_in.label}"
        if entry.replaced_by:
            text += f", moved to {entry.replaced_by}"
        text += f" (accepted in {compact(entry.versions)})"
        if ComposeVersion.SPEC in entry.versions and version.is_legacy:
            text += "; remove `version` to make this a Compose Specification file"
        return text
    text = f"accepted in {compact(entry.versions)}"
    if ComposeVersion.SPEC in entry.versions and version.is_legacy:
        text += "; remove `version` to make this a Compose Specification file"
    return text


def version_reason(problem: Problem, version: ComposeVersion) -> tuple[str, str] | None:
    """For a key the catalog knows in other versions: (why not here, what to do)."""
    cpath = catalog_path(problem.path, v1=version is ComposeVersion.V1)
    entry = catalog.all_paths().get(cpath)
    reason = version_hint(cpath, version)
    if entry is None or reason is None:
        return None
    reason = reason.split(";")[0]  # the action goes to the hint
    family = _same_family(version)
    later = [v for v in entry.versions if v > version and v in family]
    if later:
        return reason, f'set `version: "{later[0].label}"` (or later) at the top of the file'
    if entry.replaced_by and entry.removed_in is not None and entry.removed_in <= version:
        action = f"move it to `{entry.replaced_by}`"
        if ComposeVersion.SPEC in entry.versions:
            action += ", or remove `version` (the Compose Specification accepts it)"
        return reason, action
    if ComposeVersion.SPEC in entry.versions and version.is_legacy:
        key = str(problem.path[-1])
        return reason, f"remove `version` (Compose Specification), or remove `{key}` to stay on {version.label}"
    return reason, f"remove `{problem.path[-1]}`"


def hint_for(problem: Problem, version: ComposeVersion | None, data: Any) -> str | None:
    if version is None:
        return None
    v1 = version is ComposeVersion.V1
    if problem.code == UNKNOWN_KEY:
        return _unknown_key_hint(problem, version, data, v1)
    if problem.code == WRONG_TYPE:
        return _wrong_type_hint(problem, version, data, v1)
    if problem.code == MISSING_KEY:
        return None
    return None


def _unknown_key_hint(problem: Problem, version: ComposeVersion, data: Any, v1: bool) -> str | None:
    key = str(problem.path[-1])
    cpath = catalog_path(problem.path, v1=v1)
    hint = version_hint(cpath, version)
    if hint is not None:
        if key == "name" and len(problem.path) == 1:
            return f"{hint} (or remove `name` to stay on {version.label})"
        return hint
    parent = problem.path[:-1]
    # A section written one level too deep or too shallow.
    if not v1 and parent == () and _looks_like_service(_get(data, (key,))):
        return "this looks like a service: indented under `services`?"
    if len(parent) == 2 and parent[0] == "services" and str(parent[1]) in SECTIONS:
        return f"`{parent[1]}` looks like the top-level section: indented under `services` by mistake?"
    close = difflib.get_close_matches(key, problem.allowed, n=1, cutoff=0.75)
    if close:
        return f"did you mean `{close[0]}`?"
    if key in SECTIONS and len(parent) == 2 and parent[0] == "services":
        return f"`{key}` declarations belong at the top level: indented under a service by mistake?"
    return None


def _wrong_type_hint(problem: Problem, version: ComposeVersion, data: Any, v1: bool) -> str | None:
    path = problem.path
    value = _get(data, path)
    # A service key that lost its indentation reads as a service of its own.
    service_level = (len(path) == 1) if v1 else (len(path) == 2 and path[0] == "services")
    if service_level and "object" in problem.expected:
        name = str(path[-1])
        if name in SECTIONS and not v1:
            return f"`{name}` looks like the top-level section: indented under `services` by mistake?"
        if _is_service_key(name):
            owner = _previous_service(data, path, v1)
            where = f"`{owner}`" if owner else "the service above"
            return f"`{name}` is a service key: indented under {where}? (it lost one level of indentation)"
    if (
        not v1
        and len(path) == 3
        and path[0] == "services"
        and str(path[2]) in SECTIONS
        and isinstance(value, dict)
        and "array" in problem.expected
        and any(isinstance(v, dict) or v is None for v in value.values())
    ):
        return f"declarations of {path[2]} belong at the top level (column 1): indented under `{path[1]}` by mistake?"
    # A form (mapping, list of mappings) that other versions accept.
    cpath = catalog_path(path, v1=v1)
    known = catalog.all_paths()
    candidates: list[str] = []
    if isinstance(value, dict):
        for k in value:
            child = catalog_path((*path, k), v1=v1)
            candidates.append(child if child in known else catalog.join_path(cpath, "*"))
    elif isinstance(value, list):
        candidates.append(cpath + "[]")
    elif len(path) >= 2 and isinstance(path[-1], int) and isinstance(_get(data, path), dict):
        candidates.append(cpath)
    for c in candidates:
        entry = known.get(c)
        if entry is not None and version not in entry.versions:
            hint = version_hint(c, version)
            if hint is not None:
                return "this form is " + hint
    if isinstance(value, dict) and path and isinstance(path[-1], int):
        for k in value:
            entry = known.get(catalog.join_path(cpath, str(k)))
            if entry is not None and version not in entry.versions:
                hint = version_hint(entry.path, version)
                if hint is not None:
                    return "this form is " + hint
    return None


def _looks_like_service(value: Any) -> bool:
    from ..detect import V1_SERVICE_KEYS

    return isinstance(value, dict) and bool(V1_SERVICE_KEYS.intersection(map(str, value)))


def _is_service_key(name: str) -> bool:
    return any(e.path == f"services.*.{name}" for e in catalog.entries_matching(name))


def _previous_service(data: Any, path: PathParts, v1: bool) -> str | None:
    """The nearest sibling before `path` that is a real service (a mapping or null)."""
    parent = data if v1 else _get(data, path[:-1])
    if not isinstance(parent, dict):
        return None
    owner = None
    for k, v in parent.items():
        if k == path[-1]:
            return owner
        if (isinstance(v, dict) or v is None) and not _is_service_key(str(k)):
            owner = str(k)
    return owner


def _get(data: Any, path: PathParts) -> Any:
    node = data
    for part in path:
        in_map = isinstance(node, dict) and part in node
        in_list = isinstance(node, list) and isinstance(part, int) and 0 <= part < len(node)
        if in_map or in_list:
            node = node[part]
        else:
            return None
    return node


def find_catalog_path(data: Any, cpath: str, *, v1: bool) -> PathParts | None:
    """The first concrete path in `data` matching a catalog path (``services.*.healthcheck``)."""
    parts = catalog.split_path(cpath)
    if v1 and parts[:1] == ["services"]:
        parts = parts[1:]

    def walk(node: Any, rest: list[str], here: PathParts) -> PathParts | None:
        if not rest:
            return here
        head, tail = rest[0], rest[1:]
        if head == "[]":
            if isinstance(node, list):
                for i, item in enumerate(node):
                    found = walk(item, tail, (*here, i))
                    if found is not None:
                        return found
            return None
        if not isinstance(node, dict):
            return None
        if head in ("*", "x-*"):
            for k, v in node.items():
                if (head == "x-*") == str(k).startswith("x-"):
                    found = walk(v, tail, (*here, k))
                    if found is not None:
                        return found
            return None
        if head in node:
            return walk(node[head], tail, (*here, head))
        return None

    return walk(data, parts, ())
