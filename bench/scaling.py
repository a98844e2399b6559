"""Does every stage grow linearly? Generate an invented one-event corpus at N and 4N articles and
compare each stage's time per article; exit 1 when one grows by more than MAX_GROWTH.

A step that compares every article, position or value with every other takes four times as long per
article at 4N as at N; a linear one takes as long. Each size runs in a fresh process (`explainer
generate`, one job, stage times from EXPLAINER_TIMINGS), best of RUNS. Stages that take under FLOOR
seconds at 4N are reported but not judged: at that size their time is mostly noise.

    .venv/bin/python bench/scaling.py [--sizes 1000,4000] [--runs 1]
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

from synthetic import write

MAX_GROWTH = 1.5
"""The most a stage's time per article may grow from N to 4N articles."""
FLOOR = 1.0
"""Seconds at 4N below which a stage is not judged."""
RUNS = 1


def stage_seconds(count: int, runs: int = RUNS) -> dict[str, float]:
    """Each stage's seconds for `explainer generate` of `count` invented articles (best of `runs`)."""
    best: dict[str, float] = {}
    with tempfile.TemporaryDirectory() as folder:
        content = write(Path(folder) / "content", count)
        timings = Path(folder) / "timings.json"
        for _ in range(runs):
            env = {**os.environ, "EXPLAINER_TIMINGS": str(timings)}
            subprocess.run([sys.executable, "-m", "generator", "generate", "--content", str(content),
                            "--docs", str(Path(folder) / "docs"), "--jobs", "1", "--no-cache"],
                           check=True, env=env, cwd=folder, stdout=subprocess.DEVNULL)
            for stage, seconds in json.loads(timings.read_text())["wall"].items():
                best[stage] = min(best.get(stage, seconds), seconds)
    return best


def growth(small: int, large: int, runs: int = RUNS,
           floor: float = FLOOR) -> list[tuple[str, float, float, float | None]]:
    """Per stage: ms per article at each size and the growth (None where a stage takes under `floor`
    seconds at the larger size: not judged)."""
    at_small, at_large = stage_seconds(small, runs), stage_seconds(large, runs)
    rows = []
    for stage in at_large:
        per_small = 1000 * at_small.get(stage, 0.0) / small
        per_large = 1000 * at_large[stage] / large
        judged = at_large[stage] >= floor and per_small > 0
        rows.append((stage, per_small, per_large, per_large / per_small if judged else None))
    return rows


def main() -> int:
    parser = argparse.ArgumentParser(description="Check that every stage grows linearly.")
    parser.add_argument("--sizes", default="1000,4000", help="two article counts, N and 4N")
    parser.add_argument("--runs", type=int, default=RUNS, help="runs per size, the best kept")
    args = parser.parse_args()
    small, large = (int(n) for n in args.sizes.split(","))
    rows = growth(small, large, args.runs)
    print(f"| stage | ms/article at {small:,} | at {large:,} | growth |")
    print("|---|---|---|---|")
    failed = []
    for stage, a, b, g in rows:
        print(f"| {stage} | {a:.2f} | {b:.2f} | {'not judged' if g is None else f'{g:.2f}'} |")
        if g is not None and g > MAX_GROWTH:
            failed.append(stage)
    if failed:
        print(f"scaling.py: time per article grew more than {MAX_GROWTH}x in: {', '.join(failed)}",
              file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
