"""Which Compose format a file is written in, and why.

Detection is where users get surprised, so every verdict carries a reason
and the line:col it rests on (compose-format-versions.md §1.2).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

import yaml

from .findings import DetectResult, Finding, Severity
from .versions import ComposeVersion

if TYPE_CHECKING:
    from .document import Document

# Service keys of the v1 format (its schema's complete list): a top-level
# mapping holding one of these looks like a v1 service.
V1_SERVICE_KEYS = frozenset(
    {
        "build",
        "cap_add",
        "cap_drop",
        "cgroup_parent",
        "command",
        "container_name",
        "cpu_quota",
        "cpu_shares",
        "cpuset",
        "devices",
        "dns",
        "dns_search",
        "dockerfile",
        "domainname",
        "entrypoint",
        "env_file",
        "environment",
        "expose",
        "extends",
        "external_links",
        "extra_hosts",
        "hostname",
        "image",
        "ipc",
        "labels",
        "links",
        "log_driver",
        "log_opt",
        "mac_address",
        "mem_limit",
        "mem_swappiness",
        "memswap_limit",
        "net",
        "pid",
        "ports",
        "privileged",
        "read_only",
        "restart",
        "security_opt",
        "shm_size",
        "stdin_open",
        "stop_signal",
        "tty",
        "ulimits",
        "user",
        "volume_driver",
        "volumes",
        "volumes_from",
        "working_dir",
    }
)

SPEC_SECTIONS = frozenset({"services", "networks", "volumes", "secrets", "configs", "name", "include", "models"})
SPEC_ONLY_TOP = ("name", "include", "models")

_NUMERIC = re.compile(r"^(\d+)(?:\.(\d+))?$")


def detect_document(doc: Document) -> DetectResult:
    data = doc.r11.data
    name = doc.name

    def result(version: ComposeVersion | None, reason: str, declared: str | None = None, **kw: Any) -> DetectResult:
        return DetectResult(file=name, version=version, declared=declared, reason=reason, **kw)

    if doc.r11.node is None:
        return result(None, "empty file: no YAML document (only comments or nothing)", line=1, col=1)
    if not isinstance(data, dict):
        kind = {list: "a list", str: "a string", type(None): "null", bool: "a boolean"}.get(type(data), "a number")
        line, col = doc.r11.node.start_mark.line + 1, doc.r11.node.start_mark.column + 1
        return result(None, f"top level is {kind}, but a Compose file is a mapping", line=line, col=col)

    if "version" in data:
        return _detect_declared(doc, data, result)

    if "services" in data:
        line, col = doc.position(("services",), key=True)
        return result(ComposeVersion.SPEC, "no `version` key and a top-level `services` mapping", line=line, col=col)

    keys = [k for k in data if not str(k).startswith("x-")]
    services = [k for k in keys if isinstance(data[k], dict) and V1_SERVICE_KEYS.intersection(map(str, data[k]))]
    if services:
        shown = ", ".join(map(str, services[:5])) + (" …" if len(services) > 5 else "")
        reason = f"no `version` and no `services` key; top-level keys are services ({shown})"
        misfits = [k for k in keys if k not in services]
        if misfits:
            reason += "; " + ", ".join(f"`{k}` is not service-shaped" for k in misfits[:3])
        line, col = doc.position((services[0],), key=True)
        return result(ComposeVersion.V1, reason, line=line, col=col)
    if keys and all(str(k) in SPEC_SECTIONS for k in keys) or not keys:
        return result(
            ComposeVersion.SPEC,
            "no `version` and no `services` key; only Compose Specification sections (an include or override file)",
            line=1,
            col=1,
        )
    return result(
        None,
        "no `version`, no `services` key, and no top-level key looks like a service: not a Compose file?",
        line=1,
        col=1,
    )


def _detect_declared(doc: Document, data: dict[Any, Any], result: Any) -> DetectResult:
    vnode = doc.r11.node and _value_node(doc.r11.node, "version")
    line, col = doc.position(("version",))
    findings: list[Finding] = []
    if isinstance(vnode, yaml.ScalarNode):
        raw, style = str(vnode.value), vnode.style
        typed_number = not style and vnode.tag.endswith((":int", ":float"))
    else:
        raw, style, typed_number = str(data["version"]), None, False
        if not isinstance(data["version"], str):
            return result(None, "`version` is not a scalar", None, line=line, col=col)

    if typed_number:
        findings.append(
            Finding(
                "CM101",
                Severity.ERROR,
                f"version {raw} is a number; it should be a string",
                path="version",
                line=line,
                col=col,
                hint=f'quote it: version: "{raw}"',
                file=doc.name,
            )
        )
    text = raw.strip()
    m = _NUMERIC.match(text)
    if not m:
        return result(
            None,
            f"`version: {raw}` is not a Compose file format version",
            raw,
            line=line,
            col=col,
            findings=findings,
        )
    try:
        version = ComposeVersion.parse(text)
    except ValueError:
        version = None
    if version is None or version is ComposeVersion.V1:
        return result(
            None,
            f"`version: {raw}` names no Compose file format "
            "(v1 has no version key; the others are 2.0-2.4 and 3.0-3.13)",
            raw,
            line=line,
            col=col,
            findings=findings,
        )

    reason = f"`version: {_quoted(raw, style)}` declared"
    if text in ("2", "3"):
        reason += f" (a bare {text} means {text}.0"
        if text == "3":
            reason += "; `docker stack deploy` reads it as the newest 3.x"
        reason += ")"
    if version.stack_only:
        reason += " (3.10-3.13 exist only for `docker stack deploy`)"
    for key in SPEC_ONLY_TOP:
        if key in data:
            kl, kc = doc.position((key,), key=True)
            findings.append(
                Finding(
                    "CM102",
                    Severity.WARNING,
                    f"top-level `{key}` exists only in the Compose Specification, but the file declares version {raw}",
                    path=key,
                    line=kl,
                    col=kc,
                    hint=f"remove `version` (Compose Specification) or remove `{key}` (stay on {version})",
                    file=doc.name,
                )
            )
    return result(version, reason, raw, line=line, col=col, findings=findings)


def _quoted(raw: str, style: str | None) -> str:
    return f"{style}{raw}{style}" if style in ('"', "'") else raw


def _value_node(root: Any, key: str) -> Any:
    if not isinstance(root, yaml.MappingNode):
        return None
    for k, v in root.value:
        if isinstance(k, yaml.ScalarNode) and k.value == key:
            return v
    return None


def detect(doc: Document) -> DetectResult:
    """The format of a loaded document, with the reason and its location."""
    return doc.detection
