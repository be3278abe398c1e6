"""V1-10: `links` become `depends_on` plus a shared `links` network; a link alias becomes a network alias of the target.

Design of the dedicated network (compose-format-versions.md §3.1 V1-9/V1-10):

* One network, named `links` (what it replaces, so people recognise it),
  declared at the end of the file under top-level `networks:` with
  `driver: bridge`.  Compose names it `<project>_links`.
* Every service taking part in a link, on either side, joins it; services
  that had no link stay on the default network, as they were.  In v1 only a
  link gave a name to resolve; on `links` every member resolves every other
  member's service name, so the warning says the visibility widened.
* A link alias (`db:database`) becomes a network alias of the TARGET (`db`)
  on `links`: that is where the name must resolve.  The consumer gets no alias.
* `depends_on` keeps the start order a link implied; it takes the place of
  `links` in the service, and the service's `networks` goes right after it.
* A service with `net`/`network_mode` cannot join networks: its links stay
  as they are, or it is left off the network, and a warning says so.
"""

from __future__ import annotations

from typing import Any

from ... import yamledit
from ..base import Context, Rule

NETWORK = "links"

RULE = Rule(
    __name__,
    "V1-10",
    order=100,
    before="web:\n  image: example/web:1\n  links:\n    - db:database\ndb:\n  image: postgres:16\n",
    after='version: "2"\nservices:\n  web:\n    image: example/web:1\n    depends_on:\n      - db\n'
    "    networks:\n      - links\n  db:\n    image: postgres:16\n    networks:\n      links:\n"
    "        aliases:\n          - database\nnetworks:\n  links:\n    driver: bridge\n",
)


def parse_link(entry: str) -> tuple[str, str | None]:
    """`db` -> ("db", None); `db:database` -> ("db", "database")."""
    target, _, alias = entry.partition(":")
    return target, (alias if alias and alias != target else None)


def _net_key(svc: Any) -> str | None:
    return next((k for k in ("network_mode", "net") if k in svc), None)


@RULE.register
def apply(ctx: Context) -> None:
    services = dict(ctx.services())
    consumers: dict[str, list[tuple[str, str | None]]] = {}
    for name, svc in services.items():
        links = svc.get("links")
        if not isinstance(links, list) or not links:
            continue
        path = ctx.svc_path(name, "links")
        parsed = [parse_link(e) if isinstance(e, str) else ("", None) for e in links]
        unknown = [t or "?" for t, _a in parsed if t not in services]
        if unknown:
            ctx.warn(path, f"kept `links`: {', '.join(unknown)} is not a service of this file")
            continue
        net = _net_key(svc)
        if net is not None or "networks" in svc or "depends_on" in svc:
            why = f"`{net}: {svc[net]}` cannot be combined with networks" if net else "it already has networks"
            ctx.warn(path, f"kept `links` as they are: {why}; check that `{name}` still reaches {_names(parsed)}")
            continue
        consumers[name] = parsed
    if not consumers:
        return

    # Who joins, and which aliases each target answers to.
    members: list[str] = []
    aliases: dict[str, list[str]] = {}
    for consumer, parsed in consumers.items():
        for who in (consumer, *(t for t, _a in parsed)):
            if who not in members:
                members.append(who)
        for target, alias in parsed:
            if alias is not None and alias not in aliases.setdefault(target, []):
                aliases[target].append(alias)
    members.sort(key=list(services).index)

    for consumer in consumers:
        _links_to_depends_on(ctx, consumer, services[consumer])
    joined: list[str] = []
    for name in members:
        svc = services[name]
        net = _net_key(svc)
        if net is not None:
            ctx.warn(
                ctx.svc_path(name, net),
                f"`{name}` is a link target but uses `{net}: {svc[net]}`, so it cannot join the network "
                f"`{NETWORK}`: services linking to it must reach it another way (its host or container network)",
            )
            continue
        _join(ctx, name, svc, aliases.get(name, []))
        joined.append(name)

    top = yamledit.ensure_map(ctx.tree, "networks")
    if NETWORK not in top:
        yamledit.insert_key(top, NETWORK, yamledit.new_map({"driver": "bridge"}))
        ctx.change(("networks", NETWORK), f"declared the network `{NETWORK}` for the services that used links")
    _warn_widening(ctx, consumers, joined, aliases, services)


