"""`docker run` commands to a Compose file (the chain's first step).

A shell script (or stdin) is cut into words the way a POSIX shell cuts them:
`_scan` finds word boundaries, line continuations, comments and command
separators and remembers where each word starts; the standard library's
`shlex` then removes the quoting of each word.  A `$` the shell would have
expanded (`$VAR`, `${VAR}`) stays as Compose interpolation text; a `$` the
shell would have kept literally (single quotes, `\\$`) is written `$$`.

Each `docker run` becomes one service in the Compose Specification form,
driven by the flag table `FLAGS` (which also generates
docs/docker-run-flags.md).  `docker network create` and `docker volume create`
become top-level networks and volumes.  `to_compose` then writes any target:
version 1 directly, every later version by running the v1 (or Specification)
text through the project's own migration rules.
"""

from __future__ import annotations

import re
import shlex
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from .findings import ComposeMigrateError, Finding, Severity
from .versions import ComposeVersion

# Finding codes of this module.
NOT_RUN = "CM700"  # a line that is not a docker command we convert (skipped)
NO_MEANING = "CM701"  # a flag with no Compose meaning (noted)
UNKNOWN_FLAG = "CM702"  # a flag we do not know
APPROX = "CM703"  # converted, but not exactly: what differs
BAD_VALUE = "CM704"  # a flag value we cannot read
CANNOT_HOLD = "CM710"  # the target format lacks a key the commands need


# --- words ------------------------------------------------------------------


@dataclass(frozen=True)
class Word:
    """One shell word, unquoted, with where it starts in the script (1-based)."""

    text: str
    line: int
    col: int


_NAME_START = re.compile(r"[A-Za-z_{]")


def _scan(text: str, substitutions: list[tuple[int, int]] | None = None) -> list[list[Word]]:
    """The script's simple commands, each a list of words.

    Newlines, `;`, `&`, `&&`, `||` and `|` end a command; `\\`-newline joins
    lines; `#` at the start of a word starts a comment.  Each word's raw text
    (quotes still in it) goes through shlex for the unquoting.
    """
    commands: list[list[Word]] = []
    words: list[Word] = []
    raw: list[str] = []
    start: tuple[int, int] | None = None
    line, col = 1, 1
    i, n = 0, len(text)
    state = ""  # "", "'" or '"'

    def end_word() -> None:
        nonlocal raw, start
        if start is not None:
            joined = "".join(raw)
            try:
                parts = shlex.split(joined, comments=False, posix=True)
            except ValueError:  # an unclosed quote at the end of the script
                parts = [joined.strip("'\"")]
            words.append(Word(parts[0] if parts else "", start[0], start[1]))
        raw, start = [], None

    def end_command() -> None:
        nonlocal words
        end_word()
        if words:
            commands.append(words)
        words = []

    def advance(k: int = 1) -> None:
        nonlocal i, line, col
        for _ in range(k):
            if i < n and text[i] == "\n":
                line, col = line + 1, 1
            else:
                col += 1
            i += 1

    def dollar() -> None:
        # `$` the shell expands stays interpolation; any other `$` is literal.
        nxt = text[i + 1] if i + 1 < n else ""
        if nxt == "(" and substitutions is not None:
            substitutions.append((line, col))
        raw.append("$" if _NAME_START.match(nxt) else "$$")
        advance()

    while i < n:
        c = text[i]
        nxt = text[i + 1] if i + 1 < n else ""
        if state == "'":
            raw.append("$$" if c == "$" else c)
            if c == "'":
                state = ""
            advance()
            continue
        if state == '"':
            if c == "\\" and nxt == "\n":
                advance(2)
            elif c == "\\" and nxt == "$":
                raw.append("$$")
                advance(2)
            elif c == "\\" and nxt in '`"\\':
                raw.append(c + nxt)
                advance(2)
            elif c == "$":
                dollar()
            else:
                if c == '"':
                    state = ""
                raw.append(c)
                advance()
            continue
        # outside quotes
        if c == "\\":
            if nxt == "\n":
                advance(2)
                continue
            if start is None:
                start = (line, col)
            raw.append("$$" if nxt == "$" else c + nxt)
            advance(2)
            continue
        if c in " \t\r":
            end_word()
            advance()
        elif c == "\n":
            end_command()
            advance()
        elif c == "#" and start is None:
            while i < n and text[i] != "\n":
                advance()
        elif c in ";&|":
            end_command()
            advance(2 if nxt == c else 1)
        else:
            if start is None:
                start = (line, col)
            if c in "'\"":
                state = c
                raw.append(c)
                advance()
            elif c == "$":
                dollar()
            else:
                raw.append(c)
                advance()
    end_command()
    return commands


