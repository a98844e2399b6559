"""Where the project's fixed files live, relative to this package."""

from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
TEMPLATES = PROJECT_ROOT / "site_templates"
MKDOCS_YML = PROJECT_ROOT / "mkdocs.yml"
