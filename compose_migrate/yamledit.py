"""Comment- and position-keeping edits of a ruamel.yaml round-trip tree.

Migration rules edit `CommentedMap` / `CommentedSeq` trees only through these helpers, so the
knowledge of where ruamel keeps comments lives in one tested place.

How ruamel stores the text between entries (ruamel.yaml 0.18/0.19):

* ``m.ca.items[key][2]`` (``seq.ca.items[i][0]`` for sequences) is one ``CommentToken`` whose first
  line is the end-of-line comment of the entry and whose further lines are the comment and blank
  lines that FOLLOW the entry -- in a reader's eyes those belong to the next key.
* When the value is a block collection, that token holds the key line's comment plus the lines
  before the first child, and is shared with ``value.ca.comment[0]``; the lines after the whole
  entry then sit in the token of its deepest last item ("deep slot" below).
* Lines above the first key of the document are ``root.ca.comment[1]`` (a list of tokens).
* Keys that come in through ``<<`` merges are stored in the mapping too; ``m._ok`` holds the own keys.

See https://yaml.dev/doc/ruamel.yaml/detail/ (comments) for the upstream description.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any, TypeAlias

from ruamel.yaml.comments import CommentedMap, CommentedSeq, merge_attrib
from ruamel.yaml.compat import ordereddict
from ruamel.yaml.error import CommentMark
from ruamel.yaml.scalarstring import (
    DoubleQuotedScalarString,
    ScalarString,
    SingleQuotedScalarString,
)
from ruamel.yaml.tokens import CommentToken

__all__ = [
    "MergedKeyError",
    "defining_map",
    "delete_key",
    "ensure_map",
    "insert_key",
    "is_merged_key",
    "merge_sources",
    "move_key",
    "new_map",
    "new_seq",
    "own_keys",
    "quote_scalar",
    "rename_key",
    "replace_key",
    "seq_append",
    "seq_remove",
    "set_collection_style",
    "set_scalar",
    "wrap_under",
]

Container: TypeAlias = "CommentedMap | CommentedSeq"

# Column of a collection's keys (or dashes) as it will be emitted. ruamel's `lc.col` is where the
# node was in the source; we record the new column on moved/created nodes instead of rewriting
# `lc`, which other modules read for line:col reporting against the original file.
_COL_ATTR = "_yamledit_col"
_DEFAULT_INDENT = 2


class MergedKeyError(KeyError):
    """A key that a mapping only gets through a `<<` merge was edited as if it were its own."""


# --------------------------------------------------------------------------- merge keys


def own_keys(m: CommentedMap) -> list[Any]:
    """Keys written in this mapping itself, in order (merged `<<` keys excluded)."""
    return [k for k in m if k in m._ok]


def is_merged_key(m: CommentedMap, key: Any) -> bool:
    """True if `key` is visible in `m` only through a `<<` merge (editing it here would not stick)."""
    return key in m and key not in m._ok


def merge_sources(m: CommentedMap) -> list[CommentedMap]:
    """The mappings merged into `m` with `<<`, in priority order."""
    merged = getattr(m, merge_attrib, None)
    if merged is None:
        return []
    return list(getattr(merged, "value", merged))


def defining_map(m: CommentedMap, key: Any) -> CommentedMap:
    """The mapping that actually defines `key` for `m` (itself or an anchored merge source)."""
    if key in m._ok:
        return m
    for source in merge_sources(m):
        if key in source:
            return defining_map(source, key)
    raise KeyError(key)


def _check_own(m: CommentedMap, key: Any) -> None:
    if is_merged_key(m, key):
        raise MergedKeyError(f"{key!r} comes from a '<<' merge; edit it in defining_map(m, {key!r})")


def _merge_pos(m: CommentedMap) -> int:
    merged = getattr(m, merge_attrib, None)
    pos = getattr(merged, "merge_pos", None)
    return pos if isinstance(pos, int) else -1


def _src_pos(m: CommentedMap, own_index: int) -> int:
    """Position counting the `<<` entry, as `CommentedMap.insert` expects it."""
    merge_pos = _merge_pos(m)
    return own_index + 1 if 0 <= merge_pos <= own_index else own_index


def _resolve_pos(m: CommentedMap, after: Any = None, before: Any = None, index: int | None = None) -> tuple[int, int]:
    """(own index, source position) where a new key goes: after/before a sibling, at index, or last."""
    own = own_keys(m)
    merge_pos = _merge_pos(m)
    if after is not None:
        src = _src_pos(m, own.index(after)) + 1
    elif before is not None:
        src = _src_pos(m, own.index(before))
    elif index is not None:
        src = _src_pos(m, index) if index < len(own) else len(own) + (merge_pos >= 0)
    else:
        src = len(own) + (merge_pos >= 0)
    own_index = src - 1 if 0 <= merge_pos < src else src
    return own_index, src


# --------------------------------------------------------------------------- comment tokens


def _col(c: Any) -> int | None:
    """Column of the keys (dashes) of `c` in the output, if known."""
    col = getattr(c, _COL_ATTR, None)
    if col is None:
        # From the first entry's position: `lc.col` of an anchored node points past the anchor.
        try:
            if isinstance(c, CommentedMap):
                col = c.lc.key(own_keys(c)[0])[1]
            elif isinstance(c, CommentedSeq):
                col = c.lc.item(0)[1] - 2  # "- " before the item
        except (KeyError, IndexError, TypeError):
            col = None
        # Remember it: after the first key is renamed or removed it cannot be looked up again.
        _set_col(c, col)
    return col if isinstance(col, int) else None


def _set_col(c: Any, col: int | None) -> None:
    if col is not None and isinstance(c, (CommentedMap, CommentedSeq)):
        setattr(c, _COL_ATTR, col)


def _slot(c: Container) -> int:
    return 2 if isinstance(c, CommentedMap) else 0


def _get_tok(c: Container, k: Any) -> CommentToken | None:
    entry = c.ca.items.get(k)
    i = _slot(c)
    if not entry or len(entry) <= i:
        return None
    tok = entry[i]
    return tok if isinstance(tok, CommentToken) else None


def _set_tok(c: Container, k: Any, tok: CommentToken | None) -> None:
    i = _slot(c)
    entry = c.ca.items.get(k)
    if entry is None:
        if tok is None:
            return
        entry = c.ca.items[k] = [None, None, None, None]
    while len(entry) <= i:
        entry.append(None)
    entry[i] = tok
    if all(x is None for x in entry):
        del c.ca.items[k]
    # A collection value keeps a second reference to this token; if the two disagree the
    # representer falls back to the child's stale copy once the parent entry is gone.
    value = c[k] if isinstance(c, CommentedMap) and k in c else None
    if isinstance(value, (CommentedMap, CommentedSeq)):
        if value.ca.comment is None:
            if tok is None:
                return
            value.ca.comment = [None, None]
        value.ca.comment[0] = tok


def _split(tok: CommentToken | None) -> tuple[str, int, str]:
    """(end-of-line comment, its column, following lines) of a token."""
    if tok is None:
        return "", 0, ""
    value = tok.value
    nl = value.find("\n")
    col = getattr(tok.start_mark, "column", 0) or 0
    if nl < 0:
        return value, col, ""
    return value[:nl], col, value[nl + 1 :]


def _mark(col: int) -> Any:
    """A column-only mark; ruamel's stubs type `start_mark` as a full StreamMark, the emitter reads `.column`."""
    return CommentMark(col)


