"""Safe by construction: content is text wherever it lands, output folders are the tool's own,
a kill at any instant leaves a whole site, and every failure is a message with its exit code."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import tempfile
from collections.abc import Callable
from html.parser import HTMLParser
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.cli import main
from generator.core.errors import ContentError
from generator.core.paths import MKDOCS_YML, STAMP
from generator.pipeline import generate
from generator.site.build import build_site
from generator.site.markdown import YAML_UNPRINTABLE, front_matter, html_text
from generator.site.outputs import FAULT_ENV
from generator.site.verify import PageScan, verify_built_site

from .conftest import FIXTURES, MINI, chromium

HOSTILE_SITE = FIXTURES / "hostile_site"
PYTHON = [sys.executable, "-m", "generator"]


def tree(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def run(*args: str | Path, cwd: Path | None = None, env: dict[str, str] | None = None
        ) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*PYTHON, *map(str, args)], capture_output=True, text=True, cwd=cwd,
                          env={**os.environ, **(env or {})}, timeout=300)


# --- every string from content is text wherever it lands -------------------------------------

@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("hostile_site")
    build_site(generate(HOSTILE_SITE), out / "docs", out / "site", MKDOCS_YML)
    return out / "site"


def titles(site: Path) -> dict[str, str]:
    """The text of each page's <title>, read as a browser reads it."""
    found = {}
    for page in sorted(site.rglob("*.html")):
        scan = PageScan(page.name)
        scan.feed(page.read_text(encoding="utf-8"))
        found[page.relative_to(site).as_posix()] = scan.title
    return found


def test_safety_hostile_titles_site_name_and_names_show_as_text(hostile_site: Path) -> None:
    site_title = " ".join((HOSTILE_SITE / "site.yml").read_text().split("title: '")[1]
                          .split("'\n")[0].split())
    shown = titles(hostile_site)
    assert shown["index.html"] == site_title
    headline = (HOSTILE_SITE / "articles" / "a_headline.txt").read_text().split("\n")[0]
    assert shown["sources/a_headline/index.html"] == f"{headline} - {site_title}"
    editorial = [t for p, t in shown.items() if p.startswith("groups/") and p != "groups/index.html"]
    assert editorial and editorial[0].startswith("</title><script>alert('editorial')")
    for page in hostile_site.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        assert "<base " not in html and "<meta http-equiv" not in html and "<style>" not in html
        assert "<script>document" not in html and ' onmouseover="alert(2)"' not in html


def test_safety_hostile_site_verifies_with_no_foreign_element(hostile_site: Path) -> None:
    assert verify_built_site(hostile_site, generate(HOSTILE_SITE).site) == []


LEAKS = {
    "script in the title": ("<title>", "<title></title><script>alert(1)</script>"),
    "base in the head": ("<title>", '<base href="https://evil.example/"><title>'),
    "meta refresh": ("<title>", '<meta http-equiv="refresh" content="0"><title>'),
    "style in the header": ('<header class="md-header"', "<style>body{}</style><header class=\"md-header\""),
    "form with an action": ('<header class="md-header"',
                            '<form action="https://evil.example"><header class="md-header"'),
    "attribute broken out": ('class="md-header__button md-logo"',
                             'x="" style="display:none" class="md-header__button md-logo"'),
    "inline script in the nav": ("</nav>", "<script>fetch('/x')</script></nav>"),
    "link to another host": ("</nav>", '<a href="https://evil.example">x</a></nav>'),
}


@pytest.mark.parametrize("leak", sorted(LEAKS))
def test_safety_verifier_catches_a_leak_anywhere_in_the_document(
        built: Callable[[Path], Path], tmp_path: Path, leak: str) -> None:
    site = tmp_path / "site"
    for rel, data in tree(built(MINI)).items():
        (site / rel).parent.mkdir(parents=True, exist_ok=True)
        (site / rel).write_bytes(data)
    page = site / "sources" / "alpha" / "index.html"
    anchor, payload = LEAKS[leak]
    html = page.read_text(encoding="utf-8")
    assert anchor in html
    page.write_text(html.replace(anchor, payload, 1), encoding="utf-8")
    failures = verify_built_site(site, generate(MINI).site)
    assert failures and all("sources/alpha/index.html" in f for f in failures)
    assert any("this page shows the site title from" in f and "alpha.txt" in f for f in failures)


