"""The hard-case bank: every `migrate ... --to spec` command, byte for byte.

Each case's case.json names the command(s) and the expected outcome: an
output file (compared as the bytes we would write, so 009's BOM and 035's
CRLF count), warnings with line and phrase, lines that must not change,
text that must not appear, or a refusal (012).
"""

from __future__ import annotations

import json
import shutil
import stat
from pathlib import Path
from typing import Any

import pytest

from compose_migrate import load, migrate
from compose_migrate.findings import ComposeMigrateError

from .conftest import SHARED, run_cli

CASES = SHARED / "cases"


def _spec_commands() -> list[tuple[str, str, dict[str, Any]]]:
    """(case folder, input file name, expected) for every `migrate X --to spec` command."""
    found: list[tuple[str, str, dict[str, Any]]] = []
    for case_json in sorted(CASES.glob("*/case.json")):
        case = json.loads(case_json.read_text(encoding="utf-8"))
        commands = [c.strip() for c in case["command"].split(";")]
        for cmd in commands:
            words = cmd.split()
            if words[:1] != ["migrate"] or "--to" not in words or words[words.index("--to") + 1] != "spec":
                continue
            expected = case["expected"] if len(commands) == 1 else _expected_for(case["expected"], cmd)
            found.append((case_json.parent.name, words[1], expected))
    return found


def _expected_for(expected: dict[str, Any], cmd: str) -> dict[str, Any]:
    if cmd in expected:
        return dict(expected[cmd])
    keys = [k for k in expected if k.startswith("migrate") and k.endswith("--to spec")]
    assert len(keys) == 1, f"cannot tell which expectation belongs to {cmd!r}: {keys}"
    return dict(expected[keys[0]])


SPEC_CASES = _spec_commands()
IDS = [f"{case[:3]}-{name}" for case, name, _ in SPEC_CASES]


def test_the_bank_has_the_spec_cases() -> None:
    ids = {i[:3] for i in IDS}
    assert {"002", "006", "007", "009", "011", "012", "016", "018", "021", "025", "028", "030", "035"} <= ids
    assert len([i for i in IDS if i.startswith("016")]) == 2  # both inputs


@pytest.mark.parametrize(("case", "name", "expected"), SPEC_CASES, ids=IDS)
def test_case_migrates_to_spec(case: str, name: str, expected: dict[str, Any]) -> None:
    folder = CASES / case
    if expected.get("exit_code") == "non-zero":
        with pytest.raises(ComposeMigrateError) as info:
            migrate(load(folder / name), "spec")
        assert expected["phrase"].lower() in info.value.finding.message.lower()
        return
    doc = load(folder / name)
    res = migrate(doc, "spec")
    written = doc.encode(res.output)
    want = (folder / expected["output_file"]).read_bytes()
    assert written == want, f"--- got ---\n{written!r}\n--- expected ---\n{want!r}"
    for w in expected.get("warnings", []):
        hits = [x for x in res.warnings if x.line == w["line"] and w["phrase"].lower() in x.message.lower()]
        assert hits, f"no warning on line {w['line']} containing {w['phrase']!r}: {res.warnings}"
    for line in expected.get("unchanged_lines", []):
        assert line in res.output.splitlines()
    for text in expected.get("must_not_contain", []):
        assert text not in res.output
    if "no warning about depends_on" in expected.get("note", ""):
        assert not [w for w in res.warnings if "depends_on" in w.path]
    again = migrate(load(text=res.output, name="again.yml"), "spec")
    assert not again.changed, "migrating the output again must change nothing"


def _writable_copy(src: Path, dst: Path) -> Path:
    shutil.copyfile(src, dst)
    dst.chmod(dst.stat().st_mode | stat.S_IWUSR)
    return dst


@pytest.mark.parametrize(("case", "name", "expected"), SPEC_CASES, ids=IDS)
def test_case_through_the_cli_in_place(case: str, name: str, expected: dict[str, Any], tmp_path: Path) -> None:
    """What a user gets on disk: `migrate FILE --to spec --in-place`."""
    folder = CASES / case
    for extra in folder.iterdir():  # env files and other inputs the case refers to
        if extra.name not in ("case.json", name):
            _writable_copy(extra, tmp_path / extra.name)
    target = _writable_copy(folder / name, tmp_path / name)
    before = target.read_bytes()
    proc = run_cli("migrate", str(target), "--to", "spec", "--in-place")
    if expected.get("exit_code") == "non-zero":
        assert proc.returncode != 0
        assert target.read_bytes() == before, "a refused migration must write nothing"
        assert expected["phrase"].lower() in proc.stderr.lower()
        return
    assert proc.returncode == 0, proc.stderr
    assert target.read_bytes() == (folder / expected["output_file"]).read_bytes()
