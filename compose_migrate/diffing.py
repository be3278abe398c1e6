"""Semantic diff: what a migration changed in meaning, not in text.

Both sides are brought to one engine-independent plain model, so a lossless
rewrite shows no difference at all and every remaining difference is
something a rule must account for:

* v1 layout wrapped under `services`, `version` dropped, null sections {};
* ports and service volumes in long form (`target`, `published`, `host_ip`,
  `protocol` / `type`, `source`, `target`, `read_only`); port ranges stay
  strings, and a legacy integer (YAML 1.1 read `2122:22` as 127342) stays that
  integer, so the diff shows what an old reader really saw;
* `environment`, `labels`, `extra_hosts`, `sysctls`, build `args`/`labels`
  as mappings; `depends_on` as a mapping with its condition; service
  `networks` as a mapping;
* `external: {name: X}` as `external: true` + `name: X`, `build: ctx` as
  `{context: ctx}`, `pull_policy: if_not_present` as `missing`.

Anchors and merges are already expanded by the reader.  deepdiff works on
plain copies only: ruamel's comment metadata would be noise.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import Any

from .plain import jsonable, nulls_to_empty
from .versions import ComposeVersion
from .yamlpath import format_path

__all__ = ["DiffItem", "describe_diff", "normalise", "semantic_diff", "unexplained"]


@dataclass(frozen=True)
class DiffItem:
    path: str
    kind: str  # "added", "removed", "changed"
    before: Any = None
    after: Any = None

    def describe(self) -> str:
        if self.kind == "added":
            return f"{self.path}: added {self.after!r}"
        if self.kind == "removed":
            return f"{self.path}: removed (was {self.before!r})"
        return f"{self.path}: {self.before!r} -> {self.after!r}"


# --------------------------------------------------------------------------- the model

_RESOURCE_SECTIONS = ("volumes", "networks", "secrets", "configs")
_MAP_KEYS = ("environment", "labels", "sysctls", "annotations")


def normalise(data: Any, version: ComposeVersion) -> dict[str, Any]:
    """The engine-independent meaning of a document, as plain data."""
    data = jsonable(data) if data is not None else {}
    if not isinstance(data, dict):
        return {"(root)": data}
    if version is ComposeVersion.V1 and "services" not in data:
        services = {k: v for k, v in data.items() if not k.startswith("x-")}
        data = {"services": services, **{k: v for k, v in data.items() if k.startswith("x-")}}
    data = nulls_to_empty(data)
    data.pop("version", None)
    services = data.get("services")
    if isinstance(services, dict):
        names = set(services)
        data["services"] = {
            name: _service(svc, names) if isinstance(svc, dict) else svc for name, svc in services.items()
        }
    for section in _RESOURCE_SECTIONS:
        block = data.get(section)
        if isinstance(block, dict):
            data[section] = {k: _resource(v) if isinstance(v, dict) else v for k, v in block.items()}
    return data


def _resource(body: dict[str, Any]) -> dict[str, Any]:
    out = dict(body)
    ext = out.get("external")
    if isinstance(ext, dict):
        # The 2.x/3.x form `external: {name: X}` means `external: true` + `name: X`.
        if ext.get("name") is not None and "name" not in out:
            out["name"] = ext["name"]
        out["external"] = True
    return out


def _service(svc: dict[str, Any], names: set[str]) -> dict[str, Any]:
    out = dict(svc)
    if isinstance(out.get("build"), str):
        out["build"] = {"context": out["build"]}
    if "dockerfile" in out:  # v1 kept it beside build
        build = out.setdefault("build", {})
        if isinstance(build, dict):
            build["dockerfile"] = out.pop("dockerfile")
    if isinstance(out.get("build"), dict):
        build = dict(out["build"])
        for key in ("args", "labels"):
            if isinstance(build.get(key), list):
                build[key] = _list_to_map(build[key], "=")
            if isinstance(build.get(key), dict):
                build[key] = _stringly(build[key])
        out["build"] = build
    if "net" in out:
        net = out.pop("net")
        if isinstance(net, str) and net.startswith("container:") and net.split(":", 1)[1] in names:
            net = "service:" + net.split(":", 1)[1]
        out["network_mode"] = net
    if "log_driver" in out or "log_opt" in out:
        logging: dict[str, Any] = {}
        if "log_driver" in out:
            logging["driver"] = out.pop("log_driver")
        if "log_opt" in out:
            logging["options"] = out.pop("log_opt")
        out["logging"] = logging
    for key in _MAP_KEYS:
        if isinstance(out.get(key), list):
            out[key] = _list_to_map(out[key], "=")
        if isinstance(out.get(key), dict):
            out[key] = _stringly(out[key])
    if isinstance(out.get("extra_hosts"), list):
        out["extra_hosts"] = _hosts_to_map(out["extra_hosts"])
    if "depends_on" in out:
        out["depends_on"] = _depends_on(out["depends_on"])
    if isinstance(out.get("networks"), list):
        out["networks"] = {str(n): {} for n in out["networks"]}
    elif isinstance(out.get("networks"), dict):
        out["networks"] = {k: ({} if v is None else v) for k, v in out["networks"].items()}
    if isinstance(out.get("ports"), list):
        out["ports"] = [_port(p) for p in out["ports"]]
    if isinstance(out.get("volumes"), list):
        out["volumes"] = [_volume(v) for v in out["volumes"]]
    if out.get("pull_policy") == "if_not_present":
        out["pull_policy"] = "missing"
    return out


def _stringly(values: dict[str, Any]) -> dict[str, Any]:
    """Numbers in string maps are passed on as text (`A: 1` is `A=1`)."""
    return {k: str(v) if isinstance(v, (int, float)) and not isinstance(v, bool) else v for k, v in values.items()}


def _list_to_map(items: list[Any], sep: str) -> dict[str, Any]:
    result: dict[str, Any] = {}
    for item in items:
        key, found, value = str(item).partition(sep)
        result[key] = value if found else None
    return result


def _hosts_to_map(items: list[Any]) -> dict[str, Any]:
    # `host:ip` (every version) or `host=ip` (Compose Specification).
    result: dict[str, Any] = {}
    for item in items:
        text = str(item)
        sep = "=" if "=" in text else ":"
        key, _found, value = text.partition(sep)
        result[key] = value
    return result


def _depends_on(value: Any) -> Any:
    if isinstance(value, list):
        return {str(n): {"condition": "service_started"} for n in value}
    if isinstance(value, dict):
        out: dict[str, Any] = {}
        for name, body in value.items():
            body = dict(body) if isinstance(body, dict) else {}
            body.setdefault("condition", "service_started")
            # Defaults written out or left out mean the same.
            if body.get("required") is True:
                body.pop("required")
            if body.get("restart") is False:
                body.pop("restart")
            out[name] = body
        return out
    return value


_PORT_RX = re.compile(
    r"^(?:(?P<ip>\[[^\]]*\]|[^:\[\]]*):)??(?:(?P<published>[^:]*):)?(?P<target>[^:/]+)(?:/(?P<protocol>\w+))?$"
)


def _port(entry: Any) -> Any:
    if isinstance(entry, dict):
        out = dict(entry)
        if out.get("published") is not None:
            out["published"] = str(out["published"])
        out.setdefault("protocol", "tcp")
        if out.get("mode") == "ingress":
            out.pop("mode")
        return out
    if isinstance(entry, bool) or not isinstance(entry, (int, str)):
        return entry
    if isinstance(entry, int):
        # A plain number is a container port -- or what YAML 1.1 made of `h:c` (base 60).
        return {"target": entry, "protocol": "tcp"}
    m = _PORT_RX.match(entry)
    if m is None:
        return entry
    port: dict[str, Any] = {}
    target = m["target"]
    port["target"] = int(target) if target.isdigit() else target  # ranges and ${VAR} stay text
    if m["published"]:
        port["published"] = m["published"]
    if m["ip"]:
        port["host_ip"] = m["ip"].strip("[]")
    port["protocol"] = m["protocol"] or "tcp"
    return port


def _volume(entry: Any) -> Any:
    if isinstance(entry, dict):
        out = dict(entry)
        if not out.get("read_only"):
            out.pop("read_only", None)
        return out
    if not isinstance(entry, str):
        return entry
    parts = entry.split(":")
    # A Windows drive letter (`C:\data`) is part of the source, not a separator.
    if len(parts) > 1 and len(parts[0]) == 1 and parts[0].isalpha() and parts[1][:1] in ("\\", "/"):
        parts = [parts[0] + ":" + parts[1], *parts[2:]]
    if len(parts) == 1:
        return {"type": "volume", "target": parts[0]}
    source, target = parts[0], parts[1]
    options = parts[2].split(",") if len(parts) > 2 else []
    bind = source.startswith((".", "/", "~", "$")) or "/" in source or "\\" in source
    vol: dict[str, Any] = {"type": "bind" if bind else "volume", "source": source, "target": target}
    if "ro" in options:
        vol["read_only"] = True
    rest = [o for o in options if o not in ("ro", "rw")]
    if rest:
        vol["mode"] = ",".join(rest)
    return vol


# --------------------------------------------------------------------------- the diff


def semantic_diff(before: Any, before_v: ComposeVersion, after: Any, after_v: ComposeVersion) -> list[DiffItem]:
    """Differences between two documents' normalised models."""
    a = normalise(before, before_v)
    b = normalise(after, after_v)
    if a == b:
        return []  # the common case, without deepdiff's ~200 ms import
    from deepdiff import DeepDiff

    dd = DeepDiff(a, b, view="tree", verbose_level=2)
    items: list[DiffItem] = []
    for report, levels in dd.items():
        kind = "added" if report.endswith("_added") else "removed" if report.endswith("_removed") else "changed"
        for level in levels:
            path = format_path(tuple(level.path(output_format="list")))
            before_val = None if kind == "added" else level.t1
            after_val = None if kind == "removed" else level.t2
            items.append(DiffItem(path, kind, before_val, after_val))
    items.sort(key=lambda d: d.path)
    return items


