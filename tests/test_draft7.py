"""validation/draft7/ gives jsonschema's Draft7Validator errors, error for error, on our schemas.

jsonschema (the version in the test extra) is the reference throughout: every
error's keyword, value, instance, subschema, message, paths and oneOf context
(recursively) must match, in jsonschema's order.  Inputs: every corpus file
under its own and several other versions, generated mutations of valid
documents, and small hand-made schemas for each keyword's corner cases.
"""

from __future__ import annotations

import copy
import functools
import json
import subprocess
import sys
from collections import Counter
from collections.abc import Iterable
from typing import Any

import jsonschema
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from compose_migrate import load
from compose_migrate.findings import ComposeMigrateError
from compose_migrate.plain import schema_view
from compose_migrate.schemas import load_schema, validator_for
from compose_migrate.validation import draft7
from compose_migrate.validation.draft7 import Draft7Validator, UnsupportedSchema
from compose_migrate.validation.schema import problems, schema_findings
from compose_migrate.versions import ComposeVersion as V

from .conftest import ROOT, SHARED

# Besides each file's own version, every file is also judged as these: one per family and the edges.
ALSO = (V.V1, V.V2_0, V.V2_4, V.V3_0, V.V3_8, V.V3_13, V.SPEC)

Flat = tuple[Any, ...]


def flat(err: Any) -> Flat:
    """Everything a caller can read from an error, recursively through its context."""
    return (
        err.validator,
        tuple(err.absolute_path),
        tuple(err.relative_path),
        tuple(err.relative_schema_path),
        tuple(err.absolute_schema_path),
        err.message,
        repr(err.validator_value),
        repr(err.instance),
        json.dumps(err.schema, sort_keys=True),
        tuple(flat(c) for c in err.context),
    )


def _has_schema_additional_properties(schema: Any) -> bool:
    """jsonschema walks a set for `additionalProperties: {schema}`: no stable order there."""
    if isinstance(schema, dict):
        if isinstance(schema.get("additionalProperties"), dict):
            return True
        return any(_has_schema_additional_properties(v) for v in schema.values())
    if isinstance(schema, list):
        return any(_has_schema_additional_properties(v) for v in schema)
    return False


def both(schema: Any, instance: Any) -> tuple[list[Flat], list[Flat]]:
    """(ours, jsonschema's) flattened errors; sorted only where jsonschema's order comes from a set."""
    ours = [flat(e) for e in Draft7Validator(schema).iter_errors(instance)]
    theirs = [flat(e) for e in jsonschema.Draft7Validator(schema).iter_errors(instance)]
    if _has_schema_additional_properties(schema):
        ours, theirs = sorted(ours, key=repr), sorted(theirs, key=repr)
    return ours, theirs


@functools.cache
def reference(version: V) -> jsonschema.Draft7Validator:
    return jsonschema.Draft7Validator(load_schema(version))


def _count(errors: Iterable[Any], into: Counter[Any]) -> None:
    for e in errors:
        into[e.validator] += 1
        _count(e.context, into)


def compare_document(data: Any, version: V, kinds: Counter[Any] | None = None) -> int:
    """Assert parity for one document under one version; the number of (top-level) errors."""
    view = schema_view(data, v1=version is V.V1)
    ours_v, theirs_v = validator_for(version), reference(version)
    ours = list(ours_v.iter_errors(view))
    theirs = list(theirs_v.iter_errors(view))
    assert [flat(e) for e in ours] == [flat(e) for e in theirs], version
    # The same objects, not only equal ones: instance and subschema are what callers inspect.
    for a, b in zip(ours, theirs, strict=True):
        assert a.instance is b.instance
        assert json.dumps(a.schema, sort_keys=True) == json.dumps(b.schema, sort_keys=True)
        assert all(c.parent is a for c in a.context) and a.parent is None
    assert ours_v.is_valid(view) is theirs_v.is_valid(view) is (not theirs)
    if theirs:
        assert problems(data, version) == problems(data, version, theirs_v)
    if kinds is not None:
        _count(theirs, kinds)
    return len(theirs)


# --------------------------------------------------------------------------- the corpus


def _corpus_docs() -> list[Any]:
    paths = sorted(p for p in (SHARED / "corpus").rglob("*") if p.suffix in (".yml", ".yaml") and p.is_file())
    docs = []
    for path in paths:
        try:
            docs.append(load(path))
        except ComposeMigrateError:
            continue  # unreadable YAML never reaches a schema
    return docs