def test_safety_hostile_scripts_do_not_run_in_chromium(hostile_site: Path) -> None:
    browser = chromium()
    if browser is None:
        pytest.skip("chromium is not installed")
    from .test_serve_browser import CHROMIUM_FLAGS

    for page in ("index.html", "timeline/index.html", "sources/a_headline/index.html",
                 "sources/b_front_matter/index.html"):
        with tempfile.TemporaryDirectory(ignore_cleanup_errors=True) as profile:
            dom = subprocess.run([browser, *CHROMIUM_FLAGS, f"--user-data-dir={profile}", "--dump-dom",
                                  (hostile_site / page).as_uri()],
                                 capture_output=True, text=True, timeout=90).stdout
        assert "md-header" in dom, page
        assert 'data-xss="' not in dom, f"a script from content ran on {page}"


PIECES = ["</title>", "<script>alert(1)</script>", '"', "'", "&amp;", "&lt;b&gt;", "<b>", "{{ x }}",
          "{% raw %}", "[x](javascript:1)", "{: onclick=x }", "\u2028", "\u0085", "\x7f", "\ufeff",
          "---", "\\", ": ", "#", "&#60;", "<!--", "]]>", "\t", "\U0001f525"]
field_text = st.lists(st.one_of(st.sampled_from(PIECES), st.text(min_size=1, max_size=8)),
                      min_size=1, max_size=5).map("".join).filter(lambda t: bool(t.split()))


@settings(max_examples=300, deadline=None)
@given(field_text)
def test_safety_front_matter_title_reads_back_as_escaped_text(title: str) -> None:
    from mkdocs.utils.meta import get_data

    doc, meta = get_data(front_matter(title) + "# x\n")
    expected = YAML_UNPRINTABLE.sub(lambda m: f"&#{ord(m.group(0))};", str(html_text(title)))
    assert meta == {"title": expected}
    assert doc == "# x\n"
    assert not any(c in meta["title"] for c in '<>"')


def _hostile_corpus(folder: Path, headline: str, title: str, outlet: str, site_title: str,
                    description: str, name: str) -> Path:
    (folder / "articles").mkdir(parents=True, exist_ok=True)
    (folder / "articles" / "a.txt").write_text(
        f"{headline}\n\nThe Korlan Water Board said on Monday that the reservoir was safe.\n\n"
        "The Korlan Water Board added that tests would go on.\n\nLeave a reply\n", encoding="utf-8")
    def quote(value: str) -> str:
        escaped = json.dumps(value, ensure_ascii=False)
        return YAML_UNPRINTABLE.sub(lambda m: f"\\u{ord(m.group(0)):04x}", escaped)

    quoted = {k: quote(v) for k, v in {"title": title, "outlet": outlet, "site": site_title,
                           "description": description, "name": name}.items()}
    (folder / "articles" / "b.md").write_text(
        f"---\ntitle: {quoted['title']}\noutlet: {quoted['outlet']}\n---\n\n"
        "Residents said the Korlan Water Board had not warned them.\n", encoding="utf-8")
    (folder / "site.yml").write_text(f"title: {quoted['site']}\ndescription: {quoted['description']}\n",
                                     encoding="utf-8")
    (folder / "editorial.yml").write_text(
        f"entities:\n  - name: {quoted['name']}\n    aliases: [Korlan Water Board]\n", encoding="utf-8")
    return folder


