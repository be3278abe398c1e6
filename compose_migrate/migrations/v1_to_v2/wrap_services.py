"""V1-1: services move under `services:` and `version: "2.x"` goes first."""

from __future__ import annotations

from ... import yamledit
from ..base import Context, Rule
from ..versioning import set_version, version_text

RULE = Rule(
    __name__,
    "V1-1",
    order=10,
    before="web:\n  image: nginx:1.25\n",
    after='version: "2"\nservices:\n  web:\n    image: nginx:1.25\n',
)


@RULE.register
def apply(ctx: Context) -> None:
    tree = ctx.tree
    if "services" not in tree:
        names = [k for k in list(tree) if not str(k).startswith("x-") and k != "version"]
        if names:
            yamledit.wrap_under(tree, "services", names)
            ctx.change(("services",), f"moved {len(names)} service(s) under `services:`", also=(("services",),))
    if set_version(tree, ctx.step_target):
        ctx.change(("version",), f'set version: "{version_text(ctx.step_target)}"')
