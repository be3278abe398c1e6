from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest
from ruamel.yaml import YAML

from compose_migrate.interpolation import (
    BAD_MODIFIER,
    BAD_NAME,
    BARE_DOLLAR,
    EMPTY_NAME,
    REQUIRED,
    UNCLOSED,
    UNSUPPORTED,
    InterpolationError,
    Literal,
    Variable,
    find_errors,
    has_interpolation,
    interpolate,
    interpolate_tree,
    parse,
    variables,
)
from compose_migrate.versions import ComposeVersion as V

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
CASE_028 = SHARED / "cases" / "028-dollar-escapes-preserved"


def shared_case(path: Path) -> Path:
    # The case bank is part of the test input: a missing bank is a failure, not a skip.
    assert path.exists(), f"shared case bank missing: {path}"
    return path


def rebuild(text: str, tokens: list[Literal | Variable]) -> str:
    return "".join(t.raw if isinstance(t, Literal) else text[t.offset : t.end] for t in tokens)


# --------------------------------------------------------------------------- case 028

# Every string of 028's input.yml that holds a `$`, with what it becomes under an
# empty environment and the names it references.
CASE_028_STRINGS = [
    pytest.param(
        "example/node-exporter:${EXPORTER_TAG:-latest}",
        "example/node-exporter:latest",
        ["EXPORTER_TAG"],
        id="the image tag takes its default when EXPORTER_TAG is unset",
    ),
    pytest.param(
        "--collector.textfile.directory=/var/lib/$${COLLECTOR_DIR}",
        "--collector.textfile.directory=/var/lib/${COLLECTOR_DIR}",
        [],
        id="an escaped braced reference stays literal and names nothing",
    ),
    pytest.param(
        "--web.listen-address=:$${PORT:-9100}",
        "--web.listen-address=:${PORT:-9100}",
        [],
        id="an escaped reference with a default stays literal",
    ),
    pytest.param("--label=cost$$center", "--label=cost$center", [], id="a doubled dollar mid-word is one dollar"),
    pytest.param("$$HOME", "$HOME", [], id="an escaped unbraced name references nothing"),
    pytest.param(
        "wget -qO- http://localhost:$${PORT:-9100}/metrics || exit 1",
        "wget -qO- http://localhost:${PORT:-9100}/metrics || exit 1",
        [],
        id="an escaped reference inside a shell command is left for the shell",
    ),
]


@pytest.mark.parametrize(("text", "value", "names"), CASE_028_STRINGS)
def test_case_028_strings(text: str, value: str, names: list[str]) -> None:
    tokens = parse(text)
    assert rebuild(text, tokens) == text
    assert variables(text) == names
    assert interpolate(text, {}) == (value, [])
    assert has_interpolation(text) is bool(names)
    for version in (V.V3_8, V.SPEC):
        assert find_errors(text, version=version) == []


def _strings(node: Any) -> list[str]:
    if isinstance(node, str):
        return [node]
    if isinstance(node, dict):
        return [s for v in node.values() for s in _strings(v)]
    if isinstance(node, list):
        return [s for v in node for s in _strings(v)]
    return []


def test_case_028_table_covers_every_dollar_string_of_the_input() -> None:
    data = YAML(typ="safe").load(shared_case(CASE_028 / "input.yml").read_text(encoding="utf-8"))
    in_file = {s for s in _strings(data) if "$" in s}
    in_table = {p.values[0] for p in CASE_028_STRINGS}
    assert in_file == in_table


def test_case_028_interpolated_view_matches_case_json() -> None:
    case = json.loads(shared_case(CASE_028 / "case.json").read_text(encoding="utf-8"))
    expected = case["expected"]["validate"]
    data = YAML(typ="safe").load(shared_case(CASE_028 / "input.yml").read_text(encoding="utf-8"))
    original = copy.deepcopy(data)
    unset: list[tuple[str, str]] = []
    view = interpolate_tree(data, {}, unset=unset)
    assert data == original, "the source data must not be touched"
    services = view["services"]["exporter"]
    flat = {
        "services.exporter.image": services["image"],
        "services.exporter.command[0]": services["command"][0],
        "services.exporter.command[2]": services["command"][2],
        "services.exporter.environment.HOME_HINT": services["environment"]["HOME_HINT"],
    }
    assert flat == expected["interpolated_view_with_empty_environment"]
    warned = {name for _, name in unset}
    assert warned.isdisjoint(expected["no_warning_for"])
    assert unset == []


# --------------------------------------------------------------------------- parse


