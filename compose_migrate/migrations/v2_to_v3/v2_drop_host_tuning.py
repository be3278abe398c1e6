"""V2-6: host tuning keys 3.x lacks are dropped with a warning (isolation kept from 3.5, init from 3.7,
oom_score_adj from 3.13; pids_limit becomes deploy.resources.limits.pids from 3.9)."""

from __future__ import annotations

from ..base import LOSSY, Context, Rule
from ._common import V, drop, move_into, scalar_text, service_sites

RULE = Rule(
    __name__,
    "V2-6",
    order=200,
    kind=LOSSY,
    before='version: "2.4"\nservices:\n  web:\n    image: nginx:1.25\n    cpu_shares: 512\n',
    after='version: "3.8"\nservices:\n  web:\n    image: nginx:1.25\n',
)

# key -> what it controls (for the warning)
DROPPED: dict[str, str] = {
    "cpu_shares": "relative CPU weight",
    "cpuset": "CPU pinning",
    "memswap_limit": "swap limit",
    "mem_swappiness": "swappiness",
    "oom_score_adj": "OOM-killer priority",
    "oom_kill_disable": "OOM-killer exemption",
    "cpu_count": "CPU count (Windows)",
    "cpu_percent": "CPU percentage (Windows)",
    "cpu_rt_period": "real-time CPU period",
    "cpu_rt_runtime": "real-time CPU runtime",
    "blkio_config": "block IO weights and limits",
    "device_cgroup_rules": "device cgroup rules",
    "storage_opt": "storage driver options",
    "runtime": "OCI runtime choice",
    "platform": "image platform",
    "isolation": "isolation technology (Windows)",
    "init": "init process",
    "pids_limit": "process count limit",
}
# The first 3.x minor that still has the key (data, not code: checked against the catalog in tests).
KEPT_FROM: dict[str, V] = {"isolation": V.V3_5, "init": V.V3_7, "oom_score_adj": V.V3_13}
PIDS_FROM = V.V3_9


@RULE.register
def apply(ctx: Context) -> None:
    target = ctx.step_target
    for key, what in DROPPED.items():
        kept = KEPT_FROM.get(key)
        if kept is not None and target >= kept:
            continue
        for site in service_sites(ctx, key):
            if key == "pids_limit" and target >= PIDS_FROM:
                move_into(
                    ctx,
                    site,
                    ("deploy", "resources", "limits", "pids"),
                    site.value,
                    f"moved `pids_limit: {scalar_text(site.value)}` to deploy.resources.limits.pids",
                )
                continue
            later = kept or (PIDS_FROM if key == "pids_limit" else None)
            keep = f"target {later.label} or later, " if later is not None else ""
            drop(
                ctx,
                site,
                f"{key}: {_short(site.value)} dropped: {target.label} has no {what} setting, so the containers "
                f"run without it. To keep it {keep}stay on 2.4, or migrate to the Compose Specification "
                "(--to spec), which still has it",
            )


def _short(value: object) -> str:
    return (
        scalar_text(value) if not isinstance(value, (dict, list)) else "{...}" if isinstance(value, dict) else "[...]"
    )
