"""What each `docker run` flag value does to the service being built.

`_Service` collects one `docker run`'s keys (and where each came from); a
handler reads one flag value into it, noting values it cannot read.  The
table in flags.py names which handler each flag uses.
"""

from __future__ import annotations

import re
import shlex
from collections.abc import Callable
from typing import Any

from ..findings import Finding, Severity
from .lexer import Word
from .result import APPROX, BAD_VALUE, NO_MEANING, FromRunResult

Handler = Callable[["_Service", str, Word], None]

COMPOSE_LABEL = "com.docker.compose"  # the prefix of the labels Compose puts on what it creates
# Compose's own container labels: read as the service's identity, not kept as labels.
_OWN_LABELS = ("project", "service", "container-number", "oneoff", "version", "config-hash")


class _Service:
    """One `docker run` being turned into a service."""

    def __init__(self, result: FromRunResult, line: int) -> None:
        self.result = result
        self.line = line
        self.svc: dict[str, Any] = {}
        self.name: str | None = None
        self.links: list[tuple[str, str, Word]] = []
        self.networks: list[tuple[str, dict[str, Any], Word]] = []
        self.aliases: list[str] = []
        self.net_opts: dict[str, str] = {}
        self.volumes_from: list[tuple[str, Word]] = []
        self.network_container: tuple[str, Word] | None = None
        self.origins: dict[str, tuple[int, int, str]] = {}
        self.compose: dict[str, str] = {}  # Compose's own labels, by their last part
        self.container: str | None = None  # the --name as written

    def note(self, code: str, severity: Severity, at: Word, message: str, hint: str | None = None) -> None:
        self.result.notes.append(
            Finding(code, severity, message, line=at.line, col=at.col, hint=hint, file=self.result.file)
        )

    def set(self, key: str, value: Any, at: Word) -> None:
        self.svc[key] = value
        self.origins.setdefault(key, (at.line, at.col, at.text.split("=", 1)[0]))

    def append(self, key: str, value: Any, at: Word) -> None:
        self.svc.setdefault(key, [])
        self.svc[key].append(value)
        self.origins.setdefault(key, (at.line, at.col, at.text.split("=", 1)[0]))

    def put(self, key: str, sub: str, value: Any, at: Word) -> None:
        self.svc.setdefault(key, {})
        self.svc[key][sub] = value
        self.origins.setdefault(key, (at.line, at.col, at.text.split("=", 1)[0]))


def _scalar(key: str, conv: Callable[[str], Any] = str) -> Handler:
    def h(s: _Service, v: str, at: Word) -> None:
        try:
            s.set(key, conv(v), at)
        except ValueError:
            s.note(BAD_VALUE, Severity.ERROR, at, f"{at.text.split('=', 1)[0]}: cannot read {v!r}")

    return h


def _listed(key: str) -> Handler:
    def h(s: _Service, v: str, at: Word) -> None:
        s.append(key, v, at)

    return h


def _true(key: str) -> Handler:
    def h(s: _Service, v: str, at: Word) -> None:
        if _bool(v):
            s.set(key, True, at)

    return h


def _bool(v: str) -> bool:
    return v.lower() not in ("false", "0")


def _noop(why: str) -> Handler:
    def h(s: _Service, v: str, at: Word) -> None:
        s.note(NO_MEANING, Severity.INFO, at, f"{at.text.split('=', 1)[0]} has no Compose equivalent: {why}")

    return h


def _keyval(key: str) -> Handler:
    def h(s: _Service, v: str, at: Word) -> None:
        k, sep, val = v.partition("=")
        s.put(key, k, val if sep else None, at)

    return h


def _int(v: str) -> int:
    return int(v, 0) if v.lstrip("-").startswith("0x") else int(v)


def _number(v: str) -> int | float:
    f = float(v)
    return int(f) if f.is_integer() and "." not in v else f


def _size(v: str) -> str | int:
    """Sizes keep docker's unit syntax; a bare number of bytes stays a number."""
    if re.fullmatch(r"\d+", v):
        return int(v)
    if not re.fullmatch(r"\d+(\.\d+)?\s*[bkmgBKMG][bB]?", v):
        raise ValueError(v)
    return v.lower()


def _duration(v: str) -> str:
    if not re.fullmatch(r"(\d+(\.\d+)?(ns|us|µs|ms|s|m|h))+|0", v):
        raise ValueError(v)
    return v


