"""The words of disagreement in news writing, in any kind of story, and the general question forms.

One place for each rule: the denial, accusation, hedge and confirmation signals; the families of
matters two camps answer differently (cause, blame, what to call it, whether it is lawful or
safe, whether two things are linked, what it was for, what happens next, who pays, how many), each
with a general question form; and the key words that tell what a position is about.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from wordfreq import zipf_frequency

DENIAL = re.compile(
    r"\b(?:den(?:ied|ies|y|ying)|reject(?:ed|s|ing|ion)?|dismiss(?:ed|es|ing)|disput(?:ed|es|ing)|"
    r"contest(?:ed|s|ing)|refut(?:ed|es|ing)|rebut(?:ted|s)?|disavow\w*|contradict(?:ed|s|ing)?|"
    r"pushed back (?:against|on)|nothing to do with|not involved|no (?:evidence|indication|proof|"
    r"sign) (?:that|of)|"
    r"nothing to (?:indicate|suggest|show)|(?:is|was|were|are) (?:not true|untrue|false|wrong|baseless)|"
    r"call(?:ed|s|ing)? (?:\S+ ){0,6}?(?:false|baseless|nonsense|untrue|lies|absurd|ridiculous|fabricat\w+|"
    r"a (?:lie|hoax|fabrication))|(?:vehemently|strongly|flatly) (?:den\w+|reject\w*)|"
    r"insist(?:ed|s)? (?:that )?(?:\w+ ){0,4}?(?:not|never|no)\b)",
    re.IGNORECASE)
"""Words that deny or reject another party's account."""
ACCUSATION = re.compile(
    r"\b(?:accus(?:ed|es|ing|ation)|alleg(?:ed|es|ing|edly|ation|ations)|claim(?:ed|s|ing)?|"
    r"blam(?:ed|es|ing)|charg(?:ed|es) (?:that|with)|contend(?:ed|s)|assert(?:ed|s)|insist(?:ed|s)|"
    r"maintain(?:ed|s)|argu(?:ed|es|ing)|suggest(?:ed|s)|purported\w*)\b",
    re.IGNORECASE)
"""Words that put a claim in a party's mouth rather than state it."""
HEDGE = re.compile(
    r"(?:unable|could not|couldn't|cannot|can't|not been able|has not been able) (?:to )?"
    r"(?:immediately |independently )*(?:verify|confirm)"
    r"|not (?:be |been |yet been |)(?:immediately |independently )*(?:verified|confirmed)"
    r"|unconfirmed|unverified|(?:it is|it was|it remains|it remained|remains|remained) (?:not |un)clear"
    r"|(?:is|was|are|were) not (?:yet )?known|one report said|according to (?:unconfirmed |some )?reports",
    re.IGNORECASE)
"""The articles' own hedges: what the journalists could not confirm."""
REPORTING = re.compile(r"\b(?:report(?:ed|s)|(?P<after>according to))\b", re.IGNORECASE)
"""Words that give a sentence's account to someone: 'X reported that ...', '... according to X'."""
CONFIRM = re.compile(r"\b(?:confirm(?:ed|s|ing)|verif(?:ied|ies)|acknowledg(?:ed|es)|admit(?:ted|s))\b",
                     re.IGNORECASE)
"""Words that confirm an account."""
NEGATION = re.compile(r"\b(?:not|never|no|n't|nothing|none|neither|nor|without)\b|n't\b", re.IGNORECASE)
"""Words that turn an assertion round."""


@dataclass(frozen=True)
class Family:
    """A kind of matter parties answer differently, with its general question form."""

    name: str
    """Short id ('cause', 'blame', ...)."""
    form: str
    """The question, with {x} for what it is about."""
    bare: str
    """The question when the positions name nothing they share."""
    words: re.Pattern[str]
    """Words that put a position under it."""
    competing: bool
    """Whether two camps' answers compete by nature (who is to blame) rather than add up (who was there)."""
    subject: str
    """What {x} names: 'event' (what happened, in the headlines' words), 'place', 'group', 'party' (a
    group or person) or 'any' entity."""


PLACE_FAMILIES = frozenset({"control", "entry", "evacuation"})
PARTY_FAMILIES = frozenset({"penalty", "next"})
GROUP_FAMILIES = frozenset({"identity"})
ANY_FAMILIES = frozenset({"link"})


