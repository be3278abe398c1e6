"""write_atomic: a user's file is either the old one or the complete new one.

Killed processes, full disks, read-only files and directories, symlinks,
file modes and backups; and `migrate --in-place` on top of it.
"""

from __future__ import annotations

import errno
import os
import signal
import stat
import subprocess
import sys
import tempfile
import textwrap
import time
from pathlib import Path

import pytest

from compose_migrate import ComposeMigrateError
from compose_migrate.cli import main
from compose_migrate.writing import write_atomic

from .conftest import ROOT

OLD = b"version: '2'\nservices:\n  web:\n    image: nginx\n" * 50
NEW = b"services:\n  web:\n    image: nginx:1.27\n" * 80


def _siblings(directory: Path) -> set[str]:
    return set(os.listdir(directory))


def test_replaces_content_keeps_mode_and_leaves_nothing_behind(tmp_path: Path) -> None:
    p = tmp_path / "compose.yaml"
    p.write_bytes(OLD)
    os.chmod(p, 0o640)
    write_atomic(str(p), NEW)
    assert p.read_bytes() == NEW
    assert stat.S_IMODE(p.stat().st_mode) == 0o640
    assert _siblings(tmp_path) == {"compose.yaml"}


def test_a_symlink_is_followed_and_stays_a_link(tmp_path: Path) -> None:
    (tmp_path / "real").mkdir()
    target = tmp_path / "real" / "compose.yaml"
    target.write_bytes(OLD)
    link = tmp_path / "compose.yaml"
    link.symlink_to(Path("real") / "compose.yaml")
    write_atomic(str(link), NEW)
    assert link.is_symlink() and os.readlink(link) == "real/compose.yaml"
    assert target.read_bytes() == NEW
    assert _siblings(tmp_path / "real") == {"compose.yaml"}


def test_backup_keeps_the_original_beside_the_file(tmp_path: Path) -> None:
    p = tmp_path / "compose.yaml"
    p.write_bytes(OLD)
    write_atomic(str(p), NEW, backup=True)
    assert p.read_bytes() == NEW
    assert (tmp_path / "compose.yaml.bak").read_bytes() == OLD
    assert _siblings(tmp_path) == {"compose.yaml", "compose.yaml.bak"}


def test_a_read_only_file_is_left_alone_even_for_root(tmp_path: Path) -> None:
    p = tmp_path / "compose.yaml"
    p.write_bytes(OLD)
    os.chmod(p, 0o444)
    with pytest.raises(ComposeMigrateError) as err:
        write_atomic(str(p), NEW, backup=True)
    f = err.value.finding
    assert (f.code, f.message) == ("CM004", "cannot write: the file is read-only (nothing was changed)")
    assert p.read_bytes() == OLD and stat.S_IMODE(p.stat().st_mode) == 0o444
    assert _siblings(tmp_path) == {"compose.yaml"}  # not even a backup


def test_a_read_only_directory_for_an_unprivileged_user() -> None:
    """Real permissions: as root the check runs in a child that becomes nobody."""
    work = Path(tempfile.mkdtemp(prefix="cm-ro-"))
    try:
        p = work / "compose.yaml"
        p.write_bytes(OLD)
        os.chmod(p, 0o666)  # the file is writable for everyone, its directory is not
        os.chmod(work, 0o755 if os.geteuid() == 0 else 0o555)
        drop = "os.setgid(65534); os.setuid(65534)" if os.geteuid() == 0 else "pass"
        script = textwrap.dedent(
            f"""
            import os, sys
            from compose_migrate import ComposeMigrateError
            from compose_migrate.writing import write_atomic
            {drop}
            try:
                write_atomic({str(p)!r}, b"new", backup=True)
            except ComposeMigrateError as exc:
                print(exc.finding.code, exc.finding.message)
                sys.exit(3)
            """
        )
        proc = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=60, cwd=ROOT)
        assert proc.returncode == 3, proc.stderr
        assert proc.stdout == f"CM004 cannot write: the directory {work} is read-only (nothing was changed)\n"
        assert p.read_bytes() == OLD
        assert _siblings(work) == {"compose.yaml"}
    finally:
        os.chmod(work, 0o700)
        for name in os.listdir(work):
            os.unlink(work / name)
        os.rmdir(work)


def test_a_full_disk_is_a_clean_error_and_no_temp_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    p = tmp_path / "compose.yaml"
    p.write_bytes(OLD)

    def no_space(fd: int) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(os, "fsync", no_space)
    with pytest.raises(ComposeMigrateError) as err:
        write_atomic(str(p), NEW)
    assert err.value.finding.message == "cannot write: No space left on device (nothing was changed)"
    assert p.read_bytes() == OLD
    assert _siblings(tmp_path) == {"compose.yaml"}


