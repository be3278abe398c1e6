"""Detection agrees with the corpus manifest on every file, and table cases."""

from __future__ import annotations

import csv

import pytest

from compose_migrate import ComposeVersion, load
from compose_migrate.detect import detect_document

from .conftest import SHARED

ROWS = list(csv.DictReader(open(SHARED / "corpus" / "MANIFEST.tsv", encoding="utf-8"), delimiter="\t"))


def _family(v: ComposeVersion | None) -> str:
    if v is None:
        return "unknown"
    if v is ComposeVersion.V1:
        return "v1"
    if v is ComposeVersion.SPEC:
        return "spec"
    return f"v{v.major}.x"


def test_manifest_agreement_is_total() -> None:
    agree = 0
    disagreements = []
    for row in ROWS:
        doc = load(SHARED / row["file"])
        det = detect_document(doc)
        family, _, literal = row["expected_syntax"].partition(":")
        got = _family(det.version)
        ok = got == family and (not literal or det.declared == literal)
        if ok and literal and det.version is not None:
            # The literal maps to exactly the version docker-compose read.
            ok = det.version is ComposeVersion.parse(literal)
        if ok:
            agree += 1
        else:
            disagreements.append((row["file"], row["expected_syntax"], got, det.declared))
    print(f"detection agrees with MANIFEST.tsv on {agree}/{len(ROWS)} files")
    assert disagreements == []
    assert agree == len(ROWS) == 536


@pytest.mark.parametrize(
    ("text", "version", "phrase"),
    [
        pytest.param("web:\n  image: nginx\n", ComposeVersion.V1, "services", id="top-level services mean v1"),
        pytest.param('version: "2"\nservices: {}\n', ComposeVersion.V2_0, "2.0", id="a bare 2 means 2.0"),
        pytest.param(
            'version: "3"\nservices: {}\n', ComposeVersion.V3_0, "newest 3.x", id="a bare 3 means 3.0 and says so"
        ),
        pytest.param('version: "3.10"\nservices: {}\n', ComposeVersion.V3_10, "stack", id="3.10 is not read as 3.1"),
        pytest.param("version: 3.10\nservices: {}\n", ComposeVersion.V3_10, "", id="an unquoted 3.10 is 3.10"),
        pytest.param("services:\n  web:\n    image: nginx\n", ComposeVersion.SPEC, "services", id="no version is spec"),
        pytest.param("include:\n  - other.yml\n", ComposeVersion.SPEC, "include", id="an include-only file is spec"),
        pytest.param("version: ':8080'\nservices: {}\n", None, "not a Compose", id="a bogus version is unknown"),
        pytest.param('version: "2.5"\nservices: {}\n', None, "no Compose file format", id="an unknown minor"),
        pytest.param("# nothing\n", None, "empty", id="only a comment"),
        pytest.param("- a\n- b\n", None, "list", id="a list at the top"),
        pytest.param(
            "lb:\n  scale: 2\n  health_check: {}\n", None, "no top-level key looks like a service", id="a Rancher file"
        ),
    ],
)
def test_detect_table(text: str, version: ComposeVersion | None, phrase: str) -> None:
    det = load(text=text).detection
    assert det.version is version
    assert phrase.lower() in det.reason.lower() or phrase == ""


def test_numeric_version_is_a_located_finding() -> None:
    det = load(text="version: 2.1\nservices:\n  a:\n    image: x\n").detection
    assert det.version is ComposeVersion.V2_1
    [f] = det.findings
    assert (f.line, f.col) == (1, 10)
    assert "should be a string" in f.message
