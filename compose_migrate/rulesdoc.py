"""docs/rules.md, generated from the rule registry (one source, tested)."""

from __future__ import annotations

from .migrations import STEP_DEFS


def render_rules_doc() -> str:
    out = [
        "# Migration rules",
        "",
        "Generated from the rule registry by `python scripts/generate_rules_doc.py`;",
        "`tests/test_rules_doc.py` fails when this file and the registry disagree.",
        "Rule ids refer to the tables of compose-format-versions.md §3.",
        "Each example is run by `tests/rules/test_examples.py`.",
        "",
    ]
    for step in STEP_DEFS:
        out += [f"## {step.name}: {step.summary}", ""]
        if not step.rules:
            out += ["(no rules)", ""]
        for rule in step.rules:
            out += [f"### `{rule.name}` ({rule.rule_id}, {rule.kind})", "", rule.summary, ""]
            if rule.min_target or rule.max_target:
                lo = rule.min_target.label if rule.min_target else "any"
                hi = rule.max_target.label if rule.max_target else "any"
                out += [f"Runs when the step writes {lo} ... {hi}.", ""]
            if rule.before:
                out += ["Before:", "", "```yaml", rule.before.rstrip("\n"), "```", ""]
                out += ["After:", "", "```yaml", rule.after.rstrip("\n"), "```", ""]
    out += ["## Rule ids with no module, and why", ""]
    for rule_id, why in NO_MODULE:
        out += [f"- **{rule_id}**: {why}"]
    return "\n".join(out).rstrip("\n") + "\n"


# Rule ids of compose-format-versions.md §3 that need no edit of their own.
# tests/test_rules_doc.py checks that together with the registry they cover
# every id of the three tables.
NO_MODULE: list[tuple[str, str]] = [
    (
        "V2-8",
        "`restart` is valid in every 3.x; Compose v2 honours it as written. Adding "
        "`deploy.restart_policy` would change what Compose v2 does, so nothing is written.",
    ),
    ("V2-24", "`links`, `container_name`, `expose`, `restart`, `build`, `network_mode` are valid 3.x as written."),
    ("V2-25", "2.x and 3.x share the interpolation syntax: nothing to rewrite."),
    (
        "S-2",
        "3.x keys are valid in the Compose Specification as written (only `cgroupns_mode` is not: S-4).",
    ),
    (
        "S-5",
        "done by the plan, not by a rule: 2.x files go to the Specification directly, never "
        "through 3.x, so nothing that 3.x lacks is lost on the way and nothing needs restoring.",
    ),
    (
        "S-8",
        "a human decision: restricting connectivity to linked pairs would break services that "
        "reach each other by name on the default network today. We keep the shared network, "
        "and S-7 (spec_links) warns that a network alias is visible to every service on it.",
    ),
    ("S-9", "top-level `name` is optional; it is kept when present and never added (it would rename volumes)."),
    ("S-13", "`container:`/`service:` references in volumes_from, network_mode, pid and ipc are valid as written."),
]
