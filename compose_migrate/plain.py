"""Plain-data helpers: the JSON view of a document that schemas and diffs see."""

from __future__ import annotations

from typing import Any

# docker-compose 1.x and compose-go both read a null entry under these
# sections as an empty mapping (`networks: {front-tier: }`) before validating.
NULLABLE_SECTIONS = ("services", "networks", "volumes", "secrets", "configs")


def jsonable(data: Any) -> Any:
    """A JSON-compatible deep copy: string keys, lists, no YAML subclasses.

    Aliases become independent copies here; the loader has already refused
    alias bombs, so the expansion is bounded.
    """
    if isinstance(data, dict):
        return {key_text(k): jsonable(v) for k, v in data.items()}
    if isinstance(data, (list, tuple)):
        return [jsonable(v) for v in data]
    if isinstance(data, bool) or data is None:
        return data
    if isinstance(data, int):
        return int(data)
    if isinstance(data, float):
        return float(data)
    if isinstance(data, str):
        return str(data)
    return str(data)


def key_text(k: Any) -> str:
    """The string a parsed mapping key becomes in the plain view (False -> "false", 1 -> "1").

    A key YAML 1.1 resolved (`OFF:` is False) is no longer its written text;
    loading.written_key relates the two.
    """
    if isinstance(k, bool):
        return "true" if k else "false"
    if k is None:
        return "null"
    return str(k)


def nulls_to_empty(data: Any) -> Any:
    """Replace null entries of the top-level sections by {} (as engines do)."""
    if not isinstance(data, dict):
        return data
    out = dict(data)
    for section in NULLABLE_SECTIONS:
        block = out.get(section)
        if isinstance(block, dict):
            out[section] = {k: ({} if v is None else v) for k, v in block.items()}
    return out


def schema_view(data: Any, *, v1: bool = False, json_shaped: bool = False) -> Any:
    """What a JSON Schema validator is given for a document.

    `json_shaped`: the caller knows the data has only string keys and plain
    types (loading.Parsed.json_shaped), so no deep copy is needed; validators
    only read it.
    """
    if not json_shaped:
        data = jsonable(data)
    if v1 and isinstance(data, dict):
        return {k: ({} if v is None else v) for k, v in data.items()}
    return nulls_to_empty(data)
