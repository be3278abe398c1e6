"""The fast constructor (construct.py) against PyYAML's own, and the YAML 1.2
reading against go-yaml as Docker Compose v2 runs it.

loading.parse builds plain data with construct.py and falls back to PyYAML's
SafeConstructor for anything unusual; Document.r12 builds the YAML 1.2 reading
from the YAML 1.1 nodes.  Both shortcuts must give exactly the data (types
included) of the slow path, on the whole corpus and on generated documents.
"""

from __future__ import annotations

import json
import math
import subprocess
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from compose_migrate import load, validate
from compose_migrate.findings import ComposeMigrateError
from compose_migrate.loading import ALIAS, TAG, Loader11, Loader12, may_hold, parse, reading_12

from .conftest import SHARED, compose_v2_binary

CORPUS = sorted(p for p in (SHARED / "corpus").rglob("*") if p.suffix in (".yml", ".yaml") and p.is_file())


def slow(text: str, *, yaml11: bool) -> Any:
    """PyYAML's constructor alone: what parse() gave before construct.py."""
    loader = (Loader11 if yaml11 else Loader12)(text)
    try:
        node = loader.get_single_node()
        return None if node is None else loader.construct_document(node)
    finally:
        loader.dispose()


def same(a: Any, b: Any) -> bool:
    """Equal with types (1, 1.0 and True differ) and NaN equal to itself."""
    if type(a) is not type(b):
        return False
    if isinstance(a, dict):
        return list(a) == list(b) and all(same(a[k], b[k]) and same(k, k2) for k, k2 in zip(a, b, strict=True))
    if isinstance(a, list):
        return len(a) == len(b) and all(same(x, y) for x, y in zip(a, b, strict=True))
    if isinstance(a, float) and math.isnan(a):
        return math.isnan(b)
    return bool(a == b)


def readable(text: str) -> bool:
    try:
        parse(text, name="t", yaml11=True)
        return True
    except ComposeMigrateError:
        return False


def test_same_data_as_pyyaml_on_the_whole_corpus() -> None:
    fast_11 = fast_12 = again_12 = 0
    for path in CORPUS:
        text = path.read_text(encoding="utf-8-sig", errors="replace")
        if not readable(text) or parse(text, name=path.name, yaml11=True).node is None:
            continue
        r11 = parse(text, name=path.name, yaml11=True)
        assert same(r11.data, slow(text, yaml11=True)), path
        try:
            r12 = parse(text, name=path.name, yaml11=False)
        except ComposeMigrateError:
            continue  # refused in YAML 1.2 (a duplicate key only 1.2 sees, say): nothing to compare
        assert same(r12.data, slow(text, yaml11=False)), path
        again = reading_12(r11, text, name=path.name)
        assert same(again.data, r12.data), path
        fast_11 += r11.plain_tree
        fast_12 += r12.plain_tree
        again_12 += again.node is r11.node
        # The shortcut is taken whenever nothing forbids it.
        if not any(c in text for c in "*!") and "<<" not in text:
            assert r11.plain_tree and r12.plain_tree and again.node is r11.node, path
    assert fast_11 > 0.9 * len(CORPUS) and fast_12 > 0.9 * len(CORPUS) and again_12 > 0.8 * len(CORPUS)


# Plain scalars that readers disagree on, or that are easy to get wrong.
TRICKY = [
    "yes", "No", "on", "OFF", "y", "n", "true", "False", "~", "null", "NULL", "",
    "08", "09", "0440", "0o17", "0O17", "0x1F", "0X1F", "-0x1F", "0b101", "-0b1", "0b", "0x_1F",
    "1_000", "1__0", "_1", "0_7", "+12", "-0", "12", "3.5", "1.", ".5", "1e3", "1.0e+3", "1E-2",
    ".inf", "-.Inf", ".nan", "22:22", "1:20:30", "190:20:30.15",
    "2001-12-14", "2001-12-14t21:59:43.10-05:00", "9223372036854775808", "18446744073709551616",
    "=", "<<x", "a b", "-", "- x", "0.0.0.0", "8080:80", "1_0:20",
]  # fmt: skip

scalars = st.sampled_from(TRICKY)
quoted = st.sampled_from(['"', "'", ""])


def _render(value: Any, indent: int) -> list[str]:
    pad = " " * indent
    lines: list[str] = []
    if isinstance(value, dict):
        for (q, k), v in value.items():
            key = f"{q}{k}{q}" if k or q else '""'
            if isinstance(v, (dict, list)) and v:
                lines.append(f"{pad}{key}:")
                lines += _render(v, indent + 2)
            else:
                lines.append(f"{pad}{key}: {_leaf(v)}")
    else:
        for item in value:
            if isinstance(item, (dict, list)) and item:
                inner = _render(item, indent + 2)
                lines.append(f"{pad}- {inner[0].lstrip()}")
                lines += inner[1:]
            else:
                lines.append(f"{pad}- {_leaf(item)}")
    return lines