def _family(name: str, forms: tuple[str, str], words: str, competing: bool = True) -> Family:
    subject = ("place" if name in PLACE_FAMILIES else "party" if name in PARTY_FAMILIES
               else "group" if name in GROUP_FAMILIES else "any" if name in ANY_FAMILIES else "event")
    return Family(name, forms[0], forms[1], re.compile(rf"\b(?:{words})", re.IGNORECASE), competing, subject)


FAMILIES: tuple[Family, ...] = (
    _family("cause", ("What caused {x}?", "What caused it?"),
            r"caus(?:ed|es|ing)\b|because of|due to|blamed on|trigger(?:ed|s)\b|led to|"
            r"result(?:ed)? (?:of|from)|"
            r"the reason"),
    _family("blame", ("Who is responsible for {x}?", "Who is responsible?"),
            r"responsib\w+|to blame|\bblam(?:e|ed|es|ing)\b|\bfault\b|behind the|carried out|involvement|"
            r"involved in|nothing to do with|perpetrat\w+|orchestrat\w+|disavow\w*|proxy"),
    _family("link", ("Is {x} linked to {y}?", "Who is linked to whom?"),
            r"linked|\blinks? (?:to|with|between)|ties (?:to|with)|connection|connected to|associated with|"
            r"affiliated|colluded|collusion"),
    _family("name", ("What should {x} be called?", "What should it be called?"),
            r"designat\w+|declared \w+ (?:an?|the)\b|described (?:\S+ ){0,4}?as\b|amount(?:s|"
            r"ed)? to|constitut(?:e|ed|es)\b|"
            r"term(?:ed)? (?:it|as)|labell?ed|branded|as some had termed|(?:was|is) not an?\b|terrorist|"
            r"what (?:to|they) call"),
    _family("lawful", ("Was {x} lawful and justified?", "Was it lawful and justified?"),
            r"illegal\w*|unlawful|\blawful|\blegal\b|violat\w+|breach\w*|compl(?:y|ies|ied|iance)\b|"
            r"justified|unjustified|guidelines|wrongdoing|inappropriate\w*|improper\w*|persecut\w+|"
            r"politically motivated|above the law|biased|\bbias\b|unwarranted|innocen\w+|guilty"),
    _family("safe", ("How dangerous is {x}?", "How serious is the danger?"),
            r"\bsafe\b|unsafe|safety|danger\w*|threat\w*|\brisk\w*|vulnerab\w+|susceptible|harm(?:ful|less)|"
            r"serious (?:threat|risk|flaw|vulnerability)|protect(?:s|ed|ion)? (?:against|from)"),
    _family("control", ("Who controls {x}?", "Who controls the ground?"),
            r"liberat\w*|captur\w*|taken over|taken control|overr[au]n|occup\w+|push(?:ed)? (?:back|out)|"
            r"eliminat\w*|repel\w*|retak\w*|recaptur\w*|in control|took control|still fighting for"),
    _family("entry", ("Who entered {x}, and how far did they get?", "Who got in, and how far did they get?"),
            r"\bentered\b|\bcrossed\b|penetrat\w*|moving into|infiltrat\w*|broke (?:through|into)|"
            r"break (?:through|into)|incursion|arrived in|\bbreached\b",
            competing=False),
    _family("identity", ("Who are {x}?", "Who are they?"),
            r"citizens of|consist\w* (?:only )?of|made up (?:entirely )?of|nationals of|"
            r"identif\w+ (?:as|themselves)|"
            r"members? of (?:the|a)\b|saboteurs|defectors|volunteers|mercenaries"),
    _family("purpose", ("What was {x} for?", "What was it for?"),
            r"purpose|\baim(?:s|ed)?\b|\bgoals?\b|designed to|in order to|intended to|motiv\w+|to distract|"
            r"divert|security (?:zone|lane)|buffer zone"),
    _family("knew", ("Who knew about {x}, and when?", "Who knew, and when?"),
            r"\bknew\b|knowingly|\baware\b|\binformed\b|warn(?:ed|ings?)\b|knowledge of|kept in the dark"),
    _family("harm", ("How many people were hurt in {x}?", "How many people were hurt?"),
            r"injur\w+|wounded|killed|\bdead\b|casualt\w+|deaths?\b|\bdied\b|death toll"),
    _family("evacuation", ("Were people evacuated from {x}?", "Were people evacuated?"),
            r"evacuat\w+|left the territory|\bfled\b", competing=False),
    _family("next", ("What happens next to {x}?", "What happens next?"),
            r"expects? (?:to|that)|expected to|plans? to|is set to|fac(?:es|ing) up to|could face|"
            r"could receive|"
            r"will (?:face|be forced|have to|step down|resign|testify)|ongoing (?:open )?investigation"),
    _family("extent", ("Who and what does {x} affect?", "Who and what is affected?"),
            r"affect(?:s|ed|ing)?\b|limited to|widespread|\bonly (?:a )?(?:few|limited|handful)|"
            r"all (?:of )?the\b|"
            r"every (?:one|version|model|part)|across the"),
    _family("remedy", ("Is {x} fixed, and how?", "Is it fixed, and how?"),
            r"\bfix(?:es|ed)?\b|\bpatch\w*|repair\w*|work-?around|stop-?gap|remed(?:y|ies|ied)|resolv\w+|"
            r"recall(?:s|ed)?\b|band-?aid"),
    _family("penalty", ("What penalty does {x} face?", "What penalty is at stake?"),
            r"sentenc(?:e|ed|es|ing)\b|\bprison\b|\bjail\b|penalt(?:y|ies)|convict(?:ed|ion)|acquit\w*|"
            r"\bup to (?:life|\d+ years)"),
    _family("pay", ("Who pays for {x}?", "Who pays?"),
            r"\bpa(?:y|ys|id|ying) (?:for|back)|repa(?:y|id)\w*|reimburs\w+|compensat\w+|\bfined?\b|"
            r"damages\b"),
)
"""General matters in dispute. The war questions of the first version are instances of these forms."""

