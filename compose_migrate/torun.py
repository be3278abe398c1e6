"""A Compose file back to the `docker run` commands it stands for.

The reverse of fromrun: networks and volumes are created first, then one
`docker run` per service in start order (depends_on, links, volumes_from,
network_mode: service:).  Beyond version 1, everything is named and labelled
as Docker Compose (v2) names it in a project: networks and volumes
`<project>_<key>` (or their `name:`), containers `<project>-<service>-1`, every
container on its first network by `docker run --network` and on the others by
`docker network connect`, with the service name as an alias; a service that
names no network joins the project's `default` one.  Keys docker run cannot
express become `#` comments naming the key, so nothing is dropped silently.  Values are quoted
for a POSIX shell; Compose interpolation (`${VAR}`) stays expandable by the
shell, and `$$` becomes a literal `$`.
"""

from __future__ import annotations

import re
import shlex
from dataclasses import dataclass, field
from typing import Any

from .findings import Finding, Severity

NO_FLAG = "CM720"  # a key with no docker run equivalent


@dataclass
class RunScript:
    """The commands, in order, and what they could not say."""

    file: str
    lines: list[str] = field(default_factory=list)
    notes: list[Finding] = field(default_factory=list)

    @property
    def text(self) -> str:
        return "#!/bin/sh\n" + "".join(line + "\n" for line in self.lines)


_INTERP = re.compile(r"\$\$|\$\{[^}]*\}|\$[A-Za-z_][A-Za-z0-9_]*|\$")


def shell_word(value: Any) -> str:
    """One shell word that the shell turns back into this Compose value."""
    text = _text(value)
    parts: list[tuple[bool, str]] = []  # (is interpolation, text)
    pos = 0
    for m in _INTERP.finditer(text):
        if m.start() > pos:
            parts.append((False, text[pos : m.start()]))
        tok = m.group(0)
        parts.append((False, "$") if tok in ("$$", "$") else (True, tok))
        pos = m.end()
    if pos < len(text):
        parts.append((False, text[pos:]))
    if not any(interp for interp, _ in parts):
        return shlex.quote("".join(t for _, t in parts))
    out = ['"']
    for interp, t in parts:
        out.append(t if interp else re.sub(r'([\\"`$])', r"\\\1", t))
    out.append('"')
    return "".join(out)


