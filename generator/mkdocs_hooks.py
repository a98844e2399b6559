"""MkDocs hooks: each page's JSON-LD in its head, a nav that follows site.yml, and for
`explainer serve`, regeneration on edits.

`on_post_page` runs on every build and serve: it writes the page's structured data (front matter
`jsonld`, made by generator/site/jsonld.py) into the head, serialised again so no string can end
the script. `on_config` leaves out of the nav the optional section pages site.yml turned off. The
other hooks act only while serving: pages are generated only when an input changed (by a
stat-only fingerprint), and only files whose bytes changed are rewritten: one edit means one
generation and one rebuild, not a loop. During `mkdocs build`, `explainer build` generates first.
"""

from __future__ import annotations

import json
import logging
import os
import sys
from pathlib import Path
from typing import Any

from mkdocs.exceptions import PluginError

from generator.core.cache import Cache
from generator.core.errors import ContentError, ExplainerError, report
from generator.core.paths import CACHE_ENV, TEMPLATES
from generator.ingest.load import inputs_fingerprint
from generator.pipeline import generate
from generator.site.jsonld import script_tag
from generator.site.render import OPTIONAL_SECTIONS
from generator.site.write import write_pages

log = logging.getLogger("mkdocs.explainer")
CONTENT = "EXPLAINER_CONTENT"
"""Environment variable: the content folder being previewed."""
TEMPLATE_PATH = "EXPLAINER_TEMPLATES"
"""Environment variable: the template folders of the preview, joined by os.pathsep."""
GENERATED_FROM = "EXPLAINER_GENERATED_FROM"
"""Environment variable: fingerprint of the inputs `explainer serve` generated docs/ from."""
_serving = False
_generated_from = ""


def on_startup(command: str, dirty: bool) -> None:
    """Remember whether this is a live preview, and what docs/ was generated from."""
    global _serving, _generated_from
    _serving = command == "serve"
    _generated_from = os.environ.get(GENERATED_FROM, "")


def on_config(config: Any) -> Any:
    """Leave out of the nav the optional section pages the editor turned off in site.yml."""
    docs = Path(config["docs_dir"])
    if config["nav"]:
        config["nav"] = _without_turned_off(config["nav"], docs)
    return config


def _without_turned_off(nav: list[Any], docs: Path) -> list[Any]:
    """The nav without entries for optional pages that were not generated."""
    kept = []
    for entry in nav:
        target = next(iter(entry.values())) if isinstance(entry, dict) and len(entry) == 1 else entry
        if isinstance(target, list):
            entry = {next(iter(entry)): _without_turned_off(target, docs)}
        elif isinstance(target, str) and target in OPTIONAL_SECTIONS and not (docs / target).is_file():
            continue
        kept.append(entry)
    return kept


def on_pre_build(config: Any) -> None:
    """Regenerate the pages when an input changed; keep the old ones on error."""
    global _generated_from
    if not _serving:
        return
    content = Path(os.environ.get(CONTENT, "content"))
    templates = _templates()
    fingerprint = inputs_fingerprint(content, *templates)
    if fingerprint == _generated_from:
        return
    _generated_from = fingerprint
    try:
        generated = generate(content, templates, cache=_cache())
        changed = write_pages(generated.pages, Path(config["docs_dir"]))
    except (ExplainerError, OSError) as err:
        _keep_previous(err)
        return
    if changed:
        log.info("explainer: regenerated %d page(s)", len(changed))


def _cache() -> Cache | None:
    """A fresh view of the cache folder `explainer serve` was started with (None without one)."""
    folder = os.environ.get(CACHE_ENV, "")
    return Cache(Path(folder)) if folder else None


def _templates() -> tuple[Path, ...]:
    """The template folders `explainer serve` was started with (the packaged ones by default)."""
    given = os.environ.get(TEMPLATE_PATH, "")
    return tuple(Path(p) for p in given.split(os.pathsep) if p) or (TEMPLATES,)


def _keep_previous(err: Exception) -> None:
    """Print what is wrong, file and line, and keep serving the last good pages.

    This goes to stderr, not to MkDocs' logger: in strict mode MkDocs would count a logged error
    and abort the rebuild, and the browser's request would wait for a page that never comes.
    """
    if isinstance(err, ContentError):
        report(err.problems)
    else:
        print(f"explainer: {err}", file=sys.stderr)
    print("explainer: the preview keeps showing the last good pages; fix the problem and save again",
          file=sys.stderr)


def on_serve(server: Any, config: Any, builder: Any) -> Any:
    """Watch the corpus and the templates as well as docs/."""
    server.watch(os.environ.get(CONTENT, "content"))
    for folder in _templates():
        server.watch(str(folder))
    return server


def on_post_page(output: str, page: Any, config: Any) -> str:
    """Insert the page's JSON-LD before `</head>`; a value that is not JSON fails the build."""
    value = page.meta.get("jsonld")
    if not isinstance(value, str) or "</head>" not in output:
        return output
    try:
        data = json.loads(value)
    except ValueError as err:
        raise PluginError(f"{page.file.src_uri}: the jsonld front matter is not JSON: {err}") from None
    return output.replace("</head>", script_tag(data) + "</head>", 1)
