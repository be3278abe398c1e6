"""YAML layer: what the reader of the file's format would trip on.

Syntax errors and duplicate keys are refused by the loader (loading.py) and
reported from there.  Here:

* tabs: docker-compose 1.x read legacy files with PyYAML's pure-Python
  scanner, which refuses a tab anywhere a token could start (after a value,
  before a comment); libyaml and go-yaml accept it.  For legacy formats we run
  that same scanner when the text has a tab (case 015);
* YAML 1.1 pitfalls of plain scalars (base-60 ports, yes/no/on/off in
  environment and labels, modes, unquoted dates), from compose_migrate/yaml11.py;
* in legacy files, plain keys that YAML 1.1 reads as a boolean, number or
  null (`OFF:` is the key False for docker-compose 1.x); in spec files, keys
  go-yaml reads so, which Compose v2 refuses (CM049).

Codes: CM048 date, CM049 key, CM050 tab, CM051-CM058 pitfalls (see PITFALL_CODES).
"""

from __future__ import annotations

from typing import Any

import yaml

from .. import yaml11
from ..findings import Finding, Severity
from ..versions import ComposeVersion
from ..yamlpath import format_path

TAB = "CM050"

PITFALL_CODES = {
    yaml11.BASE60: "CM051",
    yaml11.BOOL_STRING: "CM052",
    yaml11.SHORT_BOOL: "CM053",
    yaml11.NUMBER_STRING: "CM054",
    yaml11.OCTAL_MODE: "CM055",
    yaml11.DECIMAL_MODE: "CM056",
    yaml11.MODE_0O: "CM057",
    yaml11.VALUE_KEY: "CM058",
    yaml11.DATE: "CM048",
}


def tab_findings(text: str, version: ComposeVersion, *, file: str) -> list[Finding]:
    """Tabs that the Python scanner of docker-compose 1.x refused (legacy formats only)."""
    if "\t" not in text or not version.is_legacy:
        return []
    try:
        for _ in yaml.scan(text, Loader=yaml.SafeLoader):  # pure-Python scanner, as in 1.x
            pass
    except yaml.MarkedYAMLError as exc:
        problem = str(exc.problem or "")
        mark = exc.problem_mark
        if "\\t" not in problem and "tab" not in problem or mark is None:
            return []
        return [
            Finding(
                TAB,
                Severity.ERROR,
                f"a tab character here: docker-compose 1.x (which reads {version.label} files) refuses it "
                "(found character '\\t' that cannot start any token)",
                line=mark.line + 1,
                col=mark.column + 1,
                hint="replace the tab with spaces, or remove it",
                file=file,
            )
        ]
    return []


# Only a plain scalar starting with one of these can be read as anything but
# its text (yaml11.pitfalls and key_reading_11 return nothing for the rest).
_VALUE_FIRST = frozenset("-+.0123456789yYnNoOtTfF=")
_KEY_FIRST = frozenset("-+.0123456789yYnNoOtTfF~")


def _candidates(root: Any) -> list[tuple[bool, tuple[Any, ...], Any]]:
    """(is_key, path as written, scalar node) for every plain scalar that may be a
    trap, value or mapping key; each node once (aliases share nodes).

    Paths are built only for these few nodes, not for every node of the tree.
    """
    out: list[tuple[bool, tuple[Any, ...], Any]] = []
    path: list[Any] = []
    seen: set[int] = set()
    scalar, mapping, sequence = yaml.ScalarNode, yaml.MappingNode, yaml.SequenceNode
    first = _VALUE_FIRST

    def trap(node: Any) -> bool:
        # Plain, starting like a non-string, and not seen before (an alias of a scalar).
        text = node.value
        return not node.style and bool(text) and text[0] in _VALUE_FIRST and id(node) not in seen

    def visit(node: Any) -> None:
        # Scalars are handled in their parent's loop (a call per node is most of the cost);
        # shared nodes are walked once.
        if id(node) in seen:
            return
        seen.add(id(node))
        if type(node) is mapping:
            for k, v in node.value:
                if type(k) is not scalar or k.tag == "tag:yaml.org,2002:merge":
                    continue
                text = k.value
                if not k.style and (not text or text[0] in _KEY_FIRST):
                    out.append((True, (*path, text), k))
                if type(v) is not scalar:
                    path.append(text)
                    visit(v)
                    path.pop()
                elif not v.style and v.value and v.value[0] in first and id(v) not in seen:  # trap(v), inline
                    seen.add(id(v))
                    out.append((False, (*path, text), v))
        elif type(node) is sequence:
            for i, item in enumerate(node.value):
                if type(item) is not scalar:
                    path.append(i)
                    visit(item)
                    path.pop()
                elif not item.style and item.value and item.value[0] in first and id(item) not in seen:
                    seen.add(id(item))
                    out.append((False, (*path, i), item))

    if type(root) is scalar:
        if trap(root):
            out.append((False, (), root))
    else:
        visit(root)
    return out


