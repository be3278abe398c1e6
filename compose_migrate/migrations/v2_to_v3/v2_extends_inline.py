"""V2-11: `extends` is replaced by the base service inlined with Compose's merge rules, `file:`
resolved and the base's relative paths rebased onto the directory of the file being written."""

from __future__ import annotations

import os
import posixpath
from typing import Any

from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.scalarstring import ScalarString

from ... import yamledit
from ...findings import ComposeMigrateError
from ...versions import ComposeVersion
from ...yamlpath import format_path
from ..base import LOSSLESS, Context, MigrationError, Rule

RULE = Rule(
    __name__,
    "V2-11",
    order=10,
    kind=LOSSLESS,
    before='version: "2.4"\nservices:\n  base:\n    image: nginx:1.25\n    environment:\n      A: "1"\n'
    '  web:\n    extends: base\n    environment:\n      B: "2"\n',
    after='version: "3.8"\nservices:\n  base:\n    image: nginx:1.25\n    environment:\n      A: "1"\n'
    '  web:\n    image: nginx:1.25\n    environment:\n      A: "1"\n      B: "2"\n',
)

# Never inherited through extends (Compose's own rule).
NOT_SHARED = {"extends", "links", "volumes_from", "depends_on"}
MAPPING_MERGE = {"environment", "labels", "sysctls", "ulimits", "storage_opt", "extra_hosts"}
LIST_MERGE = {
    "ports",
    "expose",
    "cap_add",
    "cap_drop",
    "external_links",
    "dns",
    "dns_search",
    "tmpfs",
    "env_file",
    "security_opt",
    "device_cgroup_rules",
    "devices",
    "secrets",
    "configs",
}


def _fresh(node: Any) -> Any:
    """A copy with no comments or source positions (merged `<<` keys materialised)."""
    if isinstance(node, CommentedMap):
        return yamledit.new_map([(k, _fresh(v)) for k, v in node.items()], flow=bool(node.fa.flow_style()))
    if isinstance(node, CommentedSeq):
        return yamledit.new_seq([_fresh(v) for v in node], flow=bool(node.fa.flow_style()))
    return node


def _rebase(value: Any, src_dir: str, dst_dir: str, *, volume: bool = False) -> Any:
    """A path relative to src_dir, rewritten relative to dst_dir (absolute and `~` paths stay)."""
    if not isinstance(value, str) or os.path.normpath(src_dir) == os.path.normpath(dst_dir):
        return value
    if value.startswith(("/", "~", "$")) or (volume and not value.startswith(".")):
        return value  # absolute, home, interpolated, or a named volume
    joined = os.path.normpath(os.path.join(src_dir, value))
    rel = os.path.relpath(joined, os.path.normpath(dst_dir)).replace(os.sep, posixpath.sep)
    if not rel.startswith("."):
        rel = "./" + rel
    return type(value)(rel) if isinstance(value, ScalarString) else rel


def _rebase_service(svc: CommentedMap, src_dir: str, dst_dir: str) -> None:
    build = svc.get("build")
    if isinstance(build, str):
        svc["build"] = _rebase(build, src_dir, dst_dir)
    elif isinstance(build, CommentedMap) and "context" in build:
        build["context"] = _rebase(build["context"], src_dir, dst_dir)
    env_file = svc.get("env_file")
    if isinstance(env_file, str):
        svc["env_file"] = _rebase(env_file, src_dir, dst_dir)
    elif isinstance(env_file, CommentedSeq):
        for i, item in enumerate(env_file):
            env_file[i] = _rebase(item, src_dir, dst_dir)
    vols = svc.get("volumes")
    for i, item in enumerate(vols if isinstance(vols, CommentedSeq) else []):
        if isinstance(item, str) and ":" in item:
            host, rest = item.split(":", 1)
            new = _rebase(host, src_dir, dst_dir, volume=True)
            if new != host:
                text = f"{new}:{rest}"
                vols[i] = type(item)(text) if isinstance(item, ScalarString) else text
        elif isinstance(item, CommentedMap) and item.get("type") == "bind" and "source" in item:
            item["source"] = _rebase(item["source"], src_dir, dst_dir)


class _Resolver:
    def __init__(self, ctx: Context) -> None:
        self.ctx = ctx
        self.dst_dir = ctx.base_dir or "."
        self.trees: dict[str, Any] = {}

    def _services(self, file: str | None, here_file: str | None, here_dir: str) -> tuple[Any, str, str | None]:
        if file is None:
            tree = self.ctx.tree if here_file is None else self.trees[here_file]
            return tree.get("services") or {}, here_dir, here_file
        path = os.path.normpath(os.path.join(here_dir, str(file)))
        if path not in self.trees:
            from ...api import load

            try:
                doc = load(path)
                if doc.version is ComposeVersion.V1:
                    # A v1 base file speaks v1 (`net`, `log_driver`, ...): bring it to
                    # 2.x with the same rules first, so what we inline is 2.x.
                    from ...api import migrate

                    doc = load(text=migrate(doc, ComposeVersion.V2_4).output, name=path)
                self.trees[path] = doc.load_tree()[0]
            except ComposeMigrateError as exc:
                raise MigrationError(f"extends: cannot read {file} ({exc.finding.message})") from None
        tree = self.trees[path]
        services = tree.get("services") if "version" in tree else tree
        return services or {}, os.path.dirname(path) or ".", path

    def base(self, ext: Any, here_file: str | None, here_dir: str, chain: tuple[str, ...]) -> CommentedMap:
        """The fully resolved base service named by an `extends` value, paths relative to dst_dir."""
        if isinstance(ext, str):
            name, file = ext, None
        elif isinstance(ext, dict) and "service" in ext:
            name, file = str(ext["service"]), ext.get("file")
        else:
            raise MigrationError(f"extends must name a service, got {ext!r}")
        services, src_dir, src_file = self._services(file, here_file, here_dir)
        key = f"{src_file or '(this file)'}:{name}"
        if key in chain:
            raise MigrationError("extends loops: " + " -> ".join((*chain, key)))
        svc = services.get(name) if isinstance(services, dict) else None
        if not isinstance(svc, CommentedMap):
            where = f" in {file}" if file else ""
            raise MigrationError(f"extends: no service {name!r}{where}")
        out = _fresh(svc)
        for k in NOT_SHARED & set(out):
            del out[k]
        _rebase_service(out, src_dir, self.dst_dir)
        if "extends" in svc:
            parent = self.base(svc["extends"], src_file, src_dir, (*chain, key))
            merge(out, parent)
        return out