PARSE_CASES = [
    pytest.param("plain", [Literal("plain", 0)], id="text without a dollar is one literal"),
    pytest.param("", [], id="the empty string has no tokens"),
    pytest.param("$VAR", [Variable("VAR", 0, 4)], id="an unbraced name is a variable"),
    pytest.param("${VAR}", [Variable("VAR", 0, 6, braced=True)], id="a braced name is a variable"),
    pytest.param(
        "a-$_x1.b",
        [Literal("a-", 0), Variable("_x1", 2, 6), Literal(".b", 6)],
        id="an unbraced name stops at the first non-name character",
    ),
    pytest.param(
        "$$",
        [Literal("$", 0, "$$")],
        id="a doubled dollar is one escaped literal",
    ),
    pytest.param(
        "$$$X",
        [Literal("$", 0, "$$"), Variable("X", 2, 4)],
        id="an escape followed by a reference is read left to right",
    ),
    pytest.param(
        "5$",
        [Literal("5", 0), Literal("$", 1, "$")],
        id="a trailing lone dollar is kept as a bare dollar",
    ),
    pytest.param(
        "$1",
        [Literal("$", 0, "$"), Literal("1", 1)],
        id="a dollar before a digit is kept as a bare dollar",
    ),
]

MODIFIER_CASES = [
    pytest.param(m, id=f"the {m} modifier is parsed with its argument") for m in (":-", "-", ":?", "?", ":+", "+")
]


@pytest.mark.parametrize(("text", "tokens"), PARSE_CASES)
def test_parse(text: str, tokens: list[Literal | Variable]) -> None:
    assert parse(text) == tokens
    assert rebuild(text, parse(text)) == text


@pytest.mark.parametrize("modifier", MODIFIER_CASES)
def test_parse_modifiers(modifier: str) -> None:
    text = f"x${{VAR{modifier}some arg}}y"
    (lit, var, tail) = parse(text)
    assert lit == Literal("x", 0) and tail == Literal("y", len(text) - 1)
    assert isinstance(var, Variable)
    assert (var.name, var.modifier, var.argument, var.offset, var.end) == (
        "VAR",
        modifier,
        "some arg",
        1,
        len(text) - 1,
    )
    assert var.children == (Literal("some arg", 6 + len(modifier)),)


def test_parse_empty_argument() -> None:
    (var,) = parse("${VAR:-}")
    assert isinstance(var, Variable)
    assert var.modifier == ":-" and var.argument == "" and var.children == ()


def test_parse_nested_default_is_a_tree() -> None:
    (outer,) = parse("${A:-${B:-x}}")
    assert isinstance(outer, Variable) and outer.nested
    (inner,) = outer.children
    assert inner == Variable("B", 5, 12, True, ":-", "x", (Literal("x", 10),))


def test_parse_without_nesting_reads_like_docker_compose_1() -> None:
    # Python docker-compose ran the argument up to the first `}` and kept it verbatim.
    outer, rest = parse("${A:-${B:-x}}", nested=False)
    assert isinstance(outer, Variable) and outer.argument == "${B:-x" and not outer.nested
    assert rest == Literal("}", 12)


def test_names_are_case_insensitive_in_the_pattern() -> None:
    assert variables("$lower ${MiXeD}") == ["lower", "MiXeD"]


MALFORMED = [
    pytest.param("${VAR", UNCLOSED, 0, id="an unclosed brace is reported at the dollar"),
    pytest.param("abc ${VAR:-x", UNCLOSED, 4, id="an unclosed brace after text is reported at its own offset"),
    pytest.param("${A:-${B}", UNCLOSED, 0, id="a nested expression that eats the only brace leaves the outer unclosed"),
    pytest.param("${}", EMPTY_NAME, 0, id="an empty name is refused"),
    pytest.param("x ${VAR/x/y}", BAD_MODIFIER, 7, id="a shell substitution is reported at the modifier"),
    pytest.param("${VAR:x}", BAD_MODIFIER, 5, id="a colon without a known modifier is refused"),
    pytest.param("${VAR }", BAD_MODIFIER, 5, id="a space after the name is refused"),
    pytest.param("${1}", BAD_NAME, 2, id="a name starting with a digit is refused"),
    pytest.param("${ VAR}", BAD_NAME, 2, id="a space before the name is refused"),
    pytest.param("ok ${A} ${-x}", BAD_NAME, 10, id="the first malformed expression after a good one is reported"),
]


@pytest.mark.parametrize(("text", "code", "offset"), MALFORMED)
def test_parse_malformed(text: str, code: str, offset: int) -> None:
    with pytest.raises(InterpolationError) as info:
        parse(text)
    assert (info.value.code, info.value.offset) == (code, offset)
    assert f"offset {offset}" in str(info.value)
    for version in (V.V1, V.V3_8, V.SPEC):
        assert [(e.code, e.offset) for e in find_errors(text, version=version)] == [(code, offset)]


def test_find_errors_reports_every_malformed_piece() -> None:
    errors = find_errors("${} and ${X/y} and ${Z", version=V.SPEC)
    assert [(e.code, e.offset) for e in errors] == [(EMPTY_NAME, 0), (BAD_MODIFIER, 11), (UNCLOSED, 19)]


