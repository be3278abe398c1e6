"""V1-12: a v1 service whose name 2.x reads as something else (`version`, `services`, `x-...`) is refused."""

from __future__ import annotations

from ..base import HUMAN, Context, MigrationError, Rule

# Why refuse instead of renaming: the service name is also the container's
# DNS name and part of its container name, and other services, scripts and
# application config refer to it.  Any name we invented would break those
# silently; the person who owns the file must pick it.  `networks` and
# `volumes` need nothing: under `services:` they are ordinary service names.
RULE = Rule(__name__, "V1-12", order=5, kind=HUMAN)

_TOP_LEVEL = ("version", "services")
# A v1 file ran every top-level key as a service; one with an image or a
# build really was one.  Other `x-` mappings are left as extension fields.
_RUNNABLE = ("image", "build")


@RULE.register
def apply(ctx: Context) -> None:
    for name, value in list(ctx.tree.items()):
        key = str(name)
        if not isinstance(value, dict):
            continue
        clash = key in _TOP_LEVEL or key.startswith("x-") and any(k in value for k in _RUNNABLE)
        if not clash:
            continue
        what = "a top-level section" if key in _TOP_LEVEL else "an extension field, which Compose ignores"
        raise MigrationError(
            f"service `{key}` cannot keep its name: in a 2.x file a top-level `{key}` is {what}. "
            f"Rename the service in the v1 file (and every `links`, `volumes_from` and "
            f"`net: container:{key}` that names it, and any hostname `{key}` your application uses), "
            "then migrate again",
            step=ctx.step,
            rule=ctx.rule,
            path=key,
        )
