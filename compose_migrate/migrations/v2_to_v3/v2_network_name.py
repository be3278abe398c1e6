"""V2-17: network `name` is kept from 3.5 on; below, it is dropped with a warning (Human)."""

from __future__ import annotations

from ...yamlpath import format_path
from ..base import HUMAN, Context, Rule
from ._common import V, drop, sites

RULE = Rule(
    __name__,
    "V2-17",
    order=410,
    kind=HUMAN,
    max_target=V.V3_4,
    target=V.V3_4,
    before='version: "2.4"\nservices:\n  web:\n    image: nginx:1.25\nnetworks:\n  front:\n    name: shared-front\n',
    after='version: "3.4"\nservices:\n  web:\n    image: nginx:1.25\nnetworks:\n  front: {}\n',
)


@RULE.register
def apply(ctx: Context) -> None:
    for site in sites(ctx, ("networks", "*"), "name"):
        key = format_path(site.path[1:2])
        drop(
            ctx,
            site,
            f"name: {site.value} dropped: {ctx.step_target.label} networks have no `name` (3.5+), so Compose "
            f"creates <project>_{key} instead of {site.value} and containers outside this project that join "
            f"{site.value} no longer meet these services. Target 3.5 or later, or create {site.value} outside "
            f"Compose and declare it `external: {{name: {site.value}}}`",
        )
