"""ruamel.yaml round-trip reading and minimal rewriting.

ruamel keeps comments, key order and quoting, but it re-emits a whole file
with one global indentation style, turns escapes into literal characters and
writes LF.  So we never hand its output to the user directly: `render` takes
the lines ruamel changed between an untouched dump and the edited dump, and
splices only those into the original text.  Every line a rule did not touch
comes back byte for byte (mixed list indentation, CRLF, `\\u00e9` escapes,
trailing tabs).
"""

from __future__ import annotations

import difflib
import io
import re
from collections import Counter
from typing import Any

from ruamel.yaml import YAML

from .findings import ComposeMigrateError, Finding, Severity

_KEY_LINE = re.compile(r"^( *)([^\s#][^:#]*?|\"[^\"]*\"|'[^']*'):\s*(#.*)?$")
_CHILD = re.compile(r"^( *)(- |[^\s#-])")


def guess_indent(text: str) -> tuple[int, int, int]:
    """(mapping, sequence, offset) as ruamel's `indent()` takes them.

    ruamel's own guesser looks at the first block only; here the most common
    step between a `key:` line and its first child wins.
    """
    maps: Counter[int] = Counter()
    seqs: Counter[tuple[int, int]] = Counter()
    lines = text.splitlines()
    for i, line in enumerate(lines[:-1]):
        m = _KEY_LINE.match(line)
        if not m:
            continue
        col = len(m.group(1))
        # Walk on by index: slicing lines[i + 1 :] per key made this quadratic on big files.
        for j in range(i + 1, len(lines)):
            nxt = lines[j]
            if not nxt.strip() or nxt.lstrip().startswith("#"):
                continue
            c = _CHILD.match(nxt)
            if not c:
                break
            ccol = len(c.group(1))
            if c.group(2) == "- ":
                # content column after "- " (items may have extra spaces)
                content = len(nxt) - len(nxt[ccol + 1 :].lstrip())
                seqs[(content - col, ccol - col)] += 1
            elif ccol > col:
                maps[ccol - col] += 1
            break
    mapping = maps.most_common(1)[0][0] if maps else 2
    if seqs:
        (sequence, offset), _n = seqs.most_common(1)[0]
    else:
        sequence, offset = mapping + 2, mapping
    mapping = max(mapping, 1)
    offset = max(offset, 0)
    sequence = max(sequence, offset + 2)
    return mapping, sequence, offset


def new_yaml(text: str = "") -> YAML:
    """One configured round-trip YAML() per file (ruamel keeps state per load)."""
    y = YAML(typ="rt")
    y.preserve_quotes = True  # must be set before loading
    y.width = 1 << 16  # never wrap long scalars
    mapping, sequence, offset = guess_indent(text)
    y.indent(mapping=mapping, sequence=sequence, offset=offset)
    y.allow_duplicate_keys = False
    return y


def load_tree(text: str, *, name: str) -> tuple[Any, YAML]:
    """Round-trip load; ruamel's errors become located findings."""
    from ruamel.yaml.error import MarkedYAMLError, YAMLError

    y = new_yaml(text)
    try:
        tree = y.load(text)
    except MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        raise ComposeMigrateError(
            Finding(
                "CM010",
                Severity.ERROR,
                f"YAML error: {exc.problem or exc.context}",
                line=mark.line + 1 if mark else 0,
                col=mark.column + 1 if mark else 0,
                file=name,
            )
        ) from None
    except (YAMLError, RecursionError, ValueError) as exc:
        raise ComposeMigrateError(Finding("CM010", Severity.ERROR, f"YAML error: {exc}", file=name)) from None
    return tree, y


def dump_tree(tree: Any, y: YAML) -> str:
    buf = io.StringIO()
    y.dump(tree, buf)
    return buf.getvalue()


def _norm(line: str) -> str:
    return line.strip()


def render(original: str, before: str, after: str, newline: str) -> str:
    """Apply the ruamel-level change before -> after to the original text.

    Lines equal in `before` and `after` are taken from `original` (aligned
    with `before` line by line); changed lines come from `after`, written
    with the file's line ending.
    """
    if before == after:
        return original
    a_lines = original.splitlines(keepends=True)
    b_lines = before.splitlines(keepends=True)
    c_lines = after.splitlines(keepends=True)

    # Align ruamel's untouched dump (B) with the original (A).
    amap: list[int | None] = [None] * len(b_lines)
    for tag, a1, a2, b1, b2 in _opcodes([_norm(x) for x in a_lines], [_norm(x) for x in b_lines]):
        if tag == "equal" or (tag == "replace" and a2 - a1 == b2 - b1):
            for k in range(b2 - b1):
                amap[b1 + k] = a1 + k

    def fresh(line: str) -> str:
        body = line.rstrip("\r\n")
        return body + newline if line.endswith("\n") else body

    out: list[str] = []
    last_a = -1
    ops = _opcodes(b_lines, c_lines)
    for tag, b1, b2, c1, c2 in ops:
        if tag == "equal":
            for i in range(b1, b2):
                ai = amap[i]
                if ai is None:
                    out.append(fresh(b_lines[i]))
                    continue
                # Lines only the original has (a `---`, say) stay in place.
                out.extend(a_lines[last_a + 1 : ai])
                out.append(a_lines[ai])
                last_a = ai
        else:
            for i in range(b1, b2):
                ai = amap[i]
                if ai is not None:
                    last_a = max(last_a, ai)
            out.extend(fresh(x) for x in c_lines[c1:c2])
    if ops and ops[-1][0] == "equal":
        # Trailing lines only the original has (blank lines, `...`) stay.
        out.extend(a_lines[last_a + 1 :])
    return "".join(out)


