"""V2-21: long volume syntax needs 3.2 (below: written in short syntax where it can be) and
`tmpfs.size` needs 3.6 (below: dropped with a warning)."""

from __future__ import annotations

from typing import Any

from ... import yamledit
from ...yamlpath import format_path
from ..base import LOSSY, Context, MigrationError, Rule
from ._common import V, drop, sites

RULE = Rule(
    __name__,
    "V2-21",
    order=520,
    kind=LOSSY,
    max_target=V.V3_5,
    target=V.V3_1,
    before='version: "2.4"\nservices:\n  web:\n    image: nginx:1.25\n    volumes:\n      - type: bind\n'
    "        source: ./site\n        target: /usr/share/nginx/html\n        read_only: true\n",
    after='version: "3.1"\nservices:\n  web:\n    image: nginx:1.25\n    volumes:\n'
    '      - "./site:/usr/share/nginx/html:ro"\n',
)

LONG_FROM = V.V3_2
TMPFS_SIZE_FROM = V.V3_6


def short_form(item: dict[str, Any]) -> str | None:
    """The short-syntax string meaning the same mount, or None if short syntax cannot say it."""
    kind = item.get("type")
    known = {"type", "source", "target", "read_only", "bind", "volume", "consistency"}
    if kind not in ("bind", "volume") or set(item) - known or "target" not in item:
        return None
    modes: list[str] = []
    if item.get("read_only"):
        modes.append("ro")
    bind, volume = item.get("bind") or {}, item.get("volume") or {}
    if set(bind) - {"propagation"} or set(volume) - {"nocopy"}:
        return None
    if bind.get("propagation"):
        modes.append(str(bind["propagation"]))
    if volume.get("nocopy"):
        modes.append("nocopy")
    if item.get("consistency"):
        modes.append(str(item["consistency"]))
    source = item.get("source")
    if not source:
        return None if modes or kind == "bind" else str(item["target"])
    return ":".join([str(source), str(item["target"]), *([",".join(modes)] if modes else [])])


@RULE.register
def apply(ctx: Context) -> None:
    target = ctx.step_target
    if target < TMPFS_SIZE_FROM:
        # Below 3.6 a volume item has no `tmpfs` options at all (its only option is `size`).
        for site in sites(ctx, ("services", "*", "volumes", "[]"), "tmpfs"):
            size = site.value.get("size") if isinstance(site.value, dict) else None
            drop(
                ctx,
                site,
                f"tmpfs options {dict(site.value or {})} dropped: {target.label} has no tmpfs size (3.6+), so the "
                "tmpfs mount is unbounded. Target 3.6 or later to keep it"
                if size is not None
                else f"empty tmpfs options dropped ({target.label} has none)",
                lossy=size is not None,
            )
    if target >= LONG_FROM:
        return
    for name, svc in ctx.services():
        vols = svc.get("volumes")
        if not isinstance(vols, list):
            continue
        for i, item in enumerate(vols):
            if not isinstance(item, dict):
                continue
            path = ctx.svc_path(name, "volumes", i)
            text = short_form(item)
            if text is None:
                raise MigrationError(
                    f"{format_path(path)}: this mount needs the long volume syntax (3.2+), and {target.label} "
                    "cannot say it in short syntax: target 3.2 or later (or --to auto)",
                    path=format_path(path),
                )
            vols[i] = _quoted(text)
            ctx.change(path, f"long volume syntax written as {text!r} ({target.label} has only the short syntax)")


def _quoted(text: str) -> Any:
    return yamledit.quote_scalar(text)
