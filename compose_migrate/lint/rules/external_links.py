"""CL004: `external_links` ties a service to containers this file does not define."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from ...findings import Severity
from ..base import Hit, LintRule, services

if TYPE_CHECKING:
    from ...document import Document

RULE = LintRule(
    __name__,
    code="CL004",
    severity=Severity.WARNING,
    message="`external_links` is legacy",
    why="It links to containers started elsewhere, by container name, and only works when they share "
    "a network anyway; an external network says the same thing explicitly.",
    fix_hint="join both sides to an external network (networks: {shared: {external: true}}) and use the name",
    bad="services:\n  app:\n    image: example/app:1.0\n    external_links:\n      - redis_1\n",
    good="services:\n  app:\n    image: example/app:1.0\n    networks:\n      - shared\n"
    "networks:\n  shared:\n    external: true\n",
)


@RULE.register
def check(doc: Document) -> Iterator[Hit]:
    for svc in services(doc):
        if svc.data.get("external_links"):
            yield Hit(svc.path("external_links"))
