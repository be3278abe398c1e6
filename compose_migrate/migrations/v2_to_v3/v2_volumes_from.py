"""V2-10: `volumes_from` has no 3.x form; migrating is refused (Human), naming the mounts to share."""

from __future__ import annotations

from ...yamlpath import format_path
from ..base import HUMAN, Context, MigrationError, Rule
from ._common import service_sites

RULE = Rule(__name__, "V2-10", order=20, kind=HUMAN)


@RULE.register
def apply(ctx: Context) -> None:
    # Refused rather than guessed: the mounts a source shares include its image's VOLUMEs,
    # which the file does not show, and `container:` sources are outside the project.
    for site in service_sites(ctx, "volumes_from"):
        entries = list(site.value) if isinstance(site.value, list) else [site.value]
        first = str(entries[0]) if entries else "?"
        source = first.split(":", 1)[0] if not first.startswith("container:") else first
        raise MigrationError(
            f"{format_path(site.path)}: {entries} has no 3.x form. Declare a named volume at top level for "
            f"each path {source} shares, mount it in both services at the same target, add `depends_on: "
            f"[{source}]`, and run the migration again; or target the Compose Specification (--to spec), "
            "which keeps volumes_from",
            path=format_path(site.path),
        )
