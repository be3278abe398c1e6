"""V2-20: healthcheck `start_period` is kept from 3.4 on and dropped with a warning below."""

from __future__ import annotations

from ..base import LOSSY, Context, Rule
from ._common import V, drop, scalar_text, service_sites

RULE = Rule(
    __name__,
    "V2-20",
    order=510,
    kind=LOSSY,
    max_target=V.V3_3,
    target=V.V3_3,
    before='version: "2.4"\nservices:\n  web:\n    image: nginx:1.25\n    healthcheck:\n'
    '      test: ["CMD", "true"]\n      start_period: 30s\n',
    after='version: "3.3"\nservices:\n  web:\n    image: nginx:1.25\n    healthcheck:\n      test: ["CMD", "true"]\n',
)


@RULE.register
def apply(ctx: Context) -> None:
    for site in service_sites(ctx, "start_period", "healthcheck"):
        drop(
            ctx,
            site,
            f"healthcheck.start_period: {scalar_text(site.value)} dropped: {ctx.step_target.label} has no "
            "start_period, so failed checks count from the first second and a slow starter may be marked "
            "unhealthy. Target 3.4 or later to keep it",
        )
