"""Our generated schemas against the official ones, per version.

(a) structure: walk both schemas and compare, per property path, the property
    names, types, enums, required keys, patterns and additionalProperties;
(b) verdicts: every corpus file with a known version gets the same
    valid/invalid verdict from both;
(c) every difference we keep on purpose is listed once, in INTENDED_DIFFERENCES.
"""

from __future__ import annotations

import csv
import json
from functools import cache
from pathlib import Path
from typing import Any

import pytest
import yaml
from jsonschema import Draft4Validator, Draft7Validator

from compose_migrate.schemas import load_schema, validator_for
from compose_migrate.versions import ComposeVersion

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
OFFICIAL = SHARED / "reference" / "schemas"
CORPUS = SHARED / "corpus"

# The one place where we differ from upstream on purpose:
# (version or "*", path, aspect) -> reason and source.
INTENDED_DIFFERENCES: dict[tuple[str, str, str], dict[str, str]] = {
    ("spec", "services.*.gpus", "addl"): {
        "reason": "upstream puts additionalProperties:false beside a oneOf of string/array; "
        "it never applies to a non-object, so we leave it out",
        "source": "compose-spec.json services.gpus",
    },
    ("spec", "services.*.gpus", "ext"): {
        "reason": "upstream puts patternProperties ^x- beside a oneOf of string/array; "
        "it never applies to a non-object, so we leave it out",
        "source": "compose-spec.json services.gpus",
    },
}


def official_path(version: ComposeVersion) -> Path:
    """The yardstick per version (SOURCES.md): docker/compose 1.26.2/1.29.2, docker/cli, compose-spec."""
    if version is ComposeVersion.SPEC:
        return OFFICIAL / "compose-spec.json"
    if version >= ComposeVersion.V3_9 and version is not ComposeVersion.SPEC:
        return OFFICIAL / "docker-cli" / f"config_schema_v{version.value}.json"
    return OFFICIAL / f"config_schema_v{version.value}.json"


@cache
def official_schema(version: ComposeVersion) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(official_path(version).read_text(encoding="utf-8"))
    return data


@cache
def official_validator(version: ComposeVersion) -> Draft4Validator | Draft7Validator:
    schema = official_schema(version)
    if version is ComposeVersion.SPEC:
        return Draft7Validator(schema)
    return Draft4Validator(schema)


# --- (a) structure --------------------------------------------------------------

Facts = dict[str, dict[str, set[Any]]]


def structure(schema: dict[str, Any]) -> Facts:
    """Per property path: the types, props, enums, required sets, patterns, closedness.

    `oneOf`/`anyOf`/`allOf` alternatives are merged into their path, so the way
    a schema is factored (definitions, refs, nesting of choices) does not matter.
    """
    definitions = schema.get("definitions", {})
    out: Facts = {}

    def note(path: str, aspect: str, value: Any) -> None:
        out.setdefault(path, {}).setdefault(aspect, set()).add(value)

    def child(path: str, part: str) -> str:
        return f"{path}.{part}" if path else part

    def visit(node: dict[str, Any], path: str, refs: frozenset[str]) -> None:
        while "$ref" in node:
            ref = node["$ref"]
            if ref in refs:
                return
            refs = refs | {ref}
            node = definitions[ref.rsplit("/", 1)[-1]]
        out.setdefault(path, {})
        for combinator in ("oneOf", "anyOf", "allOf"):
            for alternative in node.get(combinator, []):
                visit(alternative, path, refs)
        kind = node.get("type")
        kinds = [kind] if isinstance(kind, str) else list(kind or [])
        for k in kinds:
            note(path, "types", k)
        if "enum" in node:
            note(path, "enum", tuple(sorted(map(str, node["enum"]))))
        if "pattern" in node:
            note(path, "pattern", node["pattern"])
        if "required" in node:
            note(path, "required", tuple(sorted(node["required"])))
        if "properties" in node or "patternProperties" in node or "object" in kinds:
            extra = node.get("additionalProperties", True)
            note(path, "addl", "schema" if isinstance(extra, dict) else bool(extra))
        for name, sub in node.get("properties", {}).items():
            note(path, "props", name)
            visit(sub, child(path, name), refs)
        for pattern, sub in node.get("patternProperties", {}).items():
            if pattern.startswith("^x-"):
                note(path, "ext", True)
                continue
            note(path, "names", pattern)
            visit(sub, child(path, "*"), refs)
        if isinstance(node.get("additionalProperties"), dict):
            visit(node["additionalProperties"], child(path, "*"), refs)
        if isinstance(node.get("items"), dict):
            visit(node["items"], path + "[]", refs)

    visit(schema, "", frozenset())
    if "services" not in schema.get("properties", {}):
        # v1: the file is the service map; put it under services.* like later versions.
        out = {("services" + ("." + p if p != "*" else ".*") if p.startswith("*") else p): f for p, f in out.items()}
        out = {p.replace("services..", "services."): f for p, f in out.items()}
        out["services"] = out.pop("")
        out[""] = {"types": {"object"}, "props": {"services"}}
    return out


