"""V2-2: `cpus` moves to `deploy.resources.limits.cpus`, written as a string as 3.x requires."""

from __future__ import annotations

from ..base import LOSSLESS, Context, Rule
from ._common import as_string, move_into, scalar_text, service_sites

RULE = Rule(
    __name__,
    "V2-2",
    order=100,
    kind=LOSSLESS,
    before='version: "2.4"\nservices:\n  web:\n    image: nginx:1.25\n    cpus: 0.5\n',
    after='version: "3.8"\nservices:\n  web:\n    image: nginx:1.25\n    deploy:\n      resources:\n'
    '        limits:\n          cpus: "0.5"\n',
)


@RULE.register
def apply(ctx: Context) -> None:
    for site in service_sites(ctx, "cpus"):
        value = site.value
        move_into(
            ctx,
            site,
            ("deploy", "resources", "limits", "cpus"),
            as_string(value),
            f'moved `cpus: {scalar_text(value)}` to deploy.resources.limits.cpus: "{scalar_text(value)}" '
            "(3.x types it as a string; docker-compose 1.x applies deploy limits only with --compatibility)",
        )
