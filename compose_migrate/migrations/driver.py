"""Run a plan: each step's rules edit one round-trip tree, then we prove it.

After every step the output is read back as the step's target format reads
it, validated against that format's schema (a failure is our bug, named by
step), and compared with the step's input through the normalised semantic
model: every difference must be accounted for by a change or warning the
step recorded, or the migration fails naming the step and the path.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from .. import loading
from ..findings import Change, MigrationWarning
from ..versions import ComposeVersion
from ..yamlpath import format_path
from . import RULES, STEPS, MigrationError, plan
from .base import Context

if TYPE_CHECKING:
    from ..diffing import DiffItem
    from ..document import Document


@dataclass
class StepReport:
    step: str
    target: ComposeVersion
    changes: list[Change] = field(default_factory=list)
    warnings: list[MigrationWarning] = field(default_factory=list)
    diff: list[DiffItem] = field(default_factory=list)


@dataclass
class MigrationResult:
    file: str
    source: ComposeVersion
    target: ComposeVersion
    changed: bool
    output: str
    changes: list[Change] = field(default_factory=list)
    warnings: list[MigrationWarning] = field(default_factory=list)
    steps: list[StepReport] = field(default_factory=list)
    reason: str = ""  # e.g. why --to auto picked the target

    def to_json(self) -> dict[str, Any]:
        return {
            "file": self.file,
            "from": str(self.source),
            "to": str(self.target),
            "changed": self.changed,
            "changes": [c.to_json() for c in self.changes],
            "warnings": [w.to_json() for w in self.warnings],
            "output": self.output,
        }


def run(
    doc: Document,
    target: ComposeVersion,
    *,
    only: set[str] | None = None,
    skip: set[str] | None = None,
    verify: bool = True,
    base_dir: str = ".",
) -> MigrationResult:
    source = doc.version
    if source is None:
        raise MigrationError(f"cannot migrate: format not recognised ({doc.detection.reason})")
    for name in (only or set()) | (skip or set()):
        if name not in RULES:
            raise MigrationError(f"no rule named {name!r} (see `compose-migrate list-rules`)")
    steps = plan(source, target)
    if not steps and source.major in (2, 3) and _numeric_version(doc.data):
        # Every 2.x/3.x schema wants `version` as a string: even a same-version run must quote it.
        steps = [(STEPS["v2_to_v2" if source.major == 2 else "v3_to_v3"], target)]
    if not steps:
        return MigrationResult(doc.name, source, target, False, doc.text)

    from ..roundtrip import dump_tree, render

    tree, y = doc.load_tree()
    first_dump = dump_tree(tree, y)
    prev_version, prev_data = source, doc.data
    reports: list[StepReport] = []
    for step, step_target in steps:
        ctx = Context(doc=doc, tree=tree, source=prev_version, step_target=step_target, target=target)
        ctx.step = step.name
        ctx.base_dir = base_dir
        not_run: list[str] = []  # rules of this step the user left out (--only/--skip)
        for rule in step.rules:
            if not rule.applies_to(step_target):
                continue
            if only and rule.name not in only or skip and rule.name in skip:
                not_run.append(rule.name)
                continue
            ctx.rule = rule.name
            assert rule.func is not None
            try:
                rule.func(ctx)
            except MigrationError:
                raise
            except Exception as exc:  # a rule bug must name itself, not crash the run
                raise MigrationError(
                    f"rule {rule.name} failed in step {step.name}: {type(exc).__name__}: {exc}",
                    step=step.name,
                    rule=rule.name,
                ) from exc
        report = StepReport(step.name, step_target, ctx.changes, ctx.warnings)
        text = dump_tree(tree, y)
        data = loading.parse(text, name=doc.name, yaml11=step_target.is_legacy).data
        if verify:
            left_out = _selection(not_run, only, skip)
            report.diff = _verify_step(step.name, prev_version, prev_data, step_target, data, ctx, left_out)
        reports.append(report)
        prev_version, prev_data = step_target, data

    last_dump = text  # the tree has not changed since the last step's dump (a dump is costly)
    output = render(doc.text, first_dump, last_dump, doc.newline)
    if output != doc.text and not _same_reading(output, last_dump, target, doc.name):
        # The splice could not be trusted: fall back to ruamel's own output.
        output = last_dump.replace("\n", doc.newline) if doc.newline != "\n" else last_dump
    changes = [c for r in reports for c in r.changes]
    warnings = [w for r in reports for w in r.warnings]
    return MigrationResult(doc.name, source, target, output != doc.text, output, changes, warnings, reports)


def _numeric_version(data: Any) -> bool:
    """`version: 3.10` unquoted: YAML reads a number, which no schema accepts."""
    v = data.get("version") if isinstance(data, dict) else None
    return isinstance(v, (int, float)) and not isinstance(v, bool)


def _same_reading(a: str, b: str, version: ComposeVersion, name: str) -> bool:
    try:
        pa = loading.parse(a, name=name, yaml11=version.is_legacy).data
        pb = loading.parse(b, name=name, yaml11=version.is_legacy).data
    except Exception:
        return False
    return bool(pa == pb)


def _selection(not_run: list[str], only: set[str] | None, skip: set[str] | None) -> str:
    """`--skip a, b` / `--only c`: how the user left rules of a step out, for messages ("" if not)."""
    if not not_run:
        return ""
    if skip and not only:
        return "--skip " + ", ".join(r for r in not_run if r in skip)
    return "--only " + ", ".join(sorted(only or ()))


def _format_name(v: ComposeVersion) -> str:
    return v.label if v is ComposeVersion.SPEC else f"version {v.label}"


def _plain_problem(data: Any, version: ComposeVersion, path: str, message: str) -> tuple[str, str]:
    """The first schema problem in plain words (validation's narrowed form), else the raw one."""
    from ..validation.schema import problems

    found = problems(data, version)
    return (format_path(found[0].path), found[0].message) if found else (path, message)


def _verify_step(
    step: str,
    before_v: ComposeVersion,
    before: Any,
    after_v: ComposeVersion,
    after: Any,
    ctx: Context,
    left_out: str = "",
) -> list[DiffItem]:
    from ..diffing import semantic_diff, unexplained
    from ..fastcheck import is_valid
    from ..validation.schema import problems as schema_problems
    from ..validation.schema import schema_findings

    # The generated yes/no validator first: jsonschema only to name the problem.
    problems = [] if is_valid(after, after_v) else schema_findings(after, after_v)
    if problems:
        source = ctx.doc.version
        own = schema_findings(ctx.doc.data, source) if source is not None else []
        if own and source is not None:
            # Garbage in: say so, instead of blaming the step.
            q = own[0]
            path, message = _plain_problem(ctx.doc.data, source, q.path, q.message)
            raise MigrationError(
                f"cannot migrate: the file is not valid {_format_name(source)} "
                f"({path or '(root)'}: {message}); fix it first (see `compose-migrate validate`)",
                step=step,
                path=path,
            )
        path, message = _plain_problem(after, after_v, problems[0].path, problems[0].message)
        if left_out:
            # The user's rule selection, not the tool, left the file invalid: say so plainly.
            unknown = next((p for p in schema_problems(after, after_v) if p.code == "CM201"), None)
            what = (
                f"{format_path(unknown.path)} stays and {after_v.label} does not accept it"
                if unknown is not None
                else f"{path or '(root)'}: {message} in {after_v.label}"
            )
            raise MigrationError(f"with {left_out}, {what}; run without it or edit that by hand", step=step, path=path)
        raise MigrationError(
            f"step {step} produced a file that {after_v.label} rejects: {path or '(root)'}: {message} "
            "(this is a compose-migrate bug: please report it)",
            step=step,
            path=path,
        )
    diff = semantic_diff(before, before_v, after, after_v)
    missing = unexplained(diff, ctx.touched)
    if missing:
        d = missing[0]
        raise MigrationError(
            f"step {step} changed {d.path} ({d.kind}) without a recorded change or warning",
            step=step,
            path=d.path,
        )
    return diff
