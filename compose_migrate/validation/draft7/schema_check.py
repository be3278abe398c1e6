"""Refusing a schema that uses what this package does not implement."""

from __future__ import annotations

import re
from typing import Any

from .errors import UnsupportedSchema
from .keywords import ANNOTATIONS, JSON_TYPES, KEYWORDS


def resolve_ref(root: Any, ref: Any) -> Any:
    """The target of a local ref (``#`` or ``#/json/pointer``); anything else is refused."""
    if not isinstance(ref, str) or not (ref == "#" or ref.startswith("#/")):
        raise UnsupportedSchema(f"$ref {ref!r}: only local JSON pointers (#/...) are supported")
    node = root
    if "%" in ref:
        from urllib.parse import unquote

        ref = unquote(ref)
    for part in ref[2:].split("/") if ref != "#" else ():
        part = part.replace("~1", "/").replace("~0", "~")
        try:
            node = node[int(part)] if isinstance(node, list) else node[part]
        except (KeyError, IndexError, ValueError, TypeError):
            raise UnsupportedSchema(f"$ref {ref!r} does not resolve") from None
    return node


_ALLOWED = frozenset(KEYWORDS) | ANNOTATIONS | {"$ref"}
_SUBSCHEMA_MAPS = ("properties", "patternProperties", "definitions", "dependencies")


def _refusal(where: tuple[Any, ...], why: str, *at: Any) -> UnsupportedSchema:
    return UnsupportedSchema(f"{'/'.join(map(str, ('#', *where, *at)))}: {why}")


def check_schema(root: Any) -> None:
    """Refuse a schema that uses what this module does not implement, or malformed values.

    Every subschema is visited (not only those a document reaches), iteratively;
    a location is spelled out only for the error.
    """
    stack: list[tuple[Any, tuple[Any, ...]]] = [(root, ())]
    while stack:
        schema, where = stack.pop()
        if schema is True or schema is False:
            continue
        if not isinstance(schema, dict):
            raise _refusal(where, "a schema must be an object or a boolean")
        if not _ALLOWED.issuperset(schema):
            raise _refusal(where, f"unsupported keyword(s) {', '.join(sorted(set(schema) - _ALLOWED))}")
        if "$id" in schema and schema is not root:
            raise _refusal(where, "$id below the root (a new base URI) is not supported")
        for kw, value in schema.items():
            if kw in _SUBSCHEMA_MAPS:
                if not isinstance(value, dict):
                    raise _refusal(where, "must be an object", kw)
                for name, sub in value.items():
                    if kw == "dependencies" and isinstance(sub, list):
                        if not all(isinstance(s, str) for s in sub):
                            raise _refusal(where, "a dependency list holds property names", kw, name)
                        continue
                    if kw == "patternProperties":
                        re.compile(name)
                    stack.append((sub, (*where, kw, name)))
            elif kw == "type":
                names = [value] if isinstance(value, str) else value
                if not isinstance(names, list) or not names or not JSON_TYPES.issuperset(names):
                    raise _refusal(where, f"unknown type {value!r}", kw)
            elif kw == "additionalProperties":
                stack.append((value, (*where, kw)))
            elif kw == "items":
                if isinstance(value, list):
                    raise _refusal(where, "the array form of items is not supported", kw)
                stack.append((value, (*where, kw)))
            elif kw == "oneOf":
                if not isinstance(value, list) or not value:
                    raise _refusal(where, "must be a non-empty array", kw)
                stack.extend((sub, (*where, kw, i)) for i, sub in enumerate(value))
            elif kw == "$ref":
                resolve_ref(root, value)
            elif kw == "required":
                if not isinstance(value, list) or not all(isinstance(s, str) for s in value):
                    raise _refusal(where, "must be an array of names", kw)
            elif kw == "enum":
                if not isinstance(value, list):
                    raise _refusal(where, "must be an array", kw)
            elif kw in ("minimum", "maximum"):
                if not isinstance(value, (int, float)) or isinstance(value, bool):
                    raise _refusal(where, "must be a number", kw)
            elif kw == "pattern":
                if not isinstance(value, str):
                    raise _refusal(where, "must be a string", kw)
                re.compile(value)
            elif kw == "uniqueItems" and not isinstance(value, bool):
                raise _refusal(where, "must be a boolean", kw)
