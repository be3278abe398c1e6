"""The catalog: generated schemas are committed as-is, and key/version facts
agree with the shared key matrix (compose-key-matrix.json)."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path
from types import ModuleType

import pytest

from compose_migrate import catalog
from compose_migrate.catalog.model import compact, span
from compose_migrate.schemas import load_schema, schema_path, validator_for
from compose_migrate.versions import ComposeVersion

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
MATRIX = SHARED / "docs" / "compose-key-matrix.json"

# Where the catalog disagrees with the matrix on purpose: path -> reason and source.
MATRIX_DIFFERENCES: dict[str, dict[str, str]] = {
    "services.*.gpus.x-*": {
        "reason": "`gpus` is a string or a list; upstream's ^x- patternProperties beside that oneOf "
        "can never match anything, so the catalog does not list extensions there",
        "source": "compose-spec.json services.gpus",
    },
}


def _generator() -> ModuleType:
    spec = importlib.util.spec_from_file_location("generate_schemas", REPO / "scripts" / "generate_schemas.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_generated_schemas_equal_committed_files(tmp_path: Path) -> None:
    gen = _generator()
    fresh = gen.generate(tmp_path)
    assert len(fresh) == len(ComposeVersion) == 21
    for path, text in fresh.items():
        committed = REPO / "schemas" / path.name
        assert committed.is_file(), f"{path.name} is not committed"
        assert committed.read_text(encoding="utf-8") == text, f"{path.name} is stale: run scripts/generate_schemas.py"
    names = sorted(p.name for p in (REPO / "schemas").glob("*.json"))
    assert names == sorted(p.name for p in fresh)


def test_generation_is_deterministic() -> None:
    gen = _generator()
    assert gen.render(ComposeVersion.V2_0) == gen.render(ComposeVersion.V2_0)
    text = gen.render(ComposeVersion.SPEC)
    assert text.endswith("}\n") and '\n  "definitions": {' in text


def _matrix() -> dict[str, list[str]]:
    assert MATRIX.is_file(), f"missing {MATRIX}"
    paths = json.loads(MATRIX.read_text(encoding="utf-8"))["paths"]
    # "spec-1.29.2" (docker-compose 1.29.2's copy) is not a format we generate.
    return {p: [v for v in info["in"] if v != "spec-1.29.2"] for p, info in paths.items()}


def test_catalog_paths_and_versions_agree_with_matrix() -> None:
    matrix = _matrix()
    ours = {p: [v.value for v in e.versions] for p, e in catalog.all_paths().items()}
    differences = {p: (ours.get(p), matrix.get(p)) for p in set(matrix) | set(ours) if ours.get(p) != matrix.get(p)}
    assert sorted(differences) == sorted(MATRIX_DIFFERENCES)
    assert len(ours) == 550 and len(matrix) == 551


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        ("services.*.mem_limit", "1-2.4, spec"),
        ("services.*.healthcheck.start_period", "2.3-2.4, 3.4-spec"),
        ("services.*.init", "2.2-2.4, 3.7-spec"),
        ("services.*.oom_score_adj", "2.0-2.4, 3.13-spec"),
        ("services.*.cgroupns_mode", "3.9-3.13"),
        ("services.*.depends_on.*.condition", "2.1-2.4, spec"),
        ("services.*.ports[].target", "3.2-spec"),
        ("x-*", "2.0-2.4, 3.4-spec"),
        ("services.*.net", "1"),
        ("include", "spec"),
    ],
)
def test_versions_accepting(path: str, expected: str) -> None:
    assert compact(catalog.versions_accepting(path)) == expected


def test_entry_for_and_removal() -> None:
    entry = catalog.entry_for("services.*.mem_limit")
    assert entry is not None
    assert entry.since is ComposeVersion.V1
    assert entry.removed_in is ComposeVersion.V3_0
    assert entry.replaced_by == "deploy.resources.limits.memory"
    # A real service name and the <name> notation both match the catalog path.
    assert catalog.entry_for("services.web.mem_limit") == entry
    assert catalog.entry_for("services.<name>.mem_limit") == entry
    text = catalog.describe_change("mem_limit")
    assert text == (
        "services.*.mem_limit is accepted in 1-2.4, spec; removed in 3.0, replaced by deploy.resources.limits.memory"
    )
    assert catalog.describe_change("image") is None


def test_bare_key_searches_every_path() -> None:
    paths = sorted(e.path for e in catalog.entries_matching("healthcheck"))
    assert paths == ["services.*.healthcheck"]
    labels = {e.path for e in catalog.entries_matching("labels")}
    assert {"services.*.labels", "networks.*.labels", "services.*.deploy.labels", "services.*.build.labels"} <= labels
    assert catalog.entry_for("labels") is not None
    assert catalog.entry_for("labels").path == "services.*.labels"  # type: ignore[union-attr]
    assert catalog.entry_for("no_such_key") is None


def test_span_parsing_is_open_ended() -> None:
    assert span("3.5-") == frozenset(v for v in ComposeVersion if v >= ComposeVersion.V3_5)
    assert compact(span("1-2.4, spec")) == "1-2.4, spec"
    assert compact([]) == ""


def test_schema_loading_and_validators() -> None:
    assert schema_path(ComposeVersion.V3_0).name == "compose-v3.0.json"
    assert load_schema(ComposeVersion.SPEC)["$schema"] == "http://json-schema.org/draft-07/schema#"
    assert validator_for(ComposeVersion.V2_1) is validator_for(ComposeVersion.V2_1)
    v30 = validator_for(ComposeVersion.V3_0)
    assert not v30.is_valid({"version": "3", "services": {"a": {"image": "x", "mem_limit": "1g"}}})
    assert v30.is_valid({"version": "3", "services": {"a": {"image": "x", "deploy": {"replicas": 2}}}})
    assert not v30.is_valid({"services": {}})  # version is required in 3.0-3.9
    v1 = validator_for(ComposeVersion.V1)
    assert v1.is_valid({"web": {"image": "x", "links": ["db"]}})
    assert not v1.is_valid({"version": "2", "services": {}})


def test_every_generated_schema_is_a_valid_draft_07_schema() -> None:
    # validator_for() trusts the bundled schemas (no meta-check at run time); this is where they are checked.
    from jsonschema import Draft7Validator

    from compose_migrate.schemas import load_schema

    for version in ComposeVersion:
        Draft7Validator.check_schema(load_schema(version))