def structural_differences(version: ComposeVersion) -> set[tuple[str, str, str]]:
    ours = structure(load_schema(version))
    theirs = structure(official_schema(version))
    found: set[tuple[str, str, str]] = set()
    for path in set(ours) | set(theirs):
        if path not in ours or path not in theirs:
            found.add((version.value, path, "missing in ours" if path not in ours else "missing upstream"))
            continue
        for aspect in set(ours[path]) | set(theirs[path]):
            if ours[path].get(aspect) != theirs[path].get(aspect):
                found.add((version.value, path, aspect))
    return found


def test_shared_reference_data_is_present() -> None:
    assert OFFICIAL.is_dir(), f"missing {OFFICIAL}"
    assert (CORPUS / "MANIFEST.tsv").is_file(), f"missing {CORPUS}/MANIFEST.tsv"


@pytest.mark.parametrize("version", list(ComposeVersion), ids=str)
def test_structure_matches_official(version: ComposeVersion) -> None:
    found = structural_differences(version)
    intended = {k for k in INTENDED_DIFFERENCES if k[0] in (version.value, "*")}
    found = {d for d in found if (d[0], d[1], d[2]) not in intended and ("*", d[1], d[2]) not in intended}
    assert sorted(found) == []


def test_structure_walk_sees_the_whole_schema() -> None:
    # Guard against a walker that compares nothing.
    facts = structure(official_schema(ComposeVersion.V2_4))
    assert len(facts) > 200
    assert facts["services.*.depends_on.*.condition"]["enum"] == {("service_healthy", "service_started")}
    v1 = structure(official_schema(ComposeVersion.V1))
    assert "services.*.log_opt" in v1 and "services.*.dockerfile" in v1


def test_intended_differences_are_all_real_and_counted() -> None:
    every = set()
    for v in ComposeVersion:
        every |= structural_differences(v)
    for version, path, aspect in INTENDED_DIFFERENCES:
        assert (version, path, aspect) in every, f"stale intended difference: {version} {path} {aspect}"
        assert INTENDED_DIFFERENCES[(version, path, aspect)]["reason"]
        assert INTENDED_DIFFERENCES[(version, path, aspect)]["source"]
    print(f"intended structural differences: {len(INTENDED_DIFFERENCES)}")
    assert len(INTENDED_DIFFERENCES) == 2


# --- (b) verdicts on the corpus ---------------------------------------------------


class _Loader(yaml.SafeLoader):
    """YAML 1.1 as docker-compose read it; `!reset`/`!override` read as their plain value."""


def _plain(loader: yaml.SafeLoader, node: yaml.Node) -> Any:
    if isinstance(node, yaml.MappingNode):
        return loader.construct_mapping(node, deep=True)
    if isinstance(node, yaml.SequenceNode):
        return loader.construct_sequence(node, deep=True)
    return loader.construct_scalar(node)  # type: ignore[arg-type]


for _tag in ("!reset", "!override"):
    _Loader.add_constructor(_tag, _plain)

SECTIONS = ("services", "networks", "volumes", "secrets", "configs")


def prepare(data: Any, version: ComposeVersion) -> Any:
    """What docker-compose validated: null section entries became {}."""
    if not isinstance(data, dict):
        return data
    if version is ComposeVersion.V1:
        return {k: ({} if v is None else v) for k, v in data.items()}
    data = dict(data)
    for section in SECTIONS:
        entries = data.get(section)
        if isinstance(entries, dict):
            data[section] = {k: ({} if v is None else v) for k, v in entries.items()}
    return data


def corpus_rows() -> list[dict[str, str]]:
    with (CORPUS / "MANIFEST.tsv").open(encoding="utf-8") as fh:
        return list(csv.DictReader(fh, delimiter="\t"))


def version_of(expected_syntax: str) -> ComposeVersion | None:
    family, _, literal = expected_syntax.partition(":")
    if family == "v1":
        return ComposeVersion.V1
    if family == "spec":
        return ComposeVersion.SPEC
    if family in ("v2.x", "v3.x") and literal:
        return ComposeVersion.parse(literal)
    return None  # "unknown": no version to compare under


def verdicts() -> tuple[int, list[str], int]:
    agree = 0
    disagree: list[str] = []
    skipped = 0
    for row in corpus_rows():
        version = version_of(row["expected_syntax"])
        text = (CORPUS.parent / row["file"]).read_text(encoding="utf-8", errors="replace")
        try:
            data = yaml.load(text, Loader=_Loader)  # noqa: S506 - a SafeLoader subclass
        except yaml.YAMLError:
            data = None
            version = None
        if version is None:
            skipped += 1
            continue
        data = prepare(data, version)
        ours = validator_for(version).is_valid(data)
        theirs = official_validator(version).is_valid(data)
        if ours == theirs:
            agree += 1
        else:
            disagree.append(f"{row['file']} ({version}): ours={ours} official={theirs}")
    return agree, disagree, skipped


def test_corpus_verdicts_match_official() -> None:
    agree, disagree, skipped = verdicts()
    print(f"verdict agreement: {agree}/{agree + len(disagree)} (without a version: {skipped})")
    assert disagree == []
    assert agree > 400
