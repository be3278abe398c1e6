"""CL010: `pid: host` shares the host's process namespace."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from ...findings import Severity
from ..base import Hit, LintRule, services

if TYPE_CHECKING:
    from ...document import Document

RULE = LintRule(
    __name__,
    code="CL010",
    severity=Severity.WARNING,
    message="host PID namespace",
    why="The container sees every process on the host, their command lines and environments, and "
    "with enough privilege can signal or trace them.",
    fix_hint="drop `pid: host` unless this is a host monitoring agent that needs it",
    bad="services:\n  top:\n    image: example/top:1.0\n    pid: host\n",
    good="services:\n  top:\n    image: example/top:1.0\n",
)


@RULE.register
def check(doc: Document) -> Iterator[Hit]:
    for svc in services(doc):
        if svc.data.get("pid") == "host":
            yield Hit(svc.path("pid"))
