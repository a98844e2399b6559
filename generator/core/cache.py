"""A cache of per-article results: after an edit to one article, one article is extracted again.

An entry is one stage's result for one article (a cleaned article, its names, its statements),
kept as a pickle named by a key: a hash of the stage, the generator version and what the stage
reads (the repr of its input, which shows every field). The generator version hashes every file of
the package, Python's version and the versions of the packages whose data the stages read, so an
upgrade or an edit to the code starts afresh. A result that also depends on the whole corpus can
carry what it read of it, and is used only while the corpus still answers the same (`valid`).

- Entries are written whole: to a temporary file, then renamed over the entry (`os.replace`), so a
  kill leaves either no entry or a whole one. Two runs writing the same entry write the same bytes.
- An entry that is missing, unreadable, truncated or not a pickle of this package's values is a
  miss, never an error. Unpickling admits only the package's own dataclasses and plain values
  (`_Values`), so a file planted in the folder cannot run code.
- A cache that cannot be written (a read-only folder, a full disk) only makes the run slower.
- `prune` removes, at the end of a good run, the entries that run did not use: entries of old
  versions of the articles do not pile up.

The cache changes no output: the same input gives the same pages, byte for byte, from a cold cache,
a warm one or none (`tests/test_cache.py`).
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import io
import os
import pickle
import re
import sys
import time
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, is_dataclass
from importlib import metadata
from pathlib import Path
from typing import Generic, TypeVar, cast

from .parallel import per_item
from .paths import PACKAGE

T = TypeVar("T")
R = TypeVar("R")
SUFFIX = ".pickle"
ENTRY = re.compile(r"[0-9a-f]{64}\.pickle")
"""The name of an entry: the only files `prune` removes (besides its own temporary files)."""
TEMPORARY = re.compile(r"\.[0-9a-f]{64}\.\d+\.tmp")
STALE_TEMPORARY_SECONDS = 3600
"""A temporary file this old was left by a killed run (a live one renames it within moments)."""
DEPENDENCIES = ("wordfreq", "anyascii", "jellyfish")
"""Packages whose data the per-article stages read: their versions are part of the generator's."""


