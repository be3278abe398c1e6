"""Validation layers: narrowed schema findings, hints, YAML pitfalls, interpolation."""

from __future__ import annotations

import json
from pathlib import Path

from compose_migrate import load
from compose_migrate.findings import Finding, Severity
from compose_migrate.validation.run import validate_document
from compose_migrate.validation.schema import schema_findings
from compose_migrate.versions import ComposeVersion


def findings(text: str, version: str | None = None, **kw: object) -> list[Finding]:
    doc = load(text=text, name="compose.yaml")
    v = ComposeVersion.parse(version) if version else None
    return validate_document(doc, v, **kw).findings  # type: ignore[arg-type]


def by_path(fs: list[Finding]) -> dict[str, Finding]:
    return {f.path: f for f in fs}


def test_one_of_is_narrowed_to_each_item_with_its_position() -> None:
    text = (
        'version: "3.8"\nservices:\n  web:\n    image: x\n'
        '    ports:\n      - "80:80"\n      - [1]\n      - {target: "x"}\n'
    )
    fs = by_path(findings(text))
    item = fs["services.web.ports[1]"]
    assert (item.code, item.line, item.col) == ("CM202", 7, 9)
    assert item.message == "item 1 should be a string, a number or a mapping, not a list"
    target = fs["services.web.ports[2].target"]
    assert (target.line, target.col) == (8, 18)
    assert "should be an integer, not a string" in target.message
    assert not any("valid under any" in f.message for f in fs.values())


def test_every_unknown_key_is_its_own_finding_at_the_key() -> None:
    text = 'version: "3.8"\nservices:\n  web:\n    image: x\n    enviroment: {A: b}\n    restrat: always\n'
    fs = by_path(findings(text))
    env = fs["services.web.enviroment"]
    assert (env.code, env.line, env.col, env.message) == ("CM201", 5, 5, "`enviroment` is not allowed here")
    assert env.hint == "did you mean `environment`?"
    assert fs["services.web.restrat"].hint == "did you mean `restart`?"


def test_key_of_a_later_version_and_removed_key_hints() -> None:
    fs = by_path(findings('version: "2.0"\nservices:\n  web:\n    image: x\n    healthcheck: {test: x}\n'))
    hc = fs["services.web.healthcheck"]
    assert "needs version >= 2.1" in hc.message
    assert hc.hint == 'set `version: "2.1"` (or later) at the top of the file'
    fs = by_path(findings('version: "3.8"\nservices:\n  web:\n    image: x\n    mem_limit: 1g\n'))
    mem = fs["services.web.mem_limit"]
    assert "removed in 3.0, moved to deploy.resources.limits.memory" in mem.message
    assert mem.hint is not None and mem.hint.startswith("move it to `deploy.resources.limits.memory`")


def test_section_indented_under_services_and_service_at_top_level() -> None:
    text = "services:\n  web:\n    image: x\n  networks:\n    front: {}\n"
    f = by_path(findings(text))["services.networks.front"]
    assert f.hint == "`networks` looks like the top-level section: indented under `services` by mistake?"
    text = "services:\n  web:\n    image: x\ndb:\n  image: postgres\n"
    f = by_path(findings(text))["db"]
    assert f.hint == "this looks like a service: indented under `services`?"


def test_yaml11_pitfalls_and_their_fix() -> None:
    text = 'version: "2.4"\nservices:\n  web:\n    image: x\n    ports: [22:22]\n    labels:\n      on_call: no\n'
    fs = by_path(findings(text))
    port = fs["services.web.ports[0]"]
    assert (port.code, port.severity, port.line, port.col) == ("CM051", Severity.WARNING, 5, 13)
    assert port.hint == 'quote it as "22:22"'
    label = fs["services.web.labels.on_call"]
    assert label.code == "CM052" and label.severity is Severity.ERROR
    # The same values quoted are strings for every reader: nothing to say.
    quoted = 'version: "2.4"\nservices:\n  web:\n    image: x\n    ports: ["22:22"]\n    labels: {on_call: "no"}\n'
    assert findings(quoted) == []


