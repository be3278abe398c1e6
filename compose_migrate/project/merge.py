"""Merging located trees by the Compose Specification's rules (and docker-compose 1.x's).

Specification (merge section): mappings merge key by key; sequences append;
`command`, `entrypoint` and `healthcheck.test` are replaced; `ports`,
`volumes`, `secrets` and `configs` merge by their unique key; `!reset`
removes a value and `!override` replaces it whole.  Like compose-go,
`environment`, `labels`, `extra_hosts`, `sysctls`, `build.args`… are merged as
mappings whatever form each file wrote, `depends_on` and service `networks`
as mappings, and `dns`, `expose`, `cap_add`… append without repeats.

Legacy (docker-compose 1.x, `legacy=True`): the same, except that `dns`,
`dns_search`, `env_file` and `tmpfs` accept a string or a list, and
`secrets`/`configs` merge by `source`.
"""

from __future__ import annotations

from typing import Any

from .model import OVERRIDE, RESET, Node, PathParts

# Paths are matched with "*" for any key.
_REPLACED = {("services", "*", "command"), ("services", "*", "entrypoint"), ("services", "*", "healthcheck", "test")}
_AS_MAPPING = {
    ("services", "*", "environment"): "=",
    ("services", "*", "labels"): "=",
    ("services", "*", "annotations"): "=",
    ("services", "*", "sysctls"): "=",
    ("services", "*", "extra_hosts"): "host",
    ("services", "*", "build", "args"): "=",
    ("services", "*", "build", "labels"): "=",
    ("services", "*", "build", "extra_hosts"): "host",
    ("services", "*", "build", "additional_contexts"): "=",
    ("services", "*", "deploy", "labels"): "=",
    ("networks", "*", "labels"): "=",
    ("volumes", "*", "labels"): "=",
    ("secrets", "*", "labels"): "=",
    ("configs", "*", "labels"): "=",
}
_UNIQUE_VALUES = {
    ("services", "*", k)
    for k in (
        "dns",
        "dns_search",
        "dns_opt",
        "expose",
        "cap_add",
        "cap_drop",
        "profiles",
        "tmpfs",
        "external_links",
        "volumes_from",
        "device_cgroup_rules",
        "security_opt",
        "group_add",
    )
} | {
    ("services", "*", "build", "tags"),
    ("services", "*", "build", "platforms"),
    ("services", "*", "build", "cache_from"),
}
_STRING_OR_LIST = {("services", "*", k) for k in ("dns", "dns_search", "env_file", "tmpfs")}


def _matches(path: PathParts, pattern: tuple[str, ...]) -> bool:
    return len(path) == len(pattern) and all(p == "*" or p == str(x) for x, p in zip(path, pattern, strict=True))


def _match_any(path: PathParts, patterns: Any) -> Any:
    for pattern in patterns:
        if _matches(path, pattern):
            return pattern
    return None


def merge(base: Node | None, over: Node, path: PathParts = (), *, legacy: bool = False) -> Node | None:
    """`over` merged onto `base`; None when `!reset` removes the value."""
    if over.tag == RESET:
        return None
    if over.tag == OVERRIDE or base is None:
        return strip_tags(over)
    if _match_any(path, _REPLACED):
        return strip_tags(over)
    sep = _AS_MAPPING.get(_match_any(path, _AS_MAPPING) or ())
    if sep is not None:
        return _merge_mappings(as_mapping(base, sep), as_mapping(over, sep), path, legacy)
    if len(path) == 3 and path[0] == "services":
        special = _service_key(base, over, path, legacy)
        if special is not None:
            return special
    if len(path) == 4 and path[0] == "services" and path[2] == "ulimits" and base.is_map and not over.is_map:
        return strip_tags(over)
    if base.is_map and over.is_map:
        if len(path) == 3 and path[0] == "services" and path[2] == "logging":
            bd, od = base.get("driver"), over.get("driver")
            if bd is not None and od is not None and bd.value != od.value:
                return strip_tags(over)  # another driver: its options do not mix
        return _merge_mappings(base, over, path, legacy)
    if base.is_seq and over.is_seq:
        if _match_any(path, _UNIQUE_VALUES):
            return _unique(base, over, lambda n: repr(n.value if not isinstance(n.value, (dict, list)) else _key(n)))
        return Node([*base.value, *strip_tags(over).value], over.origin)
    return strip_tags(over)


def _service_key(base: Node, over: Node, path: PathParts, legacy: bool) -> Node | None:
    key = path[2]
    if key == "build" and (base.is_map or over.is_map):
        return _merge_mappings(_build_map(base), _build_map(over), path, legacy)
    if key in ("depends_on", "networks") and (base.is_seq or over.is_seq):
        return _merge_mappings(_names_map(base, key), _names_map(over, key), path, legacy)
    if legacy and path[:1] == ("services",) and _match_any(path, _STRING_OR_LIST):
        return _unique(_as_list(base), _as_list(over), lambda n: repr(n.value))
    if not (base.is_seq and over.is_seq):
        return None
    if key == "ports":
        return _unique(base, over, _port_key)
    if key == "volumes":
        return _unique(base, over, _volume_key)
    if key == "devices":
        return _unique(base, over, _device_key)
    if key in ("secrets", "configs"):
        root = "/run/secrets/" if key == "secrets" else "/"
        return _unique(base, over, (lambda n: _source_key(n)) if legacy else (lambda n: _mount_key(n, root)))
    if key == "env_file":
        return _unique(base, over, _env_file_key)
    if key == "links":
        return _unique(base, over, lambda n: str(n.value).split(":")[-1])
    return None


