"""SV3-6: `cgroup` becomes `cgroupns_mode` where the 3.x target has it (docker stack 3.9-3.13)."""

from __future__ import annotations

from ... import yamledit
from ...versions import ComposeVersion
from ..base import Context, Rule
from ._helpers import accepted

RULE = Rule(
    __name__,
    "SV3-6",
    order=50,
    target=ComposeVersion.V3_9,
    before="services:\n  web:\n    image: nginx:1.25\n    cgroup: host\n",
    after='version: "3.9"\nservices:\n  web:\n    image: nginx:1.25\n    cgroupns_mode: host\n',
)


@RULE.register
def apply(ctx: Context) -> None:
    if "services.*.cgroupns_mode" not in accepted(ctx.step_target):
        return  # the generic rule drops `cgroup` with a warning
    for name, svc in ctx.services():
        if "cgroup" in svc._ok and "cgroupns_mode" not in svc:
            yamledit.rename_key(svc, "cgroup", "cgroupns_mode")
            ctx.change(
                ctx.svc_path(name, "cgroup"),
                "cgroup renamed to cgroupns_mode (its 3.x name)",
                also=(ctx.svc_path(name, "cgroupns_mode"),),
            )
