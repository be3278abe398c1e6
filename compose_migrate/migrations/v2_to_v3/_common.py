"""Helpers the 2.x -> 3.x rules share: finding where a key is defined, dropping
and moving it with honest change records.

A key a service gets through a `<<` merge lives in the anchored mapping, so it
is edited there once (every service that merges it sees the edit) and the
record names every service path the edit affects.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.scalarfloat import ScalarFloat

from ... import yamledit, yamlpath
from ...versions import ComposeVersion
from ...yamlpath import PathParts, format_path, iter_matches
from ..base import Context, MigrationError

V = ComposeVersion


@dataclass
class Site:
    """One place where `key` is defined, and every document path that sees it."""

    dm: CommentedMap  # the mapping that holds the key (maybe an anchored merge source)
    key: Any
    path: PathParts  # where the key is written
    paths: list[PathParts] = field(default_factory=list)  # every path that reads it

    @property
    def value(self) -> Any:
        return self.dm[self.key]


def path_of(tree: Any, node: Any) -> PathParts | None:
    """Where `node` is written in the document (first own occurrence)."""
    stack: list[tuple[Any, PathParts]] = [(tree, ())]
    while stack:
        cur, here = stack.pop(0)
        if cur is node:
            return here
        if isinstance(cur, CommentedMap):
            stack.extend((v, (*here, k)) for k, v in cur.non_merged_items())
        elif isinstance(cur, CommentedSeq):
            stack.extend((v, (*here, i)) for i, v in enumerate(cur))
    return None


def sites(ctx: Context, parent: Sequence[str], key: str) -> list[Site]:
    """Every definition of `key` in the mappings matching `parent` (`services.*.healthcheck`).

    Mappings that share a definition (an alias, or a `<<` merge source) give one Site.
    """
    found: dict[int, Site] = {}
    for path, node in iter_matches(ctx.tree, parent):
        if not isinstance(node, CommentedMap) or key not in node:
            continue
        dm = yamledit.defining_map(node, key)
        site = found.get(id(dm))
        if site is None:
            where = path if dm is node else path_of(ctx.tree, dm)
            site = found[id(dm)] = Site(dm, key, (*(where if where is not None else path), key))
        site.paths.append((*path, key))
    return list(found.values())


def service_sites(ctx: Context, key: str, *inside: str) -> list[Site]:
    """`sites` under every service: `service_sites(ctx, "start_period", "healthcheck")`."""
    return sites(ctx, ("services", "*", *inside), key)


def where(site: Site) -> str:
    """`services.web` or `x-defaults (merged into web, api)` for messages."""
    owner = format_path(site.path[:-1]) or "(root)"
    users = [format_path(p[:-1]) for p in site.paths]
    if users == [owner]:
        return owner
    names = ", ".join(format_path(p[1:2]) if p[:1] == ("services",) else format_path(p[:-1]) for p in site.paths)
    return f"{owner} (used by {names})"


def drop(ctx: Context, site: Site, message: str, *, lossy: bool = True) -> None:
    """Delete the key where it is defined and record the loss for every path that read it."""
    yamledit.delete_key(site.dm, site.key)
    ctx.warn(site.path, message, lossy=lossy, also=tuple(site.paths))


def scalar_text(value: Any) -> str:
    """The text of a number or string scalar as a person wrote it (1.5 -> "1.5")."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (ScalarFloat, float)):
        text = repr(float(value))
        return text[:-2] if text.endswith(".0") else text
    return str(value)


def as_string(value: Any) -> Any:
    """A value 3.x types as a string: numbers become quoted strings, strings stay as written."""
    if isinstance(value, str):
        return value
    return yamledit.quote_scalar(scalar_text(value))


def move_into(ctx: Context, site: Site, dest: Sequence[str], value: Any, message: str) -> None:
    """Move the key to `dest` (e.g. deploy.resources.limits.cpus) inside the mapping that defines it.

    A new top key (`deploy`) takes the place of the moved key; an existing one gets the value
    nested in it.  When the key comes from a `<<` merge and a service that merges it has its
    own `dest[0]`, the merged one would be hidden: refuse rather than lose the setting.
    """
    dm, key = site.dm, site.key
    top = dest[0]
    shadowing = [p for p in site.paths if p[:-1] != site.path[:-1] and _own_key(ctx, p[:-1], top)]
    if shadowing:
        svc = format_path(shadowing[0][:-1])
        raise MigrationError(
            f"{format_path(site.path)} reaches {svc} through a `<<` merge, but {svc} has its own `{top}`, "
            f"which would hide the moved value: move `{key}` into {svc}.{'.'.join(dest[:-1])} by hand, "
            "or target the Compose Specification",
            path=format_path(site.path),
        )
    hidden = next((m for m in yamledit.merge_sources(dm) if key in m), None) if key in dm._ok else None
    if hidden is not None:
        # Moving the own key away would let the merged one through, unmoved.
        src = path_of(ctx.tree, yamledit.defining_map(hidden, key))
        raise MigrationError(
            f"{format_path(site.path[:-1])} sets its own `{key}` over the one it gets through `<<` from "
            f"{format_path(src or ()) or 'an anchor'}; moving its own would bring that one back: take `{key}` "
            "out of one of them by hand, or target the Compose Specification",
            path=format_path(site.path),
        )
    if top in dm and not isinstance(dm[top], CommentedMap):
        raise MigrationError(f"{format_path(site.path[:-1])}.{top} is not a mapping", path=format_path(site.path))
    if top not in dm:
        nested: Any = value
        for part in reversed(dest[1:]):
            nested = yamledit.new_map([(part, nested)])
        yamledit.replace_key(dm, key, top, nested)
    else:
        if yamledit.is_merged_key(dm, top):
            src = path_of(ctx.tree, yamledit.defining_map(dm, top))
            owner = format_path(src or ()) or "an anchor"
            # The merged `top` may be one this run just made there from the source's own keys.
            made = src is not None and yamlpath.get(ctx.doc.data, (*src, top)) is None
            svc = format_path(site.path[:-1])
            raise MigrationError(
                f"{svc} gets `{top}` through `<<` from {owner}"
                + (" (made there by this migration)" if made else "")
                + f", and its own `{key}` cannot go into that one: give {svc} its own `{top}:` by hand "
                f"(with what it should keep from {owner}), or target the Compose Specification",
                path=format_path(site.path),
            )
        cur = dm[top]
        for part in dest[1:-1]:
            cur = yamledit.ensure_map(cur, part)
        if dest[-1] in cur:
            raise MigrationError(
                f"{format_path(site.path)} and {format_path(site.path[:-1])}.{'.'.join(dest)} are both set; "
                "keep one of them",
                path=format_path(site.path),
            )
        yamledit.insert_key(cur, dest[-1], value)
        yamledit.delete_key(dm, key)
    also = [p for reader in site.paths for p in (reader, (*reader[:-1], top))]
    ctx.change(site.path, message, also=(*also, (*site.path[:-1], top)))


def _own_key(ctx: Context, path: PathParts, key: str) -> bool:
    node: Any = ctx.tree
    for part in path:
        node = node[part]
    return isinstance(node, CommentedMap) and key in node._ok
