"""Read an input file without trusting it: every refusal is a Problem naming the file.

One reader for everything the tool reads from the content folder (articles, site.yml,
sources.yml, editorial.yml), so each of them is safe in the same ways:

- a missing file is not a problem (the caller decides whether it is optional);
- only a regular file is read. A folder, a named pipe (opening one would wait for a writer
  forever), a device or a socket is refused after `stat`, before anything is opened, and the
  file is opened non-blocking and checked again with `fstat` in case it was swapped meanwhile;
- a symbolic link is followed only when its target, with every link on the way resolved, lies
  inside the content folder; one that points out of it (`x.txt -> /etc/passwd`) is refused
  with the place it points to. (The content folder and its `articles/` folder themselves are
  the user's choice and are not checked.)
- the size is checked with `stat` before reading (an 8 GB sparse file is refused without a byte
  read), and the read itself stops after limit + 1 bytes in case the file grows meanwhile;
- a file that cannot be read (permissions, I/O error, a link loop) is an error, not a traceback.

Text is decoded by `decode_text`: a UTF-8, UTF-16 or UTF-32 byte-order mark is honoured, and
bytes that are not UTF-8 become U+FFFD with a warning naming the line and column of the first.
"""

from __future__ import annotations

import codecs
import os
import re
import stat
from dataclasses import dataclass
from pathlib import Path

from ..core.errors import Problem, problem_at, quote

MAX_YAML_BYTES = 2 * 1024 * 1024
"""Largest site.yml, sources.yml or editorial.yml read (a sources.yml for thousands of articles)."""
READ_CHUNK = 1024 * 1024
ASCII_BYTES = bytes(range(128))
ESCAPED_BYTE = re.compile("[\udc80-\udcff]")
"""A byte that is not UTF-8, as the 'surrogateescape' error handler leaves it."""
BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),  # before UTF-16: FF FE 00 00 starts with the UTF-16-LE mark
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_O_FLAGS = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOFOLLOW", 0) | getattr(
    os, "O_BINARY", 0)


def read_input(path: Path, root: Path, limit: int) -> tuple[bytes | None, list[Problem]]:
    """Read the bytes of an input file safely: (None, []) when it does not exist.

    `root` is the content folder a symbolic link must stay inside; `limit` the largest size read.
    """
    try:
        link = os.lstat(path)
    except FileNotFoundError:
        return None, []
    except OSError as err:
        return None, [unreadable(path, err)]
    target = path
    if stat.S_ISLNK(link.st_mode):
        real = Path(os.path.realpath(path))
        base = Path(os.path.realpath(root))
        if not real.is_relative_to(base):
            return None, [problem_at(path, 0, f"is a symbolic link to {quote(str(real), 200)}, outside "
                                     f"the content folder: not read (copy the file in instead)")]
        target = real
    try:
        info = os.stat(target)
    except FileNotFoundError:
        return None, [problem_at(path, 0, f"is a symbolic link to {quote(str(target), 200)}, "
                                 "which does not exist")]
    except OSError as err:
        return None, [unreadable(path, err)]
    refused = not_regular(path, info.st_mode) or too_large(path, info.st_size, limit)
    if refused:
        return None, [refused]
    try:
        fd = os.open(target, _O_FLAGS)
    except OSError as err:
        return None, [unreadable(path, err)]
    try:
        info = os.fstat(fd)
        refused = not_regular(path, info.st_mode) or too_large(path, info.st_size, limit)
        if refused:
            return None, [refused]
        chunks: list[bytes] = []
        left = limit + 1
        while left > 0:
            chunk = os.read(fd, min(left, READ_CHUNK))
            if not chunk:
                break
            chunks.append(chunk)
            left -= len(chunk)
    except OSError as err:
        return None, [unreadable(path, err)]
    finally:
        os.close(fd)
    data = b"".join(chunks)
    refused = too_large(path, len(data), limit)
    return (None, [refused]) if refused else (data, [])


