from __future__ import annotations

import datetime
import json
import math
from pathlib import Path
from typing import Any

import pytest
import yaml
from ruamel.yaml import YAML

from compose_migrate.findings import Severity
from compose_migrate.yaml11 import (
    BASE60,
    BOOL_STRING,
    DECIMAL_MODE,
    MODE_0O,
    NUMBER_STRING,
    OCTAL_MODE,
    SHORT_BOOL,
    path_kind,
    pitfalls,
    resolve_plain_11,
    resolve_plain_12,
)

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
CASES = SHARED / "cases"

E, W, INFO = Severity.ERROR, Severity.WARNING, Severity.INFO
SAME = object()  # ruamel agrees with the 1.2 core schema
TZ5 = datetime.timezone(datetime.timedelta(hours=-5))


def same(a: object, b: object) -> bool:
    """Equal value and type (True is not 1), NaN equal to NaN."""
    if isinstance(a, float) and isinstance(b, float) and math.isnan(a) and math.isnan(b):
        return True
    return type(a) is type(b) and a == b


# text, YAML 1.1 (PyYAML) value, YAML 1.2 core value, ruamel's value where it is
# looser than the core schema.
SCALARS = [
    pytest.param("", None, None, SAME, id="an empty value is null in both"),
    pytest.param("~", None, None, SAME, id="a tilde is null in both"),
    pytest.param("null", None, None, SAME, id="lower-case null is null in both"),
    pytest.param("NULL", None, None, SAME, id="upper-case null is null in both"),
    pytest.param("nULL", "nULL", "nULL", SAME, id="odd-case null is a string in both"),
    pytest.param("true", True, True, SAME, id="true is a boolean in both"),
    pytest.param("True", True, True, SAME, id="capitalised True is a boolean in both"),
    pytest.param("FALSE", False, False, SAME, id="upper-case FALSE is a boolean in both"),
    pytest.param("tRUE", "tRUE", "tRUE", SAME, id="odd-case true is a string in both"),
    pytest.param("yes", True, "yes", SAME, id="yes is a boolean only in 1.1"),
    pytest.param("Yes", True, "Yes", SAME, id="capitalised Yes is a boolean only in 1.1"),
    pytest.param("YES", True, "YES", SAME, id="upper-case YES is a boolean only in 1.1"),
    pytest.param("yEs", "yEs", "yEs", SAME, id="odd-case yes is a string in both"),
    pytest.param("no", False, "no", SAME, id="no is a boolean only in 1.1"),
    pytest.param("NO", False, "NO", SAME, id="upper-case NO is a boolean only in 1.1"),
    pytest.param("on", True, "on", SAME, id="on is a boolean only in 1.1"),
    pytest.param("On", True, "On", SAME, id="capitalised On is a boolean only in 1.1"),
    pytest.param("OFF", False, "OFF", SAME, id="upper-case OFF is a boolean only in 1.1"),
    pytest.param("oN", "oN", "oN", SAME, id="odd-case on is a string in both"),
    pytest.param("y", "y", "y", SAME, id="PyYAML leaves y a string"),
    pytest.param("N", "N", "N", SAME, id="PyYAML leaves N a string"),
    pytest.param("0", 0, 0, SAME, id="zero is an integer in both"),
    pytest.param("42", 42, 42, SAME, id="a decimal is an integer in both"),
    pytest.param("-17", -17, -17, SAME, id="a negative decimal is an integer in both"),
    pytest.param("+17", 17, 17, SAME, id="a plus sign is allowed in both"),
    pytest.param("0440", 288, 440, SAME, id="a leading zero is octal in 1.1 and decimal in 1.2"),
    pytest.param("0755", 493, 755, SAME, id="mode 0755 is 493 in 1.1"),
    pytest.param("08", "08", 8, SAME, id="08 is neither octal nor decimal in 1.1"),
    pytest.param("0o440", "0o440", 288, SAME, id="the 0o prefix is octal only in 1.2"),
    pytest.param("0x1F", 31, 31, SAME, id="hexadecimal is an integer in both"),
    pytest.param("0X1F", "0X1F", "0X1F", SAME, id="an upper-case hex prefix is a string in both"),
    pytest.param("-0x1F", -31, "-0x1F", -31, id="a signed hexadecimal is only 1.1"),
    pytest.param("0b101", 5, "0b101", 5, id="binary is only 1.1"),
    pytest.param("1_000", 1000, "1_000", 1000, id="underscores in an integer are only 1.1"),
    pytest.param("1__0", 10, "1__0", 10, id="repeated underscores are only 1.1"),
    pytest.param("0_", 0, "0_", 0, id="zero with an underscore is 1.1 zero"),
    pytest.param("22:22", 1342, "22:22", SAME, id="22:22 is base-60 1342 in 1.1"),
    pytest.param("9022:22", 541342, "9022:22", SAME, id="port 9022:22 is base-60 541342 in 1.1"),
    pytest.param("1082:21", 64941, "1082:21", SAME, id="port 1082:21 is base-60 64941 in 1.1"),
    pytest.param("2122:22", 127342, "2122:22", SAME, id="port 2122:22 is base-60 127342 in 1.1"),
    pytest.param("8080:80", "8080:80", "8080:80", SAME, id="80 is no base-60 digit so 8080:80 is a string"),
    pytest.param("8443:443", "8443:443", "8443:443", SAME, id="443 is no base-60 digit so 8443:443 is a string"),
    pytest.param("1:60", "1:60", "1:60", SAME, id="60 is no base-60 digit"),
    pytest.param("1:5", 65, "1:5", SAME, id="a single base-60 digit counts"),
    pytest.param("-1:20", -80, "-1:20", SAME, id="a negative base-60 integer"),
    pytest.param("0:20", "0:20", "0:20", SAME, id="a base-60 integer cannot start with zero"),
    pytest.param("190:20:30", 685230, "190:20:30", SAME, id="three base-60 groups"),
    pytest.param("190:20:30.15", 685230.15, "190:20:30.15", SAME, id="a base-60 float"),
    pytest.param("127.0.0.1:80:80", "127.0.0.1:80:80", "127.0.0.1:80:80", SAME, id="an address mapping is a string"),
    pytest.param("1.5", 1.5, 1.5, SAME, id="a decimal fraction is a float in both"),
    pytest.param("3.10", 3.1, 3.1, SAME, id="version 3.10 is the float 3.1 in both"),
    pytest.param("1.", 1.0, 1.0, SAME, id="a trailing dot is a float in both"),
    pytest.param(".5", 0.5, 0.5, SAME, id="a leading dot is a float in both"),
    pytest.param("-.5", "-.5", -0.5, SAME, id="a signed leading dot is a string for PyYAML"),
    pytest.param("._5", "._5", "._5", 0.5, id="an underscore after the dot is a string for both specs"),
    pytest.param("1e3", "1e3", 1000.0, SAME, id="an exponent without a dot is only 1.2"),
    pytest.param("1.0e3", "1.0e3", 1000.0, SAME, id="PyYAML needs a sign in the exponent"),
    pytest.param("1.0e+3", 1000.0, 1000.0, SAME, id="a signed exponent is a float in both"),
    pytest.param("1.0E-2", 0.01, 0.01, SAME, id="an upper-case exponent is a float in both"),
    pytest.param("1_000.5", 1000.5, "1_000.5", 1000.5, id="underscores in a float are only 1.1"),
    pytest.param("1.2.3", "1.2.3", "1.2.3", SAME, id="two dots make a string in both"),
    pytest.param(".inf", math.inf, math.inf, SAME, id="inf is a float in both"),
    pytest.param("-.Inf", -math.inf, -math.inf, SAME, id="negative inf is a float in both"),
    pytest.param("+.INF", math.inf, math.inf, SAME, id="upper-case plus inf is a float in both"),
    pytest.param(".nan", math.nan, math.nan, SAME, id="nan is a float in both"),
    pytest.param(".NaN", math.nan, math.nan, SAME, id="mixed-case NaN is a float in both"),
    pytest.param(".nAn", ".nAn", ".nAn", SAME, id="odd-case nan is a string in both"),
    pytest.param("inf", "inf", "inf", SAME, id="inf without a dot is a string in both"),
    pytest.param(
        "2001-12-14",
        datetime.date(2001, 12, 14),
        "2001-12-14",
        datetime.date(2001, 12, 14),
        id="a date is a timestamp in 1.1 and a string in the 1.2 core schema",
    ),
    pytest.param(
        "2001-12-14 21:59:43.10 -5",
        datetime.datetime(2001, 12, 14, 21, 59, 43, 100000, tzinfo=TZ5),
        "2001-12-14 21:59:43.10 -5",
        datetime.datetime(2001, 12, 14, 21, 59, 43, 100000, tzinfo=TZ5),
        id="a date and time with a zone is a timestamp in 1.1",
    ),
    pytest.param("2001-1-1", "2001-1-1", "2001-1-1", SAME, id="a date with one-digit month is a string"),
    pytest.param("hello", "hello", "hello", SAME, id="a word is a string in both"),
    pytest.param("53:53/udp", "53:53/udp", "53:53/udp", SAME, id="a port with protocol is a string in both"),
    pytest.param("3000-3005", "3000-3005", "3000-3005", SAME, id="a port range is a string in both"),
]


