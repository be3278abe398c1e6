"""Commands to services: `parse_script` and `parse_file`.

Each `docker run` (or `docker create`) is read flag by flag through the table
in flags.py; links, `--network container:`, `--volumes-from` and
`docker network connect` are resolved only once every container name in the
script is known (`_finish`).  Compose's own labels (com.docker.compose.*) name
the service, network and volume keys back.
"""

from __future__ import annotations

import re
import shlex
from collections.abc import Iterable
from typing import Any

from ..findings import ComposeMigrateError, Finding, Severity
from .creates import _network_create, _volume_create
from .flags import _BY_NAME
from .handlers import _Service
from .lexer import Word, _scan
from .result import APPROX, BAD_VALUE, NO_MEANING, NOT_RUN, UNKNOWN_FLAG, FromRunResult


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


# An image reference as docker reads one: [registry[:port]/]path[:tag][@digest], lower case.
_COMPONENT = r"[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*"
_IMAGE_REF = re.compile(
    rf"(?:[a-zA-Z0-9.-]+(?::[0-9]+)?/)?{_COMPONENT}(?:/{_COMPONENT})*(?::[\w][\w.-]{{0,127}})?(?:@[a-z0-9]+:[a-fA-F0-9]+)?"
)


def _unknown_value(words: list[Word], i: int) -> str:
    """How an unknown flag at words[i] (written without `=value`) reads the next word.

    "none": the next word is a flag, or the only word left (it must be the image);
    "value": the next word cannot be an image reference, so it is the flag's value;
    "ambiguous": it could be either, and guessing wrong makes a service from a wrong image.
    """
    if i + 1 >= len(words) or words[i + 1].text.startswith("-") or i + 2 >= len(words):
        return "none"
    nxt = words[i + 1].text
    if "$" not in nxt and not _IMAGE_REF.fullmatch(nxt):
        return "value"
    return "ambiguous"


def _refuse(s: _Service, at: Word, flag: str, nxt: Word) -> None:
    s.note(
        UNKNOWN_FLAG,
        Severity.ERROR,
        at,
        f"unknown docker run flag {flag}: {nxt.text!r} may be its value or the image,"
        " so this command was not converted",
        hint=f"write {flag}={nxt.text} if it is the flag's value, drop the flag, or convert this command by hand",
    )


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
                reading = "none" if eq else _unknown_value(words, i)
                if reading == "ambiguous":
                    _refuse(s, w, name, words[i + 1])
                    return
                s.note(
                    UNKNOWN_FLAG,
                    Severity.ERROR,
                    w,
                    f"unknown docker run flag {name}"
                    + (f" (its value {words[i + 1].text!r} skipped too)" if reading == "value" else ""),
                    hint="not converted; check `docker run --help`",
                )
                i += 2 if reading == "value" else 1
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
                    last = j == len(t) - 1  # a letter inside a cluster cannot take the next word
                    reading = _unknown_value(words, i) if last else "none"
                    if reading == "ambiguous":
                        _refuse(s, at, ch, words[i + 1])
                        return
                    s.note(
                        UNKNOWN_FLAG,
                        Severity.ERROR,
                        at,
                        f"unknown docker run flag {ch}"
                        + (f" (its value {words[i + 1].text!r} skipped too)" if reading == "value" else ""),
                    )
                    if reading == "value":
                        i += 1
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
    s.container = s.name
    own = s.compose.get("service")
    project = s.compose.get("project", result.project)
    if own and own not in taken:
        # A container Compose's labels name: the service it is, and its
        # container_name only when not the one Compose would give it.
        svc_name = own
        if s.name and s.name != f"{project}-{own}-1":
            s.svc["container_name"] = s.name
        result.project = result.project or project
    elif s.name:
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


def _connect(result: FromRunResult, words: list[Word], at: Word, connects: list[_Connect]) -> None:
    """`docker network connect [--alias A] [--ip IP] [--ip6 IP] NET CONTAINER`."""
    opts: dict[str, Any] = {}
    rest: list[str] = []
    i = 0
    fields = {
        "--alias": "aliases",
        "--ip": "ipv4_address",
        "--ip6": "ipv6_address",
        "--link-local-ip": "link_local_ips",
    }
    while i < len(words):
        here = words[i]
        flag, eq, value = here.text.partition("=")
        if flag in fields or flag in ("--link", "--driver-opt", "--gw-priority"):
            if not eq:
                i += 1
                value = words[i].text if i < len(words) else ""
            key = fields.get(flag)
            if key in ("aliases", "link_local_ips"):
                opts.setdefault(key, []).append(value)
            elif key:
                opts[key] = value
            else:
                result.notes.append(
                    Finding(
                        NO_MEANING,
                        Severity.WARNING,
                        f"docker network connect {flag}: not converted",
                        line=here.line,
                        col=here.col,
                        file=result.file,
                    )
                )
        elif flag.startswith("-"):
            result.notes.append(
                Finding(
                    UNKNOWN_FLAG,
                    Severity.ERROR,
                    f"unknown docker network connect flag {flag}",
                    line=words[i].line,
                    col=words[i].col,
                    file=result.file,
                )
            )
        else:
            rest.append(words[i].text)
        i += 1
    if len(rest) != 2:
        result.notes.append(
            Finding(
                BAD_VALUE,
                Severity.ERROR,
                "docker network connect wants a network and a container",
                line=at.line,
                col=at.col,
                file=result.file,
            )
        )
        return
    connects.append((rest[0], rest[1], opts, at))


_Connect = tuple[str, str, dict[str, Any], Word]  # network, container, options, where


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
            # Compose gives every container its service name as an alias: not worth keeping.
            aliases = [a for a in opts.pop("aliases", []) if a != s.name]
            if aliases:
                opts = {"aliases": list(dict.fromkeys(aliases)), **opts}
            net = result.network_keys.get(net, net)
            nets[net] = opts or None
            if net not in result.networks:
                result.networks[net] = {"external": True}
                s.note(
                    APPROX,
                    Severity.INFO,
                    at,
                    f"network {net!r} is not created in the script; declared `external: true`",
                )
        if list(nets) == ["default"] and nets["default"] is None:
            pass  # the default network is where Compose puts a service that names none
        else:
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


def parse_script(text: str, *, name: str = "<stdin>") -> FromRunResult:
    """Every `docker run` (and network/volume create) in a shell script."""
    result = FromRunResult(name)
    containers: dict[str, str] = {}
    pending: list[_Service] = []
    connects: list[_Connect] = []
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
        elif cmd[1:3] == ["network", "connect"]:
            _connect(result, words[k + 3 :], first, connects)
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
    by_container = {s.container or s.name: s for s in pending}
    for net, container, opts, at in connects:
        target = by_container.get(container)
        if target is None:
            result.notes.append(
                Finding(
                    APPROX,
                    Severity.WARNING,
                    f"docker network connect: no container {container!r} is started in the script (skipped)",
                    line=at.line,
                    col=at.col,
                    file=result.file,
                )
            )
            continue
        target.networks.append((net, opts, at))
    for s in pending:
        _finish(result, s, containers)
    if result.networks.get("default") == {}:
        del result.networks["default"]  # the one Compose makes anyway
    if result.project:
        result.notes.append(
            Finding(
                APPROX,
                Severity.INFO,
                f"project {result.project!r} (from the com.docker.compose.project labels): "
                f"run it as `docker compose -p {result.project}`, or add `name: {result.project}`",
                file=result.file,
            )
        )
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
