"""MkDocs hooks for `explainer serve`: regenerate docs/ when content/ or site_templates/ change.

Only files whose bytes changed are rewritten, so one edit causes one rebuild, not a loop.
During `mkdocs build` these hooks do nothing: `explainer build` generates first.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path
from typing import Any

from generator.errors import ExplainerError
from generator.paths import TEMPLATES
from generator.pipeline import generate
from generator.write import write_pages

log = logging.getLogger("mkdocs.explainer")
_serving = False


def on_startup(command: str, dirty: bool) -> None:
    """Remember whether this is a live preview."""
    global _serving
    _serving = command == "serve"


def on_pre_build(config: Any) -> None:
    """Regenerate the pages before each preview rebuild; keep the old ones on error."""
    if not _serving:
        return
    content = Path(os.environ.get("EXPLAINER_CONTENT", "content"))
    try:
        generated = generate(content, TEMPLATES)
    except ExplainerError as err:
        log.error("explainer: keeping the previous pages:\n%s", err)
        return
    changed = write_pages(generated.pages, Path(config["docs_dir"]))
    if changed:
        log.info("explainer: regenerated %d page(s)", len(changed))


def on_serve(server: Any, config: Any, builder: Any) -> Any:
    """Watch the corpus and the templates as well as docs/."""
    server.watch(os.environ.get("EXPLAINER_CONTENT", "content"))
    server.watch(str(TEMPLATES))
    return server
