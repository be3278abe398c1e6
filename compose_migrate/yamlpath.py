"""Paths into Compose documents: formatting and pattern matching.

Rules and checks name what they touch with patterns such as
`services.*.links` (`*` any key, `[]` any item) instead of hand-written loops.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any

PathParts = tuple[Any, ...]


def format_path(parts: PathParts) -> str:
    """`("services", "web", "ports", 0)` -> `services.web.ports[0]`."""
    out = ""
    for p in parts:
        if isinstance(p, int) and not isinstance(p, bool):
            out += f"[{p}]"
        else:
            out += ("." if out else "") + str(p)
    return out


def parse_pattern(pattern: str) -> list[str]:
    """`services.*.ports[]` -> ["services", "*", "ports", "[]"]."""
    parts: list[str] = []
    for piece in pattern.split("."):
        while piece.endswith("[]"):
            head = piece[:-2]
            if head:
                parts.append(head)
            parts.append("[]")
            piece = ""
        if piece:
            parts.append(piece)
    return parts


def iter_matches(data: Any, pattern: str | Sequence[str]) -> Iterator[tuple[PathParts, Any]]:
    """Every (path, value) in plain or round-trip data matching the pattern."""
    parts = parse_pattern(pattern) if isinstance(pattern, str) else list(pattern)
    yield from _walk(data, parts, ())


def _walk(node: Any, parts: list[str], here: PathParts) -> Iterator[tuple[PathParts, Any]]:
    if not parts:
        yield here, node
        return
    head, rest = parts[0], parts[1:]
    if head == "[]":
        if isinstance(node, list):
            for i, item in enumerate(node):
                yield from _walk(item, rest, (*here, i))
        return
    if not isinstance(node, dict):
        return
    if head == "*":
        # `*` means "every name": extension fields (x-*) and merge keys are not names.
        for k in list(node):
            if not str(k).startswith("x-") and k != "<<":
                yield from _walk(node[k], rest, (*here, k))
    elif head in node:
        yield from _walk(node[head], rest, (*here, head))


def get(data: Any, parts: PathParts, default: Any = None) -> Any:
    node = data
    for p in parts:
        found = (isinstance(node, dict) and p in node) or (
            isinstance(node, list) and isinstance(p, int) and 0 <= p < len(node)
        )
        if not found:
            return default
        node = node[p]
    return node
