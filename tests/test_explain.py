"""explain() and the minimum version a file needs."""

from __future__ import annotations

import csv
from pathlib import Path
from typing import Any

import pytest
import yaml

from compose_migrate.explain import NoVersionFits, explain, first_version_for, min_version, used_paths
from compose_migrate.versions import ComposeVersion as V

SHARED = Path(__file__).resolve().parents[1].parent / "shared"


def _load(rel: str) -> Any:
    path = SHARED / rel
    assert path.is_file(), f"missing {path}"
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def test_explain_removed_key() -> None:
    r = explain("mem_limit")
    assert r.paths == ["services.*.mem_limit"]
    assert r.versions == "1-2.4, spec"
    assert r.forms == "number or string"
    assert r.removed_in == "3.0"
    assert r.replaced_by == "deploy.resources.limits.memory"


def test_explain_forms_and_unknown() -> None:
    r = explain("services.<name>.depends_on")
    assert r.versions == "2.0-spec"
    assert r.forms == "list of string | mapping"
    assert r.removed_in is None
    assert explain("healthcheck").versions == "2.1-spec"
    assert explain("net").replaced_by == "network_mode"
    assert not explain("no_such_key").found
    assert (explain("volumes").paths, explain("volumes").also) == (["volumes"], ["services.*.volumes"])


def test_first_version_for() -> None:
    assert first_version_for(["services", "*", "ports", "[]", "target"]) is V.V3_2
    assert first_version_for(["services", "*", "healthcheck", "start_period"]) is V.V2_3
    assert first_version_for(["services", "*", "healthcheck", "start_period"], [V.V3_0, V.V3_4, V.V3_8]) is V.V3_4
    assert first_version_for(["services", "*", "nope"]) is None


def test_value_forms_raise_the_minimum() -> None:
    base = {"version": "2", "services": {"a": {"image": "x", "depends_on": ["b"]}, "b": {"image": "y"}}}
    assert min_version(base, "2") == (V.V2_0, [])
    base["services"]["a"]["depends_on"] = {"b": {"condition": "service_healthy"}}
    version, why = min_version(base, "2")
    assert version is V.V2_1
    assert ("services.*.depends_on.*", V.V2_1) in why
    volumes = {"services": {"a": {"image": "x", "volumes": [{"type": "bind", "source": ".", "target": "/s"}]}}}
    assert min_version(volumes, "2")[0] is V.V2_3
    assert min_version(volumes, "3")[0] is V.V3_2
    ports = {"services": {"a": {"image": "x", "ports": [{"target": 80, "published": 8080}]}}}
    assert min_version(ports, "3")[0] is V.V3_2
    assert min_version({"services": {"a": {"image": "x"}}, "x-common": {"k": 1}}, "v3.x")[0] is V.V3_4


def test_key_missing_from_family_raises() -> None:
    with pytest.raises(NoVersionFits) as info:
        min_version({"services": {"a": {"image": "x", "mem_limit": "1g"}}}, "3")
    assert info.value.paths == ["services.*.mem_limit"]


def test_v1_paths_live_under_services() -> None:
    data = {"web": {"image": "x", "links": ["db"]}, "db": {"image": "y"}}
    assert "services.*.links" in used_paths(data, v1=True)
    assert min_version(data, "v1") == (V.V1, [])


def test_corpus_examples() -> None:
    stack = _load("corpus/voting-app/docker-stack-windows.yml@2018-09-26-ac496c8.yml")
    version, why = min_version(stack, "3")
    assert version is V.V3_2
    assert {p for p, _ in why} == {
        "services.*.ports[].mode",
        "services.*.ports[].target",
        "services.*.ports[].published",
        "services.*.deploy.endpoint_mode",
    }
    health = _load("corpus/docker-compose/extends/healthcheck-1.yml")
    version, why = min_version(health, "2")
    assert version is V.V2_1
    assert ("services.*.healthcheck", V.V2_1) in why


def test_declared_version_is_never_below_the_minimum() -> None:
    # Every valid corpus file with a literal 2.x/3.x version needs at most that version.
    checked = 0
    with (SHARED / "corpus" / "MANIFEST.tsv").open(encoding="utf-8") as fh:
        for row in csv.DictReader(fh, delimiter="\t"):
            family, _, literal = row["expected_syntax"].partition(":")
            if family not in ("v2.x", "v3.x") or not literal or row["expected_valid"] != "yes":
                continue
            data = yaml.safe_load((SHARED / row["file"]).read_text(encoding="utf-8"))
            declared = V.parse(literal)
            version, _ = min_version(data, family)
            assert version <= declared, row["file"]
            checked += 1
    assert checked > 200
