"""SV3-5: service `cpus`, `mem_limit`, `mem_reservation`, `pids_limit`, `scale` move to their `deploy` form."""

from __future__ import annotations

from typing import Any

from ruamel.yaml.comments import CommentedMap

from ... import yamledit
from ...yamlpath import PathParts
from ..base import Context, Rule
from ._helpers import accepted

RULE = Rule(
    __name__,
    "SV3-5",
    order=40,
    before="services:\n  web:\n    image: nginx:1.25\n    cpus: 0.5\n    mem_limit: 512m\n",
    after='version: "3.8"\nservices:\n  web:\n    image: nginx:1.25\n    deploy:\n      resources:\n'
    '        limits:\n          cpus: "0.5"\n          memory: 512m\n',
)

# service key -> its place under deploy (3.x types cpus as a string)
MOVES: dict[str, tuple[str, ...]] = {
    "cpus": ("resources", "limits", "cpus"),
    "mem_limit": ("resources", "limits", "memory"),
    "mem_reservation": ("resources", "reservations", "memory"),
    "pids_limit": ("resources", "limits", "pids"),
    "scale": ("replicas",),
}


def _value(key: str, value: Any) -> Any:
    if key == "cpus":
        return yamledit.quote_scalar(str(value)) if not isinstance(value, str) else value
    return value


@RULE.register
def apply(ctx: Context) -> None:
    paths = accepted(ctx.step_target)
    for name, svc in ctx.services():
        for key, dest in MOVES.items():
            if key not in svc._ok or f"services.*.{key}" in paths:
                continue
            pattern = "services.*.deploy." + ".".join(dest)
            if pattern not in paths:
                continue  # nothing to move it to: the generic rule drops it with a warning
            value = svc[key]
            here = ctx.svc_path(name, key)
            there: PathParts = ctx.svc_path(name, "deploy", *dest)
            holder = svc
            for part in ("deploy", *dest[:-1]):
                holder = yamledit.ensure_map(holder, part) if isinstance(holder, CommentedMap) else holder
            if not isinstance(holder, CommentedMap):
                continue
            if dest[-1] in holder:
                if str(holder[dest[-1]]) != str(value):
                    ctx.warn(
                        here,
                        f"{key}: {value} removed: deploy already sets {'.'.join(dest)}: {holder[dest[-1]]}, "
                        "which 3.x uses (Compose v2 refused the two disagreeing)",
                        also=(there,),
                    )
                else:
                    ctx.change(here, f"{key} removed: deploy already says the same", also=(there,))
                yamledit.delete_key(svc, key)
                continue
            yamledit.insert_key(holder, dest[-1], _value(key, value))
            yamledit.delete_key(svc, key)
            ctx.change(here, f"{key}: {value} moved to deploy.{'.'.join(dest)} (its 3.x place)", also=(there,))
