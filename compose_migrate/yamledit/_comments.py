"""Private plumbing: where ruamel keeps comments and blank lines, and the columns things go to.

Every public edit in this package moves the text between entries through these helpers.

How ruamel stores the text between entries (ruamel.yaml 0.18/0.19):

* ``m.ca.items[key][2]`` (``seq.ca.items[i][0]`` for sequences) is one ``CommentToken`` whose first
  line is the end-of-line comment of the entry and whose further lines are the comment and blank
  lines that FOLLOW the entry -- in a reader's eyes those belong to the next key.
* When the value is a block collection, that token holds the key line's comment plus the lines
  before the first child, and is shared with ``value.ca.comment[0]``; the lines after the whole
  entry then sit in the token of its deepest last item ("deep slot" below).
* Lines above the first key of the document are ``root.ca.comment[1]`` (a list of tokens).
* Keys that come in through ``<<`` merges are stored in the mapping too; ``m._ok`` holds the own keys
  (see merges.py).

See https://yaml.dev/doc/ruamel.yaml/detail/ (comments) for the upstream description.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, TypeAlias

from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.error import CommentMark
from ruamel.yaml.scalarstring import DoubleQuotedScalarString, SingleQuotedScalarString
from ruamel.yaml.tokens import CommentToken

from .merges import own_keys

Container: TypeAlias = "CommentedMap | CommentedSeq"

# Column of a collection's keys (or dashes) as it will be emitted. ruamel's `lc.col` is where the
# node was in the source; we record the new column on moved/created nodes instead of rewriting
# `lc`, which other modules read for line:col reporting against the original file.
_COL_ATTR = "_yamledit_col"
_DEFAULT_INDENT = 2


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
