"""Static files the templates ship (stylesheets), copied into docs/assets/."""

from __future__ import annotations

from pathlib import Path

from .models import Page


def copy_assets(templates: Path) -> list[Page]:
    """Return every file under site_templates/assets/ as a page under assets/."""
    folder = templates / "assets"
    if not folder.is_dir():
        return []
    return [Page(f"assets/{path.relative_to(folder).as_posix()}", path.read_bytes())
            for path in sorted(folder.rglob("*")) if path.is_file()]