def _text(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return "" if value is None else str(value)


def _seconds(duration: Any) -> int | None:
    if isinstance(duration, (int, float)):
        return int(duration)
    total = 0.0
    units = {"h": 3600, "m": 60, "s": 1, "ms": 0.001, "us": 1e-6, "ns": 1e-9}
    found = re.findall(r"(\d+(?:\.\d+)?)(ms|us|ns|h|m|s)", str(duration))
    if not found:
        return None
    for num, unit in found:
        total += float(num) * units[unit]
    return int(total)


def _number(value: Any) -> float:
    try:
        return float(value or 0)
    except (TypeError, ValueError):
        return 0.0  # an interpolated value: keep file order


def _pairs(value: Any) -> list[str]:
    """A mapping or a `k=v` list as `k=v` strings (a null value: just `k`)."""
    if isinstance(value, dict):
        return [str(k) if v is None else f"{k}={_text(v)}" for k, v in value.items()]
    if isinstance(value, list):
        return [str(v) for v in value]
    return [str(value)]


def _listify(value: Any) -> list[Any]:
    return value if isinstance(value, list) else [value]


def _port(p: Any) -> str:
    if not isinstance(p, dict):
        return str(p)
    text = str(p.get("target", ""))
    if p.get("published") not in (None, ""):
        text = f"{p['published']}:{text}"
    if p.get("host_ip"):
        text = f"{p['host_ip']}:{text}" if ":" in text else f"{p['host_ip']}::{text}"
    if p.get("protocol"):
        text += f"/{p['protocol']}"
    return text


def _mount(v: dict[str, Any]) -> str:
    fields = [f"type={v.get('type', 'volume')}"]
    if v.get("source"):
        fields.append(f"source={v['source']}")
    fields.append(f"target={v.get('target', '')}")
    if v.get("read_only"):
        fields.append("readonly")
    if isinstance(v.get("bind"), dict) and v["bind"].get("propagation"):
        fields.append(f"bind-propagation={v['bind']['propagation']}")
    vol: dict[str, Any] = v["volume"] if isinstance(v.get("volume"), dict) else {}
    if vol.get("nocopy"):
        fields.append("volume-nocopy")
    if vol.get("subpath"):
        fields.append(f"volume-subpath={vol['subpath']}")
    tmpfs: dict[str, Any] = v["tmpfs"] if isinstance(v.get("tmpfs"), dict) else {}
    if "size" in tmpfs:
        fields.append(f"tmpfs-size={tmpfs['size']}")
    if "mode" in tmpfs:
        fields.append(f"tmpfs-mode={int(tmpfs['mode']):o}")
    if v.get("consistency"):
        fields.append(f"consistency={v['consistency']}")
    return ",".join(fields)


def _from_v1(svc: Any) -> Any:
    """Version 1 key names as later formats spell them (the flags are the same)."""
    if not isinstance(svc, dict):
        return svc
    out = dict(svc)
    if "net" in out:
        out["network_mode"] = out.pop("net")
    if "log_driver" in out or "log_opt" in out:
        out["logging"] = {
            **({"driver": out.pop("log_driver")} if "log_driver" in out else {}),
            **({"options": out.pop("log_opt")} if "log_opt" in out else {}),
        }
    return out


def _order(services: dict[str, Any]) -> list[str]:
    """Start order: every service after what it depends on; file order otherwise."""
    deps: dict[str, list[str]] = {}
    for name, svc in services.items():
        need: list[str] = []
        if isinstance(svc, dict):
            need += list(svc.get("depends_on") or {})
            need += [str(x).split(":", 1)[0] for x in svc.get("links") or []]
            need += [str(x).split(":", 1)[0] for x in svc.get("volumes_from") or []]
            mode = str(svc.get("network_mode") or "")
            if mode.startswith("service:"):
                need.append(mode.split(":", 1)[1])
        deps[name] = [n for n in need if n in services and n != name]
    done: list[str] = []
    visiting: set[str] = set()

    def visit(n: str) -> None:
        if n in done or n in visiting:
            return  # a cycle: keep file order for the rest
        visiting.add(n)
        for d in deps[n]:
            visit(d)
        visiting.discard(n)
        done.append(n)

    for n in services:
        visit(n)
    return done


LABEL = "com.docker.compose"  # the label prefix Compose marks its own objects with


def project_name(given: str, file: str = "") -> str:
    """The project name as Compose settles it: the one given, else the file's directory.

    Compose lower-cases it and keeps only `a-z0-9_-`, not leading `_` or `-`.
    A document that is not a file on disk (stdin, text) takes the current
    directory, as `docker compose -f -` does.
    """
    from pathlib import Path

    if not given:
        path = Path(file)
        given = (path.resolve().parent if file and path.is_file() else Path.cwd()).name
    return re.sub(r"[^a-z0-9_-]", "", given.lower()).lstrip("_-") or "default"


def _real_name(project: str, key: str, body: dict[str, Any]) -> tuple[str, bool]:
    """The engine's name of a top-level network or volume, and whether it is external."""
    ext = body.get("external")
    if isinstance(ext, dict):  # 2.x/3.x `external: {name: ...}`
        return str(ext.get("name") or body.get("name") or key), True
    if ext:
        return str(body.get("name") or key), True
    return str(body.get("name") or f"{project}_{key}"), False


def _used_networks(services: dict[str, Any]) -> list[str]:
    """Network keys the services join, `default` for those that name none."""
    used: list[str] = []
    for svc in services.values():
        if not isinstance(svc, dict) or "network_mode" in svc:
            continue
        nets = svc.get("networks")
        for n in ["default"] if nets is None else list(nets):
            if str(n) not in used:
                used.append(str(n))
    return used


def _named_source(spec: Any) -> str | None:
    """The named volume a service volume mounts, if any."""
    if isinstance(spec, dict):
        src = spec.get("source")
        return str(src) if spec.get("type", "volume") == "volume" and src else None
    src, sep, _ = str(spec).partition(":")
    if sep and re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9_.-]*", src):
        return src
    return None


