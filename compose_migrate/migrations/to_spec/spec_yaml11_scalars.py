"""S-12: plain scalars that YAML 1.1 and 1.2 read differently keep their meaning; keys are quoted as written."""

from __future__ import annotations

from typing import Any

from ruamel.yaml.scalarbool import ScalarBoolean
from ruamel.yaml.scalarstring import DoubleQuotedScalarString, PlainScalarString

from ... import yamledit
from ...plain import key_text
from ...versions import ComposeVersion
from ...yamlpath import PathParts
from ..base import Context, Rule
from ..yaml11_quoting import quote_key_at
from ._scalars import KeyMismatch, Mismatch, key_mismatches, locate, mismatches

RULE = Rule(
    __name__,
    "S-12",
    order=10,
    before='version: "2.4"\nservices:\n  sftp:\n    image: example/sftp:2\n    privileged: yes\n'
    "    ports:\n      - 2122:22\n",
    after='services:\n  sftp:\n    image: example/sftp:2\n    privileged: true\n    ports:\n      - "2122:22"\n',
)


@RULE.register
def apply(ctx: Context) -> None:
    # Legacy files were read as YAML 1.1 (PyYAML); a file without `version` is
    # read as YAML 1.2 (go-yaml).  Every unquoted scalar the two read
    # differently is rewritten so the new reader sees what was meant.
    data = ctx.doc.data
    v1_layout = ctx.doc.version is ComposeVersion.V1 and isinstance(data, dict) and "services" not in data
    for m in mismatches(ctx.doc.r11.node):
        if m.path[:1] == ("version",):
            continue  # removed by S-1
        path = _in_tree(m.path, v1_layout)
        aliases = tuple(_in_tree(a, v1_layout) for a in m.aliases)
        spot = locate(ctx.tree, path)
        if spot is None:
            continue
        container, key = spot
        current = container[key]
        if not _plain(current):
            continue  # an earlier step already rewrote it
        value = _new_value(m, getattr(current, "anchor", None))
        if value is None:
            continue
        # An anchored scalar is one object at every alias: replace it everywhere, anchor kept.
        for p in (path, *aliases) if m.aliases else (path,):
            where = locate(ctx.tree, p)
            if where is not None and where[0][where[1]] is current:
                yamledit.set_scalar(where[0], where[1], value)
        _record(ctx, m, path, aliases)
    for k in key_mismatches(ctx.doc.r11.node):
        if k.path[:1] == ("version",):
            continue
        path, old_path = _in_tree(k.path, v1_layout), _in_tree(k.old_path, v1_layout)
        if quote_key_at(ctx.tree, path, k.text):
            _record_key(ctx, k, path, old_path)


def _record_key(ctx: Context, k: KeyMismatch, path: PathParts, old_path: PathParts) -> None:
    # A key is a name: nobody writes `OFF:` meaning a variable called "False",
    # so the text is kept (quoted) and the old reading said.
    old = key_text(k.old)  # how the legacy plain data spelled it
    ctx.warn(
        path,
        f"docker-compose 1.x (YAML 1.1, the legacy formats) read the unquoted key {k.text} as {old} "
        f'(Python\'s {k.old!r}); it is now quoted as "{k.text}", the text written and what Compose v2 reads. '
        f'If the service relied on the old key, write it as "{old}" instead',
        also=(old_path,),
    )


def _plain(value: Any) -> bool:
    if isinstance(value, bool):
        return False
    if isinstance(value, (int, float)):
        return True
    return isinstance(value, str) and (type(value) is str or isinstance(value, PlainScalarString))


def _new_value(m: Mismatch, anchor: Any) -> Any:
    name = anchor.value if anchor is not None and getattr(anchor, "value", None) else None
    old = m.old
    if m.base60 or isinstance(old, str):
        return DoubleQuotedScalarString(m.text, anchor=name) if name else yamledit.quote_scalar(m.text)
    if isinstance(old, bool):
        return ScalarBoolean(old, anchor=name) if name else old
    if isinstance(old, (int, float)):
        return old
    return None


def _in_tree(path: PathParts, v1_layout: bool) -> PathParts:
    if v1_layout and not str(path[0]).startswith("x-"):
        return ("services", *path)
    return path


def _record(ctx: Context, m: Mismatch, path: PathParts, also: tuple[PathParts, ...]) -> None:
    old = m.old
    if m.base60:
        ctx.warn(
            path,
            f"unquoted {m.text} was read by YAML 1.1 (docker-compose 1.x, the legacy formats) as the base-60 "
            f'number {old}; it is now quoted as "{m.text}" to keep the intended text, which is what Compose v2 '
            f"reads. If the old number was really what ran, write {old} instead",
            also=also,
        )
    elif isinstance(old, bool):
        word = "true" if old else "false"
        ctx.change(
            path,
            f"{m.text} was the YAML 1.1 boolean {word}; written as {word}, since YAML 1.2 (Compose v2) "
            f"reads {m.text} as text",
            also=also,
        )
    elif isinstance(old, str):
        ctx.change(path, f"quoted {m.text}: YAML 1.1 read it as text, YAML 1.2 would read {m.new!r}", also=also)
    else:
        ctx.change(path, f"{m.text} written as {old}, the number YAML 1.1 read (YAML 1.2 reads {m.new!r})", also=also)
