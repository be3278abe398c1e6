"""V1-15: plain values and keys YAML 1.1 read differently (`22:22`, `yes`, `OFF:`) are quoted as written."""

from __future__ import annotations

from ...yaml11 import SHORT_BOOL
from ..base import HUMAN, Context, Rule
from ..yaml11_quoting import find_quotable, find_quotable_keys, old_key_reading, old_reading, quote_at, quote_key_at

RULE = Rule(
    __name__,
    "V1-15",
    order=15,  # right after V1-1, while every value is still where the v1 file wrote it
    kind=HUMAN,
    before="ssh:\n  image: example/sshd:1\n  ports:\n    - 2222:22\n",
    after='version: "2"\nservices:\n  ssh:\n    image: example/sshd:1\n    ports:\n      - "2222:22"\n',
)


@RULE.register
def apply(ctx: Context) -> None:
    # docker-compose 1.x read every format with PyYAML (YAML 1.1); Compose v2
    # (go-yaml) and YAML 1.2 tools read the same plain text differently.
    for q in find_quotable(ctx.doc.r11.node, legacy=True, skip_root_keys=lambda key: key == "version"):
        path = q.path if str(q.path[0]).startswith("x-") else ctx.svc_path(*q.path)
        aliases = tuple(a if str(a[0]).startswith("x-") else ctx.svc_path(*a) for a in q.aliases)
        if not quote_at(ctx.tree, path, q.text):
            continue
        ctx.change(path, f'quoted {q.text} as "{q.text}" so every YAML reader sees the text', also=aliases)
        if q.pitfall.code == SHORT_BOOL:
            continue  # PyYAML already read it as this text; only go-yaml v2 differed
        ctx.warn(
            path,
            f"docker-compose 1.x (YAML 1.1) read the unquoted {q.text} as {old_reading(q)}; the file now says "
            f'the text "{q.text}" (what was written, and what Compose v2 reads). If the old reading was '
            f"what the service relied on, write {_literal(q.pitfall.value_11)} instead",
            also=aliases,
        )

    for k in find_quotable_keys(ctx.doc.r11.node, skip_root_keys=lambda key: key == "version"):
        path, old_path = (p if str(p[0]).startswith("x-") else ctx.svc_path(*p) for p in (k.path, k.old_path))
        if not quote_key_at(ctx.tree, path, k.text):
            continue
        # The plain data named the key by what 1.x read (False -> "false"): both paths changed.
        ctx.warn(
            path,
            f"docker-compose 1.x (YAML 1.1) read the unquoted key {k.text} as {old_key_reading(k)}; it is now "
            f'quoted as "{k.text}", the text written and what Compose v2 reads. If the service relied on the '
            f"old key, write it as {_literal(k.old)} instead",
            also=(old_path,),
        )


def _literal(value: object) -> str:
    if isinstance(value, bool):
        return f'"{str(value).lower()}"'
    return f'"{value}"' if isinstance(value, float) else str(value)
