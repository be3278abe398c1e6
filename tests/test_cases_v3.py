"""Hard cases 020, 021 and 027 of the shared bank: 2.x -> 3.9 exactly as expected."""

from __future__ import annotations

from compose_migrate import load, migrate

from .conftest import SHARED, run_cli

CASES = SHARED / "cases"


def test_020_cpus_and_memory_land_in_deploy_as_strings_and_lossy_keys_are_reported() -> None:
    case = CASES / "020-cpus-memory-to-deploy-types"
    res = migrate(load(case / "input.yml"), "3.9")
    assert res.output == (case / "expected.yml").read_text()
    assert sorted((w.line, w.path) for w in res.warnings) == [
        (8, "services.encoder.cpu_shares"),
        (9, "services.encoder.memswap_limit"),
    ]
    assert all(w.lossy for w in res.warnings)


def test_021_service_healthy_is_dropped_with_a_warning_at_its_line() -> None:
    case = CASES / "021-depends-on-condition"
    res = migrate(load(case / "input.yml"), "3.9")
    assert res.output == (case / "expected-3.9.yml").read_text()
    [w] = res.warnings
    assert w.line == 13
    assert "service_healthy" in w.message
    assert "no longer wait for db to be healthy" in w.message
    assert "Compose Specification" in w.message


def test_027_extends_across_files_is_inlined_with_rebased_paths_and_base_untouched() -> None:
    case = CASES / "027-extends-across-files-to-v3"
    base = case / "input" / "base" / "common.yml"
    before = base.read_bytes()
    proc = run_cli("migrate", "deploy/docker-compose.yml", "--to", "3.9", cwd=case / "input")
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout == (case / "expected" / "deploy" / "docker-compose.yml").read_text()
    assert base.read_bytes() == before