def test_a_failure_just_before_the_rename_leaves_the_original(tmp_path: Path) -> None:
    p = tmp_path / "compose.yaml"
    p.write_bytes(OLD)

    def fail() -> None:
        raise OSError(errno.EIO, os.strerror(errno.EIO))

    with pytest.raises(ComposeMigrateError, match="Input/output error"):
        write_atomic(str(p), NEW, _before_rename=fail)
    assert p.read_bytes() == OLD
    assert _siblings(tmp_path) == {"compose.yaml"}


def test_a_missing_file_is_a_clean_error(tmp_path: Path) -> None:
    with pytest.raises(ComposeMigrateError, match="cannot write: No such file or directory"):
        write_atomic(str(tmp_path / "gone.yaml"), NEW)
    assert _siblings(tmp_path) == set()


# -- killed at the worst moment ------------------------------------------------------

KILLER = textwrap.dedent(
    """
    import os, signal, sys
    from compose_migrate import writing
    path, when = sys.argv[1], sys.argv[2]
    new = open(sys.argv[3], "rb").read()
    real_replace = os.replace

    def replace_then_die(src, dst):
        real_replace(src, dst)
        os.kill(os.getpid(), signal.SIGKILL)

    if when == "after":
        writing.os.replace = replace_then_die
    hook = {"exit": lambda: os._exit(9), "kill": lambda: os.kill(os.getpid(), signal.SIGKILL)}.get(when)
    writing.write_atomic(path, new, _before_rename=hook)
    """
)


@pytest.mark.parametrize(
    ("when", "expected", "returncode"),
    [
        ("exit", OLD, 9),
        ("kill", OLD, -signal.SIGKILL),
        ("after", NEW, -signal.SIGKILL),
    ],
    ids=["os._exit before the rename", "SIGKILL before the rename", "SIGKILL right after the rename"],
)
def test_killed_writer_leaves_old_or_new_never_a_mix(
    when: str, expected: bytes, returncode: int, tmp_path: Path
) -> None:
    d = tmp_path / "project"
    d.mkdir()
    p = d / "compose.yaml"
    p.write_bytes(OLD)
    new = tmp_path / "new.bin"
    new.write_bytes(NEW)
    proc = subprocess.run(
        [sys.executable, "-c", KILLER, str(p), when, str(new)], capture_output=True, timeout=60, cwd=ROOT
    )
    assert proc.returncode == returncode, proc.stderr
    assert p.read_bytes() == expected
    leftovers = _siblings(d) - {"compose.yaml"}
    if when == "after":
        assert leftovers == set()
    else:
        # A killed process cannot clean up: at most its one complete temp file, hidden, never the original name.
        [tmp] = leftovers
        assert tmp.startswith(".compose.yaml.") and tmp.endswith(".tmp")
        assert (d / tmp).read_bytes() == NEW


def test_readers_only_ever_see_a_whole_file_while_a_writer_is_killed(tmp_path: Path) -> None:
    p = tmp_path / "compose.yaml"
    p.write_bytes(OLD)
    writer = textwrap.dedent(
        f"""
        from compose_migrate.writing import write_atomic
        old, new = {OLD!r}, {NEW!r}
        for i in range(100000):
            write_atomic({str(p)!r}, new if i % 2 == 0 else old)
        """
    )
    proc = subprocess.Popen([sys.executable, "-c", writer], cwd=ROOT)
    try:
        seen = set()
        deadline = time.monotonic() + 1.5
        reads = 0
        while time.monotonic() < deadline:
            data = p.read_bytes()
            assert data in (OLD, NEW), f"a reader saw {len(data)} bytes: a mix"
            seen.add(data)
            reads += 1
    finally:
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=30)
    assert reads > 100 and seen == {OLD, NEW}
    assert p.read_bytes() in (OLD, NEW)
    assert len(_siblings(tmp_path) - {"compose.yaml"}) <= 1


# -- through the command line -----------------------------------------------------------


def test_migrate_in_place_with_backup(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    p = tmp_path / "docker-compose.yml"
    original = "# the app\nweb:\n  image: nginx\n"
    p.write_text(original)
    os.chmod(p, 0o600)
    assert main(["migrate", "--to", "spec", "--in-place", "--backup", str(p)]) == 0
    assert f"rewrote {p} (1 -> Compose Specification)" in capsys.readouterr().err
    assert (tmp_path / "docker-compose.yml.bak").read_text() == original
    assert p.read_text().startswith("# the app\nservices:\n  web:\n")
    assert stat.S_IMODE(p.stat().st_mode) == 0o600


def test_migrate_in_place_on_a_read_only_file_changes_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    p = tmp_path / "docker-compose.yml"
    p.write_text("web:\n  image: nginx\n")
    os.chmod(p, 0o444)
    assert main(["migrate", "--to", "spec", "--in-place", "--backup", str(p)]) == 2
    err = capsys.readouterr().err
    assert f"{p}: error: cannot write: the file is read-only (nothing was changed)" in err
    assert p.read_text() == "web:\n  image: nginx\n"
    assert _siblings(tmp_path) == {"docker-compose.yml"}
