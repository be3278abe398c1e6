"""spec -> 3.x: keys YAML 1.1 misreads are quoted (SV3-8), and string-map numbers reach
docker-compose 1.x as the same string Compose v2 passed (SV3-2).

The expected strings were checked against Docker Compose v2.40.3
(`docker compose -f F config --format json`): 08 -> "8", 1e3 -> "1000",
1e20 -> "1e+20", 1. -> "1", -0.0 -> "-0", .nan -> "NaN".
"""

from __future__ import annotations

import pytest

from compose_migrate import load
from compose_migrate.findings import Severity
from compose_migrate.validation.run import validate_document
from compose_migrate.yaml11 import go_float_text

from .tools import check_noop, check_transformed

HEAD = "services:\n  app:\n    image: busybox\n"
V38 = 'version: "3.8"\n'


def _clean(text: str) -> None:
    """`compose-migrate validate` finds no CM05x error in a migrated file."""
    findings = validate_document(load(text=text, name="out.yml")).findings
    errors = [f for f in findings if f.code.startswith("CM05") and f.severity is Severity.ERROR]
    assert errors == [], errors


# ----------------------------------------------------------------------------- keys


def test_no_off_quotes_key_and_value() -> None:
    after = V38 + HEAD + '    environment:\n      "NO": "off"\n'
    res = check_transformed(HEAD + "    environment:\n      NO: off\n", after, "3.8")
    _clean(after)
    (key,) = [c for c in res.changes if c.rule == "sv3_yaml11_keys"]
    assert key.path == "services.app.environment.NO"
    assert "the boolean key false" in key.message
    assert [c.path for c in res.changes if c.rule == "sv3_yaml12_quoting"] == ["services.app.environment.NO"]
    assert res.warnings == []


def test_key_alone_is_quoted_and_recorded() -> None:
    # Was: "step spec_to_v3 changed services.app.environment (changed) without a recorded change".
    after = V38 + HEAD + '    environment:\n      "ON": "1"\n'
    res = check_transformed(HEAD + '    environment:\n      ON: "1"\n', after, "3.8")
    _clean(after)
    assert [(c.rule, c.path) for c in res.changes if c.rule != "add_v3_version"] == [
        ("sv3_yaml11_keys", "services.app.environment.ON")
    ]


def test_flow_labels_keep_their_layout() -> None:
    after = V38 + HEAD + '    labels: {"on": x, "yes": y} # team\n'
    res = check_transformed(HEAD + "    labels: {on: x, yes: y} # team\n", after, "3.8")
    _clean(after)
    assert sorted(c.path for c in res.changes if c.rule == "sv3_yaml11_keys") == [
        "services.app.labels.on",
        "services.app.labels.yes",
    ]


def test_block_keys_keep_comments() -> None:
    before = HEAD + "    environment:\n      # switches\n      yes: a  # first\n      Off: b\n"
    after = V38 + HEAD + '    environment:\n      # switches\n      "yes": a # first\n      "Off": b\n'
    check_transformed(before, after, "3.8")
    _clean(after)


@pytest.mark.parametrize("key", ["null", "~", "true", "1.50", "0x1F", "017"])
def test_keys_compose_v2_refused_are_quoted_with_a_warning(key: str) -> None:
    # go-yaml reads these as null, a boolean or a number: Compose v2 stops on
    # "non-string key", so there is no reading to keep; the text is.
    after = V38 + HEAD + f'    environment:\n      "{key}": v\n'
    res = check_transformed(HEAD + f"    environment:\n      {key}: v\n", after, "3.8")
    _clean(after)
    (w,) = [w for w in res.warnings if w.rule == "sv3_yaml11_keys"]
    assert w.path == f"services.app.environment.{key}"
    assert "non-string key" in w.message and f'"{key}"' in w.message
    assert not w.lossy


@pytest.mark.parametrize("key", ["8080", "1.5", "y", "NOPE"])
def test_keys_both_readers_name_alike_stay(key: str) -> None:
    # `8080:` and `1.5:` are numbers for PyYAML, but written as their text, so
    # docker-compose 1.x passes the same name; validate does not ask to quote them.
    before = HEAD + f"    environment:\n      {key}: v\n"
    res = check_noop(before, "3.8", rule="sv3_yaml11_keys")
    assert res.output == V38 + before
    _clean(res.output)


def test_quoted_keys_are_left_alone() -> None:
    before = HEAD + '    environment:\n      "NO": "off"\n'
    res = check_noop(before, "3.8", rule="sv3_yaml11_keys")
    assert res.output == V38 + before


def test_service_and_nested_keys() -> None:
    before = "services:\n  on:\n    image: busybox\n    labels:\n      off: x\n"
    after = V38 + 'services:\n  "on":\n    image: busybox\n    labels:\n      "off": x\n'
    res = check_transformed(before, after, "3.8")
    _clean(after)
    assert sorted(c.path for c in res.changes if c.rule == "sv3_yaml11_keys") == [
        "services.on",
        "services.on.labels.off",
    ]


# ----------------------------------------------------------------------------- values


