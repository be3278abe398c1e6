"""Reading Compose files: bytes -> text -> YAML nodes -> plain data.

Two YAML readers serve two needs (design.md, "Load"):

* a fast C-backed reader (PyYAML on libyaml) gives the plain data and the
  node positions every check needs; it reads YAML 1.1 for legacy formats
  (as docker-compose 1.x did) or YAML 1.2 core for the Compose
  Specification (as go-yaml does);
* ruamel.yaml's round-trip reader, only when a file is rewritten
  (see document.py), because it keeps comments and quoting.

Everything a hostile or broken file can do to us is refused here, before it
costs much, as a ComposeMigrateError carrying a located Finding.
"""

from __future__ import annotations

import gc
import os
import re
import stat
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import yaml

from .construct import STR_TAG, Unusual, construct, go_yaml_value, read_again_12, scalar_builder
from .findings import ComposeMigrateError, Finding, Severity

# Limits that keep a hostile file cheap to refuse.  Each can be raised by the
# caller (and the CLI) when a real project needs it.
DEFAULT_MAX_BYTES = 10 * 1024 * 1024
DEFAULT_MAX_NODES = 1_000_000  # nodes after alias expansion (alias bombs)
DEFAULT_MAX_DEPTH = 200  # libyaml itself stops at 1000
# YAML allows a plain (implicit) key up to 1024 characters; a longer key can
# only be written with `?` and is never a real service, variable or label name.
MAX_KEY_CHARS = 1024

COMPOSE_TAGS = ("!reset", "!override")
_CORE = "tag:yaml.org,2002:"
# Every tag a plain Compose file can carry once resolved; anything else was
# written explicitly (`!!python/object`, `!!binary`, `!!set`, a custom `!tag`)
# and is refused: engines would not read it the same way, and some tags run code.
ALLOWED_TAGS = frozenset(
    [_CORE + t for t in ("str", "int", "float", "bool", "null", "map", "seq", "merge")] + list(COMPOSE_TAGS)
)


def _error(code: str, message: str, name: str, line: int = 0, col: int = 0, hint: str | None = None) -> Any:
    return ComposeMigrateError(Finding(code, Severity.ERROR, message, line=line, col=col, hint=hint, file=name))


# --------------------------------------------------------------------------
# Source text
# --------------------------------------------------------------------------


@dataclass(frozen=True)
class Source:
    """A file's text as we will hand it back: BOM and line endings remembered."""

    name: str
    text: str  # decoded, without the BOM
    bom: bool
    newline: str  # "\n" or "\r\n": what the file mostly uses


def read_source(path: str, *, max_bytes: int = DEFAULT_MAX_BYTES, display: str | None = None) -> Source:
    """Read one file (or `-` for stdin) with every I/O failure as a clean error."""
    name = display or path
    if path == "-":
        import sys

        data = sys.stdin.buffer.read(max_bytes + 1)
        # `-`: what the user typed, and what migrate and detect show
        return decode_source(data, name=display or "-", max_bytes=max_bytes)
    try:
        st = os.stat(path)
    except FileNotFoundError:
        raise _error("CM001", "no such file", name) from None
    except PermissionError:
        raise _error("CM001", "permission denied", name) from None
    except OSError as exc:
        raise _error("CM001", f"cannot read: {exc.strerror or exc}", name) from None
    if stat.S_ISDIR(st.st_mode):
        raise _error(
            "CM001",
            "is a directory, not a Compose file, and no Compose file was found in it",
            name,
            hint="Compose files are named compose.yaml, compose.yml, docker-compose.yml or docker-compose.yaml",
        )
    if not stat.S_ISREG(st.st_mode):
        # A FIFO or device would block or never end: refuse before opening.
        raise _error("CM001", "not a regular file (FIFO, socket or device)", name)
    if st.st_size > max_bytes:
        raise _error(
            "CM002",
            f"file is {st.st_size} bytes, over the size limit of {max_bytes} bytes",
            name,
            hint="raise the limit with --max-bytes if this really is a Compose file",
        )
    try:
        with open(path, "rb") as fh:
            data = fh.read(max_bytes + 1)
    except PermissionError:
        raise _error("CM001", "permission denied", name) from None
    except OSError as exc:
        raise _error("CM001", f"cannot read: {exc.strerror or exc}", name) from None
    return decode_source(data, name=name, max_bytes=max_bytes)


