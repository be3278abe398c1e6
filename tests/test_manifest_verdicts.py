"""validate's verdict agrees with the corpus manifest's expected_valid, file by file.

The manifest's "yes" is upstream intent where upstream tests say so, and
otherwise "passes the JSON schema of its version"; ours adds the checks the
engines run after the schema (references, cycles, ports).  Every file where we
differ is listed here with the reason; a new difference fails the test.
"""

from __future__ import annotations

import csv

from compose_migrate.validation.batch import judge_path

from .conftest import SHARED

ROWS = list(csv.DictReader(open(SHARED / "corpus" / "MANIFEST.tsv", encoding="utf-8"), delimiter="\t"))

# Schema-valid files that a Compose engine still refuses (or fails to run).
STRICTER_THAN_THE_SCHEMA = {
    "corpus/voting-app-prs/docker-compose-demo.yml@2017-02-08-03af30f.yml": "`${{BRANCH}` is a malformed variable",
    "corpus/voting-app-prs/docker-compose-demo.yml@2017-02-08-3ff4e7a.yml": "`${{BRANCH}` is a malformed variable",
    "corpus/voting-app-prs/docker-compose.yml@2019-10-31-19b329c.yml": "host port 80 published by two services",
    "corpus/kompose/env/compose.yaml": "host ports 50070 and 8020 published by two services",
    "corpus/compose-go/loader/full-example.yml": "container_name with 6 replicas; depends_on an undefined service",
    "corpus/compose-go/loader/testdata/extends/base.yaml": "a null service; a service with no image or build",
    "corpus/compose-go/schema/using-variables.yaml": "networks used but never declared",
    "corpus/kompose/initcontainer/compose.yaml": "a lone `$` that docker-compose 1.x refuses in a 3.x file",
    "corpus/kompose/unused/merge-multiple-compose/compose-new-service-prob.yml": "a service with no image or build",
    "corpus/kompose/unused/merge-multiple-compose/other-toplevel-base.yml": "a named volume never declared",
    "corpus/kompose/unused/v3/docker-compose-deploy.yaml": "depends_on an undefined service",
    "corpus/kompose/volume-mounts/named-volume/docker-compose-v3.yml": "a named volume never declared",
    "corpus/kompose/volume-mounts/named-volume/docker-compose.yml": "a named volume never declared",
}


def test_verdicts_agree_with_the_manifest_except_the_listed_files() -> None:
    agree = 0
    differ: dict[str, str] = {}
    for row in ROWS:
        outcome = judge_path(str(SHARED / row["file"]))
        ours = "yes" if outcome.result.valid and not outcome.unreadable else "no"
        expected = row["expected_valid"]
        if expected == "unknown" or ours == expected:
            agree += 1
        else:
            differ[row["file"]] = f"manifest {expected}, ours {ours}"
    print(f"validate agrees with MANIFEST.tsv expected_valid on {agree}/{len(ROWS)} files; listed: {len(differ)}")
    assert set(differ) == set(STRICTER_THAN_THE_SCHEMA)
    assert all(v == "manifest yes, ours no" for v in differ.values())
    assert agree == len(ROWS) - len(STRICTER_THAN_THE_SCHEMA)
