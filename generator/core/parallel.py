"""Per-article work on every core: the stages that read one article at a time, in a process pool.

Results come back in the articles' order, so the output is the same, byte for byte, whatever the
number of jobs. With one job (or one article) nothing is forked. Workers ignore Ctrl-C: the main
process alone handles it, so an interrupted run prints one message, not one traceback per worker.
"""

from __future__ import annotations

import os
import resource
import signal
import time
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from multiprocessing import get_context
from multiprocessing.connection import Connection
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


class Ahead:
    """Work the caller needs later, done meanwhile in one forked process: `thunks` are called there in
    turn while the caller goes on, and `result(i)` waits for the i-th value.

    Without `fork` (one job), `result(i)` calls the i-th thunk then, here. Where the process fails (a
    thunk raises, or a value cannot be sent back), `result` calls the thunks here too, so an error
    is raised where it would be without the process, and the values are the same either way. The
    process is forked with Ctrl-C held, and ignores it; `close` (or leaving the `with` block)
    ends it if it still runs.
    """

    def __init__(self, thunks: Sequence[Callable[[], object]], fork: bool = True) -> None:
        self._thunks = list(thunks)
        self._values: list[tuple[bool, object, float]] = []
        self._reader: Connection | None = None
        self._pid = 0
        if fork and self._thunks:
            # os.fork, not multiprocessing: its Process would be reaped by whichever pool starts next,
            # and the process's CPU time counted in that stage.
            read, write = os.pipe()
            signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
            try:
                self._pid = os.fork()
                if self._pid == 0:  # the process: it never returns
                    try:
                        os.close(read)
                        _ahead(self._thunks, Connection(write, readable=False))
                    finally:
                        os._exit(0)
            finally:
                signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})
            os.close(write)
            self._reader = Connection(read, writable=False)

    def result(self, index: int) -> object:
        """The value of thunk `index` (from the process, or called here)."""
        while len(self._values) <= index and self._reader is not None:
            try:
                self._values.append(self._reader.recv())
            except (EOFError, OSError):  # the process died: the rest is done here
                self.close()
        if len(self._values) > index and self._values[index][0]:
            return self._values[index][1]
        return self._thunks[index]()

    def cpu(self) -> float:
        """CPU seconds the process has spent on the values received so far (its own workers'
        included): the caller's stage timings do not see them otherwise."""
        return sum(cpu for _, _, cpu in self._values)

    def close(self) -> None:
        """End the process, if it still runs."""
        if self._pid:
            if os.waitpid(self._pid, os.WNOHANG) == (0, 0):
                os.kill(self._pid, signal.SIGKILL)
                os.waitpid(self._pid, 0)
            self._pid = 0
        if self._reader is not None:
            self._reader.close()
            self._reader = None

    def __enter__(self) -> Ahead:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _ahead(thunks: Sequence[Callable[[], object]], writer: Connection) -> None:
    """In the forked process: send (True, value, CPU seconds) for each thunk in turn; (False, None,
    CPU seconds) for the first that fails, and nothing after it."""
    _quiet_worker()
    for thunk in thunks:
        start = cpu_seconds()
        try:
            value = thunk()
            writer.send((True, value, cpu_seconds() - start))
        except Exception:
            writer.send((False, None, cpu_seconds() - start))
            break
    writer.close()


def cpu_seconds() -> float:
    """CPU seconds of this process and of its children that have ended."""
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return time.process_time() + children.ru_utime + children.ru_stime
