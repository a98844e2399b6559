"""Where the explainer's shipped files are, and which of them an event folder overrides.

The repository keeps the site templates and the MkDocs configuration at its top level, where the
reference event folder (the checkout itself) shows them; a wheel carries copies of both under
`generator/shipped/` (see setup.py). Everything an event brings (content, outputs, its own
`mkdocs.yml` and `site_templates/`) is found from the folder the command runs in, never from here.
"""

from __future__ import annotations

from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent
SHIPPED = PACKAGE / "shipped"
"""Where a wheel keeps the templates and mkdocs.yml; absent in a checkout."""
CHECKOUT = PACKAGE.parent
"""The repository, when the package runs from a checkout."""


def _shipped(name: str) -> Path:
    """A shipped file: the wheel's copy, else the checkout's own."""
    inside = SHIPPED / name
    return inside if inside.exists() else CHECKOUT / name


TEMPLATES = _shipped("site_templates")
"""The packaged Jinja templates (and assets/)."""
MKDOCS_YML = _shipped("mkdocs.yml")
"""The packaged MkDocs configuration, which an event's own mkdocs.yml extends with INHERIT."""
HOOKS = PACKAGE / "mkdocs_hooks.py"
"""The MkDocs hooks of the live preview, given to MkDocs by path."""
PROJECT_ROOT = CHECKOUT if (CHECKOUT / "pyproject.toml").is_file() else PACKAGE
"""The explainer's own folder, which no output may replace."""
BASE_CONFIG = "EXPLAINER_BASE_CONFIG"
"""Environment variable naming the packaged mkdocs.yml, for an event's `INHERIT: !ENV [...]`."""
OVERRIDES = "site_templates"
"""An event folder's sub-folder of templates that replace packaged ones of the same name."""


def template_folders(project: Path) -> tuple[Path, ...]:
    """The template search path for an event folder: its own overrides first, then the packaged ones."""
    own = project / OVERRIDES
    if own.is_dir() and own.resolve() != TEMPLATES.resolve():
        return (own.absolute(), TEMPLATES)
    return (TEMPLATES,)


def config_file(project: Path) -> Path:
    """The MkDocs configuration for an event folder: its own mkdocs.yml, else the packaged one."""
    own = project / "mkdocs.yml"
    return own.absolute() if own.is_file() else MKDOCS_YML


CACHE_FOLDER = Path(".cache") / "explainer"
"""Where `generate`, `build` and `serve` keep the per-article cache, relative to the current folder
(as docs/ is)."""
CACHE_ENV = "EXPLAINER_CACHE"
"""Environment variable: the cache folder of `explainer serve` ('' for none), for the preview's hooks."""
STAMP = ".explainer-output"
"""The file that marks a folder as made by this tool (MkDocs skips dot-files: docs/ stamps are not copied)."""
SCRATCH_PREFIX = ".explainer-build-"
LOCK_NAME = ".explainer.lock"
