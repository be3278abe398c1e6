"""CL005: `volumes_from` copies another container's mounts implicitly."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from ...findings import Severity
from ..base import Hit, LintRule, services

if TYPE_CHECKING:
    from ...document import Document

RULE = LintRule(
    __name__,
    code="CL005",
    severity=Severity.WARNING,
    message="`volumes_from` is legacy",
    why="Which mounts a service gets depends on another service's definition; the 3.x formats dropped "
    "it, and named volumes mounted in both services say the same thing explicitly.",
    fix_hint="declare a named volume and mount it in each service that needs it",
    bad="services:\n  app:\n    image: example/app:1.0\n    volumes_from:\n      - data\n"
    "  data:\n    image: example/data:1.0\n    volumes:\n      - /srv\n",
    good="services:\n  app:\n    image: example/app:1.0\n    volumes:\n      - srv:/srv\n"
    "  data:\n    image: example/data:1.0\n    volumes:\n      - srv:/srv\nvolumes:\n  srv: {}\n",
)


@RULE.register
def check(doc: Document) -> Iterator[Hit]:
    for svc in services(doc):
        if svc.data.get("volumes_from"):
            yield Hit(svc.path("volumes_from"))
