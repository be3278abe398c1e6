"""V2-19: build `target`/`network` (3.4+), `cache_from` (3.2+), `labels` (3.3+), `shm_size` (3.5+),
`extra_hosts` (3.9+) are kept when the target has them, else dropped with a warning; `isolation` always."""

from __future__ import annotations

from ..base import LOSSY, Context, Rule
from ._common import V, drop, scalar_text, service_sites

RULE = Rule(
    __name__,
    "V2-19",
    order=500,
    kind=LOSSY,
    target=V.V3_3,
    before='version: "2.4"\nservices:\n  web:\n    build:\n      context: .\n      target: prod\n',
    after='version: "3.3"\nservices:\n  web:\n    build:\n      context: .\n',
)

# key -> the first 3.x minor that has it (None: no 3.x has it)
KEPT_FROM: dict[str, V | None] = {
    "cache_from": V.V3_2,
    "labels": V.V3_3,
    "target": V.V3_4,
    "network": V.V3_4,
    "shm_size": V.V3_5,
    "extra_hosts": V.V3_9,
    "isolation": None,
}
EFFECT = {
    "target": "the image is built from the Dockerfile's last stage instead of `{value}`",
    "network": "RUN steps use the default build network instead of `{value}`",
    "cache_from": "the build no longer uses these images as cache",
    "labels": "the image no longer gets these labels",
    "shm_size": "RUN steps get the default /dev/shm size",
    "extra_hosts": "RUN steps no longer resolve these extra host names",
    "isolation": "the build uses the daemon's default isolation",
}


@RULE.register
def apply(ctx: Context) -> None:
    target = ctx.step_target
    for key, since in KEPT_FROM.items():
        if since is not None and target >= since:
            continue
        for site in service_sites(ctx, key, "build"):
            value = scalar_text(site.value) if not isinstance(site.value, (dict, list)) else "..."
            keep = f"target {since.label} or later, or " if since is not None else ""
            drop(
                ctx,
                site,
                f"build.{key} dropped: {target.label} has no build `{key}`; "
                + EFFECT[key].format(value=value)
                + f". To keep it {keep}target the Compose Specification (--to spec)",
            )
