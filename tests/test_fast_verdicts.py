"""The generated yes/no validators (fastcheck) agree with jsonschema, and are up to date."""

from __future__ import annotations

import csv
import importlib.util
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from compose_migrate import load
from compose_migrate.fastcheck import is_valid, module_name
from compose_migrate.findings import ComposeMigrateError
from compose_migrate.validation.schema import schema_findings
from compose_migrate.versions import ComposeVersion as V
from tests.conftest import ROOT, SHARED

# Besides each file's own version, every file is also judged as these: one per family and the edges.
ALSO = (V.V1, V.V2_0, V.V2_4, V.V3_0, V.V3_8, V.V3_13, V.SPEC)


def _module(path: Path, name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec and spec.loader
    mod = importlib.util.module_from_spec(spec)
    sys.modules[name] = mod
    spec.loader.exec_module(mod)
    return mod


def _slow_valid(data: Any, version: V) -> bool:
    return not schema_findings(data, version)


def _corpus_docs() -> list[Any]:
    docs = []
    with open(SHARED / "corpus" / "MANIFEST.tsv", encoding="utf-8") as fh:
        for row in csv.DictReader(fh, delimiter="\t"):
            try:
                docs.append(load(SHARED / row["file"]))
            except ComposeMigrateError:
                continue  # unreadable YAML never reaches a schema
    return docs


def test_generated_validators_are_current() -> None:
    gen = _module(ROOT / "scripts" / "generate_fast_validators.py", "generate_fast_validators")
    wanted = gen.generate()
    assert len(wanted) == len(list((ROOT / "schemas").glob("compose-*.json"))) + 1
    stale = [p.name for p, text in wanted.items() if not p.is_file() or p.read_text(encoding="utf-8") != text]
    assert stale == [], f"run scripts/generate_fast_validators.py: stale {stale}"
    present = {p.name for p in (ROOT / "compose_migrate" / "_fastvalidators").glob("*.py")}
    assert present == {p.name for p in wanted}


def test_every_version_has_a_validator() -> None:
    names = {module_name(v) for v in V}
    assert {"v1", "v2_0", "v3_13", "spec"} <= names
    for v in V:
        assert (ROOT / "compose_migrate" / "_fastvalidators" / f"{module_name(v)}.py").is_file(), v


def test_corpus_verdicts_match_jsonschema() -> None:
    docs = _corpus_docs()
    assert len(docs) > 500
    disagree = []
    verdicts = {True: 0, False: 0}
    shaped = 0
    for doc in docs:
        versions = {v for v in ALSO} | ({doc.version} if doc.version else set())
        for v in versions:
            reading = doc.reading(v)
            data = reading.data
            fast = is_valid(data, v)
            verdicts[fast] += 1
            if fast != _slow_valid(data, v):
                disagree.append((doc.name, str(v), fast))
            # validate() hands the data over uncopied when the reading says it may.
            shaped += reading.json_shaped
            if reading.json_shaped and is_valid(data, v, json_shaped=True) != fast:
                disagree.append((doc.name, str(v), "uncopied"))
    assert disagree == []
    # Both answers occur often, and most readings go uncopied: the comparison is not vacuous.
    assert verdicts[True] > 500 and verdicts[False] > 500, verdicts
    assert shaped > 0.8 * sum(verdicts.values())


@pytest.mark.parametrize(
    ("text", "shaped_11", "shaped_12"),
    [
        pytest.param("services:\n  web:\n    image: nginx\n", True, True, id="string keys"),
        pytest.param("services:\n  web:\n    environment:\n      on: 1\n", False, True, id="YAML 1.1 boolean key"),
        pytest.param("x-ports:\n  8080: web\n", False, False, id="number key"),
        pytest.param("x-a: &a {b: 1}\nx-c: *a\n", False, False, id="aliases: copied, never shared"),
    ],
)
def test_json_shaped_only_when_every_key_is_a_string(text: str, shaped_11: bool, shaped_12: bool) -> None:
    doc = load(text=text)
    assert (doc.r11.json_shaped, doc.r12.json_shaped) == (shaped_11, shaped_12)


def _bench_module() -> ModuleType:
    return _module(ROOT / "bench" / "run.py", "bench_run")


@pytest.mark.parametrize("services", [1, 10, 300])
def test_bench_files_verdicts_match(services: int) -> None:
    text = _bench_module().generated_compose(services)
    doc = load(text=text, name=f"bench-{services}.yml")
    assert doc.version is V.V2_4
    for v in (V.V2_4, V.V3_8, V.SPEC, V.V1):
        data = doc.reading(v).data
        assert is_valid(data, v) == _slow_valid(data, v), v
    assert is_valid(doc.data, V.V2_4) is True


# Small edits of a valid file, each of which some versions reject.
BROKEN = [
    ("ports as a mapping", 'services:\n  a:\n    image: x\n    ports: {"80": 80}\n'),
    ("unknown service key", "services:\n  a:\n    image: x\n    colour: red\n"),
    ("duplicate list items", "services:\n  a:\n    image: x\n    dns: [1.1.1.1, 1.1.1.1]\n"),
    ("boolean as port", "services:\n  a:\n    image: x\n    ports: [true]\n"),
    ("integer keys", "services:\n  a:\n    image: x\n    environment: {1: one}\n"),
    ("null service", "services:\n  a:\n"),
    ("bad service name", "services:\n  'a b':\n    image: x\n"),
    ("number where a string is wanted", "services:\n  a:\n    image: 3\n"),
    ("v2 key in v3", 'version: "3.8"\nservices:\n  a:\n    image: x\n    mem_swappiness: 10\n'),
    ("deploy in v2", 'version: "2.4"\nservices:\n  a:\n    image: x\n    deploy: {replicas: 2}\n'),
    ("long volume syntax", "services:\n  a:\n    image: x\n    volumes: [{type: bind, source: ., target: /x}]\n"),
    (
        "healthcheck start_period",
        "services:\n  a:\n    image: x\n    healthcheck: {test: [CMD, x], start_period: 5s}\n",
    ),
]


@pytest.mark.parametrize("label,text", BROKEN, ids=[b[0] for b in BROKEN])
def test_edited_files_verdicts_match(label: str, text: str) -> None:
    doc = load(text=text, name=label)
    outcomes = set()
    for v in V:
        data = doc.reading(v).data
        fast = is_valid(data, v)
        assert fast == _slow_valid(data, v), (label, v)
        outcomes.add(fast)
    assert False in outcomes, label  # every edit is rejected by some version at least