def decode_source(data: bytes, *, name: str, max_bytes: int = DEFAULT_MAX_BYTES) -> Source:
    """Decode bytes as UTF-8 (BOM allowed), refusing what is not text."""
    if len(data) > max_bytes:
        raise _error("CM002", f"input is over the size limit of {max_bytes} bytes", name)
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise _error(
            "CM003",
            "file is UTF-16 encoded; Compose files must be UTF-8",
            name,
            line=1,
            col=1,
            hint="save the file as UTF-8",
        )
    bom = data.startswith(b"\xef\xbb\xbf")
    if bom:
        data = data[3:]
    nul = data.find(b"\x00")
    if nul >= 0:
        line, col = _byte_position(data, nul)
        raise _error("CM003", "file contains a NUL byte: this is binary data, not YAML", name, line, col)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line, col = _byte_position(data, exc.start)
        raise _error("CM003", f"invalid UTF-8 (byte 0x{data[exc.start]:02x})", name, line, col) from None
    crlf = text.count("\r\n")
    newline = "\r\n" if crlf and crlf * 2 >= text.count("\n") else "\n"
    return Source(name=name, text=text, bom=bom, newline=newline)


def _byte_position(data: bytes, offset: int) -> tuple[int, int]:
    line = data.count(b"\n", 0, offset) + 1
    start = data.rfind(b"\n", 0, offset) + 1
    return line, offset - start + 1


# --------------------------------------------------------------------------
# Fast readers: PyYAML on libyaml, with YAML 1.1 or YAML 1.2 core resolution
# --------------------------------------------------------------------------

try:
    from yaml.cyaml import CParser as _Parser
except ImportError:  # pragma: no cover (PyYAML built without libyaml: slower, same results)

    class _Parser(yaml.reader.Reader, yaml.scanner.Scanner, yaml.parser.Parser, yaml.composer.Composer):  # type: ignore[no-redef]
        def __init__(self, stream: str) -> None:
            yaml.reader.Reader.__init__(self, stream)
            yaml.scanner.Scanner.__init__(self)
            yaml.parser.Parser.__init__(self)
            yaml.composer.Composer.__init__(self)


class _Resolver11(yaml.resolver.Resolver):
    """YAML 1.1 as docker-compose read it, minus timestamps and the `=` value key.

    Timestamps stay strings (as every Compose engine's schema expects them).
    A plain `=` is the string "=" here: PyYAML's `!!value` tag, which no
    constructor accepts, made docker-compose 1.x fail on it, and the YAML 1.1
    reading is also how every file is first detected.  yamlcheck reports the
    `=` of a legacy file instead (CM058)."""

    def resolve(self, kind: Any, value: Any, implicit: Any) -> Any:
        # The composer asks for every scalar; the answer for a plain one
        # depends on its text alone (this resolver has no path resolvers).
        if kind is yaml.ScalarNode and implicit[0]:
            tag = _TAGS_11.get(value)
            if tag is None:
                if len(_TAGS_11) > 50_000:
                    _TAGS_11.clear()  # a hostile file must not grow it without bound
                tag = _TAGS_11[value] = super().resolve(kind, value, implicit)
            return tag
        return super().resolve(kind, value, implicit)


_TAGS_11: dict[str, str] = {}
_Resolver11.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag not in (_CORE + "timestamp", _CORE + "value")]
    for first, resolvers in yaml.resolver.Resolver.yaml_implicit_resolvers.items()
}


