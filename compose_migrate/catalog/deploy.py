"""`deploy` (3.0 and later): swarm placement, replicas, resources, update policy."""

from __future__ import annotations

from compose_migrate.catalog.definitions import (
    INT,
    INT_OR_STR,
    LABELS,
    LIST_OF_STRINGS,
    LIST_OR_DICT,
    NUM,
    STR,
    STRINGS,
)
from compose_migrate.catalog.model import Arr, Ref, Shape, key, obj, t, vary

_CPUS = vary({"3.0-3.13": STR, "spec": t("number", "string")})
_DURATION = vary({"3.0-3.13": t("string", fmt="duration"), "spec": STR})
_ORDER = t("string", enum=("start-first", "stop-first"))


def _rollout(order_from: str) -> Shape:
    return obj(
        key("parallelism", INT),
        key("delay", _DURATION),
        key("failure_action", STR),
        key("monitor", _DURATION),
        key("max_failure_ratio", NUM),
        key("order", _ORDER, order_from),
        ext="spec",
    )


DEPLOYMENT: Shape = obj(
    key("mode", STR),
    key("endpoint_mode", STR, "3.2-"),
    key("replicas", INT),
    key("labels", LABELS),
    key("rollback_config", _rollout("3.7-"), "3.7-"),
    key("update_config", _rollout("3.4-")),
    key(
        "resources",
        obj(
            key(
                "limits",
                obj(
                    key("cpus", _CPUS),
                    key("memory", STR),
                    key("pids", INT, "3.9-"),
                    ext="spec",
                ),
            ),
            key(
                "reservations",
                obj(
                    key("cpus", _CPUS),
                    key("memory", STR),
                    key("generic_resources", Ref("generic_resources"), "3.5-"),
                    key("devices", Ref("devices"), "spec"),
                    ext="spec",
                ),
            ),
            ext="spec",
        ),
    ),
    key(
        "restart_policy",
        obj(
            key("condition", STR),
            key("delay", _DURATION),
            key("max_attempts", INT),
            key("window", _DURATION),
            ext="spec",
        ),
    ),
    key(
        "placement",
        obj(
            key("constraints", STRINGS),
            key("preferences", Arr(obj(key("spread", STR), ext="spec")), "3.3-"),
            key("max_replicas_per_node", INT, "3.8-"),
            ext="spec",
        ),
    ),
    ext="spec",
    nullable="3.0-",
)

GENERIC_RESOURCES: Shape = Arr(
    obj(
        key(
            "discrete_resource_spec",
            obj(key("kind", STR), key("value", NUM), ext="spec"),
        ),
        ext="spec",
    )
)

DEVICES: Shape = Arr(
    obj(
        key("capabilities", LIST_OF_STRINGS, required=True),
        key("count", INT_OR_STR),
        key("device_ids", LIST_OF_STRINGS),
        key("driver", STR),
        key("options", LIST_OR_DICT),
        ext="spec",
    )
)

DEFINITIONS: dict[str, Shape] = {
    "deployment": DEPLOYMENT,
    "generic_resources": GENERIC_RESOURCES,
    "devices": DEVICES,
}
