"""`compose-migrate lint`: Compose best practices, with safe fixes.

Validation says whether Compose accepts a file; lint says whether the file is
a good idea.  Rules are modules under lint/rules/ (discovered, like the
migration rules); `lint_documents` runs them and returns one result per file
in the shape the reporters take.  `--fix` lives in lint/fix.py.
"""

from __future__ import annotations

import importlib
import pkgutil

from .base import Hit, LintRule
from .engine import LintResult, ignored_codes, lint_documents, lint_text, select_rules

__all__ = ["RULES", "Hit", "LintResult", "LintRule", "ignored_codes", "lint_documents", "lint_text", "select_rules"]

RULES: dict[str, LintRule] = {}


def _discover() -> None:
    from . import rules as pkg

    for info in pkgutil.iter_modules(pkg.__path__):
        if info.name.startswith("_"):
            continue
        mod = importlib.import_module(f"{pkg.__name__}.{info.name}")
        rule = getattr(mod, "RULE", None)
        if not isinstance(rule, LintRule) or rule.func is None:
            raise RuntimeError(f"{mod.__name__} declares no RULE with a registered check")
        if rule.code in RULES:
            raise RuntimeError(f"two lint rules share the code {rule.code}")
        RULES[rule.code] = rule


_discover()
RULES = dict(sorted(RULES.items()))