def _networks(
    out: RunScript, data: dict[str, Any], services: dict[str, Any], project: str, comment: Any
) -> dict[str, str]:
    """`docker network create` for every network the project has; key -> engine name."""
    declared: dict[str, Any] = data.get("networks") or {}
    names: dict[str, str] = {}
    keys = list(declared) + [n for n in _used_networks(services) if n not in declared]
    for key in keys:
        body = declared.get(key) or {}
        real, external = _real_name(project, key, body)
        names[key] = real
        if external:
            comment(f"networks.{key}", f"external: network {real!r} must already exist")
            continue
        if key not in declared and key != "default":
            user = next(n for n, s in services.items() if isinstance(s, dict) and key in (s.get("networks") or ()))
            comment(
                f"services.{user}.networks",
                f"network {key!r} is used but not declared (Compose rejects the file); created",
            )
        cmd = ["--label", f"{LABEL}.project={project}", "--label", f"{LABEL}.network={key}"]
        if body.get("driver"):
            cmd += ["--driver", body["driver"]]
        for flag, k in (("--internal", "internal"), ("--attachable", "attachable"), ("--ipv6", "enable_ipv6")):
            if body.get(k):
                cmd.append(flag)
        for kv in _pairs(body.get("driver_opts") or {}):
            cmd += ["--opt", kv]
        for kv in _pairs(body.get("labels") or {}):
            cmd += ["--label", kv]
        ipam = body.get("ipam") or {}
        if ipam.get("driver"):
            cmd += ["--ipam-driver", ipam["driver"]]
        for conf in ipam.get("config") or []:
            for flag, k in (("--subnet", "subnet"), ("--gateway", "gateway"), ("--ip-range", "ip_range")):
                if conf.get(k):
                    cmd += [flag, conf[k]]
        out.lines.append(" ".join(["docker network create", *(shell_word(x) for x in cmd), shell_word(real)]))
    return names


def _volumes(
    out: RunScript, data: dict[str, Any], services: dict[str, Any], project: str, comment: Any
) -> dict[str, str]:
    """`docker volume create` for every named volume the project has; key -> engine name."""
    declared: dict[str, Any] = data.get("volumes") or {}
    used: dict[str, str] = {}  # volume -> the first service mounting it
    for svc_name, svc in services.items():
        for v in svc.get("volumes") or [] if isinstance(svc, dict) else []:
            src = _named_source(v)
            if src is not None:
                used.setdefault(src, svc_name)
    names: dict[str, str] = {}
    for key in list(declared) + [u for u in used if u not in declared]:
        body = declared.get(key) or {}
        real, external = _real_name(project, key, body)
        names[key] = real
        if external:
            comment(f"volumes.{key}", f"external: volume {real!r} must already exist")
            continue
        if key not in declared:
            comment(
                f"services.{used[key]}.volumes",
                f"volume {key!r} is used but not declared (Compose rejects the file); created",
            )
        cmd = ["--label", f"{LABEL}.project={project}", "--label", f"{LABEL}.volume={key}"]
        if body.get("driver"):
            cmd += ["--driver", body["driver"]]
        for kv in _pairs(body.get("driver_opts") or {}):
            cmd += ["--opt", kv]
        for kv in _pairs(body.get("labels") or {}):
            cmd += ["--label", kv]
        out.lines.append(" ".join(["docker volume create", *(shell_word(x) for x in cmd), shell_word(real)]))
    return names


@dataclass
class _Names:
    """What a service's keys refer to, by their engine names."""

    containers: dict[str, str]
    networks: dict[str, str]
    volumes: dict[str, str]
    labels: list[str]  # Compose's own labels for the container


