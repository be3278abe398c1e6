"""CL001: an image with no tag, or `:latest`, runs whatever was pushed last."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from ...findings import Severity
from ..base import Hit, LintRule, has_variable, parse_image, services

if TYPE_CHECKING:
    from ...document import Document

RULE = LintRule(
    __name__,
    code="CL001",
    severity=Severity.WARNING,
    message="image is not pinned to a version",
    why="Without a tag (or with `latest`) each pull may bring a different image, so two machines "
    "running the same file run different software, and a rebuild can break without any change here.",
    fix_hint="pin a version tag (postgres:16.3); a digest (@sha256:...) is best",
    bad="services:\n  db:\n    image: postgres:latest\n  cache:\n    image: redis\n",
    good="services:\n  db:\n    image: postgres:16.3\n  cache:\n    image: redis@sha256:" + "0" * 64 + "\n",
)


@RULE.register
def check(doc: Document) -> Iterator[Hit]:
    for svc in services(doc):
        image = svc.data.get("image")
        if not isinstance(image, str) or not image or has_variable(image):
            continue  # ${IMAGE}: the value is chosen elsewhere
        if "build" in svc.data:
            continue  # the name the built image is tagged with, not a pull
        ref = parse_image(image)
        if ref.digest:
            continue
        if ref.tag is None:
            yield Hit(svc.path("image"), f"{image} has no tag (Docker pulls `latest`)", key=False)
        elif ref.tag == "latest":
            yield Hit(svc.path("image"), f"{image} uses the moving `latest` tag", key=False)
