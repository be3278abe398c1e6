"""Schema layer: the document checked against a JSON Schema, errors narrowed for people.

jsonschema reports a failed ``oneOf`` as one opaque error ("is not valid under
any of the given schemas").  Here each such error is narrowed to the branch
whose type matches the instance and the branch's own errors are reported,
recursively, so a list of mappings where strings are expected gives one
"should be a string" per item instead of one wall on the list.  Every extra
key of an object is its own problem, located at the key.

`schema_findings` (raw, unlocated) stays for the migration driver, which only
needs to know whether an output is valid.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from ..findings import Finding, Severity
from ..plain import schema_view
from ..versions import ComposeVersion
from ..yamlpath import format_path

# Schema finding codes (stable: tools filter on them).
SCHEMA_GENERIC = "CM200"
UNKNOWN_KEY = "CM201"
WRONG_TYPE = "CM202"
MISSING_KEY = "CM203"
BAD_VALUE = "CM204"
DUPLICATE_ITEM = "CM205"

PathParts = tuple[Any, ...]


def schema_findings(data: Any, version: ComposeVersion, *, file: str = "") -> list[Finding]:
    """Raw schema errors (unlocated, un-narrowed): enough to prove a migration's output."""
    from ..schemas import validator_for

    view = schema_view(data, v1=version is ComposeVersion.V1)
    out: list[Finding] = []
    for err in validator_for(version).iter_errors(view):
        out.append(Finding("CM200", Severity.ERROR, err.message, path=format_path(tuple(err.absolute_path)), file=file))
    return out


@dataclass(frozen=True)
class Problem:
    """One narrowed schema problem, before it is located in the file."""

    code: str
    path: PathParts
    message: str
    at_key: bool = False  # point at the key (unknown key) rather than the value
    expected: tuple[str, ...] = ()  # JSON types wanted, for type problems
    allowed: tuple[str, ...] = ()  # known keys of the object, for unknown-key hints
    detail: str = ""  # the raw jsonschema message, for --verbose and debugging


# --------------------------------------------------------------------------- validators


def load_schema_file(path: str | os.PathLike[str]) -> Any:
    """A validator for any JSON Schema file, its class picked from `$schema`.

    The draft-07 URL is accepted with or without its trailing '#'.
    """
    from jsonschema import validators
    from jsonschema.exceptions import SchemaError

    from ..findings import ComposeMigrateError

    name = os.fspath(path)
    try:
        with open(name, encoding="utf-8") as fh:
            schema = json.load(fh)
    except OSError as exc:
        raise ComposeMigrateError(
            Finding("CM003", Severity.ERROR, f"cannot read schema: {exc.strerror or exc}", file=name)
        ) from None
    except ValueError as exc:
        raise ComposeMigrateError(Finding("CM003", Severity.ERROR, f"schema is not JSON: {exc}", file=name)) from None
    if not isinstance(schema, dict):
        raise ComposeMigrateError(Finding("CM003", Severity.ERROR, "schema is not a JSON object", file=name))
    declared = str(schema.get("$schema", ""))
    probe = dict(schema)
    if declared and not declared.endswith("#") and "draft-0" in declared:
        probe["$schema"] = declared + "#"  # jsonschema's registry keys the old drafts with '#'
    cls = validators.validator_for(probe, default=validators.Draft7Validator)
    try:
        cls.check_schema(schema)
    except SchemaError as exc:
        raise ComposeMigrateError(
            Finding("CM003", Severity.ERROR, f"not a valid JSON Schema: {exc.message}", file=name)
        ) from None
    return cls(schema)


def problems(data: Any, version: ComposeVersion | None, validator: Any = None) -> list[Problem]:
    """Narrowed problems of `data` (plain, already interpolated) against a schema.

    Without `validator`, the project's schema for `version` is used.
    """
    from ..schemas import validator_for

    v1 = version is ComposeVersion.V1
    view = schema_view(data, v1=v1)
    if validator is None:
        assert version is not None
        validator = validator_for(version)
    root = validator.schema
    out: list[Problem] = []
    seen: set[tuple[str, PathParts, str]] = set()
    for err in validator.iter_errors(view):
        for p in _narrow(err, root):
            ident = (p.code, p.path, p.message)
            if ident not in seen:
                seen.add(ident)
                out.append(p)
    return out


