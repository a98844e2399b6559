"""One error hierarchy: every failure the user can cause names the file and line."""

from __future__ import annotations

import difflib
import sys
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

MAX_MESSAGE_CHARS = 300
"""Longest message a Problem keeps; a longer one is cut with an ellipsis."""
MAX_QUOTE_CHARS = 80
"""Longest user value (a name, a key, a line) a message quotes."""
ELLIPSIS = "\u2026"
_ESCAPES = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong with the input, located in a file."""

    path: str
    """The file the problem is in, as given on the command line."""
    line: int
    """1-based line number, or 0 when the problem concerns the whole file."""
    message: str
    """What is wrong and, where possible, how to fix it."""
    severity: str = "error"
    """'error' stops the build; 'warning' is reported and the build goes on."""

    def __post_init__(self) -> None:
        """Keep the message one printable line of at most MAX_MESSAGE_CHARS characters."""
        object.__setattr__(self, "message", shorten(printable(self.message), MAX_MESSAGE_CHARS))

    def __str__(self) -> str:
        path = printable(self.path)
        where = f"{path}:{self.line}" if self.line else path
        return f"{where}: {self.severity}: {self.message}"


MAX_REPORTED = 200
"""At most this many problems are printed; the count of the rest follows."""


def report(problems: list[Problem]) -> None:
    """Print problems on stderr, at most MAX_REPORTED of them (each is one bounded line)."""
    for problem in problems[:MAX_REPORTED]:
        print(problem, file=sys.stderr)
    if len(problems) > MAX_REPORTED:
        print(f"... and {len(problems) - MAX_REPORTED} more problem(s) not shown", file=sys.stderr)


def shorten(text: str, limit: int) -> str:
    """Cut `text` to at most `limit` characters, ending in an ellipsis when it was cut."""
    return text if len(text) <= limit else text[: limit - 1] + ELLIPSIS


def printable(text: str) -> str:
    """Escape control, format and separator characters (newlines, ANSI escapes, bidi overrides).

    A message goes to a terminal: a file name or a YAML key must not be able to move the cursor,
    recolour the screen or reorder the letters around it.
    """
    if text.isprintable():
        return text
    return "".join(ch if ch.isprintable() else _ESCAPES.get(ch) or
                   (f"\\x{ord(ch):02x}" if ord(ch) < 0x100 else f"\\u{ord(ch):04x}")
                   for ch in text)


def quote(value: str, limit: int = MAX_QUOTE_CHARS) -> str:
    """Quote a user's value for a message: 'value', escaped and cut to `limit` characters."""
    return "'" + shorten(printable(value[: limit + 1]), limit) + "'"


def did_you_mean(word: str, options: Iterable[str]) -> str:
    """Return " (did you mean 'x'?)" for the closest option, or '' when none is close."""
    close = difflib.get_close_matches(word, list(options), n=1, cutoff=0.6)
    return f" (did you mean {quote(close[0])}?)" if close else ""


def problem_at(path: Path | str, line: int, message: str, severity: str = "error") -> Problem:
    """Make a Problem for a path."""
    return Problem(str(path), line, message, severity)


class ExplainerError(Exception):
    """Base of every error the tool reports to the user (never a traceback)."""

    exit_code = 1


class ContentError(ExplainerError):
    """The content folder has one or more errors."""

    exit_code = 1

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = sorted(problems)
        super().__init__("\n".join(str(p) for p in self.problems))


class BuildError(ExplainerError):
    """MkDocs could not build the generated pages."""

    exit_code = 3


class VerifyError(ExplainerError):
    """The built site failed a provenance or safety check."""

    exit_code = 4

    def __init__(self, failures: list[str]) -> None:
        self.failures = failures
        super().__init__("\n".join(failures))


class OutputError(ExplainerError):
    """An output folder was refused (it is not the tool's to write) or could not be written."""

    exit_code = 5