@pytest.mark.parametrize(("text", "v11", "v12", "ruamel"), SCALARS)
def test_resolve_plain_11_matches_pyyaml(text: str, v11: object, v12: object, ruamel: object) -> None:
    ours = resolve_plain_11(text)
    assert same(ours, v11), (ours, v11)
    assert same(yaml.safe_load(f"k: {text}")["k"], v11)


@pytest.mark.parametrize(("text", "v11", "v12", "ruamel"), SCALARS)
def test_resolve_plain_12_matches_core_and_ruamel(text: str, v11: object, v12: object, ruamel: object) -> None:
    ours = resolve_plain_12(text)
    assert same(ours, v12), (ours, v12)
    expected_ruamel = v12 if ruamel is SAME else ruamel
    assert same(YAML(typ="safe").load(f"k: {text}")["k"], expected_ruamel)


def test_scalar_table_is_large_enough() -> None:
    assert len(SCALARS) >= 60


# What go-yaml v3 (docker compose v2) gives, from its resolve.go rules.
GO_YAML = [
    pytest.param("0440", 288, id="go-yaml keeps the leading-zero octal"),
    pytest.param("0755", 493, id="go-yaml reads 0755 as 493"),
    pytest.param("0o440", 288, id="go-yaml reads the 0o prefix"),
    pytest.param("08", 8.0, id="go-yaml falls back to a float for 08"),
    pytest.param("1_000", 1000, id="go-yaml drops underscores"),
    pytest.param("0b101", 5, id="go-yaml reads binary"),
    pytest.param("0X1F", 31, id="go-yaml accepts an upper-case hex prefix"),
    pytest.param("-0x1F", -31, id="go-yaml accepts a signed hex"),
    pytest.param("22:22", "22:22", id="go-yaml has no base 60"),
    pytest.param("yes", "yes", id="go-yaml v3 leaves yes a string"),
    pytest.param("True", True, id="go-yaml reads True"),
    pytest.param("2001-12-14", "2001-12-14", id="go-yaml gives a string for a timestamp decoded untyped"),
    pytest.param("1e3", 1000.0, id="go-yaml reads an exponent without a dot"),
    pytest.param(".5", 0.5, id="go-yaml reads a leading dot"),
    pytest.param("._5", "._5", id="go-yaml refuses an underscore after the dot"),
    pytest.param("9223372036854775808", 9223372036854775808, id="go-yaml reads the unsigned 64-bit range"),
    pytest.param("99999999999999999999", 1e20, id="go-yaml gives a float past 64 bits"),
    pytest.param("~", None, id="go-yaml reads a tilde as null"),
]


