"""The library's public functions: load, detect, validate, migrate, explain.

Nothing here prints or exits; everything returns plain dataclasses, and bad
input raises ComposeMigrateError (with a located Finding) and nothing else.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from .document import Document, load
from .findings import ComposeMigrateError, DetectResult, Finding, Severity
from .loading import DEFAULT_MAX_BYTES
from .versions import ComposeVersion

if TYPE_CHECKING:
    from .migrations.driver import MigrationResult

DocLike = Document | str | os.PathLike[str]


@dataclass
class ValidationResult:
    file: str
    version: ComposeVersion | None
    findings: list[Finding] = field(default_factory=list)

    @property
    def valid(self) -> bool:
        return not any(f.severity is Severity.ERROR for f in self.findings)

    def to_json(self) -> dict[str, Any]:
        return {
            "file": self.file,
            "version": None if self.version is None else str(self.version),
            "valid": self.valid,
            "findings": [f.to_json() for f in self.findings],
        }


def _doc(d: DocLike, max_bytes: int = DEFAULT_MAX_BYTES) -> Document:
    return d if isinstance(d, Document) else load(d, max_bytes=max_bytes)


def _version(text: str, file: str) -> ComposeVersion:
    """A user-given version string, or the API's one error type."""
    try:
        return ComposeVersion.parse(text)
    except ValueError as exc:
        raise ComposeMigrateError(Finding("CM005", Severity.ERROR, str(exc), file=file)) from None


def detect(doc: DocLike, *, max_bytes: int = DEFAULT_MAX_BYTES) -> DetectResult:
    """The file's format, why, and where that verdict comes from."""
    return _doc(doc, max_bytes).detection


def validate(
    doc: DocLike,
    version: ComposeVersion | str | None = None,
    *,
    schema: str | os.PathLike[str] | None = None,
    env: dict[str, str] | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> ValidationResult:
    """Validate against the detected (or given) version, or any JSON Schema file."""
    from .validation.run import validate_document

    d = _doc(doc, max_bytes)
    v = _version(version, d.name) if isinstance(version, str) else version
    return validate_document(d, v, schema=schema, env=env)


def migrate(
    doc: DocLike, to: ComposeVersion | str = ComposeVersion.SPEC, *, max_bytes: int = DEFAULT_MAX_BYTES, **options: Any
) -> MigrationResult:
    """Rewrite a document to a later format; the result holds the new text.

    Raises ComposeMigrateError when the file cannot be migrated (unknown
    format, a refused downgrade, or a migration that could not be proven).
    """
    from .migrations import MigrationError
    from .migrations.driver import run

    d = _doc(doc, max_bytes)
    if "base_dir" not in options and os.path.isfile(d.name):
        # Relative paths (extends `file:`, rebased build contexts) are relative to the file itself.
        options["base_dir"] = os.path.dirname(d.name) or "."
    try:
        reason = ""
        if isinstance(to, str) and to.strip().lower() == "auto":
            from .migrations.auto import choose_target

            target, reason = choose_target(d, base_dir=options.get("base_dir"))
        elif isinstance(to, str):
            target = _version(to, d.name)
        elif isinstance(to, ComposeVersion):
            target = to
        else:
            message = f"`to` must be a ComposeVersion or a version string (2.0-2.4, 3.0-3.13, spec, auto), not {to!r}"
            raise ComposeMigrateError(Finding("CM005", Severity.ERROR, message, file=d.name))
        result = run(d, target, **options)
        result.reason = reason or result.reason
        return result
    except MigrationError as exc:
        message = str(exc)
        if exc.path and message.startswith(exc.path + ": "):
            message = message[len(exc.path) + 2 :]  # the Finding carries the path: say it once
        line, col = _locate(d, exc.path)
        raise ComposeMigrateError(
            Finding("CM900", Severity.ERROR, message, path=exc.path, line=line, col=col, file=d.name)
        ) from None


def _locate(doc: Document, path: str) -> tuple[int, int]:
    """line:col of a migration path (`services.web.ports[0]`) in the ORIGINAL file, 0:0 if none.

    A path the migration created (a moved key) points at its deepest ancestor in the file.
    """
    if not path:
        return 0, 0
    parts: list[Any] = [int(i) if i else k for k, i in re.findall(r"([^.\[\]]+)|\[(\d+)\]", path)]
    data = doc.r11.data
    if doc.version is ComposeVersion.V1 and isinstance(data, dict) and "services" not in data:
        parts = parts[1:] if parts[:1] == ["services"] else parts  # rules name v1 services under `services:`
    return doc.position(tuple(parts), key=True)
