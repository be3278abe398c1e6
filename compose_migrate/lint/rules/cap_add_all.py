"""CL011: `cap_add: [ALL]` grants every Linux capability."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from ...findings import Severity
from ..base import Hit, LintRule, services

if TYPE_CHECKING:
    from ...document import Document

RULE = LintRule(
    __name__,
    code="CL011",
    severity=Severity.WARNING,
    message="all capabilities added",
    why="`ALL` includes SYS_ADMIN, SYS_MODULE and the rest: nearly as much power as privileged mode.",
    fix_hint="list only the capabilities the service needs (NET_ADMIN, SYS_TIME, ...)",
    bad="services:\n  vpn:\n    image: example/vpn:3.0\n    cap_add:\n      - ALL\n",
    good="services:\n  vpn:\n    image: example/vpn:3.0\n    cap_add:\n      - NET_ADMIN\n",
)


@RULE.register
def check(doc: Document) -> Iterator[Hit]:
    for svc in services(doc):
        caps = svc.data.get("cap_add")
        if not isinstance(caps, list):
            continue
        for i, cap in enumerate(caps):
            if isinstance(cap, str) and cap.upper().removeprefix("CAP_") == "ALL":
                yield Hit(svc.path("cap_add", i), key=False)
