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

from .errors import UnsupportedSchema, ValidationError
from .validator import Draft7Validator
from .values import equal, uniq

__all__ = ["Draft7Validator", "UnsupportedSchema", "ValidationError", "equal", "uniq"]
