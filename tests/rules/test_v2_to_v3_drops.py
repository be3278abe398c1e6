"""V2-6, V2-14, V2-15, V2-16: keys 3.x lacks are dropped with a located warning; gated ones kept."""

from __future__ import annotations

import pytest

from compose_migrate.explain import first_version_for
from compose_migrate.migrations.v2_to_v3 import v2_build_options, v2_drop_host_tuning
from compose_migrate.versions import ComposeVersion

from .tools import check_noop, check_transformed

HEAD = 'version: "2.4"\nservices:\n  web:\n    image: nginx:1.25\n'


def out(v: str) -> str:
    return f'version: "{v}"\nservices:\n  web:\n    image: nginx:1.25\n'


@pytest.mark.parametrize(
    ("before", "to"),
    [
        pytest.param(
            'version: "3.7"\nservices:\n  web:\n    image: nginx:1.25\n    init: true\n',
            "3.7",
            id="init is kept in 3.7",
        ),
        pytest.param(
            'version: "3.5"\nservices:\n  web:\n    image: nginx:1.25\n    isolation: default\n',
            "3.5",
            id="isolation is kept in 3.5",
        ),
    ],
)
def test_noop(before: str, to: str) -> None:
    check_noop(before, to)


@pytest.mark.parametrize(
    ("key", "value"),
    [
        pytest.param("cpu_shares", "512", id="cpu shares are dropped"),
        pytest.param("cpuset", '"0,1"', id="cpuset is dropped"),
        pytest.param("oom_kill_disable", "true", id="oom kill disable is dropped"),
        pytest.param("runtime", "runc", id="runtime is dropped"),
        pytest.param("group_add", "[audio]", id="group add is dropped"),
        pytest.param("dns_opt", "[use-vc]", id="dns options are dropped"),
    ],
)
def test_dropped_with_warning(key: str, value: str) -> None:
    res = check_transformed(HEAD + f"    {key}: {value}\n", out("3.8"), "3.8")
    [w] = res.warnings
    assert (w.path, w.line, w.lossy) == (f"services.web.{key}", 5, True)
    assert "dropped" in w.message and "--to spec" in w.message


@pytest.mark.parametrize(
    ("before", "to", "after"),
    [
        pytest.param(HEAD + "    init: true\n", "3.6", out("3.6"), id="init below 3.7 is dropped"),
        pytest.param(HEAD + "    init: true\n", "3.7", out("3.7") + "    init: true\n", id="init from 3.7 is kept"),
        pytest.param(
            HEAD + "    pids_limit: 100\n",
            "3.9",
            out("3.9") + "    deploy:\n      resources:\n        limits:\n          pids: 100\n",
            id="pids limit becomes deploy limits pids from 3.9",
        ),
        pytest.param(HEAD + "    pids_limit: 100\n", "3.8", out("3.8"), id="pids limit below 3.9 is dropped"),
        pytest.param(
            HEAD + "    networks:\n      front:\n        priority: 10\nnetworks:\n  front: {}\n",
            "3.8",
            out("3.8") + "    networks:\n      front: {}\nnetworks:\n  front: {}\n",
            id="a service network priority is dropped",
        ),
        pytest.param(
            HEAD + "networks:\n  front:\n    enable_ipv6: true\n    driver: bridge\n",
            "3.8",
            out("3.8") + "networks:\n  front:\n    driver: bridge\n",
            id="enable ipv6 is dropped",
        ),
    ],
)
def test_transformed(before: str, to: str, after: str) -> None:
    check_transformed(before, after, to)


def test_the_gates_agree_with_the_catalog() -> None:
    threes = [v for v in ComposeVersion if v.major == 3]
    for key, since in v2_drop_host_tuning.KEPT_FROM.items():
        assert first_version_for(["services", "*", key], threes) == since, key
    # build.labels: docker/compose's 3.2 schema has it, docs and docker/cli say 3.3 (§2.6): we keep 3.3.
    on_purpose = {"labels": ComposeVersion.V3_2}
    for key, since in v2_build_options.KEPT_FROM.items():
        assert first_version_for(["services", "*", "build", key], threes) == on_purpose.get(key, since), key
    assert first_version_for(["services", "*", "deploy", "resources", "limits", "pids"], threes) == ComposeVersion.V3_9
