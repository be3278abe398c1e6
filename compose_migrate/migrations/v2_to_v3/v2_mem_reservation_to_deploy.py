"""V2-4: `mem_reservation` moves to `deploy.resources.reservations.memory` (as a string)."""

from __future__ import annotations

from ..base import LOSSLESS, Context, Rule
from ._common import as_string, move_into, scalar_text, service_sites

RULE = Rule(
    __name__,
    "V2-4",
    order=120,
    kind=LOSSLESS,
    before='version: "2.4"\nservices:\n  web:\n    image: nginx:1.25\n    mem_reservation: 128m\n',
    after='version: "3.8"\nservices:\n  web:\n    image: nginx:1.25\n    deploy:\n      resources:\n'
    "        reservations:\n          memory: 128m\n",
)


@RULE.register
def apply(ctx: Context) -> None:
    for site in service_sites(ctx, "mem_reservation"):
        value = site.value
        move_into(
            ctx,
            site,
            ("deploy", "resources", "reservations", "memory"),
            as_string(value),
            f"moved `mem_reservation: {scalar_text(value)}` to deploy.resources.reservations.memory "
            "(a string in 3.x; docker-compose 1.x applies deploy reservations only with --compatibility)",
        )