def _leaf(v: Any) -> str:
    if isinstance(v, dict):
        return "{}"
    if isinstance(v, list):
        return "[]"
    q, text = v
    return f"{q}{text}{q}" if q or text else ""


leaves = st.tuples(quoted, scalars.filter(lambda s: not s.startswith("- ")))
keys = st.tuples(quoted, st.sampled_from(["image", "ports", "x", *TRICKY[:20]]))
documents = st.recursive(
    leaves,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(keys, inner, max_size=4),
    max_leaves=20,
)


@settings(max_examples=300, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow])
@given(st.dictionaries(keys, documents, min_size=1, max_size=5))
def test_same_data_as_pyyaml_on_generated_documents(doc: dict[Any, Any]) -> None:
    text = "\n".join(_render(doc, 0)) + "\n"
    outcomes = []
    for yaml11 in (True, False):
        try:
            expected: Any = ("ok", slow(text, yaml11=yaml11))
        except Exception as exc:  # the slow path refuses: parse must refuse too
            expected = ("error", type(exc).__name__)
        try:
            got: Any = ("ok", parse(text, name="t", yaml11=yaml11).data)
        except ComposeMigrateError:
            got = ("error", None)
        outcomes.append(got)
        if expected[0] == "ok" and got[0] == "ok":
            assert same(got[1], expected[1]), text
        elif expected[0] == "ok":
            # Only the checks the slow path lacks may refuse: a duplicate key.
            with pytest.raises(ComposeMigrateError, match="duplicate key"):
                parse(text, name="t", yaml11=yaml11)
        else:
            assert got[0] == "error", text  # what PyYAML cannot read, parse refuses
    if outcomes[0][0] == "ok" and outcomes[1][0] == "ok":
        r11 = parse(text, name="t", yaml11=True)
        assert same(reading_12(r11, text, name="t").data, outcomes[1][1]), text


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("x-a: &a {restart: always}\nservices:\n  web:\n    <<: *a\n    image: nginx\n", id="merge key"),
        pytest.param("services:\n  web: {image: nginx, ports: &p [80], expose: *p}\n", id="alias"),
        pytest.param("services:\n  web:\n    image: !!str 123\n    ports: !reset []\n", id="explicit tags"),
        pytest.param("a:\n  1: x\n  0x1: y\n", id="two keys read as one number"),
        pytest.param("a: {? [1, 2] : x}\n", id="a list as a key"),
        pytest.param("a: 1\na: 2\n", id="duplicate key"),
        pytest.param("a: !!binary aGk=\n", id="refused tag"),
    ],
)
def test_unusual_trees_take_the_slow_path_with_its_result(text: str) -> None:
    for yaml11 in (True, False):
        try:
            expected: Any = slow(text, yaml11=yaml11)
        except Exception:
            expected = None
        try:
            parsed = parse(text, name="t", yaml11=yaml11)
        except ComposeMigrateError:
            continue  # refused (duplicate key, tag, unhashable key): the loader's own message
        assert not parsed.plain_tree
        assert same(parsed.data, expected)


def test_the_fast_path_keeps_the_limits() -> None:
    deep = "a:\n" + "".join("  " * i + f"k{i}:\n" for i in range(1, 260)) + "  " * 260 + "v: 1\n"
    with pytest.raises(ComposeMigrateError, match="nesting deeper than 200"):
        parse(deep, name="t", yaml11=True)
    with pytest.raises(ComposeMigrateError, match="more than 10 nodes"):
        parse("a: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]\n", name="t", yaml11=True, max_nodes=10)
    with pytest.raises(ComposeMigrateError, match="characters long"):
        parse("? " + "k" * 1025 + "\n: 1\n", name="t", yaml11=True)


BINARY = compose_v2_binary()


