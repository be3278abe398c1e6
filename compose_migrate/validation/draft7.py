"""A small Draft-07 validator for our own generated schemas, error for error like jsonschema.

Why: explaining an invalid file used jsonschema, whose import alone (attrs,
referencing, rpds, the bundled meta-schemas) costs more than the rest of a
`validate` run.  Our schemas (schemas/*.json) use a handful of keywords; this
module implements exactly those, with jsonschema 4.x's Draft7Validator
semantics and messages, and yields error objects carrying the attributes the
narrowing in validation/schema.py reads (validator, validator_value, instance,
schema, message, absolute_path, relative_schema_path, context, parent).

A schema using any other keyword is refused when the validator is built, so
a change to the generated schemas cannot silently weaken validation.  Refs
must be local JSON pointers (``#/definitions/...``).  ``format`` is accepted
and not checked, as Draft7Validator does without a format checker.

Each subschema is compiled on first use into two closures: ``errors`` (a list
of errors, or None) and ``valid`` (a bool that stops at the first failure,
what jsonschema's ``is_valid`` and oneOf's "valid under more than one" check
do).  Error paths are built on the way up, only for errors; messages are
formatted when first read (most errors of rejected oneOf branches never are).
"""

from __future__ import annotations

import re
from collections import deque
from collections.abc import Callable, Iterator, Mapping, Sequence
from typing import Any

ErrorsFn = Callable[[Any], "list[ValidationError] | None"]
ValidFn = Callable[[Any], bool]
Compiled = tuple[ErrorsFn, ValidFn]

# Keywords that never produce an error in Draft7Validator: annotations, and
# `format` (only checked when a format checker is given; validator_for gives none).
ANNOTATIONS = frozenset(
    {"$comment", "$id", "$schema", "title", "description", "default", "examples", "deprecated", "definitions", "format"}
)
JSON_TYPES = frozenset({"string", "number", "integer", "boolean", "object", "array", "null"})


class UnsupportedSchema(ValueError):
    """The schema uses something this validator does not implement."""


class ValidationError:
    """One schema error, with the attributes of jsonschema's ValidationError that callers read.

    `_path` and `_schema_path` hold the relative paths reversed (items are
    appended while the error travels up to the root); `_extra` is what the
    message needs besides the instance and the keyword's value.
    """

    __slots__ = (
        "validator",
        "validator_value",
        "instance",
        "schema",
        "context",
        "parent",
        "_path",
        "_schema_path",
        "_extra",
        "_message",
        "_fresh",
    )

    def __init__(
        self,
        validator: str | None,
        validator_value: Any,
        instance: Any,
        schema: Any,
        extra: Any = None,
        context: list[ValidationError] | None = None,
    ) -> None:
        self.validator = validator
        self.validator_value = validator_value
        self.instance = instance
        self.schema = schema
        self.context: list[ValidationError] = context if context is not None else []
        self.parent: ValidationError | None = None
        self._path: list[Any] = []
        self._schema_path: list[Any] = [] if validator is None else [validator]
        self._extra = extra
        self._message: str | None = None
        self._fresh = False  # a false schema's error, not yet past the descend that met it
        for sub in self.context:
            sub.parent = self

    @property
    def message(self) -> str:
        if self._message is None:
            self._message = _message(self)
        return self._message

    @property
    def relative_path(self) -> deque[Any]:
        return deque(reversed(self._path))

    path = relative_path

    @property
    def relative_schema_path(self) -> deque[Any]:
        return deque(reversed(self._schema_path))

    schema_path = relative_schema_path

    @property
    def absolute_path(self) -> deque[Any]:
        path = self.relative_path
        if self.parent is not None:
            path.extendleft(reversed(self.parent.absolute_path))
        return path

    @property
    def absolute_schema_path(self) -> deque[Any]:
        path = self.relative_schema_path
        if self.parent is not None:
            path.extendleft(reversed(self.parent.absolute_schema_path))
        return path

    def __str__(self) -> str:
        return self.message

    def __repr__(self) -> str:
        return f"<ValidationError: {self.message!r}>"


