"""Every valid legacy corpus file migrated to 2.4 and to 3.8 (issue figures).

To the Compose Specification: tests/test_corpus_migrate.py.  Here: v1 and
2.x files to 2.4, and v1, 2.x and older 3.x files to 3.8.  Each output must
pass the OFFICIAL schema of its target (docker/compose 1.26.2), migrate again
to itself unchanged, and keep every comment line; the driver has already
proven each step's semantic diff is accounted for (it refuses otherwise).
"""

from __future__ import annotations

import csv
import json
from collections import Counter

import jsonschema
import pytest

import compose_migrate as cm
from compose_migrate.plain import schema_view

from .conftest import SHARED

V = cm.ComposeVersion
ROWS = [
    r
    for r in csv.DictReader(open(SHARED / "corpus" / "MANIFEST.tsv", encoding="utf-8"), delimiter="\t")
    if r["expected_valid"] == "yes"
]
OFFICIAL = {V.V2_4: "config_schema_v2.4.json", V.V3_8: "config_schema_v3.8.json"}

# Refusals by design, with the reason: V2-10 (volumes_from) is a human decision:
# the mounts a service inherits from another container cannot be derived from
# the file (image VOLUMEs, container: sources), so migrate stops and says what
# to do rather than guess.  Keyed by file, so a new refusal fails the test.
REFUSED_BY_DESIGN = {
    "corpus/docker-compose/volumes-from-container/docker-compose.yml": "volumes_from",
    "corpus/docker-compose/v2-full/docker-compose.yml": "volumes_from",
    "corpus/kompose/volume-mounts/volumes-from/docker-compose.yml": "volumes_from",
    "corpus/kompose/volume-mounts/volumes-from/docker-compose-case.yml": "volumes_from",
}


@pytest.mark.parametrize("target", [V.V2_4, V.V3_8], ids=["to 2.4", "to 3.8"])
def test_valid_legacy_files_reach_the_target(target: cm.ComposeVersion) -> None:
    schema = json.loads((SHARED / "reference" / "schemas" / OFFICIAL[target]).read_text())
    validator = jsonschema.Draft4Validator(schema)
    figures: Counter[str] = Counter()
    refused: dict[str, str] = {}
    for row in ROWS:
        doc = cm.load(SHARED / row["file"])
        if doc.version is None or doc.version is V.SPEC or doc.version >= target:
            continue
        figures["eligible"] += 1
        try:
            res = cm.migrate(doc, target)
        except cm.ComposeMigrateError as exc:
            refused[row["file"]] = exc.finding.message
            continue
        figures["migrated"] += 1
        out = cm.load(text=res.output, name=row["file"])
        errors = list(validator.iter_errors(schema_view(out.data)))
        assert errors == [], (row["file"], errors[0].message)
        figures["valid against the official schema"] += 1
        assert not cm.migrate(out, target).changed, row["file"]
        figures["idempotent"] += 1
        comments = [ln.strip() for ln in doc.text.splitlines() if ln.strip().startswith("#")]
        assert all(c in res.output for c in comments), row["file"]
        figures["every comment kept"] += 1
        figures["with a lossy-change warning"] += any(w.lossy for w in res.warnings)
    print(f"to {target.label}: {dict(figures)}; refused by design: {len(refused)}")
    expected_refusals = {f: why for f, why in REFUSED_BY_DESIGN.items() if f in refused}
    assert {f: why in refused[f] for f, why in expected_refusals.items()} == dict.fromkeys(expected_refusals, True)
    assert set(refused) <= set(REFUSED_BY_DESIGN), sorted(set(refused) - set(REFUSED_BY_DESIGN))
    assert figures["migrated"] + len(refused) == figures["eligible"]
    if target is V.V2_4:
        assert refused == {}


def test_a_v1_base_file_is_migrated_before_it_is_inlined() -> None:
    """extends: file: pointing at a v1 file: its `net: host` becomes network_mode."""
    res = cm.migrate(cm.load(SHARED / "corpus/docker-compose/extends/common-env-labels-ulimits.yml"), "3.8")
    web = cm.load(text=res.output).data["services"]["web"]
    assert web["network_mode"] == "host" and "net" not in web
    assert web["environment"] == ["BAR=1", "FOO=2", "BAZ=3"]