# --- result -----------------------------------------------------------------


@dataclass
class FromRunResult:
    """What a script's docker commands stand for, in Compose Specification form."""

    file: str
    services: dict[str, dict[str, Any]] = field(default_factory=dict)
    networks: dict[str, dict[str, Any]] = field(default_factory=dict)
    volumes: dict[str, dict[str, Any]] = field(default_factory=dict)
    notes: list[Finding] = field(default_factory=list)
    # where each service key came from: (service, key) -> (line, col, flag)
    origins: dict[tuple[str, str], tuple[int, int, str]] = field(default_factory=dict)

    @property
    def errors(self) -> list[Finding]:
        return [f for f in self.notes if f.severity is Severity.ERROR]

    def document(self) -> dict[str, Any]:
        """The Compose Specification mapping."""
        doc: dict[str, Any] = {"services": self.services}
        if self.networks:
            doc["networks"] = self.networks
        if self.volumes:
            doc["volumes"] = self.volumes
        return doc


# --- the flag table -----------------------------------------------------------

Handler = Callable[["_Service", str, Word], None]


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
    s.append("volumes", v, at)
    src = v.split(":", 1)[0] if ":" in v else ""
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
        entry["source"] = src
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
        s.result.volumes.setdefault(src, {})


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


# --- commands -----------------------------------------------------------------


def _service_name(image: str) -> str:
    """`registry:5000/org/app:1.2@sha256:...` -> `app`."""
    ref = image.split("@", 1)[0]
    last = ref.rsplit("/", 1)[-1]
    last = last.split(":", 1)[0]
    name = re.sub(r"[^a-zA-Z0-9._-]", "-", last).strip("-.") or "service"
    return name.lower()


def _unique(name: str, taken: Iterable[str]) -> str:
    used = set(taken)
    if name not in used:
        return name
    k = 2
    while f"{name}-{k}" in used:
        k += 1
    return f"{name}-{k}"


def _run(result: FromRunResult, words: list[Word], containers: dict[str, str], pending: list[_Service]) -> None:
    """One `docker run`; words start after `run`."""
    s = _Service(result, words[0].line if words else 0)
    i = 0
    image: Word | None = None
    name_at: Word | None = None
    while i < len(words):
        w = words[i]
        t = w.text
        if t == "--":
            i += 1
            image = words[i] if i < len(words) else None
            i += 1
            break
        if t.startswith("--") and len(t) > 2:
            name, eq, inline = t.partition("=")
            flag = _BY_NAME.get(name)
            if flag is None:
                s.note(
                    UNKNOWN_FLAG,
                    Severity.ERROR,
                    w,
                    f"unknown docker run flag {name}",
                    hint="not converted; check `docker run --help`",
                )
                i += 1
                continue
            if flag.value:
                if eq:
                    value = inline
                elif i + 1 < len(words):
                    i += 1
                    value = words[i].text
                else:
                    s.note(BAD_VALUE, Severity.ERROR, w, f"{name} needs a value")
                    break
            else:
                value = inline if eq else "true"
            if flag.long == "--name":
                s.name, name_at = value, w
            flag.handler(s, value, w)
            i += 1
            continue
        if t.startswith("-") and len(t) > 1:
            j = 1
            while j < len(t):
                ch = "-" + t[j]
                flag = _BY_NAME.get(ch)
                at = Word(ch, w.line, w.col + j - 1)
                if flag is None:
                    s.note(UNKNOWN_FLAG, Severity.ERROR, at, f"unknown docker run flag {ch}")
                    j += 1
                    continue
                if flag.value:
                    rest = t[j + 1 :]
                    if rest.startswith("="):
                        rest = rest[1:]
                    if not rest:
                        if i + 1 < len(words):
                            i += 1
                            rest = words[i].text
                        else:
                            s.note(BAD_VALUE, Severity.ERROR, at, f"{ch} needs a value")
                            break
                    if flag.long == "--name":  # pragma: no cover - --name has no short form
                        s.name = rest
                    flag.handler(s, rest, at)
                    break
                flag.handler(s, "true", at)
                j += 1
            i += 1
            continue
        image = w
        i += 1
        break
    if image is None:
        result.notes.append(
            Finding(
                BAD_VALUE, Severity.ERROR, "docker run without an image (skipped)", line=s.line, col=1, file=result.file
            )
        )
        return
    args = [w.text for w in words[i:]]
    taken = list(result.services) + [p.name or "" for p in pending]
    if s.name:
        svc_name = re.sub(r"[^a-zA-Z0-9._-]", "-", s.name.lstrip("/"))
        if svc_name in taken and name_at is not None:
            s.note(BAD_VALUE, Severity.ERROR, name_at, f"a container named {s.name!r} was already started")
            svc_name = _unique(svc_name, taken)
    else:
        svc_name = _unique(_service_name(image.text), taken)
    containers[s.name or svc_name] = svc_name
    s.name = svc_name
    body: dict[str, Any] = {"image": image.text}
    body.update(s.svc)
    if args:
        body["command"] = " ".join(args) if all(shlex.quote(a) == a for a in args) else args
    s.svc = body
    result.services[svc_name] = body
    pending.append(s)


