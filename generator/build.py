"""Stages `build` and `verify` at the edge: MkDocs into a scratch folder, check, then swap in."""

from __future__ import annotations

import logging
import shutil
import signal
import tempfile
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from .errors import BuildError, VerifyError
from .pipeline import Generated
from .verify import verify_built_site
from .write import replace_tree, write_pages


class _Collect(logging.Handler):
    """Keep MkDocs warnings so a failed build can say what went wrong."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


@contextmanager
def deferred_interrupt() -> Iterator[None]:
    """Hold Ctrl-C until the block ends, so the swap into docs/ and site/ is never cut in half."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    caught: list[int] = []
    previous = signal.signal(signal.SIGINT, lambda signum, frame: caught.append(signum))
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)
    if caught:
        raise KeyboardInterrupt


def run_mkdocs(config_file: Path, docs: Path, site: Path, site_name: str) -> None:
    """Build docs/ into site/ with `mkdocs build --strict`; raise BuildError on any warning."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import Abort, ConfigurationError, MkDocsException

    collect = _Collect()
    logger = logging.getLogger("mkdocs")
    logger.addHandler(collect)
    try:
        config = load_config(str(config_file), docs_dir=str(docs), site_dir=str(site),
                             site_name=site_name, strict=True)
        config.plugins.on_startup(command="build", dirty=False)
        try:
            build(config)
        finally:
            config.plugins.on_shutdown()
    except (Abort, ConfigurationError, MkDocsException) as err:
        details = "\n".join(f"  {m}" for m in collect.messages)
        raise BuildError(f"mkdocs build --strict failed: {err}\n{details}".rstrip()) from None
    finally:
        logger.removeHandler(collect)


def build_site(generated: Generated, docs: Path, site: Path, config_file: Path) -> None:
    """Build and verify in a scratch folder; only then update docs/ and swap in site/."""
    site.parent.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix=".explainer-build-", dir=site.parent))
    try:
        write_pages(generated.pages, work / "docs")
        run_mkdocs(config_file, work / "docs", work / "site", generated.site.config.title)
        failures = verify_built_site(work / "site", generated.site)
        if failures:
            raise VerifyError(failures)
        with deferred_interrupt():
            write_pages(generated.pages, docs)
            replace_tree(work / "site", site)
    finally:
        shutil.rmtree(work, ignore_errors=True)
