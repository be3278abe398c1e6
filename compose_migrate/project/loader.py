"""Loading a multi-file project as Docker Compose does.

Order of work (as compose-go): each `-f` file is read, interpolated, its
relative paths made relative to the project directory and its `extends`
resolved; the files are merged in order; then each file's `include` entries
are loaded as sub-projects and added (a conflicting definition is a finding);
finally services whose profiles are not active are dropped.

Every problem (a missing file, an include or extends cycle, a version
mismatch) is a located Finding on the project, never an exception.
"""

from __future__ import annotations

import os
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from .. import interpolation as ip
from ..document import Document
from ..document import load as load_document
from ..findings import ComposeMigrateError, Finding, Severity
from ..loading import DEFAULT_MAX_BYTES
from ..versions import ComposeVersion
from .merge import merge, strip_tags
from .model import Node, Origin, PathParts, build, plain, provenance

NO_FILE = "CM300"
MISSING_FILE = "CM301"
CYCLE = "CM302"
MISSING_SERVICE = "CM303"
CONFLICT = "CM304"
VERSION_MISMATCH = "CM305"
BAD_REFERENCE = "CM306"
UNREADABLE = "CM307"
NOT_EXTENDABLE = "CM310"

# Their titles (SARIF rules, docs) are in reporting/codes.py with every other code.

DEFAULT_FILES = ("compose.yaml", "compose.yml", "docker-compose.yml", "docker-compose.yaml")
OVERRIDE_FILES = (
    "compose.override.yml",
    "compose.override.yaml",
    "docker-compose.override.yml",
    "docker-compose.override.yaml",
)
SECTIONS = ("services", "networks", "volumes", "secrets", "configs")


@dataclass
class ProjectFile:
    """One file the project read, and why."""

    path: str  # absolute
    name: str  # as shown in findings (relative to the working directory when shorter)
    role: str  # "main", "override", "extends", "include"
    doc: Document | None = None

    @property
    def version(self) -> ComposeVersion | None:
        return self.doc.version if self.doc is not None else None


@dataclass
class Project:
    """A loaded project: files read, merged located model, findings."""

    project_dir: str
    files: list[ProjectFile] = field(default_factory=list)
    root: Node | None = None
    findings: list[Finding] = field(default_factory=list)
    environment: dict[str, str] = field(default_factory=dict)
    profiles: tuple[str, ...] = ()
    legacy: bool = False
    _prov: dict[PathParts, Origin] | None = field(default=None, repr=False)

    @property
    def data(self) -> dict[str, Any]:
        out = plain(self.root)
        return out if isinstance(out, dict) else {}

    @property
    def provenance(self) -> dict[PathParts, Origin]:
        """path -> (file, line, col) for every value of the merged model."""
        if self._prov is None:
            self._prov = provenance(self.root) if self.root is not None else {}
        return self._prov

    def origin(self, path: PathParts) -> Origin | None:
        """Where the value at `path` (or its nearest written parent) came from."""
        prov = self.provenance
        for cut in range(len(path), -1, -1):
            o = prov.get(tuple(path[:cut]))
            if o is not None:
                return o
        return None

    @property
    def version(self) -> ComposeVersion:
        """The format the merged model is read as: the newest legacy version, or the spec."""
        versions = [f.version for f in self.files if f.version is not None and f.role in ("main", "override")]
        if not self.legacy or not versions:
            return ComposeVersion.SPEC
        return max(max(versions), ComposeVersion.V2_0)


def discover(directory: str) -> tuple[list[str], list[Finding]]:
    """compose.yaml (or its older names) and the matching override file in `directory`."""
    found: list[str] = []
    notes: list[Finding] = []
    for names in (DEFAULT_FILES, OVERRIDE_FILES):
        hits = [n for n in names if os.path.isfile(os.path.join(directory, n))]
        if hits and len(hits) > 1:
            notes.append(
                Finding(
                    "CM300",
                    Severity.WARNING,
                    f"found several Compose files ({', '.join(hits)}); using {hits[0]}",
                    file=os.path.join(directory, hits[0]),
                )
            )
        if hits:
            found.append(os.path.join(directory, hits[0]))
        if not found:
            break  # an override file alone is not a project
    return found, notes


def _display(path: str) -> str:
    rel = os.path.relpath(path)
    return rel if not rel.startswith("..") and len(rel) < len(path) else path


def read_env_file(path: str) -> dict[str, str]:
    from ..validation.interp import read_env_file as _read

    return _read(path)