def _names(parsed: list[tuple[str, str | None]]) -> str:
    return ", ".join(f"`{t}`" for t, _a in parsed)


def _links_to_depends_on(ctx: Context, name: str, svc: Any) -> None:
    links = svc["links"]
    before = [str(e) for e in links]
    yamledit.rename_key(svc, "links", "depends_on")
    targets = [parse_link(e)[0] for e in before]
    for i in reversed([i for i, t in enumerate(targets) if t in targets[:i]]):
        yamledit.seq_remove(links, i)  # `db` and `db:database`: one dependency
    for i, entry in enumerate(links):
        target = parse_link(str(entry))[0]
        if target != entry:
            yamledit.set_scalar(links, i, target)
    ctx.change(
        ctx.svc_path(name, "depends_on"),
        f"`links: [{', '.join(before)}]` -> `depends_on` (start order) and the network `{NETWORK}` (names)",
        also=(ctx.svc_path(name, "links"),),
    )


def _join(ctx: Context, name: str, svc: Any, alias_list: list[str]) -> None:
    value: Any
    if alias_list:
        value = yamledit.new_map({NETWORK: yamledit.new_map({"aliases": yamledit.new_seq(alias_list)})})
    else:
        value = yamledit.new_seq([NETWORK])
    if "depends_on" in svc:
        yamledit.insert_key(svc, "networks", value, after="depends_on")
    else:
        yamledit.insert_key(svc, "networks", value)
    shown = f" with the alias(es) {', '.join(alias_list)}" if alias_list else ""
    ctx.change(ctx.svc_path(name, "networks"), f"`{name}` joins the network `{NETWORK}`{shown}")


def _warn_widening(
    ctx: Context,
    consumers: dict[str, list[tuple[str, str | None]]],
    joined: list[str],
    aliases: dict[str, list[str]],
    services: dict[str, Any],
) -> None:
    # Reported at the first `links:` of the file, the line people know.
    path = ctx.svc_path(next(iter(consumers)), "links")
    others = [n for n in services if n not in joined and _net_key(services[n]) is None]
    stay = (
        f" Services without links ({', '.join(others)}) stay on the default network and share none with "
        f"these (in v1 every container sat on one bridge, reachable by IP); add `{NETWORK}` to their "
        "`networks` if they must reach them."
        if others
        else ""
    )
    ctx.warn(
        path,
        f"every service on `{NETWORK}` ({', '.join(joined)}) can now reach every other one by service name; "
        "a v1 link was one-way (only the linking service could resolve the target)." + stay,
        also=(("networks", NETWORK),),
    )
    owners: dict[str, list[str]] = {}
    for target, names in aliases.items():
        users = [c for c, parsed in consumers.items() if any(t == target and a in names for t, a in parsed)]
        for alias in names:
            owners.setdefault(alias, []).append(target)
            ctx.warn(
                ctx.svc_path(users[0], "links"),
                f"the link alias `{alias}` of `{target}` was visible only to {', '.join(users)}; as a network "
                f"alias every service on `{NETWORK}` resolves it",
                also=(ctx.svc_path(target, "networks"),),
            )
    for alias, targets in owners.items():
        clash = [*targets, *([alias] if alias in services and alias not in targets else [])]
        if len(clash) > 1:
            ctx.warn(
                path,
                f"the name `{alias}` now resolves to more than one service on `{NETWORK}` "
                f"({', '.join(clash)}): each link alias was private to its consumer in v1. "
                "Give the aliases distinct names (and update the services that use them), or put each pair "
                "on its own network",
                also=(("networks", NETWORK),),
            )
