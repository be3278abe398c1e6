"""Property tests: whatever the bytes, the library answers or raises ComposeMigrateError.

Inputs are generated Compose-like documents and mutations of corpus files
(byte flips, truncation, duplicated, deleted and swapped lines).  The oracle
(scripts/fuzz_campaign.py `check_one`, which the longer campaign shares) also
holds that a file we call valid is valid for the official schema of its
version.  Bounded for CI: about 150 examples in all, derandomized.
"""

from __future__ import annotations

import importlib.util
import random
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from compose_migrate.cli import main

from .conftest import ROOT, SHARED, run_cli

_spec = importlib.util.spec_from_file_location("fuzz_campaign", ROOT / "scripts" / "fuzz_campaign.py")
assert _spec is not None and _spec.loader is not None
fc = importlib.util.module_from_spec(_spec)
sys.modules["fuzz_campaign"] = fc
_spec.loader.exec_module(fc)

CORPUS = sorted(p for p in (SHARED / "corpus").rglob("*.yml") if p.stat().st_size < 50_000)


def bounded(n: int, *checks: HealthCheck) -> settings:
    return settings(
        max_examples=n, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow, *checks]
    )


def test_the_corpus_is_there_to_mutate() -> None:
    assert len(CORPUS) > 300


@bounded(50)
@given(st.randoms(use_true_random=False))
def test_generated_documents(rng: random.Random) -> None:
    data = fc.generate(rng)
    assert fc.check_one(data) == []


@bounded(50)
@given(st.sampled_from(CORPUS), st.randoms(use_true_random=False))
def test_mutated_corpus_files(path: Path, rng: random.Random) -> None:
    assert fc.check_one(fc.mutate(rng, path.read_bytes()), path.name) == []


@bounded(20)
@given(st.binary(max_size=300))
def test_arbitrary_bytes(data: bytes) -> None:
    assert fc.check_one(data) == []


@bounded(25, HealthCheck.function_scoped_fixture)
@given(rng=st.randoms(use_true_random=False), command=st.sampled_from(["validate", "detect", "migrate", "check"]))
def test_cli_exits_0_1_or_2_with_a_message(
    rng: random.Random, command: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = fc.next_input(rng, [CORPUS[rng.randrange(len(CORPUS))].read_bytes()])
    p = tmp_path / "docker-compose.yml"
    p.write_bytes(data)
    argv = [command, str(p)] + (["--to", "3.8"] if command == "migrate" else [])
    code = main(argv)
    out, err = capsys.readouterr()
    assert code in (0, 1, 2), (code, out, err)
    assert "Traceback" not in out + err
    if code:
        assert str(p) in out + err  # the failing file is named


def test_mutations_really_mutate() -> None:
    rng = random.Random(7)
    original = CORPUS[0].read_bytes()
    assert sum(fc.mutate(rng, original) != original for _ in range(20)) >= 18


def test_a_few_real_processes(tmp_path: Path) -> None:
    rng = random.Random(2024)
    for i in range(3):
        p = tmp_path / f"m{i}.yml"
        p.write_bytes(fc.mutate(rng, CORPUS[rng.randrange(len(CORPUS))].read_bytes()))
        for args in (("validate", str(p)), ("migrate", "--to", "spec", str(p))):
            proc = run_cli(*args)
            assert proc.returncode in (0, 1, 2)
            assert "Traceback" not in proc.stderr
            if proc.returncode:
                assert str(p) in proc.stdout + proc.stderr
