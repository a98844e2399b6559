"""How long each stage takes, for `make bench`: kept in memory, written only when asked.

`EXPLAINER_TIMINGS=FILE explainer build` writes the seconds of every stage to FILE as JSON when the
command ends. Nothing else reads or writes these figures.
"""

from __future__ import annotations

import json
import os
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

TIMINGS = "EXPLAINER_TIMINGS"
"""Environment variable naming the file to write the stage times to."""
_seconds: dict[str, float] = {}


@contextmanager
def stage(name: str) -> Iterator[None]:
    """Add the wall-clock time of the block to the stage's total."""
    start = time.perf_counter()
    try:
        yield
    finally:
        _seconds[name] = _seconds.get(name, 0.0) + time.perf_counter() - start


def write_timings() -> None:
    """Write the totals to the file EXPLAINER_TIMINGS names, if it names one."""
    path = os.environ.get(TIMINGS)
    if path:
        Path(path).write_text(json.dumps({k: round(v, 3) for k, v in _seconds.items()}, indent=1) + "\n",
                              encoding="utf-8")
