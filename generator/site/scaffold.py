"""`explainer new`: an event folder of its own, ready for articles.

The folder holds the content, a mkdocs.yml extending the packaged one, a place for template
overrides, a .gitignore for the built folders, and a CI workflow that builds and publishes the site.
Nothing that exists is overwritten: the command refuses before writing anything.
"""

from __future__ import annotations

import os
from pathlib import Path

from ..core.errors import OutputError
from ..core.paths import PACKAGE

STARTER = PACKAGE / "data" / "new_event"
"""The starter files, as shipped."""
FILES: tuple[tuple[str, str], ...] = (
    ("content/articles/README.md", "articles_README.md"),
    ("content/site.yml", "site.yml"),
    ("content/editorial.yml", "editorial.yml"),
    ("mkdocs.yml", "mkdocs.yml"),
    ("site_templates/README.md", "site_templates_README.md"),
    (".gitignore", "gitignore"),
    (".github/workflows/explainer.yml", "workflow.yml"),
)
"""(path in the event folder, starter file)."""


def create_event_folder(folder: Path) -> list[Path]:
    """Create the event folder's files; refuse, writing nothing, if any of them is there already."""
    if folder.exists() and not folder.is_dir():
        raise OutputError(f"{folder}: exists and is not a folder; choose a new folder for the event")
    taken = [folder / name for name, _ in FILES if os.path.lexists(folder / name)]
    taken += [folder / "content" / "articles"] if (folder / "content" / "articles").is_file() else []
    if taken:
        raise OutputError(f"{taken[0]}: already exists; `explainer new` never overwrites a file. "
                          "Choose a new folder, or move the file away")
    created = []
    for name, starter in FILES:
        target = folder / name
        target.parent.mkdir(parents=True, exist_ok=True)
        with open(target, "x", encoding="utf-8") as out:
            out.write((STARTER / starter).read_text(encoding="utf-8"))
        created.append(target)
    return created
