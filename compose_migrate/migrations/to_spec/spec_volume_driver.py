"""S-3: `volume_driver` (not in the Specification) is removed; a non-default driver is reported as lost."""

from __future__ import annotations

from ... import yamledit
from ..base import LOSSY, Context, Rule

RULE = Rule(
    __name__,
    "S-3",
    order=30,
    kind=LOSSY,
    before='version: "2.4"\nservices:\n  web:\n    image: nginx:1.25\n    volume_driver: local\n',
    after="services:\n  web:\n    image: nginx:1.25\n",
)


@RULE.register
def apply(ctx: Context) -> None:
    for name, svc in ctx.services():
        if "volume_driver" not in svc._ok:
            continue
        driver = svc["volume_driver"]
        path = ctx.svc_path(name, "volume_driver")
        yamledit.delete_key(svc, "volume_driver")
        if str(driver) == "local":
            ctx.change(path, "removed volume_driver: local (the default driver; the Specification has no such key)")
            continue
        # In 2.x it applied to anonymous volumes only: declared named volumes carry their own driver.
        ctx.warn(
            path,
            f"volume_driver: {driver} removed: the Compose Specification has no per-service volume driver, so "
            f"anonymous volumes (and VOLUMEs of the image) of {name} now use the default driver. To keep "
            f"{driver}, declare named volumes with `driver: {driver}` at top level and mount them at those paths",
        )
