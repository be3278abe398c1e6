"""V2-22: `x-*` keys need 3.4 at the top level and 3.7 inside services, networks and volumes;
below, an unused one is dropped with a warning and one that anchors reuse makes the step refuse."""

from __future__ import annotations

from typing import Any

from ruamel.yaml.comments import CommentedMap, CommentedSeq

from ... import yamledit
from ...yamlpath import PathParts, format_path
from ..base import LOSSY, Context, MigrationError, Rule
from ._common import V

RULE = Rule(
    __name__,
    "V2-22",
    order=600,
    kind=LOSSY,
    max_target=V.V3_6,
    target=V.V3_6,
    before='version: "2.4"\nservices:\n  web:\n    image: nginx:1.25\n    x-owner: team-a\n',
    after='version: "3.6"\nservices:\n  web:\n    image: nginx:1.25\n',
)

TOP_FROM = V.V3_4
INSIDE_FROM = V.V3_7


def _nodes(node: Any) -> list[Any]:
    """`node` and every collection inside it."""
    out: list[Any] = []
    stack = [node]
    while stack:
        cur = stack.pop()
        if isinstance(cur, CommentedMap):
            out.append(cur)
            stack.extend(v for _, v in cur.non_merged_items())
        elif isinstance(cur, CommentedSeq):
            out.append(cur)
            stack.extend(cur)
    return out


def _uses(tree: Any, skip: Any, wanted: set[int]) -> PathParts | None:
    """A path outside `skip` that reaches one of the `wanted` nodes (alias or `<<` merge)."""
    stack: list[tuple[Any, PathParts]] = [(tree, ())]
    while stack:
        cur, here = stack.pop()
        if cur is skip:
            continue
        if id(cur) in wanted and here:
            return here
        if isinstance(cur, CommentedMap):
            for source in yamledit.merge_sources(cur):
                if id(source) in wanted:
                    return here
            stack.extend((v, (*here, k)) for k, v in cur.non_merged_items())
        elif isinstance(cur, CommentedSeq):
            stack.extend((v, (*here, i)) for i, v in enumerate(cur))
    return None


def _holders(ctx: Context) -> list[tuple[CommentedMap, PathParts, Any]]:
    target = ctx.step_target
    out: list[tuple[CommentedMap, PathParts, Any]] = []
    if target < TOP_FROM:
        out.extend((ctx.tree, (), k) for k in yamledit.own_keys(ctx.tree) if str(k).startswith("x-"))
    if target < INSIDE_FROM:
        for section in ("services", "networks", "volumes"):
            group = ctx.tree.get(section)
            if not isinstance(group, CommentedMap):
                continue
            for name in yamledit.own_keys(group):
                item = group[name]
                if isinstance(item, CommentedMap) and not str(name).startswith("x-"):
                    out.extend((item, (section, name), k) for k in yamledit.own_keys(item) if str(k).startswith("x-"))
    return out


@RULE.register
def apply(ctx: Context) -> None:
    target = ctx.step_target
    for holder, where, key in _holders(ctx):
        path = (*where, key)
        since = TOP_FROM if not where else INSIDE_FROM
        value = holder[key]
        anchored = {id(n) for n in _nodes(value)}
        used = _uses(ctx.tree, value, anchored) if anchored else None
        if used is not None:
            raise MigrationError(
                f"{format_path(path)} is reused through a YAML anchor at {format_path(used)}, and {target.label} "
                f"does not accept `{key}` there ({since.label}+): target {since.label} or later (or --to auto), "
                "or expand the anchor by hand first",
                path=format_path(path),
            )
        yamledit.delete_key(holder, key)
        ctx.warn(
            path,
            f"{key} dropped: {target.label} does not accept extension fields here ({since.label}+). Compose "
            f"ignores them, but a tool that reads {key} loses it: target {since.label} or later to keep it",
        )