class _Resolver12(yaml.resolver.BaseResolver):
    """YAML 1.2 core schema as go-yaml v3 reads it for the Compose Specification.

    No yes/no/on/off booleans and no base-60 numbers; what go-yaml adds to the
    core schema is kept: `0440` is octal, `0b101` and `1_000` are numbers,
    `08` is the float 8 (yaml11.resolve_plain_12 says how).  Merge keys
    resolve in YAML 1.2 documents too, as in go-yaml."""

    def resolve(self, kind: Any, value: Any, implicit: Any) -> Any:
        if kind is yaml.ScalarNode and implicit[0]:
            if value == "<<":
                return _CORE + "merge"
            return _TAG_OF[type(go_yaml_value(value))]
        return super().resolve(kind, value, implicit)


_TAG_OF = {str: _CORE + "str", int: _CORE + "int", float: _CORE + "float", bool: _CORE + "bool"}
_TAG_OF[type(None)] = _CORE + "null"


class _Constructor(yaml.constructor.SafeConstructor):
    """Safe construction; Compose's own tags read as their plain value."""

    def construct_yaml_int(self, node: Any) -> Any:
        # PyYAML does not know the YAML 1.2 `0o` prefix; Python's int() does.
        value = str(node.value).replace("_", "")
        if value.startswith("0o"):
            return int(value[2:], 8)
        return super().construct_yaml_int(node)


_Constructor.add_constructor("tag:yaml.org,2002:int", _Constructor.construct_yaml_int)


def _construct_compose_tag(loader: Any, node: Any) -> Any:
    if isinstance(node, yaml.MappingNode):
        return loader.construct_mapping(node)
    if isinstance(node, yaml.SequenceNode):
        return loader.construct_sequence(node)
    return loader.construct_scalar(node)


for _t in COMPOSE_TAGS:
    _Constructor.add_constructor(_t, _construct_compose_tag)


class _Constructor12(_Constructor):
    """Numbers as go-yaml v3 reads them (the resolver above picked the tag the same way)."""

    def construct_yaml_int(self, node: Any) -> Any:
        value = go_yaml_value(node.value) if not node.style else None
        return value if type(value) is int else super().construct_yaml_int(node)

    def construct_yaml_float(self, node: Any) -> Any:
        value = go_yaml_value(node.value) if not node.style else None
        return value if type(value) is float else super().construct_yaml_float(node)


_Constructor12.add_constructor(_CORE + "int", _Constructor12.construct_yaml_int)
_Constructor12.add_constructor(_CORE + "float", _Constructor12.construct_yaml_float)


class _Constructor11(_Constructor):
    """PyYAML's numbers; a plain one it resolves but cannot build (`0x_`, `0b_`) stays text.

    docker-compose 1.x failed on such a file; keeping the text lets a spec file
    (first read this way to detect it) be read at all, and yamlcheck reports it
    in a legacy file, located (CM058).  Numbers of thousands of digits are
    still refused here: they are hostile, not mistyped.
    """

    def construct_yaml_int(self, node: Any) -> Any:
        try:
            return super().construct_yaml_int(node)
        except ValueError:
            if node.style or len(node.value) > 100:
                raise
            return node.value

    def construct_yaml_float(self, node: Any) -> Any:
        try:
            return super().construct_yaml_float(node)
        except ValueError:
            if node.style or len(node.value) > 100:
                raise
            return node.value


_Constructor11.add_constructor(_CORE + "int", _Constructor11.construct_yaml_int)
_Constructor11.add_constructor(_CORE + "float", _Constructor11.construct_yaml_float)


def _quiet_path_hooks(loader: Any) -> None:
    # The composer calls descend_resolver(parent, index) and ascend_resolver()
    # around every node, for path resolvers; these loaders have none, and a
    # builtin that does nothing costs a fraction of a Python call.
    loader.descend_resolver = {}.get
    loader.ascend_resolver = [].clear


class Loader11(_Parser, _Constructor11, _Resolver11):
    def __init__(self, stream: str) -> None:
        _Parser.__init__(self, stream)
        _Constructor11.__init__(self)
        _Resolver11.__init__(self)
        _quiet_path_hooks(self)


class Loader12(_Parser, _Constructor12, _Resolver12):
    def __init__(self, stream: str) -> None:
        _Parser.__init__(self, stream)
        _Constructor12.__init__(self)
        _Resolver12.__init__(self)
        _quiet_path_hooks(self)


