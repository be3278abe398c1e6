"""Keys a mapping gets through `<<` merges, and positions that count the `<<` entry.

ruamel stores keys that come in through `<<` merges in the mapping too; ``m._ok`` holds the
own keys.  Editing a merged key where it is only visible would not stick (or would break the
maps that share the anchor), so every edit checks here first and keeps referers in sync.
"""

from __future__ import annotations

from typing import Any

from ruamel.yaml.comments import CommentedMap, merge_attrib
from ruamel.yaml.compat import ordereddict


class MergedKeyError(KeyError):
    """A key that a mapping only gets through a `<<` merge was edited as if it were its own."""


def own_keys(m: CommentedMap) -> list[Any]:
    """Keys written in this mapping itself, in order (merged `<<` keys excluded)."""
    return [k for k in m if k in m._ok]


def is_merged_key(m: CommentedMap, key: Any) -> bool:
    """True if `key` is visible in `m` only through a `<<` merge (editing it here would not stick)."""
    return key in m and key not in m._ok


def merge_sources(m: CommentedMap) -> list[CommentedMap]:
    """The mappings merged into `m` with `<<`, in priority order."""
    merged = getattr(m, merge_attrib, None)
    if merged is None:
        return []
    return list(getattr(merged, "value", merged))


def defining_map(m: CommentedMap, key: Any) -> CommentedMap:
    """The mapping that actually defines `key` for `m` (itself or an anchored merge source)."""
    if key in m._ok:
        return m
    for source in merge_sources(m):
        if key in source:
            return defining_map(source, key)
    raise KeyError(key)


def _check_own(m: CommentedMap, key: Any) -> None:
    if is_merged_key(m, key):
        raise MergedKeyError(f"{key!r} comes from a '<<' merge; edit it in defining_map(m, {key!r})")


def _merge_pos(m: CommentedMap) -> int:
    merged = getattr(m, merge_attrib, None)
    pos = getattr(merged, "merge_pos", None)
    return pos if isinstance(pos, int) else -1


def _src_pos(m: CommentedMap, own_index: int) -> int:
    """Position counting the `<<` entry, as `CommentedMap.insert` expects it."""
    merge_pos = _merge_pos(m)
    return own_index + 1 if 0 <= merge_pos <= own_index else own_index


def _resolve_pos(m: CommentedMap, after: Any = None, before: Any = None, index: int | None = None) -> tuple[int, int]:
    """(own index, source position) where a new key goes: after/before a sibling, at index, or last."""
    own = own_keys(m)
    merge_pos = _merge_pos(m)
    if after is not None:
        src = _src_pos(m, own.index(after)) + 1
    elif before is not None:
        src = _src_pos(m, own.index(before))
    elif index is not None:
        src = _src_pos(m, index) if index < len(own) else len(own) + (merge_pos >= 0)
    else:
        src = len(own) + (merge_pos >= 0)
    own_index = src - 1 if 0 <= merge_pos < src else src
    return own_index, src


def _refresh_merged(m: CommentedMap, key: Any) -> None:
    """Make maps that merge `m` see its current `key` (ruamel 0.19.1 `update_key_value` breaks here)."""
    for referer in list(m._ref):
        if key in referer._ok:
            continue
        for source in merge_sources(referer):
            if key in source:
                ordereddict.__setitem__(referer, key, source[key])
                break
        else:
            if ordereddict.__contains__(referer, key):
                ordereddict.__delitem__(referer, key)
        _refresh_merged(referer, key)


def _del(m: CommentedMap, key: Any) -> None:
    """`del m[key]` without ruamel's referer update, which raises KeyError for anchored maps."""
    refs = m._ref
    m._ref = []
    try:
        del m[key]
    finally:
        m._ref = refs
    _refresh_merged(m, key)