def test_corpus_errors_match_jsonschema_under_many_versions() -> None:
    docs = _corpus_docs()
    assert len(docs) > 500
    kinds: Counter[Any] = Counter()
    pairs = invalid = 0
    for doc in docs:
        for version in {*ALSO, *([doc.version] if doc.version else [])}:
            pairs += 1
            invalid += compare_document(doc.reading(version).data, version, kinds) > 0
    # Not vacuous: many documents fail, in each of the ways the corpus can show.
    assert pairs > 3500 and invalid > 1500, (pairs, invalid)
    assert kinds["additionalProperties"] > 1000 and kinds["type"] > 500, kinds
    assert kinds["required"] > 100 and kinds["oneOf"] > 50, kinds


def test_schema_findings_are_jsonschemas_messages_and_paths() -> None:
    from compose_migrate.yamlpath import format_path

    doc = load(text='version: "2.4"\nservices:\n  web:\n    image: 1\n    memswap_limit: 1g\n    bogus: x\n')
    data = doc.reading(V.V2_4).data
    got = [(f.path, f.message) for f in schema_findings(data, V.V2_4)]
    want = [
        (format_path(tuple(e.absolute_path)), e.message)
        for e in reference(V.V2_4).iter_errors(schema_view(data, v1=False))
    ]
    assert got == want
    assert ("services.web", "'mem_limit' is a dependency of 'memswap_limit'") in got
    assert ("services.web.image", "1 is not of type 'string'") in got
    assert len(got) == 3


def test_every_bundled_schema_is_accepted() -> None:
    for version in V:
        v = validator_for(version)
        assert isinstance(v, Draft7Validator)
        assert v.schema == load_schema(version)
    assert validator_for(V.V3_8) is validator_for(V.V3_8)


