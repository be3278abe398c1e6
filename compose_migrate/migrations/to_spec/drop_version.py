"""S-1: `version` is removed; comments around it stay with their neighbours."""

from __future__ import annotations

from ... import yamledit
from ..base import Context, Rule

RULE = Rule(
    __name__,
    "S-1",
    order=900,
    before='version: "3.8"\n# the app\nservices:\n  web:\n    image: nginx:1.25\n',
    after="# the app\nservices:\n  web:\n    image: nginx:1.25\n",
)


@RULE.register
def apply(ctx: Context) -> None:
    if "version" in ctx.tree:
        old = ctx.tree["version"]
        yamledit.delete_key(ctx.tree, "version")
        ctx.change(
            ("version",),
            f"removed `version: {old}` (the Compose Specification has no version; "
            "keep a copy pinned to 3.x if `docker stack deploy` or docker-compose < 1.27 must still read it)",
        )
