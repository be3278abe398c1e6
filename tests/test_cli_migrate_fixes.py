"""migrate regressions from a fresh user's report: numeric versions, --skip/--only, located errors, formats."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from compose_migrate.cli import main


def write(tmp_path: Path, name: str, text: str) -> str:
    p = tmp_path / name
    p.write_text(text)
    return str(p)


def cli(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    capsys.readouterr()
    code = main(list(args))
    out = capsys.readouterr()
    return code, out.out, out.err


# --------------------------------------------------------------------------- 1. numeric version


@pytest.mark.parametrize("to", ["3.10", "auto"])
def test_a_numeric_version_is_quoted_even_when_already_at_the_target(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], to: str
) -> None:
    f = write(tmp_path, "c.yml", "version: 3.10\nservices:\n  web:\n    image: nginx\n")
    code, out, _ = cli(capsys, "migrate", f, "--to", to)
    assert code == 0
    assert out == 'version: "3.10"\nservices:\n  web:\n    image: nginx\n'
    code, out, _ = cli(capsys, "migrate", f, "--to", to, "--format", "json")
    res = json.loads(out)["files"][0]
    assert res["changed"] is True
    assert [(c["path"], c["line"]) for c in res["changes"]] == [("version", 1)]
    # and the output is what validate accepts
    out_file = write(tmp_path, "out.yml", res["output"])
    assert cli(capsys, "validate", out_file)[0] == 0


@pytest.mark.parametrize(
    ("text", "to"), [("version: 2\n", "2.0"), ("version: 2.4\n", "2.4"), ("version: 3.8\n", "3.8")]
)
def test_other_numeric_versions_at_target_are_quoted(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], text: str, to: str
) -> None:
    f = write(tmp_path, "c.yml", text + "services:\n  web:\n    image: nginx\n")
    code, out, _ = cli(capsys, "migrate", f, "--to", to)
    assert code == 0
    assert out.splitlines()[0] == f'version: "{text.split()[1]}"'


def test_a_quoted_version_at_target_stays_byte_identical(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    text = "version: '3.10'   # keep\nservices:\n  web:\n    image: nginx\n"
    f = write(tmp_path, "c.yml", text)
    code, out, _ = cli(capsys, "migrate", f, "--to", "3.10", "--format", "json")
    res = json.loads(out)["files"][0]
    assert (code, res["changed"], res["changes"], res["output"]) == (0, False, [], text)


# --------------------------------------------------------------------------- 2. --skip / --only

CPU_24 = 'version: "2.4"\nservices:\n  x:\n    image: busybox\n    cpu_shares: 512\n'


def test_skipping_a_needed_rule_says_so_not_bug(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    f = write(tmp_path, "c2.yml", CPU_24)
    code, out, err = cli(capsys, "migrate", f, "--to", "3.9", "--skip", "v2_drop_host_tuning")
    assert (code, out) == (1, "")
    assert "with --skip v2_drop_host_tuning, services.x.cpu_shares stays and 3.9 does not accept it" in err
    assert "bug" not in err and "regexes" not in err


def test_only_leaving_a_needed_rule_out_names_the_selection(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    f = write(tmp_path, "c2.yml", CPU_24)
    code, _, err = cli(capsys, "migrate", f, "--to", "3.9", "--only", "version_2_to_3")
    assert code == 1
    assert "with --only version_2_to_3, services.x.cpu_shares stays and 3.9 does not accept it" in err
    assert "bug" not in err


@pytest.mark.parametrize("option", ["--only", "--skip"])
def test_an_unknown_rule_name_is_one_usage_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], option: str
) -> None:
    a = write(tmp_path, "a.yml", CPU_24)
    b = write(tmp_path, "b.yml", CPU_24)
    code, out, err = cli(capsys, "migrate", a, b, "--to", "3.9", option, "v2_drop_host_tuning,nosuchrule")
    assert (code, out) == (2, "")
    assert err.count("nosuchrule") == 1 and option in err


# --------------------------------------------------------------------------- 3. located migration errors

VOLUMES_FROM = (
    'version: "2.4"\nservices:\n  data:\n    image: busybox\n  web:\n    image: nginx\n'
    "    volumes_from:\n      - data\n"
)


def test_a_refusal_is_located_and_names_the_path_once(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    f = write(tmp_path, "c1.yml", VOLUMES_FROM)
    code, _, err = cli(capsys, "migrate", f, "--to", "3.9")
    assert code == 1
    assert err.startswith(f"{f}:7:5: error: services.web.volumes_from: ['data'] has no 3.x form")
    assert err.count("services.web.volumes_from") == 1


def test_the_library_error_carries_line_and_col(tmp_path: Path) -> None:
    from compose_migrate import api
    from compose_migrate.findings import ComposeMigrateError

    with pytest.raises(ComposeMigrateError) as info:
        api.migrate(api.load(text=VOLUMES_FROM, name="c1.yml"), "3.9")
    f = info.value.finding
    assert (f.path, f.line, f.col) == ("services.web.volumes_from", 7, 5)
    assert f.message.startswith("['data'] has no 3.x form")


def test_an_unreadable_extends_file_points_at_its_file_entry(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = 'version: "2.4"\nservices:\n  web:\n    extends:\n      file: missing.yml\n      service: base\n'
    f = write(tmp_path, "c3.yml", text + "    image: nginx\n")
    code, _, err = cli(capsys, "migrate", f, "--to", "3.9")
    assert code == 1
    assert err.startswith(f"{f}:5:7: error: services.web.extends.file: extends: cannot read missing.yml")


def test_a_merged_deploy_made_from_the_anchor_is_named_as_the_collision(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = (
        'version: "2.4"\nservices:\n  base: &base\n    image: busybox\n    mem_limit: 256m\n'
        "  worker:\n    <<: *base\n    mem_limit: 512m\n"
    )
    f = write(tmp_path, "c.yml", text)
    code, _, err = cli(capsys, "migrate", f, "--to", "3.9")
    assert code == 1
    assert "services.worker gets `deploy` through `<<` from services.base (made there by this migration)" in err
    assert "its own `mem_limit`" in err and "services.worker.deploy comes from" not in err


def test_an_own_key_over_a_merged_one_is_refused_plainly(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    text = (
        'version: "2.4"\nx-common: &common\n  mem_limit: 256m\nservices:\n  worker:\n    <<: *common\n'
        "    image: busybox\n    mem_limit: 512m\n"
    )
    f = write(tmp_path, "c.yml", text)
    code, _, err = cli(capsys, "migrate", f, "--to", "3.9")
    assert code == 1
    assert "services.worker sets its own `mem_limit` over the one it gets through `<<` from x-common" in err
    assert "bug" not in err and "regexes" not in err


# --------------------------------------------------------------------------- 4. file:line:col on warnings


def test_warnings_print_file_line_col_and_json_adds_col(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    f = write(tmp_path, "c2.yml", CPU_24)
    code, _, err = cli(capsys, "migrate", f, "--to", "3.9")
    assert code == 0
    assert f"{f}:5:5: warning: services.x.cpu_shares: cpu_shares: 512 dropped" in err
    _, out, _ = cli(capsys, "migrate", f, "--to", "3.9", "--format", "json")
    res = json.loads(out)["files"][0]
    assert res["warnings"][0] | {"message": ""} == {
        "rule": "v2_drop_host_tuning",
        "path": "services.x.cpu_shares",
        "line": 5,
        "col": 5,
        "message": "",
    }
    assert set(res["changes"][0]) == {"rule", "path", "line", "col", "message"}
    assert (res["changes"][0]["line"], res["changes"][0]["col"]) == (1, 1)


# --------------------------------------------------------------------------- 5. only the formats a command has


@pytest.mark.parametrize(
    "args",
    [("migrate", "{f}", "--to", "3.9"), ("detect", "{f}"), ("explain", "mem_limit"), ("list-rules",)],
)
@pytest.mark.parametrize("fmt", ["github", "sarif"])
def test_an_unimplemented_format_is_a_usage_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], args: tuple[str, ...], fmt: str
) -> None:
    f = write(tmp_path, "c2.yml", CPU_24)
    code, out, err = cli(capsys, *(a.format(f=f) for a in args), "--format", fmt)
    assert (code, out) == (2, "")
    said = " ".join(err.replace("│", " ").split())  # typer's box wraps the message
    assert f"'{fmt}' is not one of 'text', 'json'" in said


@pytest.mark.parametrize("args", [("detect", "{f}"), ("explain", "mem_limit"), ("list-rules",)])
def test_json_still_works_where_it_is_offered(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], args: tuple[str, ...]
) -> None:
    f = write(tmp_path, "c2.yml", CPU_24)
    code, out, _ = cli(capsys, *(a.format(f=f) for a in args), "--format", "json")
    assert code == 0
    assert json.loads(out)


# --------------------------------------------------------------------------- 6. stdin with -i; a bad `to`


def test_in_place_with_stdin_is_a_usage_error() -> None:
    from .conftest import run_cli

    res = run_cli("migrate", "-", "-i", "--to", "3.9", stdin=CPU_24)
    assert (res.returncode, res.stdout) == (2, "")
    said = " ".join(res.stderr.replace("│", " ").split())
    assert "stdin (-) has no file to rewrite" in said and "cannot write" not in said


@pytest.mark.parametrize("to", [None, 3.9, ["3.9"]])
def test_a_bad_to_is_a_compose_migrate_error(to: object) -> None:
    from compose_migrate import api
    from compose_migrate.findings import ComposeMigrateError

    with pytest.raises(ComposeMigrateError) as info:
        api.migrate(api.load(text=CPU_24, name="c2.yml"), to=to)  # type: ignore[arg-type]
    assert info.value.finding.code == "CM005"
    assert "must be a ComposeVersion or a version string" in info.value.finding.message


# --------------------------------------------------------------------------- 7. caveats in changes reach text users

MEM_24 = 'version: "2.4"\nservices:\n  web:\n    image: nginx\n    mem_limit: 512m  # memory\n    scale: 2\n'


@pytest.mark.parametrize("flag", ["-v", "--verbose", "--explain"])
def test_verbose_lists_changes_with_their_caveats(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], flag: str
) -> None:
    f = write(tmp_path, "c5.yml", MEM_24)
    code, out, err = cli(capsys, "migrate", f, "--to", "3.9", flag)
    assert code == 0 and out.startswith('version: "3.9"')
    assert (
        f"{f}:5:5: change: services.web.mem_limit: moved `mem_limit: 512m` to deploy.resources.limits.memory "
        "(a string in 3.x; docker-compose 1.x applies deploy limits only with --compatibility) "
        "[v2_mem_limit_to_deploy]"
    ) in err
    assert f"{f}:6:5: change: services.web.scale: moved `scale: 2` to deploy.replicas" in err


def test_without_verbose_changes_stay_quiet(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    f = write(tmp_path, "c5.yml", MEM_24)
    code, _, err = cli(capsys, "migrate", f, "--to", "3.9")
    assert (code, err) == (0, "")
    code, out, _ = cli(capsys, "migrate", f, "--to", "3.9", "-v", "--format", "json")
    changes = json.loads(out)["files"][0]["changes"]
    assert [c["rule"] for c in changes] == ["v2_mem_limit_to_deploy", "v2_scale_to_replicas", "version_2_to_3"]
    assert "--compatibility" in changes[0]["message"]
