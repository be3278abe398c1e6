"""V2-17..V2-23: keys kept or dropped by the target minor (name, build options, start_period,
long volume syntax, extension fields, external names)."""

from __future__ import annotations

import pytest

from compose_migrate.findings import ComposeMigrateError

from .tools import check_noop, check_transformed

HEAD = 'version: "2.4"\nservices:\n  web:\n    image: nginx:1.25\n'


def out(v: str) -> str:
    return f'version: "{v}"\nservices:\n  web:\n    image: nginx:1.25\n'


HC = '    healthcheck:\n      test: ["CMD", "true"]\n'


@pytest.mark.parametrize(
    ("before", "to"),
    [
        pytest.param(out("3.4") + HC + "      start_period: 5s\n", "3.4", id="start period in 3.4 is left alone"),
        pytest.param(
            'version: "3.4"\nx-a: 1\nservices:\n  web:\n    image: nginx:1.25\n',
            "3.4",
            id="top level x in 3.4 is left alone",
        ),
    ],
)
def test_noop(before: str, to: str) -> None:
    check_noop(before, to)


@pytest.mark.parametrize(
    ("before", "to", "after"),
    [
        pytest.param(
            HEAD + HC + "      start_period: 5s\n",
            "3.4",
            out("3.4") + HC + "      start_period: 5s\n",
            id="start period is kept from 3.4",
        ),
        pytest.param(
            HEAD + HC + "      start_period: 5s\n", "3.3", out("3.3") + HC, id="start period is dropped below 3.4"
        ),
        pytest.param(
            'version: "2.4"\nservices:\n  web:\n    build:\n      context: .\n      target: prod\n',
            "3.4",
            'version: "3.4"\nservices:\n  web:\n    build:\n      context: .\n      target: prod\n',
            id="build target is kept from 3.4",
        ),
        pytest.param(
            'version: "2.4"\nservices:\n  web:\n    build:\n      context: .\n      shm_size: 1g\n',
            "3.4",
            'version: "3.4"\nservices:\n  web:\n    build:\n      context: .\n',
            id="build shm size is dropped below 3.5",
        ),
        pytest.param(
            HEAD + "networks:\n  front:\n    name: shared\n",
            "3.5",
            out("3.5") + "networks:\n  front:\n    name: shared\n",
            id="a network name is kept from 3.5",
        ),
        pytest.param(
            HEAD + "networks:\n  front:\n    external: true\n    name: shared\n",
            "3.4",
            out("3.4") + "networks:\n  front:\n    external:\n      name: shared\n",
            id="an external network name becomes external name below 3.5",
        ),
        pytest.param(
            HEAD + "volumes:\n  data:\n    external:\n      name: shared\n",
            "3.0",
            out("3.0") + "volumes:\n  data:\n    external:\n      name: shared\n",
            id="external name is valid in every 3.x and stays",
        ),
        pytest.param(
            HEAD
            + "    volumes:\n      - type: volume\n        source: data\n        target: /data\nvolumes:\n  data: {}\n",
            "3.1",
            out("3.1") + '    volumes:\n      - "data:/data"\nvolumes:\n  data: {}\n',
            id="long volume syntax below 3.2 is written short",
        ),
        pytest.param(
            HEAD + "    volumes:\n      - type: tmpfs\n        target: /run\n        tmpfs:\n          size: 1000\n",
            "3.5",
            out("3.5") + "    volumes:\n      - type: tmpfs\n        target: /run\n",
            id="tmpfs size below 3.6 is dropped",
        ),
        pytest.param(
            'version: "2.4"\nx-note: hello\nservices:\n  web:\n    image: nginx:1.25\n',
            "3.3",
            out("3.3"),
            id="an unused top level x block below 3.4 is dropped",
        ),
        pytest.param(
            HEAD + "    x-owner: a\n", "3.7", out("3.7") + "    x-owner: a\n", id="x inside a service is kept from 3.7"
        ),
    ],
)
def test_transformed(before: str, to: str, after: str) -> None:
    check_transformed(before, after, to)


@pytest.mark.parametrize(
    ("before", "to", "phrase"),
    [
        pytest.param(
            'version: "2.4"\nx-base: &base\n  image: nginx:1.25\nservices:\n  web:\n    <<: *base\n',
            "3.3",
            "reused through a YAML anchor",
            id="an x block reused through an anchor below 3.4 is refused",
        ),
        pytest.param(
            HEAD + "volumes:\n  data:\n    name: prod-data\n",
            "3.3",
            "needs 3.4",
            id="a volume name below 3.4 is refused",
        ),
        pytest.param(
            'version: "2.4"\nservices:\n  db:\n    image: postgres:16\n  web:\n    image: nginx:1.25\n'
            "    volumes_from:\n      - db\n",
            "3.8",
            "no 3.x form",
            id="volumes from is refused with what to do",
        ),
    ],
)
def test_refused(before: str, to: str, phrase: str) -> None:
    with pytest.raises(ComposeMigrateError, match=phrase):
        check_noop(before, to)
