"""S-6: `external: {name: X}` becomes `external: true` + `name: X` (compose-go deprecates external.name)."""

from __future__ import annotations

from ruamel.yaml.comments import CommentedMap

from ... import yamledit
from ..base import Context, Rule

RULE = Rule(
    __name__,
    "S-6",
    order=40,
    before='version: "3.4"\nservices:\n  db:\n    image: postgres:16\n    volumes:\n'
    "      - data:/var/lib/postgresql/data\n"
    "volumes:\n  data:\n    external:\n      name: prod_data\n",
    after="services:\n  db:\n    image: postgres:16\n    volumes:\n      - data:/var/lib/postgresql/data\n"
    "volumes:\n  data:\n    external: true\n    name: prod_data\n",
)

SECTIONS = ("volumes", "networks", "secrets", "configs")


@RULE.register
def apply(ctx: Context) -> None:
    for section in SECTIONS:
        block = ctx.tree.get(section)
        if not isinstance(block, CommentedMap):
            continue
        for name, body in block.items():
            if not isinstance(body, CommentedMap) or "external" not in body._ok:
                continue
            ext = body["external"]
            if not isinstance(ext, CommentedMap):
                continue
            path = (section, name, "external")
            ext_name = ext.get("name")
            if ext_name is not None and "name" in body and str(body["name"]) != str(ext_name):
                ctx.warn(
                    path,
                    f"external.name {ext_name!r} and name {body['name']!r} disagree; compose-go refuses this. "
                    "Keep the real resource name under `name:` and write `external: true`",
                    lossy=False,
                )
                continue
            yamledit.replace_key(body, "external", "external", True)
            if ext_name is not None and "name" not in body:
                yamledit.insert_key(body, "name", ext_name, after="external")
            ctx.change(
                path,
                "external: {name: ...} written as external: true + name: (the Specification's form)",
                also=((section, name, "name"),),
            )
