"""The building blocks of the catalog: version spans, keys and value shapes.

A shape describes what a value may look like; a `Key` names a property of an
object, the versions in which it exists, and what replaced it when it went
away.  Shapes that change between versions are written as `Vary`, so a new
format version only adds a span or a variant and never rewrites a shape.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from compose_migrate.versions import ComposeVersion

Span = frozenset[ComposeVersion]

_ALL_ORDERED: tuple[ComposeVersion, ...] = tuple(sorted(ComposeVersion))


@functools.cache  # the catalog writes the same few spans thousands of times
def span(text: str) -> Span:
    """Parse a version span such as ``"1-2.4, spec"`` or ``"3.5-"`` (open end = up to spec).

    Open ends are what make new versions additive: a key written ``"3.5-"``
    is automatically accepted by any version added later.
    """
    out: set[ComposeVersion] = set()
    for part in text.split(","):
        part = part.strip()
        if not part:
            continue
        if "-" in part:
            lo_text, hi_text = part.split("-", 1)
            lo = ComposeVersion.parse(lo_text)
            hi = ComposeVersion.parse(hi_text) if hi_text.strip() else ComposeVersion.SPEC
            out.update(v for v in _ALL_ORDERED if lo <= v <= hi)
        else:
            out.add(ComposeVersion.parse(part))
    return frozenset(out)


NEVER: Span = frozenset()
ALWAYS: Span = span("1-")


def compact(versions: Iterable[ComposeVersion]) -> str:
    """Render versions as compact ranges in catalog order: ``"1-2.4, 3.4-spec"``."""
    chosen = set(versions)
    runs: list[list[ComposeVersion]] = []
    for v in _ALL_ORDERED:
        if v in chosen:
            if runs and runs[-1][-1] is _ALL_ORDERED[_ALL_ORDERED.index(v) - 1]:
                runs[-1].append(v)
            else:
                runs.append([v])
    return ", ".join(r[0].value if len(r) == 1 else f"{r[0].value}-{r[-1].value}" for r in runs)


class Shape:
    """Base class of every value shape (a node of the catalog tree)."""


@dataclass(frozen=True)
class Scalar(Shape):
    """One or more JSON scalar types, with optional enum/pattern/limits."""

    types: tuple[str, ...]
    enum: tuple[Any, ...] | None = None
    pattern: str | None = None
    fmt: str | None = None
    minimum: float | None = None
    maximum: float | None = None
    deprecated: bool = False


def t(*types: str, **kw: Any) -> Scalar:
    return Scalar(tuple(types), **kw)


@dataclass(frozen=True)
class Ref(Shape):
    """A shared definition, emitted once under ``definitions`` and referenced."""

    name: str


@dataclass(frozen=True)
class Arr(Shape):
    items: Shape
    unique: bool = False


@dataclass(frozen=True)
class Choice(Shape):
    """Alternative forms (short and long syntax); emitted as ``oneOf``."""

    options: tuple[Shape, ...]


def one_of(*options: Shape) -> Choice:
    return Choice(tuple(options))


@dataclass(frozen=True)
class Key:
    """A named property: where it lives in time and what it became."""

    name: str
    shape: Shape
    versions: Span = ALWAYS
    replaced_by: str | None = None
    note: str | None = None
    required: bool = False


def key(
    name: str,
    shape: Shape,
    versions: str = "1-",
    *,
    replaced_by: str | None = None,
    note: str | None = None,
    required: bool = False,
) -> Key:
    return Key(name, shape, span(versions), replaced_by, note, required)


@dataclass(frozen=True)
class Obj(Shape):
    """An object with named keys, or a map of user-chosen names (``names``/``values``)."""

    keys: tuple[Key, ...] = ()
    # False: closed; True: any extra key; a Span: open in those versions only;
    # a Shape: extra keys must match it.
    extra: bool | Span | Shape = False
    # Versions in which ``x-*`` extension keys are allowed here.
    ext: Span = NEVER
    # Map of user-chosen names: the pattern names must match and their value shape.
    names: str | None = None
    values: Shape | None = None
    # Versions in which ``null`` is accepted in place of the object.
    nullable: Span = NEVER
    # Scalar types accepted besides the object (``external: true``).
    also: tuple[str, ...] = ()
    # (versions, key, keys it needs) — draft-04 ``dependencies``.
    depends: tuple[tuple[Span, str, tuple[str, ...]], ...] = ()
    # Versions in which ``required`` keys (Key.required) are enforced; None = always.
    required_in: Span | None = None


def obj(
    *keys: Key,
    extra: bool | str | Shape = False,
    ext: str = "",
    nullable: str = "",
    also: tuple[str, ...] = (),
    depends: tuple[tuple[Span, str, tuple[str, ...]], ...] = (),
    required_in: str | None = None,
) -> Obj:
    return Obj(
        tuple(keys),
        extra=span(extra) if isinstance(extra, str) else extra,
        ext=span(ext),
        nullable=span(nullable),
        also=also,
        depends=depends,
        required_in=None if required_in is None else span(required_in),
    )


NAME = "^[a-zA-Z0-9._-]+$"


def mapping(values: Shape, names: str = NAME, *, extra: bool = False) -> Obj:
    """A map of user-chosen names (services, networks, labels...) to values."""
    return Obj(names=names, values=values, extra=extra)


@dataclass(frozen=True)
class Vary(Shape):
    """A shape that changed over time: the first variant whose span holds the version wins."""

    variants: tuple[tuple[Span, Shape], ...]

    def at(self, version: ComposeVersion) -> Shape | None:
        for versions, shape in self.variants:
            if version in versions:
                return shape
        return None


def vary(pairs: Mapping[str, Shape]) -> Vary:
    """``vary({"1-3.13": t("boolean"), "spec": t("boolean", "string")})``."""
    return Vary(tuple((span(k), v) for k, v in pairs.items()))


@dataclass
class Section:
    """A module's contribution: top-level keys and shared definitions."""

    keys: list[Key] = field(default_factory=list)
    definitions: dict[str, Shape] = field(default_factory=dict)
