from __future__ import annotations

import pytest

from .tools import check_noop, check_transformed

RULE = "volumes_from_prefix"


@pytest.mark.parametrize(
    "before",
    [
        pytest.param(
            "app:\n  image: example/app:1\n  volumes_from:\n    - data:ro\ndata:\n  image: busybox\n",
            id="an entry naming a service stays as written",
        ),
    ],
)
def test_noop(before: str) -> None:
    check_noop(before, "2.0", rule=RULE)


@pytest.mark.parametrize(
    ("before", "after"),
    [
        pytest.param(
            "app:\n  image: example/app:1\n  volumes_from:\n    - old_data  # kept from 2015\n    - cfg:ro\n",
            'version: "2"\nservices:\n  app:\n    image: example/app:1\n    volumes_from:\n'
            "      - container:old_data  # kept from 2015\n      - container:cfg:ro\n",
            id="entries naming no service get the container prefix and keep their mode",
        ),
    ],
)
def test_transformed(before: str, after: str) -> None:
    check_transformed(before, after, "2.0")
