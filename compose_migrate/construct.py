"""Plain data from a composed YAML node tree, fast: loading.parse's usual path.

PyYAML's SafeConstructor builds every value through a generator and a
per-tag dispatch, which costs more than composing the nodes in C.  A Compose
file is mappings, sequences and scalars with core tags, so one recursive
walk builds the same values and runs loading.check_nodes's checks (tags,
depth, node count, duplicate and overlong keys) on the way.

Anything out of the ordinary raises Unusual, and the caller goes back to
PyYAML's constructor and the full checks, which also word every error: merge
keys, explicit or unknown tags, keys that are not scalars, keys that
collide, a number no reader can read, a limit reached.

`read_again_12` resolves every plain scalar again, as go-yaml v3 reads it
(yaml11.resolve_plain_12), ignoring the tags the YAML 1.1 resolver gave:
one composed tree then serves both readings of a file with no explicit tags
(the caller checks that).  tests/test_construct.py holds both paths to the
same data.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import yaml

from .yaml11 import resolve_plain_12

_CORE = "tag:yaml.org,2002:"
_STR, _INT, _FLOAT, _BOOL, _NULL = (_CORE + t for t in ("str", "int", "float", "bool", "null"))
_MAP, _SEQ = _CORE + "map", _CORE + "seq"
_BOOLS = yaml.constructor.SafeConstructor.bool_values
_MISSING = object()


class Unusual(Exception):
    """This tree needs PyYAML's constructor (and its checks and messages)."""


def _go_yaml_cache() -> Callable[[str], Any]:
    # Plain scalars repeat a lot (keys, `true`, image names); the values are immutable.
    cache: dict[str, Any] = {}

    def resolve(text: str) -> Any:
        value = cache.get(text, _MISSING)
        if value is _MISSING:
            if len(cache) > 50_000:
                cache.clear()  # a hostile file must not grow it without bound
            value = cache[text] = resolve_plain_12(text, go_yaml=True)
        return value

    return resolve


go_yaml_value = _go_yaml_cache()


def read_again_12(node: Any) -> Any:
    """The value of a scalar as go-yaml v3 reads it, whatever tag the YAML 1.1 resolver gave."""
    if node.style:
        return node.value  # quoted or block: a string for every reader
    if node.tag == _CORE + "merge":
        raise Unusual
    return go_yaml_value(node.value)


def scalar_builder(number: Callable[[Any], Any]) -> Callable[[Any], Any]:
    """The value of one scalar node, by its tag; `number` builds an int or float
    node as the reading's own constructor does."""

    def by_tag(node: Any) -> Any:
        tag = node.tag
        if tag == _STR:
            return node.value
        if tag == _NULL:
            return None
        if tag == _BOOL:
            return _BOOLS[node.value.lower()]
        if tag in (_INT, _FLOAT):
            try:
                return number(node)
            except (ValueError, TypeError, OverflowError):
                raise Unusual from None
        raise Unusual  # merge keys, Compose's tags, anything explicit

    return by_tag


STR_TAG = _STR


def construct(
    root: Any,
    scalar: Callable[[Any], Any],
    *,
    max_depth: int,
    max_keychars: int,
    max_nodes: int,
    text_tag: str | None = None,
) -> tuple[Any, bool]:
    """The plain data of a tree WITHOUT aliases (a shared node would be built twice),
    and whether every mapping key is a string (then the data is already JSON-shaped).

    `text_tag`: scalars with this tag are their own text (STR_TAG when the
    tags are final), taken without calling `scalar`; most scalars are.
    """
    count = 0
    text_keys = True
    scalar_node, mapping_node, sequence_node = yaml.ScalarNode, yaml.MappingNode, yaml.SequenceNode

    def value(node: Any, depth: int) -> Any:
        nonlocal count, text_keys
        if depth > max_depth:
            raise Unusual
        kind = type(node)
        if kind is scalar_node:
            return scalar(node)
        if kind is mapping_node:
            if node.tag != _MAP:
                raise Unusual
            pairs = node.value
            count += 2 * len(pairs)
            if count >= max_nodes:
                raise Unusual  # checked as it grows: a missed alias must not expand for long
            out = {}
            for k, v in pairs:
                if type(k) is not scalar_node or len(k.value) > max_keychars:
                    raise Unusual
                if k.tag == text_tag:
                    key = k.value
                else:
                    key = scalar(k)
                    if type(key) is not str:
                        text_keys = False
                # Scalars inline: most nodes are, and a call per node is most of the cost.
                if type(v) is not scalar_node or depth >= max_depth:
                    out[key] = value(v, depth + 1)
                else:
                    out[key] = v.value if v.tag == text_tag else scalar(v)
            if len(out) != len(pairs):
                raise Unusual  # a duplicate key, or two keys read as one value (`1` and `0x1`)
            return out
        if kind is sequence_node:
            if node.tag != _SEQ:
                raise Unusual
            count += len(node.value)
            if count >= max_nodes:
                raise Unusual
            if depth < max_depth:
                return [
                    (item.value if item.tag == text_tag else scalar(item))
                    if type(item) is scalar_node
                    else value(item, depth + 1)
                    for item in node.value
                ]
            return [value(item, depth + 1) for item in node.value]
        raise Unusual

    return value(root, 1), text_keys