def test_validating_an_invalid_file_never_imports_jsonschema(tmp_path: Any) -> None:
    bad = tmp_path / "docker-compose.yml"
    bad.write_text('version: "3.8"\nservices:\n  web:\n    image: 1\n    bogus: 2\n    ports: [{target: x}]\n')
    code = (
        "import sys, json\n"
        "from compose_migrate import load, validate\n"
        "from compose_migrate.cli import main\n"
        f"r = validate(load({str(bad)!r}))\n"
        "lib = sorted((f.code, f.path) for f in r.findings)\n"
        f"rc = main(['validate', '--format', 'json', {str(bad)!r}])\n"
        "heavy = sorted(m for m in sys.modules if m.split('.')[0] in "
        "('jsonschema', 'referencing', 'rpds', 'jsonschema_specifications', 'attrs'))\n"
        "print(json.dumps([lib, rc, heavy]), file=sys.stderr)\n"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert proc.returncode == 0, proc.stderr
    lib, rc, heavy = json.loads(proc.stderr.strip().splitlines()[-1])
    assert rc == 1
    assert [tuple(x) for x in lib] == [
        ("CM201", "services.web.bogus"),
        ("CM202", "services.web.image"),
        ("CM202", "services.web.ports[0].target"),
    ]
    assert heavy == []


# --------------------------------------------------------------------------- generated documents

# Valid documents using the nested forms our schemas describe with oneOf, enum, minimum, pattern...
BASES: list[tuple[V, dict[str, Any]]] = [
    (
        V.SPEC,
        {
            "name": "demo",
            "services": {
                "web": {
                    "image": "nginx",
                    "build": {"context": ".", "args": ["A=1"], "cache_from": ["a", "b"]},
                    "ports": ["80:80", 8080, {"target": 80, "published": "8081", "protocol": "tcp"}],
                    "depends_on": {"db": {"condition": "service_healthy", "restart": True}},
                    "healthcheck": {"test": ["CMD", "true"], "interval": "10s", "retries": 3, "disable": False},
                    "deploy": {
                        "replicas": 2,
                        "update_config": {"order": "start-first", "parallelism": 1},
                        "resources": {"limits": {"cpus": "0.5", "memory": "1g"}},
                    },
                    "oom_score_adj": 500,
                    "cgroup": "host",
                    "container_name": "web-1",
                    "pull_policy": "always",
                    "gpus": "all",
                    "volumes": [
                        "./data:/data:ro",
                        {"type": "bind", "source": ".", "target": "/src", "bind": {"selinux": "z"}},
                        {"type": "tmpfs", "target": "/tmp", "tmpfs": {"size": 1024}},
                    ],
                    "environment": {"A": "1", "B": 2, "C": True, "D": None},
                    "develop": {"watch": [{"path": "./src", "action": "sync", "target": "/src"}]},
                    "x-extra": {"anything": [1, True, 1.0]},
                },
                "db": {"image": "postgres", "depends_on": ["cache"], "build": "./db", "restart": "always"},
                "cache": {"image": "redis", "ulimits": {"nofile": {"soft": 1, "hard": 2}, "nproc": 5}},
            },
            "networks": {"front": {"driver": "bridge"}, "back": {"external": True}},
            "volumes": {"data": {}},
        },
    ),
    (
        V.V2_4,
        {
            "version": "2.4",
            "services": {
                "web": {
                    "image": "nginx",
                    "build": {"context": ".", "args": {"A": "1"}},
                    "ports": ["80:80", 8080],
                    "depends_on": {"db": {"condition": "service_healthy"}},
                    "healthcheck": {"test": "true", "interval": "10s"},
                    "mem_limit": "1g",
                    "memswap_limit": "2g",
                    "cpu_percent": 50,
                    "cpus": 0.5,
                    "oom_score_adj": -10,
                    "dns": ["8.8.8.8", "1.1.1.1"],
                },
                "db": {"image": "postgres", "depends_on": ["cache"], "build": "./db"},
                "cache": {"image": "redis"},
            },
            "networks": {"front": {"driver": "bridge", "ipam": {"config": [{"subnet": "10.0.0.0/24"}]}}},
        },
    ),
    (
        V.V3_8,
        {
            "version": "3.8",
            "services": {
                "web": {
                    "image": "nginx",
                    "ports": ["80:80", {"target": 80, "published": 8081, "mode": "host"}],
                    "depends_on": ["db"],
                    "deploy": {
                        "mode": "replicated",
                        "replicas": 2,
                        "update_config": {"order": "stop-first"},
                        "rollback_config": {"order": "start-first"},
                        "placement": {"constraints": ["node.role==manager"]},
                    },
                    "volumes": [{"type": "tmpfs", "target": "/tmp", "tmpfs": {"size": 10}}],
                    "secrets": ["s", {"source": "s", "target": "t"}],
                },
                "db": {"image": "postgres"},
            },
            "secrets": {"s": {"file": "./s.txt"}},
        },
    ),
    (
        V.V1,
        {"web": {"image": "nginx", "links": ["db"], "mem_limit": "1g", "memswap_limit": "2g"}, "db": {"image": "x"}},
    ),
]

# Values that catch type and equality mistakes: bools against ints against floats, nulls, empties.
NASTY_VALUES: list[Any] = (
    [None, 0, 1, -1, 1.0, 2.5, True, False, "1", "", "x", "80:80", "true", [], {}, -2000, 2000, 101]
    + [[1, True], [1, 1.0], [True, 1.0], [0, False], ["a", "a"], [[1], [True], [1]], [{"a": 1}, {"a": True}]]
    + [{"a": 1}, {"condition": "service_started"}, {"target": 80}, "start-first", "service_healthy", "sync"]
)
NASTY = st.sampled_from(NASTY_VALUES)
JSONISH = st.recursive(
    st.none() | st.booleans() | st.integers(-3, 3) | st.sampled_from([1.0, 0.0, 0.5]) | st.sampled_from(["a", "1", ""]),
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.sampled_from(["a", "b", "image"]), inner, max_size=2)
    ),
    max_leaves=6,
)
# Places where the bases use enum, minimum/maximum, pattern, dependencies and nested oneOf forms:
# "at" mutations aim there (a uniformly picked place would seldom hit them).
TARGETS: list[tuple[Any, ...]] = [
    ("services", "web", "oom_score_adj"),
    ("services", "web", "cpu_percent"),
    ("services", "web", "cpus"),
    ("services", "web", "container_name"),
    ("services", "web", "pull_policy"),
    ("services", "web", "cgroup"),
    ("services", "web", "gpus"),
    ("services", "web", "mem_limit"),
    ("services", "web", "ports", 0),
    ("services", "web", "ports", 2, "target"),
    ("services", "web", "build"),
    ("services", "web", "depends_on"),
    ("services", "web", "depends_on", "db", "condition"),
    ("services", "web", "healthcheck", "test"),
    ("services", "web", "deploy", "update_config", "order"),
    ("services", "web", "deploy", "replicas"),
    ("services", "web", "volumes", 1, "bind", "selinux"),
    ("services", "web", "volumes", 2, "tmpfs", "size"),
    ("services", "web", "volumes", 0, "tmpfs", "size"),
    ("services", "web", "develop", "watch", 0, "action"),
    ("services", "web", "environment", "C"),
    ("services", "cache", "ulimits", "nproc"),
    ("services", "db", "depends_on", 0),
    ("web", "memswap_limit"),
    ("web", "mem_limit"),
]
MUTATION = st.tuples(
    st.integers(0, 10_000),
    st.sampled_from(["at", "at", "cut", "replace", "replace", "unknown_key", "duplicate", "delete", "wrap", "twin"]),
    NASTY | JSONISH,
)