@pytest.mark.parametrize(("text", "value"), GO_YAML)
def test_resolve_plain_12_go_yaml(text: str, value: object) -> None:
    assert same(resolve_plain_12(text, go_yaml=True), value)


# --------------------------------------------------------------------------- paths

PATHS = [
    pytest.param("services.web.ports[0]", "port", id="a service port item is a port"),
    pytest.param("web.ports[3]", "port", id="a v1 port item is a port"),
    pytest.param("services.web.expose[0]", "port", id="an expose item is a port"),
    pytest.param("services.a.environment.DEBUG", "string-map", id="an environment value is a string map value"),
    pytest.param("services.a.environment[2]", "string-map", id="an environment list item is a string map item"),
    pytest.param("services.a.environment.spring.datasource.url", "string-map", id="a key with dots still matches"),
    pytest.param("x-common.environment.X", "string-map", id="an anchored extension block matches"),
    pytest.param("services.a.build.args.V", "string-map", id="a build argument is a string map value"),
    pytest.param("services.a.labels.com.example.x", "string-map", id="a label value is a string map value"),
    pytest.param("services.a.logging.options.max-size", "string-map", id="a logging option is a string map value"),
    pytest.param("services.api.secrets[1].mode", "mode", id="a secret mode is a mode"),
    pytest.param("services.api.configs[0].mode", "mode", id="a config mode is a mode"),
    pytest.param("services.a.image", None, id="an image is none of these"),
    pytest.param("services.a.ports[0].published", None, id="a long-syntax port field is not a short port"),
]


