"""Hostile and broken input: one clean, located message and the right exit code.

Every row of the table goes through the library (load / detect / validate /
migrate raise only ComposeMigrateError) and through the real command line
(one line naming the problem, no traceback, exit 2 for unreadable input and
1 for readable input that is not a Compose file), within bounded time.
"""

from __future__ import annotations

import builtins
import os
import subprocess
import sys
import tempfile
import textwrap
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

import compose_migrate as cm
from compose_migrate.cli import main
from compose_migrate.loading import DEFAULT_MAX_BYTES, MAX_KEY_CHARS

from .conftest import ROOT, SHARED, run_cli

SHARED_CORPUS = SHARED / "corpus"

MB = 1024 * 1024


@dataclass(frozen=True)
class Case:
    id: str
    make: Callable[[Path], Path]  # builds the input in a temporary directory
    code: str  # the finding's code
    message: str  # a part of the one-line message
    line: int  # 0: the whole file
    col: int
    exit: int  # 2 unreadable, 1 readable but not a Compose file


def _file(name: str, data: bytes | str) -> Callable[[Path], Path]:
    def make(tmp: Path) -> Path:
        p = tmp / name
        p.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
        return p

    return make


def _big(tmp: Path) -> Path:
    p = tmp / "big.yml"
    with p.open("wb") as fh:  # sparse: 50 MB on paper, nothing on disk
        fh.truncate(50 * MB)
    return p


