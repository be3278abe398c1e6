"""V2-23: `external: true` + `name: X` becomes `external: {name: X}` where the target has no `name`
(volumes below 3.4, networks below 3.5); `external: {name: X}` is valid in every 3.x and stays."""

from __future__ import annotations

from ... import yamledit
from ..base import LOSSLESS, Context, Rule
from ._common import V, sites

RULE = Rule(
    __name__,
    "V2-23",
    order=400,
    kind=LOSSLESS,
    max_target=V.V3_4,
    target=V.V3_3,
    before='version: "2.4"\nservices:\n  web:\n    image: nginx:1.25\nvolumes:\n  data:\n    external: true\n'
    "    name: shared-data\n",
    after='version: "3.3"\nservices:\n  web:\n    image: nginx:1.25\nvolumes:\n  data:\n    external:\n'
    "      name: shared-data\n",
)

NAME_FROM = {"volumes": V.V3_4, "networks": V.V3_5}


@RULE.register
def apply(ctx: Context) -> None:
    for section, since in NAME_FROM.items():
        if ctx.step_target >= since:
            continue
        for site in sites(ctx, (section, "*"), "name"):
            dm = site.dm
            if dm.get("external") is not True or yamledit.is_merged_key(dm, "external"):
                continue
            name = site.value
            yamledit.delete_key(dm, "name")
            yamledit.set_scalar(dm, "external", yamledit.new_map([("name", name)]))
            ctx.change(
                site.path,
                f"`external: true` + `name: {name}` written as `external: {{name: {name}}}` "
                f"({ctx.step_target.label} has no {section[:-1]} `name`)",
                also=tuple((*p[:-1], "external") for p in site.paths) + tuple(site.paths),
            )
