"""SV3-4: `external: true` + `name: X` becomes `external: {name: X}` where the 3.x target has no `name` key."""

from __future__ import annotations

from ruamel.yaml.comments import CommentedMap

from ... import yamledit
from ...versions import ComposeVersion
from ..base import Context, Rule
from ._helpers import accepted

RULE = Rule(
    __name__,
    "SV3-4",
    order=30,
    target=ComposeVersion.V3_4,
    before="services:\n  db:\n    image: postgres:16\n    networks:\n      - shared\nnetworks:\n  shared:\n"
    "    external: true\n    name: corp_net\n",
    after='version: "3.4"\nservices:\n  db:\n    image: postgres:16\n    networks:\n      - shared\nnetworks:\n'
    "  shared:\n    external:\n      name: corp_net\n",
)

SECTIONS = ("volumes", "networks", "secrets", "configs")


@RULE.register
def apply(ctx: Context) -> None:
    paths = accepted(ctx.step_target)
    for section in SECTIONS:
        block = ctx.tree.get(section)
        if not isinstance(block, CommentedMap) or f"{section}.*.name" in paths:
            continue
        if f"{section}.*.external.name" not in paths:
            continue
        for name, body in block.items():
            if not isinstance(body, CommentedMap) or body.get("external") is not True or "name" not in body._ok:
                continue
            real = body["name"]
            yamledit.replace_key(body, "external", "external", yamledit.new_map({"name": real}))
            yamledit.delete_key(body, "name")
            ctx.change(
                (section, name, "external"),
                f"external: true + name: {real} written as external: {{name: {real}}} "
                f"({ctx.step_target.label} has no {section[:-1]} `name`)",
                also=((section, name, "name"),),
            )
