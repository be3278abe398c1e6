"""The generated JSON Schemas: where they are, loading, and cached validators.

The wheel ships `schemas/` as the package data `compose_migrate/_schemas`;
in a source checkout the files are read from the repository's `schemas/`.
Our schemas are checked by validation/draft7/ (jsonschema's Draft-07 errors, for
the keywords they use), not by jsonschema, whose import costs ~60 ms.
"""

from __future__ import annotations

import functools
import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

from compose_migrate.versions import ComposeVersion

if TYPE_CHECKING:
    from compose_migrate.validation.draft7 import Draft7Validator

# Plain paths, not importlib.resources (10 ms to import): the package is
# always a directory on disk, installed or checked out.
_PACKAGED_SCHEMAS = Path(__file__).resolve().parent / "_schemas"
_REPO_SCHEMAS = Path(__file__).resolve().parent.parent / "schemas"


def schema_file_name(version: ComposeVersion) -> str:
    return "compose-spec.json" if version is ComposeVersion.SPEC else f"compose-v{version.value}.json"


def schema_path(version: ComposeVersion) -> Path:
    """The file of `version`'s schema: package data if installed, else the checkout's schemas/."""
    name = schema_file_name(version)
    for base in (_PACKAGED_SCHEMAS, _REPO_SCHEMAS):
        path = base / name
        if path.is_file():
            return path
    raise FileNotFoundError(f"no schema for Compose {version.label}: {name} (run scripts/generate_schemas.py)")


@functools.cache
def _load_text(version: ComposeVersion) -> str:
    return schema_path(version).read_text(encoding="utf-8")


def load_schema(version: ComposeVersion) -> dict[str, Any]:
    """A fresh copy of `version`'s schema (callers may mutate it)."""
    data: dict[str, Any] = json.loads(_load_text(version))
    return data


@functools.cache
def validator_for(version: ComposeVersion) -> Draft7Validator:
    """A Draft-07 validator for `version`, built once and cached.

    It is validation/draft7/'s, not jsonschema's: same errors, without
    jsonschema's import.  It refuses a schema using a keyword it does not
    implement.  The schema is not meta-validated here: it is our own generated
    file (tests/test_catalog.py checks every one against the Draft-07 meta-schema).
    """
    from compose_migrate.validation.draft7 import Draft7Validator

    return Draft7Validator(load_schema(version))
