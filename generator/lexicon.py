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


WEEKDAYS_MONTHS = frozenset({
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january",
    "february", "march", "april", "may", "june", "july", "august", "september", "october",
    "november", "december",
})

TITLES = frozenset({
    "president", "governor", "minister", "spokesman", "spokeswoman", "spokesperson", "adviser",
    "advisor", "secretary", "chairman", "chairwoman", "chair", "chief", "commander", "general",
    "mayor", "premier", "deputy", "ambassador", "senator", "representative", "lieutenant",
    "colonel", "major", "captain", "sergeant", "admiral", "marshal", "prosecutor", "judge",
    "director", "head", "leader", "envoy", "king", "queen", "prince", "princess", "pope",
    "chancellor", "pm", "mp", "mr", "mrs", "ms", "dr", "prof", "sir", "gen", "col", "lt", "sgt",
    "gov", "sen", "rep", "pres", "ceo", "founder", "officer", "official",
})
"""Words that introduce a person's name as their role ("Governor X", "President Y")."""

GROUP_HEADS = frozenset({
    "legion", "corps", "army", "forces", "force", "guard", "guards", "ministry", "service",
    "services", "directorate", "court", "council", "committee", "commission", "party", "front",
    "brigade", "battalion", "regiment", "division", "union", "agency", "office", "department",
    "government", "parliament", "assembly", "police", "militia", "movement", "group", "church",
    "bank", "company", "center", "centre", "institute", "foundation", "organisation",
    "organization", "association", "alliance", "coalition", "navy", "administration", "bureau",
    "authority", "cabinet", "senate", "congress", "duma", "federation", "network",
    "university", "hospital", "team", "club", "fund", "board", "tribunal",
})
"""Head nouns that make a name a group or organisation."""

PLACE_HEADS = frozenset({
    "region", "oblast", "district", "province", "county", "city", "town", "village", "republic",
    "state", "territory", "square", "street", "river", "valley", "island", "islands", "peninsula",
    "mountains", "sea", "lake", "bay", "border", "krai", "raion", "municipality", "settlement",
    "airport", "port", "base", "bridge", "dam", "plant", "station",
})
"""Head nouns that make a name a place."""

OUTLETS = frozenset({
    "reuters", "associated press", "ap", "afp", "agence france presse", "bloomberg", "cnn", "bbc",
    "bbc news", "al jazeera", "the guardian", "guardian", "the new york times", "new york times",
    "the washington post", "washington post", "the wall street journal", "wall street journal",
    "financial times", "the economist", "newsweek", "time", "politico", "axios", "npr", "abc news",
    "cbs news", "nbc news", "fox news", "sky news", "euronews", "dw", "deutsche welle",
    "france 24", "the hill", "hill", "scmp", "south china morning post", "the independent",
    "the telegraph", "the times", "business insider", "insider", "ria novosti", "ria", "tass",
    "interfax", "meduza", "novaya gazeta", "rt", "sputnik", "xinhua", "kyodo", "yonhap", "anadolu", "efe",
    "ansa", "dpa", "the atlantic", "vice", "vice news", "huffpost", "the daily beast",
    "usa today", "los angeles times", "le monde", "der spiegel", "spiegel", "el pais",
})
"""News outlets and agencies: cited as sources, never actors of the event."""

PLATFORMS = frozenset({
    "telegram", "twitter", "x", "facebook", "instagram", "youtube", "tiktok", "whatsapp",
    "vkontakte", "vk", "weibo", "wechat", "reddit", "signal", "truth social", "internet",
    "telegram channels", "linkedin", "threads", "rumble", "discord",
})
"""Platforms a statement travels through: channels, not actors."""

SYNONYMS = {
    "freedom": "free", "liberty": "free", "liberation": "free", "free": "free",
    "defence": "defense", "centre": "center", "organisation": "organization",
    "programme": "program", "armour": "armor",
    "oblast": "region", "krai": "region", "raion": "district", "rayon": "district",
}
"""Words that translations of one name use interchangeably ('Freedom'/'Liberty' of ...)."""

AREA_HEADS = frozenset({"region", "district", "oblast", "province", "raion", "rayon", "krai", "county",
                        "governorate", "prefecture"})
"""Head nouns of administrative areas, written in lower case after a name ('the X district')."""

WORLD_REGIONS = frozenset({
    "africa", "america", "americas", "antarctica", "arctic", "asia", "australasia", "balkans",
    "caribbean", "caucasus", "central asia", "east asia", "eastern europe", "europe", "eurasia",
    "far east", "gulf", "latin america", "levant", "middle east", "north africa", "north america",
    "oceania", "pacific", "sahel", "scandinavia", "south america", "south asia", "southeast asia",
    "sub saharan africa", "west africa", "western europe",
})
"""Continents and parts of the world: never a town, whatever a gazetteer lists under the name."""

HONORIFICS = frozenset({"mr", "mrs", "ms", "dr", "prof", "sir"})
"""Titles that say nothing about what a person does."""

ROLE_NOUNS = (TITLES - HONORIFICS - {"major"}) | frozenset({
    "politician", "member", "analyst", "aide", "lawmaker", "legislator", "councillor", "councilor",
    "diplomat", "activist", "campaigner", "journalist", "correspondent", "editor", "negotiator",
    "expert", "researcher", "economist", "strategist", "lawyer", "attorney", "commissioner",
    "inspector", "coordinator", "organiser", "organizer", "co-founder", "executive", "manager",
    "vice-president", "speaker", "candidate", "dissident", "fighter", "soldier", "volunteer",
    "veteran", "blogger", "commentator", "historian", "professor", "scientist",
})
"""Nouns that say what a person is or does, in any case: 'the governor of X', 'an exiled politician'."""

ROLE_SYNONYMS = {"advisor": "adviser", "spokesman": "spokesperson", "spokeswoman": "spokesperson",
                 "councilor": "councillor", "organizer": "organiser"}
"""Spellings of one role noun, so mentions that use either count together."""
