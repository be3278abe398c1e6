from __future__ import annotations

import pytest

from .tools import check_noop, check_transformed

RULE = "network_mode_service"


@pytest.mark.parametrize(
    "before",
    [
        pytest.param("web:\n  image: nginx:1.25\n  net: host\n", id="host networking names no service"),
        pytest.param(
            "web:\n  image: nginx:1.25\n  net: container:vpn\n", id="a container that is no service keeps container"
        ),
    ],
)
def test_noop(before: str) -> None:
    check_noop(before, "2.0", rule=RULE)


@pytest.mark.parametrize(
    ("before", "after"),
    [
        pytest.param(
            "app:\n  image: example/app:1\n  net: container:vpn\nvpn:\n  image: example/vpn:1\n",
            'version: "2"\nservices:\n  app:\n    image: example/app:1\n    network_mode: service:vpn\n'
            "  vpn:\n    image: example/vpn:1\n",
            id="a container name that is a service of the file becomes service",
        ),
    ],
)
def test_transformed(before: str, after: str) -> None:
    check_transformed(before, after, "2.0")
