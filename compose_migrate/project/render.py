"""The merged model as text: YAML or JSON, and YAML with a provenance comment on each value."""

from __future__ import annotations

import json
from typing import Any

import yaml

from .loader import Project
from .model import Node, PathParts


def normalised(project: Project) -> dict[str, Any]:
    """The merged model as `docker compose config` shows it: top-level sections in a fixed order."""
    data = project.data
    order = ["name", "services", "networks", "volumes", "secrets", "configs"]
    out = {k: data[k] for k in order if k in data}
    out.update({k: v for k, v in data.items() if k not in out})
    return out


def render(project: Project, fmt: str = "yaml", *, with_provenance: bool = False) -> str:
    data = normalised(project)
    if fmt == "json":
        return json.dumps(data, indent=2, ensure_ascii=False) + "\n"
    if not with_provenance or project.root is None:
        return yaml.safe_dump(data, sort_keys=False, allow_unicode=True, default_flow_style=False)
    lines: list[str] = []
    root = project.root
    for key in data:
        node = root.value[key]
        _emit(lines, key, node, 0, (key,))
    return "\n".join(lines) + "\n"


def _scalar(value: Any) -> str:
    text = yaml.safe_dump(value, default_flow_style=True, allow_unicode=True, width=10_000).strip()
    if text.endswith("\n..."):
        text = text[:-4].strip()
    return text.removesuffix("...").strip()


def _where(node: Node) -> str:
    o = node.origin
    return f"  # {o.file}:{o.line}" if o.line else f"  # {o.file}"


def _emit(lines: list[str], key: str | None, node: Node, indent: int, path: PathParts) -> None:
    pad = " " * indent
    head = f"{pad}{_scalar(key)}:" if key is not None else f"{pad}-"
    if isinstance(node.value, dict) and node.value:
        lines.append(head + _where(node))
        for k, v in node.value.items():
            _emit(lines, k, v, indent + 2, (*path, k))
    elif isinstance(node.value, list) and node.value:
        lines.append(head + _where(node))
        for i, v in enumerate(node.value):
            if isinstance(v.value, (dict, list)) and v.value:
                lines.append(f"{pad}  -{_where(v)}")
                items = v.value.items() if isinstance(v.value, dict) else [(None, x) for x in v.value]
                for k, sub in items:
                    _emit(lines, k, sub, indent + 4, (*path, i))
            else:
                lines.append(f"{pad}  - {_scalar(_plain(v))}{_where(v)}")
    else:
        lines.append(f"{head} {_scalar(_plain(node))}{_where(node)}")


def _plain(node: Node) -> Any:
    if isinstance(node.value, dict):
        return {}
    if isinstance(node.value, list):
        return []
    return node.value