def _finish(result: FromRunResult, s: _Service, containers: dict[str, str]) -> None:
    """Links, networks and volumes_from, once every container name is known."""
    svc = s.svc
    assert s.name is not None
    links = []
    external = []
    for target, alias, at in s.links:
        if target in containers:
            ref = containers[target]
            links.append(ref if alias == ref else f"{ref}:{alias}")
        else:
            external.append(target if alias == target else f"{target}:{alias}")
            s.note(
                APPROX,
                Severity.WARNING,
                at,
                f"--link {target}: no container of that name in the script; kept as external_links",
            )
    if links:
        svc["links"] = links
    if external:
        svc["external_links"] = external
    if s.volumes_from:
        svc["volumes_from"] = [
            containers[src.split(":", 1)[0]] + src[len(src.split(":", 1)[0]) :]
            if src.split(":", 1)[0] in containers
            else f"container:{src}"
            for src, _at in s.volumes_from
        ]
    if s.network_container is not None:
        target, at = s.network_container
        svc["network_mode"] = f"service:{containers[target]}" if target in containers else f"container:{target}"
    if s.networks:
        nets: dict[str, Any] = {}
        for k, (net, given, at) in enumerate(s.networks):
            opts: dict[str, Any] = dict(given)
            if k == 0:  # docker run applies aliases and addresses to the first network
                if s.aliases:
                    opts["aliases"] = opts.get("aliases", []) + list(s.aliases)
                opts.update(s.net_opts)
            nets[net] = opts or None
            if net not in result.networks:
                result.networks[net] = {"external": True}
                s.note(
                    APPROX,
                    Severity.INFO,
                    at,
                    f"network {net!r} is not created in the script; declared `external: true`",
                )
        svc["networks"] = list(nets) if all(v is None for v in nets.values()) else nets
    elif s.aliases or s.net_opts:
        at_line, at_col, flag = s.origins.get("networks", (s.line, 1, "--network-alias"))
        result.notes.append(
            Finding(
                APPROX,
                Severity.WARNING,
                f"{flag} only works on a user-defined network (dropped)",
                line=at_line,
                col=at_col,
                file=result.file,
            )
        )
    for key, where in s.origins.items():
        if key in svc:
            result.origins[(s.name, key)] = where
    firsts: dict[str, Word] = {}
    if s.links:
        firsts["links"] = firsts["external_links"] = s.links[0][2]
    if s.volumes_from:
        firsts["volumes_from"] = s.volumes_from[0][1]
    for key, at in firsts.items():
        if key in svc:
            result.origins[(s.name, key)] = (at.line, at.col, at.text.split("=", 1)[0])
    if s.networks:
        at = s.networks[0][2]
        result.origins[(s.name, "networks")] = (at.line, at.col, at.text.split("=", 1)[0])


