"""V2-16: network `enable_ipv6`, ipam `options` and ipam config `gateway`/`ip_range`/`aux_addresses`
are dropped with a warning (the 3.x ipam config has only `subnet`)."""

from __future__ import annotations

from ..base import LOSSY, Context, Rule
from ._common import drop, sites

RULE = Rule(
    __name__,
    "V2-16",
    order=230,
    kind=LOSSY,
    before='version: "2.4"\nservices:\n  web:\n    image: nginx:1.25\nnetworks:\n  front:\n    ipam:\n'
    "      config:\n        - subnet: 172.28.0.0/16\n          gateway: 172.28.0.1\n",
    after='version: "3.8"\nservices:\n  web:\n    image: nginx:1.25\nnetworks:\n  front:\n    ipam:\n'
    "      config:\n        - subnet: 172.28.0.0/16\n",
)

# (where, key, what the engine then does instead)
DROPS: list[tuple[tuple[str, ...], str, str]] = [
    (("networks", "*"), "enable_ipv6", "the network gets no IPv6 addresses"),
    (("networks", "*", "ipam"), "options", "the IPAM driver gets no options"),
    (("networks", "*", "ipam", "config", "[]"), "gateway", "Docker picks the gateway address itself"),
    (("networks", "*", "ipam", "config", "[]"), "ip_range", "containers get addresses from the whole subnet"),
    (("networks", "*", "ipam", "config", "[]"), "aux_addresses", "the reserved auxiliary addresses may be handed out"),
]


@RULE.register
def apply(ctx: Context) -> None:
    for parent, key, effect in DROPS:
        for site in sites(ctx, parent, key):
            drop(
                ctx,
                site,
                f"{key} dropped: {ctx.step_target.label} networks have no `{key}`; {effect}. "
                "Stay on 2.4, create the network outside Compose and declare it external, "
                "or target the Compose Specification (--to spec)",
            )
