"""How long each stage takes, for `make bench`: kept in memory, written only when asked.

`EXPLAINER_TIMINGS=FILE explainer build` writes the seconds of every stage to FILE as JSON when the
command ends. Nothing else reads or writes these figures.
"""

from __future__ import annotations

import json
import os
import resource
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

TIMINGS = "EXPLAINER_TIMINGS"
"""Environment variable naming the file to write the stage times to."""
_seconds: dict[str, float] = {}
_cpu: dict[str, float] = {}


def _cpu_now() -> float:
    """CPU seconds of this process and of its children that have ended (a stage's worker pool ends
    within the stage, so its work is counted there)."""
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return time.process_time() + children.ru_utime + children.ru_stime


def charge(name: str, cpu: float) -> None:
    """Count CPU seconds spent beside the stages, in a process that ends outside any stage (work done
    ahead, while other stages ran), under a name of their own: no stage's CPU share includes them,
    and the share over a run's stages together does."""
    _cpu[name] = _cpu.get(name, 0.0) + cpu


@contextmanager
def stage(name: str) -> Iterator[None]:
    """Add the wall-clock and CPU time of the block to the stage's totals."""
    start, cpu = time.perf_counter(), _cpu_now()
    try:
        yield
    finally:
        _seconds[name] = _seconds.get(name, 0.0) + time.perf_counter() - start
        _cpu[name] = _cpu.get(name, 0.0) + _cpu_now() - cpu


def write_timings() -> None:
    """Write the totals to the file EXPLAINER_TIMINGS names, if it names one: {"wall": {stage:
    seconds}, "cpu": {stage: seconds}} (CPU over wall above 1 means several cores worked)."""
    path = os.environ.get(TIMINGS)
    if path:
        report = {"wall": {k: round(v, 3) for k, v in _seconds.items()},
                  "cpu": {k: round(v, 3) for k, v in _cpu.items()}}
        Path(path).write_text(json.dumps(report, indent=1) + "\n", encoding="utf-8")
