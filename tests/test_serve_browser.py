"""As a reader and an editor would: the built site in headless Chromium, and the live preview."""

from __future__ import annotations

import http.server
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from collections.abc import Callable, Iterator
from functools import partial
from pathlib import Path

import pytest

from generator.core.models import Generated
from generator.core.paths import MKDOCS_YML
from generator.pipeline import generate, validate
from generator.site import paging
from generator.site.build import build_site

from .browser import visit
from .conftest import MINI, chromium
from .test_map import locate

CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update", "--disable-sync",
                  "--hide-scrollbars"]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture
def served(built: Callable[[Path], Path]) -> Iterator[str]:
    """Serve the built mini site from a plain static file server on loopback."""
    handler = partial(http.server.SimpleHTTPRequestHandler, directory=str(built(MINI)))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


def run_chromium(*args: str) -> subprocess.CompletedProcess[str]:
    browser = chromium()
    if browser is None:
        pytest.skip("chromium is not installed")
    with tempfile.TemporaryDirectory(ignore_cleanup_errors=True) as profile:
        return subprocess.run([browser, *CHROMIUM_FLAGS, f"--user-data-dir={profile}", *args],
                              capture_output=True, text=True, timeout=90)


def test_browser_renders_a_source_page_with_anchors(served: str) -> None:
    dom = run_chromium("--dump-dom", f"{served}/sources/alpha/").stdout
    assert 'id="p1"' in dom and 'class="md-footer' in dom
    assert "Removed as boilerplate" in dom


def test_browser_home_screenshot(served: str, tmp_path: Path) -> None:
    shot = tmp_path / "home.png"
    run_chromium("--window-size=1280,1200", f"--screenshot={shot}", f"{served}/")
    assert shot.is_file() and shot.stat().st_size > 20_000
    dom = run_chromium("--dump-dom", f"{served}/").stdout
    assert 'class="footnote"' in dom and "cite-quote" in dom


def wait_for(check: Callable[[], bool], seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            if check():
                return True
        except OSError:
            pass
        time.sleep(0.3)
    return False


def fetch(url: str) -> str:
    with urllib.request.urlopen(url, timeout=5) as response:
        return str(response.read().decode("utf-8"))


def test_serve_regenerates_on_content_edit_and_settles(tmp_path: Path) -> None:
    content = tmp_path / "content"
    shutil.copytree(MINI, content)
    docs, port = tmp_path / "docs", free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "generator", "serve", "--content", str(content), "--docs",
         str(docs), "--dev-addr", f"127.0.0.1:{port}"],
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    try:
        url = f"http://127.0.0.1:{port}/sources/bravo/"
        assert wait_for(lambda: "Zelevetz" in fetch(url), 60), "preview did not start"
        article = content / "articles" / "bravo.txt"
        article.write_text(article.read_text() + "\nA freshly added closing paragraph.\n")
        assert wait_for(lambda: "freshly added closing" in fetch(url), 60), "no regeneration"
        time.sleep(2)
        stamps = {p: p.stat().st_mtime_ns for p in docs.rglob("*.md")}
        time.sleep(3)
        assert stamps == {p: p.stat().st_mtime_ns for p in docs.rglob("*.md")}, "rebuild loop"
    finally:
        process.terminate()
        process.wait(timeout=20)


def test_serve_reports_content_errors_with_file_and_line_and_keeps_serving(tmp_path: Path) -> None:
    content = tmp_path / "content"
    shutil.copytree(MINI, content)
    port = free_port()
    log = tmp_path / "serve.log"
    with open(log, "w") as err:
        process = subprocess.Popen(
            [sys.executable, "-m", "generator", "serve", "--content", str(content), "--docs",
             str(tmp_path / "docs"), "--dev-addr", f"127.0.0.1:{port}"],
            stdout=subprocess.DEVNULL, stderr=err, text=True)
        try:
            url = f"http://127.0.0.1:{port}/sources/bravo/"
            assert wait_for(lambda: "Zelevetz" in fetch(url), 60), "preview did not start"
            assert f"serving at http://127.0.0.1:{port}/" in log.read_text()
            (content / "site.yml").write_text("title: ok\ntittle: typo\n")
            assert wait_for(lambda: "site.yml:2: error: unknown key 'tittle'" in log.read_text(), 60)
            assert "Zelevetz" in fetch(url), "the last good page is no longer served"
            assert "Aborted" not in log.read_text() and "Traceback" not in log.read_text()
        finally:
            process.terminate()
            process.wait(timeout=20)


@pytest.fixture(scope="module")
def served_in_pages(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Generated]]:
    """The mini site built with pages so small that each question has a page, served on loopback."""
    out = tmp_path_factory.mktemp("paged")
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(paging, "PAGE_WEIGHT", 2_000)
        site = locate(generate(MINI).site, [("Ostrava Vale", 49.8, 18.3), ("Kessel Ford", 50.1, 19.9)])
        generated = Generated(site, validate(site), ())
    build_site(generated, out / "docs", out / "site", MKDOCS_YML)
    handler = partial(QuietHandler, directory=str(out / "site"))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}", generated
    server.shutdown()


def page_url(root: str, page: str) -> str:
    """Where MkDocs publishes a docs page ('claims/x.md' -> ROOT/claims/x/, 'index.md' -> ROOT/)."""
    path = page.removesuffix(".md").removesuffix("index").rstrip("/")
    return f"{root}/{path}/" if path else f"{root}/"


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


def test_browser_reads_the_main_pages_without_errors_and_asks_only_the_site(
        served_in_pages: tuple[str, Generated]) -> None:
    """Home, the claims, one question, the timeline, the map, a located place and a source: no
    console error, no failed load, no request to another host."""
    browser = chromium()
    if browser is None:
        pytest.skip("chromium is not installed")
    root, generated = served_in_pages
    question = next(p.path for p in generated.pages if p.path.startswith("claims/"))
    source = generated.site.articles[0].page
    place = next(e.page for e in generated.site.entities if e.location and e.has_page)
    pages = ["index.md", "claims.md", question, "timeline.md", "map.md", place, source]
    for seen in visit(browser, [page_url(root, page) for page in pages]):
        assert seen.errors == [], (seen.url, seen.errors)
        outside = [u for u in seen.requests if not u.startswith((root + "/", "data:", "blob:"))]
        assert outside == [], (seen.url, outside)
        assert seen.requests[0] == seen.url
        if seen.url.endswith(("/map/", f"/{place.removesuffix('.md')}/")):
            assert f"{root}/assets/world.svg" in seen.requests, seen.url  # the map's basemap is drawn