@pytest.mark.parametrize(("path", "kind"), PATHS)
def test_path_kind(path: str, kind: str | None) -> None:
    assert path_kind(path) == kind


# --------------------------------------------------------------------------- pitfalls

ENV = "services.app.environment."
MODE = "services.api.secrets[1].mode"
PORT = "services.git.ports[0]"

PITFALLS = [
    # case 001
    pytest.param("9022:22", PORT, True, [(BASE60, E)], "541342", id="case 001: 9022:22 is an invalid port, an error"),
    pytest.param(
        "1082:21", PORT, True, [(BASE60, W)], "64941", id="case 001: 1082:21 is another valid port, a warning"
    ),
    pytest.param("8443:443", PORT, True, [], "", id="case 001: 8443:443 reads the same everywhere"),
    # case 002
    pytest.param("2122:22", PORT, True, [(BASE60, E)], "127342", id="case 002: 2122:22 is base-60 127342"),
    pytest.param("8080:80", PORT, True, [], "", id="case 002: 8080:80 is left alone"),
    pytest.param(
        "2122:22", PORT, False, [(BASE60, INFO)], "127342", id="a specification file only gets a portability note"
    ),
    pytest.param("22:22", "services.a.command", True, [(BASE60, W)], "1342", id="base 60 outside ports is a warning"),
    pytest.param("1:30.5", PORT, True, [(BASE60, E)], "90.5", id="a base-60 float is never a port"),
    # case 004
    pytest.param("true", ENV + "DEBUG", True, [(BOOL_STRING, E)], "invalid type", id="case 004: true is refused"),
    pytest.param("yes", ENV + "FEATURE_X", True, [(BOOL_STRING, E)], "invalid type", id="case 004: yes is a boolean"),
    pytest.param("on", ENV + "LEGACY_MODE", True, [(BOOL_STRING, E)], "invalid type", id="case 004: on is a boolean"),
    pytest.param("4", ENV + "WORKERS", True, [], "", id="case 004: a number is allowed"),
    pytest.param("", ENV + "OPTIONAL_TOKEN", True, [], "", id="case 004: null is allowed"),
    pytest.param("yes", ENV + "FEATURE_X", False, [(BOOL_STRING, W)], "string", id="yes in a spec file warns"),
    pytest.param("true", ENV + "DEBUG", False, [], "", id="true in a spec file is a real boolean"),
    pytest.param("Off", "services.a.labels.x", True, [(BOOL_STRING, E)], "false", id="a label Off is false"),
    pytest.param("y", "services.a.labels.x", True, [(SHORT_BOOL, W)], "go-yaml v2", id="y is a boolean for go-yaml v2"),
    pytest.param("yes", "services.a.tty", True, [], "", id="yes in a boolean field is no trap"),
    pytest.param("01234", ENV + "ZIP", True, [(NUMBER_STRING, W)], "octal", id="a zip code with a zero is octal"),
    pytest.param("01234", ENV + "ZIP", False, [(NUMBER_STRING, W)], "668", id="go-yaml also reads it as octal"),
    pytest.param("1.10", ENV + "V", True, [(NUMBER_STRING, W)], "'1.1'", id="a version number loses its zero"),
    pytest.param("42", ENV + "N", False, [], "", id="a plain integer passes unchanged"),
    # case 006
    pytest.param("0440", MODE, True, [(OCTAL_MODE, INFO)], "octal", id="case 006: 0440 is octal 288, no warning"),
    pytest.param("0440", MODE, False, [(OCTAL_MODE, INFO)], "288", id="case 006: go-yaml also reads 288"),
    pytest.param("440", MODE, True, [(DECIMAL_MODE, W)], "did you mean 0440", id="case 006: decimal 440 warns"),
    pytest.param("400", MODE, False, [(DECIMAL_MODE, W)], "0o620", id="decimal 400 is 0o620"),
    pytest.param("420", MODE, True, [], "", id="420 is the decimal for 0o644 and left alone"),
    pytest.param("500", MODE, True, [(DECIMAL_MODE, INFO)], "0o764", id="an ambiguous decimal mode is a note"),
    pytest.param("0o440", MODE, True, [(MODE_0O, E)], "should be a number", id="0o440 is a string for YAML 1.1"),
    pytest.param("0o440", MODE, False, [], "", id="0o440 is fine for go-yaml"),
    pytest.param("hello", ENV + "X", True, [], "", id="a word is never a trap"),
]


