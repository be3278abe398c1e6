"""V1-9: service discovery changes (project network, service names); v1 container host names are reported."""

from __future__ import annotations

import re

from ..base import HUMAN, Context, Rule
from .link_env_vars import scanned_values

RULE = Rule(
    __name__,
    "V1-9",
    order=120,
    kind=HUMAN,
    before="web:\n  image: example/web:1\n  environment:\n    REDIS_HOST: myapp_redis_1\nredis:\n  image: redis:7\n",
    after='version: "2"\nservices:\n  web:\n    image: example/web:1\n    environment:\n'
    "      REDIS_HOST: myapp_redis_1\n  redis:\n    image: redis:7\n",
)


@RULE.register
def apply(ctx: Context) -> None:
    names = sorted(ctx.service_names(), key=len, reverse=True)
    if not names:
        return
    on_bridge = [n for n, svc in ctx.services() if "network_mode" not in svc and "net" not in svc]
    # The path () names the whole file: it explains no single key.
    ctx.warn(
        (),
        "networking changes: v1 services without `net` were on the engine's default bridge network; under "
        "2.x they join the project network `<project>_default` (or the networks listed for them) and find "
        f"each other by service name ({', '.join(on_bridge) or 'none here'}). Containers are renamed "
        "(`<project>-<service>-1` with Compose v2) and recreated on the first `up`; host names, scripts and "
        "application settings that used v1 container names or link variables must change",
    )
    # Compose 1.5's experimental networking (and scripts) used container names
    # such as `myapp_db_1`; on 2.x the service name is the host name.
    rx = re.compile(r"\b[a-z0-9][a-z0-9-]*_(" + "|".join(map(re.escape, names)) + r")_\d+\b")
    for name, svc in ctx.services():
        for path, text in scanned_values(ctx, name, svc):
            hits = sorted({m.group(0): m.group(1) for m in rx.finditer(text)}.items())
            for host, target in hits:
                ctx.warn(
                    path,
                    f"`{host}` looks like a v1 container name of the service `{target}`; on a 2.x network use "
                    f"the service name `{target}` as host name",
                )