# An alias (`*name`) or a tag (`!tag`, `!!str`) can only start a node: at the
# start of a line or after a space, a flow indicator, `:`, `?` or `-`.  A `*` or
# `!` anywhere else (`*.log` inside a word, `Don't!` in a comment) is neither.
# Erring on "maybe" only costs the slow path.
ALIAS, TAG = "*", "!"
_MAY_START = {c: re.compile(r"(?:^|[\s\[\]{},:?-])" + re.escape(c), re.M) for c in (ALIAS, TAG)}


def may_hold(indicator: str, text: str) -> bool:
    """Whether `text` may hold an alias (ALIAS) or an explicit tag (TAG)."""
    return indicator in text and _MAY_START[indicator].search(text) is not None


@dataclass
class Parsed:
    """One reading of a file: the node tree (positions) and the plain data.

    `plain_tree`: the data was built by construct.py from a tree with no
    aliases, merge keys or tags, left as the composer made it, so the other
    reading can be built from the same nodes (reading_12).  `json_shaped`:
    moreover every key is a string, so a schema validator can be given the
    data as it is (plain.schema_view).
    """

    node: Any  # yaml.Node or None for an empty document
    data: Any
    plain_tree: bool = False
    json_shaped: bool = False


def _numbers(loader: Any) -> Any:
    # The loader's own int and float constructors, called directly:
    # construct_object would remember every node it ever built.
    ints, floats = loader.construct_yaml_int, loader.construct_yaml_float
    return lambda node: ints(node) if node.tag == _CORE + "int" else floats(node)


_SCALAR_11 = scalar_builder(_numbers(Loader11("")))
_SCALAR_12 = scalar_builder(_numbers(Loader12("")))


def parse(
    text: str,
    *,
    name: str,
    yaml11: bool,
    max_nodes: int = DEFAULT_MAX_NODES,
    max_depth: int = DEFAULT_MAX_DEPTH,
) -> Parsed:
    """Parse YAML text into nodes and plain data, refusing hostile structure."""
    loader = (Loader11 if yaml11 else Loader12)(text)
    # The node tree holds no reference cycles, but building it allocates so many
    # objects that the cyclic GC runs over and over (10k services: 3.5 s of 4).
    gc_was_on = gc.isenabled()
    gc.disable()
    try:
        try:
            node = loader.get_single_node()
        except yaml.MarkedYAMLError as exc:
            raise _yaml_error(exc, name, text, max_depth=max_depth) from None
        except yaml.reader.ReaderError as exc:
            raise _reader_error(exc, name, text) from None
        except yaml.YAMLError as exc:
            raise _error("CM010", f"YAML error: {_one_line(str(exc))}", name) from None
        except RecursionError:
            raise _error("CM012", f"nesting deeper than {max_depth} levels", name) from None
        if node is None:
            return Parsed(None, None)
        if not may_hold(ALIAS, text):  # no alias: the nodes form a plain tree
            try:
                scalar = _SCALAR_11 if yaml11 else _SCALAR_12
                data, text_keys = construct(
                    node,
                    scalar,
                    max_depth=max_depth,
                    max_keychars=MAX_KEY_CHARS,
                    max_nodes=max_nodes,
                    text_tag=STR_TAG,
                )
                return Parsed(node, data, plain_tree=True, json_shaped=text_keys)
            except Unusual:
                pass  # PyYAML's constructor, after the full checks, builds it or words the error
        # The full checks, memoised per node: safe whatever the tree holds.
        check_nodes(node, name=name, max_nodes=max_nodes, max_depth=max_depth)
        try:
            data = loader.construct_document(node)
        except yaml.MarkedYAMLError as exc:
            raise _yaml_error(exc, name, text, max_depth=max_depth) from None
        except (ValueError, TypeError, OverflowError) as exc:
            raise _value_error(exc, name) from None
        return Parsed(node, data)
    finally:
        loader.dispose()
        if gc_was_on:
            gc.enable()


