"""S-12: plain values YAML 1.1 read differently from YAML 1.2 keep their meaning (`yes` -> true, `2122:22` quoted)."""

from __future__ import annotations

from typing import Any

from ... import yamledit
from ...versions import ComposeVersion
from ...yamlpath import PathParts
from ..base import Context, Rule
from ._scalars import Mismatch, locate, mismatches

RULE = Rule(
    __name__,
    "S-12",
    order=10,
    before='version: "2.4"\nservices:\n  sftp:\n    image: example/sftp:2\n    privileged: yes\n'
    "    ports:\n      - 2122:22\n",
    after='services:\n  sftp:\n    image: example/sftp:2\n    privileged: true\n    ports:\n      - "2122:22"\n',
)


@RULE.register
def apply(ctx: Context) -> None:
    # Legacy files were read as YAML 1.1 (PyYAML); a file without `version` is
    # read as YAML 1.2 (go-yaml).  Every unquoted scalar the two read
    # differently is rewritten so the new reader sees what was meant.
    data = ctx.doc.data
    v1_layout = ctx.doc.version is ComposeVersion.V1 and isinstance(data, dict) and "services" not in data
    for m in mismatches(ctx.doc.r11.node):
        if m.path[:1] == ("version",):
            continue  # removed by S-1
        path = _in_tree(m.path, v1_layout)
        aliases = tuple(_in_tree(a, v1_layout) for a in m.aliases)
        spot = locate(ctx.tree, path)
        if spot is None:
            continue
        container, key = spot
        current = container[key]
        if type(current) is not str and not _is_plain_number(current):
            continue  # an earlier step already rewrote it
        _rewrite(ctx, m, container, key, path, aliases)


def _in_tree(path: PathParts, v1_layout: bool) -> PathParts:
    if v1_layout and not str(path[0]).startswith("x-"):
        return ("services", *path)
    return path


def _is_plain_number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def _rewrite(ctx: Context, m: Mismatch, container: Any, key: Any, path: PathParts, also: tuple[PathParts, ...]) -> None:
    old = m.old
    if m.base60:
        yamledit.set_scalar(container, key, yamledit.quote_scalar(m.text))
        ctx.warn(
            path,
            f"unquoted {m.text} was read by YAML 1.1 (docker-compose 1.x, the legacy formats) as the base-60 "
            f'number {old}; it is now quoted as "{m.text}" to keep the intended text, which is what Compose v2 '
            f"reads. If the old number was really what ran, write {old} instead",
            also=also,
        )
    elif isinstance(old, bool):
        word = "true" if old else "false"
        yamledit.set_scalar(container, key, old)
        ctx.change(
            path,
            f"{m.text} was the YAML 1.1 boolean {word}; written as {word}, since YAML 1.2 (Compose v2) "
            f"reads {m.text} as text",
            also=also,
        )
    elif isinstance(old, str):
        yamledit.set_scalar(container, key, yamledit.quote_scalar(m.text))
        ctx.change(path, f"quoted {m.text}: YAML 1.1 read it as text, YAML 1.2 would read {m.new!r}", also=also)
    elif _is_plain_number(old):
        yamledit.set_scalar(container, key, old)
        ctx.change(path, f"{m.text} written as {old}, the number YAML 1.1 read (YAML 1.2 reads {m.new!r})", also=also)
