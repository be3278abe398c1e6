"""V1-3: `log_driver` and `log_opt` (either or both) become `logging: {driver, options}`."""

from __future__ import annotations

from ... import yamledit
from ..base import Context, Rule

RULE = Rule(
    __name__,
    "V1-3",
    order=30,
    before="web:\n  image: nginx:1.25\n  log_driver: syslog\n  log_opt:\n    tag: web\n",
    after='version: "2"\nservices:\n  web:\n    image: nginx:1.25\n    logging:\n'
    "      driver: syslog\n      options:\n        tag: web\n",
)

_MOVES = (("log_driver", "driver"), ("log_opt", "options"))


@RULE.register
def apply(ctx: Context) -> None:
    for name, svc in ctx.services():
        present = [old for old, _new in _MOVES if old in svc]
        if not present or "logging" in svc:
            continue
        # `logging` takes the place of whichever of the two keys comes first.
        first = min(present, key=list(svc).index)
        logging = yamledit.new_map()
        yamledit.insert_key(svc, "logging", logging, before=first)
        for old, new in _MOVES:
            if old in svc:
                yamledit.move_key(svc, old, logging, new_key=new)
        moved = ", ".join(f"`{old}` -> `logging.{new}`" for old, new in _MOVES if old in present)
        ctx.change(
            ctx.svc_path(name, "logging"),
            f"moved {moved}",
            also=tuple(ctx.svc_path(name, old) for old in present),
        )
