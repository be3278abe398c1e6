"""Shapes shared by many keys (emitted once per schema under ``definitions``)."""

from __future__ import annotations

from compose_migrate.catalog.model import (
    Arr,
    Ref,
    Shape,
    key,
    mapping,
    obj,
    one_of,
    t,
    vary,
)

STR = t("string")
# The Compose Specification widened most scalars so that `${VAR}` validates.
BOOL = vary({"1-3.13": t("boolean"), "spec": t("boolean", "string")})
INT = vary({"1-3.13": t("integer"), "spec": t("integer", "string")})
NUM = vary({"1-3.13": t("number"), "spec": t("number", "string")})
NUM_OR_STR = t("number", "string")
INT_OR_STR = t("integer", "string")
STRINGS = Arr(STR)
LIST_OF_STRINGS = Ref("list_of_strings")
STRING_OR_LIST = Ref("string_or_list")
LIST_OR_DICT = Ref("list_or_dict")
LABELS = Ref("labels")

_DICT_VALUE = vary({"1-3.13": t("string", "number", "null"), "spec": t("string", "number", "boolean", "null")})


def _dict_or_list(value: Shape) -> Shape:
    return one_of(mapping(value, ".+"), Arr(STR, unique=True))


DEFINITIONS: dict[str, Shape] = {
    "list_of_strings": Arr(STR, unique=True),
    "string_or_list": one_of(STR, LIST_OF_STRINGS),
    "list_or_dict": _dict_or_list(_DICT_VALUE),
    # docker/compose kept label values string-only until 3.6.
    "labels": vary({"1-3.5": _dict_or_list(STR), "3.6-": LIST_OR_DICT}),
    "command": vary({"1-3.13": one_of(STR, STRINGS), "spec": one_of(t("null"), STR, STRINGS)}),
    "extra_hosts": vary(
        {
            "1-3.13": LIST_OR_DICT,
            "spec": one_of(mapping(one_of(STR, Arr(STR, unique=False)), ".+"), Arr(STR, unique=True)),
        }
    ),
    "ulimits": mapping(
        one_of(
            INT,
            obj(
                key("hard", INT, required=True),
                key("soft", INT, required=True),
                ext="spec",
            ),
        ),
        "^[a-z]+$",
        extra=True,
    ),
    "blkio_limit": obj(key("path", STR), key("rate", INT_OR_STR)),
    "blkio_weight": obj(key("path", STR), key("weight", INT)),
    # The long form of a service's `secrets:` / `configs:` entry.
    "service_config_or_secret": one_of(
        STR,
        obj(
            key("source", STR),
            key("target", STR),
            key("uid", STR),
            key("gid", STR),
            key("mode", NUM),
            extra="1-3.13",
            ext="spec",
        ),
    ),
    "service_hook": obj(
        key("command", Ref("command"), required=True),
        key("user", STR),
        key("privileged", BOOL),
        key("working_dir", STR),
        key("environment", LIST_OR_DICT),
        ext="spec",
    ),
}
