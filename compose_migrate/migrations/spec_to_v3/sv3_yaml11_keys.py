"""SV3-8: plain keys YAML 1.1 reads as something else (`NO:` is false, `~:` null) are quoted as written."""

from __future__ import annotations

from typing import Any

from ruamel.yaml.comments import CommentedMap
from ruamel.yaml.scalarstring import DoubleQuotedScalarString

from ... import yamledit
from ...yaml11 import resolve_plain_12
from ...yamlpath import PathParts
from ..base import Context, Rule
from ..yaml11_quoting import QuotableKey, find_quotable_keys, old_key_reading

RULE = Rule(
    __name__,
    "SV3-8",
    order=11,
    before="services:\n  app:\n    image: busybox\n    environment:\n      NO: off\n    labels:\n      on: duty\n",
    after='version: "3.8"\nservices:\n  app:\n    image: busybox\n    environment:\n      "NO": "off"\n'
    '    labels:\n      "on": duty\n',
)


@RULE.register
def apply(ctx: Context) -> None:
    # The same keys `compose-migrate validate` reports for a 3.x file (CM052):
    # PyYAML reads `NO:` as the key False, which docker-compose 1.x passes on
    # as a variable named "False".
    for q in find_quotable_keys(ctx.doc.r11.node):
        if _quote_key(ctx.tree, q.path, q.text):
            _record(ctx, q)


def _record(ctx: Context, q: QuotableKey) -> None:
    v12 = resolve_plain_12(q.text, go_yaml=True)
    old = old_key_reading(q)
    if isinstance(v12, str):
        ctx.change(
            q.path,
            f'key {q.text} quoted as "{q.text}": Compose v2 (YAML 1.2) reads the name {q.text}, '
            f"3.x readers (YAML 1.1) would read {old}",
            also=(q.old_path,),
        )
        return
    # go-yaml read a number, boolean or null: Compose v2 refuses such a key
    # ("non-string key"), so the source had no working meaning to keep.
    seen = "null" if v12 is None else str(v12).lower() if isinstance(v12, bool) else str(v12)
    ctx.warn(
        q.path,
        f"the unquoted key {q.text} is not a name for Compose v2 (YAML 1.2 reads {seen}, a non-string key "
        f'it refuses) nor for 3.x readers (YAML 1.1 reads {old}); it is now quoted as "{q.text}", the text '
        "written. Check that this is the name you meant",
        lossy=False,
        also=(q.old_path,),
    )


def _tree_key(m: CommentedMap, text: str) -> Any:
    """The key of the round-trip mapping written as `text`.

    The round-trip reader (YAML 1.2) made `1.50:` the float 1.5, `~:` None
    and `true:` True, so a key is matched by what it reads as, not only by text.
    """
    readings = (resolve_plain_12(text), resolve_plain_12(text, go_yaml=True))
    for k in m:
        if isinstance(k, str):
            if k == text:
                return k
        elif isinstance(k, bool):
            if str(k).lower() == text.lower():
                return k
        elif k is None:
            if any(r is None for r in readings):
                return k
        elif isinstance(k, (int, float)) and any(
            isinstance(r, (int, float)) and not isinstance(r, bool) and r == k for r in readings
        ):
            return k
    return None


def _quote_key(tree: Any, path: PathParts, text: str) -> bool:
    """Rewrite the key at `path` (every part as written) as the double-quoted `text`."""
    parent = tree
    for part in path[:-1]:
        key = _tree_key(parent, part) if isinstance(parent, CommentedMap) and isinstance(part, str) else part
        try:
            parent = parent[key]
        except (KeyError, IndexError, TypeError):
            return False
    if not isinstance(parent, CommentedMap):
        return False
    old = _tree_key(parent, text)
    if old is None and None not in parent:
        return False
    if isinstance(old, DoubleQuotedScalarString):
        return False  # already quoted (an alias reaches the same mapping twice)
    if yamledit.is_merged_key(parent, old):
        parent = yamledit.defining_map(parent, old)
    # A quoted key equal to the old one as a str would look unchanged to
    # rename_key: replace_key puts the new key object in place, value and comments kept.
    return yamledit.replace_key(parent, old, DoubleQuotedScalarString(text), parent[old])
