"""Regenerate schemas/*.json from compose_migrate.catalog.

.venv/bin/python scripts/generate_schemas.py          # write the files
.venv/bin/python scripts/generate_schemas.py --check  # exit 1 if any file is stale
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from compose_migrate.catalog import schema_for  # noqa: E402
from compose_migrate.versions import ComposeVersion  # noqa: E402


def file_name(version: ComposeVersion) -> str:
    return "compose-spec.json" if version is ComposeVersion.SPEC else f"compose-v{version.value}.json"


def render(version: ComposeVersion) -> str:
    """Stable text: sorted keys, 2-space indent, trailing newline."""
    return json.dumps(schema_for(version), indent=2, sort_keys=True, ensure_ascii=False) + "\n"


def generate(out_dir: Path) -> dict[Path, str]:
    return {out_dir / file_name(v): render(v) for v in ComposeVersion}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--out", type=Path, default=REPO / "schemas")
    parser.add_argument("--check", action="store_true", help="compare instead of writing")
    args = parser.parse_args(argv)
    stale = []
    for path, text in generate(args.out).items():
        current = path.read_text(encoding="utf-8") if path.exists() else None
        if current == text:
            continue
        if args.check:
            stale.append(path.name)
        else:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
            print(f"wrote {path.relative_to(REPO) if path.is_relative_to(REPO) else path}")
    if stale:
        print("stale: " + ", ".join(stale), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
