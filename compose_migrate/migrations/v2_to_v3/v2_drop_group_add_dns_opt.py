"""V2-14: `group_add` and `dns_opt` are dropped with a warning (3.x has neither)."""

from __future__ import annotations

from ..base import LOSSY, Context, Rule
from ._common import drop, service_sites

RULE = Rule(
    __name__,
    "V2-14",
    order=210,
    kind=LOSSY,
    before='version: "2.4"\nservices:\n  web:\n    image: nginx:1.25\n    group_add:\n      - audio\n',
    after='version: "3.8"\nservices:\n  web:\n    image: nginx:1.25\n',
)

EFFECT = {
    "group_add": "the process no longer gets the extra groups {value}, so files shared through them may be unreadable",
    "dns_opt": "the resolver options {value} are no longer written to the container's resolv.conf",
}


@RULE.register
def apply(ctx: Context) -> None:
    for key, effect in EFFECT.items():
        for site in service_sites(ctx, key):
            value = list(site.value) if isinstance(site.value, list) else site.value
            drop(
                ctx,
                site,
                f"{key} dropped: {ctx.step_target.label} has no `{key}`; "
                + effect.format(value=value)
                + ". Stay on 2.4 or target the Compose Specification (--to spec) to keep it",
            )
