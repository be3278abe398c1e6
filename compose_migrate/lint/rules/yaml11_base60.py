"""CL017: an unquoted `22:22` that YAML 1.1 reads as a base-60 number."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from ...findings import Severity
from ...yaml11 import BASE60
from ..base import Hit, LintRule
from ._traps import traps

if TYPE_CHECKING:
    from ...document import Document

CODES = frozenset({BASE60})

RULE = LintRule(
    __name__,
    code="CL017",
    severity=Severity.WARNING,
    message="unquoted value YAML 1.1 reads as a base-60 number",
    why="YAML 1.1 readers (docker-compose 1.x, PyYAML-based tools) read `22:22` as 1342: a port "
    "mapping silently becomes a different port. Quoted, every reader sees the text.",
    fix_hint='quote it ("22:22")',
    bad="services:\n  ssh:\n    image: example/sshd:9.6\n    ports:\n      - 2222:22\n",
    good='services:\n  ssh:\n    image: example/sshd:9.6\n    ports:\n      - "2222:22"\n',
    fix="quotes the value as written (migrations/yaml11_quoting.quote_at)",
)


@RULE.register
def check(doc: Document) -> Iterator[Hit]:
    for q in traps(doc, CODES):
        yield Hit(q.path, f"{q.text} is {q.pitfall.value_11} for YAML 1.1", key=False)
