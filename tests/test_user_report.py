"""Regressions from a fresh user's report: check/migrate agreement, located messages, auto reasons, ..."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from compose_migrate.cli import main

SPEC_39 = (
    "name: demo\n"
    "services:\n"
    "  web:\n"
    "    image: nginx\n"
    "    profiles: [dev]\n"
    "    depends_on:\n"
    "      db:\n"
    "        condition: service_healthy\n"
    "  db:\n"
    "    image: postgres\n"
)
PORT_38 = 'version: "3.8"\nservices:\n  web:\n    image: nginx\n    ports:\n      - 22:22\n'
LINKS = (
    'version: "2.4"\nservices:\n  web:\n    image: nginx\n    links:\n      - "db:database"\n'
    + "  db:\n    image: postgres\n"
)


def write(tmp_path: Path, name: str, text: str) -> str:
    p = tmp_path / name
    p.write_text(text)
    return str(p)


def check_json(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, list[dict[str, object]]]:
    capsys.readouterr()
    code = main(["check", "--format", "json", *args])
    return code, json.loads(capsys.readouterr().out)["files"][0]["findings"]


@pytest.mark.parametrize(
    ("text", "to"),
    [(SPEC_39, "3.9"), (SPEC_39, "spec"), (PORT_38, "3.8"), (PORT_38, "3.9"), (PORT_38, "3.0"), (LINKS, "3.9")],
)
def test_check_fails_exactly_when_migrate_check_does(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], text: str, to: str
) -> None:
    f = write(tmp_path, "compose.yml", text)
    migrate_code = main(["migrate", "--check", "--to", to, f])
    code, found = check_json(capsys, "--to", to, f)
    assert code == migrate_code
    codes = {x["code"] for x in found}
    assert ("CM242" in codes or "CM243" in codes) == (migrate_code == 1)


def test_check_names_each_change_and_warning_at_its_place(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, found = check_json(capsys, write(tmp_path, "p.yml", PORT_38))
    rewrite = next(x for x in found if x["code"] == "CM242")
    assert code == 1
    assert (rewrite["line"], rewrite["col"]) == (6, 9)  # the unquoted 22:22, not col 1
    msg = str(rewrite["message"])
    assert "(1 change, 1 warning)" in msg and "0 changes" not in msg
    assert "1:1: version: removed `version: 3.8`" in msg
    assert "6:9: warning: services.web.ports[0]: unquoted 22:22" in msg

    code, found = check_json(capsys, write(tmp_path, "c1.yml", LINKS))
    rewrite = next(x for x in found if x["code"] == "CM242")
    assert (rewrite["line"], rewrite["col"]) == (5, 5)
    assert "6:9: warning: services.web.links[0]: link alias 'database' became a network alias" in str(
        rewrite["message"]
    )


def test_check_refused_downgrade_is_an_error_at_the_version_key(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, found = check_json(capsys, "--to", "2.4", write(tmp_path, "p.yml", PORT_38))
    refused = next(x for x in found if x["code"] == "CM243")
    assert code == 1
    assert (refused["severity"], refused["line"], refused["col"]) == ("error", 1, 1)
    assert "cannot migrate 3.8 down to 2.4" in str(refused["message"])


EXTENDS = (
    "services:\n  a:\n    image: x\n    extends: b\n  b:\n    image: y\n    extends:\n      service: a\n"
    "  web:\n    extends:\n      file: missing.yml\n      service: base\n  api:\n    extends: nope\n"
)


def test_validate_reports_extends_like_the_project_loader(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    f = write(tmp_path, "compose.yml", EXTENDS)
    capsys.readouterr()
    assert main(["validate", "--format", "json", f]) == 1
    found = json.loads(capsys.readouterr().out)["files"][0]["findings"]
    assert [(x["code"], x["line"], x["col"]) for x in found] == [("CM302", 4, 5), ("CM301", 11, 7), ("CM303", 14, 5)]
    assert "extends forms a cycle: compose.yml:a -> compose.yml:b -> compose.yml:a" in found[0]["message"]
    assert "missing.yml" in found[1]["message"]
    # The same codes and places as `config` (the project loader).
    from compose_migrate.project.loader import load_project

    project = {(x.code, x.line, x.col) for x in load_project([f], environ={}).findings}
    assert project == {(x["code"], x["line"], x["col"]) for x in found}


def test_auto_reasons_are_true_and_point_at_the_original_key() -> None:
    from compose_migrate import load
    from compose_migrate.api import migrate

    res = migrate(load(text='web:\n  image: nginx\n  log_opt:\n    max-size: "10m"\n'), "auto")
    assert res.target.label == "2.0"  # 2.x logging.options is open to any key
    assert res.reason == "2.0 is the lowest 2.x and holds everything this file uses"
    res = migrate(load(text='version: "3.9"\nservices:\n  web:\n    image: nginx\n'), "auto")
    assert res.target.label == "3.9" and "lowest 3.x" not in res.reason and "its own version" in res.reason
    res = migrate(load(text='version: "2.4"\nservices:\n  web:\n    image: nginx\n    pids_limit: 10\n'), "auto")
    assert "services.web.pids_limit at line 5" in res.reason


def test_auto_refuses_an_invalid_file_like_an_explicit_target() -> None:
    from compose_migrate import load
    from compose_migrate.api import migrate
    from compose_migrate.findings import ComposeMigrateError

    bad = 'version: "2.4"\nservices:\n  web:\n    image: nginx\nsecrets:\n  s:\n    file: ./s\n'
    messages = []
    for to in ("auto", "3.0"):
        with pytest.raises(ComposeMigrateError) as err:
            migrate(load(text=bad), to)
        messages.append((err.value.finding.path, err.value.finding.message))
    assert messages[0] == messages[1]
    assert messages[0][1].startswith("cannot migrate: the file is not valid version 2.4 (secrets:")


def test_explain_a_bare_key_is_its_most_prominent_path_and_lists_the_others(
    capsys: pytest.CaptureFixture[str],
) -> None:
    from compose_migrate.explain import explain

    r = explain("name")
    assert (r.paths, r.versions) == (["name"], "spec")  # top-level `name` is Specification only
    assert "networks.*.name" in r.also and "name" not in r.also
    assert any("networks.*.name (2.1-2.4, 3.5-spec)" in n for n in r.notes)
    assert explain("external").paths == ["networks.*.external"]
    assert explain("networks.*.name").versions == "2.1-2.4, 3.5-spec"  # a full path is unchanged


def test_spec_to_3x_warning_names_the_range_of_the_dropped_path(tmp_path: Path) -> None:
    from compose_migrate import load
    from compose_migrate.api import migrate

    res = migrate(load(write(tmp_path, "c.yml", SPEC_39)), "3.9")
    [name] = [w for w in res.warnings if w.path == "name"]
    assert "(accepted in spec)" in name.message


def test_stdin_is_named_dash_by_every_command() -> None:
    from .conftest import run_cli

    text = "services:\n  web:\n    image: nginx\n    enviroment: {A: b}\n"
    validate = run_cli("validate", "-", stdin=text)
    assert validate.returncode == 1 and validate.stdout.startswith("-: invalid")
    assert "-:4:5: error:" in validate.stdout and "<stdin>" not in validate.stdout
    detect = run_cli("detect", "-", stdin=text)
    assert detect.stdout.startswith("-: Compose Specification")


def test_a_bad_schema_file_is_one_usage_error(tmp_path: Path) -> None:
    from .conftest import run_cli

    a, b = write(tmp_path, "a.yml", PORT_38), write(tmp_path, "b.yml", LINKS)
    bad = write(tmp_path, "bad.json", "{bad")
    for schema, why in ((bad, "schema is not JSON"), (str(tmp_path / "none.json"), "cannot read schema")):
        proc = run_cli("validate", "--schema", schema, a, b)
        assert proc.returncode == 2
        assert proc.stderr.count("--schema") == 1 and why in proc.stderr
        assert proc.stdout == ""  # no per-file findings


def test_lint_text_headers_count_findings_instead_of_judging_validity(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    noisy = write(tmp_path, "noisy.yml", "services:\n  web:\n    image: nginx\n")
    calm = write(
        tmp_path,
        "calm.yml",
        "services:\n  web:\n    image: nginx:1.25\n    restart: unless-stopped\n"
        "    deploy:\n      resources:\n        limits:\n          memory: 256m\n",
    )
    capsys.readouterr()
    assert main(["lint", noisy, calm]) == 0
    out = capsys.readouterr().out
    assert f"{noisy}: 3 findings (Compose Specification)" in out
    assert f"{calm}: clean (Compose Specification)" in out
    assert "valid" not in out
    assert out.rstrip().endswith("2 files, 3 findings (0 errors, 1 warning, 2 info)")


def test_many_duplicate_ports_are_located_through_one_key_index(monkeypatch: pytest.MonkeyPatch) -> None:
    from compose_migrate import load
    from compose_migrate.validation import run

    n = 2000
    text = "services:\n" + "".join(f"  s{i}:\n    image: nginx:1\n    ports: ['8080:80']\n" for i in range(n))
    scans: list[object] = []
    real = run.find_in_mapping
    monkeypatch.setattr(run, "find_in_mapping", lambda node, part: scans.append(part) or real(node, part))
    found = run.validate_document(load(text=text))
    dup = [f for f in found.findings if f.code == "CM226"]
    assert len(dup) == n - 1
    assert (dup[-1].line, dup[-1].col) == (3 * n + 1, 13)
    assert "(line 4)" in dup[-1].message
    assert scans == []  # no linear scan of the 2000-key `services` mapping per finding