STOPWORDS = frozenset({
    "a", "about", "above", "according", "added", "adding", "after", "again", "against", "all", "also",
    "although", "am", "an", "and", "any", "are", "as", "at", "back", "be", "because", "been", "before",
    "being", "below", "between", "both", "but", "by", "can", "could", "day", "days", "did", "do",
    "does", "doing", "down", "during", "each", "earlier", "eight", "even", "few", "first", "five",
    "for", "four", "friday", "from", "further", "going", "had", "has", "have", "having", "he", "her",
    "here", "hers", "herself", "him", "himself", "his", "how", "however", "i", "if", "in", "into", "is",
    "it", "its", "itself", "just", "last", "later", "like", "many", "may", "me", "might", "monday",
    "month", "months", "more", "most", "much", "must", "my", "myself", "new", "news", "nine", "no",
    "nor", "not", "now", "of", "off", "on", "once", "one", "only", "or", "other", "our", "ours", "out",
    "over", "own", "people", "percent", "really", "report", "reported", "reporter", "reporters",
    "reports", "said", "same", "saturday", "say", "saying", "says", "seven", "shall", "she", "should",
    "since", "six", "so", "some", "spokesman", "spokesperson", "spokeswoman", "statement", "statements",
    "still", "such", "sunday", "tell", "ten", "than", "that", "the", "their", "theirs", "them",
    "themselves", "then", "there", "these", "they", "this", "those", "though", "three", "through",
    "thursday", "time", "times", "to", "today", "told", "tonight", "too", "tuesday", "two", "under",
    "until", "up", "very", "was", "we", "wednesday", "week", "weeks", "well", "were", "what", "when",
    "where", "which", "while", "who", "whom", "why", "will", "with", "would", "year", "years",
    "yesterday", "you", "your", "yours",
})
"""Words that carry no matter of their own."""
SIGNAL_WORDS = re.compile(rf"{DENIAL.pattern}|{ACCUSATION.pattern}|{CONFIRM.pattern}", re.IGNORECASE)
WORD = re.compile(r"[A-Za-z][A-Za-z'’-]{2,}")


def stem(word: str) -> str:
    """A crude stem that folds the common English endings ('injured', 'injuries' -> 'injur')."""
    w = word.lower().replace("’", "'").split("'")[0]
    for ending in ("ations", "ation", "ments", "ment", "ings", "ing", "ies", "ied", "ers", "er", "ed", "es",
                   "ly", "s", "e", "y"):
        if w.endswith(ending) and len(w) - len(ending) >= 4:
            return w[: -len(ending)]
    return w