def _network_create(result: FromRunResult, words: list[Word]) -> None:
    body: dict[str, Any] = {}
    name: str | None = None
    i = 0
    ipam: dict[str, Any] = {}
    while i < len(words):
        w = words[i]
        flag, eq, inline = w.text.partition("=")
        takes = {
            "-d": "driver",
            "--driver": "driver",
            "--subnet": "subnet",
            "--gateway": "gateway",
            "--ip-range": "ip_range",
            "-o": "opt",
            "--opt": "opt",
            "--label": "label",
            "--scope": "",
            "--ipam-driver": "ipam_driver",
            "--config-from": "",
        }
        flags = {
            "--internal": "internal",
            "--attachable": "attachable",
            "--ipv6": "enable_ipv6",
            "--ingress": "",
            "--config-only": "",
        }
        if flag in takes:
            if not eq:
                i += 1
                inline = words[i].text if i < len(words) else ""
            what = takes[flag]
            if what == "driver":
                body["driver"] = inline
            elif what in ("subnet", "gateway", "ip_range"):
                ipam.setdefault("config", [{}])[0][what] = inline
            elif what == "ipam_driver":
                ipam["driver"] = inline
            elif what == "opt":
                k, _, v = inline.partition("=")
                body.setdefault("driver_opts", {})[k] = v
            elif what == "label":
                k, _, v = inline.partition("=")
                body.setdefault("labels", {})[k] = v
            else:
                result.notes.append(
                    Finding(
                        NO_MEANING,
                        Severity.INFO,
                        f"docker network create {flag}: no Compose key",
                        line=w.line,
                        col=w.col,
                        file=result.file,
                    )
                )
        elif flag in flags:
            if flags[flag] and (not eq or _bool(inline)):
                body[flags[flag]] = True
            elif not flags[flag]:
                result.notes.append(
                    Finding(
                        NO_MEANING,
                        Severity.INFO,
                        f"docker network create {flag}: no Compose key",
                        line=w.line,
                        col=w.col,
                        file=result.file,
                    )
                )
        elif w.text.startswith("-"):
            result.notes.append(
                Finding(
                    UNKNOWN_FLAG,
                    Severity.ERROR,
                    f"unknown docker network create flag {flag}",
                    line=w.line,
                    col=w.col,
                    file=result.file,
                )
            )
        else:
            name = w.text
        i += 1
    if ipam:
        body["ipam"] = ipam
    if name is None:
        line = words[0].line if words else 0
        result.notes.append(
            Finding(BAD_VALUE, Severity.ERROR, "docker network create without a name", line=line, file=result.file)
        )
        return
    result.networks[name] = body


def _volume_create(result: FromRunResult, words: list[Word], line: int) -> None:
    body: dict[str, Any] = {}
    name: str | None = None
    i = 0
    while i < len(words):
        w = words[i]
        flag, eq, inline = w.text.partition("=")
        if flag in ("-d", "--driver", "-o", "--opt", "--label", "--name"):
            if not eq:
                i += 1
                inline = words[i].text if i < len(words) else ""
            if flag in ("-d", "--driver"):
                body["driver"] = inline
            elif flag in ("-o", "--opt"):
                k, _, v = inline.partition("=")
                body.setdefault("driver_opts", {})[k] = v
            elif flag == "--label":
                k, _, v = inline.partition("=")
                body.setdefault("labels", {})[k] = v
            else:
                name = inline
        elif w.text.startswith("-"):
            result.notes.append(
                Finding(
                    UNKNOWN_FLAG,
                    Severity.ERROR,
                    f"unknown docker volume create flag {flag}",
                    line=w.line,
                    col=w.col,
                    file=result.file,
                )
            )
        else:
            name = w.text
        i += 1
    if name is None:
        result.notes.append(
            Finding(
                BAD_VALUE,
                Severity.WARNING,
                "docker volume create without a name (an anonymous volume; skipped)",
                line=line,
                file=result.file,
            )
        )
        return
    result.volumes[name] = body


