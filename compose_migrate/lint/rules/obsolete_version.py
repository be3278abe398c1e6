"""CL002: the top-level `version` is obsolete in the Compose Specification."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from ...findings import Severity
from ..base import Hit, LintRule

if TYPE_CHECKING:
    from ...document import Document

RULE = LintRule(
    __name__,
    code="CL002",
    severity=Severity.WARNING,
    message="`version` is obsolete",
    why="Docker Compose v2 reads every file as the Compose Specification and ignores `version` "
    "(it prints a warning); the key only misleads readers into thinking features are gated by it.",
    fix_hint="remove the `version` line (`lint --fix` does it when the file reads the same without it)",
    bad='version: "3.8"\nservices:\n  web:\n    image: nginx:1.27\n',
    good="services:\n  web:\n    image: nginx:1.27\n",
    fix="drops `version` through the to_spec migration rule drop_version (with spec_yaml11_scalars, so "
    "YAML 1.1 values keep their meaning); refused when the migration cannot prove the file unchanged",
)


@RULE.register
def check(doc: Document) -> Iterator[Hit]:
    if isinstance(doc.data, dict) and "version" in doc.data:
        yield Hit(("version",), f"version {doc.data['version']!s}")
