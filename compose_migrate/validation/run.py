"""validate(): every layer for one document, findings located and sorted by position.

Layers, in the order they are trusted: detection (version problems), YAML
(tabs, YAML 1.1 pitfalls), interpolation, schema (narrowed, with hints),
semantics.  When an earlier layer already explains a path with an error
(`yes` read as a boolean), the schema's error at that same path is dropped:
one cause, one finding.
"""

from __future__ import annotations

import gc
import os
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any

import yaml

from ..findings import Finding, Severity
from ..positions import find_in_mapping, written_path
from ..versions import ComposeVersion
from ..yamlpath import format_path

if TYPE_CHECKING:
    from ..api import ValidationResult
    from ..document import Document
    from .schema import PathParts, Problem

UNKNOWN_FORMAT = "CM100"


def locate(doc: Document, path: PathParts, at_key: bool) -> tuple[int, int]:
    """Where a finding about `path` points (cases README conventions).

    A wrong scalar: the scalar.  A sequence item: the item.  Otherwise (null,
    block mapping or sequence, unknown key): the key.
    """
    return Locator(doc).locate(path, at_key)


class Locator:
    """`locate` for the many findings of one document, with a key index per mapping node.

    `positions.node_at` scans a mapping for each key: with one finding per service
    in a 10k-service file (duplicate host ports) that was quadratic.
    """

    def __init__(self, doc: Document) -> None:
        self.root = doc.r11.node
        self._index: dict[int, dict[str, tuple[Any, Any]]] = {}

    def _find(self, node: Any, part: Any) -> tuple[Any, Any] | None:
        idx = self._index.get(id(node))
        if idx is None:
            idx = {}
            for k, v in node.value:
                if isinstance(k, yaml.ScalarNode) and k.tag != "tag:yaml.org,2002:merge":
                    idx.setdefault(str(k.value), (k, v))  # the first written wins, as in node_at
            self._index[id(node)] = idx
        # Keys read as YAML 1.1 booleans and `<<` merges: node_at's own (rare, linear) search.
        return idx.get(str(part)) or find_in_mapping(node, part)

    def node_at(self, path: PathParts, *, key: bool = False) -> Any:
        node = self.root
        for i, part in enumerate(path):
            if isinstance(node, yaml.MappingNode):
                found = self._find(node, part)
                if found is None:
                    return None
                node = found[0] if key and i == len(path) - 1 else found[1]
            elif isinstance(node, yaml.SequenceNode) and isinstance(part, int) and 0 <= part < len(node.value):
                node = node.value[part]
            else:
                return None
        return node

    def position(self, path: PathParts, *, key: bool = False) -> tuple[int, int]:
        for cut in range(len(path), -1, -1):
            node = self.node_at(path[:cut], key=key and cut == len(path))
            if node is not None:
                return node.start_mark.line + 1, node.start_mark.column + 1
        return 1, 1

    def locate(self, path: PathParts, at_key: bool) -> tuple[int, int]:
        if self.root is None or not path:
            return 1, 1
        if at_key:
            return self.position(path, key=True)
        if isinstance(path[-1], int):
            return self.position(path)
        node = self.node_at(path)
        if isinstance(node, yaml.ScalarNode) and node.tag != "tag:yaml.org,2002:null":
            return node.start_mark.line + 1, node.start_mark.column + 1
        return self.position(path, key=True)


def _schema_layer(
    doc: Document,
    version: ComposeVersion | None,
    data: Any,
    validator: Any,
    interpolated: set[PathParts],
    where: Callable[[PathParts, bool], tuple[int, int]],
    *,
    json_shaped: bool = False,
) -> list[Finding]:
    if validator is None and version is not None:
        from ..fastcheck import is_valid

        if is_valid(data, version, json_shaped=json_shaped):
            return []  # the generated yes/no validator: jsonschema only to explain a "no"
    from .hints import hint_for, version_reason
    from .schema import BAD_VALUE, DUPLICATE_ITEM, UNKNOWN_KEY, WRONG_TYPE, problems

    out: list[Finding] = []
    for p in problems(data, version, validator):
        if p.path in interpolated and (
            p.code == BAD_VALUE or (p.code == WRONG_TYPE and not set(p.expected) <= {"object", "array"})
        ):
            continue  # `${PORT}` in a number field: the engine casts it after interpolation
        if (
            p.code == DUPLICATE_ITEM
            and any(q[: len(p.path)] == p.path for q in interpolated)
            and _unique_as_written(doc, p.path)
        ):
            continue  # `$PORT1`, `$PORT2` are equal only while both are unset
        line, col = where(p.path, p.at_key)
        message = _with_subject(p)
        hint = hint_for(p, version, data) if validator is None else None
        known = version_reason(p, version) if p.code == UNKNOWN_KEY and version and validator is None else None
        if known is not None:
            # "`x-common` is not allowed in format 3.3: needs version >= 3.4"
            assert version is not None
            message = f"`{p.path[-1]}` is not allowed in format {version.label}: {known[0]}"
            hint = known[1]
        shown = format_path(written_path(doc.r11.node, p.path))  # `OFF:` as written, not "false"
        out.append(Finding(p.code, Severity.ERROR, message, shown, line, col, hint, doc.name))
    return out


