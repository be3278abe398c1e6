"""Compare `compose-migrate lint` with dclint over the shared corpus: findings per rule.

    python scripts/compare_dclint.py [--dclint PATH] [--corpus DIR] [--details N]

dclint (npm package `dclint`) is not a dependency: install it somewhere
git-ignored (`cd /tmp/dclint && npm install dclint`) and point --dclint (or
$DCLINT) at node_modules/.bin/dclint.  Each file is linted on its own by both
tools (the corpus files are unrelated projects).  Prints a Markdown table:
per rule, the findings and flagged files of each tool, and for rules the two
share, the files both flag and the files only one flags; `--details N` lists
up to N such files per disagreement.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from compose_migrate.document import load  # noqa: E402
from compose_migrate.findings import ComposeMigrateError  # noqa: E402
from compose_migrate.lint import RULES, lint_documents  # noqa: E402

# dclint rule -> our code, where the two look for the same thing.
DCLINT_TO_OURS = {
    "service-image-require-explicit-tag": "CL001",
    "no-version-field": "CL002",
    "no-unbound-port-interfaces": "CL007",
    "require-quotes-in-ports": "CL017",
    "no-duplicate-exported-ports": "CL019",
    "no-duplicate-container-names": "CL020",
}


def corpus_files(corpus: Path) -> list[Path]:
    rows = (corpus / "MANIFEST.tsv").read_text(encoding="utf-8").splitlines()[1:]
    return [corpus.parent / row.split("\t", 1)[0] for row in rows if row.strip()]


def ours(files: list[Path]) -> dict[str, list[tuple[str, int]]]:
    """code -> [(file, line)] (unreadable files are skipped: lint has nothing to say)."""
    out: dict[str, list[tuple[str, int]]] = defaultdict(list)
    for f in files:
        try:
            doc = load(str(f))
        except ComposeMigrateError:
            continue
        for res in lint_documents([doc]):
            for finding in res.findings:
                out[finding.code].append((str(f), finding.line))
    return out


def dclint(files: list[Path], exe: str) -> dict[str, list[tuple[str, int]]]:
    """dclint rule -> [(file, line)], from its JSON formatter."""
    import tempfile

    out: dict[str, list[tuple[str, int]]] = defaultdict(list)
    with tempfile.TemporaryDirectory() as tmp:
        report = Path(tmp) / "dclint.json"
        # --output-file: dclint exits before a large report written to a pipe is flushed.
        subprocess.run(
            [exe, *map(str, files), "-f", "json", "--color", "false", "-o", str(report)], capture_output=True
        )
        for entry in json.loads(report.read_text(encoding="utf-8")):
            for m in entry["messages"]:
                out[m["rule"]].append((os.path.realpath(entry["filePath"]), int(m.get("line") or 0)))
    return out


def table(mine: dict[str, list[tuple[str, int]]], theirs: dict[str, list[tuple[str, int]]], details: int) -> str:
    ours_to_dclint = {v: k for k, v in DCLINT_TO_OURS.items()}
    real = {os.path.realpath(f): f for f, _ in (x for v in mine.values() for x in v)}
    lines = [
        "| our rule | findings | files | dclint rule | findings | files | both | only ours | only dclint |",
        "|---|---:|---:|---|---:|---:|---:|---:|---:|",
    ]
    notes: list[str] = []
    for code, rule in RULES.items():
        m = mine.get(code, [])
        mf = {os.path.realpath(f) for f, _ in m}
        other = ours_to_dclint.get(code)
        if other is None:
            lines.append(f"| {code} {rule.name} | {len(m)} | {len(mf)} | - | | | | | |")
            continue
        t = theirs.get(other, [])
        tf = {f for f, _ in t}
        lines.append(
            f"| {code} {rule.name} | {len(m)} | {len(mf)} | {other} | {len(t)} | {len(tf)} "
            f"| {len(mf & tf)} | {len(mf - tf)} | {len(tf - mf)} |"
        )
        for label, diff in (("only ours", mf - tf), ("only dclint", tf - mf)):
            for f in sorted(diff)[:details]:
                notes.append(f"- {code}/{other} {label}: {os.path.relpath(real.get(f, f))}")
    for rule_name in sorted(set(theirs) - set(DCLINT_TO_OURS)):
        t = theirs[rule_name]
        lines.append(f"| - | | | {rule_name} | {len(t)} | {len({f for f, _ in t})} | | | |")
    return "\n".join(lines + ([""] + notes if notes else [])) + "\n"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--dclint", default=os.environ.get("DCLINT", "/tmp/dclint/node_modules/.bin/dclint"))
    ap.add_argument("--corpus", default=str(ROOT.parent / "shared" / "corpus"))
    ap.add_argument("--details", type=int, default=0, help="list up to N files per disagreement")
    args = ap.parse_args()
    files = corpus_files(Path(args.corpus))
    print(f"{len(files)} corpus files\n")
    print(table(ours(files), dclint(files, args.dclint), args.details))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
