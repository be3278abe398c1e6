"""Semantic layer: what a JSON Schema cannot see (references, cycles, clashes).

Runs on the interpolated plain data of a document that passed loading; each
check is independent and tolerant of wrong shapes (the schema layer reports
those).

| code  | severity | finding |
| ----- | -------- | ------- |
| CM220 | error    | a service reference names an undefined service (depends_on, links, |
|       |          | extends in the same file, volumes_from, network_mode: service:x) |
| CM221 | error    | a service uses a network not declared under top-level `networks` |
| CM222 | error    | a service mounts a named volume not declared under top-level `volumes` (2.x and later) |
| CM223 | error    | a service uses a secret not declared under top-level `secrets` |
| CM224 | error    | a service uses a config not declared under top-level `configs` |
| CM225 | error    | `depends_on` forms a cycle |
| CM226 | error    | the same host port is published twice (warning when the services sit in different profiles) |
| CM227 | error    | `container_name` on a service scaled above 1 (`scale`, `deploy.replicas`) |
| CM228 | error    | a service has neither `image` nor `build` (a warning in a fragment, where no service |
|       |          | has either; not for override-looking files; `extends` judged after resolving)       |
| CM229 | error    | a version 1 service has both `image` and `build` |
| CM230 | error    | a service has no configuration at all (null) |
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, Any

from ..findings import Finding, Severity
from ..versions import ComposeVersion
from ..yamlpath import format_path

if TYPE_CHECKING:
    pass

UNDEFINED_SERVICE = "CM220"
UNDEFINED_NETWORK = "CM221"
UNDEFINED_VOLUME = "CM222"
UNDEFINED_SECRET = "CM223"
UNDEFINED_CONFIG = "CM224"
DEPENDS_CYCLE = "CM225"
PORT_TWICE = "CM226"
SCALED_CONTAINER_NAME = "CM227"
NO_IMAGE_OR_BUILD = "CM228"
V1_IMAGE_AND_BUILD = "CM229"
EMPTY_SERVICE = "CM230"

CODES = {
    UNDEFINED_SERVICE: "undefined-service",
    UNDEFINED_NETWORK: "undefined-network",
    UNDEFINED_VOLUME: "undefined-volume",
    UNDEFINED_SECRET: "undefined-secret",
    UNDEFINED_CONFIG: "undefined-config",
    DEPENDS_CYCLE: "depends-on-cycle",
    PORT_TWICE: "host-port-twice",
    SCALED_CONTAINER_NAME: "container-name-scaled",
    NO_IMAGE_OR_BUILD: "no-image-or-build",
    V1_IMAGE_AND_BUILD: "v1-image-and-build",
    EMPTY_SERVICE: "empty-service",
}

PathParts = tuple[Any, ...]
Locate = Callable[[PathParts, bool], tuple[int, int]]

# `default` is the project's own; the others are the engine's (docker-compose 1.x
# let a service join them undeclared).
PREDEFINED_NETWORKS = frozenset({"default", "bridge", "host", "none"})

_OVERRIDE_NAME = re.compile(r"(override|^(docker-)?compose\.[^.]+\.ya?ml$)", re.I)


def looks_like_override(file: str, data: Any) -> bool:
    """A file meant to be merged over another (so services may lack image/build)."""
    base = os.path.basename(file)
    return bool(_OVERRIDE_NAME.search(base))


class _Checker:
    def __init__(self, data: dict[str, Any], version: ComposeVersion, file: str, locate: Locate) -> None:
        self.data = data
        self.version = version
        self.file = file
        self.locate = locate
        self.v1 = version is ComposeVersion.V1
        self.prefix: PathParts = () if self.v1 else ("services",)
        raw = data if self.v1 else data.get("services")
        self.services: dict[str, Any] = (
            {str(k): v for k, v in raw.items() if not str(k).startswith("x-")} if isinstance(raw, dict) else {}
        )
        self.out: list[Finding] = []
        self.whole_project = False
        self._sections: dict[str, dict[str, Any] | None] = {}

    def add(
        self,
        code: str,
        path: PathParts,
        message: str,
        hint: str | None = None,
        *,
        key: bool = False,
        severity: Severity = Severity.ERROR,
    ) -> None:
        line, col = self.locate(path, key)
        self.out.append(Finding(code, severity, message, format_path(path), line, col, hint, self.file))

    def svc_path(self, name: str, *rest: Any) -> PathParts:
        return (*self.prefix, name, *rest)

    def section(self, name: str) -> dict[str, Any] | None:
        # Memoised: it is asked once per service, and a copy each time made big files quadratic.
        if name not in self._sections:
            block = self.data.get(name) if not self.v1 else None
            self._sections[name] = {str(k): v for k, v in block.items()} if isinstance(block, dict) else None
        return self._sections[name]

    # -- services ----------------------------------------------------------
    def run(self) -> list[Finding]:
        for name, svc in self.services.items():
            if svc is None:
                self.add(
                    EMPTY_SERVICE,
                    self.svc_path(name),
                    f"service `{name}` has no configuration (null); a service should be a mapping of its keys",
                    "give it at least `image` or `build`, or check the indentation of the lines below it",
                    key=True,
                )
                continue
            if not isinstance(svc, dict):
                continue
            self.references(name, svc)
            self.declared(name, svc)
            self.scaled(name, svc)
            self.image_build(name, svc)
        self.cycles()
        self.ports()
        return self.out

    def undefined_service(self, path: PathParts, target: str, what: str) -> None:
        if target in self.services:
            return
        known = ", ".join(sorted(self.services)) or "none"
        self.add(
            UNDEFINED_SERVICE,
            path,
            f"{what} names service `{target}`, which is not defined in this file",
            f"defined services: {known}",
        )

    def references(self, name: str, svc: dict[str, Any]) -> None:
        deps = svc.get("depends_on")
        if isinstance(deps, list):
            for i, d in enumerate(deps):
                if isinstance(d, str):
                    self.undefined_service(self.svc_path(name, "depends_on", i), d, "depends_on")
        elif isinstance(deps, dict):
            for d in deps:
                if str(d) not in self.services:
                    self.add(
                        UNDEFINED_SERVICE,
                        self.svc_path(name, "depends_on", d),
                        f"depends_on names service `{d}`, which is not defined in this file",
                        key=True,
                    )
        links = svc.get("links")
        if isinstance(links, list):
            for i, link in enumerate(links):
                if isinstance(link, str) and "$" not in link:
                    self.undefined_service(self.svc_path(name, "links", i), link.split(":")[0], "links")
        ext = svc.get("extends")
        if isinstance(ext, dict) and "file" not in ext and isinstance(ext.get("service"), str):
            self.undefined_service(self.svc_path(name, "extends", "service"), ext["service"], "extends")
        elif isinstance(ext, str):
            self.undefined_service(self.svc_path(name, "extends"), ext, "extends")
        vf = svc.get("volumes_from")
        if isinstance(vf, list):
            for i, item in enumerate(vf):
                if not isinstance(item, str) or item.startswith("container:") or "$" in item:
                    continue
                target = item.split(":")[1] if item.startswith("service:") else item.split(":")[0]
                self.undefined_service(self.svc_path(name, "volumes_from", i), target, "volumes_from")
        for key in ("network_mode", "net") if self.version >= ComposeVersion.V2_0 else ("net",):
            mode = svc.get(key)
            if isinstance(mode, str) and mode.startswith("service:"):
                self.undefined_service(self.svc_path(name, key), mode[len("service:") :], key)

    def declared(self, name: str, svc: dict[str, Any]) -> None:
        if self.v1:
            return
        nets = self.section("networks") or {}
        nsvc = svc.get("networks")
        names: Iterator[tuple[Any, str, bool]]
        if isinstance(nsvc, list):
            names = ((i, n, False) for i, n in enumerate(nsvc) if isinstance(n, str))
        elif isinstance(nsvc, dict):
            names = ((n, str(n), True) for n in nsvc)
        else:
            names = iter(())
        for where, net, key in names:
            if net not in nets and net not in PREDEFINED_NETWORKS and "$" not in net:
                self.add(
                    UNDEFINED_NETWORK,
                    self.svc_path(name, "networks", where),
                    f"network `{net}` is not declared under the top-level `networks`",
                    f"add `networks: {{{net}: {{}}}}` at the top level (or `external: true` if it exists already)",
                    key=key,
                )
        vols = self.section("volumes") or {}
        for i, vol in enumerate(svc.get("volumes") or () if isinstance(svc.get("volumes"), list) else ()):
            source = _named_volume(vol)
            if source is not None and source not in vols:
                self.add(
                    UNDEFINED_VOLUME,
                    self.svc_path(name, "volumes", i),
                    f"named volume `{source}` is not declared under the top-level `volumes`",
                    f"declare it under the top-level `volumes:`, or write a path (./{source}) for a bind mount",
                )
        for kind, code in (("secrets", UNDEFINED_SECRET), ("configs", UNDEFINED_CONFIG)):
            items = svc.get(kind)
            if not isinstance(items, list):
                continue
            top = self.section(kind) or {}
            for i, item in enumerate(items):
                src = item if isinstance(item, str) else item.get("source") if isinstance(item, dict) else None
                if isinstance(src, str) and src not in top and "$" not in src:
                    self.add(
                        code,
                        self.svc_path(name, kind, i),
                        f"{kind[:-1]} `{src}` is not declared under the top-level `{kind}`",
                        f"add it under `{kind}:` at the top level with `file:` or `external: true`",
                    )

    def scaled(self, name: str, svc: dict[str, Any]) -> None:
        if "container_name" not in svc:
            return
        scale = svc.get("scale")
        deploy = svc.get("deploy")
        replicas = deploy.get("replicas") if isinstance(deploy, dict) else None
        for value, where in ((scale, "scale"), (replicas, "deploy.replicas")):
            if isinstance(value, int) and not isinstance(value, bool) and value > 1:
                self.add(
                    SCALED_CONTAINER_NAME,
                    self.svc_path(name, "container_name"),
                    f"`container_name` on a service with {where} {value}: container names must be unique, "
                    "so only one replica can start",
                    "remove `container_name`, or scale to 1",
                    key=True,
                )
                return

    def image_build(self, name: str, svc: dict[str, Any]) -> None:
        has_image, has_build = "image" in svc, "build" in svc
        if self.v1 and has_image and has_build:
            self.add(
                V1_IMAGE_AND_BUILD,
                self.svc_path(name, "build"),
                f"service `{name}` has both `image` and `build`; version 1 allows only one of them",
                "remove `image`, or migrate to 2.0+ where `image` names the built image",
                key=True,
            )
        if has_image or has_build or "extends" in svc:
            return
        if not self.whole_project and looks_like_override(self.file, self.data):
            return
        # When no service of the file has image or build, the file is most likely a
        # fragment (an override given with -f, a base for extends): say so, don't fail.
        fragment = not self.whole_project and not any(
            isinstance(other, dict) and ("image" in other or "build" in other or "extends" in other)
            for other in self.services.values()
        )
        self.add(
            NO_IMAGE_OR_BUILD,
            self.svc_path(name),
            f"service `{name}` has neither `image` nor `build`",
            "if this file is completed by another (-f override, extends), check the merged project with "
            "`compose-migrate project validate`; otherwise add `image:` or `build:`"
            if fragment
            else "add `image:` (an image to pull) or `build:` (a directory with a Dockerfile)",
            key=True,
            severity=Severity.WARNING if fragment else Severity.ERROR,
        )

    # -- whole-file checks -------------------------------------------------
    def cycles(self) -> None:
        graph: dict[str, list[str]] = {}
        for name, svc in self.services.items():
            deps = svc.get("depends_on") if isinstance(svc, dict) else None
            if isinstance(deps, list):
                graph[name] = [str(d) for d in deps if isinstance(d, str)]
            elif isinstance(deps, dict):
                graph[name] = [str(d) for d in deps]
        reported: set[frozenset[str]] = set()
        state: dict[str, int] = {}
        stack: list[str] = []

        def visit(n: str) -> None:
            state[n] = 1
            stack.append(n)
            for d in graph.get(n, ()):
                if d not in self.services:
                    continue
                if state.get(d) == 1:
                    cycle = stack[stack.index(d) :]
                    ident = frozenset(cycle)
                    if ident not in reported:
                        reported.add(ident)
                        shown = " -> ".join([*cycle, d])
                        self.add(
                            DEPENDS_CYCLE,
                            self.svc_path(cycle[0], "depends_on"),
                            f"depends_on forms a cycle: {shown}",
                            "no service in a cycle can start first; remove one of the dependencies",
                            key=True,
                        )
                elif d not in state:
                    visit(d)
            stack.pop()
            state[n] = 2

        for n in graph:
            if n not in state:
                visit(n)

    def ports(self) -> None:
        seen: dict[tuple[str, int, str], tuple[str, PathParts, Any]] = {}
        for name, svc in self.services.items():
            if not isinstance(svc, dict) or not isinstance(svc.get("ports"), list):
                continue
            profiles = svc.get("profiles")
            for i, item in enumerate(svc["ports"]):
                for host in _host_ports(item):
                    path = self.svc_path(name, "ports", i)
                    first = seen.get(host)
                    if first is None:
                        seen[host] = (name, path, profiles)
                        continue
                    other, other_path, other_profiles = first
                    line, _ = self.locate(other_path, False)
                    apart = bool(profiles) and bool(other_profiles) and profiles != other_profiles
                    ip, port, proto = host
                    shown = f"{ip + ':' if ip else ''}{port}/{proto}"
                    self.add(
                        PORT_TWICE,
                        path,
                        f"host port {shown} is already published by service `{other}` (line {line})",
                        "two containers cannot bind the same host port; change one of the host ports",
                        severity=Severity.WARNING if apart else Severity.ERROR,
                    )


def _host_ports(item: Any) -> list[tuple[str, int, str]]:
    """(ip, host port, protocol) for each host port a `ports` item publishes."""
    if isinstance(item, dict):
        pub = item.get("published")
        proto = str(item.get("protocol") or "tcp")
        ip = str(item.get("host_ip") or "")
        if isinstance(pub, int) and not isinstance(pub, bool):
            return [(ip, pub, proto)]
        if isinstance(pub, str) and pub.isdigit():
            return [(ip, int(pub), proto)]
        return []
    if not isinstance(item, str):
        return []  # a bare number publishes a random host port
    text, proto = item.strip(), "tcp"
    if "/" in text:
        text, proto = text.rsplit("/", 1)
    parts = text.rsplit(":", 2)
    if len(parts) < 2 or not re.fullmatch(r"\d+(?:-\d+)?", parts[-2]):
        return []
    ip = parts[0] if len(parts) == 3 else ""
    lo, _, hi = parts[-2].partition("-")
    start, end = int(lo), int(hi or lo)
    if end - start > 1000:
        return []
    return [(ip, p, proto) for p in range(start, end + 1)]


def _named_volume(vol: Any) -> str | None:
    """The named-volume source of a `volumes` item, or None for binds, tmpfs and anonymous volumes."""
    if isinstance(vol, dict):
        if vol.get("type", "volume") != "volume":
            return None
        src = vol.get("source")
        return src if isinstance(src, str) and src and "$" not in src else None
    if not isinstance(vol, str) or ":" not in vol:
        return None
    src = vol.split(":", 1)[0]
    if not src or "$" in src or src.startswith((".", "/", "~", "\\")):
        return None
    if len(src) == 1 and src.isalpha():  # C:\path on Windows
        return None
    return src


def semantic_findings(
    data: Any, version: ComposeVersion, *, file: str, locate: Locate, whole_project: bool = False
) -> list[Finding]:
    """Every semantic finding of a document (plain, interpolated data).

    `whole_project`: the data is a merged project, so nothing can complete it
    any more (no fragment leniency for image/build).
    """
    if not isinstance(data, dict):
        return []
    checker = _Checker(data, version, file, locate)
    checker.whole_project = whole_project
    return checker.run()
