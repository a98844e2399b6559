"""Score every corpus that has a hand-made gold reading (`make quality`) and write QUALITY.md.

Run from the project root: `.venv/bin/python bench/quality/score.py [--write QUALITY.md]`.
It generates the development corpus in content/ twice (as it is, and without its editorial.yml)
and each corpus that has a gold reading bench/quality/gold/<name>.yml, looked for first among the real
corpora ../shared/corpora/events/<name>/ and then among the invented test corpora
tests/fixtures/events/<name>/ (their rows are marked "(invented)"), each from a temporary copy, so
nothing is written next to the corpus, and each with the package's own
`generate()`, reads data/knowledge.json from the generated pages and scores it. It measures and
never gates: the exit code is 0, or 2 when a gold reading is missing or invalid.

The modules: gold.py reads the gold readings; prediction.py reads knowledge.json; metrics.py
scores entities, statements, claims and figures; sources.py scores furniture, reporting,
headlines and outlets; report.py lays the scores out as tables and QUALITY.md; this file runs them.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from gold import Gold, GoldError, load_gold
from metrics import score
from prediction import Knowledge, parse_knowledge
from report import MODES, CorpusRun, Quality, render_markdown, render_text, sections
from sources import score_sources

from generator.core.errors import ContentError
from generator.pipeline import generate

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
GOLD_PATH = HERE / "gold.yml"
GOLD_DIR = HERE / "gold"
CONTENT = ROOT / "content"
CORPORA = ROOT.parent / "shared" / "corpora" / "events"
INVENTED = ROOT / "tests" / "fixtures" / "events"
INVENTED_MARK = " (invented)"
DEV_NAME = "belgorod-2023"
EDITORIAL = "editorial.yml"
KNOWLEDGE_PATH = "data/knowledge.json"
ARTICLE_SUFFIXES = (".txt", ".md")


# ----------------------------------------------------------------------------- generating


def knowledge_from(content: Path) -> Knowledge:
    """Generate the site in memory from a content folder and read its knowledge.json."""
    pages = generate(content).pages
    return parse_knowledge(json.loads(next(p.content for p in pages if p.path == KNOWLEDGE_PATH)))


def in_temporary_copy(content: Path, editorial: bool = True) -> Knowledge:
    """Generate from a temporary copy of a content folder, without its editorial.yml if asked."""
    with tempfile.TemporaryDirectory() as tmp:
        copy = Path(tmp) / "content"
        shutil.copytree(content, copy)
        if not editorial:
            (copy / EDITORIAL).unlink(missing_ok=True)
        return knowledge_from(copy)


def without_editorial(content: Path) -> Knowledge:
    """Generate from a temporary copy of the content folder with editorial.yml removed."""
    return in_temporary_copy(content, editorial=False)


def article_texts(content: Path) -> dict[str, str]:
    """Read every article file of a content folder (articles/, or the folder itself), by source id."""
    folder = content / "articles" if (content / "articles").is_dir() else content
    return {path.stem: path.read_bytes().decode("utf-8", errors="replace")
            for path in sorted(folder.iterdir())
            if path.is_file() and path.suffix in ARTICLE_SUFFIXES and not path.name.startswith(".")}


def scored(name: str, gold: Gold, knowledge: Knowledge, content: Path, summarised: bool = True,
           short_details: bool = True) -> CorpusRun:
    """Score one generated corpus: a row of the table."""
    sources = score_sources(gold, knowledge, article_texts(content)) if gold.sources is not None else None
    return CorpusRun(name, score(gold, knowledge), sources, summarised, short_details)


# ----------------------------------------------------------------------------- the corpora


def shown(path: Path) -> str:
    """A path as the report shows it: relative to the project folder."""
    return Path(os.path.relpath(path.resolve(), ROOT)).as_posix()


def editorial_note(content: Path) -> str:
    """Say whether the two modes differ."""
    where = f"{shown(content)}/{EDITORIAL}"
    if (content / EDITORIAL).exists():
        return f"Modes: '{MODES[0]}' reads {where}; '{MODES[1]}' generates without it."
    return f"Modes: {where} does not exist, so '{MODES[0]}' and '{MODES[1]}' read the same content."


def gold_readings(folder: Path) -> list[tuple[str, Gold]]:
    """Read every gold reading <name>.yml of a folder, by name; raise GoldError on an invalid one."""
    paths = sorted(folder.glob("*.yml")) if folder.is_dir() else []
    return [(path.stem, load_gold(path)) for path in paths]


@dataclass(frozen=True)
class CorporaRoot:
    """A folder of corpora <name>/articles/ and the mark its rows carry in the report."""

    folder: Path
    """The folder holding the corpora."""
    mark: str = ""
    """Appended to a corpus name in the report ("" for real corpora, INVENTED_MARK for invented ones)."""


def corpus_folder(name: str, roots: Sequence[CorporaRoot]) -> tuple[Path, str] | None:
    """Find a corpus in the first root that has it: its folder and its report mark, or None."""
    for root in roots:
        if (root.folder / name).is_dir():
            return root.folder / name, root.mark
    return None


def missing_note(name: str, roots: Sequence[CorporaRoot]) -> str:
    """Say that no root holds a corpus, naming every folder looked in."""
    looked = " or ".join(f"{shown(root.folder / name)}/" for root in roots) or "no corpora folder"
    return f"Skipped {name}: its folder is missing (looked for {looked})."


def shared_runs(readings: Sequence[tuple[str, Gold]],
                roots: Sequence[CorporaRoot]) -> tuple[list[CorpusRun], list[str]]:
    """Generate and score each corpus that has a gold reading; notes say which were skipped and why."""
    runs: list[CorpusRun] = []
    notes: list[str] = []
    for name, gold in readings:
        found = corpus_folder(name, roots)
        if found is None:
            notes.append(missing_note(name, roots))
            continue
        folder, mark = found
        try:
            knowledge = in_temporary_copy(folder)
        except ContentError as err:
            errors = [p for p in err.problems if p.severity == "error"] or err.problems
            first = f"{Path(errors[0].path).name}: {errors[0].message}" if errors else "no message"
            notes.append(f"Skipped {name}: the generator refused its content ({first}).")
            continue
        runs.append(scored(f"{name}{mark}", gold, knowledge, folder))
    return runs, notes


def corpora_note(readings: Sequence[tuple[str, Gold]], gold_dir: Path, roots: Sequence[CorporaRoot],
                 runs: Sequence[CorpusRun]) -> str:
    """Say where the other corpora were looked for and how many were scored (and how many invented)."""
    places = " or ".join(f"{shown(root.folder)}/<name>/{root.mark}" for root in roots)
    invented = sum(1 for run in runs if run.name.endswith(INVENTED_MARK))
    return (f"Other corpora: {len(readings)} gold readings in {shown(gold_dir)}/, each scored against "
            f"{places} ({len(runs)} scored). Invented corpora scored: {invented}, "
            f"rows marked{INVENTED_MARK}.")


def main(argv: Sequence[str] | None = None) -> int:
    """Score every corpus, print the report and optionally write it as Markdown; return the exit code."""
    parser = argparse.ArgumentParser(description="Score every corpus that has a gold reading.")
    parser.add_argument("--write", type=Path, metavar="PATH", help="also write the report as Markdown")
    parser.add_argument("--gold", type=Path, default=GOLD_PATH,
                        help="gold reading of the content folder (default: %(default)s)")
    parser.add_argument("--content", type=Path, default=CONTENT, help="content folder (default: %(default)s)")
    parser.add_argument("--name", default=DEV_NAME,
                        help="name of the content folder's corpus (default: %(default)s)")
    parser.add_argument("--gold-dir", type=Path, default=GOLD_DIR,
                        help="gold readings <name>.yml of other corpora (default: %(default)s)")
    parser.add_argument("--corpora", type=Path, default=CORPORA,
                        help="folder holding those corpora as <name>/articles/ (default: %(default)s)")
    parser.add_argument("--invented", type=Path, default=INVENTED,
                        help="folder of invented test corpora <name>/articles/, looked in after --corpora "
                             "(default: %(default)s)")
    args = parser.parse_args(argv)
    try:
        gold = load_gold(args.gold)
        readings = gold_readings(args.gold_dir)
    except GoldError as err:
        print(f"score.py: invalid gold reading: {err}", file=sys.stderr)
        return 2
    modes = ((MODES[0], knowledge_from(args.content)), (MODES[1], without_editorial(args.content)))
    detail = tuple((mode, sections(score(gold, knowledge))) for mode, knowledge in modes)
    runs = [scored(f"{args.name}, {mode}", gold, knowledge, args.content, summarised=mode == MODES[1],
                   short_details=False) for mode, knowledge in modes]
    roots = (CorporaRoot(args.corpora), CorporaRoot(args.invented, INVENTED_MARK))
    others, skipped = shared_runs(readings, roots)
    notes = (editorial_note(args.content), corpora_note(readings, args.gold_dir, roots, others), *skipped)
    quality = Quality((*runs, *others), detail, args.name, notes)
    sys.stdout.write(render_text(quality))
    if args.write:
        args.write.write_text(render_markdown(quality), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
