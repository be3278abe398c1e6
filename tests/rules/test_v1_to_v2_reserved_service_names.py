from __future__ import annotations

import pytest

from compose_migrate import load, migrate
from compose_migrate.findings import ComposeMigrateError

from .tools import check_noop, check_transformed

RULE = "reserved_service_names"


@pytest.mark.parametrize(
    "before",
    [
        pytest.param("web:\n  image: nginx:1.25\n", id="ordinary service names are left alone"),
        pytest.param(
            "x-notes:\n  restart: always\nweb:\n  image: nginx:1.25\n",
            id="an x- mapping without image or build never ran as a service",
        ),
    ],
)
def test_noop(before: str) -> None:
    check_noop(before, "2.0", rule=RULE)


@pytest.mark.parametrize(
    ("before", "after"),
    [
        pytest.param(
            "volumes:\n  image: example/volumes:1\nnetworks:\n  image: example/networks:1\n",
            'version: "2"\nservices:\n  volumes:\n    image: example/volumes:1\n'
            "  networks:\n    image: example/networks:1\n",
            id="services named volumes and networks are plain service names under services",
        ),
    ],
)
def test_transformed(before: str, after: str) -> None:
    check_transformed(before, after, "2.0")


def test_a_runnable_x_service_is_refused_with_its_name() -> None:
    doc = load(text="x-worker:\n  image: example/worker:1\nweb:\n  image: nginx:1.25\n", name="t.yml")
    with pytest.raises(ComposeMigrateError) as err:
        migrate(doc, "2.0")
    assert "service `x-worker` cannot keep its name" in str(err.value)
    assert "extension field" in str(err.value)
    assert err.value.finding.path == "x-worker"