def reading_12(first: Parsed, text: str, *, name: str) -> Parsed:
    """The YAML 1.2 reading of `text`, whose YAML 1.1 reading is `first`.

    Both readings compose the same nodes and differ only in how plain
    scalars resolve, so a plain tree with no explicit tag anywhere is read
    again without parsing; the nodes keep their YAML
    1.1 tags, which only the YAML 1.1 checks look at.
    """
    if first.plain_tree and not may_hold(TAG, text):
        gc_was_on = gc.isenabled()
        gc.disable()
        try:
            data, text_keys = construct(
                first.node,
                read_again_12,
                max_depth=DEFAULT_MAX_DEPTH,
                max_keychars=MAX_KEY_CHARS,
                max_nodes=DEFAULT_MAX_NODES,
            )
            return Parsed(first.node, data, plain_tree=True, json_shaped=text_keys)
        except Unusual:
            pass
        finally:
            if gc_was_on:
                gc.enable()
    return parse(text, name=name, yaml11=False)


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _short_tag(tag: str) -> str:
    return "!!" + tag[len(_CORE) :] if tag.startswith(_CORE) else tag


def _line_text(text: str, line0: int) -> str:
    lines = text.split("\n")
    return lines[line0].rstrip("\r") if 0 <= line0 < len(lines) else ""


def _reader_error(exc: Any, name: str, text: str) -> ComposeMigrateError:
    """A character YAML forbids (a control character, say): name it and locate it."""
    pos = exc.position if isinstance(exc.position, int) else 0
    before = text[:pos]
    line = before.count("\n") + 1
    col = pos - (before.rfind("\n") + 1) + 1
    char = exc.character
    shown = f"U+{char:04X}" if isinstance(char, int) else repr(char)
    return ComposeMigrateError(
        Finding(
            "CM003",
            Severity.ERROR,
            f"character {shown} is not allowed in YAML ({_one_line(str(exc.reason))})",
            line=line,
            col=col,
            hint="remove the character or write it as an escape inside double quotes",
            file=name,
        )
    )


def _value_error(exc: Exception, name: str) -> ComposeMigrateError:
    msg = _one_line(str(exc))
    if "integer string conversion" in msg:
        # Python refuses to read integers of thousands of digits (CVE-2020-10735).
        msg = "a number with thousands of digits"
    return _error("CM010", f"YAML value cannot be read: {msg}", name)


def _yaml_error(exc: Any, name: str, text: str = "", *, max_depth: int = DEFAULT_MAX_DEPTH) -> ComposeMigrateError:
    mark = exc.problem_mark or exc.context_mark
    line = mark.line + 1 if mark is not None else 0
    col = mark.column + 1 if mark is not None else 0
    problem = _one_line(exc.problem or exc.context or "invalid YAML")
    code = "CM010"
    msg = f"YAML syntax error: {problem}"
    hint = None
    where = _line_text(text, line - 1) if mark is not None else ""
    indent = where[: len(where) - len(where.lstrip(" \t"))]
    if "tab" in problem or "\t" in indent or where[col - 1 : col] == "\t":
        msg = "YAML syntax error: a tab character used for indentation (YAML indents with spaces only)"
        hint = "replace the tabs at the start of the line with spaces"
    elif "found another document" in problem:
        msg = "YAML syntax error: more than one document (a `---` line); a Compose file holds exactly one"
        hint = "split the documents into separate files"
    elif "maximum nesting depth" in problem:
        code, msg = "CM012", f"nesting deeper than {max_depth} levels"
    elif isinstance(exc, yaml.constructor.ConstructorError):
        tag = re.search(r"for the tag '([^']*)'", problem)
        if tag:
            code = "CM013"
            msg = f"refused: the tag {_short_tag(tag.group(1))} is not allowed in a Compose file"
            hint = "only plain YAML and Compose's !reset and !override tags are allowed"
        elif "unhashable key" in problem:
            msg = "YAML error: a mapping key is itself a list or mapping; Compose keys are plain names"
        else:
            msg = f"YAML error: {problem}"
    elif col > MAX_KEY_CHARS and problem.startswith(("mapping values are not allowed", "could not find expected ':'")):
        msg = f"YAML syntax error: a key longer than {MAX_KEY_CHARS} characters ({problem})"
        hint = f"YAML reads a key without `?` only up to {MAX_KEY_CHARS} characters"
    if exc.context and exc.context_mark is not None and exc.problem_mark is not None and code == "CM010":
        ctx_line = exc.context_mark.line + 1
        if ctx_line != line and msg.startswith("YAML syntax error: ") and "tab" not in msg:
            msg += f" ({_one_line(exc.context)} at line {ctx_line})"
    return ComposeMigrateError(Finding(code, Severity.ERROR, msg, line=line, col=col, hint=hint, file=name))