# --------------------------------------------------------------------------- per version

VERSION_CASES = [
    pytest.param("$A ${B} $$", V.V1, [], id="v1 allows plain references and escapes"),
    pytest.param("${A:-x}", V.V1, [UNSUPPORTED], id="v1 refuses defaults"),
    pytest.param("${A?need}", V.V2_0, [UNSUPPORTED], id="2.0 refuses required values"),
    pytest.param("${A:-x}", V.V2_1, [], id="2.1 allows defaults"),
    pytest.param("${A-x} ${B:?m} ${C?m}", V.V3_8, [], id="3.8 allows every default and required form"),
    pytest.param("${A:+x}", V.V3_9, [UNSUPPORTED], id="3.x refuses the colon-plus form"),
    pytest.param("${A+x}", V.V2_4, [UNSUPPORTED], id="2.x refuses the plus form"),
    pytest.param("${A:+x} ${B+y}", V.SPEC, [], id="the specification allows the plus forms"),
    pytest.param("${A:-${B:-x}}", V.V3_8, [UNSUPPORTED], id="3.x refuses nested defaults"),
    pytest.param("${A?$B}", V.V2_4, [UNSUPPORTED], id="2.x refuses a reference inside an error message"),
    pytest.param("${A:-${B:-x}}", V.SPEC, [], id="the specification allows nested defaults"),
    pytest.param("${A:-$$}", V.V3_8, [], id="an escape inside a default is not nesting"),
    pytest.param("price: 5$", V.V3_8, [BARE_DOLLAR], id="legacy formats refuse a lone dollar"),
    pytest.param("$1", V.V1, [BARE_DOLLAR], id="v1 refuses a dollar before a digit"),
    pytest.param("price: 5$", V.SPEC, [], id="the specification keeps a lone dollar"),
    pytest.param("no dollar", V.V1, [], id="text without a dollar has no errors"),
]


@pytest.mark.parametrize(("text", "version", "codes"), VERSION_CASES)
def test_find_errors_by_version(text: str, version: V, codes: list[str]) -> None:
    assert [e.code for e in find_errors(text, version=version)] == codes


def test_unsupported_error_names_the_version() -> None:
    (err,) = find_errors("${A:-x}", version=V.V2_0)
    assert "2.1" in err.message and "2.0" in err.message and err.offset == 0


def test_error_becomes_a_finding() -> None:
    (err,) = find_errors("a $ b", version=V.V3_8)
    finding = err.to_finding(path="services.web.command", line=4, col=14, file="c.yml")
    assert (finding.code, str(finding.severity), finding.line, finding.col) == (BARE_DOLLAR, "error", 4, 14)
    assert finding.hint is not None and "$$" in finding.hint


# --------------------------------------------------------------------------- variables / has_interpolation

VARIABLE_CASES = [
    pytest.param("$A-${B}-$A", ["A", "B"], id="names are listed once in first-seen order"),
    pytest.param("${A:-${B:-$C}}", ["A", "B", "C"], id="names inside nested defaults are listed"),
    pytest.param("$$A $${B}", [], id="escaped names reference nothing"),
    pytest.param("${X} ${bad/y} $Y", ["X", "Y"], id="malformed pieces are skipped, not raised"),
    pytest.param("", [], id="the empty string references nothing"),
]


@pytest.mark.parametrize(("text", "names"), VARIABLE_CASES)
def test_variables(text: str, names: list[str]) -> None:
    assert variables(text) == names


HAS_CASES = [
    pytest.param("$A", True, id="an unbraced reference counts"),
    pytest.param("x${A:-1}", True, id="a braced reference counts"),
    pytest.param("$$A", False, id="an escape alone does not count"),
    pytest.param("$$$A", True, id="a reference after an escape counts"),
    pytest.param("5$ and $1", False, id="lone dollars do not count"),
    pytest.param("${", True, id="a broken brace counts as an attempt"),
    pytest.param("plain", False, id="text without a dollar does not count"),
]


@pytest.mark.parametrize(("text", "expected"), HAS_CASES)
def test_has_interpolation(text: str, expected: bool) -> None:
    assert has_interpolation(text) is expected


# --------------------------------------------------------------------------- interpolate

ENV = {"SET": "v", "EMPTY": "", "B": "b"}

