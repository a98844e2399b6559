"""General word knowledge shared by the stages (how common a word is in English)."""

from __future__ import annotations

import re
from functools import lru_cache
from importlib.resources import files

from wordfreq import zipf_frequency

COMMON_ZIPF = 3.0
"""A word at least this frequent (about once per 1M words) is ordinary English."""
WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")


@lru_cache(maxsize=2**20)
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
    "gov", "sen", "rep", "pres", "ceo", "founder", "officer", "official", "rev", "reverend", "pastor",
    "rabbi", "imam",
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
    "university", "team", "club", "fund", "board", "tribunal", "school", "college", "survey",
    "railways", "airlines", "airways", "guild", "society", "jury", "chamber",
})
"""Head nouns that make a name a group or organisation."""

PLACE_HEADS = frozenset({
    "region", "oblast", "district", "province", "county", "city", "town", "village", "republic",
    "state", "territory", "square", "street", "river", "valley", "island", "islands", "peninsula",
    "mountains", "sea", "lake", "bay", "border", "krai", "raion", "municipality", "settlement",
    "airport", "port", "base", "bridge", "dam", "plant", "station", "avenue", "ave", "road", "boulevard",
    "highway", "lane", "ranch", "precinct", "hospital",
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

OUTLET_WORDS = frozenset({"news", "times", "post", "journal", "tribune", "herald", "gazette", "telegraph",
                          "chronicle", "inquirer", "dispatch", "newspaper", "magazine"})
"""Last words of newspaper and broadcaster names ('the Lisk Herald', 'Sela News'): an outlet."""

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
    "ave": "avenue", "st": "street", "rd": "road", "blvd": "boulevard", "aves": "avenue", "sts": "street",
    "e": "east", "w": "west", "n": "north", "s": "south",
}
"""Words that translations of one name use interchangeably ('Freedom'/'Liberty' of ...)."""

STREET_ABBREVIATIONS = frozenset({"st", "ave", "rd", "blvd", "sts", "aves"})
"""Street types as addresses abbreviate them ('E. 52nd St.', 'Ave. H'): heads only inside a street name."""

NAME_PARTICLES = frozenset({"de", "da", "di", "del", "della", "du", "dos", "das", "von", "bin", "ibn"})
"""Lower-case words that begin a surname ('de Lisko', 'von Marr'), even without the given name."""
INNER_PARTICLES = NAME_PARTICLES | frozenset({"van", "der", "den", "la", "le", "ter"})
"""Lower-case words that join two parts of a name ('Ana van der Berg'), never begin one."""
HYPHEN_PARTICLE = re.compile(r"^(?:al|el|ad|as|ash|at|az|ar|bin|ibn|abu)-[A-Z]")
"""A surname written with its Arabic particle: 'al-Marri', 'el-Sayed'."""

TITLE_QUALIFIERS = frozenset({
    "psychology", "economics", "law", "history", "physics", "chemistry", "biology", "medicine",
    "engineering", "philosophy", "politics", "sociology", "mathematics", "journalism", "linguistics",
    "defense", "defence", "foreign", "finance", "interior", "press", "district", "circuit",
})
"""Words that, capitalised before a title, say its field or court: 'Psychology Professor',
'Finance Minister', 'Press Secretary', 'District Judge'. They belong to the title, not to the
name of an organisation or place before them."""

LOWER_BODY_HEADS = frozenset({"campaign", "family"})
"""Lower-case nouns that make a one-word name before them a group: 'the Dorn campaign', 'the Dorn family'."""

UNNAMED_BODIES = frozenset({"grand jury"})
"""Bodies that news names only by what they are, one to a story ('a federal grand jury in X'): each
is found as a group wherever it is written, and speaks for the documents it issues."""
DOCUMENT_ISSUERS = {"indictment": "grand jury", "indictments": "grand jury"}
"""Documents whose issuer the law fixes: an indictment is returned by a grand jury, though news
writes that prosecutors 'indicted' someone. The body speaks for its document where the corpus names
one such body."""

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
    "veteran", "blogger", "commentator", "historian", "professor", "scientist", "whistleblower",
    "conciliator", "mediator", "arbitrator", "ombudsman", "principal", "teacher", "headteacher", "coach",
})
"""Nouns that say what a person is or does, in any case: 'the governor of X', 'an exiled politician'."""

ROLE_SYNONYMS = {"advisor": "adviser", "spokesman": "spokesperson", "spokeswoman": "spokesperson",
                 "councilor": "councillor", "organizer": "organiser"}
"""Spellings of one role noun, so mentions that use either count together."""

LEGAL_FORMS = frozenset({"inc", "corp", "corporation", "co", "ltd", "llc", "llp", "plc", "ag", "gmbh", "sa",
                         "nv", "bv", "spa", "pty", "lp"})
"""Legal forms written after a company's name ('X Inc', 'X AG'): the name is a company's."""

COMPANY_NOUNS = frozenset({
    "company", "firm", "corporation", "carrier", "airline", "maker", "manufacturer", "startup",
    "start-up", "conglomerate", "retailer", "insurer", "lender", "vendor", "provider", "supplier",
    "contractor", "subsidiary", "automaker", "carmaker", "chipmaker", "developer", "consultancy",
    "operator", "giant", "publisher", "network", "chain", "bank",
})
"""Lower-case nouns for a business, written before its bare name ('the analytics firm X', 'the rail
operator X') and by which news refers back to a company it has named ('the software giant said')."""

ORGANISATION_NOUNS = COMPANY_NOUNS | frozenset({
    "group", "agency", "party", "organisation", "organization", "charity", "bank", "operator",
    "business", "outfit", "watchdog", "regulator", "union", "giant",
})
"""Lower-case nouns that call a bare name an organisation after it: 'X, the company that ...'."""