# Handlers with their own logic.

_PORT = re.compile(
    r"^(?:(?P<ip>\[[0-9a-fA-F:.]+\]|[0-9.]+|[0-9a-fA-F:]*:[0-9a-fA-F:]+|\$\{?\w+\}?):)?"
    r"(?:(?P<host>\d+(?:-\d+)?|\$\{?\w+\}?)?:)?(?P<ctr>\d+(?:-\d+)?|\$\{?\w+\}?)(?:/(?P<proto>tcp|udp|sctp))?$"
)


def _publish(s: _Service, v: str, at: Word) -> None:
    # An interpolated part (`${PORT:-8080}`) may stand for any number.
    if not _PORT.match(re.sub(r"\$\{[^}]*\}|\$\w+", "1", v)):
        s.note(BAD_VALUE, Severity.ERROR, at, f"cannot read port mapping {v!r}")
        return
    s.append("ports", v, at)


def _publish_all(s: _Service, v: str, at: Word) -> None:
    if _bool(v):
        s.note(
            NO_MEANING,
            Severity.WARNING,
            at,
            "-P/--publish-all has no Compose key: list each exposed port under `ports:` "
            '(a bare container port such as "80" gets a random host port, as -P did)',
        )


def _volume(s: _Service, v: str, at: Word) -> None:
    src = v.split(":", 1)[0] if ":" in v else ""
    if src in s.result.volume_keys:  # a volume Compose's labels name: its key
        src = s.result.volume_keys[src]
        v = src + v[v.index(":") :]
    s.append("volumes", v, at)
    if src and not src.startswith(("/", ".", "~", "$")) and re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9_.-]*", src):
        s.result.volumes.setdefault(src, {})
        s.result.origins.setdefault(("", "volumes." + src), (at.line, at.col, "-v"))


_MOUNT_KEYS = {
    "type",
    "source",
    "src",
    "target",
    "destination",
    "dst",
    "readonly",
    "ro",
    "bind-propagation",
    "volume-nocopy",
    "tmpfs-size",
    "tmpfs-mode",
    "consistency",
    "volume-subpath",
    "bind-recursive",
}


def _mount(s: _Service, v: str, at: Word) -> None:
    entry: dict[str, Any] = {}
    fields: dict[str, str] = {}
    for part in _csv(v):
        k, sep, val = part.partition("=")
        k = k.strip().lower()
        if k not in _MOUNT_KEYS and not k.startswith("volume-"):
            s.note(BAD_VALUE, Severity.WARNING, at, f"--mount: field {k!r} has no Compose equivalent (dropped)")
            continue
        fields[k] = val if sep else "true"
    kind = fields.get("type", "volume")
    if kind not in ("bind", "volume", "tmpfs", "npipe", "image", "cluster"):
        s.note(BAD_VALUE, Severity.ERROR, at, f"--mount: unknown type {kind!r}")
        return
    entry["type"] = kind
    src = fields.get("source", fields.get("src"))
    if src:
        entry["source"] = s.result.volume_keys.get(src, src) if kind == "volume" else src
    tgt = fields.get("target", fields.get("destination", fields.get("dst")))
    if not tgt:
        s.note(BAD_VALUE, Severity.ERROR, at, "--mount needs a target")
        return
    entry["target"] = tgt
    ro = fields.get("readonly", fields.get("ro"))
    if ro is not None and _bool(ro):
        entry["read_only"] = True
    if "consistency" in fields:
        entry["consistency"] = fields["consistency"]
    if "bind-propagation" in fields:
        entry["bind"] = {"propagation": fields["bind-propagation"]}
    if "volume-nocopy" in fields and _bool(fields["volume-nocopy"]):
        entry["volume"] = {"nocopy": True}
    if "volume-subpath" in fields:
        entry.setdefault("volume", {})["subpath"] = fields["volume-subpath"]
    tmpfs: dict[str, Any] = {}
    if "tmpfs-size" in fields:
        try:
            tmpfs["size"] = _size(fields["tmpfs-size"])
        except ValueError:
            s.note(BAD_VALUE, Severity.ERROR, at, f"--mount: cannot read tmpfs-size {fields['tmpfs-size']!r}")
    if "tmpfs-mode" in fields:
        tmpfs["mode"] = int(fields["tmpfs-mode"], 8)
    if tmpfs:
        entry["tmpfs"] = tmpfs
    for k in fields:
        if k.startswith("volume-") and k not in ("volume-nocopy", "volume-subpath"):
            s.note(
                APPROX,
                Severity.WARNING,
                at,
                f"--mount {k}: volume options belong to the volume, not the mount; "
                "declare them under the top-level volume's driver_opts",
            )
    s.append("volumes", entry, at)
    if kind == "volume" and src and re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9_.-]*", src):
        s.result.volumes.setdefault(entry["source"], {})