def to_run(doc: Any, *, project: str = "") -> RunScript:
    """The docker commands a Compose document (a Document or path) stands for."""
    from .api import load
    from .document import Document
    from .plain import jsonable, nulls_to_empty
    from .versions import ComposeVersion

    d = doc if isinstance(doc, Document) else load(doc)
    version = d.version or ComposeVersion.SPEC
    data = nulls_to_empty(jsonable(d.data) or {})
    if version is ComposeVersion.V1:
        data = {"services": {k: _from_v1(v) for k, v in data.items() if not str(k).startswith("x-")}}
    out = RunScript(d.name)
    services: dict[str, Any] = data.get("services") or {}
    project = project or str(data.get("name") or "")

    def comment(path: str, why: str) -> None:
        out.lines.append(f"# {path}: {why}")
        line, col = d.position(tuple(path.split(".")), key=True)
        out.notes.append(Finding(NO_FLAG, Severity.WARNING, why, path=path, line=line, col=col, file=d.name))

    if version is ComposeVersion.V1:
        # Version 1 had no project networks or volumes: containers on the default
        # bridge, named volumes used as written, containers named as the service.
        net_names: dict[str, str] = {}
        vol_names: dict[str, str] = {}
        containers = {n: str(s.get("container_name") or n) if isinstance(s, dict) else n for n, s in services.items()}
        labels: list[str] = []
    else:
        project = project_name(project or str(data.get("name") or ""), d.name)
        labels = [f"{LABEL}.project={project}"]
        net_names = _networks(out, data, services, project, comment)
        vol_names = _volumes(out, data, services, project, comment)
        containers = {
            n: str(s.get("container_name") or f"{project}-{n}-1") if isinstance(s, dict) else n
            for n, s in services.items()
        }
    for section in ("secrets", "configs"):
        if data.get(section):
            comment(section, "docker run has no secrets or configs; mount the files with -v instead")

    for name in _order(services):
        svc = services[name]
        if not isinstance(svc, dict):
            continue
        implicit = version is not ComposeVersion.V1 and "networks" not in svc and "network_mode" not in svc
        ctx = _Names(containers, net_names, vol_names, [*labels, f"{LABEL}.service={name}"] if labels else [])
        _service(out, name, svc if not implicit else {**svc, "networks": ["default"]}, ctx, comment)
    return out


def _service(
    out: RunScript,
    name: str,
    svc: dict[str, Any],
    names: _Names,
    comment: Any,
) -> None:
    containers = names.containers
    flags: list[str] = []
    after: list[str] = []  # `docker network connect` lines for the networks after the first

    def add(flag: str, value: Any = None) -> None:
        flags.append(flag if value is None else f"{flag} {shell_word(value)}")

    path = f"services.{name}"
    image = svc.get("image")
    args: list[str] = []
    entry_rest: list[str] = []
    for key, value in svc.items():
        here = f"{path}.{key}"
        if key in ("image", "container_name", "depends_on"):
            continue
        if key == "command":
            args = shlex.split(value) if isinstance(value, str) else [_text(x) for x in value]
        elif key == "entrypoint":
            words = shlex.split(value) if isinstance(value, str) else [_text(x) for x in value]
            if words:
                add("--entrypoint", words[0])
                entry_rest = words[1:]
        elif key == "ports":
            for p in value:
                add("-p", _port(p))
        elif key == "expose":
            for p in value:
                add("--expose", p)
        elif key == "volumes":
            for v in value:
                src = _named_source(v)
                real = names.volumes.get(src, src) if src is not None else None
                if isinstance(v, dict):
                    add("--mount", _mount({**v, "source": real} if real else v))
                else:
                    add("-v", real + str(v)[len(src) :] if real and src else v)
        elif key == "tmpfs":
            for v in _listify(value):
                add("--tmpfs", v)
        elif key == "volumes_from":
            for v in value:
                src, _, mode = str(v).partition(":")
                if src == "container":
                    add("--volumes-from", mode)
                else:
                    add("--volumes-from", containers.get(src, src) + (f":{mode}" if mode else ""))
        elif key == "environment":
            for kv in _pairs(value):
                add("-e", kv)
        elif key == "env_file":
            for f in _listify(value):
                add("--env-file", f["path"] if isinstance(f, dict) else f)
        elif key == "labels":
            for kv in _pairs(value):
                add("-l", kv)
        elif key in ("links", "external_links"):
            for link in value:
                target, _, alias = str(link).partition(":")
                real = containers.get(target, target) if key == "links" else target
                add("--link", f"{real}:{alias or target}")
        elif key == "network_mode":
            mode = str(value)
            if mode.startswith("service:"):
                mode = "container:" + containers.get(mode.split(":", 1)[1], mode.split(":", 1)[1])
            add("--network", mode)
        elif key == "networks":
            _join(name, value, names, add, after, here, comment)
        elif key == "logging":
            if value.get("driver"):
                add("--log-driver", value["driver"])
            for kv in _pairs(value.get("options") or {}):
                add("--log-opt", kv)
        elif key == "healthcheck":
            _health(value, add)
        elif key == "ulimits":
            for uname, lim in value.items():
                add("--ulimit", f"{uname}={lim['soft']}:{lim['hard']}" if isinstance(lim, dict) else f"{uname}={lim}")
        elif key == "extra_hosts":
            for h in _pairs(value) if isinstance(value, list) else [f"{k}:{v}" for k, v in value.items()]:
                add("--add-host", h)
        elif key == "stop_grace_period":
            secs = _seconds(value)
            if secs is None:
                comment(here, f"cannot read {value!r} as a duration")
            else:
                add("--stop-timeout", secs)
        elif key == "pull_policy":
            policy = {"if_not_present": "missing"}.get(str(value), str(value))
            if policy in ("always", "missing", "never"):
                add("--pull", policy)
            else:
                comment(here, f"pull_policy {value!r} has no docker run equivalent")
        elif key == "deploy":
            _deploy(value, add, here, comment)
        elif key in _SIMPLE:
            flag, kind = _SIMPLE[key]
            if kind == "bool":
                if value:
                    add(flag)
            elif kind == "list":
                for v in _listify(value):
                    add(flag, v)
            elif kind == "pairs":
                for kv in _pairs(value):
                    add(flag, kv)
            else:
                add(flag, value)
        elif key == "build":
            comment(here, "build the image first (`docker build`); docker run only starts images")
        else:
            comment(here, "no docker run equivalent")
    if image is None:
        comment(path, "no image: nothing to run")
        return
    own = [f"--label {shell_word(label)}" for label in names.labels]
    line = ["docker run -d", f"--name={shell_word(containers[name])}", *own, *flags, shell_word(image)]
    line += [shell_word(a) for a in entry_rest + args]
    out.lines.append(" ".join(line))
    out.lines.extend(line + " " + shell_word(containers[name]) for line in after)


