"""Registry of migration steps and rules, and the plan between two versions.

Steps are the sub-packages of this package; rules are their modules.  Adding
a rule is adding a file: discovery is by walking the packages (pyupgrade's
plugin idea).  The chain is checked at import, so a broken registry fails
loudly at start-up, not half-way through a migration (alembic's RevisionMap).
"""

from __future__ import annotations

import importlib
import pkgutil

from ..versions import ComposeVersion
from .base import HUMAN, LOSSLESS, LOSSY, Context, MigrationError, Rule, Step

__all__ = ["HUMAN", "LOSSLESS", "LOSSY", "Context", "MigrationError", "Rule", "Step", "STEPS", "RULES", "plan"]

V = ComposeVersion

# The hops, in the order a chain may use them.  Each names the range of
# versions it reads and the range it may write.
STEP_DEFS: list[Step] = [
    Step("v1_to_v2", (V.V1, V.V1), (V.V2_0, V.V2_4), "v1 -> 2.x: services under `services:`, v1 keys renamed"),
    Step("v2_to_v2", (V.V2_0, V.V2_3), (V.V2_1, V.V2_4), "2.x -> a later 2.y: only the version changes"),
    Step("v2_to_v3", (V.V2_0, V.V2_4), (V.V3_0, V.V3_13), "2.x -> 3.x: keys 3.x dropped are moved or reported"),
    Step("v3_to_v3", (V.V3_0, V.V3_12), (V.V3_1, V.V3_13), "3.x -> a later 3.y: only the version changes"),
    Step("to_spec", (V.V2_0, V.V3_13), (V.SPEC, V.SPEC), "2.x or 3.x -> Compose Specification"),
    Step("spec_to_v3", (V.SPEC, V.SPEC), (V.V3_0, V.V3_13), "Compose Specification -> 3.x for `docker stack deploy`"),
]
STEPS: dict[str, Step] = {s.name: s for s in STEP_DEFS}
RULES: dict[str, Rule] = {}


def _discover() -> None:
    for step in STEP_DEFS:
        try:
            pkg = importlib.import_module(f"{__name__}.{step.name}")
        except ModuleNotFoundError as exc:
            if exc.name == f"{__name__}.{step.name}":
                continue  # a step with no rules yet
            raise
        for info in pkgutil.iter_modules(pkg.__path__):
            if info.name.startswith("_"):
                continue  # helpers shared by a step's rules, not rules
            mod = importlib.import_module(f"{pkg.__name__}.{info.name}")
            rule = getattr(mod, "RULE", None)
            if not isinstance(rule, Rule):
                raise RuntimeError(f"{mod.__name__} declares no RULE")
            if rule.func is None:
                raise RuntimeError(f"{mod.__name__}: RULE has no apply function (use @RULE.register)")
            if rule.name in RULES:
                raise RuntimeError(f"two rules named {rule.name}")
            RULES[rule.name] = rule
            step.rules.append(rule)
        step.rules.sort(key=lambda r: (r.order, r.name))
        orders = [r.order for r in step.rules]
        if len(set(orders)) != len(orders):
            raise RuntimeError(f"step {step.name}: two rules share an order number")


_discover()


def plan(source: ComposeVersion, target: ComposeVersion) -> list[tuple[Step, ComposeVersion]]:
    """The steps from source to target, each with the version it writes.

    2.x goes to the Compose Specification directly, never through 3.x, which
    would drop what the Specification kept (§3.3 S-5).  Going down is only
    offered from the Specification to 3.x, for `docker stack deploy`.
    """
    if source == target:
        return []
    if source is V.V1:
        if target is V.V1:
            return []
        if target.major == 2:
            return [(STEPS["v1_to_v2"], target)]
        # v1 -> 3.x or spec goes through the 2.x rules first; 2.4 holds any 2.x.
        return [(STEPS["v1_to_v2"], V.V2_4), *plan(V.V2_4, target)]
    if source is V.SPEC:
        if target.major == 3:
            return [(STEPS["spec_to_v3"], target)]
        raise MigrationError(f"cannot migrate the Compose Specification down to {target.label}")
    if target < source:
        raise MigrationError(f"cannot migrate {source.label} down to {target.label}")
    if target is V.SPEC:
        return [(STEPS["to_spec"], target)]
    if source.major == target.major:
        return [(STEPS["v2_to_v2" if source.major == 2 else "v3_to_v3"], target)]
    if target.major == 3:
        return [(STEPS["v2_to_v3"], target)]
    if target is V.V1:
        raise MigrationError(f"cannot migrate {source.label} down to version 1")
    raise MigrationError(f"no migration from {source.label} to {target.label}")
