"""General word knowledge shared by the stages (how common a word is in English)."""

from __future__ import annotations

import re
from functools import lru_cache

from wordfreq import zipf_frequency

COMMON_ZIPF = 3.0
"""A word at least this frequent (about once per 1M words) is ordinary English."""
WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")


@lru_cache(maxsize=65536)
def is_common_english(word: str) -> bool:
    """Tell an ordinary English word from a rare or foreign one (case-insensitive)."""
    return zipf_frequency(word.lower(), "en") >= COMMON_ZIPF


def english_share(text: str) -> float:
    """Return the share of the words in `text` that are ordinary English (1.0 for no words)."""
    words = WORD.findall(text)
    if not words:
        return 1.0
    return sum(1 for w in words if is_common_english(w)) / len(words)
