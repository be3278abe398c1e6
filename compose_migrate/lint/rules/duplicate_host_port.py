"""CL019: two port mappings that take the same host port."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from ...findings import Severity
from ..base import Hit, LintRule, published_ports, services

if TYPE_CHECKING:
    from ...document import Document

RULE = LintRule(
    __name__,
    code="CL019",
    severity=Severity.ERROR,
    message="host port published twice",
    why="Only one container can bind a host port on an address: the second fails to start with "
    "'port is already allocated'.",
    fix_hint="publish a different host port, or bind each to its own address",
    bad='services:\n  a:\n    image: nginx:1.27\n    ports:\n      - "8080:80"\n'
    '  b:\n    image: httpd:2.4\n    ports:\n      - "8080:80"\n',
    good='services:\n  a:\n    image: nginx:1.27\n    ports:\n      - "8080:80"\n'
    '  b:\n    image: httpd:2.4\n    ports:\n      - "8081:80"\n',
)


def _profiles(svc: dict[object, object]) -> frozenset[str]:
    p = svc.get("profiles")
    return frozenset(str(x) for x in p) if isinstance(p, list) else frozenset()


def _clash(ip_a: str, ip_b: str) -> bool:
    all_a = ip_a in ("", "0.0.0.0", "::", "[::]")
    all_b = ip_b in ("", "0.0.0.0", "::", "[::]")
    return all_a or all_b or ip_a == ip_b


@RULE.register
def check(doc: Document) -> Iterator[Hit]:
    # (host port, protocol) -> [(service, profiles, host ip)]
    taken: dict[tuple[int, str], list[tuple[str, frozenset[str], str]]] = {}
    for svc in services(doc):
        profiles = _profiles(svc.data)
        for p in published_ports(svc.data):
            if p.variable:
                continue
            reported = False
            for port in p.host_ports():
                key = (port, p.protocol.lower())
                for other, other_profiles, other_ip in taken.get(key, []):
                    # Services in disjoint profiles never run together.
                    if profiles and other_profiles and not profiles & other_profiles:
                        continue
                    if _clash(p.host_ip, other_ip) and not reported:
                        yield Hit(svc.path("ports", p.index), f"{port}/{key[1]} also used by {other}", key=False)
                        reported = True
                taken.setdefault(key, []).append((svc.name, profiles, p.host_ip))
