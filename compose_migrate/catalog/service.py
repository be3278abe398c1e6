"""Keys of a service definition (`services.<name>.*`; the top level in v1)."""

from __future__ import annotations

from compose_migrate.catalog.definitions import (
    BOOL,
    INT,
    INT_OR_STR,
    LABELS,
    LIST_OF_STRINGS,
    LIST_OR_DICT,
    NUM,
    NUM_OR_STR,
    STR,
    STRING_OR_LIST,
    STRINGS,
)
from compose_migrate.catalog.model import (
    Arr,
    Ref,
    Shape,
    key,
    mapping,
    obj,
    one_of,
    span,
    t,
    vary,
)

UNIQUE_STRINGS = Arr(STR, unique=True)

_DEPENDS_LIST = Arr(STR, unique=True)
_DEPENDS_ENTRY = obj(
    key(
        "condition",
        vary(
            {
                "2.1-2.4": t("string", enum=("service_started", "service_healthy")),
                "spec": t(
                    "string",
                    enum=("service_started", "service_healthy", "service_completed_successfully"),
                ),
            }
        ),
        required=True,
    ),
    key("required", t("boolean"), "spec"),
    key("restart", BOOL, "spec"),
    ext="spec",
)

_SERVICE_NETWORK = one_of(
    obj(
        key("aliases", LIST_OF_STRINGS),
        key("ipv4_address", STR),
        key("ipv6_address", STR),
        key("link_local_ips", LIST_OF_STRINGS, "2.1-2.4, spec"),
        key("priority", t("number"), "2.0-2.4, spec"),
        key("driver_opts", mapping(NUM_OR_STR, "^.+$", extra=True), "3.13-"),
        key("mac_address", STR, "spec"),
        key("interface_name", STR, "spec"),
        key("gw_priority", t("number"), "spec"),
        ext="spec",
    ),
    t("null"),
)

_PORT_LONG = obj(
    key("mode", STR),
    key("host_ip", STR, "spec"),
    key("target", INT),
    key("published", vary({"3.2-3.13": t("integer"), "spec": INT_OR_STR})),
    key("protocol", STR),
    key("app_protocol", STR, "spec"),
    key("name", STR, "spec"),
    ext="spec",
)

# Closed from the Compose Specification on; legacy 2.3/3.x left these open.
_LEGACY_OPEN = "2.3-2.4, 3.2-3.13"

_VOLUME_LONG = obj(
    key(
        "type",
        vary(
            {
                "2.3-2.4, 3.2-3.13": STR,
                "spec": t("string", enum=("bind", "volume", "tmpfs", "npipe", "cluster", "image")),
            }
        ),
        required=True,
    ),
    key("source", STR),
    key("target", STR),
    key("read_only", BOOL),
    key("consistency", STR),
    key(
        "bind",
        obj(
            key("propagation", STR),
            key("create_host_path", BOOL, "spec"),
            key("recursive", t("string", enum=("enabled", "disabled", "writable", "readonly")), "spec"),
            key("selinux", t("string", enum=("z", "Z")), "spec"),
            extra=_LEGACY_OPEN,
            ext="spec",
        ),
    ),
    key(
        "volume",
        obj(
            key("labels", LIST_OR_DICT, "spec"),
            key("nocopy", BOOL),
            key("subpath", STR, "spec"),
            extra=_LEGACY_OPEN,
            ext="spec",
        ),
    ),
    key(
        "tmpfs",
        obj(
            key(
                "size",
                vary(
                    {
                        "2.3-2.4": INT_OR_STR,
                        "3.6-3.13": t("integer", minimum=0),
                        "spec": t("integer", "string", minimum=0),
                    }
                ),
            ),
            key("mode", NUM_OR_STR, "spec"),
            extra=_LEGACY_OPEN,
            ext="spec",
        ),
        "2.3-2.4, 3.6-",
    ),
    key("image", obj(key("subpath", STR), ext="spec"), "spec"),
    ext="spec",
)

