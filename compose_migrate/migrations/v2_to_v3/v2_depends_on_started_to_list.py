"""V2-12: a `depends_on` mapping whose conditions are all `service_started` becomes the 3.x list."""

from __future__ import annotations

from ..base import LOSSLESS, Context, Rule
from ._depends_on import LOSSLESS_CONDITIONS, conditions, mapping_sites, to_list

RULE = Rule(
    __name__,
    "V2-12",
    order=300,
    kind=LOSSLESS,
    before='version: "2.4"\nservices:\n  db:\n    image: postgres:16\n  api:\n    image: example/api:1\n'
    "    depends_on:\n      db:\n        condition: service_started\n",
    after='version: "3.8"\nservices:\n  db:\n    image: postgres:16\n  api:\n    image: example/api:1\n'
    "    depends_on:\n      - db\n",
)


@RULE.register
def apply(ctx: Context) -> None:
    for site in mapping_sites(ctx):
        conds = conditions(site.value)
        if all(c in LOSSLESS_CONDITIONS for c in conds.values()):
            to_list(ctx, site, "depends_on written as a list (service_started is what a 3.x list means)")
