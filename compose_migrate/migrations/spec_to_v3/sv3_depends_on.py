"""SV3-3: `depends_on` with conditions becomes a list (3.x has no conditions; anything but service_started is lost)."""

from __future__ import annotations

from ruamel.yaml.comments import CommentedMap

from ... import yamledit
from ..base import LOSSY, Context, Rule
from ._helpers import stack_note

RULE = Rule(
    __name__,
    "SV3-3",
    order=20,
    kind=LOSSY,
    before="services:\n  db:\n    image: postgres:16\n  api:\n    image: example/api:1\n    depends_on:\n"
    "      db:\n        condition: service_healthy\n",
    after='version: "3.8"\nservices:\n  db:\n    image: postgres:16\n  api:\n    image: example/api:1\n'
    "    depends_on:\n      - db\n",
)


@RULE.register
def apply(ctx: Context) -> None:
    for name, svc in ctx.services():
        deps = svc.get("depends_on")
        if not isinstance(deps, CommentedMap) or yamledit.is_merged_key(svc, "depends_on"):
            continue
        path = ctx.svc_path(name, "depends_on")
        lost: list[str] = []
        for dep, body in deps.items():
            body = body if isinstance(body, dict) else {}
            cond = body.get("condition", "service_started")
            if cond != "service_started":
                lost.append(f"{name} no longer waits for {dep} to be {_cond(str(cond))}")
            if body.get("restart") is True:
                lost.append(f"{name} is no longer restarted when {dep} is")
            if body.get("required") is False:
                lost.append(f"{dep} is required again (required: false has no 3.x form)")
        yamledit.replace_key(svc, "depends_on", "depends_on", yamledit.new_seq([str(d) for d in deps]))
        if lost:
            ctx.warn(
                path,
                "depends_on written as a list, which is all 3.x has: "
                + "; ".join(lost)
                + f" (condition service_healthy / service_completed_successfully are lost). {stack_note()}",
            )
        else:
            ctx.change(path, "depends_on written as a list (every entry was condition: service_started)")


def _cond(cond: str) -> str:
    return {"service_healthy": "healthy", "service_completed_successfully": "completed successfully"}.get(cond, cond)
