from __future__ import annotations

import pytest

from .tools import check_noop, check_transformed

RULE = "net_to_network_mode"


@pytest.mark.parametrize(
    "before",
    [
        pytest.param("web:\n  image: nginx:1.25\n", id="a service without net is left alone"),
    ],
)
def test_noop(before: str) -> None:
    check_noop(before, "2.0", rule=RULE)


@pytest.mark.parametrize(
    ("before", "after"),
    [
        pytest.param(
            "web:\n  image: nginx:1.25\n  net: none  # isolated\n  restart: always\n",
            'version: "2"\nservices:\n  web:\n    image: nginx:1.25\n    network_mode: none  # isolated\n'
            "    restart: always\n",
            id="net becomes network_mode in place with its comment",
        ),
        pytest.param(
            "web:\n  image: nginx:1.25\n  net: container:3f2a9c\n",
            'version: "2"\nservices:\n  web:\n    image: nginx:1.25\n    network_mode: container:3f2a9c\n',
            id="a container id stays a container reference",
        ),
    ],
)
def test_transformed(before: str, after: str) -> None:
    check_transformed(before, after, "2.0")
