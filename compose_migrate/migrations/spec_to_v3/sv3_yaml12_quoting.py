"""SV3-2: plain values 3.x readers (YAML 1.1) read differently (`2122:22`, `yes`) keep their YAML 1.2 meaning."""

from __future__ import annotations

from ... import yamledit
from ..base import Context, Rule
from ..to_spec._scalars import locate, mismatches

RULE = Rule(
    __name__,
    "SV3-2",
    order=10,
    before="services:\n  sftp:\n    image: example/sftp:2\n    environment:\n      DEBUG: yes\n"
    "    ports:\n      - 2122:22\n",
    after='version: "3.8"\nservices:\n  sftp:\n    image: example/sftp:2\n    environment:\n      DEBUG: "yes"\n'
    '    ports:\n      - "2122:22"\n',
)


@RULE.register
def apply(ctx: Context) -> None:
    # The source was read as YAML 1.2; docker stack deploy and docker-compose
    # 1.x read 3.x files as YAML 1.1.  What the Specification reader saw stays.
    for m in mismatches(ctx.doc.r11.node):
        spot = locate(ctx.tree, m.path)
        if spot is None:
            continue
        container, key = spot
        new = m.new
        if isinstance(new, str):
            changed = yamledit.set_scalar(container, key, yamledit.quote_scalar(m.text))
            why = f"YAML 1.1 readers would take it as {m.old!r}"
        elif isinstance(new, (int, float)) and not isinstance(new, bool):
            changed = yamledit.set_scalar(container, key, new)
            why = f"YAML 1.1 readers would take it as {m.old!r}, not the number {new}"
        else:
            continue
        if changed:
            ctx.change(m.path, f"{m.text} written as {container[key]!r} for 3.x: {why}", also=tuple(m.aliases))
