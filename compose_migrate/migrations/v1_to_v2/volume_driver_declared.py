"""V1-8: `volume_driver` with named volumes moves to `driver:` on their top-level declarations."""

from __future__ import annotations

from ruamel.yaml.comments import CommentedMap

from ... import yamledit
from ..base import Context, Rule
from .named_volumes import named_volumes

RULE = Rule(
    __name__,
    "V1-8",
    order=80,  # after V1-7 declared the volumes
    before="db:\n  image: postgres:16\n  volume_driver: local\n  volumes:\n    - pgdata:/var/lib/postgresql/data\n",
    after='version: "2"\nservices:\n  db:\n    image: postgres:16\n    volume_driver: local\n    volumes:\n'
    "      - pgdata:/var/lib/postgresql/data\nvolumes:\n  pgdata:\n    external: true\n",
)


@RULE.register
def apply(ctx: Context) -> None:
    # In 2.x `volume_driver` only applies to anonymous volumes, so it stays on
    # the service for those; a named volume gets its driver from its declaration.
    drivers: dict[str, dict[str, str]] = {}
    for svc_name, vol, _path in named_volumes(ctx):
        driver = ctx.services_map()[svc_name].get("volume_driver")
        if isinstance(driver, str) and driver:
            drivers.setdefault(vol, {})[svc_name] = driver
    top = ctx.tree.get("volumes")
    if not isinstance(top, CommentedMap):
        return
    for vol, by_service in drivers.items():
        decl = top.get(vol)
        path = ("volumes", vol)
        wanted = sorted(set(by_service.values()))
        if len(wanted) > 1:
            users = ", ".join(f"{s} ({d})" for s, d in by_service.items())
            ctx.warn(path, f"`{vol}` is mounted with different volume drivers: {users}; a volume has one driver")
            continue
        driver = wanted[0]
        if isinstance(decl, dict) and decl.get("external"):
            # 2.0 refuses other keys beside `external`, and Compose v2 refuses
            # `driver` with `external`: the existing volume keeps its driver.
            ctx.warn(
                ctx.svc_path(next(iter(by_service)), "volume_driver"),
                f"`{vol}` is external, so it keeps the driver `{driver}` v1 created it with "
                f"(`volume_driver` of {', '.join(by_service)}); `driver` cannot stand beside `external`. "
                f"If you replace `external: true` by `name: {vol}` (2.1+) or a plain declaration, "
                f"add `driver: {driver}` to it",
                also=(path,),
            )
            continue
        if decl is None:
            decl = yamledit.new_map()
            yamledit.set_scalar(top, vol, decl)
        if isinstance(decl, CommentedMap) and "driver" not in decl:
            yamledit.insert_key(decl, "driver", driver)
            ctx.change(path, f"set `driver: {driver}` from `volume_driver` of {', '.join(by_service)}")
