"""Stages `build` and `verify` at the edge: MkDocs into a scratch folder, check, then swap in."""

from __future__ import annotations

import logging
import os
import shutil
import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from ..core.errors import BuildError, OutputError, VerifyError
from ..core.models import Generated
from ..core.paths import BASE_CONFIG, HOOKS, MKDOCS_YML
from ..core.timing import stage
from .markdown import html_text
from .outputs import exchange, fault_point, is_ours, output_lock, refusal, scratch_folder, stamp
from .verify import verify_built_site
from .write import write_tree


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
        os.environ[BASE_CONFIG] = str(MKDOCS_YML)
        config = load_config(str(config_file), docs_dir=str(docs.absolute()), site_dir=str(site.absolute()),
                             site_name=html_text(site_name), strict=True, hooks=[str(HOOKS)])
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


def build_site(generated: Generated, docs: Path, site: Path, config_file: Path, jobs: int = 1) -> None:
    """Build and verify (its page reading on `jobs` processes) in scratch folders; only then swap in
    the new docs/ and site/.

    The caller has checked the folders with outputs.check_output_folders; they are checked
    again here, under the lock, in case another run changed them meanwhile.
    """
    with output_lock([docs, site]):
        for option, folder in (("--docs", docs), ("--site", site)):
            if not is_ours(folder, option.removeprefix("--")):
                raise OutputError(refusal(option, folder))
        work_docs, work_site = scratch_folder(docs), scratch_folder(site)
        try:
            with stage("write"):
                write_tree(generated.pages, work_docs, docs)
            fault_point("docs-written")
            with stage("mkdocs"):
                run_mkdocs(config_file, work_docs, work_site, generated.site.config.title)
            fault_point("site-built")
            with stage("verify"):
                failures = verify_built_site(work_site, generated.site, jobs)
            if failures:
                raise VerifyError(failures)
            stamp(work_site, "site")
            fault_point("verified")
            with deferred_interrupt():
                exchange(work_docs, docs)
                fault_point("docs-swapped")
                exchange(work_site, site)
                fault_point("site-swapped")
        finally:
            shutil.rmtree(work_docs, ignore_errors=True)
            shutil.rmtree(work_site, ignore_errors=True)
