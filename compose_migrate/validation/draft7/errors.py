"""The errors the validator yields: jsonschema's ValidationError attributes and messages."""

from __future__ import annotations

from collections import deque
from typing import Any


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