def key_terms(text: str) -> frozenset[str]:
    """The stems of the words that say what a position is about (no signal, speech or common words)."""
    bare = SIGNAL_WORDS.sub(" ", text)
    found = set()
    for word in WORD.findall(bare):
        lower = word.lower()
        if len(lower) < 4 or lower in STOPWORDS:
            continue
        found.add(stem(lower))
    return frozenset(found)


def rarity(term: str) -> float:
    """How much a shared word says: rare words say more (from general English word frequency)."""
    return max(0.5, 7.0 - zipf_frequency(term, "en"))


def families(text: str) -> frozenset[str]:
    """The families of matters whose words a position uses."""
    return frozenset(f.name for f in FAMILIES if f.words.search(text))


def signalled(words: str, verb: str = "") -> bool:
    """Whether a position carries a sign of disagreement: a denial, an accusation, a hedge."""
    said = f"{verb} {words}"
    return bool(DENIAL.search(said) or ACCUSATION.search(said) or HEDGE.search(words))


def stance(words: str, verb: str = "") -> str:
    """'denies', 'confirms', 'unverified' or 'asserts': how a position takes its matter."""
    if DENIAL.search(f"{verb} {words}"):
        return "denies"
    if HEDGE.search(words):
        return "unverified"
    if CONFIRM.search(verb):
        return "confirms"
    return "asserts"



FINITE = re.compile(r"\b(?:is|was|were|are|had|has|have|did|does|do|will|would|could|can|"
                    r"should)\b", re.IGNORECASE)
"""Words that make a clause of a run of words ('the dam was safe', not 'any involvement')."""
THAT_CLAUSE = re.compile(r"^(?:(?:claims?|reports?|suggestions?|allegations?|accusations?|"
                         r"charges?) )?that\s+",
                         re.IGNORECASE)
MAX_CLAUSE_WORDS = 16
"""Longer denied clauses make questions too long to read; those questions take a general form."""


def denied_clause(words: str, verb: str) -> str | None:
    """What a denial denies, as a clause to ask about: 'X denied that the dam leaked' -> 'the dam leaked'.

    For a paraphrase under a denial verb, its words are the clause; in a sentence, the words after the
    denial's 'that'. None when they are no clause (a noun phrase) or too long to ask about.
    """
    if DENIAL.fullmatch(verb.strip()) is None:
        match = DENIAL.search(words)
        if match is None:
            return None
        words = words[match.end():].strip()
        cut = THAT_CLAUSE.match(words)
        if cut is None:
            return None
        words = words[cut.end():]
    else:
        cut = THAT_CLAUSE.match(words.strip())
        words = words.strip()[cut.end():] if cut else words.strip()
    clause = ask_clause(words)
    return clause if clause and len(clause.split()) >= 4 else None


EVENT_NOUNS = frozenset({
    "attack", "raid", "incursion", "invasion", "strike", "walkout", "protest", "riot", "unrest",
    "quake", "earthquake", "tsunami", "flood", "storm", "hurricane", "fire", "wildfire", "blast",
    "explosion", "crash", "collapse", "disaster", "outbreak", "epidemic", "spill", "leak", "breach", "hack",
    "flaw", "bug", "vulnerability", "recall", "scandal", "fraud", "case", "trial", "verdict", "indictment",
    "prosecution", "investigation", "election", "vote", "referendum", "coup", "war", "ceasefire",
    "shooting", "killing", "bombing", "stabbing", "arrest", "deal", "merger", "takeover", "ban",
    "accident", "derailment", "shutdown", "outage", "bankruptcy", "doping", "suspension",
})
"""General words for what happens in news stories, of any kind."""


def event_like(word: str) -> bool:
    """Whether a word can name an event: a general news event word, or a rarer noun of action
    ('-tion', '-ment', '-ure', '-ing' words that are not everyday words)."""
    if word in EVENT_NOUNS:
        return True
    return (word.endswith(("tion", "sion", "ment", "ure", "ing")) and len(word) >= 6 and word not in STOPWORDS
            and zipf_frequency(word, "en") < 4.5)


