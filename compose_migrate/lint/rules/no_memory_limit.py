"""CL015: a service with no memory limit can take all of the host's memory."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from ...findings import Severity
from ..base import Hit, LintRule, services

if TYPE_CHECKING:
    from ...document import Document

RULE = LintRule(
    __name__,
    code="CL015",
    severity=Severity.INFO,
    message="no memory limit",
    why="A leak or a load spike in one container makes the kernel's OOM killer pick victims across "
    "the whole host, other services included.",
    fix_hint="set deploy.resources.limits.memory (or mem_limit in 2.x files)",
    bad="services:\n  web:\n    image: nginx:1.27\n",
    good="services:\n  web:\n    image: nginx:1.27\n    deploy:\n      resources:\n        limits:\n"
    "          memory: 256M\n",
)


def has_memory_limit(svc: dict[object, object]) -> bool:
    if svc.get("mem_limit") is not None:
        return True
    deploy = svc.get("deploy")
    resources = deploy.get("resources") if isinstance(deploy, dict) else None
    limits = resources.get("limits") if isinstance(resources, dict) else None
    return isinstance(limits, dict) and limits.get("memory") is not None


@RULE.register
def check(doc: Document) -> Iterator[Hit]:
    for svc in services(doc):
        if not has_memory_limit(svc.data):
            yield Hit(svc.prefix)
