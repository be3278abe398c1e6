"""Top-level networks, volumes, secrets, configs and models."""

from __future__ import annotations

from compose_migrate.catalog.definitions import (
    BOOL,
    LABELS,
    LIST_OR_DICT,
    NUM_OR_STR,
    STR,
    STRING_OR_LIST,
    STRINGS,
)
from compose_migrate.catalog.model import Arr, Shape, key, mapping, obj, one_of, t, vary

_DRIVER_OPTS = mapping(NUM_OR_STR, "^.+$", extra=True)
_EXT_NAME = vary({"2.0-3.13": STR, "spec": t("string", deprecated=True)})


def _external(*, closed: bool) -> Shape:
    """`external: true` or `external: {name: ...}` (the name form is deprecated in the spec)."""
    return vary(
        {
            "2.0-3.13": obj(key("name", _EXT_NAME), extra=not closed, also=("boolean",)),
            "spec": obj(
                key("name", _EXT_NAME, replaced_by="name"),
                extra=not closed,
                ext="spec" if closed else "",
                also=("boolean", "string"),
            ),
        }
    )


_IPAM_CONFIG = obj(
    key("subnet", vary({"2.0-2.4": STR, "3.0-3.5": t("string", fmt="subnet_ip_address"), "3.6-": STR})),
    key("ip_range", STR, "2.0-2.4, spec"),
    key("gateway", STR, "2.0-2.4, spec"),
    key("aux_addresses", mapping(STR, "^.+$"), "2.0-2.4, spec"),
    ext="spec",
)

NETWORK: Shape = obj(
    key("name", STR, "2.1-2.4, 3.5-"),
    key("driver", STR),
    key("driver_opts", _DRIVER_OPTS),
    key(
        "ipam",
        obj(
            key("driver", STR),
            key("config", Arr(_IPAM_CONFIG)),
            key("options", mapping(STR, "^.+$"), "2.0-2.4, spec"),
            ext="spec",
        ),
    ),
    key("external", _external(closed=True)),
    key("internal", BOOL),
    key("enable_ipv4", BOOL, "spec"),
    key("enable_ipv6", BOOL, "2.1-2.4, spec"),
    key("attachable", BOOL, "3.2-"),
    key("labels", LABELS, "2.1-"),
    ext="2.4, 3.7-",
    nullable="3.0-",
)


def _segments() -> Shape:
    return Arr(obj(key("segments", LIST_OR_DICT), extra=True))


# docker/cli 3.10-3.13: swarm cluster (CSI) volume options, an extension key.
_CLUSTER_SPEC = obj(
    key("group", STR),
    key(
        "access_mode",
        obj(
            key("scope", STR),
            key("sharing", STR),
            key("block_volume", obj(extra=True)),
            key("mount_volume", obj(key("fs_type", STR), key("mount_flags", STRINGS), extra=True)),
            extra=True,
        ),
    ),
    key(
        "accessibility_requirements",
        obj(key("requisite", _segments()), key("preferred", _segments()), extra=True),
    ),
    key("capacity_range", obj(key("required_bytes", STR), key("limit_bytes", STR), extra=True)),
    key("availability", STR),
    extra=True,
)

VOLUME: Shape = obj(
    key("name", STR, "2.1-2.4, 3.4-"),
    key("driver", STR),
    key("driver_opts", _DRIVER_OPTS),
    key("external", _external(closed=True)),
    key("labels", LABELS, "2.1-"),
    key("x-cluster-spec", _CLUSTER_SPEC, "3.10-3.13"),
    ext="2.4, 3.7-",
    nullable="2.0-",
)

SECRET: Shape = obj(
    key("name", STR, "3.5-"),
    key("environment", STR, "spec"),
    key("file", STR),
    key("external", _external(closed=False)),
    key("labels", LABELS),
    key("driver", STR, "3.8-"),
    key("driver_opts", _DRIVER_OPTS, "3.8-"),
    key("template_driver", STR, "3.8-"),
    ext="3.7-",
)

CONFIG: Shape = obj(
    key("name", STR, "3.5-"),
    key("content", STR, "spec"),
    key("environment", STR, "spec"),
    key("file", STR),
    key("external", _external(closed=False)),
    key("labels", LABELS),
    key("template_driver", STR, "3.8-"),
    ext="3.7-",
)

MODEL: Shape = obj(
    key("name", STR),
    key("model", STR, required=True),
    key("context_size", t("integer")),
    key("runtime_flags", STRINGS),
    ext="spec",
)

INCLUDE: Shape = one_of(
    STR,
    obj(
        key("path", STRING_OR_LIST),
        key("env_file", STRING_OR_LIST),
        key("project_directory", STR),
    ),
)

DEFINITIONS: dict[str, Shape] = {
    "network": NETWORK,
    "volume": VOLUME,
    "secret": SECRET,
    "config": CONFIG,
    "model": MODEL,
    "include": INCLUDE,
}
