"""Shell script text to the words a POSIX shell would see, each with its position.

`_scan` finds word boundaries, line continuations, comments and command
separators and remembers where each word starts; the standard library's
`shlex` then removes the quoting of each word.  A `$` the shell would have
expanded (`$VAR`, `${VAR}`) stays as Compose interpolation text; a `$` the
shell would have kept literally (single quotes, `\\$`) is written `$$`.
Kept apart from the docker flags so the quoting rules can be read (and fixed) alone.
"""

from __future__ import annotations

import re
import shlex
from dataclasses import dataclass


@dataclass(frozen=True)
class Word:
    """One shell word, unquoted, with where it starts in the script (1-based)."""

    text: str
    line: int
    col: int


_NAME_START = re.compile(r"[A-Za-z_{]")


def _scan(text: str, substitutions: list[tuple[int, int]] | None = None) -> list[list[Word]]:
    """The script's simple commands, each a list of words.

    Newlines, `;`, `&`, `&&`, `||` and `|` end a command; `\\`-newline joins
    lines; `#` at the start of a word starts a comment.  Each word's raw text
    (quotes still in it) goes through shlex for the unquoting.
    """
    commands: list[list[Word]] = []
    words: list[Word] = []
    raw: list[str] = []
    start: tuple[int, int] | None = None
    line, col = 1, 1
    i, n = 0, len(text)
    state = ""  # "", "'" or '"'

    def end_word() -> None:
        nonlocal raw, start
        if start is not None:
            joined = "".join(raw)
            try:
                parts = shlex.split(joined, comments=False, posix=True)
            except ValueError:  # an unclosed quote at the end of the script
                parts = [joined.strip("'\"")]
            words.append(Word(parts[0] if parts else "", start[0], start[1]))
        raw, start = [], None

    def end_command() -> None:
        nonlocal words
        end_word()
        if words:
            commands.append(words)
        words = []

    def advance(k: int = 1) -> None:
        nonlocal i, line, col
        for _ in range(k):
            if i < n and text[i] == "\n":
                line, col = line + 1, 1
            else:
                col += 1
            i += 1

    def dollar() -> None:
        # `$` the shell expands stays interpolation; any other `$` is literal.
        nxt = text[i + 1] if i + 1 < n else ""
        if nxt == "(" and substitutions is not None:
            substitutions.append((line, col))
        raw.append("$" if _NAME_START.match(nxt) else "$$")
        advance()

    while i < n:
        c = text[i]
        nxt = text[i + 1] if i + 1 < n else ""
        if state == "'":
            raw.append("$$" if c == "$" else c)
            if c == "'":
                state = ""
            advance()
            continue
        if state == '"':
            if c == "\\" and nxt == "\n":
                advance(2)
            elif c == "\\" and nxt == "$":
                raw.append("$$")
                advance(2)
            elif c == "\\" and nxt in '`"\\':
                raw.append(c + nxt)
                advance(2)
            elif c == "$":
                dollar()
            else:
                if c == '"':
                    state = ""
                raw.append(c)
                advance()
            continue
        # outside quotes
        if c == "\\":
            if nxt == "\n":
                advance(2)
                continue
            if start is None:
                start = (line, col)
            raw.append("$$" if nxt == "$" else c + nxt)
            advance(2)
            continue
        if c in " \t\r":
            end_word()
            advance()
        elif c == "\n":
            end_command()
            advance()
        elif c == "#" and start is None:
            while i < n and text[i] != "\n":
                advance()
        elif c in ";&|":
            end_command()
            advance(2 if nxt == c else 1)
        else:
            if start is None:
                start = (line, col)
            if c in "'\"":
                state = c
                raw.append(c)
                advance()
            elif c == "$":
                dollar()
            else:
                raw.append(c)
                advance()
    end_command()
    return commands
