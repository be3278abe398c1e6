"""Quoting plain scalars that YAML 1.1 and YAML 1.2 readers disagree on.

Shared by every rule that leaves the YAML 1.1 world or wants all readers to
agree (v1 -> 2.x rule V1-15; a to_spec rule may use the same helpers).  The
classification itself is compose_migrate/yaml11.py's `pitfalls`; this module
only finds the unquoted scalars in a file's node tree, and writes the quoted
text back into the round-trip tree.

The text as written is taken as the intended meaning: nobody writes `22:22`
meaning port 1342, or `ZIP: 01234` meaning "668".  The old reading is said in
the warning, so a file that relied on it can be put back by hand.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

import yaml
from ruamel.yaml.comments import CommentedMap

from .. import yamledit
from ..yaml11 import (
    BASE60,
    BOOL_STRING,
    NUMBER_STRING,
    SHORT_BOOL,
    Pitfall,
    pitfalls,
    resolve_plain_11,
    resolve_plain_12,
)
from ..yamlpath import PathParts, format_path

__all__ = [
    "QUOTE_CODES",
    "Quotable",
    "QuotableKey",
    "find_quotable",
    "find_quotable_keys",
    "old_key_reading",
    "old_reading",
    "quote_at",
    "merged_scalars",
    "quote_key_at",
]

# Pitfalls that quoting the written text resolves.  Mode pitfalls are left
# out on purpose: a mode must stay a number, so quoting would break it.
QUOTE_CODES = frozenset({BASE60, BOOL_STRING, SHORT_BOOL, NUMBER_STRING})

_MERGE_TAG = "tag:yaml.org,2002:merge"


@dataclass
class Quotable:
    """One unquoted scalar to quote, and every path it is reachable by."""

    path: PathParts  # where it is written
    text: str  # the scalar exactly as written
    pitfall: Pitfall
    aliases: list[PathParts] = field(default_factory=list)  # further paths through `*alias`


def _walk(node: Any, path: PathParts, skip_root_keys: Callable[[str], bool]) -> Iterator[tuple[PathParts, Any]]:
    """(path, scalar node) for every scalar value below `node` (keys excluded; `<<` merges skipped)."""
    stack: list[tuple[PathParts, Any]] = [(path, node)]
    while stack:
        here, n = stack.pop()
        if isinstance(n, yaml.MappingNode):
            for k, v in reversed(n.value):
                if not isinstance(k, yaml.ScalarNode) or k.tag == _MERGE_TAG:
                    continue  # merged values are visited where they are written
                if not here and skip_root_keys(str(k.value)):
                    continue
                stack.append(((*here, str(k.value)), v))
        elif isinstance(n, yaml.SequenceNode):
            for i in reversed(range(len(n.value))):
                stack.append(((*here, i), n.value[i]))
        elif isinstance(n, yaml.ScalarNode):
            yield here, n


def merged_scalars(
    node: Any, here: PathParts = (), skip: frozenset[str] = frozenset()
) -> Iterator[tuple[PathParts, Any]]:
    """(path as written, scalar node) for every scalar of a composed tree.

    Values merged in with `<<` are seen at the path that uses them (an `x-env`
    anchor is a string map only where it is merged into `environment`), and
    only under keys the mapping does not write itself.
    """
    if isinstance(node, yaml.MappingNode):
        own = {str(k.value) for k, _v in node.value if isinstance(k, yaml.ScalarNode) and k.tag != _MERGE_TAG}
        for k, v in node.value:
            if not isinstance(k, yaml.ScalarNode):
                continue
            if k.tag == _MERGE_TAG:
                for src in v.value if isinstance(v, yaml.SequenceNode) else [v]:
                    yield from merged_scalars(src, here, frozenset(own | skip))
            elif str(k.value) not in skip:
                yield from merged_scalars(v, (*here, str(k.value)))
    elif isinstance(node, yaml.SequenceNode):
        for i, item in enumerate(node.value):
            yield from merged_scalars(item, (*here, i))
    elif isinstance(node, yaml.ScalarNode):
        yield here, node


def find_quotable(
    root: Any,
    *,
    legacy: bool,
    codes: frozenset[str] = QUOTE_CODES,
    skip_root_keys: Callable[[str], bool] = lambda key: False,
) -> list[Quotable]:
    """Unquoted plain scalars in a composed YAML node tree that should be quoted.

    `root` is a PyYAML node tree (Document.r11.node); paths are as written in
    that file.  A node reached again through an alias is reported once, with
    the extra paths in `aliases` (quoting it once fixes every use).
    """
    if root is None:
        return []
    found: dict[int, Quotable] = {}
    for path, node in _walk(root, (), skip_root_keys):
        if node.style or _explicit_tag(node):  # libyaml gives '' for plain, PyYAML None
            continue  # quoted, block and tagged scalars mean the same to every reader
        if id(node) in found:
            found[id(node)].aliases.append(path)
            continue
        for p in pitfalls(str(node.value), format_path(path), legacy=legacy):
            if p.code in codes:
                found[id(node)] = Quotable(path, str(node.value), p)
                break
    return list(found.values())


def _explicit_tag(node: Any) -> bool:
    """`!!str 22:22`, `!reset`: a tag other than the one YAML 1.1 resolves the text to."""
    tag = str(node.tag)
    if not tag.startswith("tag:yaml.org,2002:"):
        return True
    return tag == "tag:yaml.org,2002:str" and not isinstance(resolve_plain_11(str(node.value)), str)


def old_reading(q: Quotable) -> str:
    """How YAML 1.1 (docker-compose 1.x) read the scalar, in words."""
    v = q.pitfall.value_11
    if isinstance(v, bool):
        return f"the boolean {str(v).lower()}"
    if isinstance(v, (int, float)):
        return f"the number {v}"
    as_bool = str(q.text in ("y", "Y")).lower()
    return f"the string {v!r} (but go-yaml v2, used by `docker stack deploy`, read the boolean {as_bool})"


def quote_at(tree: Any, path: PathParts, text: str) -> bool:
    """Replace the scalar at `path` in a round-trip tree by `text`, double-quoted."""
    parent = tree
    for part in path[:-1]:
        parent = parent[part]
    key = path[-1]
    if isinstance(parent, CommentedMap) and yamledit.is_merged_key(parent, key):
        parent = yamledit.defining_map(parent, key)
    return yamledit.set_scalar(parent, key, yamledit.quote_scalar(text))


@dataclass
class QuotableKey:
    """One unquoted mapping key that YAML 1.1 read as something other than its text."""

    path: PathParts  # the key's path, every part as written
    text: str
    old: object  # what PyYAML made of it (False for `OFF`)

    @property
    def old_path(self) -> PathParts:
        """The key as the legacy plain data names it (plain.key_text: False -> "false")."""
        from ..plain import key_text

        return (*self.path[:-1], key_text(self.old))


def find_quotable_keys(root: Any, *, skip_root_keys: Callable[[str], bool] = lambda key: False) -> list[QuotableKey]:
    """Plain keys of a composed YAML 1.1 node tree that PyYAML did not read as their text (`OFF:`, `yes:`)."""
    from ..validation.yamlcheck import key_reading_11

    out: list[QuotableKey] = []
    stack: list[tuple[PathParts, Any]] = [((), root)]
    seen: set[int] = set()
    while stack:
        here, n = stack.pop()
        if id(n) in seen:
            continue  # a mapping reached again through an alias: its keys are quoted where written
        seen.add(id(n))
        if isinstance(n, yaml.MappingNode):
            for k, v in reversed(n.value):
                if not isinstance(k, yaml.ScalarNode) or k.tag == _MERGE_TAG:
                    continue
                text = str(k.value)
                if not here and skip_root_keys(text):
                    continue
                if not k.style and not _explicit_tag(k) and k.tag != "tag:yaml.org,2002:str":
                    old = key_reading_11(text)
                    if old is not None or text in ("~", "null", "Null", "NULL"):
                        out.append(QuotableKey((*here, text), text, old))
                stack.append(((*here, text), v))
        elif isinstance(n, yaml.SequenceNode):
            for i in reversed(range(len(n.value))):
                stack.append(((*here, i), n.value[i]))
    out.sort(key=lambda q: [str(p) for p in q.path])
    return out


def old_key_reading(q: QuotableKey) -> str:
    """How YAML 1.1 (docker-compose 1.x) read the key, in words."""
    if isinstance(q.old, bool):
        return f"the boolean key {str(q.old).lower()} (Python's {q.old})"
    if q.old is None:
        return "the null key (Python's None)"
    return f"the number key {q.old}"


_MISSING = object()


def _child_key(m: Any, text: str, readings: bool) -> Any:
    """The key of a round-trip mapping written as `text` (YAML 1.2 may have read `true:` as True).

    With `readings`, also a key the round-trip reader turned into a number or
    null (`1.50:` is 1.5, `~:` None).  _MISSING when there is none.
    """
    alts = (resolve_plain_12(text), resolve_plain_12(text, go_yaml=True)) if readings else ()
    for k in m:
        if isinstance(k, str):
            if k == text:
                return k
        elif isinstance(k, bool):
            if str(k).lower() == text.lower():
                return k
        elif k is None:
            if any(r is None for r in alts):
                return k
        elif any(isinstance(r, (int, float)) and not isinstance(r, bool) and r == k for r in alts):
            return k
    return _MISSING


def quote_key_at(tree: Any, path: PathParts, text: str, *, readings: bool = False) -> bool:
    """Rewrite the key at `path` (parts as written) in a round-trip tree as the double-quoted `text`.

    `readings`: find keys by what they read as, too (see _child_key).
    """
    from ruamel.yaml.scalarstring import DoubleQuotedScalarString

    parent = tree
    for part in path[:-1]:
        is_key = isinstance(parent, CommentedMap) and isinstance(part, str)
        key = _child_key(parent, part, readings) if is_key else part
        try:
            parent = parent[key]
        except (KeyError, IndexError, TypeError):
            return False
    if not isinstance(parent, CommentedMap):
        return False
    old = _child_key(parent, text, readings)
    if old is _MISSING or isinstance(old, DoubleQuotedScalarString):
        return False  # not there, or quoted already (an alias reaches the same mapping twice)
    if yamledit.is_merged_key(parent, old):
        parent = yamledit.defining_map(parent, old)
    # The quoted key is equal to the plain one as a str, so rename_key would see no change:
    # replace_key puts the new key object in the same place, value and comments kept.
    return yamledit.replace_key(parent, old, DoubleQuotedScalarString(text), parent[old])
