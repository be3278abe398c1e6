"""JSON types and equality as jsonschema judges them (bools are not numbers)."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any


def is_number(x: Any) -> bool:
    if isinstance(x, (int, float)):
        return not isinstance(x, bool)
    if x is None or isinstance(x, (str, list, dict)):
        return False
    import numbers  # only for exotic values (Decimal, Fraction): jsonschema accepts any Number

    return isinstance(x, numbers.Number)


def is_integer(x: Any) -> bool:
    # Draft 6+ counts 1.0 as an integer; bool is never a number.
    if isinstance(x, int):
        return not isinstance(x, bool)
    return isinstance(x, float) and x.is_integer()


TYPE_CHECKS: dict[str, Callable[[Any], bool]] = {
    "string": lambda x: isinstance(x, str),
    "object": lambda x: isinstance(x, dict),
    "array": lambda x: isinstance(x, list),
    "boolean": lambda x: isinstance(x, bool),
    "null": lambda x: x is None,
    "integer": is_integer,
    "number": is_number,
}
PLAIN_CLASSES: dict[str, type] = {"string": str, "object": dict, "array": list, "boolean": bool, "null": type(None)}


class _Bool:
    """jsonschema's `unbool` sentinels: True and 1 (False and 0) stay distinct."""

    __slots__ = ()


_TRUE, _FALSE = _Bool(), _Bool()


def _unbool(x: Any) -> Any:
    if x is True:
        return _TRUE
    if x is False:
        return _FALSE
    return x


def equal(one: Any, two: Any) -> bool:
    """JSON equality as jsonschema's `_utils.equal` judges it (bools are not numbers)."""
    if one is two:
        return True
    if isinstance(one, str) or isinstance(two, str):
        return bool(one == two)
    if isinstance(one, Sequence) and isinstance(two, Sequence):
        return len(one) == len(two) and all(equal(a, b) for a, b in zip(one, two, strict=False))
    if isinstance(one, Mapping) and isinstance(two, Mapping):
        return len(one) == len(two) and all(k in two and equal(v, two[k]) for k, v in one.items())
    return bool(_unbool(one) == _unbool(two))


def uniq(container: Sequence[Any]) -> bool:
    """Whether all items differ, by the same steps as jsonschema's `_utils.uniq`.

    The steps matter, not only the idea: the sorted path compares neighbours
    only, so (like jsonschema) it can miss a repeat that sorts apart.
    """
    try:
        ordered = sorted(_unbool(i) for i in container)
        for a, b in zip(ordered, ordered[1:], strict=False):
            if equal(a, b):
                return False
    except (NotImplementedError, TypeError):
        seen: list[Any] = []
        for e in container:
            e = _unbool(e)
            for s in seen:
                if equal(s, e):
                    return False
            seen.append(e)
    return True
