"""`--to auto`: the lowest version without loss, and the key that forced it."""

from __future__ import annotations

import pytest

from compose_migrate import load, migrate
from compose_migrate.migrations.auto import choose_target
from compose_migrate.versions import ComposeVersion

from ..conftest import SHARED

HEAD = 'version: "2.4"\nservices:\n  web:\n    image: nginx:1.25\n'


@pytest.mark.parametrize(
    ("text", "version", "reason"),
    [
        pytest.param(HEAD, "3.0", "lowest 3.x", id="a plain 2.x file needs only 3.0"),
        pytest.param(
            HEAD + '    healthcheck:\n      test: ["CMD", "true"]\n      start_period: 9s\n',
            "3.4",
            "needs 3.4: services.web.healthcheck.start_period at line 7",
            id="start period forces 3.4 and is named with its line",
        ),
        pytest.param(HEAD + "    init: true\n", "3.7", "services.web.init at line 5", id="init forces 3.7"),
        pytest.param(
            HEAD + "    pids_limit: 50\n",
            "3.9",
            "services.web.pids_limit at line 5 (written as services.web.deploy.resources.limits.pids)",
            id="pids limit forces 3.9 and names the source key",
        ),
        pytest.param(
            HEAD + "    cpu_shares: 512\n",
            "spec",
            "services.web.cpu_shares at line 5",
            id="a key every 3.x drops sends the file to the Specification",
        ),
        pytest.param(
            'version: "3.0"\nservices:\n  web:\n    image: nginx:1.25\n    init: true\n',
            "3.7",
            "services.web.init at line 5",
            id="a mislabelled 3.0 file gets the 3.x minor it needs",
        ),
        pytest.param("services:\n  web:\n    image: nginx:1.25\n", "spec", "already", id="a Specification file stays"),
    ],
)
def test_choose_target(text: str, version: str, reason: str) -> None:
    v, why = choose_target(load(text=text))
    assert v == ComposeVersion.parse(version)
    assert reason in why


def test_case_021_goes_to_the_specification_naming_line_13() -> None:
    doc = load(SHARED / "cases" / "021-depends-on-condition" / "input.yml")
    v, why = choose_target(doc)
    assert v is ComposeVersion.SPEC
    assert "services.api.depends_on.db.condition at line 13" in why


def test_migrate_auto_sets_the_reason_and_writes_the_chosen_minor() -> None:
    res = migrate(load(text=HEAD + "    init: true\n"), "auto")
    assert res.target is ComposeVersion.V3_7
    assert res.reason.startswith("needs 3.7")
    assert res.output.startswith('version: "3.7"\n')
    assert res.warnings == []