def _message(err: ValidationError) -> str:
    """jsonschema's wording for each keyword (jsonschema/_keywords.py, _legacy_keywords.py)."""
    kind, value, instance, extra = err.validator, err.validator_value, err.instance, err._extra
    if kind == "type":
        names = [value] if isinstance(value, str) else value
        return f"{instance!r} is not of type {', '.join(repr(n) for n in names)}"
    if kind == "required":
        return f"{extra!r} is a required property"
    if kind == "additionalProperties":
        if "patternProperties" in err.schema:
            verb = "does" if len(extra) == 1 else "do"
            joined = ", ".join(repr(k) for k in sorted(extra))
            patterns = ", ".join(repr(p) for p in sorted(err.schema["patternProperties"]))
            return f"{joined} {verb} not match any of the regexes: {patterns}"
        verb = "was" if len(extra) == 1 else "were"
        joined = ", ".join(repr(k) for k in sorted(extra, key=str))
        return f"Additional properties are not allowed ({joined} {verb} unexpected)"
    if kind == "oneOf":
        if extra is None:
            return f"{instance!r} is not valid under any of the given schemas"
        return f"{instance!r} is valid under each of {', '.join(repr(s) for s in extra)}"
    if kind == "enum":
        return f"{instance!r} is not one of {value!r}"
    if kind == "uniqueItems":
        return f"{instance!r} has non-unique elements"
    if kind == "minimum":
        return f"{instance!r} is less than the minimum of {value!r}"
    if kind == "maximum":
        return f"{instance!r} is greater than the maximum of {value!r}"
    if kind == "pattern":
        return f"{instance!r} does not match {value!r}"
    if kind == "dependencies":
        each, prop = extra
        return f"{each!r} is a dependency of {prop!r}"
    if kind is None:
        return f"False schema does not allow {instance!r}"
    raise AssertionError(kind)


# --------------------------------------------------------------------------- values


def _is_number(x: Any) -> bool:
    if isinstance(x, (int, float)):
        return not isinstance(x, bool)
    if x is None or isinstance(x, (str, list, dict)):
        return False
    import numbers  # only for exotic values (Decimal, Fraction): jsonschema accepts any Number

    return isinstance(x, numbers.Number)


def _is_integer(x: Any) -> bool:
    # Draft 6+ counts 1.0 as an integer; bool is never a number.
    if isinstance(x, int):
        return not isinstance(x, bool)
    return isinstance(x, float) and x.is_integer()


_TYPE_CHECKS: dict[str, Callable[[Any], bool]] = {
    "string": lambda x: isinstance(x, str),
    "object": lambda x: isinstance(x, dict),
    "array": lambda x: isinstance(x, list),
    "boolean": lambda x: isinstance(x, bool),
    "null": lambda x: x is None,
    "integer": _is_integer,
    "number": _is_number,
}
_PLAIN_CLASSES: dict[str, type] = {"string": str, "object": dict, "array": list, "boolean": bool, "null": type(None)}


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


# --------------------------------------------------------------------------- the validator


class _Node:
    """A subschema, compiled into (errors, valid) on first use: most of a schema is never visited."""

    __slots__ = ("errors", "valid", "_owner", "_schema")

    def __init__(self, owner: Draft7Validator, schema: Any) -> None:
        self._owner = owner
        self._schema = schema
        self.errors: ErrorsFn = self._compile_then_errors
        self.valid: ValidFn = self._compile_then_valid

    def _compile(self) -> None:
        self.errors, self.valid = self._owner._build(self._schema)

    def _compile_then_errors(self, instance: Any) -> list[ValidationError] | None:
        self._compile()
        return self.errors(instance)

    def _compile_then_valid(self, instance: Any) -> bool:
        self._compile()
        return self.valid(instance)


def _false_schema_errors(instance: Any) -> list[ValidationError]:
    err = ValidationError(None, None, instance, False)
    err._fresh = True
    return [err]


def _no_errors(instance: Any) -> None:
    return None


def _always_valid(instance: Any) -> bool:
    return True


def _never_valid(instance: Any) -> bool:
    return False