class Skeleton(HTMLParser):
    """Every (element, attribute) pair of a page, and the text of its inline scripts."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.pairs: set[tuple[str, str]] = set()
        self.scripts: set[str] = set()
        self._script = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.pairs |= {(tag, "")} | {(tag, name) for name, _ in attrs}
        self._script = tag == "script"

    def handle_endtag(self, tag: str) -> None:
        self._script = False

    def handle_data(self, data: str) -> None:
        if self._script and data.strip():
            self.scripts.add(data.strip()[:40])


def skeleton(site: Path) -> tuple[set[tuple[str, str]], set[str]]:
    pairs: set[tuple[str, str]] = set()
    scripts: set[str] = set()
    for page in site.rglob("*.html"):
        scan = Skeleton()
        scan.feed(page.read_text(encoding="utf-8"))
        pairs |= scan.pairs
        scripts |= scan.scripts
    return pairs, scripts


@pytest.fixture(scope="module")
def plain_skeleton(tmp_path_factory: pytest.TempPathFactory) -> tuple[set[tuple[str, str]], set[str]]:
    """What the theme and the templates put in the pages when every field is plain words."""
    folder = tmp_path_factory.mktemp("plain")
    content = _hostile_corpus(folder / "content", "Water board says reservoir safe", "Residents worry",
                              "The Plain Herald", "Reservoir scare", "A plain description",
                              "Korlan Water Board")
    build_site(generate(content), folder / "docs", folder / "site", MKDOCS_YML)
    return skeleton(folder / "site")


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(field_text, field_text, field_text, field_text, field_text, field_text)
def test_safety_random_text_in_every_field_adds_no_element_or_attribute(
        tmp_path_factory: pytest.TempPathFactory,
        plain_skeleton: tuple[set[tuple[str, str]], set[str]], headline: str, title: str, outlet: str,
        site_title: str, description: str, name: str) -> None:
    folder = tmp_path_factory.mktemp("fields")
    content = _hostile_corpus(folder / "content", headline.replace("\n", " "), title, outlet,
                              site_title, description, name)
    try:
        generated = generate(content)
    except ContentError:
        return  # refused with a message naming the file: also safe
    build_site(generated, folder / "docs", folder / "site", MKDOCS_YML)
    pairs, scripts = skeleton(folder / "site")
    plain_pairs, plain_scripts = plain_skeleton
    assert pairs <= plain_pairs, f"elements or attributes from content: {sorted(pairs - plain_pairs)}"
    assert scripts <= plain_scripts, f"scripts from content: {sorted(scripts - plain_scripts)}"
    assert titles(folder / "site")["index.html"] == " ".join(generated.site.config.title.split())


# --- output folders are the tool's own --------------------------------------------------------

def _event(tmp_path: Path) -> Path:
    content = tmp_path / "content"
    (content / "articles").mkdir(parents=True)
    for path in (MINI / "articles").iterdir():
        (content / "articles" / path.name).write_bytes(path.read_bytes())
    (tmp_path / "notes").mkdir()
    (tmp_path / "notes" / "todo.txt").write_text("mine\n")
    (tmp_path / "file.txt").write_text("mine\n")
    return content


REFUSED = {
    "docs over the content": ["--docs", "content"],
    "docs over the articles": ["--docs", "content/articles"],
    "site over the project": ["--site", "."],
    "site over a parent": ["--site", ".."],
    "site over someone's notes": ["--site", "notes"],
    "docs over someone's notes": ["--docs", "notes"],
    "docs and site the same": ["--docs", "out", "--site", "out"],
    "site inside docs": ["--docs", "out", "--site", "out/site"],
    "docs inside site": ["--docs", "out/docs", "--site", "out"],
    "site is a file": ["--site", "file.txt"],
    "site holds the content": ["--site", "content/.."],
}


@pytest.mark.parametrize("case", sorted(REFUSED))
def test_safety_output_folder_mistakes_are_refused_and_nothing_is_touched(tmp_path: Path, case: str) -> None:
    content = _event(tmp_path)
    before = tree(tmp_path)
    result = run("build", "--content", content, *REFUSED[case], cwd=tmp_path)
    assert result.returncode == 5, result.stderr
    assert result.stderr.startswith("explainer: --") and "Traceback" not in result.stderr
    assert tree(tmp_path) == before


def test_safety_docs_folder_is_never_taken_for_a_site(tmp_path: Path) -> None:
    content = _event(tmp_path)
    assert run("generate", "--content", content, "--docs", "out", cwd=tmp_path).returncode == 0
    result = run("build", "--content", content, "--docs", "docs", "--site", "out", cwd=tmp_path)
    assert result.returncode == 5 and "site" in result.stderr
    assert (tmp_path / "out" / "index.md").is_file()


def test_safety_rebuild_into_own_folders_and_umask(tmp_path: Path) -> None:
    content = _event(tmp_path)
    for mask, file_mode, dir_mode in ((0o022, 0o644, 0o755), (0o027, 0o640, 0o750)):
        old = os.umask(mask)
        try:
            assert run("build", "--content", content, cwd=tmp_path).returncode == 0
        finally:
            os.umask(old)
        for folder in (tmp_path / "docs", tmp_path / "site"):
            assert (folder / STAMP).is_file()
            assert folder.stat().st_mode & 0o777 == dir_mode
            for path in folder.rglob("*"):
                want = dir_mode if path.is_dir() else file_mode
                assert path.stat().st_mode & 0o777 == want, (path, oct(path.stat().st_mode))


# --- a kill at any instant leaves a whole site -------------------------------------------------

FAULTS = ["docs-written", "site-built", "verified", "swap-exchange", "swap-exchanged", "docs-swapped",
          "site-swapped"]


@pytest.mark.parametrize("fault", FAULTS)
def test_safety_kill_9_at_every_step_leaves_whole_folders(tmp_path: Path, fault: str) -> None:
    content = _event(tmp_path)
    assert run("build", "--content", content, cwd=tmp_path).returncode == 0
    old_docs, old_site = tree(tmp_path / "docs"), tree(tmp_path / "site")
    (content / "articles" / "alpha.txt").write_text(
        (content / "articles" / "alpha.txt").read_text() + "\nA late paragraph was added.\n")
    killed = run("build", "--content", content, cwd=tmp_path, env={FAULT_ENV: fault})
    assert killed.returncode == -signal.SIGKILL, killed.stderr
    docs, site = tree(tmp_path / "docs"), tree(tmp_path / "site")
    assert docs == old_docs or "A late paragraph" in docs["sources/alpha.md"].decode()
    assert site == old_site or "A late paragraph" in site["sources/alpha/index.html"].decode()
    assert "index.html" in site and "index.md" in docs
    again = run("build", "--content", content, cwd=tmp_path)
    assert again.returncode == 0, again.stderr
    assert "A late paragraph" in tree(tmp_path / "site")["sources/alpha/index.html"].decode()
    assert not list(tmp_path.glob(".explainer-build-*")) and not list(tmp_path.glob(".*.old"))


def test_safety_two_rename_swap_is_recovered_after_a_kill_between_the_renames(tmp_path: Path) -> None:
    content = _event(tmp_path)
    assert run("build", "--content", content, cwd=tmp_path).returncode == 0
    # Force the fallback (no renameat2) and kill between its two renames.
    hook = tmp_path / "sitecustomize.py"
    hook.write_text("import generator.site.outputs as o\no._libc_exchange = lambda: None\n")
    env = {FAULT_ENV: "swap-half", "PYTHONPATH": f"{tmp_path}{os.pathsep}{os.environ.get('PYTHONPATH', '')}"}
    killed = run("build", "--content", content, cwd=tmp_path, env=env)
    assert killed.returncode == -signal.SIGKILL
    assert not (tmp_path / "docs").exists() and (tmp_path / ".docs.old").is_dir()
    again = run("generate", "--content", content, cwd=tmp_path)
    assert again.returncode == 0, again.stderr
    assert (tmp_path / "docs" / "index.md").is_file() and not (tmp_path / ".docs.old").exists()


def test_safety_concurrent_builds_into_one_folder_are_serialized(tmp_path: Path) -> None:
    content = _event(tmp_path)
    command = [*PYTHON, "build", "--content", str(content)]
    runs = [subprocess.Popen(command, cwd=tmp_path, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                             text=True) for _ in range(3)]
    results = [(r.wait(timeout=300), r.communicate()[1]) for r in runs]
    assert all(code == 0 for code, _ in results), results
    assert verify_built_site(tmp_path / "site", generate(content).site) == []
    assert not list(tmp_path.glob(".explainer-build-*"))


# --- every failure is a message with its own exit code ----------------------------------------

def test_safety_internal_error_exits_70_asking_for_a_report(monkeypatch: pytest.MonkeyPatch,
                                                            capsys: pytest.CaptureFixture[str]) -> None:
    import generator.pipeline

    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("boom")

    monkeypatch.setattr(generator.pipeline, "render_pages", broken)
    assert main(["generate", "--content", str(MINI), "--docs", "/nonexistent/never-written"]) == 70
    err = capsys.readouterr().err
    assert "internal error" in err and "please report" in err.lower() and "Traceback" not in err


def test_safety_unwritable_output_exits_5_with_a_message(tmp_path: Path) -> None:
    if os.geteuid() == 0:
        pytest.skip("root can write anywhere")
    content = _event(tmp_path)
    (tmp_path / "ro").mkdir()
    os.chmod(tmp_path / "ro", 0o555)
    result = run("build", "--content", content, "--docs", "ro/docs", "--site", "ro/site", cwd=tmp_path)
    assert result.returncode == 5 and "Traceback" not in result.stderr


def test_safety_full_disk_exits_5_and_keeps_the_previous_site(tmp_path: Path) -> None:
    disk = tmp_path / "disk"
    disk.mkdir()
    if subprocess.run(["mount", "-t", "tmpfs", "-o", "size=24m", "tmpfs", str(disk)],
                      capture_output=True).returncode != 0:
        pytest.skip("cannot mount a small file system here")
    try:
        content = _event(tmp_path)
        first = run("build", "--content", content, cwd=disk)
        assert first.returncode == 0, first.stderr
        old = tree(disk / "site")
        (disk / "filler").write_bytes(b"x")
        with open(disk / "filler", "wb", buffering=0) as filler:  # fill what is left, unbuffered
            try:
                while True:
                    filler.write(b"x" * 65536)
            except OSError:
                pass
        result = run("build", "--content", content, cwd=disk)
        assert result.returncode == 5, result.stderr
        assert "No space left" in result.stderr and "Traceback" not in result.stderr
        assert tree(disk / "site") == old
        assert not list(disk.glob(".explainer-build-*"))
    finally:
        subprocess.run(["umount", str(disk)], capture_output=True)


@pytest.mark.parametrize("option", ["--docs", "--site"])
def test_safety_output_under_a_file_exits_5_with_a_message(tmp_path: Path, option: str) -> None:
    content = _event(tmp_path)
    result = run("build", "--content", content, option, "file.txt/out", cwd=tmp_path)
    assert result.returncode == 5, result.stderr
    assert "file.txt" in result.stderr and "Traceback" not in result.stderr


def test_safety_thousands_of_errors_print_a_bounded_report(tmp_path: Path) -> None:
    content = tmp_path / "content"
    (content / "articles").mkdir(parents=True)
    long_name = "N" * 1_500  # 1,000 errors that would echo 1.5 MB of names
    entries = "".join(f"  - name: {long_name}{i}\n" for i in range(1000))
    (content / "editorial.yml").write_text(f"entities:\n{entries}", encoding="utf-8")
    (content / "articles" / "a.txt").write_text("Headline\n\nSomething happened on Monday.\n")
    result = run("check", "--content", content)
    assert result.returncode == 1
    assert len(result.stderr) < 100_000, len(result.stderr)
    assert "more problem(s) not shown" in result.stderr


def test_safety_check_is_clean_exactly_when_build_is(tmp_path: Path) -> None:
    assert run("check", "--content", HOSTILE_SITE).returncode == 0
    result = run("build", "--content", HOSTILE_SITE, "--docs", tmp_path / "d", "--site", tmp_path / "s")
    assert result.returncode == 0, result.stderr