_NET_OPTS = {"aliases", "ipv4_address", "ipv6_address", "priority"}


def _join(name: str, value: Any, names: _Names, add: Any, after: list[str], here: str, comment: Any) -> None:
    """The first network on the docker run line, the others by `docker network connect`.

    Compose gives the container the service name as an alias on every network.
    """
    nets: dict[str, Any] = value if isinstance(value, dict) else {str(n): None for n in value}
    # Compose connects higher priority first; otherwise file order.
    order = sorted(nets, key=lambda n: -_number((nets[n] or {}).get("priority")))
    for k, net in enumerate(order):
        opts = nets[net] or {}
        for extra in sorted(set(opts) - _NET_OPTS):
            comment(f"{here}.{net}.{extra}", "no docker run equivalent")
        real = names.networks.get(net, net)
        aliases = [name, *(str(a) for a in opts.get("aliases") or [] if str(a) != name)]
        if k == 0:
            add("--network", real)
            for a in aliases:
                add("--network-alias", a)
            if opts.get("ipv4_address"):
                add("--ip", opts["ipv4_address"])
            if opts.get("ipv6_address"):
                add("--ip6", opts["ipv6_address"])
            continue
        cmd = ["docker network connect", *(f"--alias {shell_word(a)}" for a in aliases)]
        if opts.get("ipv4_address"):
            cmd.append(f"--ip {shell_word(opts['ipv4_address'])}")
        if opts.get("ipv6_address"):
            cmd.append(f"--ip6 {shell_word(opts['ipv6_address'])}")
        after.append(" ".join([*cmd, shell_word(real)]))


