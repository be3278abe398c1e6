"""Interpolation layer: malformed `${...}` reported where they are, and the
throwaway interpolated copy that the schema and semantic checks see.

The copy is never written back.  Without an environment every variable is
empty, so a typed field holding `${PORT}` would look like an empty string:
type problems at interpolated values are therefore dropped (Compose converts
the substituted text to the field's type after interpolation).

Codes: CM060 malformed expression, CM061 syntax the file's format does not
support, CM062 a required variable (`${X:?msg}`) unset, CM063 a variable unset
without default (only when an environment was given: with none, every
variable is unset by construction).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

import yaml

from .. import interpolation as ip
from ..findings import Finding, Severity
from ..positions import node_at
from ..versions import ComposeVersion
from ..yamlpath import format_path

MALFORMED = "CM060"
UNSUPPORTED = "CM061"
REQUIRED = "CM062"
UNSET = "CM063"

PathParts = tuple[Any, ...]


@dataclass
class Interpolated:
    data: Any
    findings: list[Finding] = field(default_factory=list)
    # Paths whose value came out of interpolation (type problems there are dropped).
    paths: set[PathParts] = field(default_factory=set)


def _locate(root: Any, path: PathParts, offset: int) -> tuple[int, int]:
    node = node_at(root, path) if root is not None else None
    if node is None:
        return 0, 0
    line, col = node.start_mark.line + 1, node.start_mark.column + 1
    if isinstance(node, yaml.ScalarNode) and node.start_mark.line == node.end_mark.line:
        # One-line scalar: point at the `$` itself (quotes shift it by one).
        col += offset + (1 if node.style in ('"', "'") else 0)
    return line, col


def interpolate_document(
    data: Any,
    version: ComposeVersion,
    root: Any,
    *,
    env: Mapping[str, str] | None,
    file: str,
) -> Interpolated:
    """The interpolated copy of `data` and the findings about its expressions."""
    result = Interpolated(data=None)
    environment: Mapping[str, str] = env if env is not None else {}
    nested = version is ComposeVersion.SPEC

    trail: list[Any] = []  # the path of the value being visited; a tuple only where a `$` is

    def visit(value: Any) -> Any:
        if isinstance(value, dict):
            out = {}
            for k, v in value.items():
                trail.append(k)
                out[k] = visit(v)
                trail.pop()
            return out
        if isinstance(value, list):
            items = []
            for i, v in enumerate(value):
                trail.append(i)
                items.append(visit(v))
                trail.pop()
            return items
        if not isinstance(value, str) or "$" not in value:
            return value
        return expand(value, tuple(trail))

    def expand(value: str, path: PathParts) -> Any:
        shown = format_path(path)
        problems = ip.find_errors(value, version=version)
        for err in problems:
            line, col = _locate(root, path, err.offset)
            code = UNSUPPORTED if err.code in (ip.UNSUPPORTED, ip.BARE_DOLLAR) else MALFORMED
            f = err.to_finding(shown, line, col, file)
            result.findings.append(Finding(code, f.severity, err.message, shown, line, col, f.hint, file))
        if problems:
            return value
        try:
            out, unset = ip.interpolate(value, environment, nested=nested)
        except ip.InterpolationError as exc:
            if exc.code == ip.REQUIRED and env is None:
                out, unset = "", []  # no environment given: cannot know
            else:
                line, col = _locate(root, path, exc.offset)
                result.findings.append(Finding(REQUIRED, Severity.ERROR, exc.message, shown, line, col, None, file))
                return value
        if env is not None:
            for name in unset:
                line, col = _locate(root, path, 0)
                result.findings.append(
                    Finding(
                        UNSET,
                        Severity.WARNING,
                        f"variable {name} is not set: defaulting to an empty string",
                        shown,
                        line,
                        col,
                        f"set {name} in the environment or the env file, or write ${{{name}:-default}}",
                        file,
                    )
                )
        if ip.has_interpolation(value):
            result.paths.add(path)
        return out

    result.data = visit(data)
    return result


def read_env_file(path: str) -> dict[str, str]:
    """KEY=VALUE lines as Compose reads an env file (comments, `export`, quotes)."""
    out: dict[str, str] = {}
    with open(path, encoding="utf-8") as fh:
        for raw in fh:
            line = raw.strip()
            if not line or line.startswith("#"):
                continue
            if line.startswith("export "):
                line = line[7:].lstrip()
            name, sep, value = line.partition("=")
            if not sep:
                continue
            value = value.strip()
            if len(value) >= 2 and value[0] == value[-1] and value[0] in "'\"":
                value = value[1:-1]
            out[name.strip()] = value
    return out