def _make_tok(eol: str, col: int, rest: str) -> CommentToken:
    return CommentToken(eol + "\n" + rest, CommentMark(col), None)


def _write(c: Container, k: Any, eol: str, col: int, rest: str) -> None:
    """Set the token of entry `k`, editing it in place so every reference to it sees the change."""
    tok = _get_tok(c, k)
    if not eol and not rest:
        _set_tok(c, k, None)
    elif tok is None:
        _set_tok(c, k, _make_tok(eol, col, rest))
    else:
        tok.value = eol + "\n" + rest
        tok.start_mark = _mark(col)


def _is_block(value: Any) -> bool:
    if isinstance(value, CommentedMap):
        return bool(own_keys(value)) and not value.fa.flow_style()
    if isinstance(value, CommentedSeq):
        return len(value) > 0 and not value.fa.flow_style()
    return False


def _last(c: Container) -> Any:
    return own_keys(c)[-1] if isinstance(c, CommentedMap) else len(c) - 1


def _deep(c: Container, k: Any) -> tuple[Container, Any]:
    """Where the lines after the whole entry `k` are stored: the entry itself or its deepest last item."""
    value = c[k]
    while _is_block(value):
        c, k = value, _last(value)
        value = c[k]
    return c, k


def _indent_of(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def _split_owned(rest: str, col: int | None) -> tuple[str, str]:
    """Split lines after an entry into (lines indented into the entry's value, lines for what follows)."""
    if col is None or not rest:
        return "", rest
    lines = rest.splitlines(keepends=True)
    cut = 0
    for i, line in enumerate(lines):
        if not line.strip():
            continue
        if _indent_of(line) > col:
            cut = i + 1
        else:
            break
    return "".join(lines[:cut]), "".join(lines[cut:])


def _split_blank(lines: str) -> tuple[str, str]:
    """(leading blank lines, the rest)."""
    parts = lines.splitlines(keepends=True)
    n = 0
    while n < len(parts) and not parts[n].strip():
        n += 1
    return "".join(parts[:n]), "".join(parts[n:])


def _take_rest(c: Container, k: Any, col: int | None) -> str:
    """Remove and return the lines after entry `k` that belong to what follows it."""
    dc, dk = _deep(c, k)
    eol, ecol, rest = _split(_get_tok(dc, dk))
    inner, outer = _split_owned(rest, col)
    if outer:
        _write(dc, dk, eol, ecol, inner)
    return outer


def _append_rest(c: Container, k: Any, lines: str) -> None:
    """Add lines after the whole entry `k`."""
    if lines:
        dc, dk = _deep(c, k)
        eol, ecol, rest = _split(_get_tok(dc, dk))
        _write(dc, dk, eol, ecol, rest + lines)


def _has_comment(lines: str) -> bool:
    return any(line.strip() for line in lines.splitlines())


def _add_header(c: Container, lines: str) -> None:
    """Add lines above the first entry of `c` (document header for the root mapping)."""
    if not lines:
        return
    head = c.ca.comment[0] if c.ca.comment else None
    if head is None and _col(c) == 0:
        pre = c.ca.comment[1] if c.ca.comment and c.ca.comment[1] else []
        if not any(_has_comment(t.value) for t in pre):
            # Nothing above: a blank line here would become the first line of the file.
            lines = _split_blank(lines)[1]
        if lines:
            pre.append(CommentToken(lines, CommentMark(0), None))
            c.ca.comment = [None, pre]
        return
    eol, ecol, rest = _split(head)
    if not _has_comment(rest):
        # Nothing between the parent key line and the first child: no blank line right after it.
        lines = _split_blank(lines)[1]
    if not lines:
        return
    if head is None:
        if c.ca.comment is None:
            c.ca.comment = [None, None]
        c.ca.comment[0] = _make_tok(eol, ecol, rest + lines)
    else:
        head.value = eol + "\n" + rest + lines


def _take_rest_of_empty(c: Container) -> str:
    """Lines after an empty (`{}`/`[]`) collection, which would turn into lines above its first child."""
    head = c.ca.comment[0] if c.ca.comment else None
    if head is None:
        return ""
    eol, _col_, rest = _split(head)
    head.value = eol + "\n"
    return rest


def _place_above(c: Container, i: int, lines: str) -> None:
    """Put lines directly above entry number `i` of `c` (or at its end when `i` is past the last)."""
    if not lines:
        return
    if i > 0:
        prev = own_keys(c)[i - 1] if isinstance(c, CommentedMap) else i - 1
        _append_rest(c, prev, lines)
    else:
        _add_header(c, lines)


def _shift_lines(lines: str, delta: int) -> str:
    out = []
    for line in lines.splitlines(keepends=True):
        if line.strip():
            line = " " * delta + line if delta > 0 else line[min(-delta, _indent_of(line)) :]
        out.append(line)
    return "".join(out)


def _shift_tok(tok: CommentToken, delta: int) -> None:
    eol, col, rest = _split(tok)
    if eol:
        tok.start_mark = _mark(max(col + delta, 0))
    tok.value = eol + "\n" + _shift_lines(rest, delta) if "\n" in tok.value else tok.value


def _tokens(node: Any) -> Iterable[CommentToken]:
    """Every comment token stored on `node` and its own (not merged) descendants."""
    if not isinstance(node, (CommentedMap, CommentedSeq)):
        return
    ca = node.ca
    stack: list[Any] = [ca.comment, list(ca.items.values()), ca.end]
    while stack:
        item = stack.pop()
        if isinstance(item, CommentToken):
            yield item
        elif isinstance(item, list):
            stack.extend(item)
    children = node.non_merged_items() if isinstance(node, CommentedMap) else enumerate(node)
    for _, child in children:
        yield from _tokens(child)


def _shift_subtree(node: Any, delta: int, extra: Iterable[CommentToken | None] = ()) -> None:
    """Re-indent a moved subtree's comments and recorded columns by `delta` columns."""
    if not delta:
        return
    seen: set[int] = set()
    for tok in [*extra, *_tokens(node)]:
        if tok is not None and id(tok) not in seen:
            seen.add(id(tok))
            _shift_tok(tok, delta)
    _shift_cols(node, delta)


def _shift_cols(node: Any, delta: int) -> None:
    if isinstance(node, (CommentedMap, CommentedSeq)):
        col = _col(node)
        _set_col(node, None if col is None else col + delta)
        children = node.non_merged_items() if isinstance(node, CommentedMap) else enumerate(node)
        for _, child in children:
            _shift_cols(child, delta)


def _width(value: Any) -> int:
    """Approximate width of a scalar or flow collection as emitted (to keep comment gaps)."""
    if isinstance(value, CommentedSeq):
        return 2 + sum(_width(v) for v in value) + 2 * max(len(value) - 1, 0)
    if isinstance(value, CommentedMap):
        items = list(value.non_merged_items())
        return 2 + sum(len(str(k)) + 2 + _width(v) for k, v in items) + 2 * max(len(items) - 1, 0)
    if value is None:
        return 0
    if isinstance(value, bool):
        return 4 if value else 5
    if isinstance(value, (DoubleQuotedScalarString, SingleQuotedScalarString)):
        return len(value) + 2
    return len(str(value))


def _line_end(c: Container, k: Any, value: Any) -> int | None:
    """Column just after the text of entry `k` on its first line, if the layout is known."""
    col = _col(c)
    if col is None:
        return None
    head = col + len(str(k)) + 1 if isinstance(c, CommentedMap) else col + 1  # "key:" or "-"
    if _is_block(value) or value is None:
        return head
    return head + 1 + _width(value)


def _regap(c: Container, k: Any, old_end: int | None) -> None:
    """Keep the gap before an end-of-line comment when the text before it changed width."""
    tok = _get_tok(c, k)
    eol, col, _rest = _split(tok)
    new_end = _line_end(c, k, c[k])
    if tok is not None and eol and old_end is not None and new_end is not None:
        tok.start_mark = _mark(new_end + max(col - old_end, 1))


def _shift_head_eol(c: Container, delta: int) -> None:
    head = c.ca.comment[0] if c.ca.comment else None
    eol, col, _rest = _split(head)
    if head is not None and eol and delta:
        head.start_mark = _mark(max(col + delta, 0))


def _adopt(parent: Container, value: Any) -> None:
    """Record the output column of a new collection (and new collections inside it)."""
    pcol = _col(parent)
    if not isinstance(value, (CommentedMap, CommentedSeq)) or pcol is None:
        return
    if _col(value) is None:
        _set_col(value, pcol + _DEFAULT_INDENT)
    children = value.non_merged_items() if isinstance(value, CommentedMap) else enumerate(value)
    for _, child in children:
        _adopt(value, child)


def _refresh_merged(m: CommentedMap, key: Any) -> None:
    """Make maps that merge `m` see its current `key` (ruamel 0.19.1 `update_key_value` breaks here)."""
    for referer in list(m._ref):
        if key in referer._ok:
            continue
        for source in merge_sources(referer):
            if key in source:
                ordereddict.__setitem__(referer, key, source[key])
                break
        else:
            if ordereddict.__contains__(referer, key):
                ordereddict.__delitem__(referer, key)
        _refresh_merged(referer, key)


def _del(m: CommentedMap, key: Any) -> None:
    """`del m[key]` without ruamel's referer update, which raises KeyError for anchored maps."""
    refs = m._ref
    m._ref = []
    try:
        del m[key]
    finally:
        m._ref = refs
    _refresh_merged(m, key)


def _put(m: CommentedMap, src: int, key: Any, value: Any) -> None:
    """`m.insert` at a source position, keeping maps that merge `m` in sync."""
    m.insert(src, key, value)
    _adopt(m, value)
    _refresh_merged(m, key)


# --------------------------------------------------------------------------- mapping edits


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


# --------------------------------------------------------------------------- sequence edits


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
