"""The `docker run` flag table: each flag, its long/short/alias forms and the Compose key.

`FLAGS` drives the parser (through `_BY_NAME`) and generates
docs/docker-run-flags.md, so a flag is declared once, here, in the order the
docs list it.  What a flag's value does lives in handlers.py.
"""

from __future__ import annotations

from dataclasses import dataclass

from .handlers import (
    Handler,
    _cpus,
    _duration,
    _entrypoint,
    _env,
    _expose,
    _gpus,
    _health,
    _health_cmd,
    _int,
    _ip,
    _keyval,
    _label,
    _link,
    _listed,
    _log_driver,
    _log_opt,
    _mem_swap,
    _mount,
    _network,
    _network_alias,
    _no_health,
    _noop,
    _publish,
    _publish_all,
    _pull,
    _restart,
    _scalar,
    _size,
    _stop_signal,
    _stop_timeout,
    _sysctl,
    _true,
    _ulimit,
    _volume,
    _volumes_from,
)


@dataclass(frozen=True)
class Flag:
    """One `docker run` flag and the Compose key it becomes."""

    long: str
    short: str | None
    value: bool  # takes a value
    key: str  # Compose key under services.<name> ("" when none)
    handler: Handler
    note: str = ""
    aliases: tuple[str, ...] = ()


FLAGS: list[Flag] = []
_BY_NAME: dict[str, Flag] = {}


def _flag(
    long: str,
    short: str | None,
    key: str,
    handler: Handler,
    *,
    value: bool = True,
    note: str = "",
    aliases: tuple[str, ...] = (),
) -> None:
    f = Flag(long, short, value, key, handler, note, aliases)
    FLAGS.append(f)
    for name in (long, short, *aliases):
        if name:
            if name in _BY_NAME:
                raise RuntimeError(f"flag {name} declared twice")
            _BY_NAME[name] = f


def _noflag(long: str, short: str | None, why: str, *, value: bool = True) -> None:
    _flag(long, short, "", _noop(why), value=value, note=why)


