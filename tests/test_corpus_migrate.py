"""Every valid corpus file migrates to the Compose Specification, and the result holds up.

For each file MANIFEST.tsv marks expected_valid == yes: the migration to
spec succeeds; the output passes the OFFICIAL compose-spec.json (Draft 7,
after the null-section step SCHEMA_CHECK.tsv and the engines apply);
migrating the output again changes nothing; and every full-line comment of
the input is still in the output (the removed `version:` line can only carry
an end-of-line comment, which leaves with it).
"""

from __future__ import annotations

import csv
import json
from collections import Counter
from dataclasses import dataclass, field

from jsonschema import Draft7Validator

from compose_migrate import load, migrate
from compose_migrate.findings import ComposeMigrateError
from compose_migrate.plain import schema_view

from .conftest import SHARED

# file (as in MANIFEST.tsv) -> why it cannot pass.  Empty: every file does.
EXCEPTIONS: dict[str, str] = {}


def _valid_files() -> list[str]:
    with (SHARED / "corpus" / "MANIFEST.tsv").open(encoding="utf-8", newline="") as fh:
        return [row["file"] for row in csv.DictReader(fh, delimiter="\t") if row["expected_valid"] == "yes"]


def _comment_lines(text: str) -> Counter[str]:
    return Counter(line.strip() for line in text.splitlines() if line.strip().startswith("#"))


@dataclass
class Figures:
    files: int = 0
    migrated: int = 0
    valid: int = 0
    idempotent: int = 0
    comments_kept: int = 0
    problems: list[str] = field(default_factory=list)


def _run_corpus() -> Figures:
    validator = Draft7Validator(json.loads((SHARED / "reference" / "schemas" / "compose-spec.json").read_text()))
    figures = Figures()
    for rel in _valid_files():
        figures.files += 1
        if rel in EXCEPTIONS:
            continue
        try:
            doc = load(SHARED / rel)
            res = migrate(doc, "spec")
        except ComposeMigrateError as exc:
            figures.problems.append(f"{rel}: migration failed: {exc.finding.message}")
            continue
        figures.migrated += 1
        out = load(text=res.output, name=f"{rel} (migrated)")
        errors = list(validator.iter_errors(schema_view(out.data)))
        if errors:
            first = min(errors, key=lambda e: list(e.absolute_path))
            figures.problems.append(f"{rel}: output invalid at {list(first.absolute_path)}: {first.message}")
        else:
            figures.valid += 1
        again = migrate(out, "spec")
        if again.changed:
            figures.problems.append(f"{rel}: migrating the output again changed it")
        else:
            figures.idempotent += 1
        before, after = _comment_lines(doc.text), _comment_lines(res.output)
        lost = [c for c, n in before.items() if after[c] < n]
        if lost:
            figures.problems.append(f"{rel}: comments lost: {lost[:3]}")
        else:
            figures.comments_kept += 1
    return figures


def test_corpus_migrates_to_spec() -> None:
    f = _run_corpus()
    print(
        f"\ncorpus --to spec: files {f.files}, migrated {f.migrated}, valid {f.valid}, "
        f"idempotent {f.idempotent}, comments kept {f.comments_kept}, exceptions {len(EXCEPTIONS)}"
    )
    assert f.files == 481  # MANIFEST.tsv: expected_valid yes
    want = f.files - len(EXCEPTIONS)
    assert (f.migrated, f.valid, f.idempotent, f.comments_kept) == (want, want, want, want), "\n".join(f.problems)


def test_exceptions_are_real_corpus_files() -> None:
    assert set(EXCEPTIONS) <= set(_valid_files())
