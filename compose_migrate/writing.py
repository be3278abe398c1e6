"""Writing files in place without ever leaving a half-written file.

The new content goes to a temporary file in the same directory, is flushed
and fsynced, and only then renamed over the original: a reader (or a crash)
sees either the complete old file or the complete new one.  Every failure
is a ComposeMigrateError, raised before the original is touched, and the
temporary file is removed on the way out.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import stat
import tempfile
from collections.abc import Callable

from .findings import ComposeMigrateError, Finding, Severity

WRITE_ERROR = "CM004"
_ANY_WRITE = stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH


def _fail(path: str, message: str) -> ComposeMigrateError:
    return ComposeMigrateError(Finding(WRITE_ERROR, Severity.ERROR, f"{message} (nothing was changed)", file=path))


def _reason(exc: OSError) -> str:
    return exc.strerror or str(exc)


def write_atomic(
    path: str,
    data: bytes,
    *,
    backup: bool = False,
    _before_rename: Callable[[], object] | None = None,
) -> None:
    """Replace `path` with `data` atomically, keeping its mode and owner.

    A symlink is followed: its target is replaced and the link stays a link.
    With `backup`, the original content is first copied to `path + ".bak"`.
    `_before_rename` is a test hook called between fsync and rename.
    """
    real = os.path.realpath(path)
    directory = os.path.dirname(real) or "."
    try:
        st = os.stat(real)
    except OSError as exc:
        raise _fail(path, f"cannot write: {_reason(exc)}") from None
    if not stat.S_ISREG(st.st_mode):
        raise _fail(path, "cannot write: not a regular file")
    # Root passes os.access() for every file, so the mode bits are checked
    # too: a file nobody may write was made read-only on purpose.
    if not os.access(real, os.W_OK) or not st.st_mode & _ANY_WRITE:
        raise _fail(path, "cannot write: the file is read-only")
    if not os.access(directory, os.W_OK | os.X_OK):
        raise _fail(path, f"cannot write: the directory {directory} is read-only")
    if backup:
        try:
            shutil.copy2(real, path + ".bak")
        except OSError as exc:
            raise _fail(path, f"cannot write the backup {path}.bak: {_reason(exc)}") from None
    try:
        fd, tmp = tempfile.mkstemp(prefix="." + os.path.basename(real) + ".", suffix=".tmp", dir=directory)
    except OSError as exc:  # read-only filesystem, no space, permissions root lacks
        raise _fail(path, f"cannot write in {directory}: {_reason(exc)}") from None
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, stat.S_IMODE(st.st_mode))
        with contextlib.suppress(PermissionError, AttributeError):  # not root, or not POSIX
            os.chown(tmp, st.st_uid, st.st_gid)
        if _before_rename is not None:
            _before_rename()
        os.replace(tmp, real)
    except BaseException as exc:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        if isinstance(exc, OSError):  # a full disk, a vanished directory: the original is untouched
            raise _fail(path, f"cannot write: {_reason(exc)}") from None
        raise
    try:  # make the rename itself durable
        dfd = os.open(directory, os.O_RDONLY)
        try:
            os.fsync(dfd)
        finally:
            os.close(dfd)
    except OSError:  # pragma: no cover (some filesystems refuse fsync on directories)
        pass
