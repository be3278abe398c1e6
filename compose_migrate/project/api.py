"""validate_project and migrate_project: a set of files checked and migrated together."""

from __future__ import annotations

import os
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

from ..findings import Change, ComposeMigrateError, Finding, MigrationWarning, Severity
from ..versions import ComposeVersion
from .checks import project_findings
from .loader import Project, load_project

if TYPE_CHECKING:
    from ..api import ValidationResult
    from ..migrations.driver import MigrationResult

MERGED_CHANGED = "CM309"
# Per-file findings the merged model answers better: a reference may be defined in another file.
_PROJECT_LEVEL = {f"CM{n}" for n in range(220, 231)} | {f"CM{n}" for n in range(300, 311)}


def is_override(project: Project, file: str) -> bool:
    """An override file: none of its services has `image` or `build` (it completes another file's)."""
    for f in project.files:
        if f.path != os.path.abspath(file) or f.doc is None:
            continue
        data = f.doc.data
        services = data.get("services") if isinstance(data, dict) and f.version is not ComposeVersion.V1 else data
        if not isinstance(services, dict) or not services:
            return f.role == "override"
        bodies = [s for k, s in services.items() if not str(k).startswith("x-")]
        return not any(isinstance(s, dict) and ("image" in s or "build" in s or "extends" in s) for s in bodies)
    return False


def validate_project(
    files: Sequence[str] | str | None = None,
    *,
    directory: str | None = None,
    env_files: Sequence[str] | None = None,
    profiles: Sequence[str] = (),
    environ: Mapping[str, str] | None = None,
) -> list[ValidationResult]:
    """One ValidationResult per file read (the project's findings filed under the file they point at).

    Each file is validated alone (YAML, interpolation, schema); reference and
    consistency checks run once, on the merged model, so an override file
    that names a service of the base file is not wrong, and a depends_on
    naming a service no file defines is reported at its own line.
    """
    from ..api import ValidationResult, validate

    if isinstance(files, str) and os.path.isdir(files):
        files, directory = None, files
    elif isinstance(files, str):
        files = [files]
    project = load_project(files, directory, env_files=env_files, profiles=profiles, environ=environ)
    results: dict[str, ValidationResult] = {}
    for pf in project.files:
        if pf.doc is None:
            continue
        r = validate(pf.doc, env=dict(project.environment))
        r.findings = [f for f in r.findings if f.code not in _PROJECT_LEVEL]
        results[pf.name] = r
    loose: list[Finding] = []
    for f in project.findings + project_findings(project):
        target = results.get(f.file)
        (target.findings if target is not None else loose).append(f)
    out = list(results.values())
    for r in out:
        r.findings.sort(key=lambda f: (f.line, f.col, f.code))
    if loose:
        out.append(ValidationResult(project.project_dir, None, loose))
    return out


def migrate_project(
    files: Sequence[str] | None,
    to: ComposeVersion | str = ComposeVersion.SPEC,
    *,
    directory: str | None = None,
    environ: Mapping[str, str] | None = None,
    env_files: Sequence[str] | None = None,
    **options: Any,
) -> list[MigrationResult]:
    """Migrate every file of the project to one target and prove the merged meaning unchanged.

    Every file keeps its own comments and layout (compose_migrate.api.migrate
    per file).  The merged models before and after are compared; each
    difference must lie under a path that some file's migration changed or
    warned about, or ComposeMigrateError (CM309) names the path.  With no
    `files`, the project is discovered in `directory` (default: current) as
    `config` and `project validate` do.
    """
    from ..api import migrate
    from ..diffing import semantic_diff, unexplained

    if not files:
        files = _discovered(directory)
    env = {} if environ is None else environ
    before = load_project(files, env_files=env_files, environ=env, interpolate=False)
    errors = [f for f in before.findings if f.severity is Severity.ERROR]
    if errors:
        raise ComposeMigrateError(errors[0])
    results: list[MigrationResult] = []
    texts: dict[str, str] = {}
    touched: list[str] = []
    for pf in before.files:
        if pf.doc is None:
            continue
        result = migrate(pf.doc, to, **options)
        result.file = pf.name
        results.append(result)
        texts[pf.path] = result.output
        v1 = result.source is ComposeVersion.V1
        items: list[Change | MigrationWarning] = [*result.changes, *result.warnings]
        for item in items:
            touched.append(
                ("services." + item.path) if v1 and item.path and not item.path.startswith("services") else item.path
            )
        for step in result.steps:
            touched += [d.path for d in step.diff]
    after = load_project(files, env_files=env_files, environ=env, interpolate=False, texts=texts)
    diff = semantic_diff(before.data, before.version, after.data, after.version)
    left = unexplained(diff, [t for t in touched if t])
    if left:
        d = left[0]
        where = before.origin(_parts(d.path)) or after.origin(_parts(d.path))
        raise ComposeMigrateError(
            Finding(
                MERGED_CHANGED,
                Severity.ERROR,
                f"the merged project changed at {d.path} and no file's migration explains it: {d.describe()}",
                d.path,
                where.line if where else 0,
                where.col if where else 0,
                file=where.file if where else "",
            )
        )
    return results


def _discovered(directory: str | None) -> list[str]:
    """The files discovery finds in `directory`; none is a located CM300 error."""
    from .loader import DEFAULT_FILES, NO_FILE, discover

    where = os.path.abspath(directory or ".")
    found, _ = discover(where)
    if not found:
        raise ComposeMigrateError(
            Finding(
                NO_FILE,
                Severity.ERROR,
                f"no Compose file found in {where} (looked for {', '.join(DEFAULT_FILES)})",
                file=where,
                hint="name a file with -f, or run in the project's directory",
            )
        )
    return found


def _parts(path: str) -> tuple[Any, ...]:
    import re

    out: list[Any] = []
    for piece in re.findall(r"[^.\[\]]+|\[\d+\]", path):
        out.append(int(piece[1:-1]) if piece.startswith("[") else piece)
    return tuple(out)