def read_text(path: Path, root: Path, limit: int = MAX_YAML_BYTES) -> tuple[str | None, list[Problem]]:
    """Read and decode an optional text file (a YAML file): (None, []) when it does not exist."""
    data, problems = read_input(path, root, limit)
    if data is None:
        return None, problems
    text, found = decode_text(data, str(path))
    return text, problems + found


def not_regular(path: Path | str, mode: int) -> Problem | None:
    """Refuse anything but a regular file, saying what it is."""
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISDIR(mode):
        what = "a folder"
    elif stat.S_ISFIFO(mode):
        what = "a named pipe (FIFO)"
    elif stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        what = "a device"
    elif stat.S_ISSOCK(mode):
        what = "a socket"
    else:
        what = "not a regular file"
    return problem_at(path, 0, f"is {what}, not a regular file: not read")


def too_large(path: Path | str, size: int, limit: int) -> Problem | None:
    """Refuse a file over the size limit (checked before reading, and again on what was read)."""
    if size <= limit:
        return None
    return problem_at(path, 0, f"file is {size:,} bytes; the limit is {limit:,}: is this really "
                      "the file you meant?")


def unreadable(path: Path | str, err: OSError) -> Problem:
    """Say why a file could not be read."""
    if isinstance(err, PermissionError):
        return problem_at(path, 0, "cannot be read: permission denied (check the file's permissions)")
    return problem_at(path, 0, f"cannot be read: {err.strerror or err}")


def decode_bom(data: bytes, path: str) -> tuple[str | None, list[Problem]] | None:
    """Decode data that starts with a UTF-16 or UTF-32 byte-order mark; None when it has none."""
    for bom, encoding in BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding), []
            except UnicodeDecodeError as err:
                name = encoding.upper()
                return None, [problem_at(path, 0, f"has a {name} byte-order mark but is not {name}: "
                                         f"{err.reason} at byte {err.start}")]
    return None


@dataclass(frozen=True)
class Utf8:
    """Bytes read as UTF-8, every byte that is not UTF-8 escaped (see ESCAPED_BYTE)."""

    escaped: str
    """The text with each bad byte as a lone surrogate U+DC80..U+DCFF."""
    bad: int
    """How many bytes are not UTF-8."""
    multibyte: int
    """How many bytes belong to valid multi-byte UTF-8 sequences (letters beyond ASCII)."""

    @property
    def text(self) -> str:
        """The text with U+FFFD for each bad byte."""
        return ESCAPED_BYTE.sub("\ufffd", self.escaped) if self.bad else self.escaped

    def first_bad(self) -> tuple[int, int]:
        """1-based line and column (in characters) of the first bad byte."""
        match = ESCAPED_BYTE.search(self.escaped)
        at = match.start() if match else 0
        line_start = self.escaped.rfind("\n", 0, at) + 1
        return self.escaped.count("\n", 0, at) + 1, at - line_start + 1


def read_utf8(data: bytes) -> Utf8:
    """Read bytes as UTF-8 without failing, counting the bytes that are not UTF-8."""
    escaped = data.decode("utf-8", errors="surrogateescape")
    bad = sum(1 for _ in ESCAPED_BYTE.finditer(escaped)) if not escaped.isascii() else 0
    high = len(data.translate(None, ASCII_BYTES))
    return Utf8(escaped, bad, high - bad)


def utf8_warning(path: str, utf8: Utf8, what: str) -> Problem:
    """Warn about bytes that are not UTF-8, at the line and column of the first."""
    line, column = utf8.first_bad()
    return problem_at(path, line, f"is not valid UTF-8 at column {column} ({utf8.bad:,} bad "
                      f"byte(s) in the file); {what}", "warning")


def decode_text(data: bytes, path: str) -> tuple[str | None, list[Problem]]:
    """Decode a text file: a byte-order mark is honoured, otherwise UTF-8 with U+FFFD for bad bytes."""
    decoded = decode_bom(data, path)
    if decoded is not None:
        return decoded
    utf8 = read_utf8(data.removeprefix(codecs.BOM_UTF8))
    if not utf8.bad:
        return utf8.escaped, []
    return utf8.text, [utf8_warning(path, utf8, "read them as U+FFFD: save the file as UTF-8")]