class _Loader:
    def __init__(
        self,
        *,
        environ: Mapping[str, str],
        interpolate: bool,
        texts: Mapping[str, str] | None,
        max_bytes: int,
        documents: Mapping[str, Document] | None = None,
    ) -> None:
        self.environ = environ
        self.interpolate = interpolate
        self.texts = {os.path.abspath(k): v for k, v in (texts or {}).items()}
        self.preloaded = {os.path.abspath(k): v for k, v in (documents or {}).items()}
        self.max_bytes = max_bytes
        self.findings: list[Finding] = []
        self.files: list[ProjectFile] = []
        self.dirs: dict[str, str] = {}  # display name -> directory of the file
        self._docs: dict[str, Document | None] = {}
        self.versions: dict[str, ComposeVersion | None] = {}  # display name -> format

    # -- reading -----------------------------------------------------------
    def document(self, path: str, role: str, origin: Origin | None) -> Document | None:
        path = os.path.abspath(path)
        if path in self._docs:
            return self._docs[path]
        name = _display(path)
        doc: Document | None = None
        try:
            if path in self.texts:
                doc = load_document(text=self.texts[path], name=name, max_bytes=self.max_bytes)
            elif path in self.preloaded:
                # Read already (validate's own file): the same readings, under the loader's name.
                pre = self.preloaded[path]
                doc = Document(source=replace(pre.source, name=name), r11=pre.r11, _r12=pre._r12)
            else:
                doc = load_document(path, name=name, max_bytes=self.max_bytes)
        except ComposeMigrateError as exc:
            f = exc.finding
            if f.code == "CM001" and origin is not None:
                self.add(
                    MISSING_FILE,
                    f"{name}: {f.message}",
                    origin,
                    hint="check the path; it is relative to the file that names it",
                )
            else:
                self.findings.append(
                    Finding(
                        UNREADABLE if f.code != "CM001" else MISSING_FILE,
                        Severity.ERROR,
                        f.message,
                        f.path,
                        f.line,
                        f.col,
                        f.hint,
                        f.file or name,
                    )
                )
        self._docs[path] = doc
        self.versions[name] = doc.version if doc is not None else None
        self.dirs[name] = os.path.dirname(path)
        self.files.append(ProjectFile(path, name, role, doc))
        return doc

    def add(
        self,
        code: str,
        message: str,
        origin: Origin,
        path: str = "",
        hint: str | None = None,
        severity: Severity = Severity.ERROR,
    ) -> None:
        self.findings.append(Finding(code, severity, message, path, origin.line, origin.col, hint, origin.file))

    def layer(self, doc: Document, env: Mapping[str, str], path_base: str) -> Node:
        """One file as a located tree: interpolated, paths rebased, v1 wrapped under services."""
        version = doc.version
        reading = doc.r12 if version in (ComposeVersion.SPEC, None) else doc.r11
        root = (
            build(reading.data, reading.node, doc.name)
            if reading.node is not None
            else Node({}, Origin(doc.name, 1, 1))
        )
        if not root.is_map:
            return Node({}, Origin(doc.name, 1, 1))
        if version is ComposeVersion.V1:
            services = {k: v for k, v in root.value.items() if not k.startswith("x-")}
            root = Node({"services": Node(services, root.origin)}, root.origin)
        if self.interpolate:
            self._interpolate(root, env, version or ComposeVersion.SPEC, ())
        return root

    def _interpolate(self, node: Node, env: Mapping[str, str], version: ComposeVersion, path: PathParts) -> None:
        if isinstance(node.value, dict):
            for k, v in node.value.items():
                self._interpolate(v, env, version, (*path, k))
        elif isinstance(node.value, list):
            for i, v in enumerate(node.value):
                self._interpolate(v, env, version, (*path, i))
        elif isinstance(node.value, str) and "$" in node.value:
            from ..yamlpath import format_path

            try:
                node.value, unset = ip.interpolate(node.value, env, nested=version is ComposeVersion.SPEC)
            except ip.InterpolationError as exc:
                self.add("CM062" if exc.code == ip.REQUIRED else "CM060", exc.message, node.origin, format_path(path))
                return
            for name in unset:
                self.add(
                    "CM063",
                    f"variable {name} is not set: defaulting to an empty string",
                    node.origin,
                    format_path(path),
                    severity=Severity.WARNING,
                )

    # -- extends -----------------------------------------------------------
    def resolve_extends(
        self, root: Node, env: Mapping[str, str], path_base: str, stack: tuple[tuple[str, str], ...]
    ) -> None:
        services = root.get("services")
        if services is None or not services.is_map:
            return
        for name in list(services.value):
            svc = services.value[name]
            if svc.is_map and "extends" in svc.value:
                resolved = self._extend(root, name, env, path_base, stack)
                if resolved is not None:
                    services.value[name] = resolved

    def _extend(
        self, root: Node, name: str, env: Mapping[str, str], path_base: str, stack: tuple[tuple[str, str], ...]
    ) -> Node | None:
        services = root.value["services"]
        svc = services.value[name]
        if not svc.is_map or "extends" not in svc.value:
            return svc
        here = (svc.origin.file, name)
        ext = svc.value["extends"]
        if here in stack:
            chain = " -> ".join(f"{os.path.basename(f)}:{s}" for f, s in (*stack, here))  # noqa: B020
            self.add(CYCLE, f"extends forms a cycle: {chain}", ext.origin, f"services.{name}.extends")
            return None
        target_file: str | None = None
        if isinstance(ext.value, str):
            target = ext.value
        elif ext.is_map and isinstance(ext.value.get("service", Node(None, ext.origin)).value, str):
            target = ext.value["service"].value
            f = ext.value.get("file")
            if f is not None:
                writer_dir = self.dirs.get(f.origin.file, os.path.dirname(os.path.abspath(f.origin.file)))
                target_file = os.path.normpath(os.path.join(writer_dir, str(f.value)))
        else:
            self.add(BAD_REFERENCE, "extends needs a service name", ext.origin, f"services.{name}.extends")
            return None
        body = Node({k: v for k, v in svc.value.items() if k != "extends"}, svc.origin, svc.tag, svc.meta)
        if target_file is None:
            base_root = root
        else:
            doc = self.document(target_file, "extends", ext.value["file"].origin)
            if doc is None:
                return body
            base_root = self.layer(doc, env, os.path.dirname(target_file))
            _rebase(base_root, os.path.dirname(target_file), path_base)
        base_services = base_root.get("services")
        base = base_services.value.get(target) if base_services is not None and base_services.is_map else None
        if base is None:
            where = os.path.basename(target_file) if target_file else "this file"
            self.add(
                MISSING_SERVICE,
                f"extends names service `{target}`, which is not defined in {where}",
                ext.origin,
                f"services.{name}.extends",
            )
            return body
        written_in = self.versions.get(svc.origin.file)
        if written_in is not None and written_in is not ComposeVersion.SPEC and base.is_map:
            self._legacy_extendable(base, target, ext.origin, f"services.{name}.extends")
        if base.is_map and "extends" in base.value:
            base = self._extend(base_root, target, env, path_base, (*stack, here))
            if base is None:
                return body
        base = strip_tags(base) if base.value is not None else Node({}, base.origin)
        merged = merge(base, body, ("services", name), legacy=False)
        return merged if merged is not None else body

    def _legacy_extendable(self, base: Node, target: str, origin: Origin, path: str) -> None:
        """docker-compose 1.x refused to extend a service tied to other containers.

        Its links, volumes_from and `net`/`network_mode` pointing at a container or
        service name things by the extended file's names, so 1.x stopped there;
        the Compose Specification dropped the rule.
        """
        keys = base.value
        tied = [k for k in ("links", "volumes_from") if k in keys]
        for k in ("net", "network_mode"):
            mode = keys.get(k)
            if mode is not None and isinstance(mode.value, str) and mode.value.startswith(("container:", "service:")):
                tied.append(f"{k}: {mode.value}")
        for what in tied:
            self.add(
                NOT_EXTENDABLE,
                f"service `{target}` cannot be extended: it has `{what}` "
                "(docker-compose 1.x refuses to extend services tied to other containers)",
                origin,
                path,
                hint=f"move `{what.split(':')[0]}` out of `{target}` into the services that extend it",
            )