class Draft7Validator:
    """`iter_errors` and `is_valid` of a Draft-07 schema that sticks to the supported keywords."""

    def __init__(self, schema: Any) -> None:
        self.schema = schema
        _check_schema(schema)
        self._nodes: dict[int, _Node] = {}
        self._root = self._node(schema)

    def iter_errors(self, instance: Any) -> Iterator[ValidationError]:
        found = self._root.errors(instance)
        if found:
            yield from found

    def is_valid(self, instance: Any) -> bool:
        return self._root.valid(instance)

    # ---- compiling

    def _node(self, schema: Any) -> _Node:
        # Draft 7: a $ref replaces its whole subschema (sibling keywords are ignored),
        # and adds nothing to an error's schema path.
        hops = 0
        while isinstance(schema, dict) and "$ref" in schema:
            hops += 1
            if hops > 100:
                raise UnsupportedSchema(f"$ref {schema['$ref']!r}: a loop of refs")
            schema = _resolve(self.schema, schema["$ref"])
        node = self._nodes.get(id(schema))
        if node is None:
            node = self._nodes[id(schema)] = _Node(self, schema)
        return node

    def _build(self, schema: Any) -> Compiled:
        if schema is True:
            return _no_errors, _always_valid
        if schema is False:
            return _false_schema_errors, _never_valid
        made = [_KEYWORDS[k](self, v, schema) for k, v in schema.items() if k not in ANNOTATIONS]
        parts = [p for p in made if p is not None]
        if not parts:
            return _no_errors, _always_valid
        if len(parts) == 1:
            return parts[0]
        error_fns = tuple(p[0] for p in parts)
        valid_fns = tuple(p[1] for p in parts)

        def errors(instance: Any) -> list[ValidationError] | None:
            out = None
            for fn in error_fns:
                found = fn(instance)
                if found:
                    if out is None:
                        out = found
                    else:
                        out += found
            return out

        def valid(instance: Any) -> bool:
            for fn in valid_fns:  # noqa: SIM110 - a plain loop: no generator per call
                if not fn(instance):
                    return False
            return True

        return errors, valid


# --------------------------------------------------------------------------- keywords
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
    if all(n in _PLAIN_CLASSES for n in names):
        classes = tuple(_PLAIN_CLASSES[n] for n in names)

        def check(x: Any) -> bool:
            return isinstance(x, classes)

    elif len(names) == 1:
        check = _TYPE_CHECKS[names[0]]
    else:
        checks = tuple(_TYPE_CHECKS[n] for n in names)

        def check(x: Any) -> bool:
            return any(c(x) for c in checks)

    return _leaf(check, lambda x: ValidationError("type", value, x, schema))


def _enum(v: Draft7Validator, value: Any, schema: dict[str, Any]) -> Compiled:
    def check(x: Any) -> bool:
        return any(equal(each, x) for each in value)

    return _leaf(check, lambda x: ValidationError("enum", value, x, schema))


def _minimum(v: Draft7Validator, value: Any, schema: dict[str, Any]) -> Compiled:
    return _leaf(lambda x: not (_is_number(x) and x < value), lambda x: ValidationError("minimum", value, x, schema))


def _maximum(v: Draft7Validator, value: Any, schema: dict[str, Any]) -> Compiled:
    return _leaf(lambda x: not (_is_number(x) and x > value), lambda x: ValidationError("maximum", value, x, schema))


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


_KEYWORDS: dict[str, Callable[[Draft7Validator, Any, dict[str, Any]], Compiled | None]] = {
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


# --------------------------------------------------------------------------- checking a schema


def _resolve(root: Any, ref: Any) -> Any:
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


_ALLOWED = frozenset(_KEYWORDS) | ANNOTATIONS | {"$ref"}
_SUBSCHEMA_MAPS = ("properties", "patternProperties", "definitions", "dependencies")


def _refusal(where: tuple[Any, ...], why: str, *at: Any) -> UnsupportedSchema:
    return UnsupportedSchema(f"{'/'.join(map(str, ('#', *where, *at)))}: {why}")


def _check_schema(root: Any) -> None:
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
                _resolve(root, value)
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