@pytest.mark.parametrize(("text", "path", "legacy", "expected", "phrase"), PITFALLS)
def test_pitfalls(text: str, path: str, legacy: bool, expected: list[tuple[str, Severity]], phrase: str) -> None:
    found = pitfalls(text, path, legacy=legacy)
    assert [(p.code, p.severity) for p in found] == expected
    for p in found:
        assert p.path == path
        assert phrase in p.message
        assert p.hint
    if text and any(p.code in (BASE60, BOOL_STRING, SHORT_BOOL, NUMBER_STRING) for p in found):
        assert any("quote it" in p.hint for p in found)


def test_pitfall_to_finding() -> None:
    (p,) = pitfalls("9022:22", PORT, legacy=True)
    f = p.to_finding(line=6, col=9, file="input.yml")
    assert (f.code, f.severity, f.path, f.line, f.col, f.file) == (BASE60, E, PORT, 6, 9, "input.yml")
    assert f.hint == 'quote it as "9022:22"'


# --------------------------------------------------------------------------- cases from the bank


def _case(name: str) -> tuple[dict[str, Any], list[str]]:
    folder = CASES / name
    # The shared case bank is test input: its absence is a failure, never a skip.
    assert folder.is_dir(), f"shared case missing: {folder}"
    case = json.loads((folder / "case.json").read_text(encoding="utf-8"))
    lines = (folder / "input.yml").read_text(encoding="utf-8").split("\n")
    return case, lines


