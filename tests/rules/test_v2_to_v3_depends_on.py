"""V2-12 and V2-13: `depends_on` conditions become the 3.x list; lost waits are reported."""

from __future__ import annotations

import pytest

from .tools import check_noop, check_transformed

HEAD = 'version: "2.4"\nservices:\n  db:\n    image: postgres:16\n  api:\n    image: example/api:1\n'
OUT = 'version: "3.8"\nservices:\n  db:\n    image: postgres:16\n  api:\n    image: example/api:1\n'


def test_a_list_is_left_alone() -> None:
    check_noop(HEAD + "    depends_on:\n      - db\n", "3.8", rule="v2_depends_on_started_to_list")


@pytest.mark.parametrize(
    ("deps", "lossy"),
    [
        pytest.param("      db:\n        condition: service_started\n", [], id="service started is lossless"),
        pytest.param(
            "      db:\n        condition: service_healthy\n",
            ["services.api.depends_on.db.condition"],
            id="service healthy is reported as lost",
        ),
        pytest.param(
            "      db:\n        condition: service_completed_successfully\n",
            ["services.api.depends_on.db.condition"],
            id="service completed successfully is reported as lost",
        ),
    ],
)
def test_transformed(deps: str, lossy: list[str]) -> None:
    res = check_transformed(HEAD + "    depends_on:\n" + deps, OUT + "    depends_on:\n      - db\n", "3.8")
    assert [w.path for w in res.warnings] == lossy
    assert all(w.line == 9 for w in res.warnings)


def test_the_warning_says_what_is_lost_and_what_to_do() -> None:
    res = check_transformed(
        HEAD + "    depends_on:\n      db:\n        condition: service_healthy\n",
        OUT + "    depends_on:\n      - db\n",
        "3.8",
    )
    [w] = res.warnings
    assert "will no longer wait for db to be healthy" in w.message
    assert "--to spec" in w.message
