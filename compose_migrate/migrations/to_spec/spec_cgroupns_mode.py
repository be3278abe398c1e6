"""S-4: `cgroupns_mode` (docker stack 3.9-3.13) becomes the Specification's `cgroup`."""

from __future__ import annotations

from ... import yamledit
from ..base import Context, Rule

RULE = Rule(
    __name__,
    "S-4",
    order=20,
    before='version: "3.9"\nservices:\n  web:\n    image: nginx:1.25\n    cgroupns_mode: host\n',
    after="services:\n  web:\n    image: nginx:1.25\n    cgroup: host\n",
)


@RULE.register
def apply(ctx: Context) -> None:
    for name, svc in ctx.services():
        if "cgroupns_mode" not in svc or yamledit.is_merged_key(svc, "cgroupns_mode"):
            continue
        old = ctx.svc_path(name, "cgroupns_mode")
        new = ctx.svc_path(name, "cgroup")
        value = svc["cgroupns_mode"]
        if "cgroup" not in svc:
            yamledit.rename_key(svc, "cgroupns_mode", "cgroup")
            ctx.change(old, f"renamed cgroupns_mode to cgroup (same value {value})", also=(new,))
        elif str(svc["cgroup"]) == str(value):
            yamledit.delete_key(svc, "cgroupns_mode")
            ctx.change(old, "removed cgroupns_mode: cgroup already says the same", also=(new,))
        else:
            ctx.warn(
                old,
                f"cgroupns_mode: {value} and cgroup: {svc['cgroup']} disagree and the Compose Specification has "
                "no cgroupns_mode; keep the one the service needs under cgroup and remove cgroupns_mode",
            )