def _target(doc: Any, pick: int) -> tuple[Any, Any] | None:
    """(container, key) of the `pick`-th (cyclically) of the TARGETS this document has."""
    present = []
    for path in TARGETS:
        node = doc
        for part in path[:-1]:
            try:
                node = node[part]
            except (KeyError, IndexError, TypeError):
                break
        else:
            if isinstance(node, dict) or (isinstance(node, list) and isinstance(path[-1], int)):
                present.append((node, path[-1]))
    return present[pick % len(present)] if present else None


def _places(node: Any, out: list[tuple[Any, Any]]) -> list[tuple[Any, Any]]:
    """(container, key or index) of every value below `node`."""
    if isinstance(node, dict):
        for k, v in node.items():
            out.append((node, k))
            _places(v, out)
    elif isinstance(node, list):
        for i, v in enumerate(node):
            out.append((node, i))
            _places(v, out)
    return out


def _twin(value: Any) -> Any:
    """A value equal in Python but not in JSON Schema (1 / True / 1.0), or a close type."""
    if value is True or value is False:
        return int(value)
    if isinstance(value, int):
        return float(value) if value not in (0, 1) else bool(value)
    if isinstance(value, float):
        return int(value) if value.is_integer() else str(value)
    if isinstance(value, str):
        return int(value) if value.isdigit() else [value]
    return None


def mutate(doc: dict[str, Any], steps: list[tuple[int, str, Any]]) -> dict[str, Any]:
    out = copy.deepcopy(doc)
    for pick, kind, value in steps:
        value = copy.deepcopy(value)
        if kind in ("at", "cut"):
            target = _target(out, pick)
            if target is not None:
                container, key = target
                if key in container if isinstance(container, dict) else key < len(container):
                    if kind == "cut":
                        del container[key]
                    else:
                        container[key] = value
            continue
        places = _places(out, [])
        container, key = places[pick % len(places)]
        current = container[key]
        if kind == "replace":
            container[key] = value
        elif kind == "unknown_key":
            target = current if isinstance(current, dict) else container
            if isinstance(target, dict):
                target["bogus_key"] = value
        elif kind == "duplicate":
            if isinstance(current, list) and current:
                current.append(copy.deepcopy(current[pick % len(current)]))
            elif isinstance(container, list):
                container.append(copy.deepcopy(current))
        elif kind == "delete":
            del container[key]
        elif kind == "wrap":
            container[key] = [current, current] if pick % 2 else {"k": current}
        elif kind == "twin":
            container[key] = _twin(current)
    return out


@settings(max_examples=300, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow])
@given(base=st.sampled_from(range(len(BASES))), steps=st.lists(MUTATION, min_size=1, max_size=4))
def test_mutated_documents_match_jsonschema(base: int, steps: list[tuple[int, str, Any]]) -> None:
    home, doc = BASES[base]
    data = mutate(doc, steps)
    for version in {home, *ALSO}:
        compare_document(data, version)


