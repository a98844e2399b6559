"""Make a synthetic corpus of any size from the BBC texts: copies with their names changed.

Copy k of an article keeps its text and changes each capitalised word that is not the first of a
sentence by a syllable chosen from the word and k, so the copies name new people, groups and
places (as a bigger real corpus would) instead of repeating the same entities. Deterministic.

    python bench/replicate.py ../shared/corpora/bbc-news/articles OUT --count 10000
"""

from __future__ import annotations

import argparse
import re
import zlib
from pathlib import Path

SYLLABLES = [c + v for c in "bdfgklmnprstvz" for v in "aeiou"]
NAME = re.compile(r"(?<=[a-z,;:] )[A-Z][a-z]{2,}")
"""A capitalised word inside a sentence: most are names."""


def perturbed(text: str, copy: int) -> str:
    """The text with its names changed for copy number `copy` (copy 0 is the original)."""
    if copy == 0:
        return text

    def change(m: re.Match[str]) -> str:
        word = m.group()
        return word + SYLLABLES[zlib.crc32(f"{word}/{copy}".encode()) % len(SYLLABLES)]

    return NAME.sub(change, text)


def replicate(source: Path, target: Path, count: int) -> list[Path]:
    """Write `count` articles into target/articles/, cycling through the sources' texts."""
    sources = sorted(source.glob("*.txt"))
    out = target / "articles"
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for i in range(count):
        original = sources[i % len(sources)]
        copy = i // len(sources)
        path = out / f"{original.stem}-{copy:02d}.txt"
        text = original.read_text(encoding="utf-8", errors="replace")
        path.write_text(perturbed(text, copy), encoding="utf-8")
        written.append(path)
    return written


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("source", type=Path, help="folder of .txt articles")
    parser.add_argument("target", type=Path, help="content folder to create (articles/ inside)")
    parser.add_argument("--count", type=int, required=True, help="how many articles")
    args = parser.parse_args()
    print(f"{len(replicate(args.source, args.target, args.count))} articles in {args.target / 'articles'}")


if __name__ == "__main__":
    main()
