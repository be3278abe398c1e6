"""CL014: a long-running service with no restart policy stays down after a crash or reboot."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from ...findings import Severity
from ..base import Hit, LintRule, services

if TYPE_CHECKING:
    from ...document import Document

RULE = LintRule(
    __name__,
    code="CL014",
    severity=Severity.INFO,
    message="no restart policy",
    why="The default is `no`: a crash, an out-of-memory kill or a daemon restart leaves the service "
    "down until someone notices.",
    fix_hint='set restart: unless-stopped (or on-failure); write restart: "no" for one-shot jobs',
    bad="services:\n  web:\n    image: nginx:1.27\n",
    good="services:\n  web:\n    image: nginx:1.27\n    restart: unless-stopped\n",
)


@RULE.register
def check(doc: Document) -> Iterator[Hit]:
    svcs = services(doc)
    one_shot: set[str] = set()  # services others wait to complete are jobs, not daemons
    for svc in svcs:
        deps = svc.data.get("depends_on")
        if isinstance(deps, dict):
            for dep, spec in deps.items():
                if isinstance(spec, dict) and spec.get("condition") == "service_completed_successfully":
                    one_shot.add(str(dep))
    for svc in svcs:
        if svc.name in one_shot or "restart" in svc.data:
            continue
        deploy = svc.data.get("deploy")
        if isinstance(deploy, dict) and "restart_policy" in deploy:
            continue
        yield Hit(svc.prefix)