# --------------------------------------------------------------------------- narrowing

_JSON_TYPE_WORDS = {
    "string": "a string",
    "number": "a number",
    "integer": "an integer",
    "boolean": "a boolean (true or false)",
    "object": "a mapping",
    "array": "an array (a list)",
    "null": "null",
}


def type_name(value: Any) -> str:
    """The JSON type of a plain value, in words."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, int):
        return "an integer"
    if isinstance(value, float):
        return "a number"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    return type(value).__name__


def _instance_types(value: Any) -> set[str]:
    if value is None:
        return {"null"}
    if isinstance(value, bool):
        return {"boolean"}
    if isinstance(value, int):
        return {"integer", "number"}
    if isinstance(value, float):
        return {"number", "integer"} if value.is_integer() else {"number"}
    if isinstance(value, str):
        return {"string"}
    if isinstance(value, list):
        return {"array"}
    if isinstance(value, dict):
        return {"object"}
    return set()


def _resolve(schema: Any, root: Any) -> Any:
    """Follow local `$ref`s (``#/definitions/x``); other refs are left as they are."""
    for _ in range(20):
        if not isinstance(schema, dict) or "$ref" not in schema:
            return schema
        ref = str(schema["$ref"])
        if not ref.startswith("#"):
            return schema
        node: Any = root
        for part in ref[1:].split("/"):
            if not part:
                continue
            part = part.replace("~1", "/").replace("~0", "~")
            if isinstance(node, dict) and part in node:
                node = node[part]
            else:
                return schema
        schema = node
    return schema


def schema_types(schema: Any, root: Any, depth: int = 0) -> set[str] | None:
    """The JSON types a (sub)schema can accept; None when it does not say."""
    schema = _resolve(schema, root)
    if not isinstance(schema, dict) or depth > 10:
        return None
    if "type" in schema:
        t = schema["type"]
        return set(t) if isinstance(t, list) else {str(t)}
    for combo in ("oneOf", "anyOf"):
        if combo in schema:
            out: set[str] = set()
            for sub in schema[combo]:
                got = schema_types(sub, root, depth + 1)
                if got is None:
                    return None
                out |= got
            return out
    if "enum" in schema:
        return set().union(*(_instance_types(v) for v in schema["enum"])) or None
    if any(k in schema for k in ("properties", "patternProperties", "additionalProperties", "required")):
        return {"object"}
    if "items" in schema:
        return {"array"}
    return None


def _fits(value: Any, schema: Any, root: Any) -> bool:
    types = schema_types(schema, root)
    return types is None or bool(_instance_types(value) & types)


def expected_words(types: Iterable[str]) -> str:
    """``["string", "number"]`` -> "a string or a number"."""
    order = ["string", "number", "integer", "boolean", "object", "array", "null"]
    wanted = set(types)
    if {"number", "integer"} <= wanted:
        wanted.discard("integer")
    words = [_JSON_TYPE_WORDS[t] for t in order if t in wanted]
    if not words:
        return "something else"
    if len(words) == 1:
        return words[0]
    return ", ".join(words[:-1]) + " or " + words[-1]


def _narrow(err: Any, root: Any) -> Iterator[Problem]:
    path = tuple(err.absolute_path)
    instance = err.instance
    kind = err.validator
    if kind in ("oneOf", "anyOf"):
        yield from _narrow_choice(err, root, path, instance)
        return
    if kind == "type":
        want = err.validator_value
        types = tuple(want) if isinstance(want, list) else (str(want),)
        yield _type_problem(path, instance, types, err.message)
        return
    if kind in ("additionalProperties", "unevaluatedProperties") and isinstance(instance, dict):
        yield from _unknown_keys(err, path, instance, root)
        return
    if kind == "required":
        missing = _missing_key(err.message)
        yield Problem(
            MISSING_KEY,
            path,
            f"`{missing}` is required here" if missing else err.message,
            at_key=True,
            detail=err.message,
        )
        return
    if kind == "enum":
        choices = ", ".join(_shown(v) for v in err.validator_value)
        yield Problem(BAD_VALUE, path, f"{_shown(instance)} is not one of: {choices}", detail=err.message)
        return
    if kind == "const":
        yield Problem(BAD_VALUE, path, f"should be {_shown(err.validator_value)}", detail=err.message)
        return
    if kind == "pattern":
        yield Problem(
            BAD_VALUE,
            path,
            f"{_shown(instance)} does not have the expected form (pattern {err.validator_value})",
            detail=err.message,
        )
        return
    if kind == "format":
        yield Problem(BAD_VALUE, path, f"{_shown(instance)} is not a valid {err.validator_value}", detail=err.message)
        return
    if kind in ("minimum", "exclusiveMinimum"):
        yield Problem(BAD_VALUE, path, f"{_shown(instance)} is too small (minimum {err.validator_value})")
        return
    if kind in ("maximum", "exclusiveMaximum"):
        yield Problem(BAD_VALUE, path, f"{_shown(instance)} is too large (maximum {err.validator_value})")
        return
    if kind == "uniqueItems":
        yield Problem(DUPLICATE_ITEM, path, "has the same item more than once; items must be unique", at_key=True)
        return
    if kind in ("minItems", "minLength", "minProperties"):
        yield Problem(BAD_VALUE, path, "is empty or too short here", at_key=True, detail=err.message)
        return
    if kind in ("dependencies", "dependentRequired"):
        yield Problem(MISSING_KEY, path, _dependency_message(err), at_key=True, detail=err.message)
        return
    yield Problem(SCHEMA_GENERIC, path, err.message, detail=err.message)


def _narrow_choice(err: Any, root: Any, path: PathParts, instance: Any) -> Iterator[Problem]:
    branches = list(err.validator_value)
    fitting = [i for i, b in enumerate(branches) if _fits(instance, b, root)]
    if not fitting:
        types: set[str] = set()
        for b in branches:
            types |= schema_types(b, root) or set()
        yield _type_problem(path, instance, tuple(sorted(types)), err.message)
        return
    by_branch: dict[int, list[Any]] = {i: [] for i in range(len(branches))}
    for sub in err.context or ():
        rel = list(sub.relative_schema_path)
        if rel and isinstance(rel[0], int) and rel[0] in by_branch:
            by_branch[rel[0]].append(sub)
    failing = [i for i in fitting if by_branch[i]]
    if not failing:
        # Valid under several branches (oneOf), or a branch we cannot see into.
        yield Problem(SCHEMA_GENERIC, path, "matches more than one allowed form", detail=err.message)
        return

    def score(i: int) -> tuple[int, int]:
        # The most specific branch: its errors lie deepest, then the fewest of them.
        deepest = max(len(e.absolute_path) for e in by_branch[i])
        return (-deepest, len(by_branch[i]))

    best = min(failing, key=score)
    for sub in by_branch[best]:
        yield from _narrow(sub, root)


def _type_problem(path: PathParts, instance: Any, types: tuple[str, ...], raw: str) -> Problem:
    got = type_name(instance)
    want = expected_words(types)
    message = f"has no value (null); it should be {want}" if instance is None else f"should be {want}, not {got}"
    return Problem(WRONG_TYPE, path, message, expected=types, detail=raw)


def _unknown_keys(err: Any, path: PathParts, instance: dict[str, Any], root: Any) -> Iterator[Problem]:
    schema = err.schema if isinstance(err.schema, dict) else {}
    props = schema.get("properties", {}) or {}
    patterns = list((schema.get("patternProperties") or {}).keys())
    allowed = tuple(sorted(str(k) for k in props))
    for k in instance:
        if k in props or any(re.search(p, str(k)) for p in patterns):
            continue
        yield Problem(
            UNKNOWN_KEY,
            (*path, k),
            f"`{k}` is not allowed here",
            at_key=True,
            allowed=allowed,
            detail=err.message,
        )


def _missing_key(message: str) -> str:
    m = re.match(r"'([^']*)' is a required property", message)
    return m.group(1) if m else ""


def _dependency_message(err: Any) -> str:
    m = re.match(r"'([^']*)' is a dependency of '([^']*)'", err.message)
    if m:
        return f"`{m.group(2)}` needs `{m.group(1)}` beside it"
    return str(err.message)


def _shown(value: Any) -> str:
    if isinstance(value, str):
        return json.dumps(value)
    if isinstance(value, bool):
        return "true" if value else "false"
    if value is None:
        return "null"
    return str(value)