UNCONFIRMED_THAT = re.compile(r"\bunconfirmed reports?,? (?:that )?(?P<clause>.+)", re.IGNORECASE)
UNCLEAR = re.compile(r"\b(?:not clear|unclear|not known|not yet known) "
                     r"(?P<wh>whether|if|how|what|why|who|when|where|in what) (?P<clause>.+)", re.IGNORECASE)
REPORTED_THAT = re.compile(r"\b(?:told|said|says|reported|claimed|alleged|wrote|insisted)\b[^.;]*?\bthat "
                           r"(?P<clause>.+)", re.IGNORECASE)


LOWER_STARTS = frozenset({"the", "a", "an", "it", "he", "she", "they", "we", "this", "that", "these",
                          "those", "its", "his", "her", "their", "our", "some", "no", "all", "any", "most",
                          "many", "one", "there"})
"""First words of a clause that are written small inside a question (a name keeps its capital)."""
SUBORDINATE = frozenset({"when", "while", "after", "before", "because", "if", "as", "although", "though",
                         "since", "until", "whether", "where", "who", "which", "what", "how", "why"})
"""First words that make a run of words part of another clause, not a claim to ask about."""


def ask_clause(words: str, finite: bool = True) -> str | None:
    """A clause short enough to ask about, up to a semicolon or dash, and up to its first comma when
    what comes before has four words or more; without its closing punctuation. None when it is too
    short or long, holds quotation marks, or starts with a word that makes it part of another clause
    ('when', 'because'). With `finite`, it must hold an auxiliary verb ('was', 'had', 'will') to be a
    clause rather than a noun phrase."""
    clause = re.split(r"[;—–]| - ", words)[0].strip()
    head = clause.split(",")[0]
    if head != clause and len(head.split()) >= 4:
        clause = head
    clause = clause.strip().rstrip(".,;:!?\"”’'").strip()
    count = len(clause.split())
    if (count < 3 or count > MAX_CLAUSE_WORDS or (finite and not FINITE.search(clause))
            or any(mark in clause for mark in '"“”') or clause.split()[0].endswith(",")
            or clause.split()[0].lower() in SUBORDINATE):
        return None
    first = clause.split()[0]
    return clause[0].lower() + clause[1:] if first.lower() in LOWER_STARTS else clause


def hedge_question(sentence: str) -> str | None:
    """The question a hedge itself asks: 'unconfirmed reports that X' -> 'Is it true that X?'; 'it is not
    clear whether X' -> 'Is it known whether X?'."""
    found = UNCONFIRMED_THAT.search(sentence)
    if found and (clause := ask_clause(found.group("clause"))):
        return f"Is it true that {clause}?"
    found = UNCLEAR.search(sentence)
    if found and (clause := ask_clause(found.group("clause"), finite=False)):
        return f"Is it known {found.group('wh').lower()} {clause}?"
    return None


def reported_question(sentence: str) -> str | None:
    """The question an account raises: 'X told reporters that Y' -> 'Is it true that Y?'."""
    found = REPORTED_THAT.search(sentence)
    clause = ask_clause(found.group("clause")) if found else None
    return f"Is it true that {clause}?" if clause else None


NUMBER_UNIT = re.compile(r"(?<![\w.,$£€-])(\d*\.?\d+)(?:-| )([A-Za-z]{3,})\b")
"""A number in digits and the word after it: '48-page', '.38 caliber', '8.6-magnitude', '14 countries'."""
WINDOW = 6
"""Words either side of a number that tell what it is about."""
MEASURED = 3
"""Of the words after a number's unit, the first key word among this many names what it measures
('48-page indictment')."""


def numbered_units(sentence: str) -> list[tuple[str, str, str, frozenset[str], frozenset[str]]]:
    """(value as written, unit stem, unit as written, key words right after it, key words around it) of
    each number in digits followed by a word."""
    found = []
    for m in NUMBER_UNIT.finditer(sentence):
        unit = m.group(2).lower()
        if unit in STOPWORDS:
            continue
        before = sentence[: m.start()].split()[-WINDOW:]
        after = sentence[m.end():].split()[:WINDOW]
        measured = next((key_terms(w) for w in after[:MEASURED] if key_terms(w)), frozenset())
        around = key_terms(" ".join([*before, *after])) - {stem(unit)}
        found.append((m.group(1), stem(unit), unit, measured, around))
    return found