_DEVICE_LONG = obj(
    key("source", STR, required=True),
    key("target", STR),
    key("permissions", STR),
    ext="spec",
)

_ENV_FILE_LONG = obj(
    key("path", STR, required=True),
    key("format", STR),
    key("required", BOOL),
)

_GPU = obj(
    key("capabilities", LIST_OF_STRINGS),
    key("count", INT_OR_STR),
    key("device_ids", LIST_OF_STRINGS),
    key("driver", STR),
    key("options", LIST_OR_DICT),
    extra=True,
)

_WATCH = obj(
    key("path", STR, required=True),
    key(
        "action",
        t("string", enum=("rebuild", "sync", "restart", "sync+restart", "sync+exec")),
        required=True,
    ),
    key("ignore", STRING_OR_LIST),
    key("include", STRING_OR_LIST),
    key("target", STR),
    key("exec", Ref("service_hook")),
    key("initial_sync", t("boolean")),
    ext="spec",
)

_PROVIDER_VALUE = t("string", "number", "boolean")

SERVICE_KEYS = (
    key("annotations", LIST_OR_DICT, "spec"),
    key("attach", BOOL, "spec"),
    key("blkio_config", Ref("blkio_config"), "2.0-2.4, spec"),
    key(
        "build",
        vary({"1": STR, "2.0-": one_of(STR, Ref("build"))}),
        note="v1 accepts only the build context as a string; 2.0 adds the object form",
    ),
    key("cap_add", UNIQUE_STRINGS),
    key("cap_drop", UNIQUE_STRINGS),
    key("cgroup", t("string", enum=("host", "private")), "spec"),
    key("cgroup_parent", STR),
    key("cgroupns_mode", STR, "3.9-3.13", replaced_by="cgroup"),
    key("command", Ref("command")),
    key("configs", Arr(Ref("service_config_or_secret")), "3.3-"),
    key(
        "container_name",
        vary({"1-3.13": STR, "spec": t("string", pattern="[a-zA-Z0-9][a-zA-Z0-9_.-]+")}),
    ),
    key("cpu_count", vary({"2.2-2.4": t("integer", minimum=0), "spec": INT_OR_STR}), "2.2-2.4, spec"),
    key(
        "cpu_percent",
        vary({"2.2-2.4": t("integer", minimum=0, maximum=100), "spec": INT_OR_STR}),
        "2.2-2.4, spec",
    ),
    key("cpu_period", NUM_OR_STR, "2.1-2.4, spec"),
    key("cpu_quota", NUM_OR_STR, "1-2.4, spec", replaced_by="deploy.resources.limits.cpus"),
    key("cpu_rt_period", NUM_OR_STR, "2.2-2.4, spec"),
    key("cpu_rt_runtime", NUM_OR_STR, "2.2-2.4, spec"),
    key(
        "cpu_shares",
        NUM_OR_STR,
        "1-2.4, spec",
        replaced_by="deploy.resources.reservations.cpus",
        note="relative weight; swarm has no exact equivalent",
    ),
    key(
        "cpus",
        vary({"2.2-2.4": t("number", minimum=0), "spec": NUM_OR_STR}),
        "2.2-2.4, spec",
        replaced_by="deploy.resources.limits.cpus",
    ),
    key("cpuset", STR, "1-2.4, spec"),
    key(
        "credential_spec",
        obj(
            key("config", STR, "3.8-"),
            key("file", STR),
            key("registry", STR),
            extra="3.3-3.7",
            ext="spec",
        ),
        "3.3-",
    ),
    key(
        "depends_on",
        vary({"2.0, 3.0-3.13": _DEPENDS_LIST, "2.1-2.4, spec": one_of(_DEPENDS_LIST, mapping(_DEPENDS_ENTRY))}),
        "2.0-",
        note="the mapping form with conditions needs 2.1-2.4 or the Compose Specification",
    ),
    key("deploy", Ref("deployment"), "3.0-"),
    key("develop", Ref("development"), "spec"),
    key("device_cgroup_rules", LIST_OF_STRINGS, "2.3-2.4, spec"),
    key(
        "devices",
        vary({"1-3.13": UNIQUE_STRINGS, "spec": Arr(one_of(STR, _DEVICE_LONG))}),
    ),
    key("dns", STRING_OR_LIST),
    key("dns_opt", UNIQUE_STRINGS, "2.0-2.4, spec"),
    key("dns_search", STRING_OR_LIST),
    key("dockerfile", STR, "1", replaced_by="build.dockerfile"),
    key("domainname", STR),
    key("entrypoint", Ref("command")),
    key(
        "env_file",
        vary({"1-3.13": STRING_OR_LIST, "spec": one_of(STR, Arr(one_of(STR, _ENV_FILE_LONG)))}),
    ),
    key("environment", LIST_OR_DICT),
    key("expose", Arr(t("string", "number", fmt="expose"), unique=True)),
    key(
        "extends",
        one_of(STR, obj(key("service", STR, required=True), key("file", STR))),
        "1-2.4, spec",
    ),
    key("external_links", UNIQUE_STRINGS),
    key("extra_hosts", Ref("extra_hosts")),
    key("gpus", one_of(t("string", enum=("all",)), Arr(_GPU)), "spec"),
    key("group_add", Arr(t("string", "number"), unique=True), "2.0-2.4, spec"),
    key("healthcheck", Ref("healthcheck"), "2.1-"),
    key("hostname", STR),
    key("image", STR),
    key("init", vary({"2.2-2.4": t("boolean", "string"), "3.7-": BOOL}), "2.2-2.4, 3.7-"),
    key("ipc", STR),
    key("isolation", STR, "2.1-2.4, 3.5-"),
    key("label_file", one_of(STR, STRINGS), "spec"),
    key("labels", LABELS),
    key("links", UNIQUE_STRINGS, note="legacy; a shared network plus depends_on replaces it"),
    key("log_driver", STR, "1", replaced_by="logging.driver"),
    key("log_opt", obj(extra=True), "1", replaced_by="logging.options"),
    key(
        "logging",
        obj(
            key("driver", STR),
            key(
                "options",
                vary({"2.0-2.4": obj(extra=True), "3.0-": mapping(t("string", "number", "null"), "^.+$", extra=True)}),
            ),
            ext="spec",
        ),
        "2.0-",
    ),
    key("mac_address", STR),
    key("mem_limit", NUM_OR_STR, "1-2.4, spec", replaced_by="deploy.resources.limits.memory"),
    key(
        "mem_reservation",
        INT_OR_STR,
        "2.0-2.4, spec",
        replaced_by="deploy.resources.reservations.memory",
    ),
    key("mem_swappiness", INT, "1-2.4, spec"),
    key("memswap_limit", NUM_OR_STR, "1-2.4, spec"),
    key(
        "models",
        one_of(LIST_OF_STRINGS, mapping(obj(key("endpoint_var", STR), key("model_var", STR), ext="spec"), extra=True)),
        "spec",
    ),
    key("net", STR, "1", replaced_by="network_mode"),
    key("network_mode", STR, "2.0-"),
    key("networks", one_of(LIST_OF_STRINGS, mapping(_SERVICE_NETWORK)), "2.0-"),
    key("oom_kill_disable", BOOL, "2.1-2.4, spec"),
    key(
        "oom_score_adj",
        vary(
            {
                "2.0-3.13": t("integer", minimum=-1000, maximum=1000),
                "spec": t("integer", "string", minimum=-1000, maximum=1000),
            }
        ),
        "2.0-2.4, 3.13-",
    ),
    key("pid", t("string", "null")),
    key("pids_limit", NUM_OR_STR, "2.1-2.4, spec", replaced_by="deploy.resources.limits.pids"),
    key("platform", STR, "2.4, spec"),
    key(
        "ports",
        Arr(
            vary(
                {
                    "1-3.1": t("number", "string", fmt="ports"),
                    "3.2-": one_of(t("number", "string", fmt="ports"), _PORT_LONG),
                }
            ),
            unique=True,
        ),
        note="the long syntax (target/published/protocol/mode) needs 3.2",
    ),
    key("post_start", Arr(Ref("service_hook")), "spec"),
    key("pre_stop", Arr(Ref("service_hook")), "spec"),
    key("privileged", BOOL),
    key("profiles", LIST_OF_STRINGS, "spec"),
    key(
        "provider",
        obj(
            key("type", STR, required=True),
            key("options", mapping(one_of(_PROVIDER_VALUE, Arr(_PROVIDER_VALUE)), "^.+$", extra=True)),
            ext="spec",
        ),
        "spec",
    ),
    key(
        "pull_policy",
        t("string", pattern="always|never|build|if_not_present|missing|refresh|daily|weekly|every_([0-9]+[wdhms])+"),
        "spec",
    ),
    key("pull_refresh_after", STR, "spec"),
    key("read_only", BOOL),
    key("restart", STR, note="ignored by swarm: see deploy.restart_policy"),
    key("runtime", STR, "2.3-2.4, spec"),
    key("scale", INT, "2.2-2.4, spec", replaced_by="deploy.replicas"),
    key("secrets", Arr(Ref("service_config_or_secret")), "3.1-"),
    key("security_opt", UNIQUE_STRINGS),
    key("shm_size", NUM_OR_STR),
    key("stdin_open", BOOL),
    key("stop_grace_period", t("string", fmt="duration"), "2.0-"),
    key("stop_signal", STR),
    key("storage_opt", obj(extra=True), "2.1-2.4, spec"),
    key("sysctls", LIST_OR_DICT, "2.1-"),
    key("tmpfs", STRING_OR_LIST, "2.0-"),
    key("tty", BOOL),
    key("ulimits", Ref("ulimits")),
    key("use_api_socket", t("boolean"), "spec"),
    key("user", STR),
    key("userns_mode", STR, "2.1-"),
    key("uts", STR, "spec"),
    key(
        "volume_driver",
        STR,
        "1-2.4",
        replaced_by="volumes.<name>.driver",
        note="declare a named volume with its driver at the top level",
    ),
    key(
        "volumes",
        Arr(
            vary({"1-2.2, 3.0-3.1": STR, "2.3-2.4, 3.2-": one_of(STR, _VOLUME_LONG)}),
            unique=True,
        ),
        note="the long syntax needs 2.3 or 3.2",
    ),
    key(
        "volumes_from",
        UNIQUE_STRINGS,
        "1-2.4, spec",
        replaced_by="volumes",
        note="mount the same named volumes in each service instead",
    ),
    key("working_dir", STR),
)

