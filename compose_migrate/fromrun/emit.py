"""A `FromRunResult` written as a Compose file for a target version.

Version 1 is written directly (`v1_form`); every later version comes from the
v1 (or Specification) text run through the project's own migration rules, and
every output is checked against its version's schema.  Scalars a YAML 1.1 or
1.2 reader could misread are quoted.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ..findings import ComposeMigrateError, Finding, Severity
from ..versions import ComposeVersion
from .result import APPROX, CANNOT_HOLD, FromRunResult


@dataclass
class ComposeOutput:
    """A Compose file written from a FromRunResult."""

    text: str
    target: ComposeVersion
    route: str  # how it was made: "v1", "v1 + migrate", "spec", "spec + migrate"
    notes: list[Finding] = field(default_factory=list)


_V1_KEYS: frozenset[str] | None = None


def _v1_keys() -> frozenset[str]:
    global _V1_KEYS
    if _V1_KEYS is None:
        from ..catalog import paths_at

        prefix = "services.*."
        _V1_KEYS = frozenset(
            p[len(prefix) :]
            for p in paths_at(ComposeVersion.V1)
            if p.startswith(prefix) and "." not in p[len(prefix) :] and "[" not in p[len(prefix) :]
        )
    return _V1_KEYS


def _v1_volume(entry: Any) -> str | None:
    if isinstance(entry, str):
        return entry
    if not isinstance(entry, dict) or set(entry) - {"type", "source", "target", "read_only"}:
        return None
    if entry.get("type") not in ("bind", "volume") or "source" not in entry:
        return None
    return f"{entry['source']}:{entry['target']}" + (":ro" if entry.get("read_only") else "")


def v1_form(result: FromRunResult) -> tuple[dict[str, Any], list[str]]:
    """The version 1 document, and the paths version 1 cannot hold."""
    missing: list[str] = []
    if result.networks:
        missing.extend(f"networks.{n}" for n in result.networks)
    if any(result.volumes.get(v) for v in result.volumes):
        missing.extend(f"volumes.{n}" for n, body in result.volumes.items() if body)
    doc: dict[str, Any] = {}
    keys = _v1_keys()
    for name, svc in result.services.items():
        out: dict[str, Any] = {}
        for key, value in svc.items():
            path = f"services.{name}.{key}"
            if key == "network_mode":
                out["net"] = "container:" + value.split(":", 1)[1] if value.startswith("service:") else value
            elif key == "logging":
                if "driver" in value:
                    out["log_driver"] = value["driver"]
                if "options" in value:
                    out["log_opt"] = value["options"]
            elif key == "volumes":
                short = [_v1_volume(e) for e in value]
                if any(x is None for x in short):
                    missing.append(path)
                else:
                    out[key] = short
            elif key == "volumes_from":
                out[key] = [v.split(":", 1)[1] if v.startswith("container:") else v for v in value]
            elif key in keys:
                out[key] = value
            else:
                missing.append(path)
        doc[name] = out
    return doc, missing


def _dump(doc: dict[str, Any]) -> str:
    """YAML text with every scalar a Compose reader could misread quoted."""
    import io

    from ruamel.yaml.comments import CommentedMap, CommentedSeq
    from ruamel.yaml.scalarstring import DoubleQuotedScalarString

    from ..roundtrip import new_yaml

    def conv(value: Any, key: str = "") -> Any:
        if isinstance(value, dict):
            m = CommentedMap()
            for k, v in value.items():
                m[k] = conv(v, k)
            return m
        if isinstance(value, list):
            seq = CommentedSeq()
            for v in value:
                seq.append(conv(v, key))
            return seq
        if isinstance(value, str) and _needs_quotes(value, key):
            return DoubleQuotedScalarString(value)
        return value

    y = new_yaml()
    y.indent(mapping=2, sequence=4, offset=2)
    buf = io.StringIO()
    y.dump(conv(doc), buf)
    return buf.getvalue()


def _needs_quotes(value: str, key: str) -> bool:
    if key in ("ports", "expose"):
        return True  # `22:22` is a base-60 number to YAML 1.1 readers
    from ..yaml11 import resolve_plain_11, resolve_plain_12

    if not value:
        return True
    # Quote whatever a YAML 1.1 or 1.2 (or go-yaml) reader would not read as this very string.
    readings = (resolve_plain_11(value), resolve_plain_12(value), resolve_plain_12(value, go_yaml=True))
    return any(r != value for r in readings)


def _check(text: str, version: ComposeVersion) -> None:
    from .. import loading
    from ..validation.schema import schema_findings

    data = loading.parse(text, name="<from-run>", yaml11=version.is_legacy).data
    problems = schema_findings(data, version)
    if problems:  # our bug, never the user's: say where
        p = problems[0]
        raise ComposeMigrateError(
            Finding(
                "CM901",
                Severity.ERROR,
                f"from-run wrote a file that {version.label} rejects: {p.path or '(root)'}: {p.message}",
            )
        )


def _lacking(result: FromRunResult, target: ComposeVersion) -> list[str]:
    """Paths of the Specification form that `target`'s schema has no place for (outermost only)."""
    from ..catalog import paths_at
    from ..explain import used_paths

    have = paths_at(target)
    out: list[str] = []
    for section in ("networks", "volumes"):
        for name, body in getattr(result, section).items():
            for p in used_paths({section: {name: body}}):
                if p not in have and not any(p.startswith(q + ".") or p.startswith(q + "[") for q in out):
                    out.append(p.replace("*", name, 1))
    for name, svc in result.services.items():
        found: list[str] = []
        for p in used_paths({"services": {name: svc}}):
            if p not in have and not any(p.startswith(q + ".") or p.startswith(q + "[") for q in found):
                found.append(p)
        out.extend(p.replace("*", name, 1) for p in found)
    return out