def check_nodes(root: Any, *, name: str, max_nodes: int, max_depth: int) -> None:
    """One iterative walk: duplicate keys, alias bombs, alias cycles, depth.

    Aliases share nodes, so the expanded size is computed once per node
    (memoised), which keeps a billion-node alias bomb a few-microsecond refusal.
    """
    size: dict[int, int] = {}
    depth: dict[int, int] = {}
    shared = False
    on_stack: set[int] = set()
    stack: list[tuple[Any, bool]] = [(root, False)]
    while stack:
        node, done = stack.pop()
        nid = id(node)
        if done:
            on_stack.discard(nid)
            kids = _children(node)
            total = 1
            deepest = 0
            for k in kids:
                total += size[id(k)]
                deepest = max(deepest, depth[id(k)])
            size[nid] = total
            depth[nid] = deepest + 1
            if total > max_nodes:
                mark = node.start_mark
                raise _error(
                    "CM011",
                    f"aliases expand to more than {max_nodes} nodes (an alias bomb?)"
                    if shared
                    else f"more than {max_nodes} nodes, the limit for one file",
                    name,
                    mark.line + 1,
                    mark.column + 1,
                )
            if deepest + 1 > max_depth:
                mark = node.start_mark
                raise _error("CM012", f"nesting deeper than {max_depth} levels", name, mark.line + 1, mark.column + 1)
            continue
        if nid in size:
            shared = True  # reached again through an alias
            continue
        if nid in on_stack:
            mark = node.start_mark
            raise _error("CM011", "an alias refers to the node that contains it", name, mark.line + 1, mark.column + 1)
        on_stack.add(nid)
        stack.append((node, True))
        if node.tag not in ALLOWED_TAGS:
            mark = node.start_mark
            raise _error(
                "CM013",
                f"refused: the tag {_short_tag(node.tag)} is not allowed in a Compose file",
                name,
                mark.line + 1,
                mark.column + 1,
                hint="only plain YAML and Compose's !reset and !override tags are allowed",
            )
        if isinstance(node, yaml.MappingNode):
            _check_duplicates(node, name)
        for k in _children(node):
            if id(k) not in size:
                stack.append((k, False))


def _children(node: Any) -> Iterator[Any] | list[Any]:
    if isinstance(node, yaml.MappingNode):
        return [n for pair in node.value for n in pair]
    if isinstance(node, yaml.SequenceNode):
        return node.value
    return []


def _check_duplicates(node: Any, name: str) -> None:
    seen: dict[tuple[str, str], Any] = {}
    for key, _value in node.value:
        if not isinstance(key, yaml.ScalarNode):
            continue
        if len(key.value) > MAX_KEY_CHARS:
            raise _error(
                "CM015",
                f"a key {len(key.value)} characters long (the limit is {MAX_KEY_CHARS}): refused",
                name,
                key.start_mark.line + 1,
                key.start_mark.column + 1,
                hint="Compose names (services, variables, labels) are short; is this file generated or damaged?",
            )
        ident = (key.tag, key.value)
        first = seen.get(ident)
        if first is not None:
            shown = "<<" if key.tag == "tag:yaml.org,2002:merge" else key.value
            raise _error(
                "CM014",
                f"duplicate key '{shown}': already defined at line {first.start_mark.line + 1}",
                name,
                key.start_mark.line + 1,
                key.start_mark.column + 1,
                hint="YAML keys must be unique; docker-compose 1.x silently kept the last one"
                if shown != "<<"
                else "merge several anchors with one key: <<: [*a, *b]",
            )
        seen[ident] = key
