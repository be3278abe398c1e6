"""`docker network create` and `docker volume create` to top-level networks and volumes.

Their flags are few and differ from `docker run`'s, so they are read here
directly rather than through the flag table.
"""

from __future__ import annotations

from typing import Any

from ..findings import Finding, Severity
from .handlers import COMPOSE_LABEL, _bool
from .lexer import Word
from .result import BAD_VALUE, NO_MEANING, UNKNOWN_FLAG, FromRunResult


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
            _unknown_flag(result, "network", flag, w)
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
    key = _compose_key(result, body, "network", name)
    result.network_keys[name] = key
    result.networks[key] = body


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
            _unknown_flag(result, "volume", flag, w)
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
    key = _compose_key(result, body, "volume", name)
    result.volume_keys[name] = key
    result.volumes[key] = body


def _compose_key(result: FromRunResult, body: dict[str, Any], kind: str, name: str) -> str:
    """The Compose key of a network or volume Compose's labels mark (its name otherwise).

    `com.docker.compose.project=P` and `com.docker.compose.<kind>=KEY` are what
    Compose (and to-run) put on what they create; an engine name other than
    `P_KEY` is kept as `name:`.
    """
    labels: dict[str, Any] = body.get("labels") or {}
    key = labels.pop(f"{COMPOSE_LABEL}.{kind}", None)
    project = labels.pop(f"{COMPOSE_LABEL}.project", None)
    labels.pop(f"{COMPOSE_LABEL}.version", None)
    if "labels" in body and not labels:
        del body["labels"]
    if project:
        result.project = result.project or project
    if not key:
        return name
    if name != f"{project or result.project}_{key}":
        body["name"] = name
    return str(key)


def _unknown_flag(result: FromRunResult, kind: str, flag: str, w: Word) -> None:
    result.notes.append(
        Finding(
            UNKNOWN_FLAG,
            Severity.ERROR,
            f"unknown docker {kind} create flag {flag}",
            line=w.line,
            col=w.col,
            file=result.file,
        )
    )
