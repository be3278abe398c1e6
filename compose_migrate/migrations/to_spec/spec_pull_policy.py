"""S-11: `pull_policy: if_not_present` is written as `missing`, the name the Specification uses."""

from __future__ import annotations

from ... import yamledit
from ..base import Context, Rule

RULE = Rule(
    __name__,
    "S-11",
    order=70,
    before='version: "3.8"\nservices:\n  web:\n    image: nginx:1.25\n    pull_policy: if_not_present\n',
    after="services:\n  web:\n    image: nginx:1.25\n    pull_policy: missing\n",
)


@RULE.register
def apply(ctx: Context) -> None:
    for name, svc in ctx.services():
        if svc.get("pull_policy") != "if_not_present":
            continue
        holder = yamledit.defining_map(svc, "pull_policy")
        if yamledit.set_scalar(holder, "pull_policy", "missing"):
            ctx.change(
                ctx.svc_path(name, "pull_policy"), "pull_policy if_not_present written as missing (same meaning)"
            )