def _scalar_at(lines: list[str], line: int, col: int) -> str:
    return lines[line - 1][col - 1 :].rstrip()


def _check_expected(lines: list[str], entries: list[dict[str, Any]], severity: Severity) -> None:
    for entry in entries:
        text = _scalar_at(lines, entry["line"], entry["col"])
        found = pitfalls(text, entry["path"], legacy=True)
        assert [p.severity for p in found] == [severity], (entry, found)
        assert entry["phrase"].lower() in found[0].message.lower()


def test_case_001_findings_from_the_bank() -> None:
    case, lines = _case("001-sexagesimal-ports-v2")
    expected = case["expected"]["validate"]
    _check_expected(lines, expected["errors"], E)
    _check_expected(lines, expected["warnings"], W)
    for n in expected["no_findings_for_lines"]:
        text = lines[n - 1].strip().removeprefix("- ")
        if text.startswith('"'):
            continue  # quoted: a string for every reader, never passed to pitfalls
        assert pitfalls(text, f"services.git.ports[{n - 6}]", legacy=True) == []


def test_case_002_warning_from_the_bank() -> None:
    case, lines = _case("002-sexagesimal-port-migrate-spec")
    (warning,) = case["expected"]["warnings"]
    text = _scalar_at(lines, warning["line"], warning["col"])
    found = pitfalls(text, "services.sftp.ports[0]", legacy=True)
    assert found and warning["phrase"] in found[0].message and "127342" in found[0].message
    unchanged = case["expected"]["unchanged_lines"][0].strip().removeprefix("- ")
    assert pitfalls(unchanged, "services.sftp.ports[1]", legacy=True) == []


def test_case_004_errors_from_the_bank() -> None:
    case, lines = _case("004-env-boolean-values")
    expected = case["expected"]
    _check_expected(lines, expected["errors"], E)
    errors = [
        p
        for line in lines
        if line.startswith("      ") and ": " in line
        for key, _, value in [line.strip().partition(": ")]
        if not value.startswith('"')
        for p in pitfalls(value, ENV + key, legacy=True)
        if p.severity is E
    ]
    assert len(errors) == expected["error_count"]


def test_case_006_mode_findings_from_the_bank() -> None:
    case, lines = _case("006-secret-mode-octal")
    check = case["expected"]["check input.yml"]
    (warning,) = check["warnings"]
    text = _scalar_at(lines, warning["line"], warning["col"])
    found = pitfalls(text, warning["path"], legacy=True)
    assert [p.severity for p in found] == [W]
    assert warning["phrase"] in found[0].message and "did you mean 0440?" in found[0].message
    quiet = lines[check["no_warning_for_line"] - 1].split(": ", 1)[1]
    assert all(p.severity is not W for p in pitfalls(quiet, "services.api.secrets[0].mode", legacy=True))
    parsed = case["expected"]["validate input.yml"]["parsed_values"]
    assert resolve_plain_11(quiet) == parsed["services.api.secrets[0].mode"] == resolve_plain_12(quiet, go_yaml=True)
    assert resolve_plain_11(text) == parsed["services.api.secrets[1].mode"]


def test_the_quick_path_kind_check_lets_every_table_pattern_through() -> None:
    """path_kind answers None early when no table could match: that shortcut must never hide a match."""
    from compose_migrate import yaml11

    for pattern in yaml11.PORT_PATHS + yaml11.STRING_MAP_PATHS + yaml11.MODE_PATHS:
        for star in ("x", "services.web", "a.b-c"):
            sample = pattern.replace("*", star).replace("[]", "[3]")
            assert yaml11.path_kind(sample) is not None, sample
    assert yaml11.path_kind("services.web.image") is None
    assert yaml11.path_kind("services.web.ports[0]") == "port"
    assert yaml11.path_kind("services.web.environment.MODE") == "string-map"
