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
        for nxt in lines[i + 1 :]:
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
    sm = difflib.SequenceMatcher(None, [_norm(x) for x in a_lines], [_norm(x) for x in b_lines], autojunk=False)
    for tag, a1, a2, b1, b2 in sm.get_opcodes():
        if tag == "equal" or (tag == "replace" and a2 - a1 == b2 - b1):
            for k in range(b2 - b1):
                amap[b1 + k] = a1 + k

    def fresh(line: str) -> str:
        body = line.rstrip("\r\n")
        return body + newline if line.endswith("\n") else body

    out: list[str] = []
    last_a = -1
    edits = difflib.SequenceMatcher(None, b_lines, c_lines, autojunk=False)
    for tag, b1, b2, c1, c2 in edits.get_opcodes():
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
    ops = edits.get_opcodes()
    if ops and ops[-1][0] == "equal":
        # Trailing lines only the original has (blank lines, `...`) stay.
        out.extend(a_lines[last_a + 1 :])
    return "".join(out)