ORGANISATION_PARTS = frozenset({
    "chief executive", "chief executive officer", "ceo", "cfo", "coo", "chief operating officer",
    "chief technology officer", "chief security officer", "general counsel", "chairman", "chairwoman",
    "board", "shares", "stock", "share price", "shareholders", "investors", "employees", "staff",
    "headquarters", "subsidiary", "parent company", "executives",
    "website", "products", "customers", "engineers", "security team", "researchers", "revenue",
    "profits", "market value", "annual report",
})
"""What an organisation has and a person does not: 'X's chief executive', 'X's shares'."""

TIME_WORDS = frozenset({"am", "pm", "gmt", "utc", "et", "est", "edt", "ct", "cst", "cdt", "mt", "mst", "mdt",
                        "pt", "pst", "pdt", "bst", "cet", "cest", "eet", "eest", "ist", "hkt", "jst", "aest"})
"""Clock words and time-zone abbreviations ('3:16 PM ET'): parts of a time stamp, never a name."""

PRODUCT_NOUNS = frozenset({
    "browser", "software", "app", "application", "operating system", "program", "programme", "device",
    "phone", "smartphone", "tablet", "laptop", "console", "update", "patch", "version", "versions",
    "feature", "plug-in", "plugin", "service pack", "model", "vaccine", "engine", "mode", "setting",
    "settings", "security zone", "option", "menu", "toolbar",
})
"""Nouns that make the name before them a product ('the X browser', 'X (XB) software')."""

KIN = frozenset({"wife", "husband", "son", "daughter", "mother", "father", "brother", "sister", "uncle",
                 "aunt", "cousin", "grandmother", "grandfather", "niece", "nephew", "widow", "fiancee",
                 "fiance", "girlfriend", "boyfriend", "stepfather", "stepmother", "parents"})
"""Kinship nouns: 'his wife, X', 'the boy's mother X' name a person."""


PEOPLE_PLURALS = frozenset({
    "witnesses", "residents", "neighbors", "neighbours", "locals", "villagers", "protesters", "demonstrators",
    "marchers", "activists", "critics", "supporters", "opponents", "experts", "analysts", "lawyers",
    "attorneys", "doctors", "nurses", "medics", "officials", "employees", "workers", "staff", "members",
    "relatives", "family", "families", "friends", "parents", "students", "teachers", "voters", "survivors",
    "victims", "farmers", "engineers", "scientists", "researchers", "investigators", "prosecutors",
    "organisers", "organizers", "leaders", "executives", "shareholders", "passengers", "rescuers",
    "sources", "insiders", "others", "many", "several", "most", "few",
})
"""Plural nouns (and pronouns of quantity) for people who may speak with no article before them:
'witnesses to the crash say ...', 'family of the boy deny ...', 'others said ...'."""


def demonyms_of(name: str) -> tuple[str, ...]:
    """The adjectives of people a place name makes: 'Veskaria' -> 'Veskarian', 'Lisk' -> 'Liskan'.

    Not the '-i' of 'Iraqi': it is also how surnames vary ('Kovsky' / 'Kovskyi')."""
    stem = name[:-1] if name[-1:] in "aeo" else name
    return (name + "n", name + "an", name + "ian", stem + "ian", stem + "an", stem + "ese")


def _given_names() -> frozenset[str]:
    text = files("generator").joinpath("data/given_names.txt").read_text(encoding="utf-8")
    return frozenset(line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#"))


GIVEN_NAMES = _given_names()
"""Given names common in English-language news (data/given_names.txt), as written ('Mark', 'Sarah'):
one before another capitalised word makes a person's name of words that are ordinary English."""

SHORT_GIVEN_NAMES = {
    "mike": ("michael",), "mick": ("michael",), "bill": ("william",), "billy": ("william",),
    "will": ("william",), "bob": ("robert",), "bobby": ("robert",), "rob": ("robert",),
    "jim": ("james",), "jimmy": ("james",), "tom": ("thomas",), "tommy": ("thomas",),
    "dave": ("david",), "steve": ("stephen", "steven"), "chris": ("christopher", "christine"),
    "nick": ("nicholas",), "matt": ("matthew",), "dan": ("daniel",), "danny": ("daniel",),
    "ben": ("benjamin",), "sam": ("samuel", "samantha"), "tony": ("anthony",), "joe": ("joseph",),
    "ed": ("edward",), "eddie": ("edward",), "ted": ("edward", "theodore"),
    "alex": ("alexander", "alexandra"),
    "andy": ("andrew",), "tim": ("timothy",), "ken": ("kenneth",), "jeff": ("jeffrey",),
    "greg": ("gregory",), "pat": ("patrick", "patricia"), "liz": ("elizabeth",), "beth": ("elizabeth",),
    "kate": ("katherine", "catherine", "kathryn"), "cathy": ("catherine",),
    "kathy": ("katherine", "kathleen"),
    "jenny": ("jennifer",), "sue": ("susan",), "dick": ("richard",), "rick": ("richard",),
    "larry": ("lawrence",), "jerry": ("gerald", "jeremy"), "fred": ("frederick",), "charlie": ("charles",),
    "harry": ("henry", "harold"), "johnny": ("john",), "jack": ("john",), "phil": ("philip", "phillip"),
    "ron": ("ronald",), "don": ("donald",), "doug": ("douglas",), "geoff": ("geoffrey",),
    "zach": ("zachary",), "vicky": ("victoria",), "debbie": ("deborah", "debra"), "jon": ("jonathan",),
    "josh": ("joshua",), "gerry": ("gerald", "gerard"), "nicky": ("nicola", "nicholas"),
}
"""Usual short forms of given names, lower case, with the full forms they stand for ('Mike
Tarrant' is 'Michael Tarrant' where a story writes both)."""
