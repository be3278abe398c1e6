from __future__ import annotations

import pytest

from compose_migrate import load, migrate
from compose_migrate.migrations.driver import MigrationResult

from .tools import check_noop, check_transformed

RULE = "links_to_network"


def migrated(before: str) -> MigrationResult:
    """Migrate to 2.0 for tests that look at warnings (the file always changes: v1 -> 2.x)."""
    return migrate(load(text=before, name="t.yml"), "2.0")


@pytest.mark.parametrize(
    "before",
    [
        pytest.param("web:\n  image: nginx:1.25\ndb:\n  image: postgres:16\n", id="no links, no network"),
    ],
)
def test_noop(before: str) -> None:
    check_noop(before, "2.0", rule=RULE)


@pytest.mark.parametrize(
    ("before", "after"),
    [
        pytest.param(
            "web:\n  image: example/web:1\n  links:\n    - db:database  # main db\n    - db\n    - cache\n"
            "  restart: always\ndb:\n  image: postgres:16\ncache:\n  image: redis:7\nlone:\n  image: busybox\n",
            'version: "2"\nservices:\n  web:\n    image: example/web:1\n    depends_on:\n'
            "      - db  # main db\n      - cache\n    networks:\n      - links\n    restart: always\n"
            "  db:\n    image: postgres:16\n    networks:\n      links:\n        aliases:\n          - database\n"
            "  cache:\n    image: redis:7\n    networks:\n      - links\n  lone:\n    image: busybox\n"
            "networks:\n  links:\n    driver: bridge\n",
            id="links become depends_on, the alias goes to the target and an unlinked service stays put",
        ),
        pytest.param(
            "web:\n  image: example/web:1\n  links: [api]\napi:\n  image: example/api:1\n  links: [db]\n"
            "db:\n  image: postgres:16\n",
            'version: "2"\nservices:\n  web:\n    image: example/web:1\n    depends_on: [api]\n'
            "    networks:\n      - links\n  api:\n    image: example/api:1\n    depends_on: [db]\n"
            "    networks:\n      - links\n  db:\n    image: postgres:16\n    networks:\n      - links\n"
            "networks:\n  links:\n    driver: bridge\n",
            id="a chain of links shares one network and flow style is kept",
        ),
    ],
)
def test_transformed(before: str, after: str) -> None:
    check_transformed(before, after, "2.0")


def test_warnings_say_visibility_widened_and_name_the_unlinked_services() -> None:
    res = check_transformed(
        "web:\n  image: w\n  links:\n    - db:database\ndb:\n  image: d\nlone:\n  image: l\n",
        'version: "2"\nservices:\n  web:\n    image: w\n    depends_on:\n      - db\n    networks:\n      - links\n'
        "  db:\n    image: d\n    networks:\n      links:\n        aliases:\n          - database\n"
        "  lone:\n    image: l\nnetworks:\n  links:\n    driver: bridge\n",
        "2.0",
    )
    messages = [w.message for w in res.warnings if w.rule == RULE]
    assert len(messages) == 2
    assert "every service on `links` (web, db)" in messages[0] and "one-way" in messages[0]
    assert "Services without links (lone)" in messages[0]
    assert "alias `database` of `db` was visible only to web" in messages[1]
    assert {w.line for w in res.warnings if w.rule == RULE} == {3}


def test_one_alias_for_two_targets_is_reported() -> None:
    res = migrated(
        "a:\n  image: x\n  links:\n    - db1:db\nb:\n  image: x\n  links:\n    - db2:db\n"
        "db1:\n  image: p\ndb2:\n  image: p\n",
    )
    clash = [w for w in res.warnings if w.rule == RULE and "more than one service" in w.message]
    assert len(clash) == 1 and "(db1, db2)" in clash[0].message


def test_a_host_networked_target_is_left_off_the_network_with_a_warning() -> None:
    res = migrated("web:\n  image: w\n  links:\n    - metrics\nmetrics:\n  image: m\n  net: host\n")
    assert "depends_on:\n      - metrics\n    networks:\n      - links\n" in res.output
    assert "metrics:\n    image: m\n    network_mode: host\nnetworks:" in res.output
    assert any(w.rule == RULE and "cannot join the network" in w.message for w in res.warnings)


def test_a_host_networked_consumer_keeps_its_links_with_a_warning() -> None:
    res = migrated("web:\n  image: w\n  net: host\n  links:\n    - db\ndb:\n  image: d\n")
    assert "network_mode: host\n    links:\n      - db\n" in res.output and "networks:" not in res.output
    [w] = [w for w in res.warnings if w.rule == RULE]
    assert w.path == "services.web.links" and "kept `links`" in w.message
