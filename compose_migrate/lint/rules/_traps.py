"""The YAML 1.1 traps lint reports and --fix quotes: one list, so both agree.

Found by migrations/yaml11_quoting.find_quotable (which classifies with
compose_migrate/yaml11.py), the same helper the migration rules quote with.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ...migrations.yaml11_quoting import Quotable, find_quotable

if TYPE_CHECKING:
    from ...document import Document


def traps(doc: Document, codes: frozenset[str]) -> list[Quotable]:
    legacy = doc.version is None or doc.version.is_legacy
    return find_quotable(doc.r11.node, legacy=legacy, codes=codes, skip_root_keys=lambda key: key == "version")