SERVICE: Shape = obj(
    *SERVICE_KEYS,
    ext="2.4, 3.7-",
    depends=((span("1-2.4"), "memswap_limit", ("mem_limit",)),),
)

HEALTHCHECK: Shape = obj(
    key("disable", BOOL),
    key("interval", t("string", fmt="duration")),
    key("retries", NUM),
    key("test", one_of(STR, STRINGS)),
    key("timeout", t("string", fmt="duration")),
    key("start_period", t("string", fmt="duration"), "2.3-2.4, 3.4-"),
    key("start_interval", t("string", fmt="duration"), "3.12-"),
    ext="spec",
)

BLKIO_CONFIG: Shape = obj(
    key("device_read_bps", Arr(Ref("blkio_limit"))),
    key("device_read_iops", Arr(Ref("blkio_limit"))),
    key("device_write_bps", Arr(Ref("blkio_limit"))),
    key("device_write_iops", Arr(Ref("blkio_limit"))),
    key("weight", INT),
    key("weight_device", Arr(Ref("blkio_weight"))),
)

DEVELOPMENT: Shape = obj(key("watch", Arr(_WATCH)), ext="spec", nullable="spec")

DEFINITIONS: dict[str, Shape] = {
    "service": SERVICE,
    "healthcheck": HEALTHCHECK,
    "blkio_config": BLKIO_CONFIG,
    "development": DEVELOPMENT,
}
