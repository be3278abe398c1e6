"""The located model: every value of a project remembers the file, line and column that wrote it.

A `Node` wraps one YAML value (a dict of Nodes, a list of Nodes, or a scalar)
with its `Origin`.  Merging works on Nodes, so a value keeps its origin through
overrides, `extends` and `include`; `plain()` and `provenance()` turn the
merged tree into plain data and a parallel `path -> Origin` dict.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, NamedTuple

import yaml

from ..positions import find_in_mapping

PathParts = tuple[Any, ...]

RESET = "!reset"
OVERRIDE = "!override"


class Origin(NamedTuple):
    file: str
    line: int
    col: int

    def __str__(self) -> str:
        return f"{self.file}:{self.line}:{self.col}" if self.line else self.file


@dataclass
class Node:
    value: Any  # dict[str, Node] | list[Node] | scalar
    origin: Origin
    tag: str | None = None  # "!reset" / "!override" when the file wrote one
    meta: dict[str, Any] = field(default_factory=dict)

    @property
    def is_map(self) -> bool:
        return isinstance(self.value, dict)

    @property
    def is_seq(self) -> bool:
        return isinstance(self.value, list)

    def get(self, key: str) -> Node | None:
        return self.value.get(key) if isinstance(self.value, dict) else None


def _origin(file: str, ynode: Any) -> Origin:
    mark = ynode.start_mark
    return Origin(file, mark.line + 1, mark.column + 1)


def _key(k: Any) -> str:
    if isinstance(k, bool):
        return "true" if k else "false"
    return "null" if k is None else str(k)


def build(data: Any, ynode: Any, file: str, at: Origin | None = None) -> Node:
    """A located tree from a file's constructed data and its YAML nodes (walked together).

    `at` is the origin to give this value (its mapping key's position); merge
    keys (`<<`) are followed so inherited values point at where they are written.
    """
    here = at or (_origin(file, ynode) if ynode is not None else Origin(file, 0, 0))
    tag = ynode.tag if ynode is not None and ynode.tag in (RESET, OVERRIDE) else None
    if isinstance(data, dict):
        out: dict[str, Node] = {}
        for k, v in data.items():
            found = find_in_mapping(ynode, _key(k)) if isinstance(ynode, yaml.MappingNode) else None
            if found is None and isinstance(ynode, yaml.MappingNode):
                found = find_in_mapping(ynode, k)
            knode, vnode = found if found is not None else (None, None)
            out[_key(k)] = build(v, vnode, file, _origin(file, knode) if knode is not None else here)
        return Node(out, here, tag)
    if isinstance(data, list):
        items = ynode.value if isinstance(ynode, yaml.SequenceNode) else []
        return Node(
            [build(v, items[i] if i < len(items) else None, file) for i, v in enumerate(data)],
            here,
            tag,
        )
    if tag is not None and isinstance(data, str) and isinstance(ynode, yaml.ScalarNode):
        data = _resolve_tagged_scalar(ynode)
    return Node(data, here, tag)


def _resolve_tagged_scalar(ynode: Any) -> Any:
    # `!override 8080` / `!reset null`: the tag hid the plain type; read it as if untagged.
    try:
        return yaml.safe_load(ynode.value) if ynode.style is None else ynode.value
    except yaml.YAMLError:
        return ynode.value


def plain(node: Node | None) -> Any:
    """The plain data of a located tree."""
    if node is None:
        return None
    if isinstance(node.value, dict):
        return {k: plain(v) for k, v in node.value.items()}
    if isinstance(node.value, list):
        return [plain(v) for v in node.value]
    return node.value


def provenance(node: Node, path: PathParts = ()) -> dict[PathParts, Origin]:
    """path -> Origin for every value of a located tree."""
    out: dict[PathParts, Origin] = {path: node.origin}
    if isinstance(node.value, dict):
        for k, v in node.value.items():
            out.update(provenance(v, (*path, k)))
    elif isinstance(node.value, list):
        for i, v in enumerate(node.value):
            out.update(provenance(v, (*path, i)))
    return out


def from_plain(data: Any, origin: Origin) -> Node:
    """A located tree for values we made (normalised forms): all from one origin."""
    if isinstance(data, dict):
        return Node({_key(k): from_plain(v, origin) for k, v in data.items()}, origin)
    if isinstance(data, list):
        return Node([from_plain(v, origin) for v in data], origin)
    return Node(data, origin)


def walk(node: Node, path: PathParts = ()) -> Any:
    """(path, node) for every node, parents first."""
    yield path, node
    if isinstance(node.value, dict):
        for k, v in node.value.items():
            yield from walk(v, (*path, k))
    elif isinstance(node.value, list):
        for i, v in enumerate(node.value):
            yield from walk(v, (*path, i))
