"""Plain result records shared by the library, the reporters and the CLI."""

from __future__ import annotations

import enum
from dataclasses import asdict, dataclass, field
from typing import Any


class Severity(str, enum.Enum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    def __str__(self) -> str:
        return self.value


@dataclass(frozen=True)
class Finding:
    """One problem in one file, located as precisely as we can.

    `path` uses dots and `[i]` (`services.web.ports[0]`); `line`/`col` are
    1-based, 0 when unknown (the whole file).
    """

    code: str
    severity: Severity
    message: str
    path: str = ""
    line: int = 0
    col: int = 0
    hint: str | None = None
    file: str = ""

    def to_json(self) -> dict[str, Any]:
        return {
            "code": self.code,
            "severity": str(self.severity),
            "path": self.path,
            "line": self.line,
            "col": self.col,
            "message": self.message,
            "hint": self.hint,
        }

    def where(self) -> str:
        """`file:line:col` as editors and CI annotations read it."""
        if self.line:
            return f"{self.file}:{self.line}:{self.col or 1}"
        return self.file


@dataclass(frozen=True)
class Change:
    """One edit a migration rule made (or would make)."""

    rule: str
    path: str
    message: str
    line: int = 0
    col: int = 0  # 1-based, of the path's key in the original file; 0 when unknown

    def to_json(self) -> dict[str, Any]:
        return {"rule": self.rule, "path": self.path, "line": self.line, "col": self.col, "message": self.message}

    def where(self, file: str) -> str:
        """`file:line:col` (just `file` when unlocated), as Finding.where."""
        return f"{file}:{self.line}:{self.col or 1}" if self.line else file


@dataclass(frozen=True)
class MigrationWarning:
    """Something a rule could not carry over exactly: what is lost and what to do."""

    rule: str
    path: str
    message: str
    line: int = 0
    lossy: bool = True
    col: int = 0  # 1-based, of the path's key in the original file; 0 when unknown

    def to_json(self) -> dict[str, Any]:
        return {"rule": self.rule, "path": self.path, "line": self.line, "col": self.col, "message": self.message}

    def where(self, file: str) -> str:
        """`file:line:col` (just `file` when unlocated), as Finding.where."""
        return f"{file}:{self.line}:{self.col or 1}" if self.line else file


class ComposeMigrateError(Exception):
    """The one error type the public API raises: input we cannot read or act on.

    It carries a Finding, so every caller can print `file:line:col: message`.
    """

    def __init__(self, finding: Finding) -> None:
        super().__init__(finding.message)
        self.finding = finding

    def __reduce__(self) -> tuple[type[ComposeMigrateError], tuple[Finding]]:
        # Rebuild from the finding (not the message) when sent between processes (--jobs).
        return (type(self), (self.finding,))

    def __str__(self) -> str:
        f = self.finding
        where = f.where()
        return f"{where}: {f.message}" if where else f.message


@dataclass
class DetectResult:
    file: str
    version: Any  # ComposeVersion, kept Any to avoid an import cycle in type checkers
    declared: str | None
    reason: str
    line: int = 0
    col: int = 0
    findings: list[Finding] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return {
            "file": self.file,
            "version": str(self.version),
            "declared": self.declared,
            "reason": self.reason,
        }


def as_dict(obj: Any) -> dict[str, Any]:
    return asdict(obj)
