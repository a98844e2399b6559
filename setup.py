"""Ship the site templates and the MkDocs configuration inside the package.

The repository keeps them at its top level, where the reference event folder (the checkout)
shows them; a wheel carries copies under generator/shipped/, where generator.paths looks first.
Everything else about the package is in pyproject.toml.
"""

import shutil
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

HERE = Path(__file__).resolve().parent
SHIPPED = ("site_templates", "mkdocs.yml")


class BuildWithShippedFiles(build_py):  # type: ignore[misc]
    """The usual build, plus the shipped files copied into the built package."""

    def run(self) -> None:
        super().run()
        if getattr(self, "editable_mode", False):
            return
        target = Path(self.build_lib) / "generator" / "shipped"
        target.mkdir(parents=True, exist_ok=True)
        for name in SHIPPED:
            source = HERE / name
            if source.is_dir():
                shutil.copytree(source, target / name, dirs_exist_ok=True)
            else:
                shutil.copy2(source, target / name)


setup(cmdclass={"build_py": BuildWithShippedFiles})
