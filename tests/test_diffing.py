"""The normalised semantic model, the diff over it, and its plain-words description."""

from __future__ import annotations

from typing import Any

import pytest

from compose_migrate import load
from compose_migrate.diffing import DiffItem, describe_diff, normalise, semantic_diff, unexplained
from compose_migrate.versions import ComposeVersion

from .conftest import run_cli

V = ComposeVersion


def _svc(text: str, version: ComposeVersion = V.SPEC) -> dict[str, Any]:
    doc = load(text=text, name="t.yml")
    model = normalise(doc.reading(version).data, version)
    return dict(model["services"]["s"])


@pytest.mark.parametrize(
    ("short", "long"),
    [
        ("80", {"target": 80, "protocol": "tcp"}),
        ('"8080:80"', {"target": 80, "published": "8080", "protocol": "tcp"}),
        ('"127.0.0.1:8080:80/udp"', {"target": 80, "published": "8080", "host_ip": "127.0.0.1", "protocol": "udp"}),
        ('"[::1]:53:53"', {"target": 53, "published": "53", "host_ip": "::1", "protocol": "tcp"}),
        ('"8000-8010:8000-8010"', {"target": "8000-8010", "published": "8000-8010", "protocol": "tcp"}),
        ('"127.0.0.1::80"', {"target": 80, "host_ip": "127.0.0.1", "protocol": "tcp"}),
    ],
)
def test_ports_short_form_becomes_long_form(short: str, long: dict[str, Any]) -> None:
    assert _svc(f"services:\n  s:\n    ports:\n      - {short}\n")["ports"] == [long]


def test_long_and_short_ports_mean_the_same() -> None:
    short = _svc('services:\n  s:\n    ports:\n      - "8080:80"\n')
    long = _svc("services:\n  s:\n    ports:\n      - target: 80\n        published: 8080\n        mode: ingress\n")
    assert short["ports"] == long["ports"]


def test_base60_port_stays_the_legacy_integer() -> None:
    legacy = _svc('version: "2.4"\nservices:\n  s:\n    ports:\n      - 2122:22\n', V.V2_4)
    assert legacy["ports"] == [{"target": 127342, "protocol": "tcp"}]
    spec = _svc('services:\n  s:\n    ports:\n      - "2122:22"\n')
    diff = semantic_diff({"services": {"s": {"ports": [127342]}}}, V.V2_4, {"services": {"s": spec}}, V.SPEC)
    assert [(d.path, d.kind) for d in diff] == [
        ("services.s.ports[0].published", "added"),
        ("services.s.ports[0].target", "changed"),
    ]


@pytest.mark.parametrize(
    ("short", "long"),
    [
        ("/data", {"type": "volume", "target": "/data"}),
        ("data:/data", {"type": "volume", "source": "data", "target": "/data"}),
        ("./app:/app:ro", {"type": "bind", "source": "./app", "target": "/app", "read_only": True}),
        ("/etc/x:/x:rw", {"type": "bind", "source": "/etc/x", "target": "/x"}),
        ("./src:/src:ro,z", {"type": "bind", "source": "./src", "target": "/src", "read_only": True, "mode": "z"}),
    ],
)
def test_volumes_short_form_becomes_long_form(short: str, long: dict[str, Any]) -> None:
    assert _svc(f"services:\n  s:\n    volumes:\n      - {short}\n")["volumes"] == [long]


def test_long_volume_with_read_only_false_equals_short() -> None:
    long = _svc("services:\n  s:\n    volumes:\n      - {type: bind, source: ./a, target: /a, read_only: false}\n")
    assert long["volumes"] == _svc("services:\n  s:\n    volumes:\n      - ./a:/a\n")["volumes"]


@pytest.mark.parametrize("key", ["environment", "labels", "sysctls"])
def test_string_lists_become_mappings(key: str) -> None:
    as_list = _svc(f"services:\n  s:\n    {key}:\n      - A=1\n      - B\n")
    as_map = _svc(f"services:\n  s:\n    {key}:\n      A: 1\n      B:\n")
    assert as_list[key] == as_map[key] == {"A": "1", "B": None}


