"""V1-2: `build: ctx` with `dockerfile: F` becomes `build: {context: ctx, dockerfile: F}`."""

from __future__ import annotations

from ruamel.yaml.comments import CommentedMap

from ... import yamledit
from ..base import Context, MigrationError, Rule

RULE = Rule(
    __name__,
    "V1-2",
    order=20,
    before="web:\n  build: .\n  dockerfile: Dockerfile.dev\n",
    after='version: "2"\nservices:\n  web:\n    build:\n      context: .\n      dockerfile: Dockerfile.dev\n',
)


@RULE.register
def apply(ctx: Context) -> None:
    for name, svc in ctx.services():
        if "dockerfile" not in svc:
            continue
        path = ctx.svc_path(name, "build")
        if "build" not in svc:
            # v1 refused this too (its service constraints); 2.x has no place for it.
            raise MigrationError(
                f"service `{name}` has `dockerfile` without `build`; v1 refused this as well. "
                "Add the build context (`build: .`) or remove `dockerfile`",
                step=ctx.step,
                rule=ctx.rule,
                path=".".join(map(str, ctx.svc_path(name, "dockerfile"))),
            )
        build = svc["build"]
        if isinstance(build, CommentedMap):
            if "dockerfile" in build:
                continue
            yamledit.move_key(svc, "dockerfile", build)
        else:
            # The new mapping takes the place of `build:`; `dockerfile` moves into it with its comments.
            yamledit.replace_key(svc, "build", "build", yamledit.new_map({"context": build}))
            yamledit.move_key(svc, "dockerfile", svc["build"])
        ctx.change(
            path,
            f"moved `dockerfile: {svc['build']['dockerfile']}` under `build:` beside its context",
            also=(ctx.svc_path(name, "dockerfile"),),
        )
