"""V1-4: `net:` becomes `network_mode:` with the same value (`host`, `bridge`, `none`, `container:<id>`)."""

from __future__ import annotations

from ... import yamledit
from ..base import Context, Rule

RULE = Rule(
    __name__,
    "V1-4",
    order=40,
    before="web:\n  image: nginx:1.25\n  net: host\n",
    after='version: "2"\nservices:\n  web:\n    image: nginx:1.25\n    network_mode: host\n',
)


@RULE.register
def apply(ctx: Context) -> None:
    for name, svc in ctx.services():
        if "net" not in svc or "network_mode" in svc:
            continue
        yamledit.rename_key(svc, "net", "network_mode")
        ctx.change(
            ctx.svc_path(name, "network_mode"),
            f"renamed `net: {svc['network_mode']}` to `network_mode`",
            also=(ctx.svc_path(name, "net"),),
        )
