from __future__ import annotations

import pytest

from compose_migrate import load, migrate
from compose_migrate.migrations.driver import MigrationResult

from .tools import check_noop

RULE = "link_env_vars"


def migrated(before: str) -> MigrationResult:
    """Migrate to 2.0 for tests that look at warnings (the file always changes: v1 -> 2.x)."""
    return migrate(load(text=before, name="t.yml"), "2.0")


@pytest.mark.parametrize(
    "before",
    [
        pytest.param(
            "web:\n  image: w\n  links:\n    - db\n  environment:\n    APP_PORT: '8000'\n    DB_HOST: db\n"
            "db:\n  image: d\n",
            id="ordinary variables and host names are not link variables",
        ),
        pytest.param(
            "web:\n  image: w\n  environment:\n    DB_PORT: '5432'\n",
            id="a service without links has no prefix to match",
        ),
    ],
)
def test_noop(before: str) -> None:
    check_noop(before, "2.0", rule=RULE)


@pytest.mark.parametrize(
    ("before", "path", "names"),
    [
        pytest.param(
            "web:\n  image: w\n  links:\n    - db:pg\n  environment:\n    - URL=postgres://$PG_PORT_5432_TCP_ADDR/x\n"
            "db:\n  image: d\n",
            "services.web.environment[0]",
            "`PG_PORT_5432_TCP_ADDR`",
            id="a list entry using the alias variables is reported",
        ),
        pytest.param(
            "web:\n  image: w\n  links:\n    - redis-cache\n  command: run --pass $REDIS_CACHE_ENV_PASSWORD\n"
            "redis-cache:\n  image: r\n",
            "services.web.command",
            "`REDIS_CACHE_ENV_PASSWORD`",
            id="an _ENV_ variable in the command is reported with the dashed name upper-cased",
        ),
        pytest.param(
            "web:\n  image: w\n  entrypoint: ['wait-for', '${MQ_PORT_5672_TCP_ADDR}']\n",
            "services.web.entrypoint[1]",
            "`MQ_PORT_5672_TCP_ADDR`",
            id="the unmistakable port shape is reported even without links",
        ),
    ],
)
def test_warned(before: str, path: str, names: str) -> None:
    res = migrated(before)
    [w] = [w for w in res.warnings if w.rule == RULE]
    assert w.path == path and w.message.startswith(names + ": legacy link environment variables")
    assert w.line > 1
