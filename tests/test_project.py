"""One install, many events: event folders outside the checkout, `explainer new`, overrides, the wheel."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import sysconfig
import venv
from pathlib import Path

import pytest

from generator.core.paths import MKDOCS_YML, TEMPLATES, config_file, template_folders
from generator.site.scaffold import FILES

from .conftest import MINI, ROOT

OVERRIDE_LINE = "This line comes from the event's own template."
WHEEL_SOURCES = ("pyproject.toml", "setup.py", "MANIFEST.in", "README.md", "mkdocs.yml", "generator",
                 "site_templates")
"""What building the wheel reads: it is built from a copy, so the checkout gets no build/ folder."""


def explainer(*args: str, cwd: Path, exe: tuple[str, ...] = (sys.executable, "-m", "generator")
              ) -> subprocess.CompletedProcess[str]:
    """Run the command line in a folder, as a user would."""
    return subprocess.run([*exe, *args], cwd=cwd, capture_output=True, text=True, timeout=300,
                          check=False)


def new_event(folder: Path) -> Path:
    """An event folder made by `explainer new`, with the mini corpus's articles in it."""
    result = explainer("new", folder.name, cwd=folder.parent)
    assert result.returncode == 0, result.stderr
    for article in (MINI / "articles").iterdir():
        shutil.copy(article, folder / "content" / "articles" / article.name)
    return folder


def test_new_creates_every_starter_file_and_a_build_works_with_no_options(tmp_path: Path) -> None:
    event = new_event(tmp_path / "river-flood")
    for name, _ in FILES:
        assert (event / name).is_file(), name
    result = explainer("build", cwd=event)
    assert result.returncode == 0, result.stderr
    assert (event / "site" / "index.html").is_file()
    assert (event / "docs" / "index.md").is_file()
    checked = explainer("check", cwd=event)
    assert checked.returncode == 0, checked.stderr


def test_a_build_from_outside_the_checkout_takes_relative_paths_from_the_current_folder(
        tmp_path: Path) -> None:
    event = tmp_path / "event"
    shutil.copytree(MINI, event / "stories")
    result = explainer("build", "--content", "stories", "--docs", "out/docs", "--site", "out/site",
                       cwd=event)
    assert result.returncode == 0, result.stderr
    assert (event / "out" / "site" / "index.html").is_file()
    assert not (ROOT / "out").exists()


def test_an_event_template_replaces_the_packaged_one_of_the_same_name(tmp_path: Path) -> None:
    event = new_event(tmp_path / "event")
    home = (TEMPLATES / "home.md.j2").read_text(encoding="utf-8")
    (event / "site_templates" / "home.md.j2").write_text(f"{home}\n{OVERRIDE_LINE}\n", encoding="utf-8")
    result = explainer("build", cwd=event)
    assert result.returncode == 0, result.stderr
    assert OVERRIDE_LINE in (event / "site" / "index.html").read_text(encoding="utf-8")
    assert OVERRIDE_LINE not in (event / "site" / "people" / "index.html").read_text(encoding="utf-8")


def test_a_broken_event_template_is_a_message_naming_its_file_and_line(tmp_path: Path) -> None:
    event = new_event(tmp_path / "event")
    (event / "site_templates" / "people.md.j2").write_text("# People\n\n{% if %}\n", encoding="utf-8")
    for command in ("build", "check"):
        result = explainer(command, cwd=event)
        assert result.returncode == 1
        assert "people.md.j2:3: error: template error" in result.stderr
        assert "Traceback" not in result.stderr
    assert not (event / "site").exists()


def test_new_never_overwrites_a_file(tmp_path: Path) -> None:
    event = tmp_path / "event"
    (event / "content").mkdir(parents=True)
    (event / "content" / "site.yml").write_text("title: Mine\n", encoding="utf-8")
    result = explainer("new", "event", cwd=tmp_path)
    assert result.returncode == 5
    assert "already exists" in result.stderr
    assert (event / "content" / "site.yml").read_text(encoding="utf-8") == "title: Mine\n"
    assert not (event / "mkdocs.yml").exists()


