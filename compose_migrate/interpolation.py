"""Compose variable interpolation: parse, check per format version, evaluate.

Syntax (docs/compose-format-versions.md section 5):

* ``$VAR``, ``${VAR}``: the value, or "" when unset (reported, never raised);
* ``$$``: a literal ``$``;
* ``${VAR:-d}`` / ``${VAR-d}``: default when unset or empty / unset (2.1+);
* ``${VAR:?msg}`` / ``${VAR?msg}``: error when unset or empty / unset (2.1+);
* ``${VAR:+alt}`` / ``${VAR+alt}``: ``alt`` when set and non-empty / set (spec only);
* expressions nested in the argument, ``${A:-${B:-x}}`` (spec only).

Two readers are modelled.  ``nested=True`` follows compose-go (docker compose
v2): the closing brace is found by counting ``${`` openings, and the argument
is itself parsed.  ``nested=False`` follows the Python docker-compose 1.x: the
argument runs to the first ``}`` and is taken verbatim.  Names are
``[_a-zA-Z][_a-zA-Z0-9]*`` in both.

Offsets are 0-based character indexes into the string that was parsed.  The
migration never writes interpolated text back; `interpolate_tree` is for a
throwaway copy that is validated.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any, TypeAlias

from compose_migrate.findings import Finding, Severity
from compose_migrate.versions import ComposeVersion

__all__ = [
    "InterpolationError",
    "Literal",
    "Token",
    "Variable",
    "find_errors",
    "has_interpolation",
    "interpolate",
    "interpolate_tree",
    "parse",
    "variables",
]

# Error codes.  Structural ones are errors for every reader; the version ones
# depend on which format the file declares.
UNCLOSED = "interpolation-unclosed"
EMPTY_NAME = "interpolation-empty-name"
BAD_NAME = "interpolation-bad-name"
BAD_MODIFIER = "interpolation-bad-modifier"
BARE_DOLLAR = "interpolation-bare-dollar"
UNSUPPORTED = "interpolation-unsupported"
REQUIRED = "interpolation-required"

MODIFIERS = (":-", "-", ":?", "?", ":+", "+")

_NAME = re.compile(r"[_A-Za-z][_A-Za-z0-9]*")
_BRACED_HEAD = re.compile(r"([_A-Za-z][_A-Za-z0-9]*)(:?[-?+])?")
# One match per `$` construct, left to right, so `$$` is consumed before it
# can be read as the start of `$NAME` or `${`.
_REFERENCE = re.compile(r"\$(?:(\$)|[{_A-Za-z])")

_HINT_ESCAPE = "write '$$' for a literal '$'"


class InterpolationError(ValueError):
    """A malformed or unsupported expression, or a `:?`/`?` variable that is unset."""

    def __init__(self, code: str, message: str, offset: int, text: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message
        self.offset = offset
        self.text = text
        # Set by interpolate_tree so callers can locate the value.
        self.path = ""

    def __str__(self) -> str:
        return f"{self.message} (at offset {self.offset} in {self.text!r})"

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, InterpolationError):
            return NotImplemented
        return (self.code, self.message, self.offset, self.text) == (
            other.code,
            other.message,
            other.offset,
            other.text,
        )

    def __hash__(self) -> int:
        return hash((self.code, self.offset, self.text))

    def __repr__(self) -> str:
        return f"InterpolationError({self.code!r}, {self.message!r}, offset={self.offset})"

    def to_finding(self, path: str = "", line: int = 0, col: int = 0, file: str = "") -> Finding:
        """As a Finding located at the scalar; the offset stays in the message."""
        return Finding(
            code=self.code,
            severity=Severity.ERROR,
            message=str(self),
            path=path or self.path,
            line=line,
            col=col,
            hint=_HINT_ESCAPE if self.code in (BARE_DOLLAR, BAD_NAME, EMPTY_NAME) else None,
            file=file,
        )


@dataclass(frozen=True)
class Literal:
    """Text that is kept as is; `raw` differs from `text` for the `$$` escape."""

    text: str
    offset: int
    raw: str = ""

    def __post_init__(self) -> None:
        if not self.raw:
            object.__setattr__(self, "raw", self.text)

    @property
    def escaped(self) -> bool:
        return self.raw == "$$"

    @property
    def bare_dollar(self) -> bool:
        """A `$` followed by neither a name nor `{`: kept by compose-go, an error in 1.x."""
        return self.raw == "$"


@dataclass(frozen=True)
class Variable:
    """A reference: `$NAME`, `${NAME}` or `${NAME<modifier><argument>}`."""

    name: str
    offset: int
    end: int
    braced: bool = False
    modifier: str | None = None
    # Source text of the argument (between modifier and closing brace).
    argument: str | None = None
    # The argument parsed (nested=True) or a single literal (nested=False).
    children: tuple[Token, ...] = field(default=())

    @property
    def nested(self) -> bool:
        return any(isinstance(c, Variable) for c in self.children)


Token: TypeAlias = "Literal | Variable"


# --------------------------------------------------------------------------- scanner


def _closing_brace(text: str, start: int, end: int, nested: bool) -> int:
    """Index of the `}` closing the `${` at `start`, or -1."""
    if not nested:
        return text.find("}", start + 2, end)
    # compose-go counts `${` openings and closes on any `}`.
    depth = 0
    i = start
    while i < end:
        c = text[i]
        if c == "}":
            depth -= 1
            if depth == 0:
                return i
        elif c == "$" and text.startswith("{", i + 1):
            depth += 1
            i += 1
        i += 1
    return -1


def _scan(text: str, pos: int, end: int, nested: bool, errors: list[InterpolationError]) -> list[Token]:
    tokens: list[Token] = []
    lit = pos  # start of the pending literal run

    def flush(upto: int) -> None:
        if upto > lit:
            tokens.append(Literal(text[lit:upto], lit))

    while True:
        i = text.find("$", pos, end)
        if i < 0:
            break
        nxt = text[i + 1] if i + 1 < end else ""
        if nxt == "$":
            flush(i)
            tokens.append(Literal("$", i, "$$"))
            pos = lit = i + 2
            continue
        if nxt == "{":
            close = _closing_brace(text, i, end, nested)
            if close < 0:
                errors.append(InterpolationError(UNCLOSED, "unclosed '${': no matching '}'", i, text))
                break
            flush(i)
            head = _BRACED_HEAD.match(text, i + 2, close)
            if head is None:
                if close == i + 2:
                    errors.append(InterpolationError(EMPTY_NAME, "empty variable name in '${}'", i, text))
                else:
                    errors.append(
                        InterpolationError(
                            BAD_NAME,
                            f"invalid variable name in {text[i : close + 1]!r}: a name starts with a "
                            "letter or '_' and has only letters, digits and '_'",
                            i + 2,
                            text,
                        )
                    )
                tokens.append(Literal(text[i : close + 1], i))
            elif head.group(2) is None and head.end() != close:
                errors.append(
                    InterpolationError(
                        BAD_MODIFIER,
                        f"unsupported modifier in {text[i : close + 1]!r}: Compose knows only "
                        ":-, -, :?, ?, :+ and + (no shell substitutions)",
                        head.end(),
                        text,
                    )
                )
                tokens.append(Literal(text[i : close + 1], i))
            else:
                name, modifier = head.group(1), head.group(2)
                argument: str | None = None
                children: tuple[Token, ...] = ()
                if modifier is not None:
                    argument = text[head.end() : close]
                    if nested:
                        children = tuple(_scan(text, head.end(), close, nested, errors))
                    elif argument:
                        children = (Literal(argument, head.end()),)
                tokens.append(Variable(name, i, close + 1, True, modifier, argument, children))
            pos = lit = close + 1
            continue
        m = _NAME.match(text, i + 1, end)
        if m is not None:
            flush(i)
            tokens.append(Variable(m.group(), i, m.end()))
            pos = lit = m.end()
            continue
        # A lone `$`: compose-go keeps it, the Python tool refused it.
        flush(i)
        tokens.append(Literal("$", i, "$"))
        pos = lit = i + 1
    flush(end)
    return tokens


def _walk(tokens: list[Token] | tuple[Token, ...]) -> Iterator[Token]:
    for t in tokens:
        yield t
        if isinstance(t, Variable):
            yield from _walk(t.children)


# --------------------------------------------------------------------------- public API


def parse(text: str, *, nested: bool = True) -> list[Token]:
    """Split `text` into literals and variable references.

    Raises InterpolationError (with the offset) at the first malformed
    expression.  A lone `$` (as in `5$`) is a Literal with `bare_dollar`.
    """
    if "$" not in text:
        return [Literal(text, 0)] if text else []
    errors: list[InterpolationError] = []
    tokens = _scan(text, 0, len(text), nested, errors)
    if errors:
        raise min(errors, key=lambda e: e.offset)
    return tokens


def _version_errors(text: str, tokens: list[Token], version: ComposeVersion) -> list[InterpolationError]:
    out: list[InterpolationError] = []
    if version is ComposeVersion.SPEC:
        return out
    label = version.label
    for t in _walk(tokens):
        if isinstance(t, Literal):
            if t.bare_dollar:
                out.append(
                    InterpolationError(
                        BARE_DOLLAR,
                        f"invalid interpolation format: '$' must be followed by a name or '{{' "
                        f"in format {label}; {_HINT_ESCAPE}",
                        t.offset,
                        text,
                    )
                )
            continue
        if t.modifier is None:
            continue
        expr = text[t.offset : t.end]
        if version < ComposeVersion.V2_1:
            out.append(
                InterpolationError(
                    UNSUPPORTED,
                    f"{expr!r}: defaults and required values ('{t.modifier}') need format 2.1 or "
                    f"later; format {label} allows only $VAR and ${{VAR}}",
                    t.offset,
                    text,
                )
            )
        elif t.modifier in (":+", "+"):
            out.append(
                InterpolationError(
                    UNSUPPORTED,
                    f"{expr!r}: the '{t.modifier}' modifier exists only in the Compose Specification, "
                    f"not in format {label}",
                    t.offset,
                    text,
                )
            )
        elif t.nested:
            out.append(
                InterpolationError(
                    UNSUPPORTED,
                    f"{expr!r}: a variable inside the argument is read as literal text in format "
                    f"{label}; nesting needs the Compose Specification",
                    t.offset,
                    text,
                )
            )
    return out


def find_errors(text: str, *, version: ComposeVersion) -> list[InterpolationError]:
    """Every problem in `text` for a file of format `version`, ordered by offset.

    v1/2.0 allow only `$VAR`, `${VAR}` and `$$`; 2.1+ and 3.x add `-`/`:-` and
    `?`/`:?`; the Compose Specification adds `+`/`:+`, nesting, and keeps a
    lone `$` instead of refusing it.
    """
    if "$" not in text:
        return []
    errors: list[InterpolationError] = []
    tokens = _scan(text, 0, len(text), True, errors)
    errors.extend(_version_errors(text, tokens, version))
    errors.sort(key=lambda e: e.offset)
    return errors


def variables(text: str) -> list[str]:
    """Names referenced by `text` (first occurrence order, no repeats).

    Escaped references (`$$HOME`, `$${DIR}`) reference nothing.  Malformed
    pieces are skipped rather than raised; find_errors reports them.
    """
    if "$" not in text:
        return []
    tokens = _scan(text, 0, len(text), True, [])
    seen: dict[str, None] = {}
    for t in _walk(tokens):
        if isinstance(t, Variable):
            seen.setdefault(t.name, None)
    return list(seen)


def has_interpolation(text: str) -> bool:
    """True when `text` has a `$NAME` or `${...}` (escapes alone do not count)."""
    if "$" not in text:
        return False
    return any(m.group(1) is None for m in _REFERENCE.finditer(text))


def _evaluate(text: str, tokens: tuple[Token, ...] | list[Token], env: Mapping[str, str], unset: list[str]) -> str:
    parts: list[str] = []
    for t in tokens:
        if isinstance(t, Literal):
            parts.append(t.text)
            continue
        value = env.get(t.name)
        mod = t.modifier
        if mod is None:
            if value is None:
                if t.name not in unset:
                    unset.append(t.name)
                value = ""
            parts.append(value)
        elif mod in (":-", "-"):
            use_default = value is None or (mod == ":-" and value == "")
            parts.append(_evaluate(text, t.children, env, unset) if use_default else str(value))
        elif mod in (":?", "?"):
            if value is None or (mod == ":?" and value == ""):
                msg = _evaluate(text, t.children, env, unset)
                detail = f"required variable {t.name} is missing a value"
                raise InterpolationError(REQUIRED, f"{detail}: {msg}" if msg else detail, t.offset, text)
            parts.append(value)
        else:  # ":+" / "+"
            use_alt = value is not None and (mod == "+" or value != "")
            parts.append(_evaluate(text, t.children, env, unset) if use_alt else "")
    return "".join(parts)


def interpolate(text: str, env: Mapping[str, str], *, nested: bool = True) -> tuple[str, list[str]]:
    """The value of `text` under `env`, and the names that were unset without a default.

    Raises InterpolationError for malformed input and for a `:?`/`?` variable
    that is unset (or empty for `:?`), with its message.
    """
    if "$" not in text:
        return text, []
    unset: list[str] = []
    return _evaluate(text, parse(text, nested=nested), env, unset), unset


def _path_key(path: str, key: Any) -> str:
    return f"{path}.{key}" if path else str(key)


def interpolate_tree(
    data: Any,
    env: Mapping[str, str],
    *,
    nested: bool = True,
    unset: list[tuple[str, str]] | None = None,
    errors: list[InterpolationError] | None = None,
    path: str = "",
) -> Any:
    """A new dict/list structure with every string value interpolated.

    Keys are never interpolated.  `unset` (when given) collects
    `(path, name)` for unset variables without default.  When `errors` is
    given, failing values are collected there (with `.path` set) and kept
    uninterpolated; otherwise the first failure is raised.
    """
    if isinstance(data, str):
        if "$" not in data:
            return data
        try:
            value, names = interpolate(data, env, nested=nested)
        except InterpolationError as exc:
            exc.path = path
            if errors is None:
                raise
            errors.append(exc)
            return data
        if unset is not None:
            unset.extend((path, n) for n in names)
        return value
    if isinstance(data, Mapping):
        return {
            k: interpolate_tree(v, env, nested=nested, unset=unset, errors=errors, path=_path_key(path, k))
            for k, v in data.items()
        }
    if isinstance(data, (list, tuple)):
        return [
            interpolate_tree(v, env, nested=nested, unset=unset, errors=errors, path=f"{path}[{i}]")
            for i, v in enumerate(data)
        ]
    return data
