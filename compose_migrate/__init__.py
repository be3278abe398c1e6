"""compose-migrate: detect, validate and migrate Docker Compose files of every format.

Public API (everything else is internal and may move):

    load(path) -> Document          detect(doc) -> DetectResult
    validate(doc, version=None)     migrate(doc, to="spec") -> MigrationResult

Bad input raises ComposeMigrateError, which carries a located Finding.
"""

from __future__ import annotations

# Bind the submodule first: importing `compose_migrate.detect` later would
# otherwise replace the public detect() function with the module of that name.
from . import detect as _detect_module  # noqa: F401
from .api import ValidationResult, detect, load, migrate, validate
from .findings import Change, ComposeMigrateError, DetectResult, Finding, MigrationWarning, Severity
from .versions import ComposeVersion

__all__ = [
    "Change",
    "ComposeMigrateError",
    "ComposeVersion",
    "DetectResult",
    "Finding",
    "MigrationWarning",
    "Severity",
    "ValidationResult",
    "detect",
    "load",
    "migrate",
    "validate",
]
__version__ = "0.1.0"
