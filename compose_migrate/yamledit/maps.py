"""Mapping edits that keep comments, blank lines and the gaps before end-of-line comments.

A key's end-of-line comment stays with it; the comment lines after an entry belong to what
follows it, so they stay put when the entry is removed or moved.  New keys go where a person
would put them.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.scalarstring import (
    DoubleQuotedScalarString,
    ScalarString,
    SingleQuotedScalarString,
)
from ruamel.yaml.tokens import CommentToken

from ._comments import (
    _DEFAULT_INDENT,
    Container,
    _add_header,
    _adopt,
    _append_rest,
    _col,
    _deep,
    _get_tok,
    _is_block,
    _line_end,
    _place_above,
    _regap,
    _set_col,
    _set_tok,
    _shift_lines,
    _shift_subtree,
    _split,
    _split_blank,
    _split_owned,
    _take_rest,
    _take_rest_of_empty,
    _write,
)
from .merges import _check_own, _del, _merge_pos, _refresh_merged, _resolve_pos, _src_pos, own_keys
from .nodes import new_map


def _put(m: CommentedMap, src: int, key: Any, value: Any) -> None:
    """`m.insert` at a source position, keeping maps that merge `m` in sync."""
    m.insert(src, key, value)
    _adopt(m, value)
    _refresh_merged(m, key)


def _detach(m: CommentedMap, key: Any) -> tuple[Any, list[Any] | None, str]:
    """Remove `key` with its comment entry; return (value, entry, lines that followed it)."""
    follow = _take_rest(m, key, _col(m))
    value = m[key]
    entry = m.ca.items.pop(key, None)
    _del(m, key)
    return value, entry, follow


def _attach(
    m: CommentedMap,
    pos: tuple[int, int],
    key: Any,
    value: Any,
    entry: list[Any] | None = None,
    lead: str = "",
) -> None:
    """Insert `key` at `pos`; `lead` lines go above it, the lines that were there stay above the next key."""
    own_index, src = pos
    own = own_keys(m)
    moved = _take_rest_of_empty(m) if not own else ""
    if own_index > 0 and src - 1 != _merge_pos(m):
        prev = own[own_index - 1]
        col = _col(m)
        # At the end, lines at the keys' own indent stay (e.g. a commented-out last key).
        moved = _take_rest(m, prev, col if col is None or own_index < len(own) else col - 1)
        _append_rest(m, prev, lead)
    elif own_index == 0:
        _add_header(m, lead)
    _put(m, src, key, value)
    if entry is not None:
        m.ca.items[key] = entry
        _set_tok(m, key, _get_tok(m, key))  # re-link a collection value to its key-line token
    _append_rest(m, key, moved)


def delete_key(m: CommentedMap, key: Any) -> bool:
    """Remove `key`; its end-of-line comment goes, the comment lines after it stay above the next key."""
    if key not in m:
        return False
    _check_own(m, key)
    i = own_keys(m).index(key)
    _value, _entry, follow = _detach(m, key)
    _place_above(m, i, follow)
    return True


def rename_key(m: CommentedMap, old: Any, new: Any) -> bool:
    """Rename a key in place: same position, value and comments."""
    if old == new or old not in m._ok:
        if old not in m._ok and new not in m._ok and old in m:
            _check_own(m, old)
        return False
    if new in m._ok:
        raise KeyError(f"cannot rename {old!r}: {new!r} already exists")
    src = _src_pos(m, own_keys(m).index(old))
    value = m[old]
    old_end = _line_end(m, old, value)
    entry = m.ca.items.pop(old, None)
    _del(m, old)
    _put(m, src, new, value)
    if entry is not None:
        m.ca.items[new] = entry
        _regap(m, new, old_end)
    return True


def replace_key(m: CommentedMap, old: Any, new_key: Any, new_value: Any) -> bool:
    """Put `new_key: new_value` where `old` was, keeping its end-of-line comment and the lines after it."""
    if old not in m:
        return False
    _check_own(m, old)
    if new_key != old and new_key in m._ok:
        raise KeyError(f"cannot replace {old!r}: {new_key!r} already exists")
    src = _src_pos(m, own_keys(m).index(old))
    eol, ecol, _ = _split(_get_tok(m, old))
    old_end = _line_end(m, old, m[old])
    _value, _entry, follow = _detach(m, old)
    _put(m, src, new_key, new_value)
    if eol:
        # The old key line's comment goes on the new key line (before any header of a new collection).
        _, _, head = _split(_get_tok(m, new_key)) if _is_block(new_value) else ("", 0, "")
        _write(m, new_key, eol, ecol, head)
        _regap(m, new_key, old_end)
    _append_rest(m, new_key, follow)
    return True


def insert_key(
    m: CommentedMap,
    key: Any,
    value: Any,
    *,
    after: Any = None,
    before: Any = None,
    index: int | None = None,
    comment: str | None = None,
) -> bool:
    """Add `key` where a person would put it (default last); an existing key only gets its value set."""
    if key in m._ok:
        if m[key] == value:
            return False
        m[key] = value
        return True
    _attach(m, _resolve_pos(m, after, before, index), key, value)
    if comment:
        text = comment if comment.startswith("#") else "# " + comment
        _, _, rest = _split(_get_tok(m, key))
        # Two spaces before the comment; unknown layout -> the emitter's minimum of one.
        _write(m, key, text, (_line_end(m, key, value) or -2) + 2, rest)
    return True


def set_scalar(m: Container, key: Any, value: Any) -> bool:
    """Set a scalar in place, keeping the old quote style and the gap before its comment."""
    if isinstance(m, CommentedMap):
        _check_own(m, key)
    old = m[key] if (key in m if isinstance(m, CommentedMap) else 0 <= key < len(m)) else None
    if (
        isinstance(value, str)
        and not isinstance(value, ScalarString)
        and isinstance(old, (DoubleQuotedScalarString, SingleQuotedScalarString))
    ):
        value = type(old)(value)
    if old is not None and old == value and type(old) is type(value):
        return False
    old_end = _line_end(m, key, old)
    m[key] = value
    _regap(m, key, old_end)
    if isinstance(m, CommentedMap):
        _refresh_merged(m, key)
    return True


def ensure_map(
    m: CommentedMap,
    key: Any,
    *,
    after: Any = None,
    before: Any = None,
    index: int | None = None,
    flow: bool = False,
) -> CommentedMap:
    """Get the mapping under `key`, creating an empty one (block style) where a person would put it."""
    if key in m:
        value = m[key]
        if not isinstance(value, CommentedMap):
            raise TypeError(f"{key!r} holds a {type(value).__name__}, not a mapping")
        return value
    created = new_map(flow=flow)
    insert_key(m, key, created, after=after, before=before, index=index)
    return created


def move_key(
    src: CommentedMap,
    key: Any,
    dst: CommentedMap,
    *,
    new_key: Any = None,
    after: Any = None,
    before: Any = None,
    index: int | None = None,
) -> bool:
    """Move an entry with its comments into another mapping (the comment block above it moves too)."""
    name = key if new_key is None else new_key
    if key not in src:
        return False
    _check_own(src, key)
    if name in dst._ok and not (src is dst and name == key):
        raise KeyError(f"cannot move {key!r}: {name!r} already exists in the destination")
    own = own_keys(src)
    i = own.index(key)
    lead = ""
    if i > 0:
        # The comment lines directly above the key travel with it; blank lines stay as spacing.
        dc, dk = _deep(src, own[i - 1])
        eol, ecol, rest = _split(_get_tok(dc, dk))
        inner, above = _split_owned(rest, _col(src))
        blank, lead = _split_blank(above)
        _write(dc, dk, eol, ecol, inner + blank)
    old_end = _line_end(src, key, src[key])
    value, entry, follow = _detach(src, key)
    _place_above(src, i, follow)
    src_col, dst_col = _col(src), _col(dst)
    if dst_col is None and not own_keys(dst) and src_col is not None:
        dst_col = src_col
        _set_col(dst, dst_col)
    delta = dst_col - src_col if src_col is not None and dst_col is not None else 0
    entry_toks = [t for t in (entry or []) if isinstance(t, CommentToken)]
    _shift_subtree(value, delta, entry_toks)
    lead = _shift_lines(lead, delta)
    _attach(dst, _resolve_pos(dst, after, before, index), name, value, entry, lead)
    _regap(dst, name, None if old_end is None else old_end + delta)
    return True


def wrap_under(
    root: CommentedMap,
    new_key: Any,
    keys: Sequence[Any],
    *,
    index: int | None = None,
    indent: int = _DEFAULT_INDENT,
) -> CommentedMap | None:
    """Move top-level entries (with their comments) under one new key, e.g. v1 services under `services:`."""
    moving = [k for k in keys if k in root._ok]
    if not moving:
        return root[new_key] if isinstance(root.get(new_key), CommentedMap) else None
    if new_key in root._ok:
        raise KeyError(f"{new_key!r} already exists")
    own = own_keys(root)
    moving_set = set(moving)
    root_col = _col(root) or 0
    # Lines after a moved key that introduce a key staying behind must stay with that key.
    stay: list[tuple[Any, str]] = []
    for i, k in enumerate(own):
        if k in moving_set and (i + 1 == len(own) or own[i + 1] not in moving_set):
            follow = _take_rest(root, k, root_col)
            if follow:
                stay.append((own[i + 1] if i + 1 < len(own) else None, follow))
    first = min(own.index(k) for k in moving)
    if index is None:
        index = sum(1 for k in own[:first] if k not in moving_set)
    target = new_map()
    _set_col(target, root_col + indent)
    for k in moving:
        value = root[k]
        entry = root.ca.items.pop(k, None)
        _del(root, k)
        target[k] = value
        if entry is not None:
            target.ca.items[k] = entry
    _shift_subtree(target, indent)
    _put(root, _src_pos(root, index), new_key, target)
    for nxt, lines in stay:
        rest = own_keys(root)
        _place_above(root, rest.index(nxt) if nxt is not None else len(rest), lines)
    return target


def set_collection_style(m: CommentedMap, key: Any, *, flow: bool) -> bool:
    """Switch the collection under `key` between flow and block style, keeping its comments in place."""
    value = m[key]
    if not isinstance(value, (CommentedMap, CommentedSeq)):
        raise TypeError(f"{key!r} is not a collection")
    if bool(value.fa.flow_style()) == flow:
        return False
    old_end = _line_end(m, key, value)
    eol, ecol, rest = _split(_get_tok(m, key))
    if flow:
        # Comments inside a block collection have no place in flow style; the lines after it stay.
        follow = _take_rest(m, key, _col(m))
        value.fa.set_flow_style()
        _write(m, key, eol, ecol, follow)
        value.ca.items.clear()
        _regap(m, key, old_end)
        return True
    # Flow -> block: the lines that followed the flow value must follow its last item now.
    _write(m, key, eol, ecol, "")
    value.fa.set_block_style()
    if _col(value) is None and _col(m) is not None:
        _set_col(value, _col(m) + _DEFAULT_INDENT)  # type: ignore[operator]
    _append_rest(m, key, rest)
    _regap(m, key, old_end)
    return True
