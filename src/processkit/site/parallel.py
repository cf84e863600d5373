"""Sharing work between the machine's cores: the pages (and map texts) of a large site are
made by forked worker processes, which inherit everything already loaded, so nothing but
indexes and results crosses between processes.

Where ``fork`` is not available, or the work is small, it is done in this process.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor
from typing import Any, TypeVar

from processkit.background import settle

R = TypeVar("R")

#: Below this many items the work is done here: starting workers would cost more.
THRESHOLD = 150

_TASK: tuple[Callable[[int, int], list[Any]], ...] = ()


def _run(bounds: tuple[int, int]) -> list[Any]:
    return _TASK[0](*bounds)


def workers() -> int:
    return max(1, min(os.cpu_count() or 1, 8))


def chunks(total: int, size: int) -> list[tuple[int, int]]:
    return [(start, min(start + size, total)) for start in range(0, total, size)]


def forks(total: int, threshold: int | None = None) -> bool:
    """Whether ``total`` items are shared out to forked workers (``run_batches``)."""
    return (
        total >= (THRESHOLD if threshold is None else threshold)
        and workers() > 1
        and "fork" in multiprocessing.get_all_start_methods()
    )


def run_indexed(
    work: Callable[[int], R], total: int, *, chunk: int = 50
) -> Iterator[tuple[int, list[R]]]:
    """``work(i)`` for every ``i`` below ``total``, as (number done so far, results of a chunk)
    in order. ``work`` runs in forked processes when that pays."""

    def batch(start: int, end: int) -> list[R]:
        return [work(index) for index in range(start, end)]

    return run_batches(batch, total, chunk=chunk)


def run_batches(
    work: Callable[[int, int], list[R]],
    total: int,
    *,
    chunk: int = 50,
    threshold: int | None = None,
) -> Iterator[tuple[int, list[R]]]:
    """``work(start, end)``, a list of one result per index from ``start`` to ``end``, over
    chunks of the indexes below ``total``; yielded as (number done so far, results of a
    chunk) in order. Chunks run in forked processes from ``threshold`` items on, so ``work``
    may start one program for a whole chunk (Graphviz for 50 maps); ``threshold`` None is
    ``THRESHOLD``, read at the call."""
    global _TASK
    bounds = chunks(total, chunk)
    if not forks(total, threshold):
        done = 0
        for start, end in bounds:
            results = work(start, end)
            done += len(results)
            yield done, results
        return
    settle()  # no fork while a thread of this process works (see processkit.background)
    _TASK = (work,)
    try:
        context = multiprocessing.get_context("fork")
        with ProcessPoolExecutor(max_workers=workers(), mp_context=context) as pool:
            done = 0
            for results in pool.map(_run, bounds):
                done += len(results)
                yield done, results
    finally:
        _TASK = ()