def test_extra_hosts_list_becomes_mapping() -> None:
    svc = _svc('services:\n  s:\n    extra_hosts:\n      - "db:10.0.0.2"\n      - "cache=10.0.0.3"\n')
    assert svc["extra_hosts"] == {"db": "10.0.0.2", "cache": "10.0.0.3"}


def test_depends_on_list_and_mapping_agree() -> None:
    as_list = _svc("services:\n  s:\n    depends_on: [db]\n")
    as_map = _svc(
        "services:\n  s:\n    depends_on:\n      db:\n        condition: service_started\n        required: true\n"
    )
    assert as_list["depends_on"] == as_map["depends_on"] == {"db": {"condition": "service_started"}}
    healthy = _svc("services:\n  s:\n    depends_on:\n      db:\n        condition: service_healthy\n")
    assert healthy["depends_on"] == {"db": {"condition": "service_healthy"}}


def test_build_string_and_pull_policy() -> None:
    svc = _svc("services:\n  s:\n    build: ./app\n    pull_policy: if_not_present\n")
    assert svc["build"] == {"context": "./app"}
    assert svc["pull_policy"] == "missing"


def test_external_name_and_null_sections() -> None:
    legacy = load(text='version: "3.4"\nvolumes:\n  d:\n    external:\n      name: prod\n  e:\n', name="t.yml")
    spec = load(text="volumes:\n  d:\n    external: true\n    name: prod\n  e: {}\n", name="t.yml")
    a = normalise(legacy.data, V.V3_4)
    assert a["volumes"] == {"d": {"external": True, "name": "prod"}, "e": {}}
    assert a == normalise(spec.data, V.SPEC)


def test_anchors_are_expanded_before_comparison() -> None:
    doc = load(text="x-env: &env\n  A: '1'\nservices:\n  s:\n    environment: *env\n", name="t.yml")
    assert normalise(doc.data, V.SPEC)["services"]["s"]["environment"] == {"A": "1"}


def test_v1_layout_is_wrapped_and_version_dropped() -> None:
    v1 = normalise({"web": {"image": "nginx", "net": "host"}}, V.V1)
    v2 = normalise({"version": "2", "services": {"web": {"image": "nginx", "network_mode": "host"}}}, V.V2_0)
    assert v1 == v2 == {"services": {"web": {"image": "nginx", "network_mode": "host"}}}


def test_unexplained_respects_prefixes() -> None:
    diff = [DiffItem("services.a.ports[0].target", "changed", 1, 2), DiffItem("services.ab.image", "added", None, "x")]
    assert unexplained(diff, ["services.a.ports[0]"]) == [diff[1]]
    assert unexplained(diff, ["services.a"]) == [diff[1]]  # "services.a" does not cover "services.ab"
    assert unexplained(diff, ["services"]) == []


def test_describe_diff_in_plain_words() -> None:
    items = [
        DiffItem("services.s.ports[0].published", "added", None, "2122"),
        DiffItem("services.s.ports[0].target", "changed", 127342, 22),
        DiffItem("services.s.links", "removed", ["db:mysql"], None),
        DiffItem("services.s.privileged", "changed", "yes", True),
    ]
    assert describe_diff(items) == [
        'services.s.ports[0].published is new: "2122"',
        "services.s.ports[0].target changed from 127342 to 22",
        'services.s.links is gone (it was ["db:mysql"])',
        'services.s.privileged was the text "yes" and is now the boolean true',
    ]


def test_migrate_explain_prints_each_step(tmp_path: Any) -> None:
    f = tmp_path / "compose.yml"
    f.write_text('version: "2.4"\nservices:\n  s:\n    image: x\n    ports:\n      - 2122:22\n', encoding="utf-8")
    proc = run_cli("migrate", str(f), "--to", "spec", "--explain")
    assert proc.returncode == 0, proc.stderr
    assert "step to_spec (to Compose Specification): 2 difference(s) in meaning" in proc.stderr
    assert "  - services.s.ports[0].target changed from 127342 to 22" in proc.stderr
    assert proc.stdout.startswith("services:\n")  # the new text stays alone on stdout
