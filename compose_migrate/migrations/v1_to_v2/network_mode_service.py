"""V1-5: `net: container:<svc>` naming a service of the file becomes `network_mode: service:<svc>`."""

from __future__ import annotations

from ... import yamledit
from ..base import Context, Rule

RULE = Rule(
    __name__,
    "V1-5",
    order=50,  # after V1-4 renamed `net`
    before='web:\n  image: nginx:1.25\n  net: "container:cache"\ncache:\n  image: redis:7\n',
    after='version: "2"\nservices:\n  web:\n    image: nginx:1.25\n    network_mode: "service:cache"\n'
    "  cache:\n    image: redis:7\n",
)


@RULE.register
def apply(ctx: Context) -> None:
    # v1 looked a `container:` name up among the file's services first; 2.x
    # says `service:` for those and keeps `container:` for outside containers
    # (Compose names its own containers <project>_<svc>_1, never just <svc>).
    names = ctx.service_names()
    for name, svc in ctx.services():
        key = "network_mode" if "network_mode" in svc else "net"
        value = svc.get(key)
        if not isinstance(value, str) or not value.startswith("container:"):
            continue
        target = value.split(":", 1)[1]
        if target not in names:
            continue
        yamledit.set_scalar(svc, key, f"service:{target}")
        ctx.change(ctx.svc_path(name, key), f"`{value}` names a service of this file: now `service:{target}`")
