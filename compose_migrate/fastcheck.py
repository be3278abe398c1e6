"""The yes/no schema verdict, fast: generated validators instead of jsonschema.

jsonschema costs ~70 ms to import and walks every error; most files are valid
and need no error at all.  `is_valid` answers with code generated ahead of
time from schemas/ (compose_migrate/_fastvalidators/, by
scripts/generate_fast_validators.py), and callers run jsonschema only when the
answer is "no", to find and word every problem.  tests/test_fast_verdicts.py
holds both paths to the same verdict on the corpus and generated files.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import Any

from .plain import schema_view
from .versions import ComposeVersion

_cache: dict[ComposeVersion, Callable[[Any], Any]] = {}


def module_name(version: ComposeVersion) -> str:
    """The generated module of `version`'s schema: `v2_4`, `v3_13`, `spec`, `v1`."""
    return "spec" if version is ComposeVersion.SPEC else "v" + version.value.replace(".", "_")


def _validator(version: ComposeVersion) -> Callable[[Any], Any]:
    fn = _cache.get(version)
    if fn is None:
        mod = importlib.import_module(f"compose_migrate._fastvalidators.{module_name(version)}")
        fn = _cache[version] = mod.validate
    return fn


def is_valid_view(view: Any, version: ComposeVersion) -> bool:
    """Whether an already prepared schema view (plain.schema_view) passes `version`'s schema."""
    from ._fastvalidators import Invalid

    try:
        _validator(version)(view)
    except Invalid:
        return False
    except RecursionError:
        return False  # let the detailed path have its say on absurd nesting
    return True


def is_valid(data: Any, version: ComposeVersion, *, json_shaped: bool = False) -> bool:
    """Whether `data` (as read from YAML) passes `version`'s schema, as jsonschema would judge it.

    `json_shaped`: see plain.schema_view."""
    return is_valid_view(schema_view(data, v1=version is ComposeVersion.V1, json_shaped=json_shaped), version)
