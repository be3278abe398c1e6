"""Semantic diff: what a migration changed in meaning, not in text.

Both sides are brought to one normalised plain model (v1 layout wrapped under
`services`, short forms expanded, lists that are really mappings turned into
mappings, `version` dropped), so a lossless rewrite shows no difference at
all, and every remaining difference is something a rule must account for.
deepdiff works on plain copies only: ruamel's comment metadata would be noise.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from .plain import jsonable, nulls_to_empty
from .versions import ComposeVersion
from .yamlpath import format_path


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


def normalise(data: Any, version: ComposeVersion) -> dict[str, Any]:
    """The engine-independent meaning of a document, as plain data."""
    data = jsonable(data) if data is not None else {}
    if not isinstance(data, dict):
        return {"(root)": data}
    if version is ComposeVersion.V1:
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
    return data


def _service(svc: dict[str, Any], names: set[str]) -> dict[str, Any]:
    out = dict(svc)
    if isinstance(out.get("build"), str):
        out["build"] = {"context": out["build"]}
    if "dockerfile" in out:  # v1 kept it beside build
        build = out.setdefault("build", {})
        if isinstance(build, dict):
            build["dockerfile"] = out.pop("dockerfile")
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
    for key in ("environment", "labels"):
        if isinstance(out.get(key), list):
            out[key] = _list_to_map(out[key])
    if isinstance(out.get("depends_on"), list):
        out["depends_on"] = {str(n): {"condition": "service_started"} for n in out["depends_on"]}
    return out


def _list_to_map(items: list[Any]) -> dict[str, Any]:
    result: dict[str, Any] = {}
    for item in items:
        text = str(item)
        key, sep, value = text.partition("=")
        result[key] = value if sep else None
    return result


def semantic_diff(before: Any, before_v: ComposeVersion, after: Any, after_v: ComposeVersion) -> list[DiffItem]:
    """Differences between two documents' normalised models."""
    from deepdiff import DeepDiff

    a = normalise(before, before_v)
    b = normalise(after, after_v)
    if a == b:
        return []
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
    return any(b.startswith(a) and b[len(a):len(a) + 1] in (".", "[") for a, b in ((touched, path), (path, touched)))


def unexplained(diff: list[DiffItem], touched: list[str]) -> list[DiffItem]:
    """Differences that no recorded change or warning accounts for."""
    return [d for d in diff if not any(_covers(t, d.path) for t in touched)]