def test_bases_are_valid_and_mutations_reach_every_keyword() -> None:
    for home, doc in BASES:
        assert reference(home).is_valid(schema_view(doc, v1=home is V.V1)), home
    # Each value at each target: every keyword our schemas use produces errors somewhere.
    kinds: Counter[Any] = Counter()
    for home, doc in BASES:
        for pick in range(len(TARGETS)):
            compare_document(mutate(doc, [(pick, "cut", None)]), home, kinds)
            for value in NASTY_VALUES:
                compare_document(mutate(doc, [(pick, "at", value)]), home, kinds)
    used = {"type", "additionalProperties", "required", "oneOf", "enum", "uniqueItems", "minimum", "maximum"}
    assert used | {"pattern", "dependencies"} <= set(kinds), kinds


# --------------------------------------------------------------------------- keyword corner cases

CASES: list[tuple[str, Any, Any]] = [
    ("integer accepts 1.0", {"type": "integer"}, 1.0),
    ("integer refuses 1.5", {"type": "integer"}, 1.5),
    ("integer refuses True", {"type": "integer"}, True),
    ("number refuses False", {"type": ["number", "null"]}, False),
    ("string list type", {"type": ["string", "integer"]}, 2.5),
    ("boolean refuses 1", {"type": "boolean"}, 1),
    ("null", {"type": "null"}, 0),
    ("array refuses a dict", {"type": "array"}, {"a": [1]}),
    ("enum: True is not 1", {"enum": [1, "a"]}, True),
    ("enum: 1.0 is 1", {"enum": [1, "a"]}, 1.0),
    ("enum: False is not 0", {"enum": [0]}, False),
    ("enum: nested bools", {"enum": [[1, {"a": 0}]]}, [True, {"a": False}]),
    ("enum: nested equal", {"enum": [[1, {"a": 0}]]}, [1.0, {"a": 0}]),
    ("enum of None", {"enum": ["a", None]}, None),
    ("unique: 1 and True differ", {"uniqueItems": True}, [1, True]),
    ("unique: 1 and 1.0 are equal", {"uniqueItems": True}, [1, 1.0]),
    ("unique: False and 0 differ", {"uniqueItems": True}, [False, 0, "0"]),
    ("unique: dicts", {"uniqueItems": True}, [{"a": 1}, {"a": True}]),
    ("unique: equal dicts", {"uniqueItems": True}, [{"a": 1, "b": [2]}, {"b": [2.0], "a": 1}]),
    ("unique: jsonschema's sorted-neighbours quirk", {"uniqueItems": True}, [[1], [True], [1]]),
    ("unique: strings", {"uniqueItems": True}, ["a", "b", "a"]),
    ("unique: false never fails", {"uniqueItems": False}, [1, 1]),
    ("unique: not an array", {"uniqueItems": True}, "aa"),
    ("minimum", {"minimum": 0}, -1),
    ("minimum ignores bool", {"minimum": 5}, False),
    ("minimum float", {"minimum": -1000, "maximum": 1000}, -1000.5),
    ("maximum", {"maximum": 100}, 101),
    ("maximum ignores strings", {"maximum": 1}, "5"),
    ("pattern searches", {"pattern": "b"}, "abc"),
    ("pattern fails", {"pattern": "^[a-z]+$"}, "ab1"),
    ("pattern ignores non-strings", {"pattern": "^a$"}, 5),
    ("required", {"required": ["a", "b", "c"]}, {"b": 1}),
    ("required ignores arrays", {"required": ["a"]}, ["a"]),
    ("dependencies, array form", {"dependencies": {"a": ["b", "c"], "x": ["y"]}}, {"a": 1, "c": 2}),
    (
        "dependencies, schema form",
        {"dependencies": {"a": {"required": ["z"], "properties": {"a": {"type": "string"}}}}},
        {"a": 1},
    ),
    (
        "additional properties, plain message",
        {"properties": {"a": {}}, "additionalProperties": False},
        {"a": 1, "c": 2, "b": 3},
    ),
    (
        "additional properties beside patterns",
        {"properties": {"a": {}}, "patternProperties": {"^x-": {}, "^y": {}}, "additionalProperties": False},
        {"a": 1, "x-ok": 2, "zz": 3},
    ),
    (
        "additional properties beside patterns, several",
        {"patternProperties": {"^x-": {"type": "string"}}, "additionalProperties": False},
        {"x-a": 1, "b": 2, "a": 3},
    ),
    (
        "additional properties as a schema",
        {"properties": {"a": {}}, "additionalProperties": {"type": "string"}},
        {"a": 1, "b": 2, "c": "ok", "d": None},
    ),
    ("additional properties: true", {"additionalProperties": True}, {"a": 1}),
    ("false schema", {"properties": {"a": False}, "items": False}, {"a": 1}),
    ("items false", {"items": False}, [1, 2]),
    ("items", {"items": {"type": "string", "enum": ["a"]}}, ["a", 1, "b"]),
    (
        "pattern properties: each pattern, each key",
        {"patternProperties": {"^a": {"type": "string"}, "b$": {"minimum": 3}}},
        {"ab": 1, "b": 2, "a": "x"},
    ),
    (
        "properties in the schema's order",
        {"properties": {"z": {"type": "string"}, "a": {"type": "string"}, "m": {"type": "string"}}},
        {"a": 1, "m": 2, "z": 3},
    ),
    (
        "oneOf: no branch fits",
        {"oneOf": [{"type": "string"}, {"type": "object", "required": ["a"]}]},
        {"b": 1},
    ),
    (
        "oneOf: valid under several",
        {"oneOf": [{"type": "integer"}, {"type": "number"}, {"minimum": 0}, {"type": "string"}]},
        3,
    ),
    (
        "oneOf nested with refs",
        {
            "definitions": {
                "port": {"oneOf": [{"type": ["integer", "string"]}, {"$ref": "#/definitions/long"}]},
                "long": {
                    "type": "object",
                    "properties": {"target": {"type": "integer"}, "mode": {"enum": ["host", "ingress"]}},
                    "required": ["target"],
                    "additionalProperties": False,
                },
            },
            "properties": {"ports": {"type": "array", "uniqueItems": True, "items": {"$ref": "#/definitions/port"}}},
        },
        {"ports": [1, "1", {"target": "x", "mode": "h", "z": 1}, {"mode": "host"}, 1.0, None, [1]]},
    ),
    (
        "$ref ignores its siblings and follows chains",
        {
            "definitions": {"a": {"$ref": "#/definitions/b"}, "b": {"type": "string", "minimum": 3}},
            "properties": {"x": {"$ref": "#/definitions/a", "type": "integer"}},
        },
        {"x": 5},
    ),
    (
        "recursive ref",
        {
            "definitions": {
                "node": {
                    "type": "object",
                    "properties": {"kids": {"type": "array", "items": {"$ref": "#/definitions/node"}}},
                    "additionalProperties": False,
                }
            },
            "$ref": "#/definitions/node",
        },
        {"kids": [{"kids": [{"bad": 1}, 3]}, {"kids": None}]},
    ),
    (
        "escaped pointer",
        {
            "definitions": {"a/b": {"type": "string"}, "c~d": {"type": "null"}},
            "items": {"$ref": "#/definitions/a~1b"},
            "properties": {"q": {"$ref": "#/definitions/c~0d"}},
        },
        [1, "x"],
    ),
    ("annotations only", {"title": "t", "$comment": "c", "deprecated": True, "format": "ports"}, "anything"),
    ("true schema", True, {"a": 1}),
    ("false root", False, [1]),
]


