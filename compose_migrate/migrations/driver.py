"""Run a plan: each step's rules edit one round-trip tree, then we prove it.

After every step the output is read back as the step's target format reads
it, validated against that format's schema (a failure is our bug, named by
step), and compared with the step's input through the normalised semantic
model: every difference must be accounted for by a change or warning the
step recorded, or the migration fails naming the step and the path.
"""

from __future__ import annotations

import gc
import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from .. import loading
from ..findings import Change, MigrationWarning
from ..versions import ComposeVersion
from ..yamlpath import format_path
from . import RULES, STEPS, MigrationError, plan
from .base import Context, Step

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
    # The cyclic GC rescans the large round-trip and node trees a migration
    # keeps alive, again and again as it allocates: 10k services took 14.5 s
    # with it on, 4.9 s with it off.  Garbage cycles made here are collected
    # once it is back on.
    gc_was_on = gc.isenabled()
    gc.disable()
    try:
        return _run(doc, target, only=only, skip=skip, verify=verify, base_dir=base_dir)
    finally:
        if gc_was_on:
            gc.enable()


def _run(
    doc: Document,
    target: ComposeVersion,
    *,
    only: set[str] | None,
    skip: set[str] | None,
    verify: bool,
    base_dir: str,
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

    if len(steps) == 1 and SHORTCUT:
        quick = _version_line_only(doc, steps[0][0], steps[0][1], target, only, skip, verify, base_dir)
        if quick is not None:
            return quick

    from ..roundtrip import dump_tree, render

    tree, y = doc.load_tree()
    first_dump = dump_tree(tree, y)
    prev_version, prev_data = source, doc.data
    reports: list[StepReport] = []
    for step, step_target in steps:
        ctx = Context(doc=doc, tree=tree, source=prev_version, step_target=step_target, target=target)
        not_run = _apply_rules(ctx, step, step_target, only, skip, base_dir)
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


def _apply_rules(
    ctx: Context, step: Step, step_target: ComposeVersion, only: set[str] | None, skip: set[str] | None, base_dir: str
) -> list[str]:
    """Run a step's rules on ctx.tree; the rules the user left out (--only/--skip)."""
    ctx.step = step.name
    ctx.base_dir = base_dir
    not_run: list[str] = []
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
    return not_run


# --------------------------------------------------------------------------- the version-line shortcut
#
# Most one-step migrations change nothing but the root `version` line (a
# 2.x/3.x -> spec run without legacy scalars deletes it; a 3.x bump rewrites
# it).  The ruamel round trip (load, two dumps) is then nearly all the cost, so
# the rules first run dry on a comment-less tree built from the fast reader's
# nodes.  When that tree ends up unchanged except for `version`, the output is
# the original text with that one line removed or replaced, verified like any
# step (schema, semantic diff).  Anything else -- another edit, an odd layout,
# any surprise -- takes the full path.  tests/test_driver_shortcut.py holds
# both paths to the same bytes, changes and warnings on the corpus and cases.

SHORTCUT = True

# Text the comment-less dry tree might not read as ruamel does: anchors and
# aliases, merge keys, tags, directives, complex keys, tabs.
# A tab ruamel's reader refuses (after a value, say) must fail as the full path does.
_RISKY = re.compile(r"[&*\t]|<<|!|^%|^\s*\?(?:\s|$)", re.MULTILINE)


def _version_line_only(
    doc: Document,
    step: Step,
    step_target: ComposeVersion,
    target: ComposeVersion,
    only: set[str] | None,
    skip: set[str] | None,
    verify: bool,
    base_dir: str,
) -> MigrationResult | None:
    """The migration as a text edit of the version line, or None when the full path must run."""
    import yaml

    from ..roundtrip import dump_tree, new_yaml, tree_from_nodes

    source = doc.version
    assert source is not None
    text = doc.text
    node = doc.r11.node
    if _RISKY.search(text) or not isinstance(node, yaml.MappingNode) or not _plain_layout(node):
        return None
    line = _version_line(text, node)
    if line is None or not text.split("\n", 1)[0].strip():
        return None  # (ruamel drops the empty lines a file starts with, and the splice follows it)
    y = new_yaml()
    try:
        tree = tree_from_nodes(node, y)
    except Exception:
        return None
    before = _shape(tree)
    old_version = tree.get("version")
    ctx = Context(doc=doc, tree=tree, source=source, step_target=step_target, target=target)
    try:
        not_run = _apply_rules(ctx, step, step_target, only, skip, base_dir)
    except MigrationError:
        return None  # the full path says it, with the real tree
    if _shape(tree) != before:
        return None
    lines = text.splitlines(keepends=True)
    fresh = ""
    if "version" not in tree:
        # As the full path does: a first-line `version` takes the empty lines after it along.
        end = line + 1
        while line == 0 and end < len(lines) and not lines[end].strip("\r\n"):
            end += 1
        del lines[line:end]
    elif tree["version"] is not old_version:
        from ruamel.yaml.comments import CommentedMap

        fresh = dump_tree(CommentedMap([("version", tree["version"])]), y)
        if fresh.count("\n") != 1 or not lines[line].endswith("\n"):
            return None
        lines[line] = fresh.rstrip("\n") + doc.newline
    output = "".join(lines)
    data = doc.reading(step_target).data
    if output != text:
        try:
            data = loading.parse(output, name=doc.name, yaml11=step_target.is_legacy).data
        except Exception:
            return None
        if not _reads_as_edited(data, doc, step_target, fresh):
            return None
    report = StepReport(step.name, step_target, ctx.changes, ctx.warnings)
    if verify:
        left_out = _selection(not_run, only, skip)
        report.diff = _verify_step(step.name, source, doc.data, step_target, data, ctx, left_out)
    return MigrationResult(
        doc.name, source, target, output != text, output, list(ctx.changes), list(ctx.warnings), [report]
    )


def _reads_as_edited(got: Any, doc: Document, target: ComposeVersion, fresh: str) -> bool:
    """What the full path checks of its splice: the edited text reads as the original with the new version."""
    try:
        want = dict(doc.reading(target).data)
        if fresh:
            want["version"] = loading.parse(fresh, name=doc.name, yaml11=target.is_legacy).data["version"]
        else:
            del want["version"]
    except Exception:
        return False
    return isinstance(got, dict) and got == want and list(got) == list(want)


def _plain_layout(root: Any) -> bool:
    """Nothing written over several lines but block collections and block scalars.

    ruamel joins a multi-line flow collection or flow scalar into one line,
    and the full path's splice then takes ruamel's lines, not the file's.
    """
    import yaml

    stack = [root]
    while stack:
        n = stack.pop()
        if isinstance(n, yaml.ScalarNode):
            if n.start_mark.line != n.end_mark.line and n.style not in ("|", ">"):
                return False
            continue
        if n.flow_style and n.start_mark.line != n.end_mark.line:
            return False
        if isinstance(n, yaml.MappingNode):
            for k, v in n.value:
                stack.append(k)
                stack.append(v)
        else:
            stack.extend(n.value)
    return True


def _version_line(text: str, root: Any) -> int | None:
    """The 0-based line of a root `version: VALUE` written alone on its line, else None."""
    import yaml

    for key, value in root.value:
        if isinstance(key, yaml.ScalarNode) and key.value == "version":
            if key.style or key.start_mark.column != 0 or not isinstance(value, yaml.ScalarNode):
                return None
            if value.style not in ("", "'", '"') or value.end_mark.line != key.start_mark.line:
                return None
            end = text.find("\n", value.end_mark.index)
            if text[value.end_mark.index : end if end >= 0 else len(text)].strip():
                return None  # a comment after the value
            line: int = key.start_mark.line
            return line
    return None


def _shape(tree: Any) -> list[Any]:
    """All but `version` that a rule could change, by identity (the list keeps the objects alive)."""
    out: list[Any] = []

    def walk(x: Any) -> None:
        fa = getattr(x, "fa", None)
        if isinstance(x, dict):
            out.append((id(x), type(x), len(x), fa.flow_style() if fa is not None else None, x))
            for k, v in x.items():
                out.append((id(k), k))
                walk(v)
        elif isinstance(x, list):
            out.append((id(x), type(x), len(x), fa.flow_style() if fa is not None else None, x))
            # list's own iterator: CommentedSeq's (from collections.abc) indexes item by item.
            for v in list.__iter__(x):
                walk(v)
        else:
            out.append((id(x), x))

    out.append((id(tree), type(tree)))
    for k, v in tree.items():
        if k != "version":
            out.append((id(k), k))
            walk(v)
    return out


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