def parse_script(text: str, *, name: str = "<stdin>") -> FromRunResult:
    """Every `docker run` (and network/volume create) in a shell script."""
    result = FromRunResult(name)
    containers: dict[str, str] = {}
    pending: list[_Service] = []
    substitutions: list[tuple[int, int]] = []
    commands = _scan(text, substitutions)
    for line, col in substitutions:
        result.notes.append(
            Finding(
                APPROX,
                Severity.WARNING,
                "command substitution `$(...)` is kept as literal text "
                "(written `$$(...)`): Compose does not run it; put its output in a variable",
                line=line,
                col=col,
                file=result.file,
            )
        )
    for words in commands:
        first = words[0]
        k = 0
        # `sudo docker run`, `FOO=1 docker run`: the prefix does not change the container.
        while k < len(words) - 1 and (
            words[k].text in ("sudo", "exec", "command") or re.fullmatch(r"[A-Za-z_]\w*=.*", words[k].text)
        ):
            k += 1
        cmd = [w.text for w in words[k : k + 3]]
        if cmd[:1] != ["docker"]:
            result.notes.append(
                Finding(
                    NOT_RUN,
                    Severity.INFO,
                    f"not a docker command, skipped: {first.text} ...",
                    line=first.line,
                    col=first.col,
                    file=result.file,
                )
            )
            continue
        if cmd[1:2] in (["run"], ["create"]):
            _run(result, words[k + 2 :], containers, pending)
        elif cmd[1:3] in (["container", "run"], ["container", "create"]):
            _run(result, words[k + 3 :], containers, pending)
        elif cmd[1:3] == ["network", "create"]:
            _network_create(result, words[k + 3 :])
        elif cmd[1:3] == ["volume", "create"]:
            _volume_create(result, words[k + 3 :], first.line)
        else:
            result.notes.append(
                Finding(
                    NOT_RUN,
                    Severity.INFO,
                    f"not a docker run command, skipped: {' '.join(cmd)} ...",
                    line=first.line,
                    col=first.col,
                    file=result.file,
                )
            )
    for s in pending:
        _finish(result, s, containers)
    result.notes.sort(key=lambda f: (f.line, f.col))
    return result


def parse_file(path: str) -> FromRunResult:
    """parse_script on a file (`-` for stdin)."""
    import sys

    if path == "-":
        return parse_script(sys.stdin.read(), name="<stdin>")
    try:
        with open(path, encoding="utf-8") as fh:
            text = fh.read()
    except (OSError, UnicodeDecodeError) as exc:
        raise ComposeMigrateError(Finding("CM001", Severity.ERROR, f"cannot read: {exc}", file=path)) from None
    return parse_script(text, name=path)


# --- Compose output -----------------------------------------------------------


@dataclass
class ComposeOutput:
    """A Compose file written from a FromRunResult."""

    text: str
    target: ComposeVersion
    route: str  # how it was made: "v1", "v1 + migrate", "spec", "spec + migrate"
    notes: list[Finding] = field(default_factory=list)


_V1_KEYS: frozenset[str] | None = None


def _v1_keys() -> frozenset[str]:
    global _V1_KEYS
    if _V1_KEYS is None:
        from .catalog import paths_at

        prefix = "services.*."
        _V1_KEYS = frozenset(
            p[len(prefix) :]
            for p in paths_at(ComposeVersion.V1)
            if p.startswith(prefix) and "." not in p[len(prefix) :] and "[" not in p[len(prefix) :]
        )
    return _V1_KEYS


def _v1_volume(entry: Any) -> str | None:
    if isinstance(entry, str):
        return entry
    if not isinstance(entry, dict) or set(entry) - {"type", "source", "target", "read_only"}:
        return None
    if entry.get("type") not in ("bind", "volume") or "source" not in entry:
        return None
    return f"{entry['source']}:{entry['target']}" + (":ro" if entry.get("read_only") else "")


def v1_form(result: FromRunResult) -> tuple[dict[str, Any], list[str]]:
    """The version 1 document, and the paths version 1 cannot hold."""
    missing: list[str] = []
    if result.networks:
        missing.extend(f"networks.{n}" for n in result.networks)
    if any(result.volumes.get(v) for v in result.volumes):
        missing.extend(f"volumes.{n}" for n, body in result.volumes.items() if body)
    doc: dict[str, Any] = {}
    keys = _v1_keys()
    for name, svc in result.services.items():
        out: dict[str, Any] = {}
        for key, value in svc.items():
            path = f"services.{name}.{key}"
            if key == "network_mode":
                out["net"] = "container:" + value.split(":", 1)[1] if value.startswith("service:") else value
            elif key == "logging":
                if "driver" in value:
                    out["log_driver"] = value["driver"]
                if "options" in value:
                    out["log_opt"] = value["options"]
            elif key == "volumes":
                short = [_v1_volume(e) for e in value]
                if any(x is None for x in short):
                    missing.append(path)
                else:
                    out[key] = short
            elif key == "volumes_from":
                out[key] = [v.split(":", 1)[1] if v.startswith("container:") else v for v in value]
            elif key in keys:
                out[key] = value
            else:
                missing.append(path)
        doc[name] = out
    return doc, missing


