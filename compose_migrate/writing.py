"""Writing files in place without ever leaving a half-written file.

The new content goes to a temporary file in the same directory, is flushed
and fsynced, and only then renamed over the original: a reader (or a crash)
sees either the complete old file or the complete new one.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import stat
import tempfile

from .findings import ComposeMigrateError, Finding, Severity


def _fail(path: str, message: str) -> ComposeMigrateError:
    return ComposeMigrateError(Finding("CM003", Severity.ERROR, message, file=path))


def write_atomic(path: str, data: bytes, *, backup: bool = False, _before_rename: object = None) -> None:
    """Replace `path` with `data` atomically, keeping its mode and owner.

    A symlink is followed: its target is replaced and the link stays a link.
    `_before_rename` is a test hook called between fsync and rename.
    """
    real = os.path.realpath(path)
    directory = os.path.dirname(real) or "."
    try:
        st = os.stat(real)
    except OSError as exc:
        raise _fail(path, f"cannot write: {exc.strerror}") from None
    if not os.access(real, os.W_OK):
        raise _fail(path, "cannot write: the file is read-only (nothing was changed)")
    if not os.access(directory, os.W_OK | os.X_OK):
        raise _fail(path, "cannot write: the directory is read-only (nothing was changed)")
    if backup:
        try:
            shutil.copy2(real, real + ".bak")
        except OSError as exc:
            raise _fail(path, f"cannot write the backup: {exc.strerror}") from None
    fd, tmp = tempfile.mkstemp(prefix="." + os.path.basename(real) + ".", suffix=".tmp", dir=directory)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, stat.S_IMODE(st.st_mode))
        with contextlib.suppress(PermissionError, AttributeError):  # not root, or not POSIX
            os.chown(tmp, st.st_uid, st.st_gid)
        if callable(_before_rename):
            _before_rename()
        os.replace(tmp, real)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    try:  # make the rename itself durable
        dfd = os.open(directory, os.O_RDONLY)
        try:
            os.fsync(dfd)
        finally:
            os.close(dfd)
    except OSError:  # pragma: no cover (some filesystems refuse fsync on directories)
        pass
