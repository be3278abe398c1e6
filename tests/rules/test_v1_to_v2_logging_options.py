from __future__ import annotations

import pytest

from .tools import check_noop, check_transformed

RULE = "logging_options"


@pytest.mark.parametrize(
    "before",
    [
        pytest.param("web:\n  image: nginx:1.25\n", id="a service without log keys is left alone"),
    ],
)
def test_noop(before: str) -> None:
    check_noop(before, "2.0", rule=RULE)


@pytest.mark.parametrize(
    ("before", "after"),
    [
        pytest.param(
            "web:\n  image: nginx:1.25\n  log_driver: syslog\n  restart: always\n",
            'version: "2"\nservices:\n  web:\n    image: nginx:1.25\n    logging:\n      driver: syslog\n'
            "    restart: always\n",
            id="log_driver alone becomes logging.driver in its place",
        ),
        pytest.param(
            "web:\n  image: nginx:1.25\n  log_opt:\n    max-size: 10m  # rotate\n  restart: always\n",
            'version: "2"\nservices:\n  web:\n    image: nginx:1.25\n    logging:\n      options:\n'
            "        max-size: 10m  # rotate\n    restart: always\n",
            id="log_opt alone becomes logging.options with its comments",
        ),
        pytest.param(
            "web:\n  image: nginx:1.25\n  log_opt:\n    tag: web\n  log_driver: json-file\n",
            'version: "2"\nservices:\n  web:\n    image: nginx:1.25\n    logging:\n      driver: json-file\n'
            "      options:\n        tag: web\n",
            id="log_opt before log_driver still gives driver then options",
        ),
    ],
)
def test_transformed(before: str, after: str) -> None:
    check_transformed(before, after, "2.0")