# Above this many line pairs a region without anchors is not searched for matches:
# difflib's search is quadratic on repetitive lines (`- front` in every service).
_SEARCH_LIMIT = 4_000_000


def _opcodes(a: list[str], b: list[str]) -> list[tuple[str, int, int, int, int]]:
    """difflib-style opcodes, anchored first on common ends and on lines unique to both sides.

    Compose files repeat the same lines in every service, on which
    SequenceMatcher alone is quadratic; service names, comments and image
    lines are unique and split a big file into small regions (patience diff).
    """
    blocks: list[tuple[int, int, int]] = []
    _match(a, b, 0, len(a), 0, len(b), blocks)
    blocks.sort()
    ops: list[tuple[str, int, int, int, int]] = []
    i = j = 0
    for ai, bj, size in [*blocks, (len(a), len(b), 0)]:
        if i < ai and j < bj:
            ops.append(("replace", i, ai, j, bj))
        elif i < ai:
            ops.append(("delete", i, ai, j, j))
        elif j < bj:
            ops.append(("insert", i, i, j, bj))
        if size:
            if ops and ops[-1][0] == "equal" and ops[-1][2] == ai and ops[-1][4] == bj:
                ops[-1] = ("equal", ops[-1][1], ai + size, ops[-1][3], bj + size)
            else:
                ops.append(("equal", ai, ai + size, bj, bj + size))
        i, j = ai + size, bj + size
    return ops


def _match(a: list[str], b: list[str], alo: int, ahi: int, blo: int, bhi: int, out: list[tuple[int, int, int]]) -> None:
    """Append matching blocks (i, j, size) of a[alo:ahi] and b[blo:bhi], in no particular order."""
    import bisect

    while alo < ahi and blo < bhi and a[alo] == b[blo]:  # common head
        out.append((alo, blo, 1))
        alo, blo = alo + 1, blo + 1
    while alo < ahi and blo < bhi and a[ahi - 1] == b[bhi - 1]:  # common tail
        out.append((ahi - 1, bhi - 1, 1))
        ahi, bhi = ahi - 1, bhi - 1
    if alo >= ahi or blo >= bhi:
        return
    ca = Counter(a[alo:ahi])
    cb = Counter(b[blo:bhi])
    where_b = {b[j]: j for j in range(blo, bhi) if cb[b[j]] == 1 and ca[b[j]] == 1}
    pairs = [(i, where_b[a[i]]) for i in range(alo, ahi) if a[i] in where_b]
    if not pairs:
        if (ahi - alo) * (bhi - blo) <= _SEARCH_LIMIT:
            sm = difflib.SequenceMatcher(None, a[alo:ahi], b[blo:bhi], autojunk=False)
            out.extend((alo + i, blo + j, n) for i, j, n in sm.get_matching_blocks() if n)
        return
    # Longest run of unique lines in the same order on both sides (patience sorting).
    tails: list[int] = []
    tail_at: list[int] = []
    prev: list[int] = [-1] * len(pairs)
    for k, (_, j) in enumerate(pairs):
        pos = bisect.bisect_left(tails, j)
        if pos == len(tails):
            tails.append(j)
            tail_at.append(k)
        else:
            tails[pos] = j
            tail_at[pos] = k
        prev[k] = tail_at[pos - 1] if pos else -1
    chain: list[tuple[int, int]] = []
    k = tail_at[-1]
    while k >= 0:
        chain.append(pairs[k])
        k = prev[k]
    chain.reverse()
    i0, j0 = alo, blo
    for i, j in chain:
        _match(a, b, i0, i, j0, j, out)
        out.append((i, j, 1))
        i0, j0 = i + 1, j + 1
    _match(a, b, i0, ahi, j0, bhi, out)


def tree_from_nodes(node: Any, y: YAML) -> Any:
    """A round-trip tree built from the fast reader's nodes: no comments, no anchors, same values.

    The scalars are re-resolved by ruamel's own resolver, so every value has
    the type and quoting class `load_tree` would give it; only the comments
    (which the C reader drops) are missing.  For a dry run of the rules
    (driver.py), never for output.
    """
    import yaml
    from ruamel.yaml import nodes

    resolver = y.resolver
    seq_tag = resolver.resolve(nodes.SequenceNode, None, (True, False))
    map_tag = resolver.resolve(nodes.MappingNode, None, (True, False))
    # The tag of a scalar depends on its text and whether it is plain alone (no
    # path resolvers here): one resolution per distinct scalar, not per node.
    tags: dict[tuple[str, bool], Any] = {}
    scalar_node = yaml.ScalarNode

    # The fast reader's own marks serve as they are: ruamel's constructor reads
    # only their line and column (a failure sends the caller down the full path).
    def convert(n: Any) -> Any:
        if type(n) is scalar_node:
            style = n.style or None
            plain = style is None
            tag = tags.get((n.value, plain))
            if tag is None:
                tag = tags[(n.value, plain)] = resolver.resolve(nodes.ScalarNode, n.value, (plain, not plain))
            return nodes.ScalarNode(tag, n.value, n.start_mark, n.end_mark, style=style)
        if isinstance(n, yaml.SequenceNode):
            value = [convert(x) for x in n.value]
            return nodes.SequenceNode(seq_tag, value, n.start_mark, n.end_mark, flow_style=n.flow_style)
        pairs = [(convert(k), convert(v)) for k, v in n.value]
        return nodes.MappingNode(map_tag, pairs, n.start_mark, n.end_mark, flow_style=n.flow_style)

    return y.constructor.construct_document(convert(node))
