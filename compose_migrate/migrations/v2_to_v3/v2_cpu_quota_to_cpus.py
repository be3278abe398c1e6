"""V2-5: `cpu_quota` / `cpu_period` become `deploy.resources.limits.cpus` = quota / period."""

from __future__ import annotations

from decimal import Decimal

from ...yamlpath import format_path
from ..base import LOSSY, Context, MigrationError, Rule
from ._common import drop, move_into, scalar_text, service_sites

RULE = Rule(
    __name__,
    "V2-5",
    order=130,
    kind=LOSSY,
    before='version: "2.4"\nservices:\n  web:\n    image: nginx:1.25\n    cpu_quota: 50000\n',
    after='version: "3.8"\nservices:\n  web:\n    image: nginx:1.25\n    deploy:\n      resources:\n'
    '        limits:\n          cpus: "0.5"\n',
)

DEFAULT_PERIOD = 100000  # microseconds: the kernel's CFS default, which Docker uses when none is set


def _cpus(quota: int, period: int) -> str:
    value = (Decimal(quota) / Decimal(period)).quantize(Decimal("0.001"))
    text = format(value.normalize(), "f")
    return text


@RULE.register
def apply(ctx: Context) -> None:
    for site in service_sites(ctx, "cpu_quota"):
        quota = site.value
        periods = {_read(ctx, p[:-1]) for p in site.paths}
        if len(periods) > 1:
            raise MigrationError(
                f"{format_path(site.path)} is shared by services with different cpu_period values; "
                "set deploy.resources.limits.cpus for each by hand",
                path=format_path(site.path),
            )
        period = periods.pop() or DEFAULT_PERIOD
        if not isinstance(quota, int) or not isinstance(period, int) or quota <= 0 or period <= 0:
            drop(
                ctx,
                site,
                f"cpu_quota: {scalar_text(quota)} dropped: it sets no CPU limit that 3.x can express",
            )
            continue
        has_cpus = any(_has_limit(ctx, p[:-1]) for p in site.paths)
        if has_cpus:
            drop(
                ctx,
                site,
                f"cpu_quota: {quota} dropped: deploy.resources.limits.cpus (from `cpus`) already sets the limit, "
                "and 3.x has no CFS quota",
            )
            continue
        cpus = _cpus(quota, period)
        exact = Decimal(cpus) * period == quota
        move_into(
            ctx,
            site,
            ("deploy", "resources", "limits", "cpus"),
            _quoted(cpus),
            f'cpu_quota {quota} / cpu_period {period} written as deploy.resources.limits.cpus: "{cpus}"',
        )
        if not exact:
            ctx.warn(
                site.path,
                f'cpu_quota {quota} / cpu_period {period} rounded to cpus "{cpus}": 3.x gives the limit as a '
                "number of CPUs, not a quota; set the exact value you want under deploy.resources.limits.cpus",
            )
    for site in service_sites(ctx, "cpu_period"):
        drop(
            ctx,
            site,
            f"cpu_period: {scalar_text(site.value)} dropped: 3.x has no CFS period setting; the CPU limit keeps "
            "the same share (cpus = quota / period) but over Docker's default 100ms period. "
            "Stay on 2.4 or target the Compose Specification to keep it",
        )


def _read(ctx: Context, svc_path: tuple[object, ...]) -> object:
    node = ctx.tree
    for part in svc_path:
        node = node[part]
    return node.get("cpu_period")


def _has_limit(ctx: Context, svc_path: tuple[object, ...]) -> bool:
    node = ctx.tree
    for part in svc_path:
        node = node[part]
    for part in ("deploy", "resources", "limits"):
        node = node.get(part) if isinstance(node, dict) else None
    return isinstance(node, dict) and "cpus" in node


def _quoted(text: str) -> object:
    from ... import yamledit

    return yamledit.quote_scalar(text)
