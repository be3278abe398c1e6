from __future__ import annotations

import pytest

from compose_migrate import load, migrate

from .tools import check_noop

RULE = "dollar_in_command"


@pytest.mark.parametrize(
    "before",
    [
        pytest.param(
            "web:\n  image: w\n  command: sh -c 'echo $$HOME'\n", id="an escaped dollar reaches the container"
        ),
        pytest.param("web:\n  image: w\n  environment:\n    A: $HOME\n", id="environment is not a command"),
    ],
)
def test_noop(before: str) -> None:
    check_noop(before, "2.0", rule=RULE)


@pytest.mark.parametrize(
    ("before", "path", "start", "escape"),
    [
        pytest.param(
            "web:\n  image: w\n  command: sh -c 'cd $HOME && run ${ARGS}'\n",
            "services.web.command",
            "`$HOME`, `${ARGS}` in `command`",
            "`$$HOME`, `$${ARGS}`",
            id="both spellings in a string command",
        ),
        pytest.param(
            "web:\n  image: w\n  entrypoint:\n    - sh\n    - -c\n    - exec app $$X $OPTS\n",
            "services.web.entrypoint[2]",
            "`$OPTS` in `entrypoint`",
            "`$$OPTS`",
            id="a list entrypoint item, with the escaped one left out",
        ),
    ],
)
def test_warned(before: str, path: str, start: str, escape: str) -> None:
    res = migrate(load(text=before, name="t.yml"), "2.0")
    [w] = [w for w in res.warnings if w.rule == RULE]
    assert w.path == path and w.message.startswith(start)
    assert w.message.endswith(f"write {escape} instead")
