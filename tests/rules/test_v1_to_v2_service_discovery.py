from __future__ import annotations

from compose_migrate import load, migrate

RULE = "service_discovery"


def _warnings(before: str) -> list[tuple[str, int, str]]:
    res = migrate(load(text=before, name="t.yml"), "2.0")
    return [(w.path, w.line, w.message) for w in res.warnings if w.rule == RULE]


def test_every_v1_file_gets_the_networking_warning_once() -> None:
    [(path, line, message)] = _warnings("web:\n  image: w\n  net: host\ndb:\n  image: d\n")
    assert (path, line) == ("", 1)
    assert "project network `<project>_default`" in message and "service name (db)" in message


def test_v1_container_names_in_values_are_reported_with_their_line() -> None:
    found = _warnings(
        "web:\n  image: w\n  environment:\n    - REDIS=voteapps_redis_1:6379\n  command: ping myapp_other_1\n"
        "redis:\n  image: r\n"
    )
    assert len(found) == 2
    path, line, message = found[1]
    assert (path, line) == ("services.web.environment[0]", 4)
    assert "`voteapps_redis_1`" in message and "service name `redis`" in message