def _rebase(root: Node, file_dir: str, project_dir: str) -> None:
    """Relative paths written in a file under `file_dir`, made relative to `project_dir`."""
    if os.path.abspath(file_dir) == os.path.abspath(project_dir):
        return

    def fix(n: Node) -> None:
        if isinstance(n.value, str):
            p = n.value
            if p.startswith(("/", "~", "\\")) or "://" in p or p.startswith(("git@", "github.com/")) or "$" in p:
                return
            if len(p) > 1 and p[1] == ":":
                return  # C:\ on Windows
            new = os.path.relpath(os.path.normpath(os.path.join(file_dir, p)), project_dir)
            n.value = new if new.startswith("..") else "./" + new if new != "." else "."

    services = root.get("services")
    for svc in services.value.values() if services is not None and services.is_map else ():
        if not svc.is_map:
            continue
        b = svc.get("build")
        if b is not None:
            if isinstance(b.value, str):
                fix(b)
            elif b.is_map:
                if b.get("context") is None:
                    # The implicit context is the directory of the file that wrote it.
                    b.value["context"] = Node(".", b.origin)
                fix(b.value["context"])
        for key in ("env_file", "label_file"):
            e = svc.get(key)
            items = (
                [e] if e is not None and isinstance(e.value, str) else (e.value if e is not None and e.is_seq else [])
            )
            for item in items:
                if isinstance(item.value, str):
                    fix(item)
                elif item.is_map and item.get("path") is not None:
                    fix(item.value["path"])
        vols = svc.get("volumes")
        for item in vols.value if vols is not None and vols.is_seq else ():
            if isinstance(item.value, str) and item.value.startswith(".") and ":" in item.value:
                src, rest = item.value.split(":", 1)
                tmp = Node(src, item.origin)
                fix(tmp)
                item.value = f"{tmp.value}:{rest}"
            elif item.is_map and item.get("source") is not None:
                kind = item.get("type")
                if (kind is not None and kind.value == "bind") or str(item.value["source"].value).startswith("."):
                    fix(item.value["source"])
    for section in ("secrets", "configs"):
        block = root.get(section)
        for body in block.value.values() if block is not None and block.is_map else ():
            if body.is_map and body.get("file") is not None:
                fix(body.value["file"])