def _csv(v: str) -> list[str]:
    # --mount values are CSV: a field may be quoted to hold a comma.
    import csv

    return next(csv.reader([v])) if v else []


def _env(s: _Service, v: str, at: Word) -> None:
    k, sep, val = v.partition("=")
    if not k:
        s.note(BAD_VALUE, Severity.ERROR, at, f"-e: no variable name in {v!r}")
        return
    s.put("environment", k, val if sep else None, at)


def _label(s: _Service, v: str, at: Word) -> None:
    k, sep, val = v.partition("=")
    own = k[len(COMPOSE_LABEL) + 1 :] if k.startswith(COMPOSE_LABEL + ".") else ""
    if own in _OWN_LABELS:
        s.compose[own] = val
        return
    s.put("labels", k, val, at)


def _link(s: _Service, v: str, at: Word) -> None:
    name, _, alias = v.partition(":")
    s.links.append((name, alias or name, at))


_NET_FIELDS = {
    "alias": "aliases",
    "ip": "ipv4_address",
    "ip6": "ipv6_address",
    "mac-address": "mac_address",
    "link-local-ip": "link_local_ips",
    "driver-opt": "driver_opts",
    "gw-priority": "gw_priority",
}


def _network(s: _Service, v: str, at: Word) -> None:
    if v == "default":  # docker's name for its default bridge: what Compose v1 used too
        return
    if v in ("host", "none", "bridge"):
        s.set("network_mode", v, at)
        return
    if v.startswith("container:"):
        s.network_container = (v.split(":", 1)[1], at)
        return
    if "=" not in v:
        s.networks.append((v, {}, at))
        return
    # The advanced form: --network name=NET,alias=A,ip=IP,...
    opts: dict[str, Any] = {}
    name = ""
    for part in _csv(v):
        k, _, val = part.partition("=")
        if k == "name":
            name = val
        elif k in ("alias", "link-local-ip"):
            opts.setdefault(_NET_FIELDS[k], []).append(val)
        elif k == "driver-opt":
            dk, _, dv = val.partition("=")
            opts.setdefault("driver_opts", {})[dk] = dv
        elif k in _NET_FIELDS:
            opts[_NET_FIELDS[k]] = int(val) if k == "gw-priority" else val
        else:
            s.note(BAD_VALUE, Severity.ERROR, at, f"--network: unknown field {k!r}")
    if not name:
        s.note(BAD_VALUE, Severity.ERROR, at, f"--network: no name= in {v!r}")
        return
    s.networks.append((name, opts, at))


def _network_alias(s: _Service, v: str, at: Word) -> None:
    s.aliases.append(v)
    s.origins.setdefault("networks", (at.line, at.col, "--network-alias"))


def _ip(key: str) -> Handler:
    def h(s: _Service, v: str, at: Word) -> None:
        s.net_opts[key] = v
        s.origins.setdefault("networks", (at.line, at.col, at.text.split("=", 1)[0]))

    return h


def _volumes_from(s: _Service, v: str, at: Word) -> None:
    s.volumes_from.append((v, at))


def _entrypoint(s: _Service, v: str, at: Word) -> None:
    # docker run takes the whole value as the executable, never split.
    s.set("entrypoint", v if shlex.quote(v) == v else [v], at)


def _ulimit(s: _Service, v: str, at: Word) -> None:
    name, sep, limits = v.partition("=")
    soft, _, hard = limits.partition(":")
    try:
        if hard:
            s.put("ulimits", name, {"soft": int(soft), "hard": int(hard)}, at)
        else:
            s.put("ulimits", name, int(soft), at)
    except ValueError:
        s.note(BAD_VALUE, Severity.ERROR, at, f"--ulimit: cannot read {v!r} (want name=soft[:hard])")


