"""CL008: `privileged: true` gives the container every capability and device of the host."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from ...findings import Severity
from ..base import Hit, LintRule, services

if TYPE_CHECKING:
    from ...document import Document

RULE = LintRule(
    __name__,
    code="CL008",
    severity=Severity.WARNING,
    message="privileged container",
    why="A privileged container has all capabilities, every host device and no seccomp or AppArmor "
    "profile: escaping to the host is trivial.",
    fix_hint="grant only what is needed: cap_add with named capabilities, devices for specific devices",
    bad="services:\n  agent:\n    image: example/agent:2.1\n    privileged: true\n",
    good="services:\n  agent:\n    image: example/agent:2.1\n    cap_add:\n      - NET_ADMIN\n",
)


@RULE.register
def check(doc: Document) -> Iterator[Hit]:
    for svc in services(doc):
        if svc.data.get("privileged") is True:
            yield Hit(svc.path("privileged"))