def _cannot_hold(
    result: FromRunResult, target: ComposeVersion, paths: list[str], why: str = "", *, verb: str = "cannot hold"
) -> ComposeMigrateError:
    where = []
    for p in paths:
        parts = p.split(".")
        origin = result.origins.get((parts[1], parts[2])) if parts[0] == "services" and len(parts) > 2 else None
        where.append(f"{p} (from {origin[2]} at line {origin[0]})" if origin else p)
    first = next(
        (
            result.origins.get((p.split(".")[1], p.split(".")[2]))
            for p in paths
            if p.startswith("services.") and p.count(".") >= 2
        ),
        None,
    )
    msg = (
        f"Compose file format {target.label} cannot hold: "
        if verb == "cannot hold"
        else f"cannot write {target.label}: "
    ) + ", ".join(where)
    if why:
        msg += f" ({why})"
    return ComposeMigrateError(
        Finding(
            CANNOT_HOLD,
            Severity.ERROR,
            msg,
            line=first[0] if first else 0,
            col=first[1] if first else 0,
            file=result.file,
            hint="choose --to spec (or a version that has these keys)",
        )
    )


def _migrate(text: str, target: ComposeVersion) -> tuple[str, list[Finding]]:
    from ..api import load, migrate

    res = migrate(load(text=text, name="<from-run>"), target)
    notes = [Finding(APPROX, Severity.WARNING, f"{w.message} [{w.rule}]", path=w.path) for w in res.warnings]
    return res.output, notes


def to_compose(result: FromRunResult, version: ComposeVersion | str = ComposeVersion.SPEC) -> ComposeOutput:
    """The Compose file for `version`, validated against that version's schema.

    Version 1 is written directly.  Later versions come from the v1 text run
    through the migration rules; when the commands need a key version 1 lacks,
    from the Compose Specification text (migrated down to 3.x for 3.x
    targets).  Raises ComposeMigrateError when the target cannot hold them.
    """
    target = ComposeVersion.parse(version) if isinstance(version, str) else version
    v1_doc, missing = v1_form(result)
    notes: list[Finding] = []
    if target is ComposeVersion.V1:
        if missing:
            raise _cannot_hold(result, target, missing)
        if result.volumes:
            notes.append(
                Finding(
                    APPROX,
                    Severity.INFO,
                    "version 1 has no top-level volumes: named volumes are created on first use",
                    file=result.file,
                )
            )
        text = _dump(v1_doc)
        _check(text, target)
        return ComposeOutput(text, target, "v1", notes)
    if not missing:
        try:
            text, notes = _migrate(_dump(v1_doc), target)
            _check(text, target)
            return ComposeOutput(text, target, "v1 + migrate", notes)
        except ComposeMigrateError as exc:
            if target.major == 2:
                raise
            notes = [
                Finding(
                    APPROX,
                    Severity.INFO,
                    f"the migration rules could not carry the version 1 form "
                    f"({exc.finding.message}); written from the Compose Specification form",
                    file=result.file,
                )
            ]
    if target.major == 2:
        raise _cannot_hold(
            result, target, missing, "version 1 lacks them, and 2.x is written from version 1 only", verb="needs"
        )
    spec_text = _dump(result.document())
    _check(spec_text, ComposeVersion.SPEC)
    if target is ComposeVersion.SPEC:
        return ComposeOutput(spec_text, target, "spec", notes)
    try:
        text, more = _migrate(spec_text, target)
    except ComposeMigrateError as exc:
        lacking = _lacking(result, target)
        raise _cannot_hold(result, target, lacking or missing, exc.finding.message) from None
    _check(text, target)
    return ComposeOutput(text, target, "spec + migrate", notes + more)
