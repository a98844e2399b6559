"""Stage `extract` (speech): find what was said in each paragraph, with the words naming the speaker.

Every form is found on the text alone, per article, with offsets into the paragraph:

- a direct quote with its attribution after it ('"...," the minister said', '"...," said X') or
  before it ('X said: "..."', 'X wrote that "..."' when the quote ends the sentence);
- a quote sentence with no attribution of its own continues the statement just before it;
- reported speech: 'X said (that) ...', 'X told Y ...', 'X claimed to ...', '..., X said.',
  '..., confirmed X.', 'According to X, ...', 'X, who added that ...';
- a short quote inside reported speech ('calling it "sabotage"') stays part of the paraphrase;
- the other clauses of a sentence with an attributed quote report words too ('X blamed Y, and later said:
  "..."', 'X told Y "...," and stated that ...', '"...," said X; a date is not set, he said.');
- wire forms: quotes closed by two apostrophes or by the other double mark, 'X told Outlet: "..."',
  '..., X, a doctor at Y, told Outlet late Tuesday.', a quote split by its attribution, an unclosed
  quote running into its own attribution, '"...," he said, adding that ...';
- acts in words, verb included: 'X declined to comment', 'X called for Y to ...', 'X asked Y to ...',
  'X rejected the findings', 'X disagrees', 'X issued a statement urging ...';
- words carried by a speech or a document: 'X delivered a speech arguing that ...', 'X released a video
  statement, claiming ...'; a participle after an act takes the act's subject ('X closed the road,
  saying it was unsafe');
- verbs that count only with a 'that' clause ('the court ruled that', 'prosecutors charged that');
- words held through a possessed noun of speech ('X's position is that ...', 'X's assertion that ...').

Who the speaker is, is decided later (`speakers.py`); this stage only keeps the words.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterator
from dataclasses import dataclass, replace

from ..core.lexicon import GROUP_HEADS, PEOPLE_PLURALS, TITLES
from ..core.models import Article, Paragraph
from ..core.text import sentence_spans

CLAIM_NOUNS = ("claims?|allegations?|accusations?|charges|reports?|criticism|concerns?|suggestions?|"
               "speculation|rumou?rs?|idea|notion|findings?|accounts?|stor(?:y|ies)|fears|warnings?|calls|"
               "questions|complaints?|assertions?|evidence|theory|theories|demands?|requests?|appeals?|"
               "proposals?|offers?|plans?|comparisons?|remarks|comments|statements?|criticisms?|threats?")
"""Nouns for what is said, as the object of a verb that is speech only with them ('dismissed the claims',
not 'dismissed his lawyers')."""
DESCRIBING = frozenset({"described", "describes", "depicted", "depicts", "portrayed", "portrays",
                        "characterized", "characterizes", "characterised", "characterises"})
"""Verbs that are speech with 'as' ('X described the flood as a disaster')."""
SPEECH_VERBS = (
    "said|says|say|saying|stated|states|stating|told|tells|telling|announced|announces|announcing|"
    "claimed|claims|claim|claiming|confirmed|confirms|confirming|denied|denies|deny|denying|added|adds|"
    "adding|wrote|writes|writing|tweeted|tweets|insisted|insists|warned|warns|accused|accuses|praised|"
    "criticized|criticised|condemned|declared|declares|admitted|admits|informed|mentioned|proclaimed|"
    "verified|disavowed|identified|alleged|alleges|argued|asserted|acknowledged|explained|vowed|"
    "urged|reported|rejected|testified|testifies|contended|contends|noted|notes|recalled|stressed|"
    "countered|conceded|concedes|predicted|commented|estimated|estimates|cautioned|"
    "complained|complains|lamented|pledged|promised|asserts|argues|explains|acknowledges|vowed|vows|fumed|"
    "ordered|directed|ruled|concluded|found|determined|blamed|blames|disputed|disputes|disagrees|disagreed|"
    "welcomed|welcomes|condemns|objected|repeated|charged|recommends|recommended|suggests|suggested|"
    "advises|advised|replied|replies|responded|responds|cautions|reiterated|reiterates|emphasized|emphasised|"
    "emphasizes|emphasises|predicts|laments|recounted|recounts|"
    r"(?:revealed|reveals|disclosed|discloses|stresses|concludes|pointed\s+out|points\s+out)"
    r"(?=\s+(?:to\s+(?:[\w’'.-]+\s+){1,8}?)?that\b)|"
    r"(?:promises|pledges)(?=\s+(?:that|to|they|he|she|it|we)\b)|reports(?=\s+that\b)|"
    rf"(?:dismissed|dismisses)(?=\s+(?:[\w’'-]+\s+){{0,3}}?(?:{CLAIM_NOUNS})\b|(?:\s+[\w’'-]+){{1,6}}?\s+as\s)|"
    # 'X described the attack as ...' (not 'X, described as ...', 'which describes itself as ...')
    rf"(?<!,\s)(?<!\bwhich\s)(?<!\bwho\s)(?:{'|'.join(sorted(DESCRIBING))})"
    r"(?!\s+(?:by|itself|themselves|himself|herself)\b)"
    r"(?=(?:\s+(?!as\b)[\w’'-]+){0,8}?\s+as\s)|"
    rf"(?:contests|contested)(?=\s+(?:[\w’'-]+\s+){{0,3}}?(?:{CLAIM_NOUNS})\b)|"
    rf"(?:maintained|maintains)(?=\s+that\b|\s+(?:[\w’'-]+\s+){{0,2}}?(?:innocence|position|stance|view|"
    rf"{CLAIM_NOUNS})\b)|"
    r"(?<!\bto\s)(?:suggest|warn|argue|insist|allege|contend|acknowledge|admit|concede|predict|maintain|"
    r"stress|explain|caution|reveal|point\s+out)(?=\s+that\b)|"
    r"read(?=\s+(?:a|the|an)\s+(?:[\w-]+\s+)?(?:statement|post|letter|tweet|message|notice|release)\b)|"
    r"(?:put|puts)(?=\s+(?:the|its|their|his|her)\s+(?:[\w-]+\s+)?(?:figure|toll|number|cost|count|total|"
    r"estimate|bill|damage|losses|crowd|turnout)\s+at\b)"
)
VERB = re.compile(rf"\b(?:{SPEECH_VERBS})\b", re.IGNORECASE)
QUOTE_VERBS = ("continued|continues|asked|asks|wondered|joked|quipped|shouted|yelled|screamed|exclaimed|"
               "whispered|mumbled|muttered|chanted|pleaded|begged|boasted|bragged|sighed")
"""Verbs that say how words were said, speech only next to a quote ('"...," she continued', 'the crowd
chanted "..."')."""
QUOTE_VERB = re.compile(rf"\b(?:{SPEECH_VERBS}|{QUOTE_VERBS}|read|reads)\b", re.IGNORECASE)
"""A speech verb after a quote, where 'read' is one too ('"...," the letter read')."""
VERB_AT_END = re.compile(rf"\s+(?:{SPEECH_VERBS})\s*,?$", re.IGNORECASE)
"""A speech verb closing the words before a participle ('X said, adding ...')."""
THAT_VERBS = frozenset({"ordered", "directed", "ruled", "concluded", "found", "determined", "repeated",
                        "charged", "responded", "responds"})
"""Verbs that report speech only with a 'that' clause ('the court ruled that ...', not 'ruled out')."""
THAT_AFTER = re.compile(r"\s+(?:[\w’'-]+\s+){0,4}?that\s")
PARTICIPLE_LEADS = frozenset({"saying", "claiming", "adding", "writing", "stating", "announcing",
                              "confirming", "denying", "telling"})
"""'..., adding that ...': a participle carries on the statement of the clause before it."""
AUXILIARY = re.compile(
    r"(?:\s+(?:has|have|had|also|both|further|then|later|all|now|already|again|reportedly|"
    r"previously|repeatedly|went\s+on\s+to|would|will|did|does|do|is|was|were|are|not|never|"
    r"publicly|officially|often|always|since|heard|(?-i:(?!(?:family|assembly|ally|rally|supply|anomaly|monopoly)\b)"
    r"[a-z]\w*ly)))+\s*$", re.IGNORECASE)
BOUNDARY = re.compile(
    r"(?:[;:]|\((?![A-Z][\w&.-]{1,12}\))|—|–\s|\s-\s|,\s+(?:and|but|while|although|though|however|as|because|whereas|so|since|after|"
    r"before|when|where|if)\s|\s(?:but|while|although|though|whereas|because|since|after|before|"
    r"when|where|if|that|as|what)\s|\s(?:in|under|by|for|of|to|with|from|on|at|during|after|before|since|until|"
    r"through)\s+which\s)", re.IGNORECASE)
INTRO = re.compile(
    r"^(?:(?:on|in|at|per|as\s+per|as|according\s+to|later|earlier|late|overnight|after|before|during|"
    r"since|meanwhile|however|also|then|separately|yesterday|today|monday|tuesday|wednesday|thursday|"
    r"friday|saturday|sunday|for|by|with|from|last|this|speaking|asked|in\s+a|in\s+an)\b[^,]*,\s*|"
    r"[a-z]+ing\s+[^,]+,\s*)+",
    re.IGNORECASE)
ACCORDING = re.compile(r"\b(?:according\s+to|as\s+per|per|by(?=\s+[^,.;]{1,60}?['’]s?\s+"
                       r"(?:count|estimate|tally|reckoning|calculations?)\s*,))\s+", re.IGNORECASE)
"""Words before a source: 'according to X', 'per X', and 'by X's count (estimate, tally),'."""
CHANNEL = re.compile(
    r"\b(?:in|on|via|through|during|to)\s+(?:(?:a|an|the|its|his|her|their|our|a\s+brief)\s+)?"
    r"(?:[\w’'-]+\s+){0,3}?(?:statement|video(?:\s+statement)?|message|post|tweet|interview|address\w*|"
    r"briefing|broadcast|channel|social\s+media|conference|speech|letter|website|Telegram|Twitter|X|"
    r"Instagram|YouTube|indictment|complaint|filing|lawsuit|ruling|affidavit|motion|petition|report|"
    r"advisory|bulletin|alert|release|notice|memo|email|e-mail|documents?)\b"
    r"(?:\s+(?:message|channel|post|video|account|statement)\b)?"
    r"(?:\s+(?:unsealed|filed|released|issued|published|posted|sent|made\s+public)\b)?"
    r"|\btold\s+(?:(?!that\b)[\w’'-]+\s+){0,4}(?:media|[A-Z][\w’'-]+)(?=[\s,.;:]|$)"
    r"|\b(?:[Aa]ccording\s+to|[Aa]s\s+per|[Pp]er)\s+(?:[\w’'-]+\s+){0,6}?[\w’'-]+(?=\s*[,.;:]|\s*$)"
    r"|\b(?:tweeted|wrote|writing|posted)\b")
SPEAKING_NOUNS = TITLES | GROUP_HEADS | {"authorities", "officials"}
"""Nouns that can end a speaker phrase after the verb ('..., said the ministry')."""
OPEN_QUOTES = "“\""
CLOSE_FOR = {"“": "”", "\"": "\""}
MAX_SPEAKER_WORDS = 24
LOOKBACK = 60
"""Characters read back from a position for a short pattern that must end there (a comma, an article,
'where', a speech verb before a quote). In a paragraph, whose spaces are single, each such pattern is
shorter than this, so reading this much finds what reading back to the sentence start would."""
AUXILIARY_WINDOW = 150
"""Characters read back from a verb for the auxiliaries and adverbs right before it ('has also
repeatedly'); no run of them in a news sentence comes near this."""
SUBJECT_WINDOW = 400
"""Characters read back from a speech verb for the clause that names its speaker. A speaker is at most
MAX_SPEAKER_WORDS words, so a clause that starts further back names no speaker a reader would take."""
SPEAKER_WINDOW = 400
"""Characters read after a verb (or a quote) for the words naming the speaker, on the same grounds."""
MAX_UNIT = 2000
"""A unit longer than this is read in pieces of at most this many characters, cut at spaces.

Reading a speech verb looks over its whole unit, so a unit of any length would cost its length
times its verbs. No news sentence (nor a quote run across a few) comes near this; only pathological
text is cut, and each piece is then read as a sentence of its own.
"""
PASSIVE = re.compile(r"\b(?:was|were|is|are|been|be|being|get|got)\s+(?:(?:\w+ly|all|also|not|both)\s+)*$",
                     re.IGNORECASE)
"""'was informed', 'has not been independently confirmed': passive, no speaker in subject position."""
ASIDE = re.compile(r",\s+(?:which|who)\s[^,]*,")
"""A relative clause between commas inside a subject ('X, which describes itself as ..., said')."""
NEW_PREDICATE = re.compile(r",?\s+(?:but|and)\s+then\s+(?:\w+ly\s+)?[a-z]+ed\s")
"""'... had nothing to do with it but then wryly compared ...': the subject's next act, not its words."""
COORDINATED = re.compile(
    r"(?:,\s+(?:but|while|although|whereas|and|however|as)(?:\s+(?:now|then|\w+ly))?|;"
    r"|(?<=[”\"?!])\s+(?:but|while|whereas))\s+\Z")
"""A second statement in one sentence starts after ', but' ('X said A, but Y said B')."""
LEADING_ADVERB = re.compile(r"(?:(?:later|then|also|earlier|meanwhile|now|separately|but|and|yet|still|today|"
                            r"yesterday|tonight|at\s+one\s+point|at\s+first|at\s+times)\s+)+", re.IGNORECASE)
FORBIDDEN_SUBJECT = re.compile(r"^(?:it\s+is|there\s+(?:is|are|was|were)|this\s+is)\b", re.IGNORECASE)
LEAD_VERB = re.compile(rf"\b(?:{SPEECH_VERBS}|{QUOTE_VERBS})\b(?:(?:\s+(?:in|on|at|during|before|to)"
                       rf"(?:\s+[\w’'-]+){{1,9}}?)?"
                       rf"\s+(?:that|in\s+part)|\s+(?-i:(?:the\s+)?[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*){{0,3}})"
                       rf"(?=\s*:)|(?<=told)\s+(?-i:(?:the\s+)?[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*){{0,3}}))?"
                       rf"\s*[:,]?\s*$", re.IGNORECASE)
"""A speech verb right before a quote ('X said: "...'), read up to the quote."""
ARTICLE_BEFORE = re.compile(r"\b(?:a|an|the|its|their|his|her)\s+$", re.IGNORECASE)
COMMA_BEFORE = re.compile(r",\s*$")
WHERE_BEFORE = re.compile(r"\b(?:where|when)\s+$", re.IGNORECASE)
ACCORDING_BEFORE = re.compile(r"according\s+to\s+$")
ATTRIBUTION_TAIL = re.compile(r",\s+(?:as\s+per|according\s+to|per)\s+[^,]*$")
"""A trailing ', as per X.' or ', according to X.' on a reported clause, from the clause's last comma."""
ABBREVIATION_DOT = r"(?<!\b[A-Z])(?<!\bJr)(?<!\bSr)(?<!\bDr)(?<!\bSt)(?<!\bMr)(?<!\bMs)(?<!\bMrs)\."
"""A full stop that ends a sentence, not an initial ('Ana M. Ruiz') or a short title ('Dr.', 'Jr.')."""
SPEAKER_END = (rf"\s+(?:on|in|via|as|while|after|when|who|which|that|to)\s|{ABBREVIATION_DOT}|[;:!?]|"
               r"\s[-–—]\s|,\s+(?:[a-z]+ly\s+)?[a-z]{2,}ing\b|$")
SPEAKER_STOP = re.compile(rf"(?:{SPEAKER_END})")
SPEAKER_STOP_COMMA = re.compile(rf"(?:{SPEAKER_END}|,)")
"""Where the words naming a speaker after the verb end: a channel, a new clause (or a comma)."""
SPEAKER_LEAD = re.compile(r"\s*(?:by\s+)?")


@dataclass(frozen=True, order=True)
class Span:
    """A stretch of a paragraph: [start, end) offsets."""

    start: int
    """First character."""
    end: int
    """One past the last character."""

    def of(self, text: str) -> str:
        """The words of the span."""
        return text[self.start:self.end]


@dataclass(frozen=True, order=True)
class Utterance:
    """Words said, as found in one paragraph, before the speaker is known."""

    source: str
    """Source id."""
    paragraph: str
    """Paragraph id."""
    said: Span
    """The words said: inside the quote marks, or the reported clause."""
    kind: str
    """'quote' (verbatim between marks) or 'paraphrase' (the outlet's wording)."""
    speaker: Span | None
    """The words naming the speaker; None for a quote that carries on the one before it; an empty span
    for a quote cut off before its attribution (it carries on no one)."""
    sentence: Span
    """The sentence or sentences that hold it (the citation quotes them)."""
    channel: str | None
    """How it reached the article where the text says ('in a statement', 'told X'), verbatim."""
    verb: str = ""
    """The speech verb as written ('said', 'denied'), '' when there is none."""


def find_utterances(article: Article) -> tuple[Utterance, ...]:
    """Every statement of an article in reading order."""
    found: list[Utterance] = []
    for paragraph in article.paragraphs:
        if paragraph.kind != "heading":
            found.extend(_paragraph_utterances(article.id, paragraph))
    return tuple(found)


def _paragraph_utterances(source: str, paragraph: Paragraph) -> Iterator[Utterance]:
    text = paragraph.text
    quotes = find_quotes(text)
    starts = [q.start for q in quotes]
    masked = _mask(text, quotes)
    for unit in _units(text, quotes):
        inside = quotes[bisect_left(starts, unit.start):bisect_left(starts, unit.end)]
        channels = list(CHANNEL.finditer(text, unit.start, unit.end))
        pairs = [(q, u) for q in inside
                 if (u := _direct(source, paragraph.id, text, masked, unit, q, channels))]
        if pairs:
            zones = [Span(min(q.start, u.speaker.start), max(q.end, u.speaker.end)) for q, u in pairs
                     if u.speaker is not None and u.speaker.end > u.speaker.start]
            if zones:
                yield from _beside_quotes(source, paragraph.id, text, masked, unit,
                                          _clause_before_quotes(masked, unit, zones[0]))
            yield from (u for _, u in pairs)
            quote, last = pairs[-1]
            if last.speaker is not None:  # read after the attributed quote, not a quote in the added words
                yield from _participle_after(source, paragraph.id, masked, unit, quote.end, last.speaker)
                if zones:
                    yield from _after_quotes(source, paragraph.id, text, masked, unit, zones[-1], last)
            continue
        yield from _reported(source, paragraph.id, masked, unit, channels)


CLAUSE_JOINT = re.compile(r";\s*|,\s+(?:and|but)\s+|(?<=[”\"])\s+(?:and|but)\s+")
"""Where one clause of a sentence ends and the next begins: a semicolon, ', and', ', but'."""
JOINED_VERB = re.compile(rf"(?:(?:also|then|later)\s+)?(?P<verb>{SPEECH_VERBS})\b", re.IGNORECASE)
"""A speech verb that opens a clause joined to the one before, sharing its subject ('..., and stated ...')."""


def _clause_before_quotes(masked: str, unit: Span, zone: Span) -> Span | None:
    """The clauses of a sentence before the one holding its first attributed quote ('X blamed Y, and
    later he said: "..."'): up to the last clause joint before the quote's clause, or None."""
    joints = list(CLAUSE_JOINT.finditer(masked, unit.start, zone.start))
    return Span(unit.start, joints[-1].start()) if joints else None


def _beside_quotes(source: str, pid: str, text: str, masked: str, unit: Span,
                   clause: Span | None) -> Iterator[Utterance]:
    """Reported speech in a clause of a sentence that also holds an attributed quote, cited by the
    whole sentence."""
    if clause is None or not _has_words(clause.of(masked), 3):
        return
    for u in _reported(source, pid, masked, clause, list(CHANNEL.finditer(text, clause.start, clause.end))):
        yield replace(u, sentence=unit)


def _after_quotes(source: str, pid: str, text: str, masked: str, unit: Span, zone: Span,
                  last: Utterance) -> Iterator[Utterance]:
    """The clause after an attributed quote: 'X told Y "...," and stated that ...' (X goes on), or a clause
    of its own ('"...," said X; a date is not set, he said.')."""
    joint = CLAUSE_JOINT.search(masked, zone.end, unit.end)
    if joint is None or PARTICIPLE_AFTER.match(masked, zone.end):
        return
    gap = masked[zone.end:joint.start()].strip(" ,”\"")
    verb = VERB.match(gap)
    attribution = verb is not None and _only_channel(gap[verb.end():], verb.group(0))
    if gap and not attribution and not joint.group(0).startswith(";"):
        return  # ', and' inside other words after the quote's attribution, not right after it
    verb = JOINED_VERB.match(masked, joint.end(), unit.end)
    if verb is not None and last.speaker is not None:
        said = _clause_after(masked, verb.end(), unit.end)
        if said:
            yield Utterance(source, pid, said, "paraphrase", last.speaker, unit, None, verb.group("verb"))
        return
    yield from _beside_quotes(source, pid, text, masked, unit, Span(joint.end(), unit.end))


PARTICIPLE_AFTER = re.compile(r",\s+(?:adding|saying|explaining|noting|stressing|insisting|warning)"
                              r"(?:\s+that)?\s+(?=[a-z\w])", re.IGNORECASE)
"""', adding that ...' after a quote's attribution: the same speaker goes on, in the outlet's words."""


def _participle_after(source: str, pid: str, masked: str, unit: Span, after: int,
                      speaker: Span) -> Iterator[Utterance]:
    """'"...," he said, adding that X.': X, a paraphrase by the quote's speaker."""
    lead = PARTICIPLE_AFTER.search(masked, max(after, speaker.end), unit.end)
    if lead is None:
        return
    said = _strip_span(masked, Span(lead.end(), unit.end), " .,")
    if _has_words(said.of(masked), 3):
        verb = lead.group(0).strip(" ,").split()[0]
        yield Utterance(source, pid, said, "paraphrase", speaker, unit, None, verb)


def find_quotes(text: str) -> list[Span]:
    """Spans of double-quoted passages including their marks; an unclosed quote runs to the end."""
    spans: list[Span] = []
    i = 0
    while i < len(text):
        mark = text[i]
        if mark in OPEN_QUOTES:
            close, width = _close_of(text, mark, i + 1)
            end = len(text) if close < 0 else close + width
            if end - i > 2:
                spans.append(Span(i, end))
            i = end
        else:
            i += 1
    return spans


def _close_of(text: str, mark: str, start: int) -> tuple[int, int]:
    """Where the quote opened by `mark` closes, and the closing mark's width; (-1, 0) if it does not.

    Wire copy often closes a straight double quote with two apostrophes ('"We are ready,\'\' he said'):
    those close it when they come before the next double quote mark.
    """
    close = text.find(CLOSE_FOR[mark], start)
    other = text.find("”" if mark == "\"" else "\"", start, close if close >= 0 else len(text))
    if other >= 0 and not _opens_quote(text, other):
        close = other  # '"We are ready,” he said': a quote opened with one mark and closed with the other
    if mark == "\"":
        doubled = text.find("''", start, close if close >= 0 else len(text))
        if doubled >= 0:
            return doubled, 2
    return close, 0 if close < 0 else 1


def _opens_quote(text: str, at: int) -> bool:
    """Whether a straight double quote mark opens a quote: a space or start before it, a word after it."""
    return text[at] == "\"" and (at == 0 or text[at - 1].isspace() or text[at - 1] in "([—–") \
        and at + 1 < len(text) and not text[at + 1].isspace()


def _closing_width(text: str, end: int) -> int:
    """How many characters of a closing quote mark end text[:end]: 2 for two apostrophes, 1 for a
    double quote mark, 0 for none."""
    if text.endswith("''", 0, end) and end >= 3 and text[end - 3] != "'":
        return 2
    return 1 if end >= 1 and text[end - 1] in "”\"" else 0


def _mask(text: str, quotes: list[Span]) -> str:
    """The text with quoted words blanked out, so verbs inside a quote are not read as attribution."""
    chars = list(text)
    for q in quotes:
        for k in range(q.start + 1, max(q.start + 1, q.end - 1)):
            if chars[k] not in "\n":
                chars[k] = "_" if chars[k].isalnum() else chars[k]
    return "".join(chars)


def _units(text: str, quotes: list[Span]) -> list[Span]:
    """Sentences, joined where a quote runs across a sentence boundary; cut where over MAX_UNIT."""
    units: list[Span] = []
    starts = [q.start for q in quotes]
    for start, end in sentence_spans(text):
        tail = text[start:end]
        attribution = (units and _closing_width(text, units[-1].end) > 0 and len(tail.split()) <= 8
                       and QUOTE_VERB.search(tail) is not None)
        if units and (attribution or _inside(quotes, starts, start)):
            units[-1] = Span(units[-1].start, end)
        else:
            units.append(Span(start, end))
    return [piece for unit in units for piece in _pieces(text, unit)]


def _inside(spans: list[Span], starts: list[int], at: int) -> bool:
    """Whether `at` lies strictly inside one of the sorted, disjoint spans (`starts`: their starts)."""
    k = bisect_left(starts, at) - 1
    return k >= 0 and at < spans[k].end


def _pieces(text: str, unit: Span) -> list[Span]:
    """The unit itself, or for one over MAX_UNIT characters, pieces of at most that size cut at spaces."""
    pieces: list[Span] = []
    start = unit.start
    while unit.end - start > MAX_UNIT:
        cut = text.rfind(" ", start + 1, start + MAX_UNIT)
        if cut < 0:
            cut = text.find(" ", start + MAX_UNIT, unit.end)
            if cut < 0:
                break
        pieces.append(Span(start, cut))
        start = cut
        while start < unit.end and text[start].isspace():
            start += 1
    pieces.append(Span(start, unit.end))
    return pieces


def _inner(text: str, quote: Span) -> Span:
    """The words between the marks (an unclosed quote keeps its last character)."""
    width = _closing_width(text, quote.end) if quote.end - quote.start > 2 else 0
    span = Span(quote.start + 1, quote.end - width)
    inner = span.of(text)
    lead, trail = len(inner) - len(inner.lstrip()), len(inner) - len(inner.rstrip(" ,"))
    return Span(span.start + lead, span.end - trail)


def _direct(source: str, pid: str, text: str, masked: str, unit: Span, quote: Span,
            channels: list[re.Match[str]]) -> Utterance | None:
    """A quote that stands as a statement: attributed before or after, or alone in its sentence."""
    before = masked[unit.start:quote.start]
    after = masked[quote.end:unit.end]
    said = _inner(text, quote)
    if not before.strip():
        verb = _verb_after(masked, quote.end, unit.end)
        mark = _closing_width(text, quote.end) or 1
        last = text[quote.end - mark - 1:quote.end - mark].strip("’'") or text[quote.end - mark - 2:
                                                                             quote.end - mark - 1] or " "
        ends_clause = re.match(r"^[,.!?]?\s*$", last) is not None
        if verb and ends_clause and len(masked[quote.end:verb.start()].split()) <= MAX_SPEAKER_WORDS:
            speaker = _speaker_around(masked, verb.start(), verb.end(), quote.end, unit.end)
            if speaker:
                return Utterance(source, pid, said, "quote", speaker, unit, _channel(channels, quote),
                                 verb.group(0))
        if not after.strip(" .") and not verb:
            inside = UNCLOSED_ATTRIBUTION.search(text, said.start, said.end) \
                if _closing_width(text, quote.end) == 0 else None
            if inside:  # an unclosed quote ending '..., X, a manager at Y, says.': X speaks
                words = _strip_span(text, Span(said.start, inside.start()), " ,")
                who = Span(inside.start("who"), inside.end("who"))
                return Utterance(source, pid, words, "quote", who, unit, None, inside.group("verb"))
            if _closing_width(text, quote.end) == 0 and not re.search(r"[.!?…][’'\])]*\s*$", said.of(text)):
                # a quote cut off mid-sentence: its attribution is lost, so it continues no one
                return Utterance(source, pid, said, "quote", Span(quote.start, quote.start), unit, None)
            return Utterance(source, pid, said, "quote", None, unit, None)
        return None
    lead = LEAD_VERB.search(masked, max(unit.start, quote.start - LOOKBACK), quote.start)
    tail_ok = TAIL_AFTER_QUOTE.match(after) is not None
    if lead and tail_ok:
        verb = QUOTE_VERB.search(lead.group(0))
        closed = max(masked.rfind(mark, unit.start, lead.start()) for mark in "”\"")
        start = closed + 1 if closed >= 0 else unit.start  # '"A," he said, "B."': the words after A's close
        speaker = _subject(masked, start, lead.start(), verb.group(0).lower() if verb else "said")
        if speaker:
            return Utterance(source, pid, said, "quote", speaker, unit, _channel(channels, quote),
                             verb.group(0) if verb else "")
    return None


UNCLOSED_ATTRIBUTION = re.compile(
    r",\s+(?P<who>[A-Z][^,“”\"]{1,80}?(?:,\s+[^,“”\"]{2,120}?,)?)\s+(?P<verb>says|said|adds|added|writes|wrote)"
    r"\s*[.!?]?\s*$")
"""The attribution a quote left unclosed runs into: ', X, a manager at Y, says.' at its end."""


TAIL_AFTER_QUOTE = re.compile(
    r"[\s.]*(?:$|[-–—]\s)|\s*,?\s*(?:and|but)\s+(?:then\s+)?(?:[a-z]+ed|said|went|left|sat|stood|fell|ran|"
    r"took|gave|made)\b"
    r"|\s*,\s+(?:adding|saying|explaining|noting|stressing|insisting|warning)\b"
    )
"""What may follow a quote introduced by 'X said': nothing, a dash, the same subject's next act ('and
said no more'), or a participle that carries on its words ('X told Y: "...", adding that ...')."""


def _verb_after(masked: str, start: int, end: int) -> re.Match[str] | None:
    """The first speech verb in masked[start:end], looked for in the first SPEAKER_WINDOW characters only:
    a verb further on has more than MAX_SPEAKER_WORDS words before it."""
    high = min(end, start + SPEAKER_WINDOW)
    verb = QUOTE_VERB.search(masked, start, high)
    if verb and high < end and verb.end() == high and (masked[high].isalnum() or masked[high] == "_"):
        return None  # the window cut a longer word, which is no verb
    return verb


def _reported(source: str, pid: str, masked: str, unit: Span,
              channels: list[re.Match[str]]) -> Iterator[Utterance]:
    """Reported speech in one sentence: each clause's speech verb with its subject, or 'according to X'."""
    found: list[tuple[Span, Span, str]] = []
    for verb in VERB.finditer(masked, unit.start, unit.end):
        pair = _reported_at(masked, unit, verb)
        if not pair or (found and pair[0].start < found[-1][0].end):
            continue
        if found and _closes_sentence(masked, unit, verb) and pair[1].start <= found[0][0].start:
            found = [(*pair, verb.group(0))]  # '..., X told Y that ..., the report said.': the report speaks
            continue
        if found and verb.start() < found[-1][1].end:
            if not COORDINATED.search(masked, max(unit.start, pair[0].start - LOOKBACK), pair[0].start):
                continue
            found[-1] = (found[-1][0], _cut_at(masked, found[-1][1], pair[0].start), found[-1][2])
        found.append((*pair, verb.group(0)))
    found = [(who, _past_as(masked, _before_declined(masked, words), verb_word), verb_word)
             for who, words, verb_word in found]
    for who, words, verb_word in found:
        channel = _channel(channels, None, who)
        yield Utterance(source, pid, words, "paraphrase", who, unit, channel, verb_word)
    yield from _declined(source, pid, masked, unit, found)
    yield from _issued(source, pid, masked, unit, found)
    yield from _possessed(source, pid, masked, unit, found)
    according = ACCORDING.search(masked, unit.start, unit.end)
    if not according or not according.group(0).lower().startswith(("according", "by")):
        return
    leading = not masked[unit.start:according.start()].strip()
    if not leading and according.group(0).lower().startswith("by"):
        return  # 'By X's count, A.' opens its sentence; a 'by ...' inside one is read no further
    speaker = (_leading_according(masked, according.end(), unit.end) if leading else None) \
        or _speaker_after(masked, according.end(), unit.end, comma_ends=True) \
        or _collective_after(masked, according.end(), unit.end)
    if not speaker or any(not _overlaps(s, Span(according.start(), speaker.end)) for s, _, _ in found):
        return
    rest = _strip_span(masked, Span(speaker.end, unit.end), " ,.")
    before = _clause_before(masked, unit.start, Span(according.start(), according.end()))
    trailing = before is not None and COMMA_BEFORE.search(masked, max(unit.start, according.start() - 3),
                                                           according.start()) is not None
    if trailing and APPOSITIVE_REST.fullmatch(rest.of(masked)):
        said: Span | None = before  # '..., according to X, spokesman for Y.': the words before
    else:
        said = rest if len(rest.of(masked).split()) >= 3 else before
    if said and not any(d.start <= said.start and said.end <= d.end for _, d, _ in found):
        yield Utterance(source, pid, said, "paraphrase", speaker, unit, None)


FREE_RELATIVE = re.compile(r"\bwhat\s+$", re.IGNORECASE)
"""'what' right before a speaker: 'what X said' names words it does not give ('I agree with what X
said'), unless a copula gives them ('what they said was a bribe')."""
COPULA_AFTER = re.compile(r"\s+(?:was|were|is|are|had\s+been|has\s+been|would\s+be)\b")


def _past_as(masked: str, words: Span, verb: str) -> Span:
    """'what X described as "reckless"': the words said are what follows 'as'."""
    if verb.lower() in DESCRIBING and masked.startswith("as ", words.start):
        return Span(words.start + 3, words.end)
    return words


COLLECTIVE_SPEAKERS = re.compile(
    r"(?:police|prosecutors|officials|authorities|investigators|witnesses|residents|regulators|analysts|"
    r"experts|researchers|organi[sz]ers|doctors|rescuers|lawyers|activists|"
    r"(?:court\s+|police\s+|public\s+|company\s+|internal\s+)?(?:documents|records|papers|filings))\b")
"""Plural nouns that name a speaker with no article ('according to prosecutors', 'according to court
documents': a document's words, whose issuer is found later, if anywhere)."""
APPOSITIVE_REST = re.compile(r"(?:(?:a|an|the)\s+)?[\w’'-]+(?:\s+[\w’'.-]+){0,12}")
"""The rest of a sentence after a speaker's name that is only a description of them ('spokesman for Y')."""


REQUEST = re.compile(
    r"\b(?:called|calls)\s+(?:for|on)\s+[^.;:!?]*"
    r"|\b(?:asked|asks)\s+(?!(?:about|for|whether|if|why|how|what|when|where|who)\b)(?:[A-Z][\w’'-]*|the\s+\w+|him|her|them)"
    r"(?:\s+[A-Z][\w’'-]*)*\s+to\s+[^.;:!?]*"
    r"|\b(?:is|are|was|were)\s+demanding\s+that\s+[^.;:!?]*|\bdemand(?:ed|s)\s+that\s+[^.;:!?]*"
    r"|\b(?:wants|wanted)\s+(?:to\s+hear\s+from|answers\s+from|(?:[A-Z][\w’'-]*|him|her|them)(?:\s+[A-Z][\w’'-]*)*"
    r"\s+to\s+(?:testify|appear|explain|answer|resign|step\s+down))\b[^.;:!?]*")
"""A request made in words ('X called for Y to Z', 'X asked Y to Z', 'X demanded that ...', 'X wants
to hear from Y', 'X wants Y to testify'): the words said are the request itself, verb included."""
DECLINED = re.compile(
    r"\b(?:declined|declines|refused|refuses)\s+to\s+(?:comment|say|discuss|elaborate|answer|respond|confirm|"
    r"give|specify|name|disclose)\b[^.;:!?]*"
    r"|\bdid\s+not\s+(?:immediately\s+)?(?:respond|reply)\s+to\s+(?:a\s+|several\s+|repeated\s+)?requests?\s+"
    r"for\s+comment\b[^.;:!?]*"
    r"|\bcould\s+not\s+(?:immediately\s+)?be\s+reached\s+for\s+comment\b[^.;:!?]*", re.IGNORECASE)
"""A statement that nothing was said ('X declined to comment on Y'): shown as such, in the outlet's words."""


ISSUED_STATEMENT = re.compile(
    r"\b(?:issued|released|published|posted|put\s+out|delivered|gave|made|read)\s+"
    r"(?P<channel>(?:a|an|the|its|their|his|her)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:statement|notice|warning|advisory|release|letter|message|speech|address|remarks|argument))\b"
    r"[^,.;:!?_]{0,80}?,?\s+"
    r"(?P<verb>saying|urging|warning|calling\s+on|calling\s+for|stating|announcing|asking|claiming|arguing|"
    r"insisting|denying|explaining|detailing|noting|confirming|accusing|blaming|demanding)\s+(?:that\s+)?")
"""'X issued a joint statement on Monday urging Y to ...', 'X delivered a speech arguing that ...': X
speaks; the words after the participle."""
REPORTING_PARTICIPLES = frozenset({"saying", "stating", "announcing", "claiming", "arguing", "insisting",
                                   "explaining", "detailing", "noting", "confirming"})
"""Participles that only report the words after them; the others ('urging', 'denying') keep their verb."""


def _issued(source: str, pid: str, masked: str, unit: Span,
            found: list[tuple[Span, Span, str]]) -> Iterator[Utterance]:
    """A statement issued in a document, its words after 'saying' or 'urging'."""
    for match in ISSUED_STATEMENT.finditer(masked, unit.start, unit.end):
        speaker = _subject(masked, unit.start, match.start(), "said")
        said = _strip_span(masked, Span(match.end(), unit.end), " .,")
        if speaker is None or not _has_words(said.of(masked), 3) \
                or any(_overlaps(said, words) for _, words, _ in found):
            continue
        verb = match.group("verb").split()[0]
        lead = 0 if verb in REPORTING_PARTICIPLES else match.start("verb") - match.end()
        said = Span(said.start + lead, said.end) if lead else said
        yield Utterance(source, pid, said, "paraphrase", speaker, unit, match.group("channel"), verb)


POSSESSED_WORDS = re.compile(
    r"(?<![\w’'])(?P<who>(?:the\s+[a-z]+)|(?:[A-Z][\w.-]*\s+){0,5}[A-Z][\w.-]*)['’]s\s+"
    r"(?P<noun>position|stance|view|argument|contention|assertion|claim|allegation|insistence|advice|"
    r"recommendation|explanation|conclusion)"
    r"(?:\s+(?:is|was|remains|has\s+been|had\s+been))?\s+(?:that|to)\s+")
"""'X's stance is that ...', 'X's advice is to ...', 'X's assertion that ...': words a speaker is said to
hold, reported through a noun of speech; X speaks them."""
POSSESSED_END = re.compile(r",\s+(?:which|while|but|however|and|although|whereas)\s|;|\s[—–]\s|$")
"""Where words held through a noun of speech end: a new clause of the reporter's."""


def _possessed(source: str, pid: str, masked: str, unit: Span,
               found: list[tuple[Span, Span, str]]) -> Iterator[Utterance]:
    """Words reported through a possessed noun of speech ('X's position is that ...')."""
    for match in POSSESSED_WORDS.finditer(masked, unit.start, unit.end):
        held = match.group(0).split()[-2].lower() in ("is", "was", "remains", "been")
        if not held and not re.search(r"\b[a-z]+\s+$", masked[max(unit.start, match.start() - LOOKBACK):
                                                               match.start()]):
            continue  # 'X's claim that A was false': the noun heads a clause that goes on past A
        end = POSSESSED_END.search(masked, match.end(), unit.end)
        said = _strip_span(masked, Span(match.end(), end.start() if end else unit.end), " .,")
        speaker = Span(match.start("who"), match.end("who"))
        if not _has_words(said.of(masked), 3) or "_" in speaker.of(masked) \
                or any(_overlaps(said, words) or _overlaps(speaker, words) for _, words, _ in found):
            continue
        yield Utterance(source, pid, said, "paraphrase", speaker, unit, None)


def _before_declined(masked: str, said: Span) -> Span:
    """'X said A but declined to comment': the reported words end before 'but declined'."""
    match = DECLINED.search(masked, said.start, said.end)
    if match is None:
        return said
    joint = re.search(r"(?:,?\s+(?:but|and)(?:\s+\w+ly)?\s+)$", masked[said.start:match.start()])
    if joint is None:
        return said
    cut = _strip_span(masked, Span(said.start, said.start + joint.start()), " ,")
    return cut if _has_words(cut.of(masked), 3) else said


def _declined(source: str, pid: str, masked: str, unit: Span,
              found: list[tuple[Span, Span, str]]) -> Iterator[Utterance]:
    """'X declined to comment', 'X did not respond to a request for comment': the subject of the clause,
    or, after 'but' ('X said A but declined to comment'), the speaker of the statement before."""
    acts = [*DECLINED.finditer(masked, unit.start, unit.end), *REQUEST.finditer(masked, unit.start, unit.end)]
    for match in sorted(acts, key=lambda m: m.start()):
        words = _strip_span(masked, Span(match.start(), match.end()), " ,")
        if any(_overlaps(words, said) for _, said, _ in found):
            continue
        before = masked[max(unit.start, match.start() - LOOKBACK):match.start()]
        speaker = None
        if re.search(r"\b(?:but|and)\s+(?:\w+ly\s+)?$", before) and found:
            speaker = found[-1][0]
        if speaker is None:
            speaker = _subject(masked, unit.start, match.start(), "said")
        if speaker is not None:
            verb = match.group(0).split()[0].lower()
            yield Utterance(source, pid, words, "paraphrase", speaker, unit, None, verb)


COLLECTIVE_SUBJECT = re.compile(r"(?:police|cops|officers|prosecutors|officials|authorities|investigators|"
                                r"regulators)(?:\s+(?:officials|sources|spokes(?:man|woman|person)))?")
"""A lower-case collective subject ('police officials said', 'after police say ...')."""


def _leading_according(masked: str, start: int, end: int) -> Span | None:
    """'According to the officers involved in the arrest, ...': the speaker runs to the comma."""
    comma = masked.find(", ", start, min(end, start + SPEAKER_WINDOW))
    if comma < 0:
        return None
    span = _strip_span(masked, Span(start, comma), " ,")
    words = span.of(masked)
    if not words or "_" in words or len(words.split()) > MAX_SPEAKER_WORDS:
        return None
    if not re.match(r"^(?:the|a|an|one|[A-Z])", words):
        if not ROLE_THEN_NAME.search(words):
            return None
        joint = words.rfind(" and ")  # 'former judge and current counsel X': the roles of one person
        span = Span(span.start + joint + 5, span.end) if joint >= 0 else span
    return span


ROLE_THEN_NAME = re.compile(r"^[a-z][\w’'-]*\s.*\s[A-Z][\w’'.-]*\s+[A-Z][\w’'.-]*$")
"""Lower-case role words ending in a full name ('former judge and current counsel Ana Ruiz')."""


UNNAMED_REPORTS = re.compile(r"(?:(?:unconfirmed|initial|early|local|media|news|several|many|conflicting|"
                             r"further|other)\s+)?reports")
"""Reports with no one named behind them ('unconfirmed reports', 'media reports')."""


def _collective_after(masked: str, start: int, end: int) -> Span | None:
    """'according to prosecutors, ...': a bare plural collective as the speaker."""
    lead = SPEAKER_LEAD.match(masked, start, end)
    at = lead.end() if lead else start
    found = COLLECTIVE_SPEAKERS.match(masked, at, end) or MODIFIED_COLLECTIVE.match(masked, at, end)
    return Span(found.start(), found.end()) if found else None


MODIFIED_COLLECTIVE = re.compile(
    rf"(?:[a-z][\w-]*\s+){{1,2}}{COLLECTIVE_SPEAKERS.pattern}(?=\s+(?:who|in|at|on|familiar|close|briefed)\b"
    rf"|\s*[,.;]|\s*$)")
"""A collective with one or two words before it ('security experts who ...', 'local officials')."""


def _reported_at(masked: str, unit: Span, verb: re.Match[str]) -> tuple[Span, Span] | None:
    """The speaker and the reported words of one speech verb, or None if it does not report speech."""
    at = verb.start()
    if (PASSIVE.search(masked, max(unit.start, at - AUXILIARY_WINDOW), at)
            or ARTICLE_BEFORE.search(masked, max(unit.start, at - LOOKBACK), at)):
        return None
    word = verb.group(0).lower()
    rest = masked[verb.end():unit.end]
    if _only_channel(rest, verb.group(0)) or TRAILING_PARTICIPLE.match(rest) or MID_ATTRIBUTION.match(rest):
        tail = _end_attribution(masked, unit, at)
        if tail:
            return tail
    after_comma = COMMA_BEFORE.search(masked, max(unit.start, at - LOOKBACK), at) is not None
    if word in PARTICIPLE_LEADS and after_comma:
        return _participle_of_subject(masked, unit, verb)
    if after_comma:
        after = _speaker_after(masked, verb.end(), unit.end)
        if after and _ends_after(masked, after, unit) and _names_someone(after.of(masked)):
            said_before = _clause_before(masked, unit.start, Span(verb.start(), verb.end()))
            if said_before:
                return after, said_before
    if word in THAT_VERBS and not THAT_AFTER.match(rest):
        return None
    speaker = _subject(masked, unit.start, verb.start(), word)
    lead_end = _before_auxiliaries(masked, max(unit.start, at - AUXILIARY_WINDOW), at)
    fronted = AS_LEAD.search(masked[unit.start:lead_end]) if lead_end - unit.start <= AS_WINDOW else None
    if fronted:  # 'As X noted in Y, <clause>'
        who = Span(unit.start + fronted.start("who"), unit.start + fronted.end("who"))
        return _as_said(masked, unit, who, verb)
    if speaker and POSSESSIVE_END.search(speaker.of(masked)):
        return None  # 'X's claim that ...': after a possessive the word is a noun, not a verb
    if speaker and FREE_RELATIVE.search(masked, max(unit.start, speaker.start - 8), speaker.start) \
            and word not in DESCRIBING and not COPULA_AFTER.match(masked, verb.end()):
        return None  # 'I agree with what X has said - ...': what X said is not given
    if speaker and word == "reports" and (
            not re.search(rf"(?:\b[A-Z][\w.-]*|\b(?:{'|'.join(SPEAKING_NOUNS)}))$", speaker.of(masked))
            or UNNAMED_REPORTS.fullmatch(f"{speaker.of(masked)} reports".lower())):
        return None  # 'Media reports that', 'X received reports that': the noun, not X's verb
    if speaker:
        relative = re.match(r"\s*,?\s*(?:who|which)\b", masked[speaker.end:unit.end])
        whole = relative is not None and ACCORDING_BEFORE.search(
            masked, max(unit.start, speaker.start - LOOKBACK), speaker.start) is not None
        said = (_strip_span(masked, unit, " .") if whole else _clause_after(masked, verb.end(), unit.end)
                or _stance(masked, verb, unit) or _strip_span(masked, unit, " ."))
        if _relative_start(masked, unit, speaker):
            said = _cut_at_comma(masked, said)
        return speaker, said
    speaker = _speaker_after(masked, verb.end(), unit.end)
    if speaker and _ends_after(masked, speaker, unit):
        said_before = _clause_before(masked, unit.start, Span(verb.start(), verb.end()))
        return (speaker, said_before) if said_before else None
    return None


POSSESSIVE_END = re.compile(r"(?<![A-Za-z])(?!(?:he|she|it|that|there|who|what)['’]s$)[\w.-]+['’]s$",
                            re.IGNORECASE)
"""A subject that ends in a possessive ('the ministry's'): the word after it is a noun ('claims')."""


AS_WINDOW = 120
"""Characters from a sentence's start within which 'As X' (with a heading like 'Update:') ends before its
verb; the speaker words of AS_LEAD are at most 80 characters."""
AS_LEAD = re.compile(r"(?:^|[:;]\s+)As\s+(?P<who>(?:the\s|a\s|[A-Z]|[a-z]+\s+[a-z]+)[^,_]{0,80}?)$")
"""'As X noted, ...' at the start of a sentence (or after 'Update:'): X, the words before the verb."""


AS_GAP = re.compile(r"\s+(?:in|on|at|during|before|to)\s+(?:[\w’'-]+\s+){0,4}[\w’'-]+")
"""Where 'As X noted' was noted ('in the comments', 'on Monday'): a short phrase before the comma."""


def _as_said(masked: str, unit: Span, who: Span, verb: re.Match[str]) -> tuple[Span, Span] | None:
    """'As X noted (in Y), <clause>': X speaks the main clause after the comma."""
    comma = masked.find(", ", verb.end(), unit.end)
    gap = masked[verb.end():comma] if comma >= 0 else ""
    if comma < 0 or not (_only_channel(gap, verb.group(0)) or AS_GAP.fullmatch(gap)):
        return None
    said = _strip_span(masked, Span(comma + 2, unit.end), " .")
    short = len(who.of(masked).split()) <= MAX_SPEAKER_WORDS
    return (who, said) if _has_words(said.of(masked), 3) and short else None


FIRST_PREDICATE = re.compile(r"\s(?:is|was|were|are|has|have|had|(?-i:[a-z]{3,}ed))\b")
"""The first finite verb of a clause, for the subject before it ('A jury in the town indicted ...')."""


def _participle_of_subject(masked: str, unit: Span, verb: re.Match[str]) -> tuple[Span, Span] | None:
    """'X closed the road on Monday, saying that it was unsafe': the sentence's subject speaks the words
    after the participle (the participle takes the subject of the clause it follows)."""
    comma = masked.rfind(",", unit.start, verb.start())
    intro = INTRO.match(masked, unit.start, comma)
    start = intro.end() if intro else unit.start
    first = next((m for m in FIRST_PREDICATE.finditer(masked, start, comma)  # not 'the armed men'
                  if not ARTICLE_BEFORE.search(masked, max(start, m.start() - LOOKBACK), m.start() + 1)),
                 None)
    if first is None or masked.find(",", start, first.start()) >= 0:
        return None  # no verb, or an aside before it: the subject is not plain to read
    speaker = _strip_span(masked, Span(start, _before_auxiliaries(masked, start, first.start())), " ,")
    words = speaker.of(masked)
    if not re.match(r"^(?:[A-Z]|the\s|a\s|an\s)", words) or "_" in words \
            or len(words.split()) > MAX_SPEAKER_WORDS or FORBIDDEN_SUBJECT.match(words):
        return None
    said = _clause_after(masked, verb.end(), unit.end)
    return (speaker, said) if said else None


WHEN = re.compile(
    r"(?:\s*,?\s*(?:on\s+|late\s+|early\s+|last\s+|this\s+|on\s+the\s+)?(?:monday|tuesday|wednesday|thursday|"
    r"friday|saturday|sunday|yesterday|today|tonight|morning|afternoon|evening|night|week|weekend|"
    r"at\s+the\s+time|earlier|later))+\s*$", re.IGNORECASE)
"""Time words that may close an attribution ('..., X told Y late Tuesday.')."""


def _only_channel(rest: str, verb: str = "") -> bool:
    """Whether what follows a speech verb (or its speaker) to the sentence end is nothing, a channel
    ('in a statement', 'told Y': `verb` is the verb that begins it), time words ('on Tuesday'), or a
    channel and time words."""
    words = rest.strip(" .!?").strip()
    if not words:
        return True
    when = WHEN.search(words)
    if when:
        words = words[:when.start()].strip(" ,")
        if not words:
            return True
    return CHANNEL.fullmatch(words) is not None or (
        verb.lower() in ("told", "tells") and CHANNEL.fullmatch(f"{verb} {words}") is not None)


STANCE_VERBS = frozenset({
    "rejected", "rejects", "denied", "denies", "deny", "dismissed", "disputed", "disputes", "disagrees",
    "disagreed", "welcomed", "welcomes", "condemned", "condemns", "praised", "criticized", "criticised",
    "blamed", "blames", "agreed", "agrees", "objected", "maintained", "maintains", "contests", "contested"})
"""Verbs whose object is short or absent ('The agency disagrees.', 'X rejected the findings'): the words
said are the verb and its object."""
STANCE_END = re.compile(r"[;:]|,\s+(?:but|while|and|as)\s|$")


def _stance(masked: str, verb: re.Match[str], unit: Span) -> Span | None:
    """'X rejected the findings.', 'The agency disagrees.': the stance itself, verb included."""
    if verb.group(0).lower() not in STANCE_VERBS:
        return None
    end = STANCE_END.search(masked, verb.end(), unit.end)
    span = _strip_span(masked, Span(verb.start(), end.start() if end else unit.end), " .,")
    return span if len(span.of(masked).split()) <= 12 and "_" not in span.of(masked) else None


MID_ATTRIBUTION = re.compile(r",\s+(?:and|but)\s+(?!(?:said|says|added|adds)\b)")
"""'A, the agency said, and B.': an attribution set off by commas inside a sentence speaks for the clause
before it (what the conjunction adds is not plainly the speaker's)."""
TRAILING_PARTICIPLE = re.compile(
    r"\s*,\s+(?!saying|adding|claiming|stating|writing|telling|denying)[a-z]+ing\b")
"""', the agency said, sending people into the streets': a participle after the attribution tells what
happened, so the attribution still closes what came before it."""


def _closes_sentence(masked: str, unit: Span, verb: re.Match[str]) -> bool:
    """Whether a speech verb ends its sentence (', the report said.'), a channel aside."""
    rest = masked[verb.end():unit.end].strip(" .!?").strip()
    return _only_channel(rest, verb.group(0))


def _end_attribution(masked: str, unit: Span, verb_start: int) -> tuple[Span, Span] | None:
    """'..., regional governor X said.': the words after the last comma speak the words before it."""
    end = _before_auxiliaries(masked, unit.start, verb_start)
    comma = masked.rfind(", ", unit.start, end)
    closing = [m.start() for m in CLOSED_COMMA.finditer(masked, max(unit.start, comma), end)]
    if closing:
        comma = closing[-1]  # '... "his own desires," prosecutor X said.'
    if comma < 0:
        return None
    speaker = _strip_span(masked, Span(comma + 1, end), " ,”\"")
    if masked[speaker.end:end].strip() == "," and APPOSITIVE_START.match(speaker.of(masked)):
        named = masked.rfind(", ", unit.start, comma)  # '..., X, a doctor at Y, told Z.': X speaks
        if named >= 0 and re.fullmatch(r"[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*){0,3}", masked[named + 2:comma]):
            speaker, comma = Span(named + 2, speaker.end), named
    said = _clause_before(masked, unit.start, Span(comma, comma + 1))
    words = speaker.of(masked)
    if not said or not words or "_" in words or len(words.split()) > MAX_SPEAKER_WORDS:
        return None
    return speaker, said


CLOSED_COMMA = re.compile(r",[”\"]\s")
"""A comma inside the closing mark of a quote that ends the reported clause."""
APPOSITIVE_START = re.compile(r"(?:a|an|the)\s", re.IGNORECASE)
"""How an appositive describing a name begins ('a doctor at ...', 'the head of ...')."""


def _overlaps(a: Span, b: Span) -> bool:
    return a.start < b.end and b.start < a.end


def _cut_at(masked: str, said: Span, end: int) -> Span:
    """End an earlier clause where the next statement's subject begins (', but Y said ...')."""
    joint = COORDINATED.search(masked, max(said.start, end - LOOKBACK), end)
    cut = min(max(joint.start() if joint else end, said.start), said.end)
    return _strip_span(masked, Span(said.start, cut), " ,;")


def _cut_at_comma(masked: str, said: Span) -> Span:
    """A statement inside a relative clause ends at the clause's comma."""
    comma = masked.find(",", said.start, said.end)
    return said if comma < 0 else _strip_span(masked, Span(said.start, comma), " ,")


def _relative_start(masked: str, unit: Span, speaker: Span) -> bool:
    """Whether the speaker opens a relative clause ('..., where local authorities announced ...')."""
    return WHERE_BEFORE.search(masked, max(unit.start, speaker.start - LOOKBACK), speaker.start) is not None


def _subject(masked: str, start: int, verb_start: int, verb: str = "said") -> Span | None:
    """The words before a speech verb that name who speaks, or None if there are none; a fronted
    participle ('Blaming X for it, Y said') is not the subject, nor is the noun before 'with X saying'.

    Only the SUBJECT_WINDOW characters before the verb are read: when the sentence starts further
    back, a clause boundary must fall inside them, or there is no subject.
    """
    window = verb_start - SUBJECT_WINDOW > start
    if window:
        space = masked.find(" ", verb_start - SUBJECT_WINDOW, verb_start)
        start = space + 1 if space >= 0 else verb_start - SUBJECT_WINDOW
    end = _before_auxiliaries(masked, start, verb_start)
    clause = start
    intro = None if window else INTRO.match(masked[start:end])
    if intro:
        clause += intro.end()
    asides = [Span(*m.span()) for m in ASIDE.finditer(masked, clause, end)]
    aside_starts = [a.start for a in asides]
    for b in BOUNDARY.finditer(masked, clause, end):
        if not _within(asides, aside_starts, b.start()):
            clause = b.end()
    if window and clause == start:
        return None
    lead = LEADING_ADVERB.match(masked, clause, end)
    if lead:
        clause = lead.end()
    span = _strip_span(masked, Span(clause, end), " ,–—-”\"")  # '"...," officials say': not the mark
    trailing = [a for a in asides if a.end >= span.end and a.start > span.start]
    if trailing:  # 'the commissioner X, who is investigating Y, confirmed': X
        span = _strip_span(masked, Span(span.start, trailing[0].start), " ,")
    words = span.of(masked)
    if words[:1].islower() and ", " in words:
        span = _strip_span(masked, Span(span.start + words.rfind(", ") + 1, span.end), " ,")
        words = span.of(masked)
    joined = "," not in masked[span.end:verb_start]  # 'with X saying', not 'with X, saying'
    with_clause = list(re.finditer(r"(?:^|\s)with\s+", words)) if verb.endswith("ing") and joined else []
    if with_clause:  # '..., with one farmer claiming ...': the farmer claims
        span = Span(span.start + with_clause[-1].end(), span.end)
        words = span.of(masked)
    said_before = VERB_AT_END.search(words) if verb in PARTICIPLE_LEADS else None
    if said_before:  # 'X said, adding "..."': X
        span = _strip_span(masked, Span(span.start, span.start + said_before.start()), " ,")
        words = span.of(masked)
    quoted = re.search(r"\bquoted\s+", words)
    if quoted:
        span = Span(span.start + quoted.end(), span.end)
        words = span.of(masked)
    if re.search(r"\band$", words) or (verb in PARTICIPLE_LEADS and re.search(r"\s[a-z]+ed\b", words)):
        return _leading_subject(masked, span)
    if re.search(r"\b(?:who|which)$", words, re.IGNORECASE):
        return _relative_antecedent(masked, start, span.start + words.rfind(" ") + 1 if " " in words
                                    else span.start)
    if not words or len(words.split()) > MAX_SPEAKER_WORDS or "_" in words or FORBIDDEN_SUBJECT.match(words):
        return None
    if not re.match(r"^(?:[A-Z]|the\b|a\b|an\b|one\b|some\b|these\b|this\b|those\b|both\b|he\b|she\b|"
                    r"it\b|they\b|we\b|local\b|[a-z]+-)", words) and not COLLECTIVE_SUBJECT.fullmatch(words) \
            and not TITLED_NAME.fullmatch(words) and not BARE_PLURAL_SUBJECT.match(words):
        return None
    return span


BARE_PLURAL_SUBJECT = re.compile(
    rf"(?:(?!(?:his|her|its|their|our|my|your)\s)[\w’'-]+\s+(?:and\s+)?){{0,3}}?(?:{'|'.join(sorted(PEOPLE_PLURALS))})(?:\s+(?:of|to|in|at|from|for|"
    rf"close\s+to|briefed|familiar|involved)\b.*)?$")
"""A subject with no article whose head is a plural of people: 'witnesses to the crash', 'current and former
employees briefed on the talks', 'members of the brigade', 'others'."""


def _before_auxiliaries(masked: str, start: int, verb_start: int) -> int:
    """Where the words before a verb end, past its auxiliaries and adverbs ('has also') and spaces."""
    aux = AUXILIARY.search(masked, max(start, verb_start - AUXILIARY_WINDOW), verb_start)
    if aux:
        return aux.start()
    end = verb_start
    while end > start and masked[end - 1].isspace():
        end -= 1
    return end


def _within(spans: list[Span], starts: list[int], at: int) -> bool:
    """Whether start <= at < end for one of the sorted, disjoint spans (`starts`: their starts)."""
    k = bisect_right(starts, at) - 1
    return k >= 0 and at < spans[k].end


def _leading_subject(masked: str, clause: Span) -> Span | None:
    """The subject of a clause whose verb phrase is coordinated ('X was told and said ...')."""
    words = clause.of(masked)
    first = re.search(r"\s(?:is|was|were|are|has|have|had|[a-z]+ed)\b", words)
    if not first:
        return None
    span = _strip_span(masked, Span(clause.start, clause.start + first.start()), " ,")
    when = LEADING_TIME.match(masked, span.start, span.end)
    if when:  # 'in May she feigned ...': she
        span = Span(when.end(), span.end)
    return span if span.end > span.start and len(span.of(masked).split()) <= MAX_SPEAKER_WORDS else None


LEADING_TIME = re.compile(r"(?:in|on|at|by|last|this|earlier|later)\s+(?:[A-Z][a-z]+|\d{4}|the\s+morning|"
                          r"the\s+evening|the\s+afternoon)\s+(?=(?:he|she|they|it|we|[A-Z])\b)")
"""A time phrase before a clause's subject with no comma ('in May she', 'on Monday the mayor')."""


def _relative_antecedent(masked: str, start: int, who: int) -> Span | None:
    """'X, an exiled politician who claims ...': the words before 'who' name the speaker."""
    before = masked[start:who].rstrip(" ,")
    cuts = [m.end() for m in re.finditer(r"\b(?:according\s+to|by|from|of)\s+|,\s+and\s+", before)]
    span = _strip_span(masked, Span(start + (cuts[-1] if cuts else 0), start + len(before)), " ,")
    return span if span.end > span.start and len(span.of(masked).split()) <= MAX_SPEAKER_WORDS else None


QUOTED_AS = re.compile(r"\bquoted\s+(.{1,120}?)\s+as\s*$")
"""'Outlet quoted X as saying': X is the speaker, the outlet the channel."""


def _speaker_around(masked: str, verb_start: int, verb_end: int, lo: int, hi: int) -> Span | None:
    """After a quote: 'X said' (words before the verb) or 'said X' (words after it)."""
    before = _strip_span(masked, Span(lo, verb_start), " ,")
    quoted = QUOTED_AS.search(masked, before.start, before.end)
    if quoted:  # '"...," the paper quoted witness X as saying': X
        return _strip_span(masked, Span(quoted.start(1), quoted.end(1)), " ,")
    if before.end > before.start:
        aux = AUXILIARY.search(before.of(masked))
        if aux:
            before = _strip_span(masked, Span(before.start, before.start + aux.start()), " ,")
        return before if before.end > before.start else None
    return _speaker_after(masked, verb_end, hi)


def _speaker_after(masked: str, start: int, end: int, comma_ends: bool = False) -> Span | None:
    """'..., said X on social media.': the words after the verb, up to a channel or a new clause.

    Only SPEAKER_WINDOW characters are read: words running on further name no speaker.
    """
    high = min(end, start + SPEAKER_WINDOW)
    stop = (SPEAKER_STOP_COMMA if comma_ends else SPEAKER_STOP).search(masked, start, high)
    cut = stop.start() if stop else high
    if cut == high < end:
        return None
    lead = SPEAKER_LEAD.match(masked, start, high)
    span = _strip_span(masked, Span(lead.end() if lead else start, cut), " ,")
    text = span.of(masked)
    if not text or "_" in text or len(text.split()) > MAX_SPEAKER_WORDS:
        return None
    if re.match(r"^(?:his|her|its|their)\b", text):  # 'said her lawyer, X', not 'maintained his innocence'
        return span if _names_someone(text) else None
    if not re.match(r"^(?:(?:the|a|an|one)\b|[A-Z])", text) and not TITLED_NAME.fullmatch(text):
        return None
    return span


TITLED_NAME = re.compile(r"(?:[a-z][\w’'-]*\s+){1,5}[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*){0,3}")
"""Lower-case role words ending in a name: 'disaster agency spokesman Ana Ruiz', after 'said'."""


def _names_someone(words: str) -> bool:
    """'the Water Ministry', 'the governor': a capitalised name after the first word, or a title."""
    tokens = words.split()
    return any(t[:1].isupper() for t in tokens[1:]) or tokens[-1].lower() in SPEAKING_NOUNS


def _ends_after(masked: str, speaker: Span, unit: Span) -> bool:
    """Verb-first attribution ends its sentence: nothing but a channel follows the speaker, or words that
    only describe a named speaker ('..., said Ana Ruiz, who farms nearby.', '..., said Ana Ruiz, a doctor
    at a clinic in the town.')."""
    rest = masked[speaker.end:unit.end].strip(" .!?")
    tail = rest.lstrip(" ,")
    words = speaker.of(masked)
    described = DESCRIBES_SPEAKER.fullmatch(tail) is not None and re.search(r"\s[A-Z]", words) is not None \
        and (tail.startswith(("who", "whose")) or APPOSITIVE_AFTER.search(words) is not None)
    return _only_channel(rest) or rest.startswith(("as ", "while ")) or described


DESCRIBES_SPEAKER = re.compile(r"(?:who|whose|in|at|of|for|from|near|with)\s[^;:_”\"]*")
"""What may follow a verb-first speaker and still only describe them: a relative clause about them, or the
prepositional tail of their appositive."""
APPOSITIVE_AFTER = re.compile(r",\s+(?:\d+,\s+)?(?:a|an|the)\s")
"""An appositive after a name ('X, 35, a farmer ...', 'X, the head of ...')."""


def _clause_after(masked: str, start: int, end: int) -> Span | None:
    """The reported words after a speech verb: past a channel or an addressee up to 'that'."""
    rest = masked[start:end]
    that = re.match(r"^(?:\s+[\w’'-]+){0,6}?\s+that\s+", rest) or re.match(
        r"^\s+(?:at|in|on|during|before|to)\s+(?:[\w’'-]+\s+){1,9}?that\s+", rest)
    skip = that or re.match(r"^\s*[:,]?\s*", rest)
    lead = skip.end() if skip else 0
    clause = _strip_attribution(masked, Span(start + lead, end))
    participle = SAYING_AFTER.match(masked, clause.start, clause.end)
    if participle:  # 'X commented on the case, saying that ...': the words after 'saying'
        clause = Span(participle.end(), clause.end)
    turn = NEW_PREDICATE.search(masked, clause.start, clause.end) \
        if masked.find("then", clause.start, clause.end) >= 0 else None
    if turn:
        clause = Span(clause.start, turn.start())
    dash = DASH_TURN.search(masked, clause.start, clause.end)
    if dash:  # '... recovered at the scene — but the family denies it': the statement ends at the dash
        clause = Span(clause.start, dash.start())
    clause = _strip_span(masked, clause, " ,:.")
    words = clause.of(masked)
    return clause if _has_words(words, 3) and not re.fullmatch(r"[\W_]*", words) else None


DASH_TURN = re.compile(r"\s[—–-]\s+(?:but|while|although|whereas|yet|and(?!\s+that\b))\b")
"""A dash and a conjunction: the reporter's turn to another side or to a fact of their own ('— and a gun
was found'), not a second clause of the words said ('— and that ...')."""


SAYING_AFTER = re.compile(r"(?:on|about|in|to)\s+(?:[\w’'-]+\s+){0,6}?[\w’'-]+,\s+saying\s+(?:that\s+)?")
"""'on the case, saying ...': a short prepositional phrase, then the words said."""


def _has_words(text: str, n: int) -> bool:
    """len(text.split()) >= n, splitting no further than needed."""
    return len(text.split(None, n - 1)) >= n


def _strip_attribution(masked: str, clause: Span) -> Span:
    """Drop a trailing ', as per X.' or ', according to X.' from a reported clause."""
    comma = masked.rfind(",", clause.start, clause.end)
    tail = ATTRIBUTION_TAIL.match(masked, comma, clause.end) if comma >= 0 else None
    return Span(clause.start, tail.start()) if tail else clause


def _clause_before(masked: str, start: int, attribution: Span) -> Span | None:
    """'..., the governor said.': the reported words before the attribution."""
    clause = _strip_span(masked, Span(start, attribution.start), " ,")
    return clause if _has_words(clause.of(masked), 3) else None


def _strip_span(text: str, span: Span, chars: str) -> Span:
    """Shrink a span past leading and trailing characters from `chars`."""
    start, end = span.start, span.end
    while start < end and text[start] in chars:
        start += 1
    while end > start and text[end - 1] in chars:
        end -= 1
    return Span(start, end)


def _channel(channels: list[re.Match[str]], quote: Span | None, speaker: Span | None = None) -> str | None:
    """Channel phrases in the sentence (`channels`: CHANNEL's matches in it), outside the quote and the
    speaker, joined in reading order."""
    found: list[str] = []
    for match in channels:
        if quote and quote.start <= match.start() < quote.end:
            continue
        if speaker and _overlaps(speaker, Span(match.start(), match.end())):
            continue
        found.append(match.group(0))
    return "; ".join(dict.fromkeys(found)) or None
