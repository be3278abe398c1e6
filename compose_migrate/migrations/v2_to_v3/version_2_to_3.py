"""V2-1: `version` names the target, always with its minor (2.x -> 3.y)."""

from __future__ import annotations

from ..base import Context, Rule
from ..versioning import set_version, version_text

RULE = Rule(__name__, "V2-1", order=900)


@RULE.register
def apply(ctx: Context) -> None:
    if set_version(ctx.tree, ctx.step_target):
        ctx.change(("version",), f'set version: "{version_text(ctx.step_target)}"')