def _alias_bomb() -> str:
    # Nine levels of nine aliases each: 9**9 (387 million) leaves once expanded.
    lines = ['x-a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for i in range(1, 10):
        lines.append(f"x-a{i}: &a{i} [" + ",".join([f"*a{i - 1}"] * 9) + "]")
    lines.append("services:\n  web:\n    image: x\n    labels: *a9")
    return "\n".join(lines) + "\n"


def _directory(tmp: Path) -> Path:
    p = tmp / "a-directory.yml"
    p.mkdir()
    return p


def _fifo(tmp: Path) -> Path:
    p = tmp / "fifo.yml"
    os.mkfifo(p)  # opening it for reading would block until a writer comes: must not be opened
    return p


def _link_loop(tmp: Path) -> Path:
    p = tmp / "loop.yml"
    p.symlink_to(p.name)
    return p


CASES = [
    Case(
        "an empty file is readable but no Compose file",
        _file("empty.yml", ""),
        "CM100",
        "empty file: no YAML document (only comments or nothing)",
        1,
        1,
        1,
    ),
    Case(
        "a file of only comments is an empty file",
        _file("comments.yml", "# nothing here\n# yet\n"),
        "CM100",
        "empty file: no YAML document (only comments or nothing)",
        1,
        1,
        1,
    ),
    Case(
        "a top-level list is not a mapping",
        _file("list.yml", "- web\n- db\n"),
        "CM100",
        "top level is a list, but a Compose file is a mapping",
        1,
        1,
        1,
    ),
    Case(
        "a top-level scalar is not a mapping",
        _file("scalar.yml", "hello world\n"),
        "CM100",
        "top level is a string, but a Compose file is a mapping",
        1,
        1,
        1,
    ),
    Case(
        "a top-level null is not a mapping",
        _file("null.yml", "# explicitly nothing\n~\n"),
        "CM100",
        "top level is null, but a Compose file is a mapping",
        2,
        1,
        1,
    ),
    Case(
        "invalid UTF-8 is refused at the bad byte",
        _file("latin1.yml", b"services:\n  web:\n    image: caf\xe9\n"),
        "CM003",
        "invalid UTF-8 (byte 0xe9)",
        3,
        15,
        2,
    ),
    Case(
        "UTF-16 with a byte-order mark is named as such",
        _file("utf16.yml", "services:\n  web:\n    image: x\n".encode("utf-16")),
        "CM003",
        "file is UTF-16 encoded; Compose files must be UTF-8",
        1,
        1,
        2,
    ),
    Case(
        "binary junk is refused as not text",
        _file("junk.yml", bytes(range(0x80, 0x100)) * 64),
        "CM003",
        "invalid UTF-8 (byte 0x80)",
        1,
        1,
        2,
    ),
    Case(
        "a NUL byte means binary data",
        _file("nul.yml", b"services:\n  web:\x00\n"),
        "CM003",
        "file contains a NUL byte: this is binary data, not YAML",
        2,
        7,
        2,
    ),
    Case(
        "a control character is located and named",
        _file("bell.yml", 'services:\n  web:\n    image: "\x07"\n'),
        "CM003",
        "character U+0007 is not allowed in YAML",
        3,
        13,
        2,
    ),
    Case(
        "tabs used for indentation are named as tabs",
        _file("tabs.yml", "services:\n\tweb:\n\t\timage: x\n"),
        "CM010",
        "a tab character used for indentation (YAML indents with spaces only)",
        2,
        1,
        2,
    ),
    Case(
        "an unclosed quote points at the end and names the line it opened on",
        _file("quote.yml", 'services:\n  web:\n    image: "nginx\n'),
        "CM010",
        "found unexpected end of stream (while scanning a quoted scalar at line 3)",
        4,
        1,
        2,
    ),
    Case(
        "an unclosed bracket names the line it opened on",
        _file("bracket.yml", "services:\n  web:\n    ports: [80, 443\n"),
        "CM010",
        "did not find expected ',' or ']' (while parsing a flow sequence at line 3)",
        4,
        1,
        2,
    ),
    Case(
        "two documents in one file are refused",
        _file("two.yml", "services: {}\n---\nservices: {}\n"),
        "CM010",
        "more than one document (a `---` line); a Compose file holds exactly one",
        2,
        1,
        2,
    ),
    Case(
        "a 50 MB file is refused by size before it is read",
        _big,
        "CM002",
        f"file is {50 * MB} bytes, over the size limit of {DEFAULT_MAX_BYTES} bytes",
        0,
        0,
        2,
    ),
    Case(
        "an alias bomb is refused without expanding it",
        _file("bomb.yml", _alias_bomb()),
        "CM011",
        "aliases expand to more than 1000000 nodes (an alias bomb?)",
        7,
        7,
        2,
    ),
    Case(
        "10,000 nested lists are refused by depth",
        _file("deep-lists.yml", "services: " + "[" * 10_000 + "]" * 10_000 + "\n"),
        "CM012",
        "nesting deeper than 200 levels",
        1,
        1010,
        2,
    ),
    Case(
        "10,000 nested mappings are refused by depth",
        _file("deep-maps.yml", "services: " + "{a: " * 10_000 + "1" + "}" * 10_000 + "\n"),
        "CM012",
        "nesting deeper than 200 levels",
        1,
        4007,
        2,
    ),
    Case(
        "300 nested levels, under the parser's limit, are refused by ours",
        _file("deep-300.yml", "services:\n  web:\n    labels: " + "[" * 300 + "]" * 300 + "\n"),
        "CM012",
        "nesting deeper than 200 levels",
        3,
        112,
        2,
    ),
    Case(
        "a plain key 1 MB long is a syntax error that says why",
        _file("longkey.yml", "services:\n  " + "k" * MB + ":\n    image: x\n"),
        "CM010",
        f"a key longer than {MAX_KEY_CHARS} characters",
        2,
        MB + 3,
        2,
    ),
    Case(
        "an explicit key 1 MB long is refused",
        _file("longkey2.yml", "services:\n  ? " + "k" * MB + "\n  : {image: x}\n"),
        "CM015",
        f"a key {MB} characters long (the limit is {MAX_KEY_CHARS}): refused",
        2,
        5,
        2,
    ),
    Case(
        "a directory given as a file is refused",
        _directory,
        "CM001",
        "is a directory, not a Compose file, and no Compose file was found in it",
        0,
        0,
        2,
    ),
    Case(
        "a FIFO is refused without opening it",
        _fifo,
        "CM001",
        "not a regular file (FIFO, socket or device)",
        0,
        0,
        2,
    ),
    Case("a missing file", lambda tmp: tmp / "missing.yml", "CM001", "no such file", 0, 0, 2),
    Case(
        "a symlink to itself is unreadable",
        _link_loop,
        "CM001",
        "cannot read: Too many levels of symbolic links",
        0,
        0,
        2,
    ),
    Case(
        "a Python object tag is refused, never constructed",
        _file("pyobj.yml", 'services:\n  web: !!python/object/apply:os.system ["touch pwned"]\n'),
        "CM013",
        "refused: the tag !!python/object/apply:os.system is not allowed in a Compose file",
        2,
        8,
        2,
    ),
    Case(
        "a %TAG shorthand for Python objects is refused too",
        _file("tagdir.yml", "%TAG !p! tag:yaml.org,2002:python/\n---\nservices: !p!object:os.system {}\n"),
        "CM013",
        "refused: the tag !!python/object:os.system is not allowed in a Compose file",
        3,
        11,
        2,
    ),
    Case(
        "a binary tag is refused",
        _file("binary-tag.yml", "services:\n  web:\n    image: !!binary aGVsbG8=\n"),
        "CM013",
        "refused: the tag !!binary is not allowed in a Compose file",
        3,
        12,
        2,
    ),
    Case(
        "a custom tag is refused",
        _file("custom-tag.yml", "services:\n  web: !include other.yml\n"),
        "CM013",
        "refused: the tag !include is not allowed in a Compose file",
        2,
        8,
        2,
    ),
    Case(
        "a list used as a key is refused",
        _file("listkey.yml", "services:\n  ? [a, b]\n  : {image: x}\n"),
        "CM010",
        "a mapping key is itself a list or mapping; Compose keys are plain names",
        2,
        5,
        2,
    ),
    Case(
        "an integer of 5000 digits is refused",
        _file("hugeint.yml", "services:\n  web:\n    image: x\n    cpu_shares: " + "9" * 5000 + "\n"),
        "CM010",
        "YAML value cannot be read: a number with thousands of digits",
        0,
        0,
        2,
    ),
]


def _where(f: cm.Finding, path: Path) -> str:
    return f"{path}:{f.line}:{f.col}" if f.line else str(path)


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_library_raises_one_located_error(case: Case, tmp_path: Path) -> None:
    path = case.make(tmp_path)
    start = time.perf_counter()
    if case.exit == 1:
        doc = cm.load(path)
        det = cm.detect(doc)
        assert det.version is None and det.reason == case.message
        res = cm.validate(path)
        assert not res.valid and res.version is None
        [f] = res.findings
        assert (f.code, f.message, f.line, f.col) == (case.code, case.message, case.line, case.col)
        with pytest.raises(cm.ComposeMigrateError) as migrate_err:
            cm.migrate(path, "spec")
        assert case.message in migrate_err.value.finding.message
        assert migrate_err.value.finding.code == "CM900"
    else:
        for call in (cm.load, cm.detect, cm.validate, lambda p: cm.migrate(p, "spec")):
            with pytest.raises(cm.ComposeMigrateError) as err:
                call(path)
            f = err.value.finding
            assert f.code == case.code, f
            assert case.message in f.message, f.message
            assert (f.line, f.col) == (case.line, case.col)
            assert "\n" not in f.message and len(f.message) < 300
            assert str(err.value).startswith(_where(f, path) + ": ")
    assert time.perf_counter() - start < 10  # four calls; each is milliseconds for most rows


# The command line scans a directory for Compose files instead (see the directory tests below).
CLI_CASES = [c for c in CASES if c.id != "a directory given as a file is refused"]


@pytest.mark.parametrize("case", CLI_CASES, ids=[c.id for c in CLI_CASES])
def test_cli_prints_one_line_and_exits_2_or_1(case: Case, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = case.make(tmp_path)
    where = f"{path}:{case.line}:{case.col}" if case.line else f"{path}: "
    for argv in (["detect", str(path)], ["validate", str(path)], ["migrate", "--to", "spec", str(path)]):
        code = main(argv)
        out, err = capsys.readouterr()
        assert code == case.exit, (argv, out, err)
        text = out + err
        assert "Traceback" not in text
        lines = [ln for ln in text.splitlines() if case.message in ln]
        assert len(lines) == 1, text[:2000]
        # Readable non-Compose files: detect and migrate name the file, validate also the place.
        located = case.exit == 2 or argv[0] == "validate"
        assert (where if located else f"{path}: ") in lines[0], lines[0]
        assert len(lines[0]) < 500


@pytest.mark.parametrize(
    "case",
    [c for c in CASES if c.id in {"a NUL byte means binary data", "an empty file is readable but no Compose file"}],
    ids=lambda c: c.id,
)
def test_real_process_gives_the_same_line(case: Case, tmp_path: Path) -> None:
    path = case.make(tmp_path)
    proc = run_cli("validate", str(path))
    assert proc.returncode == case.exit
    assert "Traceback" not in proc.stderr + proc.stdout
    assert f"{path}:{case.line}:{case.col}: error: {case.message} [{case.code}]" in proc.stdout


# -- size limit: configurable -------------------------------------------------


def test_max_bytes_is_configurable_in_the_library(tmp_path: Path) -> None:
    p = tmp_path / "compose.yaml"
    p.write_text("services:\n  web:\n    image: nginx\n" + "# padding\n" * 200)
    size = p.stat().st_size
    with pytest.raises(cm.ComposeMigrateError) as err:
        cm.validate(p, max_bytes=1000)
    assert err.value.finding.message == f"file is {size} bytes, over the size limit of 1000 bytes"
    assert cm.validate(p, max_bytes=size).valid
    assert cm.migrate(p, "spec", max_bytes=size).changed is False
    with pytest.raises(cm.ComposeMigrateError):
        cm.load(p, max_bytes=size - 1)
    with pytest.raises(cm.ComposeMigrateError, match="over the size limit of 100 bytes"):
        cm.load(text="services: {}\n" + "#" * 200, max_bytes=100)


def test_max_bytes_option_on_every_command(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    p = tmp_path / "compose.yaml"
    p.write_text("services:\n  web:\n    image: nginx\n" + "# padding\n" * 200)
    for cmd in (["detect"], ["validate"], ["migrate", "--to", "spec"]):
        assert main([*cmd, "--max-bytes", "1000", str(p)]) == 2
        out, err = capsys.readouterr()
        assert f"{p}: error: file is {p.stat().st_size} bytes, over the size limit of 1000 bytes" in out + err
    for cmd in (["detect"], ["validate"], ["migrate", "--to", "spec"]):
        assert main([*cmd, "--max-bytes", "5000", str(p)]) == 0
        capsys.readouterr()


def test_max_bytes_on_stdin_stops_reading(tmp_path: Path) -> None:
    big = "services:\n  web:\n    image: nginx\n" + "# padding\n" * 100_000  # 1 MB
    proc = run_cli("validate", "--max-bytes", "4096", "-", stdin=big)
    assert proc.returncode == 2
    assert "-: error: input is over the size limit of 4096 bytes [CM002]" in proc.stdout
    assert run_cli("validate", "-", stdin=big).returncode == 0


# -- cost of the alias bomb, measured in a fresh process ---------------------------


def test_alias_bomb_costs_under_a_second_and_200_mb(tmp_path: Path) -> None:
    bomb = tmp_path / "bomb.yml"
    bomb.write_text(_alias_bomb())
    script = textwrap.dedent(
        f"""
        import resource, time, tracemalloc, json
        import compose_migrate as cm
        tracemalloc.start()
        t = time.perf_counter()
        try:
            cm.validate({str(bomb)!r})
            outcome = "accepted"
        except cm.ComposeMigrateError as exc:
            outcome = exc.finding.code
        took = time.perf_counter() - t
        peak = tracemalloc.get_traced_memory()[1]
        rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
        print(json.dumps([outcome, took, peak, rss]))
        """
    )
    proc = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=60, cwd=ROOT)
    import json

    outcome, took, peak, rss = json.loads(proc.stdout)
    assert outcome == "CM011"
    assert took < 1.0
    assert peak < 20 * MB  # measured: well under 1 MB of Python objects
    assert rss < 200 * MB  # the whole interpreter, imports included


# -- permissions: meaningful as root too --------------------------------------------


def test_unreadable_file_via_open(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """The code path, whoever runs the tests: open() refused by the OS."""
    p = tmp_path / "compose.yaml"
    p.write_text("services: {}\n")
    real_open = builtins.open

    def deny(file: object, *args: object, **kwargs: object) -> object:
        if str(file) == str(p):
            raise PermissionError(13, "Permission denied", str(file))
        return real_open(file, *args, **kwargs)  # type: ignore[call-overload]

    monkeypatch.setattr(builtins, "open", deny)
    with pytest.raises(cm.ComposeMigrateError) as err:
        cm.validate(p)
    assert (err.value.finding.code, err.value.finding.message) == ("CM001", "permission denied")


def test_unreadable_file_for_a_real_unprivileged_user() -> None:
    """The real thing: chmod 000, read by someone who is not root."""
    work = tempfile.mkdtemp(prefix="cm-perm-")
    try:
        os.chmod(work, 0o755)  # others may enter, so only the file's own mode stops them
        secret = Path(work) / "compose.yaml"
        secret.write_text("services:\n  web:\n    image: nginx\n")
        os.chmod(secret, 0o000)
        readable = Path(work) / "ok.yaml"
        readable.write_text("services:\n  web:\n    image: nginx\n")
        os.chmod(readable, 0o644)
        # As root: load everything first (the interpreter lives under /root),
        # then become nobody and try the unreadable file.
        drop = "os.setgid(65534); os.setuid(65534)" if os.geteuid() == 0 else "pass"
        script = textwrap.dedent(
            f"""
            import os, sys
            from compose_migrate.cli import main
            assert main(["validate", {str(readable)!r}]) == 0
            assert main(["migrate", "--to", "spec", {str(readable)!r}]) == 0
            {drop}
            assert not os.access({str(secret)!r}, os.R_OK)
            sys.exit(main(["validate", {str(secret)!r}]) * 10 + main(["migrate", "--to", "spec", {str(secret)!r}]))
            """
        )
        proc = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=60, cwd=ROOT)
        assert proc.returncode == 22, proc.stderr
        assert f"{secret}: error: permission denied [CM001]" in proc.stdout
        assert f"{secret}: error: permission denied" in proc.stderr
        assert "Traceback" not in proc.stderr
    finally:
        for name in os.listdir(work):
            os.unlink(os.path.join(work, name))
        os.rmdir(work)


# -- directories: scanning never hangs ------------------------------------------------


def test_symlink_loops_while_scanning_a_directory(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "app").mkdir()
    (tmp_path / "app" / "compose.yaml").write_text("services:\n  web:\n    image: nginx\n")
    (tmp_path / "app" / "again").symlink_to("..")  # a loop if links were followed
    (tmp_path / "self").symlink_to("self")  # a link to itself
    (tmp_path / "docker-compose.yml").symlink_to("docker-compose.yml")
    start = time.perf_counter()
    code = main(["validate", str(tmp_path)])
    out = capsys.readouterr().out
    assert time.perf_counter() - start < 10
    assert f"{tmp_path}/app/compose.yaml: valid" in out
    # The self-link named like a Compose file is found and reported, not followed forever.
    assert f"{tmp_path}/docker-compose.yml: error: cannot read: Too many levels of symbolic links [CM001]" in out
    assert code == 2


def test_a_directory_named_like_a_file_is_scanned(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # inputs.expand searches directories; one without Compose files is an error
    # (a CI job pointed at the wrong folder must not pass by checking nothing).
    d = tmp_path / "docker-compose.yml"
    d.mkdir()
    assert main(["validate", str(d)]) == 2
    out = capsys.readouterr().out
    assert "no Compose file was found in it" in out
    assert out.endswith("1 file, 1 invalid, 1 error, 0 warnings\n")


# -- Compose's own tags --------------------------------------------------------------


def test_reset_and_override_tags_are_understood(tmp_path: Path) -> None:
    p = tmp_path / "compose.override.yaml"
    text = "services:\n  web:\n    image: nginx\n    ports: !reset []\n    environment: !override\n      A: b\n"
    p.write_text(text)
    doc = cm.load(p)
    assert cm.detect(doc).version is cm.ComposeVersion.SPEC
    assert doc.data["services"]["web"] == {"image": "nginx", "ports": [], "environment": {"A": "b"}}
    assert cm.validate(doc).valid
    res = cm.migrate(p, "spec")
    assert res.changed is False and res.output == text


# -- nothing runs, nothing leaves the machine -------------------------------------------


class _EnvSpy(dict):
    """os.environ stand-in that remembers every variable anyone looked up."""

    def __init__(self, base: dict[str, str]) -> None:
        super().__init__(base)
        self.read: list[str] = []

    def __getitem__(self, key: str) -> str:
        self.read.append(key)
        return str(super().__getitem__(key))

    def get(self, key: str, default: object = None) -> object:
        self.read.append(key)
        return super().get(key, default)

    def __contains__(self, key: object) -> bool:
        self.read.append(str(key))
        return super().__contains__(key)

    def __iter__(self):  # type: ignore[no-untyped-def]
        self.read.append("*")
        return super().__iter__()

    def items(self):  # type: ignore[no-untyped-def]
        self.read.append("*")
        return super().items()

    def keys(self):  # type: ignore[no-untyped-def]
        self.read.append("*")
        return super().keys()


def test_no_network_no_subprocess_and_no_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    import socket

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError(f"compose-migrate tried to reach outside: {args[:2]}")

    # Classes, not functions: modules imported on the way (asyncio, ssl) subclass them.
    class NoSocket(socket.socket):
        def __init__(self, *args: object, **kwargs: object) -> None:
            refuse("socket", *args)

    class NoPopen(subprocess.Popen):
        def __init__(self, *args: object, **kwargs: object) -> None:
            refuse("Popen", *args)

    spy = _EnvSpy(dict(os.environ))
    monkeypatch.setattr(socket, "socket", NoSocket)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    monkeypatch.setattr(subprocess, "Popen", NoPopen)
    monkeypatch.setattr(os, "system", refuse)
    monkeypatch.setattr(os, "execv", refuse)
    monkeypatch.setattr(os, "fork", refuse)
    monkeypatch.setattr(os, "environ", spy)
    spy["TAG"] = "from-the-environment"
    files = sorted((SHARED_CORPUS / "voting-app").glob("*.yml"))
    assert len(files) > 60
    outcomes = {"valid": 0, "invalid": 0, "migrated": 0, "refused": 0}
    for f in files:
        res = cm.validate(f)
        outcomes["valid" if res.valid else "invalid"] += 1
        try:
            cm.migrate(f, "spec")
            outcomes["migrated"] += 1
        except cm.ComposeMigrateError:
            outcomes["refused"] += 1
    assert outcomes["valid"] > 50 and outcomes["migrated"] > 50, outcomes
    # Interpolation asked for with explicit values reads those, never the process's.
    doc = cm.load(text='services:\n  web:\n    image: "nginx:${TAG}"\n    ports: ["${PORT}:80"]\n')
    assert cm.validate(doc, env={"TAG": "1", "PORT": "8080"}).valid
    # Libraries may look up their own switches (RUAMEL_DEBUG); the values a file names are never read.
    assert {"TAG", "PORT", "*"}.isdisjoint(spy.read), sorted(set(spy.read))
    # The spy does see it when the environment is asked for (validate --env).
    assert main(["validate", "--env", str(files[0])]) in (0, 1)
    assert "*" in spy.read


# -- --jobs: the same answer, in the same order --------------------------------------------


@pytest.mark.parametrize(
    "command",
    [["validate"], ["check"], ["migrate", "--to", "spec"], ["validate", "--format", "json"]],
    ids=" ".join,
)
def test_jobs_give_the_same_output_and_exit_code(command: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    folder = str(SHARED_CORPUS / "voting-app")
    runs = []
    for jobs in ("1", "2"):
        code = main([*command, "--jobs", jobs, folder])
        out, err = capsys.readouterr()
        runs.append((code, out, err))
    assert runs[0] == runs[1]
    code, out, err = runs[0]
    assert code in (0, 1)  # the folder holds files that are invalid on purpose, none unreadable
    from compose_migrate.inputs import expand

    found = expand([folder])
    assert len(found) > 30
    if command[0] != "check":  # check reports only what needs attention
        positions = [out.index(f) for f in found]
        assert positions == sorted(positions)  # every file, in input order


def test_map_files_keeps_input_order_whatever_finishes_first() -> None:
    from compose_migrate.cli.common import map_files

    delays = [0.3, 0.0, 0.2, 0.0, 0.1]
    assert map_files(_sleep_then_return, delays, 3) == delays
    assert map_files(_sleep_then_return, delays, 1) == delays


def _sleep_then_return(x: float) -> float:
    time.sleep(x)
    return x
