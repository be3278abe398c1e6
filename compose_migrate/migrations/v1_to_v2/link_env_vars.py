"""V1-10: uses of legacy link environment variables (`DB_PORT_5432_TCP_ADDR`, `DB_ENV_X`) are reported."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from ...yamlpath import PathParts
from ..base import Context, Rule

RULE = Rule(
    __name__,
    "V1-10",
    order=90,  # before links_to_network turns `links` into `depends_on`
    before="web:\n  image: example/web:1\n  links:\n    - db\n  environment:\n"
    "    DATABASE_HOST: $DB_PORT_5432_TCP_ADDR\ndb:\n  image: postgres:16\n",
    after='version: "2"\nservices:\n  web:\n    image: example/web:1\n    depends_on:\n      - db\n'
    "    networks:\n      - links\n    environment:\n      DATABASE_HOST: $DB_PORT_5432_TCP_ADDR\n"
    "  db:\n    image: postgres:16\n    networks:\n      - links\nnetworks:\n  links:\n    driver: bridge\n",
)

# The shape Docker gave every link, whatever its name: <ALIAS>_PORT_<n>_<TCP|UDP>[_ADDR|_PORT|_PROTO].
_ANY_LINK_PORT = re.compile(r"\b[A-Z][A-Z0-9_]*_PORT_\d+_(?:TCP|UDP)(?:_ADDR|_PORT|_PROTO)?\b")


def _prefix(name: str) -> str:
    return re.sub(r"[^A-Z0-9]", "_", name.upper())


def _link_names(svc: Any) -> list[str]:
    names: list[str] = []
    for entry in svc.get("links") or []:
        if isinstance(entry, str):
            target, _, alias = entry.partition(":")
            names.append(alias or target)
    return names


def scanned_values(ctx: Context, name: str, svc: Any) -> Iterator[tuple[PathParts, str]]:
    """(path, text) of every string in `environment`, `command` and `entrypoint`."""
    for key in ("environment", "command", "entrypoint"):
        value = svc.get(key)
        if isinstance(value, str):
            yield ctx.svc_path(name, key), value
        elif isinstance(value, list):
            for i, item in enumerate(value):
                if isinstance(item, str):
                    yield ctx.svc_path(name, key, i), item
        elif isinstance(value, dict):
            for k, v in value.items():
                if isinstance(v, str):
                    yield ctx.svc_path(name, key, k), v


@RULE.register
def apply(ctx: Context) -> None:
    # Docker injected these only for links on the legacy bridge; on a 2.x
    # project network links make no variables at all, so a value built from
    # them ends up empty.  Use the service name (or alias) and the known port.
    for name, svc in ctx.services():
        prefixes = sorted({_prefix(n) for n in _link_names(svc)})
        own = (
            re.compile(r"\b(?:" + "|".join(map(re.escape, prefixes)) + r")_(?:PORT(?:_\w+)?|NAME|ENV_\w+)\b")
            if prefixes
            else None
        )
        for path, text in scanned_values(ctx, name, svc):
            found = set(_ANY_LINK_PORT.findall(text))
            if own is not None:
                found.update(m.group(0) for m in own.finditer(text))
            if isinstance(path[-1], str) and path[-2] == "environment":
                found.discard(str(path[-1]))  # setting such a variable yourself is fine
            if found:
                shown = ", ".join(f"`{v}`" for v in sorted(found))
                ctx.warn(
                    path,
                    f"{shown}: legacy link environment variables are not set in 2.x (links on a Compose network "
                    "create none); use the service name or alias as host name and the port the service listens on",
                )