def _env_items(value: Any) -> list[tuple[str, Any, Any]]:
    """(key, value, original item) of a mapping or `KEY=value` list."""
    if isinstance(value, dict):
        return [(str(k), v, None) for k, v in value.items()]
    out = []
    for item in value if isinstance(value, list) else []:
        k, _, v = str(item).partition("=")
        out.append((k, v, item))
    return out


def _target_of(mount: Any) -> str:
    if isinstance(mount, dict):
        return str(mount.get("target"))
    parts = str(mount).split(":")
    return parts[1] if len(parts) > 1 else parts[0]


def merge(local: CommentedMap, base: CommentedMap, *, before: Any = None) -> list[Any]:
    """Merge `base` into `local` in place (local wins); returns the keys that changed."""
    changed: list[Any] = []
    for k, bv in base.items():
        if k not in local:
            yamledit.insert_key(local, k, bv, before=before)
            changed.append(k)
            continue
        if before is not None:
            # The merged service reads in the base's key order, local-only keys last.
            yamledit.move_key(local, k, local, before=before)
        lv = local[k]
        if k in MAPPING_MERGE and isinstance(lv, (CommentedMap, CommentedSeq)):
            have = {key for key, _, _ in _env_items(lv)}
            extra = [(key, v, item) for key, v, item in _env_items(bv) if key not in have]
            for j, (key, v, item) in enumerate(extra):
                if isinstance(lv, CommentedMap):
                    yamledit.insert_key(lv, key, v, index=j)
                else:
                    lv.insert(j, item if item is not None else (key if v is None else f"{key}={v}"))
            changed += [k] if extra else []
        elif k == "volumes" and isinstance(lv, CommentedSeq) and isinstance(bv, CommentedSeq):
            targets = {_target_of(m) for m in lv}
            extra_items = [m for m in bv if _target_of(m) not in targets]
            for j, m in enumerate(extra_items):
                lv.insert(j, m)
            changed += [k] if extra_items else []
        elif k in LIST_MERGE and isinstance(bv, (CommentedSeq, str)):
            items = list(bv) if isinstance(bv, CommentedSeq) else [bv]
            if isinstance(lv, str):
                seq = yamledit.new_seq([lv])
                yamledit.replace_key(local, k, k, seq)
                lv = seq
            extra_items = [x for x in items if x not in lv]
            for j, x in enumerate(extra_items):
                lv.insert(j, x)
            changed += [k] if extra_items else []
        elif isinstance(lv, CommentedMap) and isinstance(bv, CommentedMap) and k != "logging":
            if merge(lv, bv):
                changed.append(k)
        elif k == "build" and isinstance(lv, CommentedMap) and isinstance(bv, str) and "context" not in lv:
            yamledit.insert_key(lv, "context", bv, index=0)
            changed.append(k)
    return changed


@RULE.register
def apply(ctx: Context) -> None:
    resolver = _Resolver(ctx)
    for name, svc in ctx.services():
        if "extends" not in svc:
            continue
        if yamledit.is_merged_key(svc, "extends"):
            raise MigrationError(
                f"services.{name}.extends comes from a `<<` merge; inline it by hand",
                path=format_path(ctx.svc_path(name, "extends")),
            )
        ext = svc["extends"]
        try:
            base = resolver.base(ext, None, ctx.base_dir or ".", (f"(this file):{name}",))
        except MigrationError as exc:
            if not exc.path:  # point at this service's `extends` (its `file:` when it names one)
                inner = ("extends", "file") if isinstance(ext, dict) and "file" in ext else ("extends",)
                exc.path = format_path(ctx.svc_path(name, *inner))
            raise
        changed = merge(svc, base, before="extends")
        yamledit.delete_key(svc, "extends")
        src = (
            ext if isinstance(ext, str) else f"{ext.get('service')}" + (f" in {ext['file']}" if ext.get("file") else "")
        )
        path = ctx.svc_path(name, "extends")
        ctx.change(
            path,
            f"inlined {src} (3.x has no extends): {', '.join(map(str, changed)) or 'nothing new'}",
            also=tuple(ctx.svc_path(name, k) for k in changed),
        )
        ctx.warn(
            path,
            f"{name} no longer follows later edits of {src}; to keep one definition use an x- block with a "
            "YAML anchor (3.4+) or target the Compose Specification, where extends is back",
            lossy=False,
        )