@pytest.mark.parametrize(("schema", "instance"), [pytest.param(s, i, id=n) for n, s, i in CASES])
def test_keyword_corner_cases_match_jsonschema(schema: Any, instance: Any) -> None:
    ours, theirs = both(schema, instance)
    assert ours == theirs
    assert Draft7Validator(schema).is_valid(instance) is jsonschema.Draft7Validator(schema).is_valid(instance)


def test_corner_cases_are_not_vacuous() -> None:
    failing = {n for n, s, i in CASES if list(Draft7Validator(s).iter_errors(i))}
    passing = {n for n, s, i in CASES} - failing
    assert passing == {
        "integer accepts 1.0",
        "enum: 1.0 is 1",
        "enum: nested equal",
        "enum of None",
        "unique: 1 and True differ",
        "unique: False and 0 differ",
        "unique: dicts",
        "unique: jsonschema's sorted-neighbours quirk",
        "unique: false never fails",
        "unique: not an array",
        "minimum ignores bool",
        "maximum ignores strings",
        "pattern searches",
        "pattern ignores non-strings",
        "required ignores arrays",
        "additional properties: true",
        "annotations only",
        "true schema",
    }


def test_messages_read_as_jsonschemas() -> None:
    def messages(schema: Any, instance: Any) -> list[str]:
        return [e.message for e in Draft7Validator(schema).iter_errors(instance)]

    assert messages({"required": ["image"]}, {}) == ["'image' is a required property"]
    assert messages({"dependencies": {"b": ["a"]}}, {"b": 1}) == ["'a' is a dependency of 'b'"]
    assert messages({"type": "string"}, 1) == ["1 is not of type 'string'"]
    assert messages({"type": ["string", "null"]}, True) == ["True is not of type 'string', 'null'"]
    assert messages({"properties": {}, "additionalProperties": False}, {"x": 1}) == [
        "Additional properties are not allowed ('x' was unexpected)"
    ]
    assert messages({"oneOf": [{"type": "integer"}, {"minimum": 0}]}, 1) == [
        "1 is valid under each of {'minimum': 0}, {'type': 'integer'}"
    ]
    err = next(Draft7Validator({"oneOf": [{"type": "string"}, {"items": {"type": "string"}}]}).iter_errors([1]))
    assert err.message == "[1] is not valid under any of the given schemas"
    assert [(tuple(c.relative_schema_path), tuple(c.absolute_path)) for c in err.context] == [
        ((0, "type"), ()),
        ((1, "items", "type"), (0,)),
    ]


