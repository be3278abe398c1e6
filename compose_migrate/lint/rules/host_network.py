"""CL009: `network_mode: host` shares the host's network stack."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from ...findings import Severity
from ..base import Hit, LintRule, services

if TYPE_CHECKING:
    from ...document import Document

RULE = LintRule(
    __name__,
    code="CL009",
    severity=Severity.WARNING,
    message="host network mode",
    why="The container sees and binds every host interface: each port it opens is public, `ports:` is "
    "ignored, and it can reach services listening on the host's loopback.",
    fix_hint="use a bridge network and publish only the ports needed",
    bad="services:\n  web:\n    image: nginx:1.27\n    network_mode: host\n",
    good='services:\n  web:\n    image: nginx:1.27\n    ports:\n      - "8080:80"\n',
)


@RULE.register
def check(doc: Document) -> Iterator[Hit]:
    for svc in services(doc):
        if svc.data.get("network_mode") == "host" or svc.data.get("net") == "host":
            yield Hit(svc.path("network_mode" if "network_mode" in svc.data else "net"))