def test_yaml_12_scalars_read_as_docker_compose_v2_reads_them(tmp_path: Path) -> None:
    """Every tricky scalar, in an extension field, through Docker Compose v2 (go-yaml v3) and us."""
    skip = {".inf", "-.Inf", ".nan"}  # JSON cannot carry them
    stamps = {"2001-12-14", "2001-12-14t21:59:43.10-05:00"}  # go-yaml: time.Time; we keep the text
    skip |= {"-", "- x"}  # a block sequence, not a scalar, after `key: `
    names = {f"k{i}": t for i, t in enumerate(TRICKY) if t not in skip}
    body = "".join(f"  {k}: {t}\n" for k, t in names.items())
    path = tmp_path / "compose.yaml"
    path.write_text("services:\n  web:\n    image: nginx\nx-values:\n" + body, encoding="utf-8")
    out = subprocess.run(
        [BINARY, "-f", str(path), "config", "--format", "json", "--no-interpolate"],
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    theirs = json.loads(out.stdout)["x-values"]
    ours = load(path).r12.data["x-values"]
    for key, text in names.items():
        if text in stamps:
            assert ours[key] == text
            continue
        mine, other = ours[key], theirs[key]
        if isinstance(other, (int, float)) and not isinstance(other, bool):
            # JSON carries no int/float difference (Go prints 8.0 as 8, 1.8e19 as 18446744073709552000).
            assert isinstance(mine, (int, float)) and not isinstance(mine, bool), (text, mine, other)
            assert float(mine) == float(other), (text, mine, other)
        else:
            assert type(mine) is type(other) and mine == other, (text, mine, other)


def test_an_unquoted_equals_sign() -> None:
    spec = "services:\n  web:\n    image: nginx\n    command: =\n"
    assert validate(load(text=spec)).valid  # go-yaml reads the string "="
    legacy = validate(load(text='version: "2.4"\n' + spec))
    assert [(f.code, f.path, f.line, f.col) for f in legacy.findings] == [("CM058", "services.web.command", 5, 14)]
    assert not legacy.valid
    quoted = 'version: "2.4"\nservices:\n  web:\n    image: nginx\n    command: "="\n'
    assert validate(load(text=quoted)).valid


ALIAS_PLACES = ["a: *x", "- *x", "[*x]", "[a,*x]", "{a: *x}", "{*x : 1}", '{"a":*x}', "*x : 1", "a:\t*x", "? *x"]
TAG_PLACES = ["a: !!str 1", "- !reset []", "!!map {}", "[!x a]", "a:\t!x b", "%TAG ! tag:x,1:\n---", '{"a":!x 1}']


@pytest.mark.parametrize("text", ALIAS_PLACES)
def test_may_hold_sees_every_place_an_alias_can_stand(text: str) -> None:
    assert may_hold(ALIAS, "x: &x 1\n" + text + "\n")


@pytest.mark.parametrize("text", TAG_PLACES)
def test_may_hold_sees_every_place_a_tag_can_stand(text: str) -> None:
    assert may_hold(TAG, text + "\n")


def test_may_hold_lets_stars_and_bangs_inside_words_pass() -> None:
    text = "# Don't forget!\nservices:\n  web:\n    image: foo*bar\n    command: a!b\n    volumes: [/x/*]\n"
    assert not may_hold(ALIAS, text) and not may_hold(TAG, text)


def test_may_hold_never_misses_an_alias_or_a_tag_in_the_corpus() -> None:
    """A miss would send an alias-bearing tree down the fast path: checked against libyaml's own events."""
    import yaml

    seen = {ALIAS: 0, TAG: 0}
    for path in CORPUS:
        text = path.read_text(encoding="utf-8-sig", errors="replace")
        try:
            events = list(yaml.parse(text, Loader=yaml.CSafeLoader))
        except yaml.YAMLError:
            continue
        if any(isinstance(e, yaml.AliasEvent) for e in events):
            seen[ALIAS] += 1
            assert may_hold(ALIAS, text), path
        if any(getattr(e, "tag", None) and not any(getattr(e, "implicit", (True,))) for e in events):
            seen[TAG] += 1
            assert may_hold(TAG, text), path
    # The corpus holds tags but, as it happens, no alias: ALIAS_PLACES covers those.
    assert seen[TAG] >= 1, seen


@pytest.mark.parametrize("yaml11", [True, False])
def test_a_parsed_tree_is_not_kept_alive_by_the_loader(yaml11: bool) -> None:
    """A batch of thousands of files must not pile up nodes (PyYAML's construct_object remembers each)."""
    import gc
    import weakref

    parsed = parse("a: [1, 2.5, 0x1F]\n", name="t", yaml11=yaml11)
    number = weakref.ref(parsed.node.value[0][1].value[0])
    del parsed
    gc.collect()
    assert number() is None


def test_the_scalar_reading_helper_of_to_spec_forgets_what_it_built() -> None:
    from compose_migrate.migrations.to_spec import _scalars

    assert [_scalars.reading_12(t) for t in ("0440", "08", "yes", "1_000")] == [288, 8.0, "yes", 1000]
    assert _scalars._R12.constructed_objects == {}
