"""Benchmark generate and build at newsroom sizes; print a table and write BENCH.md.

For each size, a content folder is made from the BBC texts in ../shared/corpora/bbc-news (the first
N articles, or bench/replicate.py's copies beyond 2,225), then measured as whole processes, as a user
runs them: `explainer generate` into a fresh docs/, `explainer build` into fresh docs/ and site/, and
a plain `mkdocs build` of the same generated pages with the same configuration (no generation, no
verification), so the ratio says what the explainer adds to MkDocs' own work. Time is wall-clock;
CPU is user + system time of the process and its children over wall time (200% = both cores busy);
memory is the peak resident size of the largest process. Per-stage figures come from the
EXPLAINER_TIMINGS file the command line writes.

    .venv/bin/python bench/bench.py [--sizes 250,1000,2225,10000] [--write BENCH.md]
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

from replicate import replicate

ROOT = Path(__file__).resolve().parent.parent
BBC = ROOT.parent / "shared" / "corpora" / "bbc-news" / "articles"
EXPLAINER = [sys.executable, "-m", "generator"]


@dataclass(frozen=True)
class Run:
    """One measured process."""

    wall: float
    """Seconds."""
    cpu: float
    """User + system seconds of the process and its children."""
    peak_mb: float
    """Peak resident memory of the largest process, MB."""
    stages: dict[str, float] = field(default_factory=dict)
    """Seconds per pipeline stage, where the command reports them."""
    stage_cpu: dict[str, float] = field(default_factory=dict)
    """CPU seconds per pipeline stage (its worker processes included)."""

    @property
    def cpu_share(self) -> float:
        """CPU time over wall time, in percent."""
        return 100 * self.cpu / self.wall if self.wall else 0.0


def measure(command: list[str], cwd: Path, timings: Path | None = None) -> Run:
    """Run one command to its end and measure it."""
    env = dict(os.environ)
    if timings is not None:
        env["EXPLAINER_TIMINGS"] = str(timings)
        timings.unlink(missing_ok=True)
    start = time.perf_counter()
    process = subprocess.Popen(command, cwd=cwd, env=env, stdout=subprocess.DEVNULL,
                               stderr=subprocess.PIPE)
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) != 0:
        message = process.stderr.read().decode(errors="replace") if process.stderr else ""
        raise SystemExit(f"{' '.join(command)} failed:\n{message[-2000:]}")
    report = json.loads(timings.read_text()) if timings is not None and timings.exists() else {}
    return Run(wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024, report.get("wall", {}),
               report.get("cpu", {}))


def content_of(size: int, work: Path) -> Path:
    """A content folder of `size` BBC articles (replicated beyond the corpus)."""
    folder = work / f"content-{size}"
    if folder.exists():
        return folder
    sources = sorted(BBC.glob("*.txt"))
    if size <= len(sources):
        (folder / "articles").mkdir(parents=True)
        for path in sources[:size]:
            shutil.copy(path, folder / "articles" / path.name)
    else:
        replicate(BBC, folder, size)
    (folder / "site.yml").write_text("title: Benchmark\n", encoding="utf-8")
    return folder


def plain_mkdocs(docs: Path, work: Path) -> Run:
    """MkDocs alone on the same pages and configuration."""
    from generator.core.paths import MKDOCS_YML

    config = work / "plain-mkdocs.yml"
    config.write_text(f"INHERIT: {MKDOCS_YML}\nsite_name: Benchmark\ndocs_dir: {docs}\n"
                      f"site_dir: {work / 'plain-site'}\nstrict: false\n", encoding="utf-8")
    shutil.rmtree(work / "plain-site", ignore_errors=True)
    return measure([sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(config)], work)


@dataclass(frozen=True)
class Row:
    """Every figure of one size."""

    size: int
    generate: Run
    build: Run
    plain: Run
    largest_kb: float
    largest_html_kb: float


def bench(size: int, work: Path) -> Row:
    """Measure one size."""
    content = content_of(size, work)
    out = work / f"out-{size}"
    shutil.rmtree(out, ignore_errors=True)
    out.mkdir()
    generate = measure([*EXPLAINER, "generate", "--content", str(content), "--docs", "docs",
                        "--no-cache"], out, work / "timings.json")
    shutil.rmtree(out / "docs")
    build = measure([*EXPLAINER, "build", "--content", str(content), "--docs", "docs", "--site", "site",
                     "--no-cache"],
                    out, work / "timings.json")
    largest = max(p.stat().st_size for p in (out / "docs").rglob("*.md")) / 1024
    largest_html = max(p.stat().st_size for p in (out / "site").rglob("*.html")) / 1024
    return Row(size, generate, build, plain_mkdocs(out / "docs", work), largest, largest_html)


def table(rows: list[Row]) -> list[str]:
    """The results as a Markdown table."""
    lines = ["| articles | generate | per article | CPU | peak | build | per article | peak | plain mkdocs "
             "| build / plain | largest page | largest built page |", "|" + "---|" * 12]
    for r in rows:
        lines.append(
            f"| {r.size:,} | {r.generate.wall:.1f} s | {1000 * r.generate.wall / r.size:.1f} ms "
            f"| {r.generate.cpu_share:.0f}% | {r.generate.peak_mb:.0f} MB | {r.build.wall:.1f} s "
            f"| {1000 * r.build.wall / r.size:.1f} ms | {r.build.peak_mb:.0f} MB | {r.plain.wall:.1f} s "
            f"| {r.build.wall / r.plain.wall:.2f} | {r.largest_kb:.0f} KB | {r.largest_html_kb:.0f} KB |")
    stages = list(dict.fromkeys(s for r in rows for s in r.build.stages))
    if stages:
        lines += ["", "Seconds per stage of `explainer build`:", "",
                  "| articles | " + " | ".join(stages) + " |", "|---|" + "---|" * len(stages)]
        for r in rows:
            cells = " | ".join(f"{r.build.stages.get(s, 0):.1f}" for s in stages)
            lines.append(f"| {r.size:,} | {cells} |")
        lines += ["", "CPU share of the per-article stages of `explainer generate` (CPU over wall time; "
                  "200% = both cores busy); 'extraction' is every stage from clean to timeline with the "
                  "work done ahead beside them (`ahead` in the timings):", "",
                  "| articles | " + " | ".join(PER_ARTICLE) + " | together | extraction |",
                  "|---|" + "---|" * (len(PER_ARTICLE) + 2)]
        for r in rows:
            g = r.generate
            cells = " | ".join(_share(g.stage_cpu.get(s, 0), g.stages.get(s, 0)) for s in PER_ARTICLE)
            together = _share(sum(g.stage_cpu.get(s, 0) for s in PER_ARTICLE),
                              sum(g.stages.get(s, 0) for s in PER_ARTICLE))
            extraction = _share(sum(g.stage_cpu.get(s, 0) for s in (*EXTRACTION, AHEAD)),
                                sum(g.stages.get(s, 0) for s in EXTRACTION))
            lines.append(f"| {r.size:,} | {cells} | {together} | {extraction} |")
    return lines


PER_ARTICLE = ("clean", "names", "statements")
"""The stages whose per-article work runs on every core (the rest of them is corpus-wide)."""
EXTRACTION = ("clean", "names", "resolve", "statements", "figures", "claims", "coverage", "timeline")
"""The stages from the cleaned articles to the site's knowledge, before render."""
AHEAD = "ahead"
"""CPU time spent beside those stages, in a process of its own (no stage's wall time is its own)."""


def _share(cpu: float, wall: float) -> str:
    return f"{100 * cpu / wall:.0f}%" if wall else "n/a"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="250,1000,2225,10000", help="article counts, comma-separated")
    parser.add_argument("--write", type=Path, help="also write the report (Markdown) here")
    args = parser.parse_args()
    if not BBC.is_dir():
        raise SystemExit(f"the BBC corpus is missing: {BBC}")
    sizes = [int(s) for s in args.sizes.split(",")]
    rows = []
    with tempfile.TemporaryDirectory(prefix="explainer-bench-") as tmp:
        for size in sizes:
            rows.append(bench(size, Path(tmp)))
            print("\n".join(table(rows)[-1:]), flush=True)
    report = table(rows)
    print("\n".join(report))
    if args.write:
        machine = f"{os.cpu_count()} cores, Python {sys.version.split()[0]}"
        args.write.write_text(
            "# Benchmark\n\nProduced by `make bench` (`.venv/bin/python bench/bench.py --write BENCH.md`) on "
            f"{machine}, one run per size. See bench/bench.py for what each column measures.\n\n"
            + "\n".join(report) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