@pytest.mark.parametrize(
    ("text", "passed"),
    [
        ("08", "8"),  # not octal for go-yaml: the float 8; PyYAML keeps the text "08"
        ("1e3", "1000"),  # PyYAML needs a dot and a signed exponent: the text "1e3"
        ("0o17", "15"),  # YAML 1.2 octal; the text "0o17" for PyYAML
        ("019", "19"),
        ("1.", "1"),  # the float 1.0 for both; Python passes "1.0"
        ("1000.0", "1000"),
        ("1e20", "1e+20"),
        ("1e21", "1e+21"),
        ("100000000.0", "1e+08"),
        ("-0.0", "-0"),
        (".nan", "NaN"),
        ("-.inf", "-Inf"),
        ("123456789012345678901234", "1.2345678901234569e+23"),
    ],
)
def test_number_is_passed_as_compose_v2_did(text: str, passed: str) -> None:
    after = V38 + HEAD + f'    environment:\n      V: "{passed}"\n'
    res = check_transformed(HEAD + f"    environment:\n      V: {text}\n", after, "3.8")
    _clean(after)
    (c,) = [c for c in res.changes if c.rule == "sv3_yaml12_quoting"]
    assert c.path == "services.app.environment.V"
    assert f"{text} was the number {passed} for Compose v2" in c.message
    assert res.warnings == []


@pytest.mark.parametrize(
    "text", ["0x1F", "1_000", ".5", "1.5", "017", "+12", "00", "-0", "0.1e-7", "1.0e+21", "42", "0b101"]
)
def test_numbers_both_pass_alike_stay(text: str) -> None:
    # PyYAML and go-yaml read the same number, and str() and Go write it alike.
    before = HEAD + f"    environment:\n      V: {text}\n"
    res = check_noop(before, "3.8", rule="sv3_yaml12_quoting")
    assert res.output == V38 + before


def test_every_string_map_and_comments() -> None:
    before = (
        HEAD + "    environment:\n      HOUR: 08  # morning\n      E: 1e3\n"
        "    labels:\n      - a=1\n      - b\n    sysctls:\n      net.core.somaxconn: 1e3\n"
        "    build:\n      context: .\n      args:\n        A: 08\n"
        "    logging:\n      options:\n        max-file: 1.\n"
    )
    after = V38 + (
        HEAD + '    environment:\n      HOUR: "8"   # morning\n      E: "1000"\n'
        "    labels:\n      - a=1\n      - b\n"
        '    sysctls:\n      net.core.somaxconn: "1000"\n'
        '    build:\n      context: .\n      args:\n        A: "8"\n'
        '    logging:\n      options:\n        max-file: "1"\n'
    )
    res = check_transformed(before, after, "3.8")
    _clean(after)
    assert sorted(c.path for c in res.changes if c.rule == "sv3_yaml12_quoting") == [
        "services.app.build.args.A",
        "services.app.environment.E",
        "services.app.environment.HOUR",
        "services.app.logging.options.max-file",
        "services.app.sysctls.net.core.somaxconn",
    ]


def test_number_outside_string_maps_stays_a_number() -> None:
    # `x-` values are free-form: the number go-yaml read is written as a number PyYAML reads alike.
    before = "x-hour: 08\n" + HEAD
    res = check_transformed(before, V38 + "x-hour: 8.0\n" + HEAD, "3.8")
    assert [c.path for c in res.changes if c.rule == "sv3_yaml12_quoting"] == ["x-hour"]


def test_anchored_value_keeps_its_anchor() -> None:
    before = (
        "services:\n  a:\n    image: busybox\n    environment:\n      HOUR: &h 08\n"
        "  b:\n    image: busybox\n    environment:\n      HOUR: *h\n"
    )
    after = V38 + (
        'services:\n  a:\n    image: busybox\n    environment:\n      HOUR: &h "8"\n'
        "  b:\n    image: busybox\n    environment:\n      HOUR: *h\n"
    )
    check_transformed(before, after, "3.8")
    _clean(after)


def test_merged_string_map() -> None:
    before = (
        "x-env: &env\n  HOUR: 08\nservices:\n  app:\n    image: busybox\n    environment:\n      <<: *env\n"
        "      OTHER: b\n"
    )
    after = V38 + (
        'x-env: &env\n  HOUR: "8"\nservices:\n  app:\n    image: busybox\n    environment:\n      <<: *env\n'
        "      OTHER: b\n"
    )
    check_transformed(before, after, "3.8")
    _clean(after)


# ----------------------------------------------------------------------------- Go's float text


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (8.0, "8"),
        (0.5, "0.5"),
        (123456.0, "123456"),
        (1234567.0, "1.234567e+06"),
        (0.0001, "0.0001"),
        (0.00001, "1e-05"),
        (12.375, "12.375"),
        (1e300, "1e+300"),
        (5e-324, "5e-324"),
        (float("inf"), "+Inf"),
        (-2.5, "-2.5"),
        (0.0, "0"),
    ],
)
def test_go_float_text(value: float, text: str) -> None:
    # Checked against Compose v2's environment output for the same values.
    assert go_float_text(value) == text
