"""V1-7: named volumes used by services are declared at top-level `volumes:` as `external: true`."""

from __future__ import annotations

import re
from collections.abc import Iterator

from ... import yamledit
from ...yamlpath import PathParts
from ..base import HUMAN, Context, Rule

RULE = Rule(
    __name__,
    "V1-7",
    order=70,
    kind=HUMAN,
    before="db:\n  image: postgres:16\n  volumes:\n    - pgdata:/var/lib/postgresql/data\n",
    after='version: "2"\nservices:\n  db:\n    image: postgres:16\n    volumes:\n'
    "      - pgdata:/var/lib/postgresql/data\nvolumes:\n  pgdata:\n    external: true\n",
)

# `C:\\data:/data` or `C:/data:/data:ro`: a drive, a host path, then a container path.
# `v:/v` and `v:/v:ro` are the named volume `v` (nothing absolute follows).
_WINDOWS_PATH = re.compile(r"^[A-Za-z]:[\\/][^:]*:[\\/]")


def volume_source(entry: object) -> str | None:
    """The source of a v1 `volumes` entry (`src:dst[:mode]`), None for an anonymous volume."""
    if not isinstance(entry, str) or ":" not in entry or _WINDOWS_PATH.match(entry):
        return None
    return entry.split(":", 1)[0]


def is_named(source: str) -> bool:
    """docker-compose's rule (VolumeSpec.is_named_volume): a path starts with `.`, `/` or `~`."""
    return bool(source) and not source.startswith((".", "/", "~"))


def named_volumes(ctx: Context) -> Iterator[tuple[str, str, PathParts]]:
    """(service, volume name, path of the entry) for every named volume a service mounts."""
    for name, svc in ctx.services():
        entries = svc.get("volumes")
        if not isinstance(entries, list):
            continue
        for i, entry in enumerate(entries):
            source = volume_source(entry)
            if source is not None and is_named(source) and "$" not in source:
                yield name, source, ctx.svc_path(name, "volumes", i)


@RULE.register
def apply(ctx: Context) -> None:
    # v1 named volumes were engine volumes with the literal name (`pgdata`);
    # a plain 2.x declaration makes Compose create `<project>_pgdata`, a new
    # empty volume.  `external: true` keeps using the existing data, works on
    # every 2.x, and fails loudly if the volume is missing, never silently.
    for name, svc in ctx.services():
        for i, entry in enumerate(svc.get("volumes") or []):
            source = volume_source(entry)
            if source is not None and "$" in source:
                ctx.warn(
                    ctx.svc_path(name, "volumes", i),
                    f"the source `{source}` is a variable: if it names a volume rather than a path, "
                    "declare that volume under top-level `volumes:` (`external: true` to keep its data)",
                )
    declared = ctx.tree.get("volumes") if isinstance(ctx.tree.get("volumes"), dict) else None
    seen: dict[str, list[str]] = {}
    first_use: dict[str, PathParts] = {}
    for svc_name, vol, path in named_volumes(ctx):
        first_use.setdefault(vol, path)
        seen.setdefault(vol, [])
        if svc_name not in seen[vol]:
            seen[vol].append(svc_name)
    for vol, users in seen.items():
        if declared is not None and vol in declared:
            continue
        top = yamledit.ensure_map(ctx.tree, "volumes")
        declared = top
        yamledit.insert_key(top, vol, yamledit.new_map({"external": True}))
        ctx.change(("volumes", vol), f"declared the named volume `{vol}` (used by {', '.join(users)}) as external")
        ctx.warn(
            first_use[vol],  # the line people know: where the volume is mounted
            f"`{vol}` is declared `external: true` so the data v1 kept in the volume named `{vol}` is used "
            f"again (a plain declaration would make Compose create a new, empty `<project>_{vol}`). "
            f"An external volume must already exist: it does if the v1 stack ran here, otherwise create it "
            f"(`docker volume create {vol}`). Alternatives: `name: {vol}` instead of `external` (2.1+) reuses "
            "or creates it, or a plain declaration for a fresh project-scoped volume",
            also=(("volumes", vol),),
        )
