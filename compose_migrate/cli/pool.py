"""Spreading files over processes (--jobs), with no CLI framework imported."""

from __future__ import annotations

import os
from collections.abc import Callable
from typing import TypeVar

T = TypeVar("T")
R = TypeVar("R")


def map_files(func: Callable[[T], R], items: list[T], jobs: int = 1) -> list[R]:
    """`[func(x) for x in items]`, spread over `jobs` processes, results in input order.

    `func` must be a module-level function and its results picklable; it
    should catch ComposeMigrateError itself and return it as data.  One job,
    one item, or stdin (`-`, which only this process can read) runs here.
    """
    if jobs == 0:
        jobs = os.cpu_count() or 1
    if jobs <= 1 or len(items) <= 1 or "-" in items:
        return [func(x) for x in items]
    from concurrent.futures import ProcessPoolExecutor

    with ProcessPoolExecutor(max_workers=min(jobs, len(items))) as pool:
        # map() yields in submission order whatever order workers finish in.
        return list(pool.map(func, items, chunksize=max(1, len(items) // (jobs * 4))))