def _environment(
    project_dir: str, env_files: Sequence[str] | None, environ: Mapping[str, str], findings: list[Finding]
) -> dict[str, str]:
    env: dict[str, str] = {}
    files = list(env_files) if env_files else []
    if not files and os.path.isfile(os.path.join(project_dir, ".env")):
        files = [os.path.join(project_dir, ".env")]
    for f in files:
        try:
            env.update(read_env_file(f))
        except OSError as exc:
            findings.append(Finding(MISSING_FILE, Severity.ERROR, f"env file: {exc.strerror or exc}", file=f))
    env.update(environ)  # the shell's environment wins over env files, as in Compose
    return env


def load_project(
    files: Sequence[str] | None = None,
    directory: str | None = None,
    *,
    env_files: Sequence[str] | None = None,
    profiles: Sequence[str] = (),
    environ: Mapping[str, str] | None = None,
    interpolate: bool = True,
    project_directory: str | None = None,
    texts: Mapping[str, str] | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    documents: Mapping[str, Document] | None = None,
) -> Project:
    """Load and merge a project: `files` in order (like repeated -f), or discovery in `directory`.

    `environ` defaults to the process environment; `texts` maps paths to
    replacement text (used to load a migrated project without writing it);
    `documents` maps paths to files the caller has loaded already.
    """
    notes: list[Finding] = []
    if not files:
        where = os.path.abspath(directory or ".")
        files, notes = discover(where)
        if not files:
            return Project(
                where,
                findings=[
                    Finding(
                        NO_FILE,
                        Severity.ERROR,
                        f"no Compose file found in {where} (looked for {', '.join(DEFAULT_FILES)})",
                        file=where,
                        hint="name a file with -f, or run in the project's directory",
                    )
                ],
            )
    paths = [os.path.abspath(f) for f in files]
    project_dir = os.path.abspath(project_directory) if project_directory else os.path.dirname(paths[0])
    env_findings: list[Finding] = []
    env = _environment(project_dir, env_files, os.environ if environ is None else environ, env_findings)
    active = tuple(profiles) or tuple(p for p in env.get("COMPOSE_PROFILES", "").split(",") if p)
    loader = _Loader(environ=env, interpolate=interpolate, texts=texts, max_bytes=max_bytes, documents=documents)
    loader.findings += notes + env_findings
    root, legacy = _load_files(loader, paths, env, project_dir, (), roles=("main", "override"))
    project = Project(project_dir, loader.files, root, loader.findings, env, active, legacy)
    if root is not None and root.get("services") is not None:
        _apply_profiles(root, active)
    return project


