"""Sequence edits that keep comments and blank lines.

An appended item takes over the lines that followed the old last item; a removed item's
end-of-line comment goes with it and the comment lines after it stay above the next item.
"""

from __future__ import annotations

from typing import Any

from ruamel.yaml.comments import CommentedSeq

from ._comments import (
    _append_rest,
    _col,
    _is_block,
    _place_above,
    _shift_head_eol,
    _take_rest,
    _take_rest_of_empty,
    _width,
)


def seq_append(seq: CommentedSeq, value: Any, *, unique: bool = True) -> bool:
    """Append an item after the last one; lines that followed the old last item follow the new one."""
    if unique and value in seq:
        return False
    old_width = _width(seq)
    if not seq:
        moved = _take_rest_of_empty(seq)
    elif _is_block(seq):
        col = _col(seq)
        # Lines at the dashes' indent stay before the new item (e.g. a commented-out last item).
        moved = _take_rest(seq, len(seq) - 1, None if col is None else col - 1)
    else:
        moved = ""
    seq.append(value)
    _append_rest(seq, len(seq) - 1, moved)
    if seq.fa.flow_style():
        # A flow list's line comment sits after the `]`, which moved right.
        _shift_head_eol(seq, _width(seq) - old_width)
    return True


def seq_remove(seq: CommentedSeq, index: int) -> Any:
    """Remove an item with its end-of-line comment; comment lines after it stay above the next item."""
    if index < 0:
        index += len(seq)
    follow = _take_rest(seq, index, _col(seq))
    value = seq[index]
    del seq[index]
    _place_above(seq, index, follow)
    return value
