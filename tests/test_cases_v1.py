"""Shared cases 023 and 024 (v1 -> 2.4) and the voting app v1 fixture, through the library."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from compose_migrate import load, migrate
from compose_migrate.validation.schema import schema_findings
from compose_migrate.versions import ComposeVersion

from .conftest import ROOT, SHARED

CASES = ["023-v1-to-v2-net-dockerfile-logging", "024-v1-named-volumes-declared"]


@pytest.mark.parametrize("case", CASES)
def test_case_output_is_byte_for_byte(case: str) -> None:
    folder = SHARED / "cases" / case
    spec = json.loads((folder / "case.json").read_text())
    assert spec["command"] == "migrate input.yml --to 2.4"
    res = migrate(load(folder / "input.yml"), "2.4")
    assert res.output == (folder / "expected.yml").read_text()
    out = load(text=res.output, name="out.yml")
    assert out.version is ComposeVersion.V2_4
    assert schema_findings(out.data, ComposeVersion.V2_4) == []
    for expected in spec["expected"]["warnings"]:
        assert any(expected["phrase"] in w.message for w in res.warnings), expected


def test_case_024_declares_only_the_named_volumes() -> None:
    res = migrate(load(SHARED / "cases" / CASES[1] / "input.yml"), "2.4")
    declared = load(text=res.output, name="out.yml").data["volumes"]
    assert list(declared) == ["pgdata", "db.backup"]


def test_voting_app_v1_migrates_to_a_valid_2_0_file() -> None:
    path: Path = ROOT / "fixtures" / "voting-app" / "v1" / "docker-compose.yml"
    res = migrate(load(path), "2.0")
    out = load(text=res.output, name="out.yml")
    assert out.version is ComposeVersion.V2_0
    assert schema_findings(out.data, ComposeVersion.V2_0) == []
    data = out.data
    assert data["services"]["worker"]["depends_on"] == ["db", "redis"]
    assert {name for name, svc in data["services"].items() if svc.get("networks") == ["links"]} == {
        "redis",
        "db",
        "vote",
        "result",
        "worker",
    }
    assert data["networks"] == {"links": {"driver": "bridge"}}
    # Comments stay where a reader put them.
    assert "  # The worker moves votes from redis to postgres.\n  worker:\n" in res.output
    assert "    image: voting-app  # the Python front end\n" in res.output
    assert "links:\n      - " not in res.output  # no service keeps `links`
