"""New nodes with an explicit style: quoted scalars, block or flow mappings and sequences.

A rule that adds a value says how it is written (quoted; block or flow) rather than leaving it
to the dumper's defaults.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.scalarstring import DoubleQuotedScalarString, ScalarString, SingleQuotedScalarString


def quote_scalar(value: str, style: str = '"') -> ScalarString:
    """Wrap a string so ruamel emits it quoted (`"` or `'`)."""
    if style == '"':
        return DoubleQuotedScalarString(value)
    if style == "'":
        return SingleQuotedScalarString(value)
    raise ValueError(f"unknown quote style {style!r}")


def new_map(items: Iterable[tuple[Any, Any]] | dict[Any, Any] = (), *, flow: bool = False) -> CommentedMap:
    """A new mapping with an explicit block (default) or flow style."""
    m = CommentedMap()
    for k, v in items.items() if isinstance(items, dict) else items:
        m[k] = v
    if flow:
        m.fa.set_flow_style()
    else:
        m.fa.set_block_style()
    return m


def new_seq(items: Iterable[Any] = (), *, flow: bool = False) -> CommentedSeq:
    """A new sequence with an explicit block (default) or flow style."""
    s = CommentedSeq(list(items))
    if flow:
        s.fa.set_flow_style()
    else:
        s.fa.set_block_style()
    return s
