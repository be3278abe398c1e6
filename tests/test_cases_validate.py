"""Every hard case whose command runs detect, validate or check gives the expected findings.

The harness reads case.json (cases/README.md conventions): exact line, `col`
or `alt_col`, `path` when given, `phrase` as a case-insensitive substring of
the message, `error_count`/`finding_count` as exact counts.  Commands run in
process through the same functions the CLI uses (validation.batch.judge_path),
so exit codes are the CLI's.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from compose_migrate.document import load
from compose_migrate.findings import Finding, Severity
from compose_migrate.validation.batch import Outcome, judge_path
from compose_migrate.validation.interp import interpolate_document
from compose_migrate.versions import ComposeVersion
from compose_migrate.yamlpath import get

from .conftest import SHARED

CASES = SHARED / "cases"
VERBS = ("detect", "validate", "check")


def _commands() -> list[tuple[str, str, dict[str, Any]]]:
    """(case, sub-command, its expectation) for every detect/validate/check command."""
    out = []
    for case_file in sorted(CASES.glob("*/case.json")):
        case = json.loads(case_file.read_text(encoding="utf-8"))
        subs = [s.strip() for s in case["command"].split(";")]
        expected = case["expected"]
        for sub in subs:
            verb = sub.split()[0]
            if verb not in VERBS:
                continue
            bare = " ".join(w for w in sub.split() if not w.endswith(".yml"))
            if sub in expected:
                exp = expected[sub]
            elif bare in expected:
                exp = expected[bare]
            elif verb in expected and sum(s.split()[0] == verb for s in subs) == 1:
                exp = expected[verb]
            elif len(subs) == 1:
                exp = expected  # single-command cases keep their expectation flat
            else:
                raise AssertionError(f"{case_file.parent.name}: no expectation for {sub!r}")
            out.append((case_file.parent.name, sub, exp))
    return out


COMMANDS = _commands()


def _matches(f: Finding, want: dict[str, Any]) -> bool:
    if "line" in want and f.line != want["line"]:
        return False
    if "col" in want and f.col not in (want["col"], want.get("alt_col")):
        return False
    if "path" in want and f.path != want["path"]:
        return False
    if "severity" in want and str(f.severity) != want["severity"]:
        return False
    return not ("phrase" in want and want["phrase"].lower() not in f.message.lower())


def _assert_has(findings: list[Finding], wants: list[dict[str, Any]], severity: Severity | None) -> None:
    pool = [f for f in findings if severity is None or f.severity is severity]
    for want in wants:
        assert any(_matches(f, want) for f in pool), f"missing {want}; got {[(f.line, f.col, f.message) for f in pool]}"


def _run(case: str, sub: str) -> tuple[Path, str, Outcome | None, Any]:
    words = sub.split()
    verb = words[0]
    name = next((w for w in words[1:] if w.endswith(".yml")), "input.yml")
    path = CASES / case / name
    if verb == "detect":
        return path, verb, None, load(path).detection
    if verb == "check":
        return path, verb, judge_path(str(path), check_to=ComposeVersion.SPEC), None
    return path, verb, judge_path(str(path)), None


@pytest.mark.parametrize(("case", "sub", "exp"), COMMANDS, ids=[f"{c}:{s}" for c, s, _ in COMMANDS])
def test_case(case: str, sub: str, exp: dict[str, Any]) -> None:
    path, verb, outcome, det = _run(case, sub)
    if verb == "detect":
        if "version" in exp:
            assert str(det.version) == exp["version"]
        if "version_text" in exp:
            assert str(det.version) == exp["version_text"] != exp["must_not_report"]
        # Detection's version findings (007's number) count whatever their severity:
        # the bank lists them under "warnings"; we make a numeric version an error
        # because every engine refuses it.
        _assert_has(det.findings, exp.get("warnings", []), None)
        return
    assert outcome is not None
    res = outcome.result
    findings = res.findings
    strict = "--strict" in sub
    if "valid" in exp:
        assert res.valid is exp["valid"], [f.message for f in findings]
    _assert_has(findings, exp.get("errors", []), Severity.ERROR)
    _assert_has(findings, exp.get("warnings", []), Severity.WARNING)
    _assert_has(findings, exp.get("findings", []), None)
    if "error_count" in exp:
        errors = [f for f in findings if f.severity is Severity.ERROR]
        assert len(errors) == exp["error_count"], [(f.line, f.message) for f in errors]
    if "finding_count" in exp:
        shown = [f for f in findings if f.severity is not Severity.INFO]
        assert len(shown) == exp["finding_count"], [(f.line, f.message) for f in shown]
    if "exit_code" in exp:
        code = outcome.exit_code(strict=strict)
        assert code == 0 if exp["exit_code"] == 0 else code != 0
    for line in exp.get("findings_at_lines", []):
        assert any(f.line == line for f in findings), line
    for line in exp.get("no_findings_for_lines", []):
        assert not any(f.line == line for f in findings), line
    if "no_warning_for_line" in exp:
        assert not any(f.line == exp["no_warning_for_line"] and f.severity is Severity.WARNING for f in findings)
    hint = exp.get("hint_expected")
    if isinstance(hint, dict):
        assert any(f.line == hint["line"] and hint["phrase"] in (f.hint or "") for f in findings), hint
    elif isinstance(hint, str):
        assert all(f.hint for f in findings if f.severity is Severity.ERROR)
    banned = exp.get("must_not_report", [])
    for text in [banned] if isinstance(banned, str) else banned:
        assert not any(text in f.message for f in findings), text
    if "must_not_be_only_message" in exp:
        assert findings and any(exp["must_not_be_only_message"] not in f.message for f in findings)
    for dotted, value in exp.get("parsed_values", {}).items():
        doc = load(path)
        parts = tuple(int(p) if p.isdigit() else p for p in dotted.replace("[", ".").replace("]", "").split("."))
        assert get(doc.reading(res.version).data, parts) == value
    view = exp.get("interpolated_view_with_empty_environment")
    if view:
        doc = load(path)
        assert res.version is not None
        data = interpolate_document(doc.reading(res.version).data, res.version, doc.r11.node, env=None, file="").data
        for dotted, value in view.items():
            parts = tuple(int(p) if p.isdigit() else p for p in dotted.replace("[", ".").replace("]", "").split("."))
            assert get(data, parts) == value
    for name in exp.get("no_warning_for", []):
        assert not any(name in f.message for f in findings), name


def test_every_case_with_a_check_command_is_run() -> None:
    # 16 cases run detect, validate or check: none may be silently dropped.
    assert len({c for c, _, _ in COMMANDS}) == 16