def test_uniq_and_equal_follow_jsonschema() -> None:
    from jsonschema._utils import equal, uniq

    samples: list[Any] = [
        [1, True],
        [1, 1.0],
        [0, False],
        [[1], [True], [1]],
        [[1], [1]],
        [{"a": 1}, {"a": True}],
        [{"a": [1]}, {"a": [1.0]}],
        ["a", 1, "a"],
        [None, None],
        [None, False],
        [1.5, "1.5"],
        [],
        [True, True],
    ]
    for sample in samples:
        assert draft7.uniq(sample) is uniq(sample), sample
        for a in sample:
            for b in sample:
                assert draft7.equal(a, b) is equal(a, b), (a, b)


# --------------------------------------------------------------------------- refusing what is not implemented


@pytest.mark.parametrize(
    "schema",
    [
        pytest.param({"anyOf": [{}]}, id="anyOf"),
        pytest.param({"properties": {"a": {"allOf": [{}]}}}, id="allOf nested"),
        pytest.param({"definitions": {"unused": {"const": 1}}}, id="const in an unreferenced definition"),
        pytest.param({"items": {"not": {}}}, id="not"),
        pytest.param({"if": {}, "then": {}}, id="if-then"),
        pytest.param({"minLength": 1}, id="minLength"),
        pytest.param({"exclusiveMinimum": 1}, id="exclusiveMinimum"),
        pytest.param({"propertyNames": {}}, id="propertyNames"),
        pytest.param({"patternProperties": {"^a": {"contains": {}}}}, id="contains"),
        pytest.param({"oneOf": [{"type": "string"}, {"multipleOf": 2}]}, id="multipleOf in a branch"),
        pytest.param({"dependencies": {"a": {"maxItems": 1}}}, id="maxItems in a dependency"),
        pytest.param({"additionalProperties": {"unevaluatedProperties": False}}, id="unevaluatedProperties"),
        pytest.param({"items": [{"type": "string"}]}, id="items array form"),
        pytest.param({"type": "text"}, id="unknown type"),
        pytest.param({"$ref": "other.json#/definitions/a"}, id="remote ref"),
        pytest.param({"$ref": "#/definitions/missing"}, id="dangling ref"),
        pytest.param({"properties": {"a": {"$id": "x.json", "type": "string"}}}, id="nested $id"),
        pytest.param({"oneOf": []}, id="empty oneOf"),
        pytest.param({"required": "a"}, id="required not a list"),
        pytest.param({"definitions": {"a": {"$ref": "#/definitions/a"}}, "$ref": "#/definitions/a"}, id="ref loop"),
        pytest.param({"properties": {"a": 1}}, id="a schema that is a number"),
    ],
)
def test_unsupported_schemas_are_refused_when_built(schema: Any) -> None:
    with pytest.raises(UnsupportedSchema):
        Draft7Validator(schema)


def test_a_real_schema_gaining_an_unknown_keyword_is_refused() -> None:
    schema = load_schema(V.SPEC)
    Draft7Validator(schema)  # as generated: accepted
    schema["definitions"]["service"]["properties"]["image"]["minLength"] = 1
    with pytest.raises(UnsupportedSchema, match="minLength"):
        Draft7Validator(schema)
