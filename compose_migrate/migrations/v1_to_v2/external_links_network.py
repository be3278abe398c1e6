"""V1-11: `external_links` are kept; the outside container must now share a network with the service."""

from __future__ import annotations

from ..base import HUMAN, Context, Rule

RULE = Rule(
    __name__,
    "V1-11",
    order=110,  # after links_to_network, to name the networks the service is on
    kind=HUMAN,
    before="web:\n  image: example/web:1\n  external_links:\n    - shared_redis:cache\n",
    after='version: "2"\nservices:\n  web:\n    image: example/web:1\n    external_links:\n'
    "      - shared_redis:cache\n",
)


@RULE.register
def apply(ctx: Context) -> None:
    for name, svc in ctx.services():
        links = svc.get("external_links")
        if not isinstance(links, list) or not links:
            continue
        nets = svc.get("networks")
        on = [str(n) for n in nets] if isinstance(nets, (list, dict)) else ["default"]
        containers = ", ".join(f"`{str(e).split(':', 1)[0]}`" for e in links)
        where = " or ".join(f"`<project>_{n}`" for n in on)
        ctx.warn(
            ctx.svc_path(name, "external_links"),
            f"kept `external_links` ({containers}): in 2.x a container outside this file is reachable only "
            f"if it shares a network with `{name}`. Connect it to {where} (`docker network connect`), or "
            "declare an external network that both use (`networks: {shared: {external: {name: ...}}}`)",
        )