def test_a_copy_of_the_project_uses_its_own_templates_and_config(tmp_path: Path) -> None:
    copy = tmp_path / "copy"
    for name in ("site_templates", "mkdocs.yml"):
        source = ROOT / name
        (shutil.copytree if source.is_dir() else shutil.copy)(source, copy / name)
    shutil.copytree(MINI, copy / "content")
    assert template_folders(copy) == (copy / "site_templates", TEMPLATES)
    assert config_file(copy) == copy / "mkdocs.yml"
    assert template_folders(ROOT) == (TEMPLATES,) and config_file(ROOT) == MKDOCS_YML
    home = copy / "site_templates" / "home.md.j2"
    home.write_text(home.read_text(encoding="utf-8") + f"\n{OVERRIDE_LINE}\n", encoding="utf-8")
    result = explainer("build", cwd=copy)
    assert result.returncode == 0, result.stderr
    assert OVERRIDE_LINE in (copy / "site" / "index.html").read_text(encoding="utf-8")


@pytest.mark.parametrize(("owner", "fresh"),
                         [("/elsewhere/.venv/bin/python", True), ("{here}/.venv/bin/python", False)])
def test_make_notices_a_venv_made_for_another_folder(tmp_path: Path, owner: str, fresh: bool) -> None:
    shutil.copy(ROOT / "Makefile", tmp_path / "Makefile")
    script = tmp_path / ".venv" / "bin" / "explainer"
    script.parent.mkdir(parents=True)
    script.write_text(f"#!{owner.format(here=tmp_path.resolve())}\n", encoding="utf-8")
    result = subprocess.run(["make", "-n", "lint"], cwd=tmp_path, capture_output=True, text=True,
                            check=False)
    assert ("making a fresh one" in result.stdout) is fresh
    assert script.exists() is not fresh


def test_the_wheel_installed_outside_the_checkout_makes_and_builds_an_event(tmp_path: Path) -> None:
    source = tmp_path / "source"
    source.mkdir()
    for name in WHEEL_SOURCES:
        path = ROOT / name
        if path.is_dir():
            shutil.copytree(path, source / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy(path, source / name)
    wheels = tmp_path / "wheels"
    built = subprocess.run([sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "--no-index",
                            "--no-build-isolation", "--wheel-dir", str(wheels), str(source)],
                           capture_output=True, text=True, check=False, cwd=tmp_path)
    assert built.returncode == 0, built.stderr
    fresh = tmp_path / "venv"
    venv.create(fresh, with_pip=True)
    python = fresh / "bin" / "python"
    wheel = next(wheels.glob("explainer-*.whl"))
    installed = subprocess.run([str(python), "-m", "pip", "install", "--quiet", "--no-index",
                                "--no-deps", str(wheel)], capture_output=True, text=True, check=False)
    assert installed.returncode == 0, installed.stderr
    # The dependencies come from this venv's site-packages, added as a plain path: its editable
    # install of the checkout is not processed there, so `generator` can only be the wheel's.
    purelib = subprocess.run(
        [str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        capture_output=True, text=True, check=True).stdout.strip()
    Path(purelib, "dependencies.pth").write_text(sysconfig.get_paths()["purelib"] + "\n", encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}
    where = subprocess.run([str(python), "-c", "import generator; print(generator.__file__)"],
                           capture_output=True, text=True, check=True, cwd=tmp_path, env=env).stdout
    assert where.startswith(str(fresh)), where
    command = (str(fresh / "bin" / "explainer"),)
    assert explainer("new", "event", cwd=tmp_path, exe=command).returncode == 0
    for article in (MINI / "articles").iterdir():
        shutil.copy(article, tmp_path / "event" / "content" / "articles" / article.name)
    result = explainer("build", cwd=tmp_path / "event", exe=command)
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "event" / "site" / "index.html").is_file()
