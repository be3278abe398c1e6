"""Rules and steps: the units a migration is made of.

A step is a package under migrations/ (an alembic revision, in effect); a
rule is one module in it, declared with `Rule(__name__, ...)` and one
`apply(ctx)` function that edits the round-trip tree through yamledit
helpers and records what it did on the Context.  Gates are data on the
rule, so the driver holds no version names (django-upgrade's Fixer idea).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from ..findings import Change, MigrationWarning
from ..versions import ComposeVersion
from ..yamlpath import PathParts, format_path

if TYPE_CHECKING:
    from ..document import Document

LOSSLESS = "lossless"
LOSSY = "lossy"
HUMAN = "human"


@dataclass
class Rule:
    """One migration rule: its id in compose-format-versions.md §3 and its gate.

    `before`/`after` are a short example, shown in docs/rules.md and run by
    the tests, so the documentation cannot drift from the code.
    """

    module: str
    rule_id: str
    order: int
    kind: str = LOSSLESS
    before: str = ""
    after: str = ""
    target: ComposeVersion | None = None  # the --to used for the example
    # The rule runs only when the step's target is within [min_target, max_target].
    min_target: ComposeVersion | None = None
    max_target: ComposeVersion | None = None
    func: Callable[[Context], None] | None = field(default=None, repr=False)

    @property
    def name(self) -> str:
        return self.module.rsplit(".", 1)[-1]

    @property
    def step_name(self) -> str:
        return self.module.rsplit(".", 2)[-2]

    @property
    def summary(self) -> str:
        import sys

        doc = (sys.modules[self.module].__doc__ or "").strip()
        return doc.splitlines()[0] if doc else self.name

    def register(self, func: Callable[[Context], None]) -> Callable[[Context], None]:
        self.func = func
        return func

    def applies_to(self, step_target: ComposeVersion) -> bool:
        if self.min_target is not None and step_target < self.min_target:
            return False
        return not (self.max_target is not None and step_target > self.max_target)


@dataclass
class Step:
    """A hop between format families, e.g. v1 -> 2.x or 2.x -> 3.x."""

    name: str
    sources: tuple[ComposeVersion, ComposeVersion]  # inclusive range the step reads
    targets: tuple[ComposeVersion, ComposeVersion]  # inclusive range it can write
    summary: str
    rules: list[Rule] = field(default_factory=list)

    def reads(self, v: ComposeVersion) -> bool:
        return self.sources[0] <= v <= self.sources[1]

    def writes(self, v: ComposeVersion) -> bool:
        return self.targets[0] <= v <= self.targets[1]


class MigrationError(Exception):
    """A migration that must not be written: our bug, or a refused input."""

    def __init__(self, message: str, *, step: str = "", rule: str = "", path: str = "") -> None:
        super().__init__(message)
        self.step = step
        self.rule = rule
        self.path = path


@dataclass
class Context:
    """What a rule sees: the tree it edits and where to record changes."""

    doc: Document
    tree: Any  # ruamel CommentedMap (the whole file)
    source: ComposeVersion  # the version this step reads
    step_target: ComposeVersion  # the version this step writes
    target: ComposeVersion  # the final target of the whole migration
    changes: list[Change] = field(default_factory=list)
    warnings: list[MigrationWarning] = field(default_factory=list)
    touched: list[str] = field(default_factory=list)  # paths changes account for
    rule: str = ""
    step: str = ""
    base_dir: str = "."

    # -- reading -----------------------------------------------------------
    def services_map(self) -> Any:
        """The mapping that holds the services (the root, in a v1 file)."""
        if self.source is ComposeVersion.V1 and "services" not in self.tree:
            return self.tree
        s = self.tree.get("services")
        return s if isinstance(s, dict) else {}

    def services(self) -> Iterator[tuple[str, Any]]:
        """(name, mapping) for every service, skipping `x-` keys and odd values."""
        for name, svc in list(self.services_map().items()):
            if str(name).startswith("x-") or not isinstance(svc, dict):
                continue
            yield str(name), svc

    def service_names(self) -> set[str]:
        return {name for name, _ in self.services()}

    def svc_path(self, name: str, *rest: Any) -> PathParts:
        if self.source is ComposeVersion.V1 and "services" not in self.tree:
            return (name, *rest)
        return ("services", name, *rest)

    def line_of(self, path: PathParts) -> int:
        """Line in the ORIGINAL file, for messages (0 when it did not exist)."""
        return self.position_of(path)[0]

    def position_of(self, path: PathParts) -> tuple[int, int]:
        """(line, col) of the path's key in the ORIGINAL file (its deepest existing ancestor)."""
        orig = path
        data = self.doc.data
        v1_layout = self.doc.version is ComposeVersion.V1 and isinstance(data, dict) and "services" not in data
        if v1_layout and path[:1] == ("services",):
            orig = path[1:]  # the service moved under `services:` in this run
        return self.doc.position(orig, key=True)

    # -- recording ---------------------------------------------------------
    def change(self, path: PathParts, message: str, *, also: tuple[PathParts, ...] = ()) -> None:
        """Record an edit; `also` names further paths the edit affects."""
        line, col = self.position_of(path)
        self.changes.append(Change(self.rule, format_path(path), message, line, col))
        self.touched.extend(format_path(p) for p in (path, *also))

    def warn(self, path: PathParts, message: str, *, lossy: bool = True, also: tuple[PathParts, ...] = ()) -> None:
        """Record what could not be carried over exactly, and what to do."""
        line, col = self.position_of(path)
        self.warnings.append(MigrationWarning(self.rule, format_path(path), message, line, lossy, col))
        self.touched.extend(format_path(p) for p in (path, *also))
