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
    return "\n".join(out).rstrip("\n") + "\n"
