"""V2-3: `mem_limit` moves to `deploy.resources.limits.memory` (a byte count becomes a string)."""

from __future__ import annotations

from ..base import LOSSLESS, Context, Rule
from ._common import as_string, move_into, scalar_text, service_sites

RULE = Rule(
    __name__,
    "V2-3",
    order=110,
    kind=LOSSLESS,
    before='version: "2.4"\nservices:\n  web:\n    image: nginx:1.25\n    mem_limit: 512m\n',
    after='version: "3.8"\nservices:\n  web:\n    image: nginx:1.25\n    deploy:\n      resources:\n'
    "        limits:\n          memory: 512m\n",
)


@RULE.register
def apply(ctx: Context) -> None:
    for site in service_sites(ctx, "mem_limit"):
        value = site.value
        move_into(
            ctx,
            site,
            ("deploy", "resources", "limits", "memory"),
            as_string(value),
            f"moved `mem_limit: {scalar_text(value)}` to deploy.resources.limits.memory "
            "(a string in 3.x; docker-compose 1.x applies deploy limits only with --compatibility)",
        )
