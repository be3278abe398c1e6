"""A longer fuzz campaign than the test suite runs: mutated corpus files and
generated Compose-like documents through load / detect / validate / migrate.

    .venv/bin/python scripts/fuzz_campaign.py 300        # run for 300 seconds
    .venv/bin/python scripts/fuzz_campaign.py 5000 --inputs   # or for 5000 inputs

Each input must give either a result or a ComposeMigrateError, and a file we
call valid must be valid for the official schema of its version too (the
project adds semantic checks, so only that direction is asserted).  Prints
inputs tried, failures found (saved under fuzz-failures/), the longest time
one input took, and the peak memory of the process.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import resource
import sys
import time
import traceback
from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
OFFICIAL = SHARED / "reference" / "schemas"
sys.path.insert(0, str(ROOT))

import compose_migrate as cm  # noqa: E402
from compose_migrate.versions import ComposeVersion  # noqa: E402

SECTIONS = ("services", "networks", "volumes", "secrets", "configs")
TARGETS = ("spec", "3.8", "2.4")


# -- the oracle ------------------------------------------------------------------


def official_path(version: ComposeVersion) -> Path:
    """The yardstick per version, as SOURCES.md lays it out."""
    if version is ComposeVersion.SPEC:
        return OFFICIAL / "compose-spec.json"
    if version >= ComposeVersion.V3_9:
        return OFFICIAL / "docker-cli" / f"config_schema_v{version.value}.json"
    return OFFICIAL / f"config_schema_v{version.value}.json"


@cache
def official_validator(version: ComposeVersion) -> Any:
    from jsonschema import Draft4Validator, Draft7Validator

    schema = json.loads(official_path(version).read_text(encoding="utf-8"))
    return (Draft7Validator if version is ComposeVersion.SPEC else Draft4Validator)(schema)


def as_engines_saw_it(data: Any, version: ComposeVersion) -> Any:
    """docker-compose turned null entries of a section into {} before validating."""
    if not isinstance(data, dict):
        return data
    if version is ComposeVersion.V1:
        return {k: ({} if v is None else v) for k, v in data.items()}
    data = dict(data)
    for section in SECTIONS:
        if isinstance(data.get(section), dict):
            data[section] = {k: ({} if v is None else v) for k, v in data[section].items()}
    return data


def check_one(data: bytes, name: str = "fuzz.yml") -> list[str]:
    """Every way this input makes the library misbehave (empty: it behaved)."""
    problems: list[str] = []

    def guarded(what: str, fn: Callable[[], Any]) -> Any:
        try:
            return fn()
        except cm.ComposeMigrateError as exc:
            f = exc.finding
            if not f.message or "\n" in f.message or "Traceback" in f.message:
                problems.append(f"{what}: unclear message {f.message!r}")
            return exc
        except RecursionError:
            problems.append(f"{what}: RecursionError")
        except Exception as exc:  # anything else escaping is a bug
            tb = traceback.extract_tb(exc.__traceback__)[-1]
            problems.append(f"{what}: {type(exc).__name__}: {str(exc)[:200]} at {Path(tb.filename).name}:{tb.lineno}")
        return None

    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        text = None
    if text is None:
        from compose_migrate.loading import decode_source

        guarded("decode", lambda: decode_source(data, name=name))
        return problems
    doc = guarded("load", lambda: cm.load(text=text, name=name))
    if not isinstance(doc, cm.api.Document):
        return problems
    guarded("detect", lambda: cm.detect(doc))
    res = guarded("validate", lambda: cm.validate(doc))
    if isinstance(res, cm.ValidationResult) and res.valid and res.version is not None:
        plain = as_engines_saw_it(doc.reading(res.version).data, res.version)
        try:
            official_ok = official_validator(res.version).is_valid(plain)
        except Exception as exc:  # the official schema's own trouble, not ours
            official_ok = True
            problems.append(f"official schema could not judge: {type(exc).__name__}: {exc}")
        if not official_ok:
            problems.append(f"validate: valid as {res.version}, but the official schema rejects it")
    for to in TARGETS:

        def migrate_to(to: str = to) -> Any:
            return cm.migrate(cm.load(text=text, name=name), to)

        guarded(f"migrate --to {to}", migrate_to)
    return problems


# -- inputs ---------------------------------------------------------------------


def corpus_files() -> list[bytes]:
    return [p.read_bytes() for p in sorted((SHARED / "corpus").rglob("*.yml")) if p.stat().st_size < 200_000]


def mutate(rng: random.Random, data: bytes) -> bytes:
    """One to four of: flip bytes, truncate, duplicate/delete/swap lines, splice junk."""
    for _ in range(rng.randint(1, 4)):
        op = rng.randrange(7)
        lines = data.split(b"\n")
        if op == 0 and data:
            buf = bytearray(data)
            for _ in range(rng.randint(1, 8)):
                buf[rng.randrange(len(buf))] ^= 1 << rng.randrange(8)
            data = bytes(buf)
        elif op == 1 and data:
            data = data[: rng.randrange(len(data))]
        elif op == 2 and lines:
            i = rng.randrange(len(lines))
            lines[i:i] = [lines[i]] * rng.randint(1, 3)
            data = b"\n".join(lines)
        elif op == 3 and len(lines) > 1:
            del lines[rng.randrange(len(lines))]
            data = b"\n".join(lines)
        elif op == 4 and len(lines) > 2:
            i, j = rng.randrange(len(lines)), rng.randrange(len(lines))
            lines[i], lines[j] = lines[j], lines[i]
            data = b"\n".join(lines)
        elif op == 5:
            junk = rng.choice([b"\t", b"  ", b"- ", b": ", b"&a ", b"*a", b"<<: *a", b"!reset", b"'", b'"', b"{", b"]"])
            at = rng.randrange(len(data) + 1)
            data = data[:at] + junk + data[at:]
        elif op == 6 and lines:
            i = rng.randrange(len(lines))
            lines[i] = b" " * rng.randint(0, 6) + lines[i].lstrip()
            data = b"\n".join(lines)
    return data


SERVICE_KEYS = {
    "image": lambda r: r.choice(["nginx", "redis:7", "", "postgres:${TAG:-15}"]),
    "build": lambda r: r.choice([".", {"context": ".", "dockerfile": "Dockerfile"}, {"args": ["A=1"]}]),
    "ports": lambda r: r.choice([["80:80"], [8080], ["22:22"], [{"target": 80, "published": 8080}], "80"]),
    "links": lambda r: r.choice([["db"], ["db:database"], ["nope"]]),
    "depends_on": lambda r: r.choice([["db"], {"db": {"condition": "service_healthy"}}, ["web"]]),
    "environment": lambda r: r.choice([{"A": "1"}, ["A=1", "B"], {"A": None}, {"A": True}]),
    "volumes": lambda r: r.choice([["./data:/data"], ["data:/data:ro"], ["/x"]]),
    "volumes_from": lambda r: r.choice([["db"], ["container:x"]]),
    "net": lambda r: r.choice(["host", "container:db", "bridge"]),
    "network_mode": lambda r: r.choice(["host", "service:db"]),
    "networks": lambda r: r.choice([["front"], {"front": {"aliases": ["a"]}}, ["nope"]]),
    "mem_limit": lambda r: r.choice(["512m", 1000000]),
    "cpus": lambda r: r.choice([0.5, "1.5"]),
    "cpu_shares": lambda r: r.choice([512, "x"]),
    "restart": lambda r: r.choice(["always", "unless-stopped", "no"]),
    "deploy": lambda r: r.choice([{"replicas": 2}, {"resources": {"limits": {"memory": "1g"}}}]),
    "logging": lambda r: r.choice([{"driver": "json-file", "options": {"max-size": "1m"}}]),
    "log_driver": lambda r: "syslog",
    "log_opt": lambda r: {"tag": "x"},
    "extends": lambda r: r.choice([{"service": "db"}, {"file": "other.yml", "service": "x"}]),
    "healthcheck": lambda r: {"test": ["CMD", "true"], "interval": "10s"},
    "command": lambda r: r.choice(["run", ["a", "b"]]),
    "container_name": lambda r: "c",
    "scale": lambda r: 2,
    "x-custom": lambda r: {"a": 1},
    "bogus_key": lambda r: 1,
}


def generate(rng: random.Random) -> bytes:
    """A Compose-like document in one of the formats, plausible enough to reach the rules."""
    import yaml

    fmt = rng.choice(["v1", "2", "2.1", "2.4", "3", "3.8", "spec", "spec"])
    services = {}
    for name in rng.sample(["web", "db", "worker", "cache"], rng.randint(1, 3)):
        keys = rng.sample(sorted(SERVICE_KEYS), rng.randint(1, 6))
        services[name] = {k: SERVICE_KEYS[k](rng) for k in keys}
    doc: dict[str, Any]
    if fmt == "v1":
        doc = services
    else:
        doc = {} if fmt == "spec" else {"version": fmt}
        doc["services"] = services
        if rng.random() < 0.5:
            doc["networks"] = rng.choice(
                [{"front": None}, {"front": {"driver": "bridge"}}, {"front": {"external": True}}]
            )
        if rng.random() < 0.4:
            doc["volumes"] = rng.choice([{"data": None}, {"data": {"driver": "local"}}])
    text = yaml.safe_dump(doc, sort_keys=False, default_flow_style=rng.random() < 0.2)
    if rng.random() < 0.3:  # a comment or two, the way people write them
        lines = text.splitlines(keepends=True)
        lines.insert(rng.randrange(len(lines) + 1), "# a comment\n")
        text = "".join(lines)
    return text.encode("utf-8")


def next_input(rng: random.Random, corpus: list[bytes]) -> bytes:
    r = rng.random()
    if r < 0.45:
        return mutate(rng, rng.choice(corpus))
    if r < 0.75:
        return generate(rng)
    return mutate(rng, generate(rng))


# -- the campaign ----------------------------------------------------------------


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("amount", type=float, help="seconds to run (or inputs, with --inputs)")
    ap.add_argument("--inputs", action="store_true", help="count inputs instead of seconds")
    ap.add_argument("--seed", type=int, default=None)
    ap.add_argument("--out", default=str(ROOT / "fuzz-failures"), help="where failing inputs are saved")
    args = ap.parse_args(argv)

    seed = args.seed if args.seed is not None else random.randrange(1 << 30)
    rng = random.Random(seed)
    corpus = corpus_files()
    out = Path(args.out)
    tried = failures = 0
    longest = 0.0
    longest_input = b""
    kinds: dict[str, int] = {}
    start = time.monotonic()
    while True:
        if args.inputs and tried >= args.amount or not args.inputs and time.monotonic() - start >= args.amount:
            break
        data = next_input(rng, corpus)
        t = time.perf_counter()
        problems = check_one(data)
        took = time.perf_counter() - t
        tried += 1
        if took > longest:
            longest, longest_input = took, data
        if problems:
            failures += 1
            out.mkdir(exist_ok=True)
            digest = hashlib.sha1(data).hexdigest()[:12]
            (out / f"{digest}.yml").write_bytes(data)
            (out / f"{digest}.txt").write_text("\n".join(problems) + "\n")
            for p in problems:
                kind = p.split(" at ")[0][:120]
                kinds[kind] = kinds.get(kind, 0) + 1
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"seed {seed}")
    print(f"inputs tried: {tried} in {time.monotonic() - start:.0f} s")
    print(f"failures found: {failures}" + (f" (saved in {out})" if failures else ""))
    for kind, n in sorted(kinds.items(), key=lambda kv: -kv[1])[:20]:
        print(f"  {n:5d}  {kind}")
    print(f"longest time per input: {longest * 1000:.0f} ms ({len(longest_input)} bytes)")
    print(f"peak memory: {peak:.0f} MB")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