def _dump(doc: dict[str, Any]) -> str:
    """YAML text with every scalar a Compose reader could misread quoted."""
    import io

    from ruamel.yaml.comments import CommentedMap, CommentedSeq
    from ruamel.yaml.scalarstring import DoubleQuotedScalarString

    from .roundtrip import new_yaml

    def conv(value: Any, key: str = "") -> Any:
        if isinstance(value, dict):
            m = CommentedMap()
            for k, v in value.items():
                m[k] = conv(v, k)
            return m
        if isinstance(value, list):
            seq = CommentedSeq()
            for v in value:
                seq.append(conv(v, key))
            return seq
        if isinstance(value, str) and _needs_quotes(value, key):
            return DoubleQuotedScalarString(value)
        return value

    y = new_yaml()
    y.indent(mapping=2, sequence=4, offset=2)
    buf = io.StringIO()
    y.dump(conv(doc), buf)
    return buf.getvalue()


def _needs_quotes(value: str, key: str) -> bool:
    if key in ("ports", "expose"):
        return True  # `22:22` is a base-60 number to YAML 1.1 readers
    from .yaml11 import resolve_plain_11, resolve_plain_12

    if not value:
        return True
    # Quote whatever a YAML 1.1 or 1.2 (or go-yaml) reader would not read as this very string.
    readings = (resolve_plain_11(value), resolve_plain_12(value), resolve_plain_12(value, go_yaml=True))
    return any(r != value for r in readings)


def _check(text: str, version: ComposeVersion) -> None:
    from . import loading
    from .validation.schema import schema_findings

    data = loading.parse(text, name="<from-run>", yaml11=version.is_legacy).data
    problems = schema_findings(data, version)
    if problems:  # our bug, never the user's: say where
        p = problems[0]
        raise ComposeMigrateError(
            Finding(
                "CM901",
                Severity.ERROR,
                f"from-run wrote a file that {version.label} rejects: {p.path or '(root)'}: {p.message}",
            )
        )


def _lacking(result: FromRunResult, target: ComposeVersion) -> list[str]:
    """Paths of the Specification form that `target`'s schema has no place for (outermost only)."""
    from .catalog import paths_at
    from .explain import used_paths

    have = paths_at(target)
    out: list[str] = []
    for section in ("networks", "volumes"):
        for name, body in getattr(result, section).items():
            for p in used_paths({section: {name: body}}):
                if p not in have and not any(p.startswith(q + ".") or p.startswith(q + "[") for q in out):
                    out.append(p.replace("*", name, 1))
    for name, svc in result.services.items():
        found: list[str] = []
        for p in used_paths({"services": {name: svc}}):
            if p not in have and not any(p.startswith(q + ".") or p.startswith(q + "[") for q in found):
                found.append(p)
        out.extend(p.replace("*", name, 1) for p in found)
    return out


def _cannot_hold(
    result: FromRunResult, target: ComposeVersion, paths: list[str], why: str = "", *, verb: str = "cannot hold"
) -> ComposeMigrateError:
    where = []
    for p in paths:
        parts = p.split(".")
        origin = result.origins.get((parts[1], parts[2])) if parts[0] == "services" and len(parts) > 2 else None
        where.append(f"{p} (from {origin[2]} at line {origin[0]})" if origin else p)
    first = next(
        (
            result.origins.get((p.split(".")[1], p.split(".")[2]))
            for p in paths
            if p.startswith("services.") and p.count(".") >= 2
        ),
        None,
    )
    msg = (
        f"Compose file format {target.label} cannot hold: "
        if verb == "cannot hold"
        else f"cannot write {target.label}: "
    ) + ", ".join(where)
    if why:
        msg += f" ({why})"
    return ComposeMigrateError(
        Finding(
            CANNOT_HOLD,
            Severity.ERROR,
            msg,
            line=first[0] if first else 0,
            col=first[1] if first else 0,
            file=result.file,
            hint="choose --to spec (or a version that has these keys)",
        )
    )


