"""S-10: service-level `cpus`/`mem_limit`/`mem_reservation` that disagree with `deploy.resources` are reported."""

from __future__ import annotations

import re
from typing import Any

from ..base import HUMAN, Context, Rule

RULE = Rule(__name__, "S-10", order=60, kind=HUMAN)

# service key -> where the same setting lives under deploy.resources
PAIRS = {
    "cpus": ("limits", "cpus"),
    "mem_limit": ("limits", "memory"),
    "mem_reservation": ("reservations", "memory"),
}
_UNITS = {"": 1, "b": 1, "k": 1024, "kb": 1024, "m": 1024**2, "mb": 1024**2, "g": 1024**3, "gb": 1024**3}
_SIZE = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*([a-zA-Z]*)\s*$")


def _amount(key: str, value: Any) -> float | str:
    """A comparable amount: CPUs as a number, sizes in bytes; text that is neither stays text."""
    text = str(value)
    if key == "cpus":
        try:
            return float(text)
        except ValueError:
            return text
    m = _SIZE.match(text)
    if m and m.group(2).lower() in _UNITS:
        return float(m.group(1)) * _UNITS[m.group(2).lower()]
    return text


@RULE.register
def apply(ctx: Context) -> None:
    for name, svc in ctx.services():
        deploy = svc.get("deploy")
        resources = deploy.get("resources") if isinstance(deploy, dict) else None
        if not isinstance(resources, dict):
            continue
        for key, (group, field) in PAIRS.items():
            block = resources.get(group)
            if key not in svc or not isinstance(block, dict) or field not in block:
                continue
            if _amount(key, svc[key]) != _amount(key, block[field]):
                ctx.warn(
                    ctx.svc_path(name, key),
                    f"{key}: {svc[key]} and deploy.resources.{group}.{field}: {block[field]} disagree; "
                    "Compose v2 refuses a file where they differ. Keep one of them, or make them equal",
                    lossy=False,
                )
