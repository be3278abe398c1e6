"""Writing the `version:` key: one helper every step's version rule shares."""

from __future__ import annotations

from typing import Any

from .. import yamledit
from ..versions import ComposeVersion


def version_text(v: ComposeVersion) -> str:
    """What we write: "2" for 2.0 (as the docs and every 2.x file in the wild
    wrote it), and always the full minor for 3.x, never the ambiguous "3"."""
    return "2" if v is ComposeVersion.V2_0 else v.value


def set_version(tree: Any, v: ComposeVersion) -> bool:
    """Set (or add, first) `version: "X.Y"`, keeping its quote style and comments."""
    text = version_text(v)
    if "version" in tree:
        if isinstance(tree["version"], str) and str(tree["version"]) == text:
            return False  # an unquoted number is rewritten even when it reads the same
        old = tree["version"]
        value = text if isinstance(old, str) and type(old) is not str else yamledit.quote_scalar(text)
        return yamledit.set_scalar(tree, "version", value)
    return yamledit.insert_key(tree, "version", yamledit.quote_scalar(text), index=0)
