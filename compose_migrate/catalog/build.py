"""The object form of `build` (2.0 and later)."""

from __future__ import annotations

from compose_migrate.catalog.definitions import (
    BOOL,
    INT_OR_STR,
    LABELS,
    LIST_OF_STRINGS,
    LIST_OR_DICT,
    STR,
    STRINGS,
)
from compose_migrate.catalog.model import Arr, Ref, Shape, key, obj, t, vary

BUILD: Shape = obj(
    key("context", STR),
    key("dockerfile", STR),
    key("dockerfile_inline", STR, "spec"),
    key("args", LIST_OR_DICT),
    key("ssh", LIST_OR_DICT, "spec"),
    # docker/compose's 3.2 schema took any label value here; 3.3-3.5 strings only.
    key("labels", vary({"3.2": LIST_OR_DICT, "2.1-": LABELS}), "2.1-2.4, 3.2-"),
    key("cache_from", LIST_OF_STRINGS, "2.2-2.4, 3.2-"),
    key("cache_to", LIST_OF_STRINGS, "spec"),
    key("no_cache", BOOL, "spec"),
    key("additional_contexts", LIST_OR_DICT, "spec"),
    key("network", STR, "2.2-2.4, 3.4-"),
    key("provenance", t("string", "boolean"), "spec"),
    key("sbom", t("string", "boolean"), "spec"),
    key("entitlements", STRINGS, "spec"),
    key("pull", BOOL, "spec"),
    key("target", STR, "2.3-2.4, 3.4-"),
    key("shm_size", INT_OR_STR, "2.3-2.4, 3.5-"),
    key("extra_hosts", Ref("extra_hosts"), "2.3-2.4, 3.9-"),
    key("isolation", STR, "2.1-2.4, spec"),
    key("privileged", BOOL, "spec"),
    key("secrets", Arr(Ref("service_config_or_secret")), "spec"),
    key("tags", STRINGS, "spec"),
    key("ulimits", Ref("ulimits"), "spec"),
    key("platforms", STRINGS, "spec"),
    # docker/cli opened the build object to unknown keys in 3.11.
    extra="3.11-3.13",
    ext="spec",
)

DEFINITIONS: dict[str, Shape] = {"build": BUILD}