def _load_files(
    loader: _Loader,
    paths: Sequence[str],
    env: Mapping[str, str],
    project_dir: str,
    include_stack: tuple[str, ...],
    roles: tuple[str, str],
    origin: Origin | None = None,
) -> tuple[Node | None, bool]:
    merged: Node | None = None
    includes: list[tuple[Node, str]] = []
    first: tuple[Document, Origin] | None = None
    docs: list[Document] = []
    for i, path in enumerate(paths):
        doc = loader.document(path, roles[0] if i == 0 else roles[1], origin)
        if doc is None:
            continue
        docs.append(doc)
        layer = loader.layer(doc, env, project_dir)
        loader.resolve_extends(layer, env, project_dir, ())
        inc = layer.value.pop("include", None)
        if inc is not None:
            includes.append((inc, path))
        layer.value.pop("version", None)
        layer.value.pop("extends", None)
        if doc.version is not None and doc.version is not ComposeVersion.SPEC:
            vorigin = _version_origin(doc)
            if first is None:
                first = (doc, vorigin)
            elif doc.version is not first[0].version:
                loader.add(
                    VERSION_MISMATCH,
                    f"Version mismatch: file {first[0].name} specifies version {first[0].version} "
                    f"but extension file {doc.name} uses version {doc.version}",
                    vorigin,
                    "version",
                    hint="docker-compose 1.x refused this; docker compose v2 ignores `version`",
                    severity=Severity.WARNING,
                )
        legacy_now = bool(docs) and all(d.version is not None and d.version is not ComposeVersion.SPEC for d in docs)
        merged = layer if merged is None else merge(merged, layer, (), legacy=legacy_now) or Node({}, layer.origin)
    legacy = bool(docs) and all(d.version is not None and d.version is not ComposeVersion.SPEC for d in docs)
    if merged is not None:
        merged = strip_tags(merged)
        for inc, writer in includes:
            stack = (*include_stack, *[os.path.abspath(p) for p in paths])
            _apply_includes(loader, merged, inc, writer, env, stack, project_dir)
    return merged, legacy


def _version_origin(doc: Document) -> Origin:
    line, col = doc.position(("version",))
    return Origin(doc.name, line, col)


def _apply_includes(
    loader: _Loader,
    root: Node,
    inc: Node,
    writer: str,
    env: Mapping[str, str],
    stack: tuple[str, ...],
    project_dir: str,
) -> None:
    writer_dir = os.path.dirname(os.path.abspath(writer))
    entries = inc.value if inc.is_seq else [inc]
    for entry in entries:
        if isinstance(entry.value, str):
            paths, env_file, pdir = [entry], None, None
        elif entry.is_map and entry.get("path") is not None:
            p = entry.value["path"]
            paths = p.value if p.is_seq else [p]
            env_file = entry.get("env_file")
            pdir = entry.get("project_directory")
        else:
            loader.add(BAD_REFERENCE, "an include entry needs a path", entry.origin, "include")
            continue
        full = [os.path.normpath(os.path.join(writer_dir, str(p.value))) for p in paths]
        cyc = next((f for f in full if f in stack), None)
        if cyc is not None:
            chain = " -> ".join(os.path.basename(s) for s in (*stack, cyc))
            loader.add(CYCLE, f"include forms a cycle: {chain}", entry.origin, "include")
            continue
        sub_env = dict(env)
        if env_file is not None:
            for ef in env_file.value if env_file.is_seq else [env_file]:
                efp = os.path.normpath(os.path.join(writer_dir, str(ef.value)))
                try:
                    sub_env.update(read_env_file(efp))
                except OSError:
                    loader.add(MISSING_FILE, f"{ef.value}: env file not found", ef.origin, "include")
            sub_env.update(loader.environ)
        sub_dir = (
            os.path.normpath(os.path.join(writer_dir, str(pdir.value)))
            if pdir is not None
            else os.path.dirname(full[0])
        )
        sub, _legacy = _load_files(loader, full, sub_env, sub_dir, stack, ("include", "include"), paths[0].origin)
        if sub is None:
            continue
        _rebase(sub, sub_dir, project_dir)
        for section in SECTIONS:
            theirs = sub.get(section)
            if theirs is None or not theirs.is_map:
                continue
            mine = root.get(section)
            if mine is None or not mine.is_map:
                root.value[section] = theirs
                continue
            for k, v in theirs.value.items():
                if k in mine.value and plain(mine.value[k]) != plain(v):
                    loader.add(
                        CONFLICT,
                        f"{section}.{k} conflicts with the one imported from {os.path.basename(full[0])} ({v.origin})",
                        mine.value[k].origin,
                        f"{section}.{k}",
                        hint="docker compose refuses this; rename one, or use an override file to change it",
                    )
                    continue
                mine.value.setdefault(k, v)


def _apply_profiles(root: Node, active: tuple[str, ...]) -> None:
    services = root.value["services"]
    if not services.is_map:
        return
    for name in list(services.value):
        svc = services.value[name]
        prof = svc.get("profiles") if svc.is_map else None
        if prof is None or not prof.is_seq or not prof.value:
            continue
        wanted = {str(p.value) for p in prof.value}
        if "*" in active or wanted & set(active):
            continue
        del services.value[name]
