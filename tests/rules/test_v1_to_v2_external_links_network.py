from __future__ import annotations

import pytest

from .tools import check_noop, check_transformed

RULE = "external_links_network"


@pytest.mark.parametrize(
    "before",
    [
        pytest.param("web:\n  image: nginx:1.25\n", id="no external links, nothing to say"),
    ],
)
def test_noop(before: str) -> None:
    check_noop(before, "2.0", rule=RULE)


def test_external_links_stay_and_the_warning_names_the_network_to_share() -> None:
    res = check_transformed(
        "web:\n  image: w\n  external_links:\n    - shared_redis:cache\n",
        'version: "2"\nservices:\n  web:\n    image: w\n    external_links:\n      - shared_redis:cache\n',
        "2.0",
    )
    [w] = [w for w in res.warnings if w.rule == RULE]
    assert (w.path, w.line) == ("services.web.external_links", 3)
    assert "`shared_redis`" in w.message and "`<project>_default`" in w.message


def test_a_service_on_the_links_network_is_told_that_network() -> None:
    res = check_transformed(
        "web:\n  image: w\n  links:\n    - db\n  external_links:\n    - legacy\ndb:\n  image: d\n",
        'version: "2"\nservices:\n  web:\n    image: w\n    depends_on:\n      - db\n    networks:\n      - links\n'
        "    external_links:\n      - legacy\n  db:\n    image: d\n    networks:\n      - links\n"
        "networks:\n  links:\n    driver: bridge\n",
        "2.0",
    )
    [w] = [w for w in res.warnings if w.rule == RULE]
    assert "Connect it to `<project>_links`" in w.message
