"""Regenerate docs/lint-rules.md from the lint rule registry (the hand-written tail is kept)."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from compose_migrate.lint.doc import render_doc  # noqa: E402

if __name__ == "__main__":
    target = Path(__file__).resolve().parents[1] / "docs" / "lint-rules.md"
    existing = target.read_text(encoding="utf-8") if target.exists() else ""
    target.write_text(render_doc(existing), encoding="utf-8")
    print(f"wrote {target}")
