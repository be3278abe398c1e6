"""V2-18: volume `name` is kept from 3.4 on; below, migrating is refused (Human): the data in the
named volume would silently stop being mounted."""

from __future__ import annotations

from ...yamlpath import format_path
from ..base import HUMAN, Context, MigrationError, Rule
from ._common import V, sites

RULE = Rule(__name__, "V2-18", order=420, kind=HUMAN, max_target=V.V3_3)


@RULE.register
def apply(ctx: Context) -> None:
    for site in sites(ctx, ("volumes", "*"), "name"):
        key = format_path(site.path[1:2])
        raise MigrationError(
            f"{format_path(site.path)}: {site.value} needs 3.4: {ctx.step_target.label} has no volume `name`, "
            f"so the volume would be created as <project>_{key} and the data in {site.value} would no longer be "
            f"mounted. Target 3.4 or later (or --to auto), or, if {site.value} already exists, declare it "
            f"`external: {{name: {site.value}}}` first",
            path=format_path(site.path),
        )
