"""Mapping keys YAML 1.1 reads as booleans or numbers (`OFF:` is False for docker-compose 1.x)."""

from __future__ import annotations

from compose_migrate import positions
from compose_migrate.api import load, migrate, validate
from compose_migrate.versions import ComposeVersion

V1KEY = 'web:\n  image: nginx\n  environment:\n    A: "1"\n    OFF: "x"\n'
Y11 = (
    "web:\n  image: nginx\n  environment:\n    A: '1'\n    B: '2'\n    C: '3'\n"
    "    DEBUG: yes\n    E: '4'\n    OFF: off\n"
)
V39 = 'version: "3.9"\nservices:\n  web:\n    image: nginx\n    labels:\n      yes: "1"\n'


def test_key_positions_and_paths_use_the_written_key() -> None:
    doc = load(text=Y11, name="y11.yml")
    # The plain data names `OFF:` "false"; node_at finds it, written_path gives it back as written.
    assert doc.position(("web", "environment", "false"), key=True) == (9, 5)
    assert positions.written_path(doc.r11.node, ("web", "environment", "false")) == ("web", "environment", "OFF")
    r = validate(doc)
    found = {(f.line, f.col, f.path, f.code) for f in r.findings}
    assert (9, 5, "web.environment.OFF", "CM052") in found  # the key
    assert (9, 10, "web.environment.OFF", "CM052") in found  # the value `off`
    assert not any("false" in f.path for f in r.findings)


def test_validate_reports_boolean_keys_of_legacy_files() -> None:
    r = validate(load(text=V1KEY, name="v1key.yml"))
    assert not r.valid
    (f,) = r.findings
    assert (f.line, f.col, f.path, f.code) == (5, 5, "web.environment.OFF", "CM052")
    assert "docker-compose 1.x" in f.message and "False" in f.message and f.hint == 'quote it as "OFF"'
    r39 = validate(load(text=V39, name="v39.yml"))
    assert [(f.line, f.col, f.path) for f in r39.findings] == [(6, 7, "services.web.labels.yes")]
    # A spec file is read as YAML 1.2: `yes:` is the text yes.
    assert validate(load(text=V39.replace('version: "3.9"\n', ""), name="s.yml")).findings == []
    # Quoted keys, and number keys written as their number, are fine.
    assert validate(load(text=V1KEY.replace("OFF:", '"OFF":'), name="q.yml")).valid
    assert validate(load(text=V1KEY.replace("OFF:", "8080:"), name="n.yml")).valid


def test_migration_quotes_keys_and_warns() -> None:
    for target in ("2.0", "3.9", "spec"):
        res = migrate(load(text=V1KEY, name="v1key.yml"), target)
        assert '      "OFF": "x"\n' in res.output, target
        warned = [w for w in res.warnings if w.path == "services.web.environment.OFF"]
        assert warned and "boolean key false" in warned[0].message
        again = load(text=res.output, name="out.yml")
        assert validate(again).valid
        data = again.reading(again.version or ComposeVersion.SPEC).data
        assert data["services"]["web"]["environment"] == {"A": "1", "OFF": "x"}
    res = migrate(load(text=V39, name="v39.yml"), "spec")
    assert res.output.endswith('    labels:\n      "yes": "1"\n')
    assert any(w.path == "services.web.labels.yes" and "as true" in w.message for w in res.warnings)
    y = migrate(load(text=Y11, name="y11.yml"), "2.0")
    assert '      "OFF": "off"\n' in y.output and '      DEBUG: "yes"\n' in y.output
    # Idempotent: the migrated file has nothing left to quote.
    assert migrate(load(text=y.output, name="y.yml"), "2.0").changes == []
