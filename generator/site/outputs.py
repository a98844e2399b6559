"""The output folders belong to the tool: which folders it may write, one writer at a time,
and a swap that leaves a whole folder at every instant.

- A folder is ours when it does not exist, is empty, or holds the stamp file we leave in every
  folder we make. We never write over the content folder, the project folder, each other, an
  ancestor of any of them, or a folder of someone else's files.
- Writers take a lock file beside the output folders; a second build waits for the first.
- New output is made in a scratch folder beside the old one and exchanged with it in one
  `renameat2(RENAME_EXCHANGE)` call, so a kill at any instant leaves the old folder or the new one.
  Where the kernel or file system cannot exchange, two renames are used, and a run that finds the
  old folder set aside (the kill fell between the two renames) puts it back before anything else.
- Scratch folders left by a killed run are removed by the next run, under the lock.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import errno
import fcntl
import functools
import os
import shutil
import signal
import sys
import tempfile
from collections.abc import Iterator, Sequence
from contextlib import ExitStack, contextmanager
from pathlib import Path

from ..core.errors import OutputError
from ..core.paths import LOCK_NAME, SCRATCH_PREFIX, STAMP

STAMP_TEXT = "Made by the explainer generator, which replaces what is here on every run ({role}).\n"
ROLES = {"--docs": "docs", "--site": "site"}
"""Which stamp each output option writes: a docs/ folder is never taken for a site/ and back."""
FAULT_ENV = "EXPLAINER_FAULT_AT"
"""Test hook: the name of a step at which the process kills itself (kill -9), to test crash safety."""
RENAME_EXCHANGE = 2
AT_FDCWD = -100


def fault_point(step: str) -> None:
    """Kill the process here, as `kill -9` would, when the fault-injection hook names this step."""
    if os.environ.get(FAULT_ENV) == step:
        os.kill(os.getpid(), signal.SIGKILL)


@functools.cache
def umask() -> int:
    """The process umask, read once (by setting it and putting it back) before any file is written."""
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def follow_umask(path: Path, directory: bool = False) -> None:
    """Give a file or folder made by mkstemp/mkdtemp (0600/0700) the mode the umask asks for."""
    os.chmod(path, (0o777 if directory else 0o666) & ~umask())


def _inside(path: Path, folder: Path) -> bool:
    return path == folder or folder in path.parents


def check_output_folders(outputs: dict[str, Path], protected: dict[str, Path]) -> None:
    """Refuse, before anything is touched, output folders that would destroy what is not ours.

    `outputs` maps an option name ('--docs') to its folder; `protected` maps a description
    ('the content folder') to a folder that must never be replaced or written into.
    """
    resolved = {name: path.resolve() for name, path in outputs.items()}
    for name, path in outputs.items():
        if path.is_symlink():
            raise OutputError(f"{name} {path} is a symbolic link; give the folder itself")
        if path.exists() and not path.is_dir():
            raise OutputError(f"{name} {path} is a file, not a folder; the tool writes a folder there")
        target = resolved[name]
        if target == Path(target.anchor):
            raise OutputError(f"{name} {path} is the root of the file system")
        for what, folder in protected.items():
            folder = folder.resolve()
            if _inside(folder, target):
                raise OutputError(f"{name} {path} would replace {what} ({folder}); "
                                  "choose a folder of its own, such as 'site'")
        for other, other_path in resolved.items():
            if other != name and (_inside(target, other_path) or _inside(other_path, target)):
                raise OutputError(f"{name} {path} and {other} {outputs[other]} overlap; "
                                  "give them two separate folders")
        if not is_ours(path, ROLES[name]):
            raise OutputError(refusal(name, path))


def refusal(option: str, folder: Path) -> str:
    """Why an output folder that is not the tool's own is refused."""
    return (f"{option} {folder} already holds files this tool did not make as its {ROLES[option]} "
            f"folder (no {STAMP} stamp saying '{ROLES[option]}'); move them away or choose another folder")


