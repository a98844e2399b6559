"""Stage `write`: put pages into docs/.

`publish_pages` makes a whole new docs/ beside the old one and swaps it in (crash-safe; used by
`generate` and `build`). `write_pages` updates a folder file by file, touching only files whose
bytes changed (used by the live preview, whose file watcher must keep watching the same folder).
"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path, PurePosixPath

from ..core.models import Page
from ..core.paths import STAMP
from .outputs import exchange, fault_point, follow_umask, scratch_folder, stamp

KEEP = frozenset({".gitignore", STAMP})


def safe_relative(path: str) -> Path:
    """Refuse any page path that could leave the output folder."""
    pure = PurePosixPath(path)
    if pure.is_absolute() or ".." in pure.parts or not pure.parts or "\\" in path or ":" in path:
        raise ValueError(f"unsafe page path: {path!r}")
    return Path(*pure.parts)


def _wanted(pages: tuple[Page, ...] | list[Page]) -> dict[Path, bytes]:
    wanted: dict[Path, bytes] = {}
    for page in pages:
        rel = safe_relative(page.path)
        if rel in wanted:
            raise ValueError(f"two pages want the same path: {page.path}")
        wanted[rel] = page.content
    return wanted


def publish_pages(pages: tuple[Page, ...] | list[Page], out: Path) -> list[str]:
    """Write every page into a new folder and swap it in for `out`; return what changed.

    A file whose bytes did not change keeps its modification time. The caller holds the output
    lock and has checked that `out` is the tool's own (outputs.check_output_folders).
    """
    new = scratch_folder(out)
    try:
        changed = write_tree(pages, new, out)
        fault_point("docs-written")
        exchange(new, out)
    finally:
        shutil.rmtree(new, ignore_errors=True)
    return changed


def write_tree(pages: tuple[Page, ...] | list[Page], new: Path, previous: Path) -> list[str]:
    """Stamp an empty folder as docs and fill it with the pages; report what differs from `previous`."""
    stamp(new, "docs")
    changed: list[str] = []
    wanted = _wanted(pages)
    for rel, content in sorted(wanted.items()):
        target, old = new / rel, previous / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(content)
        if old.is_file() and not old.is_symlink() and old.read_bytes() == content:
            before = old.stat()
            os.utime(target, ns=(before.st_atime_ns, before.st_mtime_ns))
        else:
            changed.append(rel.as_posix())
    if previous.is_dir():
        changed += sorted(p.relative_to(previous).as_posix() for p in previous.rglob("*")
                          if p.is_file() and p.relative_to(previous) not in wanted and p.name not in KEEP)
    return changed


def write_pages(pages: tuple[Page, ...] | list[Page], out: Path) -> list[str]:
    """Write pages whose bytes differ, delete files no page produces; return what changed."""
    out.mkdir(parents=True, exist_ok=True)
    wanted = _wanted(pages)
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
        follow_umask(Path(tmp))
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
