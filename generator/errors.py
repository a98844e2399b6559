"""One error hierarchy: every failure the user can cause names the file and line."""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path


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

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        return f"{where}: {self.severity}: {self.message}"


def did_you_mean(word: str, options: Iterable[str]) -> str:
    """Return " (did you mean 'x'?)" for the closest option, or '' when none is close."""
    close = difflib.get_close_matches(word, list(options), n=1, cutoff=0.6)
    return f" (did you mean '{close[0]}'?)" if close else ""


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
