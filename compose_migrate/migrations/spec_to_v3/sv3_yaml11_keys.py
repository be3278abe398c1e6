"""SV3-8: plain keys YAML 1.1 reads as something else (`NO:` is false, `~:` null) are quoted as written."""

from __future__ import annotations

from ...yaml11 import resolve_plain_12
from ..base import Context, Rule
from ..yaml11_quoting import QuotableKey, find_quotable_keys, old_key_reading, quote_key_at

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
        # readings=True: the round-trip reader (YAML 1.2) made `1.50:` the float 1.5, `~:` None.
        if quote_key_at(ctx.tree, q.path, q.text, readings=True):
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