_NO = "it only matters to the docker CLI session"
_noflag("--detach", "-d", "Compose services run detached (`docker compose up -d`)", value=False)
_noflag("--rm", None, "use `docker compose run --rm` for one-off containers", value=False)
_noflag("--sig-proxy", None, _NO, value=False)
_noflag("--attach", "-a", "`docker compose up` attaches to every service")
_noflag("--detach-keys", None, _NO)
_noflag("--cidfile", None, "Compose tracks containers by label")
_noflag("--disable-content-trust", None, "set DOCKER_CONTENT_TRUST in the environment", value=False)
_noflag("--quiet", "-q", _NO, value=False)
_flag("--name", None, "(service name)", lambda s, v, at: None, note="names the service; Compose names the container")
_flag("--interactive", "-i", "stdin_open", _true("stdin_open"), value=False)
_flag("--tty", "-t", "tty", _true("tty"), value=False)
_flag("--publish", "-p", "ports", _publish, note="short syntax, as written (ranges, IPs, /udp)")
_flag("--publish-all", "-P", "", _publish_all, value=False, note="noted: list the ports under `ports:`")
_flag("--expose", None, "expose", _expose)
_flag("--volume", "-v", "volumes", _volume, note="short syntax; a named volume is declared at the top level")
_flag("--mount", None, "volumes", _mount, note="long syntax (bind, volume, tmpfs)")
_flag("--tmpfs", None, "tmpfs", _listed("tmpfs"))
_flag("--volumes-from", None, "volumes_from", _volumes_from)
_flag("--volume-driver", None, "volume_driver", _scalar("volume_driver"))
_flag("--env", "-e", "environment", _env)
_flag("--env-file", None, "env_file", _listed("env_file"))
_flag("--label", "-l", "labels", _label)
_flag("--link", None, "links", _link, note="external_links when the container is not in the script")
_flag(
    "--network", None, "networks", _network, aliases=("--net",), note="host/none/bridge/container: become network_mode"
)
_flag("--network-alias", None, "networks.*.aliases", _network_alias, aliases=("--net-alias",))
_flag("--ip", None, "networks.*.ipv4_address", _ip("ipv4_address"))
_flag("--ip6", None, "networks.*.ipv6_address", _ip("ipv6_address"))
_flag("--restart", None, "restart", _restart)
_flag("--workdir", "-w", "working_dir", _scalar("working_dir"))
_flag("--user", "-u", "user", _scalar("user"))
_flag("--entrypoint", None, "entrypoint", _entrypoint)
_flag("--hostname", "-h", "hostname", _scalar("hostname"))
_flag("--domainname", None, "domainname", _scalar("domainname"))
_flag("--dns", None, "dns", _listed("dns"))
_flag("--dns-search", None, "dns_search", _listed("dns_search"))
_flag("--dns-option", None, "dns_opt", _listed("dns_opt"), aliases=("--dns-opt",))
_flag("--add-host", None, "extra_hosts", _listed("extra_hosts"))
_flag("--cap-add", None, "cap_add", _listed("cap_add"))
_flag("--cap-drop", None, "cap_drop", _listed("cap_drop"))
_flag("--privileged", None, "privileged", _true("privileged"), value=False)
_flag("--read-only", None, "read_only", _true("read_only"), value=False)
_flag("--ulimit", None, "ulimits", _ulimit)
_flag("--sysctl", None, "sysctls", _sysctl)
_flag("--log-driver", None, "logging.driver", _log_driver)
_flag("--log-opt", None, "logging.options", _log_opt)
_flag("--cpus", None, "cpus", _cpus)
_flag("--cpu-shares", "-c", "cpu_shares", _scalar("cpu_shares", _int))
_flag("--cpu-period", None, "cpu_period", _scalar("cpu_period", _int))
_flag("--cpu-quota", None, "cpu_quota", _scalar("cpu_quota", _int))
_flag("--cpuset-cpus", None, "cpuset", _scalar("cpuset"))
_flag("--memory", "-m", "mem_limit", _scalar("mem_limit", _size))
_flag("--memory-reservation", None, "mem_reservation", _scalar("mem_reservation", _size))
_flag("--memory-swap", None, "memswap_limit", _mem_swap)
_flag("--memory-swappiness", None, "mem_swappiness", _scalar("mem_swappiness", int))
_flag("--health-cmd", None, "healthcheck.test", _health_cmd, note='["CMD-SHELL", cmd]')
_flag("--health-interval", None, "healthcheck.interval", _health("interval", _duration))
_flag("--health-timeout", None, "healthcheck.timeout", _health("timeout", _duration))
_flag("--health-retries", None, "healthcheck.retries", _health("retries", int))
_flag("--health-start-period", None, "healthcheck.start_period", _health("start_period", _duration))
_flag("--health-start-interval", None, "healthcheck.start_interval", _health("start_interval", _duration))
_flag("--no-healthcheck", None, "healthcheck.disable", _no_health, value=False)
_flag("--init", None, "init", _true("init"), value=False)
_flag("--ipc", None, "ipc", _scalar("ipc"))
_flag("--pid", None, "pid", _scalar("pid"))
_flag("--shm-size", None, "shm_size", _scalar("shm_size", _size))
_flag("--stop-signal", None, "stop_signal", _stop_signal)
_flag("--stop-timeout", None, "stop_grace_period", _stop_timeout, note="seconds become a duration")
_flag("--platform", None, "platform", _scalar("platform"))
_flag("--gpus", None, "deploy.resources.reservations.devices", _gpus, note="nvidia device reservation")
_flag("--device", None, "devices", _listed("devices"))
_flag("--device-cgroup-rule", None, "device_cgroup_rules", _listed("device_cgroup_rules"))
_flag("--group-add", None, "group_add", _listed("group_add"))
_flag("--security-opt", None, "security_opt", _listed("security_opt"))
_flag("--mac-address", None, "mac_address", _scalar("mac_address"))
_flag("--runtime", None, "runtime", _scalar("runtime"))
_flag("--pull", None, "pull_policy", _pull)
_flag("--userns", None, "userns_mode", _scalar("userns_mode"))
_flag("--uts", None, "uts", _scalar("uts"))
_flag("--cgroupns", None, "cgroup", _scalar("cgroup"))
_flag("--cgroup-parent", None, "cgroup_parent", _scalar("cgroup_parent"))
_flag("--oom-kill-disable", None, "oom_kill_disable", _true("oom_kill_disable"), value=False)
_flag("--oom-score-adj", None, "oom_score_adj", _scalar("oom_score_adj", int))
_flag("--pids-limit", None, "pids_limit", _scalar("pids_limit", int))
_flag("--isolation", None, "isolation", _scalar("isolation"))
_flag("--storage-opt", None, "storage_opt", _keyval("storage_opt"))
_flag("--annotation", None, "annotations", _keyval("annotations"))
