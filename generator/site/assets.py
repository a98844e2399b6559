"""Static files the templates ship (stylesheets), copied into docs/assets/."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from ..core.models import Page


def copy_assets(templates: Sequence[Path]) -> list[Page]:
    """Return every file under each template folder's assets/ as a page under assets/.

    The folders are searched in order: an event's own `assets/x.css` replaces the packaged one.
    """
    found: dict[str, Path] = {}
    for root in templates:
        folder = root / "assets"
        if folder.is_dir():
            for path in sorted(folder.rglob("*")):
                if path.is_file():
                    found.setdefault(f"assets/{path.relative_to(folder).as_posix()}", path)
    return [Page(name, found[name].read_bytes()) for name in sorted(found)]
