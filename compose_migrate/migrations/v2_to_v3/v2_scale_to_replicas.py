"""V2-7: `scale: N` moves to `deploy.replicas: N`."""

from __future__ import annotations

from ..base import LOSSLESS, Context, Rule
from ._common import move_into, scalar_text, service_sites

RULE = Rule(
    __name__,
    "V2-7",
    order=140,
    kind=LOSSLESS,
    before='version: "2.4"\nservices:\n  worker:\n    image: busybox:1.36\n    scale: 3\n',
    after='version: "3.8"\nservices:\n  worker:\n    image: busybox:1.36\n    deploy:\n      replicas: 3\n',
)


@RULE.register
def apply(ctx: Context) -> None:
    for site in service_sites(ctx, "scale"):
        value = site.value
        move_into(
            ctx,
            site,
            ("deploy", "replicas"),
            value,
            f"moved `scale: {scalar_text(value)}` to deploy.replicas "
            "(docker-compose 1.x reads deploy.replicas only with --compatibility)",
        )
