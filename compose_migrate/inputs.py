"""Turning command-line arguments into the list of files to check."""

from __future__ import annotations

import fnmatch
import glob
import os

# The names Docker Compose looks for, plus the usual variants.
COMPOSE_NAMES = ("compose.yaml", "compose.yml", "docker-compose.yml", "docker-compose.yaml")
COMPOSE_GLOBS = ("docker-compose.*.yml", "docker-compose.*.yaml", "compose.*.yaml", "compose.*.yml")


def expand(args: list[str]) -> list[str]:
    """Files as given; directories searched for compose files; globs expanded.

    A missing path is kept so the caller reports it as unreadable, in order;
    so is a directory with no Compose file in it, so that a CI job pointed at
    the wrong folder fails instead of checking nothing.
    """
    out: list[str] = []
    seen: set[str] = set()

    def add(p: str) -> None:
        if p not in seen:
            seen.add(p)
            out.append(p)

    for arg in args:
        if arg == "-":
            add(arg)
        elif os.path.isdir(arg):
            for f in find_in_dir(arg) or [arg]:
                add(f)
        elif any(ch in arg for ch in "*?[") and not os.path.exists(arg):
            matches = sorted(glob.glob(arg, recursive=True))
            if not matches:
                add(arg)
            for m in matches:
                if os.path.isdir(m):
                    for f in find_in_dir(m) or [m]:
                        add(f)
                else:
                    add(m)
        else:
            add(arg)
    return out


def find_in_dir(root: str) -> list[str]:
    """Compose files under a directory, recursively, without following links."""
    found: list[str] = []
    for dirpath, dirnames, filenames in os.walk(root, followlinks=False):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith(".") and d != "node_modules")
        names = set(filenames)
        for n in sorted(names):
            if n in COMPOSE_NAMES or any(fnmatch.fnmatch(n, g) for g in COMPOSE_GLOBS):
                found.append(os.path.join(dirpath, n))
    return found
