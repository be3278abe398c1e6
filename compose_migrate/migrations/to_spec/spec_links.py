"""S-7: `links` become `depends_on` entries; a link alias becomes a network alias on the linked service."""

from __future__ import annotations

from ruamel.yaml.comments import CommentedMap, CommentedSeq

from ... import yamledit
from ...yamlpath import PathParts
from ..base import LOSSY, Context, Rule

RULE = Rule(
    __name__,
    "S-7",
    order=50,
    kind=LOSSY,
    before='version: "3.8"\nservices:\n  app:\n    image: example/app:1\n    links:\n      - "db:mysql"\n'
    "  db:\n    image: mysql:8.0\n",
    after="services:\n  app:\n    image: example/app:1\n    depends_on:\n      - db\n  db:\n    image: mysql:8.0\n"
    "    networks:\n      default:\n        aliases:\n          - mysql\n",
)


def _networks(svc: CommentedMap) -> list[str] | None:
    """The networks a service is on (None: it uses network_mode and has none)."""
    if "network_mode" in svc:
        return None
    nets = svc.get("networks")
    if isinstance(nets, dict):
        return [str(n) for n in nets]
    if isinstance(nets, list):
        return [str(n) for n in nets]
    return ["default"]


def _add_alias(target: CommentedMap, network: str, alias: str) -> bool:
    """Give `target` the alias on `network`, turning a list of networks into a mapping if needed."""
    nets = target.get("networks")
    if nets is None:
        entry = yamledit.new_map({"aliases": yamledit.new_seq([alias])})
        if "networks" in target:
            yamledit.set_scalar(target, "networks", yamledit.new_map({network: entry}))
        else:
            yamledit.insert_key(target, "networks", yamledit.new_map({network: entry}))
        return True
    if isinstance(nets, CommentedSeq):
        as_map = yamledit.new_map({str(n): None for n in nets})
        yamledit.replace_key(target, "networks", "networks", as_map)
        nets = as_map
    if not isinstance(nets, CommentedMap):
        return False
    body = nets.get(network)
    if not isinstance(body, CommentedMap):
        if body is not None:
            return False
        yamledit.replace_key(nets, network, network, yamledit.new_map({"aliases": yamledit.new_seq([alias])}))
        return True
    aliases = body.get("aliases")
    if aliases is None:
        yamledit.insert_key(body, "aliases", yamledit.new_seq([alias]))
        return True
    if isinstance(aliases, CommentedSeq):
        yamledit.seq_append(aliases, alias)  # already there is fine too
        return True
    return False


def _add_depends(svc: CommentedMap, targets: list[str]) -> None:
    deps = svc.get("depends_on")
    if isinstance(deps, CommentedSeq):
        for t in targets:
            yamledit.seq_append(deps, t)
    elif isinstance(deps, CommentedMap):
        for t in targets:
            if t not in deps:
                yamledit.insert_key(deps, t, yamledit.new_map({"condition": "service_started"}))


@RULE.register
def apply(ctx: Context) -> None:
    services = dict(ctx.services())
    for name, svc in services.items():
        links = svc.get("links")
        if "links" not in svc._ok or not isinstance(links, CommentedSeq):
            continue
        links_path = ctx.svc_path(name, "links")
        mine = _networks(svc)
        done: list[int] = []
        targets: list[str] = []
        also: list[PathParts] = [ctx.svc_path(name, "depends_on")]
        for i, link in enumerate(links):
            target, _sep, alias = str(link).partition(":")
            item = (*links_path, i)
            other = services.get(target)
            if other is None:
                ctx.warn(
                    item,
                    f"link to {target!r}, which is not a service of this file, is kept: links stay valid in the "
                    "Specification, but the container must share a network with this service",
                    lossy=False,
                )
                continue
            if alias and alias != target:
                theirs = _networks(other)
                shared = [n for n in theirs or [] if mine is not None and n in mine]
                if not shared or not _alias_all(other, shared, alias):
                    ctx.warn(
                        item,
                        f"link alias {alias!r} is kept as a link: {target} and {name} share no network the alias "
                        f"could be put on; give {target} the network alias {alias!r} on a network both use",
                        lossy=False,
                    )
                    continue
                nets_path = ctx.svc_path(target, "networks")
                also.append(nets_path)
                where = ", ".join(repr(n) for n in shared)
                ctx.warn(
                    item,
                    f"link alias {alias!r} became a network alias of {target} on {where}: a network alias is "
                    f"visible to every service on that network, a link alias only to {name}. If other services "
                    f"must not resolve {alias!r}, put {name} and {target} on a network of their own",
                    also=(nets_path,),
                )
            done.append(i)
            if target not in targets:
                targets.append(target)
        if not done:
            continue
        if len(done) == len(links) and "depends_on" not in svc:
            yamledit.replace_key(svc, "links", "depends_on", yamledit.new_seq(targets))
        else:
            for i in reversed(done):
                yamledit.seq_remove(links, i)
            if not links:
                yamledit.delete_key(svc, "links")
            if "depends_on" not in svc:
                yamledit.insert_key(svc, "depends_on", yamledit.new_seq(targets))
            else:
                _add_depends(svc, targets)
        ctx.change(
            links_path,
            f"links to {', '.join(targets)} written as depends_on (the start order links implied); "
            "services reach each other by name on their shared network",
            also=tuple(also),
        )


def _alias_all(target: CommentedMap, networks: list[str], alias: str) -> bool:
    ok = True
    for n in networks:
        ok = _add_alias(target, n, alias) and ok
    return ok
