"""Regenerate docs/rules.md from the migration rule registry."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from compose_migrate.rulesdoc import render_rules_doc  # noqa: E402

if __name__ == "__main__":
    target = Path(__file__).resolve().parents[1] / "docs" / "rules.md"
    target.write_text(render_rules_doc(), encoding="utf-8")
    print(f"wrote {target}")
