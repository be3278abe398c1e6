"""One compiler per supported keyword: (errors, valid) for one keyword of one subschema."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from .errors import ValidationError
from .values import PLAIN_CLASSES, TYPE_CHECKS, equal, is_number, uniq

if TYPE_CHECKING:
    from .validator import Draft7Validator

ErrorsFn = Callable[[Any], "list[ValidationError] | None"]
ValidFn = Callable[[Any], bool]
Compiled = tuple[ErrorsFn, ValidFn]

# Keywords that never produce an error in Draft7Validator: annotations, and
# `format` (only checked when a format checker is given; validator_for gives none).
ANNOTATIONS = frozenset(
    {"$comment", "$id", "$schema", "title", "description", "default", "examples", "deprecated", "definitions", "format"}
)
JSON_TYPES = frozenset({"string", "number", "integer", "boolean", "object", "array", "null"})


# Each returns (errors, valid) for one keyword of one subschema, or None when the
# keyword can never fail (uniqueItems: false, additionalProperties: true).


_NOTHING = object()


def _lift(found: list[ValidationError], path: Any, schema_path: Any, keyword: str | None) -> None:
    """Prefix errors coming up from a subschema, as jsonschema's `descend` and keyword loop do.

    jsonschema's descend returns a false schema's error before prefixing it:
    such an error (still `_fresh`) skips the subschema's path and schema path,
    though not the keyword.
    """
    for e in found:
        if e._fresh:
            e._fresh = False
        else:
            if path is not _NOTHING:
                e._path.append(path)
            if schema_path is not _NOTHING:
                e._schema_path.append(schema_path)
        if keyword is not None:
            e._schema_path.append(keyword)


def _leaf(check: ValidFn, make: Callable[[Any], ValidationError]) -> Compiled:
    def errors(instance: Any) -> list[ValidationError] | None:
        return None if check(instance) else [make(instance)]

    return errors, check


def _type(v: Draft7Validator, value: Any, schema: dict[str, Any]) -> Compiled:
    names = [value] if isinstance(value, str) else list(value)
    check: ValidFn
    if all(n in PLAIN_CLASSES for n in names):
        classes = tuple(PLAIN_CLASSES[n] for n in names)

        def check(x: Any) -> bool:
            return isinstance(x, classes)

    elif len(names) == 1:
        check = TYPE_CHECKS[names[0]]
    else:
        checks = tuple(TYPE_CHECKS[n] for n in names)

        def check(x: Any) -> bool:
            return any(c(x) for c in checks)

    return _leaf(check, lambda x: ValidationError("type", value, x, schema))


def _enum(v: Draft7Validator, value: Any, schema: dict[str, Any]) -> Compiled:
    def check(x: Any) -> bool:
        return any(equal(each, x) for each in value)

    return _leaf(check, lambda x: ValidationError("enum", value, x, schema))


def _minimum(v: Draft7Validator, value: Any, schema: dict[str, Any]) -> Compiled:
    return _leaf(lambda x: not (is_number(x) and x < value), lambda x: ValidationError("minimum", value, x, schema))


def _maximum(v: Draft7Validator, value: Any, schema: dict[str, Any]) -> Compiled:
    return _leaf(lambda x: not (is_number(x) and x > value), lambda x: ValidationError("maximum", value, x, schema))


def _pattern(v: Draft7Validator, value: Any, schema: dict[str, Any]) -> Compiled:
    search = re.compile(value).search
    return _leaf(
        lambda x: not isinstance(x, str) or search(x) is not None,
        lambda x: ValidationError("pattern", value, x, schema),
    )


def _unique_items(v: Draft7Validator, value: Any, schema: dict[str, Any]) -> Compiled | None:
    if not value:
        return None
    return _leaf(
        lambda x: not isinstance(x, list) or uniq(x), lambda x: ValidationError("uniqueItems", value, x, schema)
    )


def _required(v: Draft7Validator, value: Any, schema: dict[str, Any]) -> Compiled:
    def errors(instance: Any) -> list[ValidationError] | None:
        if not isinstance(instance, dict):
            return None
        out = [ValidationError("required", value, instance, schema, p) for p in value if p not in instance]
        return out or None

    def valid(instance: Any) -> bool:
        return not isinstance(instance, dict) or all(p in instance for p in value)

    return errors, valid


def _properties(v: Draft7Validator, value: Any, schema: dict[str, Any]) -> Compiled:
    # Walk the instance's keys (usually far fewer than the schema's), then put the
    # errors back in the schema's order, which is jsonschema's.
    nodes = {name: (i, v._node(sub)) for i, (name, sub) in enumerate(value.items())}

    def errors(instance: Any) -> list[ValidationError] | None:
        if not isinstance(instance, dict):
            return None
        hits: list[tuple[int, list[ValidationError]]] = []
        for key, item in instance.items():
            entry = nodes.get(key)
            if entry is None:
                continue
            found = entry[1].errors(item)
            if found:
                _lift(found, key, key, "properties")
                hits.append((entry[0], found))
        if not hits:
            return None
        if len(hits) > 1:
            hits.sort(key=lambda h: h[0])
        out = hits[0][1]
        for _, found in hits[1:]:
            out += found
        return out

    def valid(instance: Any) -> bool:
        if not isinstance(instance, dict):
            return True
        for key, item in instance.items():
            entry = nodes.get(key)
            if entry is not None and not entry[1].valid(item):
                return False
        return True

    return errors, valid


def _pattern_properties(v: Draft7Validator, value: Any, schema: dict[str, Any]) -> Compiled:
    pats = [(p, re.compile(p).search, v._node(sub)) for p, sub in value.items()]

    def errors(instance: Any) -> list[ValidationError] | None:
        if not isinstance(instance, dict):
            return None
        out: list[ValidationError] | None = None
        for pattern, search, node in pats:
            for key, item in instance.items():
                if search(key):
                    found = node.errors(item)
                    if found:
                        _lift(found, key, pattern, "patternProperties")
                        if out is None:
                            out = found
                        else:
                            out += found
        return out

    def valid(instance: Any) -> bool:
        if not isinstance(instance, dict):
            return True
        for _, search, node in pats:
            for key, item in instance.items():
                if search(key) and not node.valid(item):
                    return False
        return True

    return errors, valid


def _additional_properties(v: Draft7Validator, value: Any, schema: dict[str, Any]) -> Compiled | None:
    if value is True:
        return None
    known = schema.get("properties", {})
    joined = "|".join(schema.get("patternProperties", {}))  # one regex, as jsonschema matches them
    search = re.compile(joined).search if joined else None

    def extras(instance: dict[Any, Any]) -> list[Any]:
        return [k for k in instance if k not in known and not (search is not None and search(k))]

    if value is False:

        def errors(instance: Any) -> list[ValidationError] | None:
            if not isinstance(instance, dict):
                return None
            extra = extras(instance)
            return [ValidationError("additionalProperties", value, instance, schema, extra)] if extra else None

        def valid(instance: Any) -> bool:
            return not isinstance(instance, dict) or not extras(instance)

        return errors, valid

    node = v._node(value)

    def schema_errors(instance: Any) -> list[ValidationError] | None:
        # jsonschema walks a set here (no stable order); the instance's order is used.
        if not isinstance(instance, dict):
            return None
        out: list[ValidationError] | None = None
        for key in extras(instance):
            found = node.errors(instance[key])
            if found:
                _lift(found, key, _NOTHING, "additionalProperties")
                if out is None:
                    out = found
                else:
                    out += found
        return out

    def schema_valid(instance: Any) -> bool:
        return not isinstance(instance, dict) or all(node.valid(instance[k]) for k in extras(instance))

    return schema_errors, schema_valid


def _items(v: Draft7Validator, value: Any, schema: dict[str, Any]) -> Compiled:
    node = v._node(value)

    def errors(instance: Any) -> list[ValidationError] | None:
        if not isinstance(instance, list):
            return None
        out: list[ValidationError] | None = None
        for index, item in enumerate(instance):
            found = node.errors(item)
            if found:
                _lift(found, index, _NOTHING, "items")
                if out is None:
                    out = found
                else:
                    out += found
        return out

    def valid(instance: Any) -> bool:
        return not isinstance(instance, list) or all(node.valid(item) for item in instance)

    return errors, valid


def _dependencies(v: Draft7Validator, value: Any, schema: dict[str, Any]) -> Compiled:
    deps = [(prop, dep if isinstance(dep, list) else v._node(dep)) for prop, dep in value.items()]

    def errors(instance: Any) -> list[ValidationError] | None:
        if not isinstance(instance, dict):
            return None
        out: list[ValidationError] = []
        for prop, dep in deps:
            if prop not in instance:
                continue
            if isinstance(dep, list):
                out.extend(
                    ValidationError("dependencies", value, instance, schema, (each, prop))
                    for each in dep
                    if each not in instance
                )
                continue
            found = dep.errors(instance)
            if found:
                _lift(found, _NOTHING, prop, "dependencies")
                out += found
        return out or None

    def valid(instance: Any) -> bool:
        if not isinstance(instance, dict):
            return True
        for prop, dep in deps:
            if prop not in instance:
                continue
            if isinstance(dep, list):
                if not all(each in instance for each in dep):
                    return False
            elif not dep.valid(instance):
                return False
        return True

    return errors, valid


def _one_of(v: Draft7Validator, value: Any, schema: dict[str, Any]) -> Compiled:
    branches = [(sub, v._node(sub)) for sub in value]

    def errors(instance: Any) -> list[ValidationError] | None:
        context: list[ValidationError] = []
        first_valid = -1
        for index, (_, node) in enumerate(branches):
            found = node.errors(instance)
            if not found:
                first_valid = index
                break
            _lift(found, _NOTHING, index, None)
            context += found
        if first_valid < 0:
            return [ValidationError("oneOf", value, instance, schema, None, context)]
        more = [sub for sub, node in branches[first_valid + 1 :] if node.valid(instance)]
        if more:
            more.append(branches[first_valid][0])
            return [ValidationError("oneOf", value, instance, schema, more)]
        return None

    def valid(instance: Any) -> bool:
        matched = 0
        for _, node in branches:
            if node.valid(instance):
                matched += 1
                if matched > 1:
                    return False
        return matched == 1

    return errors, valid


KEYWORDS: dict[str, Callable[[Draft7Validator, Any, dict[str, Any]], Compiled | None]] = {
    "type": _type,
    "enum": _enum,
    "minimum": _minimum,
    "maximum": _maximum,
    "pattern": _pattern,
    "uniqueItems": _unique_items,
    "required": _required,
    "properties": _properties,
    "patternProperties": _pattern_properties,
    "additionalProperties": _additional_properties,
    "items": _items,
    "dependencies": _dependencies,
    "oneOf": _one_of,
}
