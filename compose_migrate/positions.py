"""Where things are in a file: from a path of keys and indexes to YAML nodes.

Findings and messages point at line:col of the ORIGINAL text, so positions
come from the fast reader's node tree (each node keeps its start mark), not
from the round-trip tree a migration edits.
"""

from __future__ import annotations

from typing import Any

import yaml

from .yamlpath import PathParts


def node_at(root: Any, path: PathParts, *, key: bool = False) -> Any:
    """The node at a path of mapping keys and sequence indexes (None if absent).

    With key=True and a mapping key last, the key's own node is returned
    (findings about a key point at the key, not its value).  Merge keys are
    followed, so a value inherited through `<<` points at where it is written.
    """
    node = root
    for i, part in enumerate(path):
        last = i == len(path) - 1
        if isinstance(node, yaml.MappingNode):
            found = find_in_mapping(node, part)
            if found is None:
                return None
            k, v = found
            node = k if (last and key) else v
        elif isinstance(node, yaml.SequenceNode):
            if not isinstance(part, int) or not 0 <= part < len(node.value):
                return None
            node = node.value[part]
        else:
            return None
    return node


_RESOLVED_KEY_TAGS = frozenset(f"tag:yaml.org,2002:{t}" for t in ("bool", "int", "float", "null"))


def parsed_key(node: Any) -> str:
    """The plain-data text of a key node: what plain.key_text makes of the key the loader built.

    A plain `OFF:` read as YAML 1.1 is the key False, shown as "false" in
    paths of the plain data; its written text stays `node.value`.
    """
    from .plain import key_text
    from .yaml11 import resolve_plain_11, resolve_plain_12

    text = str(node.value)
    if node.tag not in _RESOLVED_KEY_TAGS or node.style:
        return text
    kind = node.tag.rsplit(":", 1)[1]
    for value in (resolve_plain_11(text), resolve_plain_12(text, go_yaml=True)):
        if {bool: "bool", int: "int", float: "float", type(None): "null"}.get(type(value)) == kind:
            return key_text(value)
    return text


def find_in_mapping(node: Any, part: Any) -> tuple[Any, Any] | None:
    # Keys are matched by their written text, then by the text of the value
    # the loader made of them (a path from the plain data names `OFF:` "false").
    # PyYAML's constructor flattens `<<` merges into node.value, merged pairs
    # first: scanning backwards finds a key the mapping writes itself before
    # the one a merge brought in.
    want = str(part)
    merges = []
    resolved = []
    for k, v in reversed(node.value):
        if isinstance(k, yaml.ScalarNode):
            if k.tag == "tag:yaml.org,2002:merge":
                merges.append(v)
            elif k.value == want:
                return k, v
            elif k.tag in _RESOLVED_KEY_TAGS:
                resolved.append((k, v))
    for k, v in resolved:
        if parsed_key(k) == want:
            return k, v
    for m in merges:
        for src in m.value if isinstance(m, yaml.SequenceNode) else [m]:
            if isinstance(src, yaml.MappingNode):
                found = find_in_mapping(src, part)
                if found is not None:
                    return found
    return None


def written_path(root: Any, path: PathParts) -> PathParts:
    """`path` (from the plain data) with each mapping key as the file writes it.

    ("web", "environment", "false") -> ("web", "environment", "OFF") for a
    YAML 1.1 `OFF:` key; parts past what the tree holds are kept as given.
    """
    out: list[Any] = []
    node = root
    for part in path:
        if isinstance(node, yaml.MappingNode):
            found = find_in_mapping(node, part)
            if found is None:
                return (*out, *path[len(out) :])
            out.append(str(found[0].value) if isinstance(part, str) else part)
            node = found[1]
        elif isinstance(node, yaml.SequenceNode) and isinstance(part, int) and 0 <= part < len(node.value):
            out.append(part)
            node = node.value[part]
        else:
            return (*out, *path[len(out) :])
    return tuple(out)


def position(root: Any, path: PathParts, *, key: bool = False) -> tuple[int, int]:
    """1-based (line, col) of the deepest node that exists along `path`."""
    if root is None:
        return 0, 0
    for cut in range(len(path), -1, -1):
        node = node_at(root, path[:cut], key=key and cut == len(path))
        if node is not None:
            return node.start_mark.line + 1, node.start_mark.column + 1
    return 1, 1


def scalar_text(node: Any) -> tuple[str, str | None]:
    """The source text of a scalar node and its quote style (None = plain)."""
    return str(node.value), node.style
