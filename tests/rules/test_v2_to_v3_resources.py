"""V2-2, V2-3, V2-4, V2-5, V2-7: resource keys move under `deploy`, values 3.x types as strings."""

from __future__ import annotations

import pytest

from compose_migrate.findings import ComposeMigrateError

from .tools import check_noop, check_transformed

HEAD = 'version: "2.4"\nservices:\n  web:\n    image: nginx:1.25\n'
OUT = 'version: "3.8"\nservices:\n  web:\n    image: nginx:1.25\n'


@pytest.mark.parametrize(
    "before",
    [
        pytest.param('version: "3.8"\nservices:\n  web:\n    image: nginx:1.25\n', id="a 3.8 file is left alone"),
        pytest.param(
            'version: "3.8"\nservices:\n  web:\n    image: nginx:1.25\n    deploy:\n      resources:\n'
            '        limits:\n          cpus: "0.5"\n',
            id="deploy limits already in place are left alone",
        ),
    ],
)
def test_noop(before: str) -> None:
    check_noop(before, "3.8")


@pytest.mark.parametrize(
    ("before", "after"),
    [
        pytest.param(
            HEAD + "    cpus: 2\n",
            OUT + '    deploy:\n      resources:\n        limits:\n          cpus: "2"\n',
            id="an integer cpus becomes the string 2",
        ),
        pytest.param(
            HEAD + "    mem_limit: 1073741824\n    restart: always\n",
            OUT
            + '    deploy:\n      resources:\n        limits:\n          memory: "1073741824"\n    restart: always\n',
            id="a byte count becomes a quoted string where mem_limit was",
        ),
        pytest.param(
            HEAD + "    mem_reservation: 256m\n    deploy:\n      labels:\n        a: b\n",
            OUT + "    deploy:\n      labels:\n        a: b\n      resources:\n        reservations:\n"
            "          memory: 256m\n",
            id="an existing deploy block receives the reservation",
        ),
        pytest.param(
            HEAD + "    cpu_quota: 150000\n    cpu_period: 100000\n",
            OUT + '    deploy:\n      resources:\n        limits:\n          cpus: "1.5"\n',
            id="quota over period becomes cpus",
        ),
        pytest.param(
            HEAD + "    scale: 3\n",
            OUT + "    deploy:\n      replicas: 3\n",
            id="scale becomes deploy replicas",
        ),
        pytest.param(
            'version: "2.4"\nx-limits: &limits\n  mem_limit: 512m\nservices:\n  web:\n    <<: *limits\n'
            "    image: nginx:1.25\n",
            'version: "3.8"\nx-limits: &limits\n  deploy:\n    resources:\n      limits:\n        memory: 512m\n'
            "services:\n  web:\n    <<: *limits\n    image: nginx:1.25\n",
            id="a key merged from an anchor is moved inside the anchor",
        ),
    ],
)
def test_transformed(before: str, after: str) -> None:
    check_transformed(before, after, "3.8")


def test_cpu_period_alone_is_reported_as_lost() -> None:
    res = check_transformed(HEAD + "    cpu_period: 50000\n", OUT, "3.8")
    [w] = res.warnings
    assert w.path == "services.web.cpu_period" and w.line == 5 and w.lossy


def test_a_merged_key_hidden_by_the_service_own_deploy_is_refused() -> None:
    before = (
        'version: "2.4"\nx-l: &l\n  cpus: 1\nservices:\n  web:\n    <<: *l\n    image: nginx:1.25\n'
        "    deploy:\n      replicas: 2\n"
    )
    with pytest.raises(ComposeMigrateError, match="own `deploy`"):
        check_noop(before, "3.8")
