"""CL006: depends_on waits for `service_healthy` on a service with no healthcheck here."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from ...findings import Severity
from ..base import Hit, LintRule, services

if TYPE_CHECKING:
    from ...document import Document

RULE = LintRule(
    __name__,
    code="CL006",
    severity=Severity.WARNING,
    message="waits for a healthy service that defines no healthcheck",
    why="`condition: service_healthy` needs the dependency to report health; with no healthcheck "
    "(none here, or `disable: true`) `docker compose up` fails unless the image itself has a HEALTHCHECK.",
    fix_hint="give the dependency a healthcheck, or wait for service_started",
    bad="services:\n  app:\n    image: example/app:1.0\n    depends_on:\n      db:\n"
    "        condition: service_healthy\n  db:\n    image: postgres:16\n",
    good="services:\n  app:\n    image: example/app:1.0\n    depends_on:\n      db:\n"
    "        condition: service_healthy\n  db:\n    image: postgres:16\n    healthcheck:\n"
    '      test: ["CMD", "pg_isready"]\n',
)


def _has_healthcheck(svc: dict[object, object]) -> bool:
    hc = svc.get("healthcheck")
    if not isinstance(hc, dict):
        return False
    return not hc.get("disable") and hc.get("test") not in (["NONE"], "NONE")


@RULE.register
def check(doc: Document) -> Iterator[Hit]:
    by_name = {s.name: s for s in services(doc)}
    for svc in by_name.values():
        deps = svc.data.get("depends_on")
        if not isinstance(deps, dict):
            continue
        for dep, spec in deps.items():
            if not isinstance(spec, dict) or spec.get("condition") != "service_healthy":
                continue
            other = by_name.get(str(dep))
            if other is not None and not _has_healthcheck(other.data):
                yield Hit(svc.path("depends_on", dep, "condition"), f"{dep} has no healthcheck", key=False)
