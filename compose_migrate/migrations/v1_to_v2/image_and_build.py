"""V1-13: `image` beside `build` (refused by v1) is reported: 2.x builds and tags the result with that name."""

from __future__ import annotations

from ..base import HUMAN, Context, Rule

RULE = Rule(__name__, "V1-13", order=130, kind=HUMAN)


@RULE.register
def apply(ctx: Context) -> None:
    for name, svc in ctx.services():
        if "image" in svc and "build" in svc:
            ctx.warn(
                ctx.svc_path(name, "image"),
                f"`{name}` has both `image` and `build`, which v1 refused; 2.x accepts it and tags the built "
                f"image as `{svc['image']}` (replacing a pulled image of that name). Remove one if that is "
                "not what you want",
            )
