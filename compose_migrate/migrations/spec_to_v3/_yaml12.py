"""What Compose v2 and docker-compose 1.x pass for a plain scalar in a string map.

A helper of the spec -> 3.x YAML rules.  Compose turns a number in
`environment`, `labels`, build `args`... into a string: Compose v2 with Go's
shortest float form (`08` is the float 8, passed as "8"; `1e3` as "1000"),
docker-compose 1.x with Python's str() of what PyYAML read (`8.0` -> "8.0").
The same number can therefore reach the container as two different strings.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ...yaml11 import go_float_text, path_kind, resolve_plain_11, resolve_plain_12
from ...yamlpath import PathParts, format_path
from ..yaml11_quoting import merged_scalars

_MERGE_TAG = "tag:yaml.org,2002:merge"
_STD = "tag:yaml.org,2002:"


@dataclass
class StringMapNumber:
    """An unquoted number in a string map that the two Compose generations pass as different strings."""

    path: PathParts  # where it is written
    text: str
    old: Any  # what PyYAML (YAML 1.1) reads
    new: int | float  # what go-yaml v3 (Compose v2) reads
    aliases: list[PathParts] = field(default_factory=list)

    @property
    def passed_v2(self) -> str:
        return go_text(self.new)


def go_text(value: int | float) -> str:
    """The string Compose v2 passes for a number it read."""
    return str(value) if isinstance(value, int) else go_float_text(value)


def _explicit_tag(tag: str, old: object) -> bool:
    # The node tree is composed with YAML 1.1's resolver, so a plain scalar
    # carries the tag 1.1 gives it; any other tag was written (`!!str 08`).
    if not tag.startswith(_STD):
        return True
    return tag == _STD + "str" and not isinstance(old, str)


def string_map_numbers(root: Any) -> list[StringMapNumber]:
    """Unquoted string-map values Compose v2 read as a number and passed differently from docker-compose 1.x."""
    if root is None:
        return []
    found: dict[int, StringMapNumber] = {}
    for path, node in merged_scalars(root):
        if id(node) in found:
            found[id(node)].aliases.append(path)
            continue
        text = str(node.value)
        if node.style or not text or path_kind(format_path(path)) != "string-map":
            continue  # quoted scalars are strings for every reader
        new = resolve_plain_12(text, go_yaml=True)
        if isinstance(new, bool) or not isinstance(new, (int, float)):
            continue
        old = resolve_plain_11(text)
        if isinstance(old, bool) or not isinstance(old, (str, int, float)) or _explicit_tag(node.tag, old):
            continue
        if str(old) != go_text(new):
            found[id(node)] = StringMapNumber(path, text, old, new)
    return list(found.values())
