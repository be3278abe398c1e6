"""CL003: `links` is a legacy feature; networks and depends_on replace it."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from ...findings import Severity
from ..base import Hit, LintRule, services

if TYPE_CHECKING:
    from ...document import Document

RULE = LintRule(
    __name__,
    code="CL003",
    severity=Severity.WARNING,
    message="`links` is legacy",
    why="Services on a shared network already reach each other by name; `links` only adds start order "
    "(say that with depends_on) and aliases (network aliases), and Docker documents it as legacy.",
    fix_hint="use depends_on for start order and network aliases for other names",
    bad="services:\n  app:\n    image: example/app:1.0\n    links:\n      - db\n  db:\n    image: postgres:16\n",
    good="services:\n  app:\n    image: example/app:1.0\n    depends_on:\n      - db\n  db:\n    image: postgres:16\n",
    fix="links become depends_on (+ network aliases) through the migration rule spec_links; skipped "
    "when an alias would become visible to other services (lossy)",
)


@RULE.register
def check(doc: Document) -> Iterator[Hit]:
    for svc in services(doc):
        if svc.data.get("links"):
            yield Hit(svc.path("links"))
