"""Helpers the spec -> 3.x rules share: which paths the target accepts, and
moving or dropping a service key with an honest record.

Kept inside this step on purpose: the 2.x -> 3.x step has its own owner, so
the two steps share no code beyond the framework.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any

from ruamel.yaml.comments import CommentedMap

from ... import yamledit
from ...catalog import paths_at, versions_accepting
from ...catalog.model import compact
from ...versions import ComposeVersion
from ...yamlpath import PathParts
from ..base import Context


@cache
def accepted(version: ComposeVersion) -> frozenset[str]:
    return frozenset(paths_at(version))


@cache
def _parents(version: ComposeVersion) -> frozenset[str]:
    """Catalog paths that have children (anything else holds free-form values)."""
    out: set[str] = set()
    for p in accepted(version):
        for m in re.finditer(r"\.|\[\]", p):
            out.add(p[: m.start()])
    return frozenset(out)


def child_pattern(version: ComposeVersion, parent: str, key: str) -> str | None:
    """The catalog path a mapping key at `parent` matches in `version`, or None if not accepted."""
    base = f"{parent}." if parent else ""
    for candidate in (f"{base}{key}", f"{base}*", f"{base}x-*" if key.startswith("x-") else ""):
        if candidate and candidate in accepted(version):
            return candidate
    return None


def has_children(version: ComposeVersion, pattern: str) -> bool:
    return pattern in _parents(version)


def where_accepted(pattern: str) -> str:
    """`spec`, `3.4-3.13, spec`...: the versions that accept a catalog path, in words."""
    versions = versions_accepting(pattern)
    return compact(versions) if versions else "no version"


def drop_key(ctx: Context, m: CommentedMap, key: Any, path: PathParts, message: str) -> None:
    """Remove a key the target cannot hold and say what is lost."""
    yamledit.delete_key(m, key)
    ctx.warn(path, message)


def stack_note() -> str:
    return (
        "Keep the Compose Specification file for `docker compose`, and use this 3.x copy for `docker stack deploy` only"
    )
