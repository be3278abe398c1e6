"""Plain scalars that YAML 1.1 (legacy formats) and YAML 1.2 (the Compose
Specification) read differently, found in a file's composed node tree.

A private helper of the to_spec rules: the shared yaml11_quoting module
classifies traps by field kind (string maps, ports); leaving YAML 1.1 needs
every disagreement, whatever the field, compared exactly as the two readers
this project uses (loading.Loader11 / loading.Loader12) see it.
"""

from __future__ import annotations

import datetime
import math
from dataclasses import dataclass, field
from typing import Any

import yaml

from ... import loading
from ...yaml11 import resolve_plain_11
from ...yamlpath import PathParts
from ..yaml11_quoting import merged_scalars

_MERGE_TAG = "tag:yaml.org,2002:merge"
_STD = "tag:yaml.org,2002:"
# Only scalars starting with one of these can resolve to anything but a string.
_FIRST = frozenset("-+.0123456789yYnNoOtTfF~")


@dataclass
class Mismatch:
    """One unquoted scalar whose reading changes when the file becomes YAML 1.2."""

    path: PathParts  # where it is written (original layout)
    text: str
    old: Any  # YAML 1.1 reading
    new: Any  # YAML 1.2 reading
    aliases: list[PathParts] = field(default_factory=list)  # further paths (aliases, `<<` merges)

    @property
    def base60(self) -> bool:
        return ":" in self.text and isinstance(self.old, (int, float)) and not isinstance(self.old, bool)


_R12 = loading.Loader12("")


def reading_12(text: str) -> Any:
    """What loading.Loader12 (YAML 1.2 core, go-yaml's octal) makes of a plain scalar."""
    tag = _R12.resolve(yaml.ScalarNode, text, (True, False))
    try:
        return _R12.construct_object(yaml.ScalarNode(tag, text), deep=True)
    finally:
        _R12.constructed_objects.clear()  # it remembers every node it built


def _same(a: Any, b: Any) -> bool:
    if type(a) is not type(b):
        return False
    if isinstance(a, float) and math.isnan(a) and math.isnan(b):
        return True
    return bool(a == b)


def mismatches(root: Any) -> list[Mismatch]:
    """Every unquoted scalar whose YAML 1.1 and YAML 1.2 readings differ (keys excluded)."""
    if root is None:
        return []
    found: dict[int, Mismatch] = {}
    checked: set[int] = set()
    for path, node in merged_scalars(root):
        if id(node) in found:
            found[id(node)].aliases.append(path)
            continue
        if id(node) in checked:
            continue
        checked.add(id(node))
        text = str(node.value)
        if node.style or not text or text[0] not in _FIRST or _explicit_tag(node, text):
            continue
        old = resolve_plain_11(text)
        if isinstance(old, (datetime.date, datetime.datetime)):
            continue  # the legacy reader keeps timestamps as text
        try:
            new = reading_12(text)
        except (ValueError, yaml.YAMLError):
            continue
        if not _same(old, new):
            found[id(node)] = Mismatch(path, text, old, new)
    return list(found.values())


@dataclass
class KeyMismatch:
    """One unquoted mapping key that YAML 1.1 and YAML 1.2 read differently (`OFF:` is False, then "OFF")."""

    path: PathParts  # the key's path, parts as written
    text: str
    old: Any  # YAML 1.1 reading
    new: Any  # YAML 1.2 reading

    @property
    def old_path(self) -> PathParts:
        """The key as the legacy plain data names it (plain.key_text: False -> "false")."""
        from ...plain import key_text

        return (*self.path[:-1], key_text(self.old))


def key_mismatches(root: Any) -> list[KeyMismatch]:
    """Every unquoted key whose YAML 1.1 reading is not its text and differs from its YAML 1.2 reading."""
    from ..yaml11_quoting import find_quotable_keys

    out: list[KeyMismatch] = []
    for q in find_quotable_keys(root):
        try:
            new = reading_12(q.text)
        except (ValueError, yaml.YAMLError):
            continue
        if not _same(q.old, new):
            out.append(KeyMismatch(q.path, q.text, q.old, new))
    return out


def _explicit_tag(node: Any, text: str) -> bool:
    tag = str(node.tag)
    if not tag.startswith(_STD):
        return True
    return tag == _STD + "str" and not isinstance(resolve_plain_11(text), str)


def locate(tree: Any, path: PathParts) -> tuple[Any, Any] | None:
    """(container, key) holding the value at `path` in a round-trip tree; the
    anchored mapping that defines a key merged in with `<<`; None if absent."""
    from ruamel.yaml.comments import CommentedMap

    from ... import yamledit

    parent = tree
    for part in path[:-1]:
        try:
            parent = parent[part]
        except (KeyError, IndexError, TypeError):
            return None
    key = path[-1]
    if isinstance(parent, CommentedMap):
        if key not in parent:
            return None
        if yamledit.is_merged_key(parent, key):
            parent = yamledit.defining_map(parent, key)
        return parent, key
    if isinstance(parent, list) and isinstance(key, int) and 0 <= key < len(parent):
        return parent, key
    return None