def _migrate(text: str, target: ComposeVersion) -> tuple[str, list[Finding]]:
    from .api import load, migrate

    res = migrate(load(text=text, name="<from-run>"), target)
    notes = [Finding(APPROX, Severity.WARNING, f"{w.message} [{w.rule}]", path=w.path) for w in res.warnings]
    return res.output, notes


def to_compose(result: FromRunResult, version: ComposeVersion | str = ComposeVersion.SPEC) -> ComposeOutput:
    """The Compose file for `version`, validated against that version's schema.

    Version 1 is written directly.  Later versions come from the v1 text run
    through the migration rules; when the commands need a key version 1 lacks,
    from the Compose Specification text (migrated down to 3.x for 3.x
    targets).  Raises ComposeMigrateError when the target cannot hold them.
    """
    target = ComposeVersion.parse(version) if isinstance(version, str) else version
    v1_doc, missing = v1_form(result)
    notes: list[Finding] = []
    if target is ComposeVersion.V1:
        if missing:
            raise _cannot_hold(result, target, missing)
        if result.volumes:
            notes.append(
                Finding(
                    APPROX,
                    Severity.INFO,
                    "version 1 has no top-level volumes: named volumes are created on first use",
                    file=result.file,
                )
            )
        text = _dump(v1_doc)
        _check(text, target)
        return ComposeOutput(text, target, "v1", notes)
    if not missing:
        try:
            text, notes = _migrate(_dump(v1_doc), target)
            _check(text, target)
            return ComposeOutput(text, target, "v1 + migrate", notes)
        except ComposeMigrateError as exc:
            if target.major == 2:
                raise
            notes = [
                Finding(
                    APPROX,
                    Severity.INFO,
                    f"the migration rules could not carry the version 1 form "
                    f"({exc.finding.message}); written from the Compose Specification form",
                    file=result.file,
                )
            ]
    if target.major == 2:
        raise _cannot_hold(
            result, target, missing, "version 1 lacks them, and 2.x is written from version 1 only", verb="needs"
        )
    spec_text = _dump(result.document())
    _check(spec_text, ComposeVersion.SPEC)
    if target is ComposeVersion.SPEC:
        return ComposeOutput(spec_text, target, "spec", notes)
    try:
        text, more = _migrate(spec_text, target)
    except ComposeMigrateError as exc:
        lacking = _lacking(result, target)
        raise _cannot_hold(result, target, lacking or missing, exc.finding.message) from None
    _check(text, target)
    return ComposeOutput(text, target, "spec + migrate", notes + more)


# --- documentation ------------------------------------------------------------


def flags_markdown() -> str:
    """docs/docker-run-flags.md, generated from FLAGS (a test keeps them in step)."""
    from .catalog import compact, versions_accepting

    lines = [
        "# docker run flags and their Compose keys",
        "",
        "Generated from `compose_migrate.fromrun.FLAGS` by `flags_markdown()`;",
        "tests/test_fromrun.py fails when this file and the table drift apart.",
        "`compose-migrate from-run` reads these flags; `compose-migrate to-run` writes them back.",
        "Formats: the Compose file formats whose schema has the key (from the project's catalog).",
        "",
        "| Flag | Short | Value | Compose key | Formats | Notes |",
        "|---|---|---|---|---|---|",
    ]
    for f in FLAGS:
        long = ", ".join([f"`{f.long}`", *(f"`{a}`" for a in f.aliases)])
        short = f"`{f.short}`" if f.short else ""
        if f.key and not f.key.startswith("("):
            top = f.key.split(".", 1)[0]
            formats = compact(versions_accepting(f"services.*.{top}"))
            key = f"`{f.key}`"
        else:
            formats, key = "", f.key or "(none: noted)"
        note = f.note
        if not f.key:
            note = note or "no Compose meaning; reported as a note"
        lines.append(f"| {long} | {short} | {'yes' if f.value else 'no'} | {key} | {formats} | {note} |")
    lines += [
        "",
        "Also read: `docker network create NAME` (`--driver`, `--subnet`, `--gateway`, `--ip-range`,",
        "`--internal`, `--attachable`, `--ipv6`, `--opt`, `--label`) becomes `networks.NAME`;",
        "`docker volume create NAME` (`--driver`, `--opt`, `--label`) becomes `volumes.NAME`.",
        "`--network name=NET,alias=A,ip=IP` (the multi-network form) is read too.",
        "",
    ]
    return "\n".join(lines)
