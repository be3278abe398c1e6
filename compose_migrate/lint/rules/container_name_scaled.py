"""CL016: `container_name` on a service asked to run more than one container."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from ...findings import Severity
from ..base import Hit, LintRule, scale_of, services

if TYPE_CHECKING:
    from ...document import Document

RULE = LintRule(
    __name__,
    code="CL016",
    severity=Severity.ERROR,
    message="container_name on a scaled service",
    why="Container names are unique per host: the second replica cannot be created, so Compose "
    "refuses to scale the service.",
    fix_hint="remove container_name (Compose names replicas project-service-N), or run one replica",
    bad="services:\n  worker:\n    image: example/worker:1.0\n    container_name: worker\n    deploy:\n"
    "      replicas: 3\n",
    good="services:\n  worker:\n    image: example/worker:1.0\n    deploy:\n      replicas: 3\n",
)


@RULE.register
def check(doc: Document) -> Iterator[Hit]:
    for svc in services(doc):
        n = scale_of(svc.data)
        if "container_name" in svc.data and n > 1:
            yield Hit(svc.path("container_name"), f"{n} replicas")
