"""CL018: an unquoted yes/no/on/off (or y/n) where Compose wants a string."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from ...findings import Severity
from ...yaml11 import BOOL_STRING, SHORT_BOOL
from ..base import Hit, LintRule
from ._traps import traps

if TYPE_CHECKING:
    from ...document import Document

CODES = frozenset({BOOL_STRING, SHORT_BOOL})

RULE = LintRule(
    __name__,
    code="CL018",
    severity=Severity.WARNING,
    message="unquoted yes/no value YAML 1.1 reads as a boolean",
    why="In environment, labels and build args YAML 1.1 reads yes/no/on/off (and go-yaml v2 y/n) as "
    "booleans: docker-compose 1.x rejects them and the YAML 1.2 readers see text, so the same file "
    "means different things to different tools.",
    fix_hint='quote it ("yes")',
    bad="services:\n  app:\n    image: example/app:1.0\n    environment:\n      DEBUG: yes\n",
    good='services:\n  app:\n    image: example/app:1.0\n    environment:\n      DEBUG: "yes"\n',
    fix="quotes the value as written (migrations/yaml11_quoting.quote_at)",
)


@RULE.register
def check(doc: Document) -> Iterator[Hit]:
    for q in traps(doc, CODES):
        yield Hit(q.path, q.text, key=False)
