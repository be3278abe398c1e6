"""The two fast readings: YAML 1.1 for legacy formats, YAML 1.2 (as go-yaml) for the spec."""

from __future__ import annotations

import pytest

from compose_migrate.loading import parse

TEXT = """\
x-base: &base
  restart: always
services:
  web:
    <<: *base
    image: nginx
    ports:
      - 22:22
    environment:
      DEBUG: yes
    labels:
      since: 2020-01-01
    secrets:
      - source: key
        mode: 0440
      - source: tok
        mode: 0o440
"""


@pytest.mark.parametrize(
    ("yaml11", "port", "debug", "mode", "mode_0o"),
    [
        pytest.param(True, 1342, True, 288, "0o440", id="YAML 1.1 as docker-compose 1.x read legacy files"),
        pytest.param(False, "22:22", "yes", 288, 288, id="YAML 1.2 core as go-yaml reads the Compose Specification"),
    ],
)
def test_readings(yaml11: bool, port: object, debug: object, mode: object, mode_0o: object) -> None:
    web = parse(TEXT, name="t", yaml11=yaml11).data["services"]["web"]
    assert web["restart"] == "always"  # merge keys resolve in both readings
    assert web["ports"] == [port]
    assert web["environment"]["DEBUG"] == debug
    assert web["labels"]["since"] == "2020-01-01"  # timestamps stay strings in both
    assert web["secrets"][0]["mode"] == mode
    assert web["secrets"][1]["mode"] == mode_0o


def test_a_key_the_mapping_writes_itself_wins_over_a_merged_one() -> None:
    from compose_migrate import load

    doc = load(
        text=(
            'version: "2.4"\n'
            "x-base: &base\n"
            "  mem_limit: 1g\n"
            "  restart: always\n"
            "services:\n"
            "  worker:\n"
            "    <<: *base\n"
            "    image: busybox\n"
            "    mem_limit: 2g\n"
        )
    )
    assert doc.data["services"]["worker"]["mem_limit"] == "2g"
    assert doc.position(("services", "worker", "mem_limit"), key=True) == (9, 5)
    # A key only the merge brings in points where the anchor writes it.
    assert doc.position(("services", "worker", "restart"), key=True) == (4, 3)


def test_pattern_star_matches_names_not_extensions_or_merge_keys() -> None:
    from compose_migrate.yamlpath import format_path, iter_matches

    data = {"services": {"web": {"image": "a"}, "x-note": {"image": "b"}, "<<": {"image": "c"}}}
    assert [format_path(p) for p, _ in iter_matches(data, "services.*.image")] == ["services.web.image"]
    assert [format_path(p) for p, _ in iter_matches({"a": [{"b": 1}, {"b": 2}]}, "a[].b")] == ["a[0].b", "a[1].b"]
