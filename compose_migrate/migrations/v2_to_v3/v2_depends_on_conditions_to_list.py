"""V2-13: `depends_on` with `service_healthy` / `service_completed_successfully` becomes a list; the
wait is lost and each dropped condition is reported."""

from __future__ import annotations

from ...yamlpath import format_path
from ..base import LOSSY, Context, Rule
from ._depends_on import LOSSLESS_CONDITIONS, conditions, mapping_sites, to_list

RULE = Rule(
    __name__,
    "V2-13",
    order=310,
    kind=LOSSY,
    before='version: "2.4"\nservices:\n  db:\n    image: postgres:16\n  api:\n    image: example/api:1\n'
    "    depends_on:\n      db:\n        condition: service_healthy\n",
    after='version: "3.8"\nservices:\n  db:\n    image: postgres:16\n  api:\n    image: example/api:1\n'
    "    depends_on:\n      - db\n",
)

WAIT = {
    "service_healthy": "to be healthy",
    "service_completed_successfully": "to finish successfully",
}


@RULE.register
def apply(ctx: Context) -> None:
    for site in mapping_sites(ctx):
        conds = conditions(site.value)
        lossy = {name: c for name, c in conds.items() if c not in LOSSLESS_CONDITIONS}
        if not lossy:
            continue
        users = " and ".join(format_path(p[1:2]) for p in site.paths)
        for name, cond in lossy.items():
            wait = WAIT.get(str(cond), f"for condition {cond}")
            ctx.warn(
                (*site.path, name, "condition"),
                f"condition: {cond} dropped: 3.x depends_on is a plain list, so containers will no longer wait "
                f"for {name} {wait} ({users} only waits for it to start). Target the Compose Specification "
                f"(--to spec) to keep it, or make {users} retry until {name} is ready",
                also=tuple((*p, name, "condition") for p in site.paths),
            )
        to_list(ctx, site, "depends_on written as a list (3.x has no conditions)")
