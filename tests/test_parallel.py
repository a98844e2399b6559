"""--jobs: the per-article stages on several processes give the same output, byte for byte."""

from __future__ import annotations

import resource
import shutil
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from generator.core.errors import ContentError
from generator.core.models import Generated
from generator.core.parallel import Ahead, per_item
from generator.core.paths import TEMPLATES
from generator.extract.figures import find_figures
from generator.pipeline import claimant_finder, generate
from generator.site.render import render_pages
from generator.site.verify import verify_built_site

from .conftest import DEV_CONTENT, MINI


def scaled(x: int, factor: int) -> int:
    return x * factor


@pytest.mark.parametrize("jobs", [1, 2, 3])
@pytest.mark.parametrize("count", [0, 1, 2, 7, 50])
def test_per_item_keeps_the_items_order_for_any_number_of_jobs(jobs: int, count: int) -> None:
    assert per_item(scaled, list(range(count)), jobs, 3) == [3 * i for i in range(count)]


def tree(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def test_one_job_and_two_jobs_build_byte_identical_sites(tmp_path: Path) -> None:
    built = {}
    for jobs in ("1", "2"):
        out = tmp_path / f"jobs-{jobs}"
        out.mkdir()
        command = [sys.executable, "-m", "generator", "build", "--content", str(DEV_CONTENT),
                   "--docs", "docs", "--site", "site", "--jobs", jobs]
        result = subprocess.run(command, cwd=out, capture_output=True, text=True, check=False)
        assert result.returncode == 0, result.stderr
        built[jobs] = (tree(out / "docs"), tree(out / "site"))
    assert built["1"] == built["2"]



CTRL_C = """
import os, signal
from generator.core.parallel import Ahead, per_item

# Python's own Ctrl-C handler, as in a terminal: a run started in the background by a
# non-interactive shell inherits SIGINT ignored, and Python then keeps it ignored.
signal.signal(signal.SIGINT, signal.default_int_handler)

def same(x):
    return x

# Ctrl-C lands exactly while a worker is being forked, where Python runs its fork hooks.
os.register_at_fork(after_in_parent=lambda: os.kill(os.getpid(), signal.SIGINT))
try:
    per_item(same, list(range(8)), 2)
    print("finished")
except KeyboardInterrupt:
    print("interrupted")
"""


def test_ctrl_c_while_workers_fork_is_taken_once_by_the_main_process() -> None:
    result = subprocess.run([sys.executable, "-c", CTRL_C], capture_output=True, text=True, timeout=120,
                            check=False)
    assert result.stdout.strip() == "interrupted"
    assert result.stderr == ""


def test_verification_finds_the_same_failures_on_one_or_two_processes(
        built: Callable[[Path], Path], tmp_path: Path) -> None:
    """Pages are read on several processes; what is found, and its order, does not change."""
    site_dir = tmp_path / "site"
    shutil.copytree(built(MINI), site_dir)
    page = site_dir / "sources" / "alpha" / "index.html"
    html = page.read_text(encoding="utf-8")
    page.write_text(html.replace("</article>", '<img src="https://elsewhere.example/x.png"></article>', 1)
                    .replace('id="p1"', 'id="p1-gone"', 1), encoding="utf-8")
    site = generate(MINI).site
    one = verify_built_site(site_dir, site, jobs=1)
    assert one, "the planted faults are found"
    assert verify_built_site(site_dir, site, jobs=2) == one


def test_pages_rendered_on_several_processes_are_the_same_pages_in_the_same_order(
        mini_generated: Generated) -> None:
    """Render's tasks run on `jobs` processes; which pages cite each paragraph comes back in order."""
    one = render_pages(mini_generated.site, (TEMPLATES,), jobs=1)
    assert any(b"Cited on:" in p.content for p in one), "the source pages show where they are cited"
    for jobs in (2, 3):
        assert render_pages(mini_generated.site, (TEMPLATES,), jobs=jobs) == one


def test_source_pages_that_cite_show_each_other_as_one_process_would(
        mini_generated: Generated, tmp_path: Path) -> None:
    """An event's source template may cite: a source page then lists the source pages before it."""
    site = mini_generated.site
    order = [a.id for a in site.articles]
    last = max(site.statements, key=lambda s: order.index(s.citation.source))
    assert order.index(last.citation.source) > 0, "a statement of a source that is not the first"
    (tmp_path / "source.md.j2").write_text(
        (TEMPLATES / "source.md.j2").read_text(encoding="utf-8")
        + f"\nAlso: {{{{ cite(site.statement('{last.id}').citation) }}}}\n\n{{{{ footnotes() }}}}\n",
        encoding="utf-8")
    one = render_pages(site, (tmp_path, TEMPLATES), jobs=1)
    assert render_pages(site, (tmp_path, TEMPLATES), jobs=2) == one
    cited = next(p for p in one if p.path == site.article(last.citation.source).page).content.decode()
    for earlier in site.articles[:order.index(last.citation.source)]:
        assert f"[{earlier.title}]" in cited, "each source page before it cites the paragraph"


@pytest.mark.parametrize("jobs", [1, 2])
def test_a_broken_template_rendered_in_a_worker_names_its_file_and_line(
        mini_generated: Generated, tmp_path: Path, jobs: int) -> None:
    (tmp_path / "entity.md.j2").write_text("# {{ title }}\n\n{{ no_such_thing }}\n", encoding="utf-8")
    with pytest.raises(ContentError) as caught:
        render_pages(mini_generated.site, (tmp_path, TEMPLATES), jobs=jobs)
    [problem] = caught.value.problems
    assert problem.path.endswith("entity.md.j2") and problem.line == 3


def busy() -> int:
    """Some CPU time (about 0.1 s), then a value."""
    return sum(i * i for i in range(2_000_000))


def failing() -> int:
    raise ValueError("planted")


@pytest.mark.parametrize("fork", [True, False])
def test_work_done_ahead_gives_the_values_the_thunks_give(fork: bool) -> None:
    with Ahead([busy, lambda: [1, 2, 3], lambda: "x"], fork=fork) as ahead:
        assert ahead.result(0) == busy()
        assert ahead.result(2) == "x"
        assert ahead.result(1) == [1, 2, 3]
    assert (ahead.cpu() > 0.02) == fork, "the process's CPU time is counted where it runs"


def test_work_done_ahead_that_fails_is_done_again_here_and_raises_here() -> None:
    calls: list[str] = []  # the process's own calls are not seen here

    def call(name: str, value: int) -> int:
        calls.append(name)
        return value

    with Ahead([lambda: call("first", 1), failing, lambda: call("third", 3)]) as ahead:
        assert ahead.result(0) == 1 and calls == []
        with pytest.raises(ValueError, match="planted"):
            ahead.result(1)
        assert ahead.result(2) == 3 and calls == ["third"], "after a failure the rest is done here"


def children_cpu() -> float:
    used = resource.getrusage(resource.RUSAGE_CHILDREN)
    return used.ru_utime + used.ru_stime


def test_the_process_ahead_is_not_counted_in_the_stage_of_a_later_pool() -> None:
    """A stage's CPU time counts its pool's processes when they end: a process that did work ahead
    must not be reaped there (its time is reported apart, as Ahead.cpu())."""
    with Ahead([lambda: [busy() for _ in range(3)]]) as ahead:
        ahead.result(0)
        time.sleep(0.3)  # it has ended
        before = children_cpu()
        per_item(scaled, list(range(8)), 2, 3)
        assert children_cpu() - before < ahead.cpu() / 2


def test_a_value_that_cannot_be_sent_back_is_computed_here() -> None:
    with Ahead([lambda: (lambda: 5)]) as ahead:
        value = ahead.result(0)
    assert callable(value) and value() == 5


def test_figures_are_found_the_same_on_one_or_two_processes() -> None:
    site = generate(DEV_CONTENT).site
    claimant = claimant_finder(site.statements)
    figures = find_figures(site.articles, claimant, jobs=1)
    assert figures and find_figures(site.articles, claimant, jobs=2) == figures
