"""Lint rules: the declaration (`LintRule`), what a check yields (`Hit`), and
the plain-data helpers checks share (services, images, published ports).

A rule is one module under lint/rules/ declaring
`RULE = LintRule(__name__, code=..., severity=..., message=..., why=...,
fix_hint=..., bad=..., good=...)` and one `@RULE.register` check over a
Document (or, with `scope="files"`, over every Document given together).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from ..findings import Severity
from ..versions import ComposeVersion
from ..yamlpath import PathParts

if TYPE_CHECKING:
    from ..document import Document


@dataclass(frozen=True)
class Hit:
    """One place a rule fires: the path, and what to add to the rule's message."""

    path: PathParts
    detail: str = ""
    key: bool = True  # point at the mapping key (False: at the value)


FileCheck = Callable[["Document"], Iterable[Hit]]
FilesCheck = Callable[[list["Document"]], Iterable[tuple["Document", Hit]]]


@dataclass
class LintRule:
    """One lint rule; `bad`/`good` are run by the tests and shown in docs/lint-rules.md.

    `fix` names what `lint --fix` does for it ("" when it is reported only).
    For a cross-file rule (`scope="files"`) the examples hold several files,
    separated by a line `# ---- next file`.
    """

    module: str
    code: str
    severity: Severity
    message: str
    why: str
    fix_hint: str
    bad: str
    good: str
    fix: str = ""
    scope: str = "file"
    func: Callable[..., Iterable[Any]] | None = field(default=None, repr=False)

    @property
    def name(self) -> str:
        return self.module.rsplit(".", 1)[-1].replace("_", "-")

    def register(self, func: Callable[..., Iterable[Any]]) -> Callable[..., Iterable[Any]]:
        self.func = func
        return func


EXAMPLE_SEPARATOR = "# ---- next file\n"


# --------------------------------------------------------------------------- services


@dataclass(frozen=True)
class Service:
    name: str
    data: dict[Any, Any]
    prefix: PathParts  # ("services", name), or (name,) in a v1 file

    def path(self, *rest: Any) -> PathParts:
        return (*self.prefix, *rest)


def services(doc: Document) -> list[Service]:
    """Every service mapping of a file (a v1 file keeps them at the root)."""
    data = doc.data
    if not isinstance(data, dict):
        return []
    items: Any = data
    prefix: PathParts = ()
    if not (doc.version is ComposeVersion.V1 and "services" not in data):
        items, prefix = data.get("services"), ("services",)
        if not isinstance(items, dict):
            return []
    return [
        Service(str(name), svc, (*prefix, name))
        for name, svc in items.items()
        if isinstance(svc, dict) and not str(name).startswith("x-")
    ]


def has_variable(value: object) -> bool:
    """True when Compose would interpolate the text (we cannot know its value)."""
    return isinstance(value, str) and "$" in value.replace("$$", "")


# --------------------------------------------------------------------------- images

_DIGEST = re.compile(r"@[A-Za-z0-9_+.-]+:[0-9a-fA-F]{32,}$")


@dataclass(frozen=True)
class ImageRef:
    repository: str  # without registry port confusion: `host:5000/team/app`
    tag: str | None
    digest: str | None

    @property
    def basename(self) -> str:
        return self.repository.rsplit("/", 1)[-1].lower()


def parse_image(image: str) -> ImageRef:
    """`repo[:tag][@digest]`; a `:` before the last `/` is a registry port."""
    digest = None
    m = _DIGEST.search(image)
    if m:
        digest, image = m.group(0)[1:], image[: m.start()]
    slash = image.rfind("/")
    colon = image.rfind(":")
    if colon > slash:
        return ImageRef(image[:colon], image[colon + 1 :], digest)
    return ImageRef(image, None, digest)


# --------------------------------------------------------------------------- ports

ALL_INTERFACES = frozenset({"", "0.0.0.0", "::", "[::]"})


@dataclass(frozen=True)
class PublishedPort:
    index: int
    host_ip: str  # "" when not given (every interface)
    published: str  # "" when Compose picks a random host port
    target: str
    protocol: str
    variable: bool  # written with ${...}: not checked

    @property
    def on_all_interfaces(self) -> bool:
        return self.host_ip in ALL_INTERFACES

    def host_ports(self) -> list[int]:
        """The host ports it takes (a range expanded; [] when random or unreadable)."""
        first, _sep, last = self.published.partition("-")
        try:
            lo = int(first)
            hi = int(last) if last else lo
        except ValueError:
            return []
        if hi - lo > 1000:  # a huge range: compare its ends only
            return [lo, hi]
        return list(range(lo, hi + 1))


def _short_port(index: int, text: str) -> PublishedPort:
    body, _sep, proto = text.partition("/")
    host_ip = ""
    if body.startswith("["):  # [::1]:8080:80
        ip, _sep, body = body[1:].partition("]")
        host_ip, body = ip, body.lstrip(":")
    parts = body.rsplit(":", 2) if not host_ip else body.split(":")
    if len(parts) == 3:
        host_ip, published, target = parts
    elif len(parts) == 2:
        published, target = parts
    else:
        published, target = "", parts[0]
    return PublishedPort(index, host_ip, published, target, proto or "tcp", has_variable(text))


def published_ports(svc: dict[Any, Any]) -> Iterator[PublishedPort]:
    """The `ports:` entries of a service in one shape (short and long syntax)."""
    ports = svc.get("ports")
    if not isinstance(ports, list):
        return
    for i, item in enumerate(ports):
        if isinstance(item, dict):
            ip = str(item.get("host_ip") or "")
            pub = item.get("published")
            published = "" if pub is None else str(pub)
            target = str(item.get("target", ""))
            variable = any(has_variable(v) for v in (ip, published, target))
            yield PublishedPort(i, ip, published, target, str(item.get("protocol") or "tcp"), variable)
        elif isinstance(item, (str, int)) and not isinstance(item, bool):
            yield _short_port(i, str(item))


def scale_of(svc: dict[Any, Any]) -> int:
    """How many containers the service asks for (`scale`, `deploy.replicas`); 1 if unknown."""
    values = [svc.get("scale")]
    deploy = svc.get("deploy")
    if isinstance(deploy, dict):
        values.append(deploy.get("replicas"))
    best = 1
    for v in values:
        if isinstance(v, int) and not isinstance(v, bool):
            best = max(best, v)
        elif isinstance(v, str) and v.isdigit():
            best = max(best, int(v))
    return best