def test_tab_after_a_value_only_refused_in_legacy_formats() -> None:
    legacy = findings('version: "2.4"\nservices:\n  web:\n    image: nginx\t\n')
    assert [(f.code, f.line, f.col) for f in legacy] == [("CM050", 4, 17)]
    assert findings("services:\n  web:\n    image: nginx\t\n") == []


def test_interpolated_typed_field_is_not_a_type_error_and_bad_syntax_is_located() -> None:
    text = (
        'version: "3.8"\nservices:\n  web:\n    image: "x:${TAG:-1}"\n    stop_grace_period: 1s\n'
        "    healthcheck:\n      retries: ${RETRIES}\n    command: echo ${BROKEN\n"
    )
    fs = findings(text)
    assert [(f.code, f.path, f.line, f.col) for f in fs] == [("CM060", "services.web.command", 8, 19)]
    # With an environment, an unset variable is worth a warning.
    fs = findings(text.replace(" ${BROKEN", ""), env={"TAG": "2"})
    assert [(f.code, f.path) for f in fs] == [("CM063", "services.web.healthcheck.retries")]


def test_format_specific_interpolation() -> None:
    fs = findings('version: "2.0"\nservices:\n  web:\n    image: "x:${TAG:-1}"\n')
    assert [(f.code, f.line, f.col) for f in fs] == [("CM061", 4, 15)]


def test_semantic_codes() -> None:
    text = """\
services:
  web:
    image: x
    depends_on: [db, ghost]
    networks: [front]
    volumes: [data:/d, ./here:/h]
    secrets: [token]
    ports: ["8080:80"]
  db:
    image: y
    depends_on: [web]
    container_name: db
    scale: 2
    ports: ["8080:81"]
    network_mode: service:nope
  empty:
"""
    got = {(f.code, f.path) for f in findings(text)}
    assert got == {
        ("CM220", "services.web.depends_on[1]"),
        ("CM221", "services.web.networks[0]"),
        ("CM222", "services.web.volumes[0]"),
        ("CM223", "services.web.secrets[0]"),
        ("CM225", "services.web.depends_on"),
        ("CM226", "services.db.ports[0]"),
        ("CM227", "services.db.container_name"),
        ("CM220", "services.db.network_mode"),
        ("CM230", "services.empty"),
    }


def test_missing_image_and_build_but_not_in_override_files() -> None:
    text = "services:\n  web:\n    environment: {A: b}\n"
    assert [f.code for f in findings(text)] == ["CM228"]
    doc = load(text=text, name="docker-compose.override.yml")
    assert validate_document(doc).findings == []
    v1 = findings("web:\n  image: x\n  build: .\n")
    assert [(f.code, f.path) for f in v1] == [("CM229", "web.build")]


def test_custom_schema_file_with_draft07_url_without_hash(tmp_path: Path) -> None:
    schema = {
        "$schema": "http://json-schema.org/draft-07/schema",
        "type": "object",
        "properties": {"services": {"type": "object", "additionalProperties": {"required": ["image"]}}},
    }
    path = tmp_path / "s.json"
    path.write_text(json.dumps(schema))
    fs = findings("services:\n  web:\n    build: .\n", schema=str(path))
    assert [(f.code, f.path, f.line, f.col, f.message) for f in fs] == [
        ("CM203", "services.web", 2, 3, "`image` is required here")
    ]


def test_raw_schema_findings_still_serve_the_driver() -> None:
    doc = load(text='version: "3.8"\nservices:\n  web:\n    image: x\n    mem_limit: 1g\n')
    raw = schema_findings(doc.data, ComposeVersion.V3_8, file="f")
    assert len(raw) == 1 and raw[0].code == "CM200" and raw[0].file == "f"


def test_unset_variables_do_not_make_list_items_equal() -> None:
    text = 'version: "2.4"\nservices:\n  web:\n    image: x\n    ports:\n      - $PORT1\n      - $PORT2\n'
    assert findings(text) == []
    dup = findings(text.replace("$PORT1", '"80:80"').replace("$PORT2", '"80:80"'))
    assert [(f.code, f.line, f.col) for f in dup if f.code == "CM205"] == [("CM205", 5, 5)]