def _unique_as_written(doc: Document, path: PathParts) -> bool:
    """True when the list's items differ in the file itself (before interpolation)."""
    from ..yamlpath import get

    items = get(doc.data, path)
    if not isinstance(items, list):
        return True
    seen = [repr(i) for i in items]
    return len(seen) == len(set(seen))


def _with_subject(p: Problem) -> str:
    """Messages read as sentences about the named key: "`ports[1]` should be ..."."""
    if p.message.startswith("`") or not p.path:
        return p.message
    last = p.path[-1]
    subject = f"item {last}" if isinstance(last, int) else f"`{last}`"
    return f"{subject} {p.message}"


def validate_document(
    doc: Document,
    version: ComposeVersion | None = None,
    *,
    schema: str | os.PathLike[str] | None = None,
    env: Mapping[str, str] | None = None,
) -> ValidationResult:
    # The layers build many short-lived objects beside the document's large,
    # acyclic trees; with the cyclic GC on, it rescans those trees again and
    # again (10k services: ~2 s of ~4).  Garbage cycles made here are
    # collected once it is back on.
    gc_was_on = gc.isenabled()
    gc.disable()
    try:
        return _validate_document(doc, version, schema=schema, env=env)
    finally:
        if gc_was_on:
            gc.enable()


def _validate_document(
    doc: Document,
    version: ComposeVersion | None,
    *,
    schema: str | os.PathLike[str] | None,
    env: Mapping[str, str] | None,
) -> ValidationResult:
    from ..api import ValidationResult
    from .interp import Interpolated, interpolate_document
    from .references import reference_findings
    from .semantic import UNDEFINED_SERVICE, semantic_findings
    from .yamlcheck import pitfall_findings, tab_findings

    det = doc.detection
    early: list[Finding] = list(det.findings)
    v = version if version is not None else det.version
    validator = None
    if schema is not None:
        from .schema import load_schema_file  # jsonschema: only for --schema

        validator = load_schema_file(schema)
    if v is None and validator is None:
        early.append(Finding(UNKNOWN_FORMAT, Severity.ERROR, det.reason, line=det.line, col=det.col, file=doc.name))
        return ValidationResult(doc.name, None, early)
    reading_version = v if v is not None else ComposeVersion.SPEC
    early += tab_findings(doc.text, reading_version, file=doc.name)
    early += pitfall_findings(doc.r11.node, reading_version, file=doc.name)

    reading = doc.reading(reading_version)
    data = reading.data
    if "$" in doc.text or "\\" in doc.text:
        interp = interpolate_document(data, reading_version, doc.r11.node, env=env, file=doc.name)
    else:
        # No `$` in the text (nor an escape that could write one): no value holds
        # an expression, and the copy would equal `data`, which no layer changes.
        interp = Interpolated(data=data)
    early += interp.findings

    where = Locator(doc).locate  # one key index for every finding of this document
    # Interpolation replaces strings by strings: the keys stay as the reading built them.
    shaped = reading.json_shaped
    schema_found = _schema_layer(doc, v, interp.data, validator, interp.paths, where, json_shaped=shaped)
    semantic: list[Finding] = []
    if v is not None and validator is None:
        semantic = semantic_findings(interp.data, v, file=doc.name, locate=where)
        refs = reference_findings(doc, where, env=env)
        if refs:
            # The loader's CM303 says more than our CM220 about an extends target.
            covered = tuple(f.path for f in refs)
            semantic = [f for f in semantic if not (f.code == UNDEFINED_SERVICE and f.path.startswith(covered))]
            semantic += refs

    explained = {f.path for f in early if f.severity is Severity.ERROR and f.path}
    schema_found = [f for f in schema_found if f.path not in explained]
    schema_paths = {f.path for f in schema_found}
    # A detection warning (`name` beside `version: 3.8`) is subsumed by the schema error there.
    early = [f for f in early if not (f.severity is not Severity.ERROR and f.path in schema_paths)]
    findings = early + schema_found + semantic
    findings.sort(key=lambda f: (f.line, f.col, f.code))
    return ValidationResult(doc.name, v, findings)
