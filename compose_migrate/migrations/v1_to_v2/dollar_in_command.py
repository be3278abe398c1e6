"""V1-14: `$VAR` in `command`/`entrypoint` is reported: Compose expands it on the host since 1.5."""

from __future__ import annotations

import re
from typing import Any

from ...yamlpath import PathParts
from ..base import HUMAN, Context, Rule

RULE = Rule(
    __name__,
    "V1-14",
    order=140,
    kind=HUMAN,
    before="web:\n  image: example/web:1\n  command: sh -c 'exec app --home $HOME'\n",
    after="version: \"2\"\nservices:\n  web:\n    image: example/web:1\n    command: sh -c 'exec app --home $HOME'\n",
)

# `$VAR` or `${VAR...}`, not `$$` (an escaped dollar that reaches the container).
_VAR = re.compile(r"(?<!\$)(?:\$\$)*\$(\{[^}]*\}|[A-Za-z_][A-Za-z0-9_]*)")


def _strings(value: Any, path: PathParts) -> list[tuple[PathParts, str]]:
    if isinstance(value, str):
        return [(path, value)]
    if isinstance(value, list):
        return [(path + (i,), v) for i, v in enumerate(value) if isinstance(v, str)]
    return []


@RULE.register
def apply(ctx: Context) -> None:
    for name, svc in ctx.services():
        for key in ("command", "entrypoint"):
            for path, text in _strings(svc.get(key), ctx.svc_path(name, key)):
                found = sorted({"$" + m.group(1) for m in _VAR.finditer(text)})
                if not found:
                    continue
                shown = ", ".join(f"`{v}`" for v in found)
                ctx.warn(
                    path,
                    f"{shown} in `{key}` is replaced by Compose on the host when the file is read (since "
                    "Compose 1.5; older versions left it to the container's shell). If the container should "
                    f"expand it, write {', '.join(f'`${v}`' for v in found)} instead",
                )