INTERPOLATE_CASES = [
    pytest.param("$SET/${SET}", "v/v", [], id="set variables give their value"),
    pytest.param("[$NOPE]", "[]", ["NOPE"], id="an unset variable gives empty text and is reported"),
    pytest.param("$NOPE$NOPE", "", ["NOPE"], id="an unset name is reported once"),
    pytest.param("${EMPTY}", "", [], id="an empty variable is set, not reported"),
    pytest.param("${NOPE:-d}", "d", [], id="colon-dash uses the default when unset"),
    pytest.param("${EMPTY:-d}", "d", [], id="colon-dash uses the default when empty"),
    pytest.param("${EMPTY-d}", "", [], id="dash keeps an empty value"),
    pytest.param("${NOPE-d}", "d", [], id="dash uses the default when unset"),
    pytest.param("${SET:-d}", "v", [], id="a set value wins over the default"),
    pytest.param("${SET:+alt}", "alt", [], id="colon-plus gives the alternative when set and non-empty"),
    pytest.param("${EMPTY:+alt}", "", [], id="colon-plus gives nothing when empty"),
    pytest.param("${EMPTY+alt}", "alt", [], id="plus gives the alternative when set even if empty"),
    pytest.param("${NOPE+alt}", "", [], id="plus gives nothing when unset"),
    pytest.param("${SET:?boom}", "v", [], id="colon-question passes a set value through"),
    pytest.param("${EMPTY?boom}", "", [], id="question accepts an empty value"),
    pytest.param("${NOPE:-${B:-x}}", "b", [], id="a nested default is evaluated"),
    pytest.param("${NOPE:-${ALSO:-x}}", "x", [], id="a doubly nested default is evaluated"),
    pytest.param("${SET:-$NOPE}", "v", [], id="an unused default is not evaluated, so nothing is reported"),
    pytest.param("${NOPE:-$MISSING}", "", ["MISSING"], id="a used default reports its own unset names"),
    pytest.param("$$SET 5$ $1", "$SET 5$ $1", [], id="escapes collapse and lone dollars are kept"),
    pytest.param("no dollar", "no dollar", [], id="text without a dollar is returned as is"),
]


@pytest.mark.parametrize(("text", "value", "unset"), INTERPOLATE_CASES)
def test_interpolate(text: str, value: str, unset: list[str]) -> None:
    assert interpolate(text, ENV) == (value, unset)


REQUIRED_CASES = [
    pytest.param("${NOPE:?set NOPE first}", "set NOPE first", id="colon-question raises with its message when unset"),
    pytest.param("${EMPTY:?must not be empty}", "must not be empty", id="colon-question raises when empty"),
    pytest.param(
        "${NOPE?}", "required variable NOPE is missing a value", id="question without a message names the variable"
    ),
    pytest.param("${NOPE?need $B}", "need b", id="the message is interpolated"),
]


@pytest.mark.parametrize(("text", "message"), REQUIRED_CASES)
def test_interpolate_required(text: str, message: str) -> None:
    with pytest.raises(InterpolationError) as info:
        interpolate(text, ENV)
    assert info.value.code == REQUIRED and message in info.value.message


def test_interpolate_raises_for_malformed_text() -> None:
    with pytest.raises(InterpolationError):
        interpolate("${VAR/a/b}", ENV)


def test_interpolate_like_docker_compose_1() -> None:
    assert interpolate("${NOPE:-${B}}", ENV, nested=False) == ("${B}", [])


# --------------------------------------------------------------------------- interpolate_tree


def test_interpolate_tree_keys_untouched_and_new_structure() -> None:
    data: dict[str, Any] = {
        "services": {
            "web": {
                "image": "app:${TAG:-1}",
                "environment": {"$KEY": "$SET", "N": 3, "B": True, "Z": None},
                "command": ["run", "$NOPE", "$$x"],
            }
        }
    }
    original = copy.deepcopy(data)
    unset: list[tuple[str, str]] = []
    out = interpolate_tree(data, ENV, unset=unset)
    assert data == original
    web = out["services"]["web"]
    assert web["image"] == "app:1"
    assert web["environment"] == {"$KEY": "v", "N": 3, "B": True, "Z": None}
    assert web["command"] == ["run", "", "$x"]
    assert unset == [("services.web.command[1]", "NOPE")]
    assert web is not data["services"]["web"]


def test_interpolate_tree_collects_or_raises_errors() -> None:
    data = {"a": ["ok", "${NOPE:?needed}"], "b": "${X/y}"}
    errors: list[InterpolationError] = []
    out = interpolate_tree(data, {}, errors=errors)
    assert out == data
    assert [(e.path, e.code) for e in errors] == [("a[1]", REQUIRED), ("b", BAD_MODIFIER)]
    with pytest.raises(InterpolationError) as info:
        interpolate_tree(data, {})
    assert info.value.path == "a[1]"


def test_interpolate_tree_is_fast_on_dollar_free_data() -> None:
    # A big tree without `$` must go through the early exit: same string objects back.
    data = {"s": [f"value-{i}" for i in range(20000)]}
    out = interpolate_tree(data, {})
    assert all(a is b for a, b in zip(out["s"], data["s"], strict=True))
