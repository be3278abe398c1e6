"""CL020: two services, in one file or in files used together, with the same container_name."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from ...findings import Severity
from ..base import Hit, LintRule, has_variable, services

if TYPE_CHECKING:
    from ...document import Document

RULE = LintRule(
    __name__,
    code="CL020",
    severity=Severity.ERROR,
    message="container_name used by another service",
    why="Container names are unique on a host: whichever service starts second fails ('the container "
    "name is already in use'). The same service named in an override file is not a clash.",
    fix_hint="give each service its own container_name, or drop container_name",
    bad="services:\n  api:\n    image: example/api:1.0\n    container_name: app\n"
    "# ---- next file\nservices:\n  worker:\n    image: example/worker:1.0\n    container_name: app\n",
    good="services:\n  api:\n    image: example/api:1.0\n    container_name: app\n"
    '# ---- next file\nservices:\n  api:\n    container_name: app\n    environment:\n      DEBUG: "1"\n',
    scope="files",
)


@RULE.register
def check(docs: list[Document]) -> Iterator[tuple[Document, Hit]]:
    first: dict[str, tuple[str, str]] = {}  # container name -> (service, file)
    for doc in docs:
        for svc in services(doc):
            name = svc.data.get("container_name")
            if not isinstance(name, str) or not name or has_variable(name):
                continue
            seen = first.get(name)
            if seen is None:
                first[name] = (svc.name, doc.name)
            elif seen[0] != svc.name:
                where = "" if seen[1] == doc.name else f" in {seen[1]}"
                yield doc, Hit(svc.path("container_name"), f"{name!r} is also {seen[0]}'s{where}", key=False)
