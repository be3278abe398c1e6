"""V1-6: `volumes_from` entries naming no service of the file get the `container:` prefix."""

from __future__ import annotations

from ruamel.yaml.comments import CommentedSeq

from ... import yamledit
from ..base import Context, Rule

RULE = Rule(
    __name__,
    "V1-6",
    order=60,
    before="app:\n  image: example/app:1\n  volumes_from:\n    - data\n    - legacy_store:ro\n"
    "data:\n  image: busybox\n",
    after='version: "2"\nservices:\n  app:\n    image: example/app:1\n    volumes_from:\n      - data\n'
    "      - container:legacy_store:ro\n  data:\n    image: busybox\n",
)


@RULE.register
def apply(ctx: Context) -> None:
    # v1 decided service-or-container by looking the name up among the
    # services; 2.x reads a bare name as a service, so say `container:`.
    names = ctx.service_names()
    for name, svc in ctx.services():
        entries = svc.get("volumes_from")
        if not isinstance(entries, CommentedSeq):
            continue
        for i, entry in enumerate(entries):
            if not isinstance(entry, str) or entry.startswith(("container:", "service:")):
                continue
            source = entry.split(":", 1)[0]
            if source in names:
                continue
            yamledit.set_scalar(entries, i, f"container:{entry}")
            ctx.change(
                ctx.svc_path(name, "volumes_from", i),
                f"`{source}` is not a service of this file: `container:{entry}` (an existing container)",
            )
