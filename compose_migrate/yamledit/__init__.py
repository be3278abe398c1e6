"""Comment- and position-keeping edits of a ruamel.yaml round-trip tree.

Migration rules edit `CommentedMap` / `CommentedSeq` trees only through these helpers, so the
knowledge of where ruamel keeps comments lives in one tested place.

The modules:

* maps: mapping edits (delete, rename, replace, insert, move, wrap_under, ensure_map,
  set_scalar, set_collection_style).
* seqs: sequence edits (seq_append, seq_remove).
* nodes: new nodes with an explicit style (quote_scalar, new_map, new_seq).
* merges: keys that come in through `<<` merges (own_keys, is_merged_key, merge_sources,
  defining_map, MergedKeyError); editing such a key where it is only visible would not stick.
* _comments: the private plumbing of ruamel's comment tokens and output columns that every edit
  goes through; its docstring describes where ruamel keeps the text between entries.
"""

from __future__ import annotations

from ._comments import Container as Container
from .maps import (
    delete_key,
    ensure_map,
    insert_key,
    move_key,
    rename_key,
    replace_key,
    set_collection_style,
    set_scalar,
    wrap_under,
)
from .merges import MergedKeyError, defining_map, is_merged_key, merge_sources, own_keys
from .nodes import new_map, new_seq, quote_scalar
from .seqs import seq_append, seq_remove

__all__ = [
    "MergedKeyError",
    "defining_map",
    "delete_key",
    "ensure_map",
    "insert_key",
    "is_merged_key",
    "merge_sources",
    "move_key",
    "new_map",
    "new_seq",
    "own_keys",
    "quote_scalar",
    "rename_key",
    "replace_key",
    "seq_append",
    "seq_remove",
    "set_collection_style",
    "set_scalar",
    "wrap_under",
]
