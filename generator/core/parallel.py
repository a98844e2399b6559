"""Per-article work on every core: the stages that read one article at a time, in a process pool.

Results come back in the articles' order, so the output is the same, byte for byte, whatever the
number of jobs. With one job (or one article) nothing is forked. Workers ignore Ctrl-C: the main
process alone handles it, so an interrupted run prints one message, not one traceback per worker.
"""

from __future__ import annotations

import os
import signal
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from multiprocessing import get_context
from typing import TypeVar, cast

T = TypeVar("T")
R = TypeVar("R")
CHUNKS_PER_JOB = 4
"""Articles go to the workers in this many chunks per job: few enough to pickle shared arguments
rarely, enough to even out long and short articles."""


def default_jobs() -> int:
    """All the cores this process may use."""
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


_work: list[tuple[Callable[..., object], Sequence[object], tuple[object, ...]]] = []
"""The job being shared out: set before the workers are forked, so they inherit it unpickled."""


def _quiet_worker() -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})


def _apply(span: tuple[int, int]) -> list[object]:
    func, items, shared = _work[0]
    return [func(item, *shared) for item in items[span[0]:span[1]]]


def per_item(func: Callable[..., R], items: Sequence[T], jobs: int, *shared: object) -> list[R]:
    """[func(item, *shared) for item in items], on up to `jobs` processes, in the items' order.

    The workers are forked after the work is set aside, so the items and the shared arguments reach
    them without pickling; only the results come back pickled.
    """
    if jobs <= 1 or len(items) < 2:
        return [func(item, *shared) for item in items]
    size = max(1, -(-len(items) // (jobs * CHUNKS_PER_JOB)))
    spans = [(i, min(i + size, len(items))) for i in range(0, len(items), size)]
    _work[:] = [(func, items, shared)]
    try:
        with ProcessPoolExecutor(max_workers=jobs, mp_context=get_context("fork"),
                                 initializer=_quiet_worker) as pool:
            # Ctrl-C waits while the workers are forked (it would land in a fork hook and be lost);
            # it is taken as soon as they run.
            signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
            try:
                results = pool.map(_apply, spans)
            finally:
                signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})
            return [cast(R, r) for chunk in results for r in chunk]
    finally:
        _work.clear()
