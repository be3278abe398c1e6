"""SV3-7: keys the 3.x target lacks (profiles, extends, name, include, develop, x-* < 3.4) go, each with a warning."""

from __future__ import annotations

from typing import Any

from ruamel.yaml.comments import CommentedMap, CommentedSeq

from ... import yamledit
from ...yamlpath import PathParts
from ..base import LOSSY, Context, Rule
from ._helpers import child_pattern, has_children, stack_note, where_accepted

RULE = Rule(
    __name__,
    "SV3-7",
    order=800,
    kind=LOSSY,
    before="name: shop\nservices:\n  web:\n    image: nginx:1.25\n    profiles: [debug]\n",
    after='version: "3.8"\nservices:\n  web:\n    image: nginx:1.25\n',
)

# What a removed key did, for the warning (the generic text covers the rest).
WHAT = {
    "name": "the project name (resources will be named after the stack instead)",
    "profiles": "the service now starts with every deploy, not only with its profile",
    "extends": "the settings it inherited from its base service are NOT copied in; add them by hand",
    "include": "the included files are no longer loaded; deploy them as their own stacks or merge them",
    "pull_policy": "the image pull policy (swarm decides when to pull)",
    "develop": "the `docker compose watch` settings",
    "models": "the AI model definitions",
}


@RULE.register
def apply(ctx: Context) -> None:
    _walk(ctx, ctx.tree, "", ())


def _walk(ctx: Context, node: Any, pattern: str, path: PathParts) -> None:
    target = ctx.step_target
    if isinstance(node, CommentedMap):
        for key in list(yamledit.own_keys(node)):
            child = child_pattern(target, pattern, str(key))
            here = (*path, key)
            if child is None:
                shown = f"{pattern}.{key}" if pattern else str(key)
                lost = WHAT.get(str(key), "what it set")
                yamledit.delete_key(node, key)
                ctx.warn(
                    here,
                    f"{key} removed: the {target.label} format has no {shown} (accepted in "
                    f"{where_accepted(shown)}); lost: {lost}. {stack_note()}",
                )
                continue
            if has_children(target, child):
                _walk(ctx, node[key], child, here)
    elif isinstance(node, CommentedSeq):
        item = f"{pattern}[]"
        if has_children(target, item):
            for i, value in enumerate(node):
                _walk(ctx, value, item, (*path, i))