def is_ours(folder: Path, role: str) -> bool:
    """True when the folder is missing, empty, or stamped by this tool for this role."""
    if not folder.exists():
        return True
    try:
        marker = folder / STAMP
        if marker.is_file() and not marker.is_symlink():
            return f"({role})" in marker.read_text(encoding="utf-8", errors="replace")[:500]
        return not any(folder.iterdir())
    except OSError:
        return False


def stamp(folder: Path, role: str) -> None:
    """Mark a folder as made by this tool for one role ('docs' or 'site')."""
    (folder / STAMP).write_text(STAMP_TEXT.format(role=role), encoding="utf-8")


@contextmanager
def output_lock(folders: Sequence[Path]) -> Iterator[None]:
    """Hold the lock file of every parent folder of the outputs; wait (and say so) if it is taken."""
    parents = sorted({folder.resolve().parent for folder in folders})
    with ExitStack() as stack:
        for parent in parents:
            parent.mkdir(parents=True, exist_ok=True)
            handle = stack.enter_context(open(parent / LOCK_NAME, "a+b"))
            try:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                print(f"explainer: another run is writing into {parent}; waiting for it to finish",
                      file=sys.stderr)
                fcntl.flock(handle, fcntl.LOCK_EX)
        for parent in parents:
            recover(parent)
        yield


def recover(parent: Path) -> None:
    """Undo what a killed run left in a parent folder (call it only under the lock).

    A folder set aside by the two-rename swap goes back where it was if nothing replaced it;
    scratch folders are removed.
    """
    for entry in sorted(parent.glob(".*.old")):
        original = parent / entry.name[1:].removesuffix(".old")
        if entry.is_dir() and (entry / STAMP).is_file():
            if original.exists():
                shutil.rmtree(entry, ignore_errors=True)
            else:
                entry.rename(original)
    for entry in sorted(parent.glob(f"{SCRATCH_PREFIX}*")):
        if entry.is_dir() and not entry.is_symlink():
            shutil.rmtree(entry, ignore_errors=True)


def scratch_folder(beside: Path) -> Path:
    """A new scratch folder next to an output folder (same file system, so it can be swapped in)."""
    beside.resolve().parent.mkdir(parents=True, exist_ok=True)
    return Path(tempfile.mkdtemp(prefix=SCRATCH_PREFIX, dir=beside.resolve().parent))


def _libc_exchange() -> ctypes.CDLL | None:
    if not sys.platform.startswith("linux"):
        return None
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6", use_errno=True)
        libc.renameat2  # noqa: B018 (raises AttributeError when glibc is too old)
    except (OSError, AttributeError):
        return None
    return libc


def exchange(new: Path, target: Path) -> None:
    """Put the folder `new` at `target` so that `target` is whole at every instant.

    Afterwards the previous content of `target` is gone (it was swapped to `new`'s place, then
    deleted). `new` must be stamped, so that the recovery can recognise it.
    """
    follow_umask(new, directory=True)
    if not target.exists():
        fault_point("swap-rename")
        new.rename(target)
        return
    libc = _libc_exchange()
    if libc is not None:
        fault_point("swap-exchange")
        done = libc.renameat2(AT_FDCWD, os.fsencode(new), AT_FDCWD, os.fsencode(target), RENAME_EXCHANGE)
        if done == 0:
            fault_point("swap-exchanged")
            shutil.rmtree(new, ignore_errors=True)
            return
        code = ctypes.get_errno()
        if code not in (errno.EINVAL, errno.ENOSYS, errno.ENOTSUP):
            raise OSError(code, os.strerror(code), str(target))
    old = target.with_name(f".{target.name}.old")
    if old.exists():
        shutil.rmtree(old)
    target.rename(old)
    fault_point("swap-half")
    new.rename(target)
    shutil.rmtree(old, ignore_errors=True)
