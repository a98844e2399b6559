"""Keys that fold the spellings of one name: case, script, transliteration, synonyms, sound.

Shared by resolution (which merges on them), suspected merges (which look for near misses)
and editorial.yml validation (which compares an editor's names).
"""

from __future__ import annotations

import re
from functools import lru_cache

import jellyfish
from anyascii import anyascii

from .lexicon import AREA_HEADS, SYNONYMS

TRANSLIT = (("zh", "z"), ("kh", "h"), ("tz", "z"), ("ts", "z"), ("ck", "k"), ("ph", "f"), ("w", "v"),
            ("y", "i"), ("ii", "i"), ("ie", "e"), ("j", "i"))
CONTENT_SKIP = frozenset({"of", "the", "for", "and"})
ADJECTIVAL = re.compile(r"(?<=\w{4})(?:sk(?:iy|yi|ii|y|i|aya|aia|oye|oe|oi)?)$")
"""An adjectival ending of an area's name: 'Liskovsky district' is the 'Liskov district'."""
DOTTED = re.compile(r"(?<![\w.])(?:[a-z]\.){2,}(?![\w.])|(?<![\w.])(?:[a-z]\.)+[a-z](?![\w.])")
"""An acronym written with stops ('u.s.', 'u.s'), which fold away."""
KEYS_REMEMBERED = 1 << 20
"""Spellings whose keys are remembered. More than a corpus has: resolution goes over every spelling
several times, and a least-recently-used cache smaller than the corpus's spellings misses on every
pass (10,000 articles have some 71,000 spellings; at 65,536 normal_key was computed 1.9 million
times in resolve alone, with room for all 129,000 times in names and resolve together)."""
SAME_SOUND_SIMILARITY = 0.9
"""Least Jaro-Winkler similarity of two folded words that sound alike for them to be one word."""


@lru_cache(maxsize=KEYS_REMEMBERED)
def normal_key(form: str) -> str:
    """Fold case, script, hyphens, the stops of an acronym and a leading article:
    'The Gora-Dol' -> 'gora dol', 'U.S. Lisk Survey' -> 'us lisk survey'."""
    text = anyascii(form).lower().replace("-", " ")
    text = re.sub(r"^the\s+", "", text)
    text = DOTTED.sub(lambda m: m.group(0).replace(".", ""), text)
    return " ".join(text.split())


@lru_cache(maxsize=KEYS_REMEMBERED)
def translit_key(word: str) -> str:
    """Fold common transliteration variants of one word (zh/z, y/i, ts/tz...)."""
    key = normal_key(word)
    for old, new in TRANSLIT:
        key = key.replace(old, new)
    return re.sub(r"(.)\1+", r"\1", key)


@lru_cache(maxsize=KEYS_REMEMBERED)
def sound_key(word: str) -> str:
    """First letter and metaphone of the folded word: equal for every pair word_alike accepts."""
    key = translit_key(word)
    return key[:1] + ":" + (jellyfish.metaphone(key) if len(key) >= 4 else key)


def similarity(x: str, y: str) -> float:
    """Jaro-Winkler similarity of two words after transliteration folding."""
    return jellyfish.jaro_winkler_similarity(translit_key(x), translit_key(y))


def word_alike(x: str, y: str) -> bool:
    """Two spellings of one word: the same folded, or sounding alike and nearly the same letters."""
    if normal_key(x) == normal_key(y):
        return True
    kx, ky = translit_key(x), translit_key(y)
    if min(len(kx), len(ky)) < 4:
        return False
    same_sound = sound_key(x) == sound_key(y)
    return kx == ky or (same_sound and similarity(x, y) >= SAME_SOUND_SIMILARITY)


def words_alike(a: list[str], b: list[str]) -> bool:
    """Two different multi-word spellings whose words are alike one by one."""
    if len(a) != len(b) or a == b:
        return False
    return all(word_alike(x, y) for x, y in zip(a, b, strict=True))


def initials(form: str) -> str:
    """Initials of the content words: 'Ministry of Water Works' -> 'MWW'."""
    return "".join(w[0] for w in form.split() if w.lower() not in CONTENT_SKIP).upper()


@lru_cache(maxsize=KEYS_REMEMBERED)
def content_words(form: str) -> tuple[str, ...]:
    """Content words folded by synonyms and stems: 'Brigade of Free Sela' -> ('briga', 'free', 'sela')."""
    words = [w.rstrip(".") for w in normal_key(form).split() if w not in CONTENT_SKIP]
    return tuple(SYNONYMS.get(w, w)[:5] for w in words)


def content_bag(form: str) -> frozenset[str]:
    """The content words as a set: 'Brigade of Free Sela' ~ 'Freedom of Sela Brigade'."""
    return frozenset(content_words(form))


def area_parts(form: str) -> tuple[str, list[str]] | None:
    """'Lisky district' -> ('district', ['lisk']): an area's head (by synonym) and its folded name
    without the adjectival ending; None for a name that is not an administrative area.

    'the (Northern) Province of Lisk' is the 'Lisk province': at most one word before the head.
    """
    words = normal_key(form).split()
    of = words.index("of") if "of" in words[1:3] else 0
    if of and of + 1 < len(words) and words[of - 1] in AREA_HEADS:
        return SYNONYMS.get(words[of - 1], words[of - 1]), words[of + 1:]
    if len(words) < 2 or words[-1] not in AREA_HEADS:
        return None
    stem = [*words[:-2], ADJECTIVAL.sub("", words[-2])]
    return SYNONYMS.get(words[-1], words[-1]), stem


def area_stem(form: str) -> str:
    """'Lisk region' -> 'lisk'; a name without an area head, folded as it is."""
    parts = area_parts(form)
    return " ".join(parts[1]) if parts else normal_key(form)
