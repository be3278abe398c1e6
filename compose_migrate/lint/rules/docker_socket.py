"""CL012: the Docker socket mounted into a container."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from ...findings import Severity
from ..base import Hit, LintRule, services

if TYPE_CHECKING:
    from ...document import Document

_SOCKETS = ("/var/run/docker.sock", "/run/docker.sock")

RULE = LintRule(
    __name__,
    code="CL012",
    severity=Severity.WARNING,
    message="Docker socket mounted",
    why="Whoever can talk to the Docker daemon is root on the host (start a privileged container that "
    "mounts /), even through a `:ro` mount: read-only applies to the file, not to the API.",
    fix_hint="avoid it; if a tool needs the API, put a socket proxy in front that allows only what it uses",
    bad="services:\n  ui:\n    image: example/ui:1.0\n    volumes:\n"
    "      - /var/run/docker.sock:/var/run/docker.sock\n",
    good="services:\n  ui:\n    image: example/ui:1.0\n    environment:\n      DOCKER_HOST: tcp://socket-proxy:2375\n",
)


def _source(volume: object) -> str:
    if isinstance(volume, dict):
        return str(volume.get("source") or "")
    if isinstance(volume, str):
        return volume.split(":", 1)[0]
    return ""


@RULE.register
def check(doc: Document) -> Iterator[Hit]:
    for svc in services(doc):
        vols = svc.data.get("volumes")
        if not isinstance(vols, list):
            continue
        for i, vol in enumerate(vols):
            src = _source(vol).rstrip("/")
            if src in _SOCKETS or src.endswith("/docker.sock"):
                yield Hit(svc.path("volumes", i), src, key=False)
