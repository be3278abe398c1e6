from __future__ import annotations

import pytest

from compose_migrate import load, migrate
from compose_migrate.migrations.driver import MigrationResult

from .tools import check_noop, check_transformed

RULE = "named_volumes"


def migrated(before: str) -> MigrationResult:
    """Migrate to 2.0 for tests that look at warnings (the file always changes: v1 -> 2.x)."""
    return migrate(load(text=before, name="t.yml"), "2.0")


@pytest.mark.parametrize(
    "before",
    [
        pytest.param(
            "db:\n  image: postgres:16\n  volumes:\n    - ./data:/data\n    - /srv:/srv\n    - ~/x:/x\n    - /anon\n",
            id="host paths and anonymous volumes need no declaration",
        ),
    ],
)
def test_noop(before: str) -> None:
    check_noop(before, "2.0", rule=RULE)


@pytest.mark.parametrize(
    ("before", "after"),
    [
        pytest.param(
            "db:\n  image: postgres:16\n  volumes:\n    - pgdata:/var/lib/postgresql/data\n"
            "api:\n  image: example/api:1\n  volumes:\n    - pgdata:/backup:ro\n    - db.dump:/dump\n",
            'version: "2"\nservices:\n  db:\n    image: postgres:16\n    volumes:\n'
            "      - pgdata:/var/lib/postgresql/data\n  api:\n    image: example/api:1\n    volumes:\n"
            "      - pgdata:/backup:ro\n      - db.dump:/dump\n"
            "volumes:\n  pgdata:\n    external: true\n  db.dump:\n    external: true\n",
            id="each named volume is declared once as external, a dotted name included",
        ),
    ],
)
def test_transformed(before: str, after: str) -> None:
    check_transformed(before, after, "2.0")


def test_the_warning_points_at_the_mount_and_names_the_alternative() -> None:
    res = check_transformed(
        "db:\n  image: postgres:16\n  volumes:\n    - pgdata:/data\n",
        'version: "2"\nservices:\n  db:\n    image: postgres:16\n    volumes:\n      - pgdata:/data\n'
        "volumes:\n  pgdata:\n    external: true\n",
        "2.0",
    )
    [w] = [w for w in res.warnings if w.rule == RULE]
    assert (w.path, w.line) == ("services.db.volumes[0]", 4)
    assert "must already exist" in w.message and "`name: pgdata`" in w.message


def test_a_variable_source_is_reported_not_declared() -> None:
    res = migrated("db:\n  image: postgres:16\n  volumes:\n    - ${DATA}:/data\n")
    [w] = [w for w in res.warnings if w.rule == RULE]
    assert w.path == "services.db.volumes[0]" and "`${DATA}` is a variable" in w.message
