"""migrate regressions from a fresh user's report: numeric versions, --skip/--only, located errors, formats."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from compose_migrate.cli import main


def write(tmp_path: Path, name: str, text: str) -> str:
    p = tmp_path / name
    p.write_text(text)
    return str(p)


def cli(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    capsys.readouterr()
    code = main(list(args))
    out = capsys.readouterr()
    return code, out.out, out.err


# --------------------------------------------------------------------------- 1. numeric version


@pytest.mark.parametrize("to", ["3.10", "auto"])
def test_a_numeric_version_is_quoted_even_when_already_at_the_target(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], to: str
) -> None:
    f = write(tmp_path, "c.yml", "version: 3.10\nservices:\n  web:\n    image: nginx\n")
    code, out, _ = cli(capsys, "migrate", f, "--to", to)
    assert code == 0
    assert out == 'version: "3.10"\nservices:\n  web:\n    image: nginx\n'
    code, out, _ = cli(capsys, "migrate", f, "--to", to, "--format", "json")
    res = json.loads(out)["files"][0]
    assert res["changed"] is True
    assert [(c["path"], c["line"]) for c in res["changes"]] == [("version", 1)]
    # and the output is what validate accepts
    out_file = write(tmp_path, "out.yml", res["output"])
    assert cli(capsys, "validate", out_file)[0] == 0


@pytest.mark.parametrize(
    ("text", "to"), [("version: 2\n", "2.0"), ("version: 2.4\n", "2.4"), ("version: 3.8\n", "3.8")]
)
def test_other_numeric_versions_at_target_are_quoted(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], text: str, to: str
) -> None:
    f = write(tmp_path, "c.yml", text + "services:\n  web:\n    image: nginx\n")
    code, out, _ = cli(capsys, "migrate", f, "--to", to)
    assert code == 0
    assert out.splitlines()[0] == f'version: "{text.split()[1]}"'


def test_a_quoted_version_at_target_stays_byte_identical(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    text = "version: '3.10'   # keep\nservices:\n  web:\n    image: nginx\n"
    f = write(tmp_path, "c.yml", text)
    code, out, _ = cli(capsys, "migrate", f, "--to", "3.10", "--format", "json")
    res = json.loads(out)["files"][0]
    assert (code, res["changed"], res["changes"], res["output"]) == (0, False, [], text)