def key_reading_11(text: str) -> object | None:
    """What PyYAML makes of a plain key when that is not the written text (None: the text itself)."""
    value = yaml11.resolve_plain_11(text)
    if isinstance(value, str) or type(value) not in (bool, int, float, type(None)):
        return None  # text, or a timestamp (docker-compose 1.x schemas refuse those anyway)
    if isinstance(value, (int, float)) and not isinstance(value, bool) and str(value) == text:
        return None  # `8080:` is the number 8080, written the same as its text
    return value


def _key_finding(path: tuple[Any, ...], node: Any, file: str) -> Finding | None:
    # A key is a string for every Compose reader except PyYAML (docker-compose
    # 1.x), which reads `OFF:` as the key False: a variable, label or service
    # named "False", not what the file says.
    old = key_reading_11(str(node.value))
    if old is None and node.value not in ("", "~", "null", "Null", "NULL"):
        return None
    text = str(node.value)
    if isinstance(old, bool):
        code, seen = PITFALL_CODES[yaml11.BOOL_STRING], f"the boolean {str(old).lower()}"
    elif old is None:
        code, seen = PITFALL_CODES[yaml11.NUMBER_STRING], "null (None)"
    else:
        code, seen = PITFALL_CODES[yaml11.NUMBER_STRING], f"the number {old}"
    return Finding(
        code,
        Severity.ERROR,
        f"the key {text} is {seen} under YAML 1.1: docker-compose 1.x (which reads legacy formats) "
        f'sees the key {old!r}, not the text "{text}"',
        format_path(path),
        node.start_mark.line + 1,
        node.start_mark.column + 1,
        f'quote it as "{text}"',
        file,
    )


def _key_finding_12(path: tuple[Any, ...], node: Any, file: str) -> Finding | None:
    # go-yaml reads `8080:` as the key 8080; Compose v2 then refuses the file
    # ("non-string key"), wherever the mapping is, extensions included.
    text = str(node.value)
    value = yaml11.resolve_plain_12(text, go_yaml=True)
    if isinstance(value, str) and not yaml11.go_timestamp(text):
        return None
    if isinstance(value, bool):
        what = "a boolean"
    elif isinstance(value, (int, float)):
        what = "a number"
    else:
        what = "null" if value is None else "a date"
    return Finding(
        "CM049",
        Severity.ERROR,
        f"the key {text or '(empty)'} is {what} for Compose v2, which refuses a key that is not a string",
        format_path(path),
        node.start_mark.line + 1,
        node.start_mark.column + 1,
        f'quote it as "{text}"',
        file,
    )


def pitfall_findings(root: Any, version: ComposeVersion, *, file: str) -> list[Finding]:
    """YAML 1.1 / 1.2 traps in unquoted scalars (values and keys), located at the scalar."""
    if root is None:
        return []
    out: list[Finding] = []
    legacy = version.is_legacy
    # Quoted and block scalars are strings for every reader: only plain ones are looked at.
    for is_key, path, node in _candidates(root):
        if is_key:
            found = _key_finding(path, node, file) if legacy else _key_finding_12(path, node, file)
            if found is not None:
                out.append(found)
            continue
        text_path = format_path(path)
        for p in yaml11.pitfalls(str(node.value), text_path, legacy=legacy):
            code = PITFALL_CODES.get(p.code, "CM059")
            out.append(
                Finding(
                    code,
                    p.severity,
                    p.message,
                    text_path,
                    node.start_mark.line + 1,
                    node.start_mark.column + 1,
                    p.hint,
                    file,
                )
            )
    return out


def path_at(text: str, line: int, col: int) -> str:
    """The dotted path of the key or value starting at 1-based `line`:`col` ("" if none).

    Used to name the path of a loader error (a duplicate key) that was refused
    before any tree existed: PyYAML's composer does not refuse duplicates.
    """
    try:
        root = yaml.compose(text, Loader=yaml.CSafeLoader if hasattr(yaml, "CSafeLoader") else yaml.SafeLoader)
    except yaml.YAMLError:
        return ""
    want = (line - 1, col - 1)
    stack: list[tuple[Any, tuple[Any, ...]]] = [(root, ())]
    while stack:
        node, path = stack.pop()
        if isinstance(node, yaml.MappingNode):
            for k, v in node.value:
                kp = (*path, getattr(k, "value", "?"))
                if (k.start_mark.line, k.start_mark.column) == want:
                    return format_path(kp)
                stack.append((v, kp))
        elif isinstance(node, yaml.SequenceNode):
            for i, item in enumerate(node.value):
                stack.append((item, (*path, i)))
    return ""
