"""V2-15: a service's per-network `link_local_ips` and `priority` are dropped with a warning."""

from __future__ import annotations

from ..base import LOSSY, Context, Rule
from ._common import drop, sites

RULE = Rule(
    __name__,
    "V2-15",
    order=220,
    kind=LOSSY,
    before='version: "2.4"\nservices:\n  web:\n    image: nginx:1.25\n    networks:\n      front:\n'
    "        priority: 100\nnetworks:\n  front: {}\n",
    after='version: "3.8"\nservices:\n  web:\n    image: nginx:1.25\n    networks:\n      front: {}\n'
    "networks:\n  front: {}\n",
)

EFFECT = {
    "link_local_ips": "the container no longer gets the link-local addresses {value}",
    "priority": "Docker connects the networks in its own order (priority {value} decided which came first)",
}


@RULE.register
def apply(ctx: Context) -> None:
    for key, effect in EFFECT.items():
        for site in sites(ctx, ("services", "*", "networks", "*"), key):
            value = list(site.value) if isinstance(site.value, list) else site.value
            drop(
                ctx,
                site,
                f"{key} dropped: {ctx.step_target.label} has no per-network `{key}`; "
                + effect.format(value=value)
                + ". Stay on 2.4 or target the Compose Specification (--to spec) to keep it",
            )