def _merge_mappings(base: Node, over: Node, path: PathParts, legacy: bool) -> Node | None:
    out = dict(base.value)
    for k, v in over.value.items():
        if k.startswith("x-") and len(path) <= 2:
            # Extension fields are replaced whole (compose-go).
            if v.tag == RESET:
                out.pop(k, None)
            else:
                out[k] = strip_tags(v)
            continue
        merged = merge(out.get(k), v, (*path, k), legacy=legacy)
        if merged is None:
            out.pop(k, None)
        else:
            out[k] = merged
    return Node(out, base.origin, None, {**base.meta, **over.meta})


def _unique(base: Node, over: Node, key: Any) -> Node:
    """Append new entries; an entry whose key was seen replaces it in place (last wins)."""
    items: list[Node] = []
    index: dict[Any, int] = {}
    for n in [*base.value, *over.value]:
        if n.tag == RESET:
            continue
        n = strip_tags(n)
        k = key(n)
        if k in index:
            items[index[k]] = n
        else:
            index[k] = len(items)
            items.append(n)
    return Node(items, over.origin)


def strip_tags(node: Node) -> Node:
    """The node with !override/!reset tags dropped throughout (what is left after merging)."""
    if node.tag is None and not isinstance(node.value, (dict, list)):
        return node
    if isinstance(node.value, dict):
        value: Any = {k: strip_tags(v) for k, v in node.value.items() if v.tag != RESET}
    elif isinstance(node.value, list):
        value = [strip_tags(v) for v in node.value if v.tag != RESET]
    else:
        value = node.value
    return Node(value, node.origin, None, node.meta)


# --------------------------------------------------------------------------- forms


def as_mapping(node: Node, sep: str) -> Node:
    """`["A=1", "B"]` as `{A: "1", B: null}` (extra_hosts: `host:ip` or `host=ip`)."""
    if not node.is_seq:
        return node
    out: dict[str, Node] = {}
    for item in node.value:
        text = str(item.value)
        s = sep
        if sep == "host":
            s = "=" if "=" in text else ":"
        k, found, v = text.partition(s)
        out[k] = Node(v if found else None, item.origin)
    return Node(out, node.origin, node.tag)


def _build_map(node: Node) -> Node:
    if node.is_map:
        return node
    return Node({"context": Node(node.value, node.origin)}, node.origin, node.tag)


def _names_map(node: Node, key: str) -> Node:
    if not node.is_seq:
        return node
    out: dict[str, Node] = {}
    for item in node.value:
        body: Any = {"condition": Node("service_started", item.origin)} if key == "depends_on" else None
        out[str(item.value)] = Node(body, item.origin)
    return Node(out, node.origin, node.tag)


def _as_list(node: Node) -> Node:
    return node if node.is_seq else Node([node], node.origin)


def _key(node: Node) -> str:
    import json

    from .model import plain

    return json.dumps(plain(node), sort_keys=True, default=str)


def _port_key(n: Node) -> Any:
    from ..diffing import _port

    p = _port(n.value if not n.is_map else {k: v.value for k, v in n.value.items()})
    if not isinstance(p, dict):
        return repr(p)
    return (
        str(p.get("host_ip") or "0.0.0.0"),
        str(p.get("published") or ""),
        str(p.get("target")),
        str(p.get("protocol") or "tcp"),
    )


def _volume_key(n: Node) -> Any:
    if n.is_map:
        t = n.get("target")
        return ("target", str(t.value) if t is not None else _key(n))
    from ..diffing import _volume

    v = _volume(n.value)
    return ("target", str(v["target"])) if isinstance(v, dict) and "target" in v else _key(n)


def _device_key(n: Node) -> Any:
    if n.is_map:
        t = n.get("target")
        return str(t.value) if t is not None else _key(n)
    parts = str(n.value).split(":")
    return parts[1] if len(parts) > 1 else parts[0]


def _mount_key(n: Node, root: str) -> Any:
    if n.is_map:
        t, s = n.get("target"), n.get("source")
        if t is not None:
            return str(t.value)
        return root + str(s.value if s is not None else "")
    return root + str(n.value)


def _source_key(n: Node) -> Any:
    if n.is_map:
        s = n.get("source")
        return str(s.value) if s is not None else _key(n)
    return str(n.value)


def _env_file_key(n: Node) -> Any:
    if n.is_map:
        p = n.get("path")
        return str(p.value) if p is not None else _key(n)
    return str(n.value)
