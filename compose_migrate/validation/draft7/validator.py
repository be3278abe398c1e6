"""Draft7Validator: subschemas compiled on first use into (errors, valid) closures."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from .errors import UnsupportedSchema, ValidationError
from .keywords import ANNOTATIONS, KEYWORDS, Compiled, ErrorsFn, ValidFn
from .schema_check import check_schema, resolve_ref


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
        check_schema(schema)
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
            schema = resolve_ref(self.schema, schema["$ref"])
        node = self._nodes.get(id(schema))
        if node is None:
            node = self._nodes[id(schema)] = _Node(self, schema)
        return node

    def _build(self, schema: Any) -> Compiled:
        if schema is True:
            return _no_errors, _always_valid
        if schema is False:
            return _false_schema_errors, _never_valid
        made = [KEYWORDS[k](self, v, schema) for k, v in schema.items() if k not in ANNOTATIONS]
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
