"""An invented corpus of one event at any size, for checking that every stage grows linearly.

The BBC corpus is many stories; a newsroom's corpus is one story told many times: the same bodies,
people and places in every article, officials who deny what others say, and figures that differ a
little from source to source. That is where a step that compares every article, position or value
with every other shows. Every name is made of random syllables (seeded), so nothing here names a real
entity, and the text is this file's own.

    .venv/bin/python bench/synthetic.py FOLDER N     # writes FOLDER/articles/a00000.txt ...
"""

from __future__ import annotations

import argparse
import random
from pathlib import Path

SYLLABLES = [c + v for c in "bdfgklmnprstvz" for v in "aeiou"]
HEADS = ("Ministry", "Council", "Company", "Union", "Agency", "Authority")
PEOPLE_PER_ARTICLE = 4
"""One new person is named for every this many articles (the cast grows with the story)."""
GROUPS_PER_ARTICLE = 10
PLACES_PER_ARTICLE = 8


def _word(r: random.Random, syllables: int) -> str:
    return "".join(r.choice(SYLLABLES) for _ in range(syllables)).capitalize()


def articles(count: int, seed: int = 1) -> list[str]:
    """`count` invented articles about one storm and the power cuts after it."""
    r = random.Random(seed)
    people = [f"{_word(r, 2)} {_word(r, 3)}" for _ in range(max(20, count // PEOPLE_PER_ARTICLE))]
    groups = [f"{_word(r, 3)} {r.choice(HEADS)}" for _ in range(max(10, count // GROUPS_PER_ARTICLE))]
    places = [_word(r, 3) for _ in range(max(10, count // PLACES_PER_ARTICLE))]
    texts = []
    for _ in range(count):
        speaker, mayor = r.sample(people, 2)
        group, place = r.choice(groups), r.choice(places)
        homes = r.randint(2, 900)
        texts.append(
            f"{group} says {homes} homes lost power in {place}\n\n"
            f"The {group} said on Monday that {homes} homes in {place} lost power after the storm.\n\n"
            f'"We are working to restore it," said {speaker}, a spokesman for the {group}.\n\n'
            f"{mayor}, the mayor of {place}, denied that the network had failed and said crews had "
            f"arrived.\n\n"
            f"Residents said {r.randint(2, 50)} roads were closed.\n")
    return texts


def write(folder: Path, count: int, seed: int = 1) -> Path:
    """Write the corpus as FOLDER/articles/a00000.txt ...; return the content folder."""
    target = folder / "articles"
    target.mkdir(parents=True, exist_ok=True)
    for i, text in enumerate(articles(count, seed)):
        (target / f"a{i:05d}.txt").write_text(text, encoding="utf-8")
    return folder


def main() -> None:
    parser = argparse.ArgumentParser(description="Write an invented one-event corpus of N articles.")
    parser.add_argument("folder", type=Path)
    parser.add_argument("count", type=int)
    args = parser.parse_args()
    write(args.folder, args.count)


if __name__ == "__main__":
    main()
