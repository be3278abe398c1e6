"""References to other files and services: `extends` and `include`.

They are resolved by the project loader, exactly as `compose-migrate config`
resolves them, so `validate` and `config` cannot disagree: a missing file, a
cycle, an undefined target, a service docker-compose 1.x would not extend.
The resolved services also answer "has it an image or a build?" for services
that get theirs through `extends`.
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from ..findings import Finding, Severity
from ..loading import DEFAULT_MAX_BYTES
from ..versions import ComposeVersion

if TYPE_CHECKING:
    from ..document import Document

# Findings of the project loader that a single file's validation reports.
REFERENCE_CODES = frozenset({"CM301", "CM302", "CM303", "CM304", "CM306", "CM307", "CM310"})
NO_IMAGE_OR_BUILD = "CM228"
MISSING_FILE = "CM301"
# `remote:...`, `git@...`, `https://...`: resolved by Compose v2's remote loaders, never fetched here.
_REMOTE = re.compile(r"^([a-z][a-z0-9+.-]+:(?!\\)|git@)", re.I)


def uses_references(data: Any, version: ComposeVersion | None) -> bool:
    if not isinstance(data, dict):
        return False
    if "include" in data and version is ComposeVersion.SPEC:
        return True
    services = data if version is ComposeVersion.V1 else data.get("services")
    return isinstance(services, dict) and any(isinstance(s, dict) and "extends" in s for s in services.values())


def reference_findings(
    doc: Document,
    locate: Any,
    *,
    env: Mapping[str, str] | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> list[Finding]:
    """This file's extends/include problems, and image/build of extended services."""
    data = doc.data
    if not os.path.isfile(doc.name) or not uses_references(data, doc.version):
        return []  # text or stdin: relative `file:` paths have nothing to resolve against
    from ..project.loader import load_project

    project = load_project(
        [doc.name], environ=dict(env or {}), interpolate=True, max_bytes=max_bytes, documents={doc.name: doc}
    )
    me = os.path.abspath(doc.name)
    prefix: tuple[str, ...] = () if doc.version is ComposeVersion.V1 else ("services",)
    raw = data if doc.version is ComposeVersion.V1 else data.get("services")
    remote = {
        str(name): svc["extends"]["file"]
        for name, svc in (raw.items() if isinstance(raw, dict) else ())
        if _extends_remote(svc)
    }
    out: list[Finding] = []
    for f in project.findings:
        if f.code not in REFERENCE_CODES or os.path.abspath(f.file) != me:
            continue
        f = replace(f, file=doc.name)  # the name the user gave, not the loader's
        if f.code == MISSING_FILE and any(str(where) in f.message for where in remote.values()):
            f = replace(
                f,
                severity=Severity.WARNING,
                message="extends names a remote file; it is not fetched, so it is not checked",
                hint=None,
            )
        out.append(f)
    # A service that extends another gets image/build from it: judge the result.
    resolved = project.data.get("services") or {}
    for name, svc in raw.items() if isinstance(raw, dict) else ():
        if not isinstance(svc, dict) or "extends" not in svc or name in remote:
            continue
        ext = svc["extends"]
        ext_file = ext.get("file") if isinstance(ext, dict) else None
        if any(f.path.startswith(f"services.{name}.extends") for f in out) or (
            isinstance(ext_file, str) and any(f.code == MISSING_FILE and ext_file in f.message for f in out)
        ):
            continue  # already reported: the extends itself is broken
        final = resolved.get(str(name))
        if isinstance(final, dict) and "image" not in final and "build" not in final:
            line, col = locate((*prefix, name), True)
            out.append(
                Finding(
                    NO_IMAGE_OR_BUILD,
                    Severity.ERROR,
                    f"service `{name}` has neither `image` nor `build`, even with what it extends",
                    ".".join((*prefix, str(name))),
                    line,
                    col,
                    "add `image:` or `build:` here or in the service it extends",
                    doc.name,
                )
            )
    return out


def _extends_remote(svc: Any) -> bool:
    ext = svc.get("extends") if isinstance(svc, dict) else None
    file = ext.get("file") if isinstance(ext, dict) else None
    return isinstance(file, str) and bool(_REMOTE.match(file)) and not re.match(r"^[a-z]:[\\/]", file, re.I)