# key: (flag, kind) for the keys that map one to one.
_SIMPLE: dict[str, tuple[str, str]] = {
    "restart": ("--restart", "value"),
    "working_dir": ("-w", "value"),
    "user": ("-u", "value"),
    "hostname": ("-h", "value"),
    "domainname": ("--domainname", "value"),
    "dns": ("--dns", "list"),
    "dns_search": ("--dns-search", "list"),
    "dns_opt": ("--dns-option", "list"),
    "cap_add": ("--cap-add", "list"),
    "cap_drop": ("--cap-drop", "list"),
    "privileged": ("--privileged", "bool"),
    "read_only": ("--read-only", "bool"),
    "sysctls": ("--sysctl", "pairs"),
    "cpus": ("--cpus", "value"),
    "cpu_shares": ("--cpu-shares", "value"),
    "cpu_period": ("--cpu-period", "value"),
    "cpu_quota": ("--cpu-quota", "value"),
    "cpuset": ("--cpuset-cpus", "value"),
    "mem_limit": ("-m", "value"),
    "mem_reservation": ("--memory-reservation", "value"),
    "memswap_limit": ("--memory-swap", "value"),
    "mem_swappiness": ("--memory-swappiness", "value"),
    "init": ("--init", "bool"),
    "ipc": ("--ipc", "value"),
    "pid": ("--pid", "value"),
    "shm_size": ("--shm-size", "value"),
    "stop_signal": ("--stop-signal", "value"),
    "platform": ("--platform", "value"),
    "devices": ("--device", "list"),
    "device_cgroup_rules": ("--device-cgroup-rule", "list"),
    "group_add": ("--group-add", "list"),
    "security_opt": ("--security-opt", "list"),
    "mac_address": ("--mac-address", "value"),
    "runtime": ("--runtime", "value"),
    "userns_mode": ("--userns", "value"),
    "uts": ("--uts", "value"),
    "cgroup": ("--cgroupns", "value"),
    "cgroup_parent": ("--cgroup-parent", "value"),
    "oom_kill_disable": ("--oom-kill-disable", "bool"),
    "oom_score_adj": ("--oom-score-adj", "value"),
    "pids_limit": ("--pids-limit", "value"),
    "isolation": ("--isolation", "value"),
    "storage_opt": ("--storage-opt", "pairs"),
    "annotations": ("--annotation", "pairs"),
    "stdin_open": ("-i", "bool"),
    "tty": ("-t", "bool"),
    "volume_driver": ("--volume-driver", "value"),
}


def _health(hc: dict[str, Any], add: Any) -> None:
    test = hc.get("test")
    if hc.get("disable") or (isinstance(test, list) and test[:1] == ["NONE"]):
        add("--no-healthcheck")
        return
    if isinstance(test, list) and test:
        kind, rest = test[0], [_text(x) for x in test[1:]]
        # CMD runs without a shell; docker run's --health-cmd always uses one.
        add("--health-cmd", rest[0] if kind == "CMD-SHELL" and len(rest) == 1 else shlex.join(rest))
    elif isinstance(test, str):
        add("--health-cmd", test)
    for key, flag in (
        ("interval", "--health-interval"),
        ("timeout", "--health-timeout"),
        ("retries", "--health-retries"),
        ("start_period", "--health-start-period"),
        ("start_interval", "--health-start-interval"),
    ):
        if key in hc:
            add(flag, hc[key])


def _deploy(deploy: dict[str, Any], add: Any, here: str, comment: Any) -> None:
    resources = deploy.get("resources") or {}
    limits = resources.get("limits") or {}
    if "cpus" in limits:
        add("--cpus", limits["cpus"])
    if "memory" in limits:
        add("-m", limits["memory"])
    if "pids" in limits:
        add("--pids-limit", limits["pids"])
    reservations = resources.get("reservations") or {}
    if "memory" in reservations:
        add("--memory-reservation", reservations["memory"])
    for dev in reservations.get("devices") or []:
        if "gpu" in (dev.get("capabilities") or []):
            if dev.get("device_ids"):
                add("--gpus", '"device=' + ",".join(dev["device_ids"]) + '"')
            else:
                add("--gpus", dev.get("count", "all"))
    rest = {k for k in deploy if k != "resources"} | {k for k in resources if k not in ("limits", "reservations")}
    for k in sorted(rest):
        comment(f"{here}.{k}", "swarm/deploy setting with no docker run equivalent")
