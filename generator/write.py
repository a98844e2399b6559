"""Stage `write`: put pages into docs/, touching only files whose bytes changed."""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path, PurePosixPath

from .models import Page

KEEP = frozenset({".gitignore"})


def safe_relative(path: str) -> Path:
    """Refuse any page path that could leave the output folder."""
    pure = PurePosixPath(path)
    if pure.is_absolute() or ".." in pure.parts or not pure.parts or "\\" in path or ":" in path:
        raise ValueError(f"unsafe page path: {path!r}")
    return Path(*pure.parts)


def write_pages(pages: tuple[Page, ...] | list[Page], out: Path) -> list[str]:
    """Write pages whose bytes differ, delete files no page produces; return what changed."""
    out.mkdir(parents=True, exist_ok=True)
    wanted: dict[Path, bytes] = {}
    for page in pages:
        rel = safe_relative(page.path)
        if rel in wanted:
            raise ValueError(f"two pages want the same path: {page.path}")
        wanted[rel] = page.content
    changed: list[str] = []
    for rel, content in sorted(wanted.items()):
        target = out / rel
        if target.is_file() and target.read_bytes() == content:
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        _atomic_write(target, content)
        changed.append(rel.as_posix())
    for existing in sorted(out.rglob("*"), reverse=True):
        rel = existing.relative_to(out)
        if existing.is_file() and rel not in wanted and existing.name not in KEEP:
            existing.unlink()
            changed.append(rel.as_posix())
        elif existing.is_dir() and not any(existing.iterdir()):
            existing.rmdir()
    return changed


def _atomic_write(target: Path, content: bytes) -> None:
    """Write through a temporary file and rename, so no reader sees half a file."""
    fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=".tmp-")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(content)
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def replace_tree(new: Path, target: Path) -> None:
    """Swap a freshly built folder into place; the old one is removed only after the swap."""
    old = target.with_name(f".{target.name}.old")
    if old.exists():
        shutil.rmtree(old)
    if target.exists():
        target.rename(old)
    new.rename(target)
    if old.exists():
        shutil.rmtree(old)
