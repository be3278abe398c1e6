"""V2-9: `volume_driver` is dropped with a warning: in 2.x it applied only to anonymous volumes
(declared named volumes keep their own `driver`), and 3.x has no per-service driver."""

from __future__ import annotations

from ..base import LOSSY, Context, Rule
from ._common import drop, service_sites

RULE = Rule(
    __name__,
    "V2-9",
    order=30,
    kind=LOSSY,
    before='version: "2.4"\nservices:\n  web:\n    image: nginx:1.25\n    volume_driver: flocker\n'
    "    volumes:\n      - /cache\n",
    after='version: "3.8"\nservices:\n  web:\n    image: nginx:1.25\n    volumes:\n      - /cache\n',
)


def _anonymous(vols: object) -> list[str]:
    out: list[str] = []
    for item in vols if isinstance(vols, list) else []:
        if isinstance(item, str) and ":" not in item:
            out.append(item)
        elif isinstance(item, dict) and item.get("type") == "volume" and not item.get("source"):
            out.append(str(item.get("target")))
    return out


@RULE.register
def apply(ctx: Context) -> None:
    for site in service_sites(ctx, "volume_driver"):
        driver = site.value
        anon = sorted({a for p in site.paths for a in _anonymous(_service(ctx, p).get("volumes"))})
        which = f"the anonymous volumes {', '.join(anon)} and any" if anon else "any anonymous volume, such as a"
        drop(
            ctx,
            site,
            f"volume_driver: {driver} dropped: 3.x has no per-service volume driver; {which} VOLUME of the image "
            f"will use the default driver instead of {driver}. To keep it, declare a named volume with "
            f"`driver: {driver}` at top level and mount it at that path (declared named volumes already "
            "use their own driver)",
        )


def _service(ctx: Context, path: tuple[object, ...]) -> dict[str, object]:
    node = ctx.tree
    for part in path[:-1]:
        node = node[part]
    return node if isinstance(node, dict) else {}
