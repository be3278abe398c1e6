"""Findings on the merged project, each pointing at the file, line and column that wrote the value.

The per-file semantic checks (validation/semantic.py) take plain data and a
position callback, so they run unchanged on the merged model: the callback
answers from the project's provenance, and each finding is then given the
file its path came from.  Checks only a merged model needs are added here.

| code  | finding |
| ----- | ------- |
| CM308 | an `external` resource also sets what only a created resource can have (driver, driver_opts, ...) |
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from ..findings import Finding, Severity
from ..validation.semantic import UNDEFINED_VOLUME, semantic_findings
from ..versions import ComposeVersion
from ..yamlpath import format_path
from .loader import Project
from .model import PathParts

EXTERNAL_CONFLICT = "CM308"
_NOT_WITH_EXTERNAL = {
    "volumes": ("driver", "driver_opts", "labels"),
    "networks": ("driver", "driver_opts", "ipam", "internal", "labels", "attachable", "enable_ipv6"),
}


def project_findings(project: Project) -> list[Finding]:
    """Semantic findings of the merged model, located in the files that wrote each value."""
    if project.root is None:
        return []
    data = project.data
    where: dict[str, str] = {}

    def locate(path: PathParts, key: bool) -> tuple[int, int]:
        o = project.origin(path)
        if o is None:
            return 0, 0
        where[format_path(path)] = o.file
        return o.line, o.col

    version = project.version
    found = semantic_findings(data, version, file="", locate=locate, whole_project=True)
    out: list[Finding] = []
    v1_set = any(f.version is ComposeVersion.V1 for f in project.files if f.role in ("main", "override"))
    for f in found:
        if v1_set and f.code == UNDEFINED_VOLUME:
            continue  # version 1 created named volumes without a declaration
        message = f.message.replace("in this file", "in any file of the project")
        out.append(replace(f, file=where.get(f.path, ""), message=message))
    out += _external_conflicts(project, data)
    return out


def _external_conflicts(project: Project, data: dict[str, Any]) -> list[Finding]:
    out: list[Finding] = []
    for section, keys in _NOT_WITH_EXTERNAL.items():
        block = data.get(section)
        if not isinstance(block, dict):
            continue
        for name, body in block.items():
            if not isinstance(body, dict) or body.get("external") in (None, False):
                continue
            for key in keys:
                if key in body:
                    o = project.origin((section, name, key))
                    ext = project.origin((section, name, "external"))
                    out.append(
                        Finding(
                            EXTERNAL_CONFLICT,
                            Severity.ERROR,
                            f"{section}.{name} is external (set at {ext}) and also sets `{key}`; "
                            "an external resource is not created, so docker compose refuses this",
                            f"{section}.{name}.{key}",
                            o.line if o else 0,
                            o.col if o else 0,
                            "remove the one you do not mean, or use !reset in the override file",
                            o.file if o else "",
                        )
                    )
    return out
