"""The top level of a Compose file (in v1 the top level is the service map)."""

from __future__ import annotations

from compose_migrate.catalog.model import Arr, Ref, Shape, key, mapping, obj, t, vary

TOP_KEYS = (
    key(
        "version",
        vary({"2.0-3.13": t("string"), "spec": t("string", deprecated=True)}),
        "2.0-",
        note="required in 3.0-3.9; optional in 3.10+; ignored (deprecated) in the Compose Specification",
        required=True,
    ),
    key("name", t("string"), "spec"),
    key("include", Arr(Ref("include")), "spec"),
    key(
        "services",
        mapping(Ref("service")),
        note="in v1 the service map is the whole file",
    ),
    key("networks", mapping(Ref("network"), extra=True), "2.0-"),
    key("volumes", mapping(Ref("volume")), "2.0-"),
    key("secrets", mapping(Ref("secret")), "3.1-"),
    key("configs", mapping(Ref("config")), "3.3-"),
    key("models", mapping(Ref("model"), extra=True), "spec"),
)

ROOT: Shape = obj(*TOP_KEYS, ext="2.0-2.4, 3.4-", required_in="3.0-3.9")

TOP_KEYS_BY_NAME = {k.name: k for k in TOP_KEYS}
