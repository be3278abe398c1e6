"""SV3-2: plain values YAML 1.1 reads differently (`2122:22`, `yes`, `HOUR: 08`) keep their YAML 1.2 meaning."""

from __future__ import annotations

from typing import Any

from ruamel.yaml.scalarstring import DoubleQuotedScalarString

from ... import yamledit
from ...yaml11 import path_kind
from ...yamlpath import format_path
from ..base import Context, Rule
from ..to_spec._scalars import locate, mismatches
from ._yaml12 import StringMapNumber, string_map_numbers

RULE = Rule(
    __name__,
    "SV3-2",
    order=10,
    before="services:\n  sftp:\n    image: example/sftp:2\n    environment:\n      DEBUG: yes\n      HOUR: 08\n"
    "    ports:\n      - 2122:22\n",
    after='version: "3.8"\nservices:\n  sftp:\n    image: example/sftp:2\n    environment:\n      DEBUG: "yes"\n'
    '      HOUR: "8"\n    ports:\n      - "2122:22"\n',
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
        if _number(new) and path_kind(format_path(m.path)) == "string-map":
            continue  # a string for Compose: done below, as the string Compose v2 passed
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
    for n in string_map_numbers(ctx.doc.r11.node):
        _pass_as_v2(ctx, n)


def _number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def _pass_as_v2(ctx: Context, n: StringMapNumber) -> None:
    # Compose v2 read the value as a number and passed Go's form of it;
    # docker-compose 1.x passes str() of what PyYAML read.  The string
    # Compose v2 passed, quoted, is what both then pass.
    spot = locate(ctx.tree, n.path)
    if spot is None:
        return
    container, key = spot
    current = container[key]
    anchor = getattr(current, "anchor", None)
    name = anchor.value if anchor is not None and getattr(anchor, "value", None) else None
    passed = n.passed_v2
    value = DoubleQuotedScalarString(passed, anchor=name) if name else yamledit.quote_scalar(passed)
    # An anchored scalar is one object at every alias: replace it everywhere, anchor kept.
    for p in (n.path, *n.aliases):
        where = locate(ctx.tree, p)
        if where is not None and where[0][where[1]] is current:
            yamledit.set_scalar(where[0], where[1], value)
    old = f"the text {n.old!r}" if isinstance(n.old, str) else f"the number {n.old}, passed as {str(n.old)!r}"
    ctx.change(
        n.path,
        f'{n.text} was the number {passed} for Compose v2 (YAML 1.2), which passed the string "{passed}"; '
        f'written as "{passed}" so 3.x readers (YAML 1.1) pass the same, not {old}',
        also=tuple(n.aliases),
    )
