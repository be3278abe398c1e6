from __future__ import annotations

import pytest

from compose_migrate import load, migrate
from compose_migrate.migrations.driver import MigrationResult

from .tools import check_noop, check_transformed

RULE = "volume_driver_declared"


def migrated(before: str) -> MigrationResult:
    """Migrate to 2.0 for tests that look at warnings (the file always changes: v1 -> 2.x)."""
    return migrate(load(text=before, name="t.yml"), "2.0")


@pytest.mark.parametrize(
    "before",
    [
        pytest.param(
            "db:\n  image: postgres:16\n  volume_driver: flocker\n  volumes:\n    - /data\n",
            id="a driver for anonymous volumes only stays on the service",
        ),
        pytest.param(
            "db:\n  image: postgres:16\n  volumes:\n    - pgdata:/data\n", id="named volumes without a driver"
        ),
    ],
)
def test_noop(before: str) -> None:
    check_noop(before, "2.0", rule=RULE)


def test_an_external_volume_keeps_its_driver_and_the_warning_says_where_to_put_it() -> None:
    res = check_transformed(
        "db:\n  image: postgres:16\n  volume_driver: flocker\n  volumes:\n    - pgdata:/data\n",
        'version: "2"\nservices:\n  db:\n    image: postgres:16\n    volume_driver: flocker\n    volumes:\n'
        "      - pgdata:/data\nvolumes:\n  pgdata:\n    external: true\n",
        "2.0",
    )
    [w] = [w for w in res.warnings if w.rule == RULE]
    assert (w.path, w.line) == ("services.db.volume_driver", 3)
    assert "add `driver: flocker`" in w.message


def test_two_drivers_for_one_volume_are_reported() -> None:
    res = migrated(
        "a:\n  image: x\n  volume_driver: d1\n  volumes:\n    - v:/v\nb:\n  image: x\n  volume_driver: d2\n"
        "  volumes:\n    - v:/w\n",
    )
    [w] = [w for w in res.warnings if w.rule == RULE]
    assert "different volume drivers: a (d1), b (d2)" in w.message