@functools.cache
def generator_version() -> str:
    """A hash of the package's files (code and data), Python's version and the data packages' versions.

    Computed once per process.
    """
    digest = hashlib.sha256(sys.version.encode())
    for name in DEPENDENCIES:
        try:
            digest.update(f"\0{name} {metadata.version(name)}".encode())
        except metadata.PackageNotFoundError:
            digest.update(f"\0{name} absent".encode())
    for path in sorted(PACKAGE.rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts and path.suffix != ".pyc":
            digest.update(f"\0{path.relative_to(PACKAGE).as_posix()}\0".encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()


PLAIN: dict[tuple[str, str], type] = {("builtins", "frozenset"): frozenset, ("builtins", "set"): set}
"""The types besides the package's dataclasses that an entry may hold (others have opcodes of their own)."""


class _Values(pickle.Unpickler):
    """An unpickler that builds only the package's dataclasses and plain values, nothing that runs."""

    def find_class(self, module: str, name: str) -> type:
        if (module, name) in PLAIN:
            return PLAIN[(module, name)]
        if module.split(".", 1)[0] == PACKAGE.name and module in sys.modules:
            found = getattr(sys.modules[module], name, None)
            if isinstance(found, type) and is_dataclass(found):
                return found
        raise pickle.UnpicklingError(f"{module}.{name} is not a value of this package")


@dataclass(frozen=True)
class Cache:
    """One run's view of a cache folder: its entries, and which of them the run used."""

    folder: Path
    """Where the entries are (made when the first is written)."""
    version: str = field(default_factory=generator_version)
    """The generator version the keys are made with."""
    used: set[str] = field(default_factory=set, compare=False, repr=False)
    """Keys this run read or wrote: what `prune` keeps."""
    misses: Counter[str] = field(default_factory=Counter, compare=False, repr=False)
    """Articles computed afresh, by stage."""
    hits: Counter[str] = field(default_factory=Counter, compare=False, repr=False)
    """Articles taken from the cache, by stage."""

    def key(self, stage: str, what: str) -> str:
        """The entry name for a stage's result on an input described (completely) by `what`."""
        return hashlib.sha256(f"{self.version}\0{stage}\0{what}".encode()).hexdigest()

    def get(self, key: str) -> object | None:
        """The value stored under `key`, or None when there is none or it cannot be read."""
        try:
            data = (self.folder / f"{key}{SUFFIX}").read_bytes()
            value: object = _Values(io.BytesIO(data)).load()
        except Exception:  # any damage to an entry is a miss, whatever it raises
            return None
        self.used.add(key)
        return value

    def put(self, key: str, value: object) -> None:
        """Store `value` under `key`, whole or not at all; a failure to write is ignored."""
        self.used.add(key)
        temporary = self.folder / f".{key}.{os.getpid()}.tmp"
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            temporary.write_bytes(pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL))
            os.replace(temporary, self.folder / f"{key}{SUFFIX}")
        except OSError:
            with contextlib.suppress(OSError):
                temporary.unlink(missing_ok=True)

    def prune(self) -> int:
        """Remove the entries this run did not use (and temporary files a killed run left); say how many."""
        try:
            names = os.listdir(self.folder)
        except OSError:
            return 0
        removed = 0
        stale = time.time() - STALE_TEMPORARY_SECONDS
        for name in names:
            path = self.folder / name
            try:
                if (ENTRY.fullmatch(name) and name.removesuffix(SUFFIX) not in self.used) or (
                        TEMPORARY.fullmatch(name) and path.stat().st_mtime < stale):
                    path.unlink()
                    removed += 1
            except OSError:
                continue
        return removed


def cached_per_item(cache: Cache | None, stage: str, func: Callable[..., R], items: Sequence[T],
                    jobs: int, *shared: object, what: Callable[[T], str] = repr,
                    valid: Callable[[R], bool] | None = None) -> list[R]:
    """per_item(func, items, jobs, *shared), taking each item's result from the cache when it is there.

    `what(item)` must describe everything of the item that `func` reads (the repr of a dataclass
    does); the shared arguments must not change the result, or the result must say what it read of
    them and `valid(result)` whether they still give the same. Only the missing items are computed,
    on `jobs` processes; the main process alone reads and writes the cache.
    """
    found: Found[R] = look_up(cache, stage, items, what, valid)
    return found.filled(per_item(func, found.missing(items), jobs, *shared))


@dataclass
class Found(Generic[R]):
    """What the cache holds of one stage's results for some items: the rest is to be computed."""

    cache: Cache | None
    stage: str
    keys: list[str]
    """Each item's entry name (none without a cache)."""
    results: list[R | None]
    """Each item's result, None where the cache does not hold it."""

    def missing(self, items: Sequence[T]) -> list[T]:
        """The items whose results are to be computed, in order."""
        return [item for item, value in zip(items, self.results, strict=True) if value is None]

    def filled(self, computed: Sequence[R]) -> list[R]:
        """Every item's result, `computed` (the missing items', in order) kept in the cache."""
        missing = [i for i, value in enumerate(self.results) if value is None]
        results = list(self.results)
        for i, value in zip(missing, computed, strict=True):
            if self.cache is not None:
                self.cache.put(self.keys[i], value)
            results[i] = value
        if self.cache is not None:
            self.cache.misses[self.stage] += len(missing)
            self.cache.hits[self.stage] += len(results) - len(missing)
        return cast(list[R], results)


def look_up(cache: Cache | None, stage: str, items: Sequence[T], what: Callable[[T], str] = repr,
            valid: Callable[[R], bool] | None = None) -> Found[R]:
    """Take from the cache the results it holds for the items (see cached_per_item)."""
    if cache is None:
        return Found(None, stage, [], [None] * len(items))
    keys = [cache.key(stage, what(item)) for item in items]
    results: list[R | None] = []
    for key in keys:
        value = cast("R | None", cache.get(key))
        results.append(value if value is not None and (valid is None or valid(value)) else None)
    return Found(cache, stage, keys, results)