def _covers(touched: str, path: str) -> bool:
    if touched == path:
        return True
    return any(b.startswith(a) and b[len(a) : len(a) + 1] in (".", "[") for a, b in ((touched, path), (path, touched)))


def unexplained(diff: list[DiffItem], touched: list[str]) -> list[DiffItem]:
    """Differences that no recorded change or warning accounts for."""
    return [d for d in diff if not any(_covers(t, d.path) for t in touched)]


def _show(value: Any) -> str:
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, bool) or value is None:
        return json.dumps(value)
    if isinstance(value, (dict, list)):
        text = json.dumps(value, ensure_ascii=False, sort_keys=False)
        return text if len(text) <= 80 else text[:77] + "..."
    return str(value)


def _kind_of(value: Any) -> str:
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, (int, float)):
        return "number"
    if isinstance(value, str):
        return "text"
    if isinstance(value, dict):
        return "mapping"
    if isinstance(value, list):
        return "list"
    return "null" if value is None else type(value).__name__


def describe_diff(items: list[DiffItem]) -> list[str]:
    """One plain sentence per difference, for people (`migrate --explain`)."""
    lines: list[str] = []
    for d in items:
        if d.kind == "added":
            lines.append(f"{d.path} is new: {_show(d.after)}")
        elif d.kind == "removed":
            lines.append(f"{d.path} is gone (it was {_show(d.before)})")
        elif _kind_of(d.before) != _kind_of(d.after):
            lines.append(
                f"{d.path} was the {_kind_of(d.before)} {_show(d.before)} and is now the "
                f"{_kind_of(d.after)} {_show(d.after)}"
            )
        else:
            lines.append(f"{d.path} changed from {_show(d.before)} to {_show(d.after)}")
    return lines