def _sysctl(s: _Service, v: str, at: Word) -> None:
    k, sep, val = v.partition("=")
    if not sep:
        s.note(BAD_VALUE, Severity.ERROR, at, f"--sysctl: want name=value, got {v!r}")
        return
    s.put("sysctls", k, val, at)


def _log_opt(s: _Service, v: str, at: Word) -> None:
    k, _, val = v.partition("=")
    s.svc.setdefault("logging", {}).setdefault("options", {})[k] = val
    s.origins.setdefault("logging", (at.line, at.col, "--log-opt"))


def _log_driver(s: _Service, v: str, at: Word) -> None:
    logging = s.svc.setdefault("logging", {})
    logging["driver"] = v
    # driver first, as people write it
    if "options" in logging:
        logging["options"] = logging.pop("options")
    s.origins.setdefault("logging", (at.line, at.col, "--log-driver"))


def _health(sub: str, conv: Callable[[str], Any] = str) -> Handler:
    def h(s: _Service, v: str, at: Word) -> None:
        try:
            val = conv(v)
        except ValueError:
            s.note(BAD_VALUE, Severity.ERROR, at, f"{at.text.split('=', 1)[0]}: cannot read {v!r}")
            return
        s.put("healthcheck", sub, val, at)

    return h


def _health_cmd(s: _Service, v: str, at: Word) -> None:
    # --health-cmd runs through the container's shell, as CMD-SHELL does.
    s.put("healthcheck", "test", ["CMD-SHELL", v], at)


def _no_health(s: _Service, v: str, at: Word) -> None:
    if _bool(v):
        s.put("healthcheck", "disable", True, at)


def _stop_timeout(s: _Service, v: str, at: Word) -> None:
    try:
        s.set("stop_grace_period", f"{int(v)}s", at)
    except ValueError:
        s.note(BAD_VALUE, Severity.ERROR, at, f"--stop-timeout: want seconds, got {v!r}")


def _gpus(s: _Service, v: str, at: Word) -> None:
    dev: dict[str, Any] = {"driver": "nvidia"}
    fields = _csv(v)
    for part in fields:
        k, sep, val = part.partition("=")
        if not sep:
            if k == "all":
                dev["count"] = "all"
            elif k.isdigit():
                dev["count"] = int(k)
            else:
                s.note(BAD_VALUE, Severity.ERROR, at, f"--gpus: cannot read {v!r}")
                return
        elif k == "count":
            dev["count"] = "all" if val == "all" else int(val)
        elif k == "device":
            dev["device_ids"] = val.split(",")
        elif k == "driver":
            dev["driver"] = val
        elif k == "capabilities":
            dev["capabilities"] = val.split(",")
    dev.setdefault("capabilities", ["gpu"])
    s.svc.setdefault("deploy", {}).setdefault("resources", {}).setdefault("reservations", {}).setdefault(
        "devices", []
    ).append(dev)
    s.origins.setdefault("deploy", (at.line, at.col, "--gpus"))


def _pull(s: _Service, v: str, at: Word) -> None:
    if v not in ("always", "missing", "never"):
        s.note(BAD_VALUE, Severity.ERROR, at, f"--pull: want always, missing or never, got {v!r}")
        return
    s.set("pull_policy", v, at)


def _stop_signal(s: _Service, v: str, at: Word) -> None:
    s.set("stop_signal", v, at)


def _expose(s: _Service, v: str, at: Word) -> None:
    s.append("expose", v, at)


def _mem_swap(s: _Service, v: str, at: Word) -> None:
    if v == "-1":
        s.set("memswap_limit", -1, at)
        return
    _scalar("memswap_limit", _size)(s, v, at)


def _cpus(s: _Service, v: str, at: Word) -> None:
    try:
        s.set("cpus", _number(v), at)
    except ValueError:
        s.note(BAD_VALUE, Severity.ERROR, at, f"--cpus: cannot read {v!r}")


def _restart(s: _Service, v: str, at: Word) -> None:
    if not re.fullmatch(r"no|always|unless-stopped|on-failure(:\d+)?", v):
        s.note(BAD_VALUE, Severity.ERROR, at, f"--restart: unknown policy {v!r}")
        return
    s.set("restart", v, at)
