"""Stage `resolve` (speakers): who said each utterance, from the text alone; never a guess.

A speaker phrase resolves to an entity when its head is a name ('Valley Governor Ana Ruiz',
'Ana Ruiz, the governor of ...', 'the ministry's Water Directorate', 'members of X'), a pronoun
that points back to the speaker of a statement just before, a description that the article ties
to one person ('the governor', 'the ministry's spokesperson', 'a presidential adviser' named in
the same paragraph), or a country used for its government ('Valdoria denied', 'Valdorian
officials said' -> Government of Valdoria). Anything else keeps its words and no entity.

More forms: a bare surname or 'Mr. Surname' (the one person of that surname the article named before),
a name written with other dots ('U.S.' for 'US'), a body's collective or unnamed voice ('police',
'a police spokeswoman', 'prosecutors': the one body of that sort), 'the inspectorate' (the group
named before whose name ends so), 'the board' (a body so named, else the company), 'X's office',
documents that name their issuer ('data from X', 'a statement from X's office'), 'the statement'
(whoever issued one just before), joint subjects and 'the two officials' after them (each speaker,
`Statement.speakers` lists them all). Prefer no answer to a doubtful one: a mention cut from a longer
written name ('Oskar Y' marked as 'Y'), a pronoun after a joint statement or after a name given only
in passing ('according to X'), words shouted at the scene by some officers. Each statement records
why its speaker was chosen (`Statement.reason`, printed by `check --explain`).
"""

from __future__ import annotations

import itertools
import re
from bisect import bisect_left, bisect_right, insort
from collections.abc import Collection, Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from functools import cached_property

from ..core.gazetteer import Country, country_by_name, country_named, country_of_demonym
from ..core.lexicon import COMPANY_NOUNS, DOCUMENT_ISSUERS, GROUP_HEADS, ROLE_NOUNS, TITLES
from ..core.models import Article, Citation, Entity, Mention, Statement, reading_order
from ..core.slugs import slugify
from ..extract.roles import OCCUPATIONS, role_after_name, role_before_name
from ..extract.roles import STOP_WORDS as FUNCTION_WORDS
from ..extract.speech import SPEECH_VERBS, VERB, Span, Utterance, find_quotes

ROLE_CLASSES = (
    frozenset({"spokesman", "spokeswoman", "spokesperson", "spokespeople", "press secretary",
               "representative", "spokesmen"}),
    frozenset({"adviser", "advisor"}),
)
"""Role nouns that name the same job ('the Palace's spokesperson' = its press secretary)."""
ARMED = frozenset({"group", "militia", "militias", "militants", "fighters", "legion", "corps", "unit",
                   "units", "forces", "troops", "battalion", "brigade", "rebels", "partisans",
                   "volunteers", "soldiers", "guerrillas", "insurgents", "army", "front", "regiment"})
"""Nouns that describe an armed group."""
ARMED_HEADS = frozenset({"legion", "corps", "battalion", "brigade", "militia", "group", "front",
                         "regiment", "army"})
STATE_HEADS = frozenset({"ministry", "government", "court", "parliament", "directorate", "service",
                         "services", "police", "forces", "guard", "administration", "cabinet", "agency",
                         "authority", "council", "senate", "congress", "navy", "tribunal", "office",
                         "department", "bureau", "commission", "presidency", "prosecutor", "inspectorate",
                         "regulator", "legislature", "assembly", "attorney"})
"""Head nouns of a state body's name."""
OFFICE_WORDS = frozenset({"president", "presidential", "governor", "minister", "ministry", "mayor",
                          "ambassador", "prime", "chancellor", "senator", "official", "officials",
                          "government", "authorities", "intelligence", "military", "army", "police",
                          "defence", "defense", "premier", "secretary", "administration", "envoy",
                          "prosecutor", "judge", "court", "lawmaker", "deputy",
                          "kingdom", "regional", "state", "commissioner", "council", "councilman",
                          "councilwoman", "councillor", "councilor", "legislator", "congressman",
                          "congresswoman", "sheriff", "magistrate", "regulator"})
"""Words in a role that make its holder an office holder."""
STOP_WORDS = frozenset({"the", "a", "an", "to", "of", "for", "by", "from", "with", "and", "or", "in", "on",
                        "at", "said", "says", "told", "that", "as", "per", "according"})
NOT_OFFICE = frozenset({"former", "exiled", "ex", "retired", "opposition", "self-proclaimed", "candidate",
                        "candidates", "hopeful", "challenger", "nominee", "shadow"})
"""Words that take an office away ('an exiled politician', 'a former minister'), or say it is only
sought ('a presidential candidate') or shadowed by the opposition ('the shadow home secretary')."""
LEGISLATURES = frozenset({"senate", "congress", "congressional", "parliament", "parliamentary", "legislature",
                          "commons"})
"""Words of a role that make its holder a member of a legislature ('the top Democrat on the Senate
Farm Committee'), though no office word is in it."""
NOT_STATE_OFFICES = {frozenset({"general", "secretary"}): frozenset({"secretary"}),
                     frozenset({"defense", "attorney"}): frozenset({"defense"}),
                     frozenset({"defence", "lawyer"}): frozenset({"defence"}),
                     frozenset({"defense", "lawyer"}): frozenset({"defense"})}
"""Roles that hold an office word but no state office: a union's or a party's general secretary, a
defence lawyer (the words each needs, and the office words it takes back)."""
STATE_OFFICES = (frozenset({"attorney", "district"}), frozenset({"attorney", "general"}),
                 frozenset({"attorney", "states"}), frozenset({"attorney", "u.s"}),
                 frozenset({"attorney", "county"}), frozenset({"speaker", "house"}),
                 frozenset({"speaker", "parliament"}), frozenset({"speaker", "senate"}),
                 frozenset({"speaker", "assembly"}))
"""Roles whose words are no office alone but are together: a public prosecutor ('United States
attorney', 'district attorney', 'attorney general'), the speaker of a legislature."""
LEGISLATOR_TITLE = re.compile(r"(?:Rep\.?|Representative|Sen\.?|Senator|Assemblyman|Assemblywoman)\b")
"""A legislator's title as written before a name ('Rep. X', 'Representative X'); lower-case 'a
representative of the company' is not one."""
GOVERNMENT_NOUNS = frozenset({"authorities", "officials", "government", "administration"})
DOCUMENTS = frozenset({"statement", "video", "message", "post", "report", "letter", "tweet",
                       "footage", "translation", "communique"})
ISSUED = frozenset({"records", "documents", "data", "release", "filing", "filings", "figures", "estimates",
                    "order", "ruling", "complaint", "website", "account", "journal", "journals", "diary",
                    "entry", "memo", "email", "emails", "memoir", "testimony", "count", "tally", "estimate",
                    "reckoning", "calculation", "calculations"})
"""Documents and channels that speak for the body they name ('according to data from X', 'X records'); with
no body named, they speak for no one (their issuer is not the last speaker)."""
LEVELS = frozenset({"parliamentary", "congressional", "legislative", "federal", "national", "state",
                    "regional", "provincial", "local", "city", "county", "municipal", "district"})
"""Words that say at which level of government a body sits: 'the parliamentary committee' is the
committee the story names, as 'the committee' is (unlike 'the other committee', 'a rival union')."""
COMPANY_ORGANS = frozenset({"board", "management", "leadership"})
"""Organs of a company that speak for it when no body of that name is meant ('the board said')."""
PRONOUNS = {"he": "person", "she": "person", "it": "group", "they": "group"}
DETERMINER = re.compile(r"^(?:the|a|an|this|these|those|one|another|both)\s+", re.IGNORECASE)
PREPOSITION = re.compile(r"\s(?:in|from|at|near|on|with|to|for|of|by|encircled|filming|who|which|put|"
                         r"shared|published|released|issued|posted|signed|sent|[a-z]+ing)\s|"
                         r"\s*\([A-Z][\w&.-]{1,12}\)$")
WORD = re.compile(r"[\w’'-]+")


@dataclass(frozen=True)
class Located:
    """A mention with the entity it belongs to."""

    start: int
    """Offset in the paragraph."""
    end: int
    """End offset."""
    entity: Entity
    """Its entity."""


@dataclass(frozen=True)
class Said:
    """One resolved statement before ids are given."""

    utterance: Utterance
    """What the text says."""
    speaker: Entity | None
    """Who, where the text allows."""
    speaker_text: str
    """The words naming the speaker."""
    reason: str = ""
    """Why this speaker (or none) was chosen, in a reader's words."""
    joint: tuple[str, ...] = ()
    """Entity ids of everyone who made this statement together ('X and Y said'), the speaker first."""


class _Named:
    """The mentions of some entities in one paragraph, to ask which of them stand before a point.

    Sorted by where they end, with, for each prefix, its first entity and whether a second one
    differs, so that each question costs a binary search, however many mentions there are.
    """

    def __init__(self, spots: list[Located]) -> None:
        ordered = sorted(spots, key=lambda s: s.end)
        self.ends = [s.end for s in ordered]
        self.first: list[Entity | None] = [None]
        self.several = [False]
        for s in ordered:
            first = s.entity if self.first[-1] is None else self.first[-1]
            self.first.append(first)
            self.several.append(self.several[-1] or s.entity.id != first.id)

    def before(self, limit: int | None) -> tuple[Entity | None, int]:
        """Of the mentions that end by `limit` (None: all): an entity they name, and how many
        distinct entities they name (0, 1, or 2 for two or more)."""
        k = len(self.ends) if limit is None else bisect_right(self.ends, limit)
        first = self.first[k]
        return first, 0 if first is None else 2 if self.several[k] else 1


class _Posting:
    """Which holders (ids) have each word, to find the holders of a set of words without a scan."""

    def __init__(self, words: dict[str, frozenset[str]]) -> None:
        self.by_word: dict[str, set[str]] = {}
        for holder, held in words.items():
            for word in held:
                self.by_word.setdefault(word, set()).add(holder)

    def holding(self, wanted: frozenset[str]) -> set[str]:
        """The holders of every wanted word (at least one word is wanted)."""
        sets = sorted((self.by_word.get(w, set()) for w in wanted), key=len)
        return set(sets[0]).intersection(*sets[1:])


class _People:
    """The people each article names, indexed by the words of their roles and where they are first named.

    Finding the people with a role ('the governor') in a scope would otherwise read every mention
    before it, for every description: the index reads only people who have one of the words.
    """

    def __init__(self, located: dict[tuple[str, str], list[Located]], order: dict[tuple[str, str], int],
                 roles: dict[str, frozenset[str]]) -> None:
        self.roles = roles
        self.entity: dict[str, Entity] = {}
        self.first: dict[tuple[str, str], int] = {}
        """(source, person id) -> the index of the first paragraph of that source naming the person."""
        self.here: dict[tuple[str, int], set[str]] = {}
        """(source, paragraph index) -> the people named there."""
        for (source, pid), spots in located.items():
            index = order[(source, pid)]
            for spot in spots:
                if spot.entity.kind == "person":
                    self.entity[spot.entity.id] = spot.entity
                    key = (source, spot.entity.id)
                    self.first[key] = min(self.first.get(key, index), index)
                    self.here.setdefault((source, index), set()).add(spot.entity.id)
        self.sources: dict[str, list[str]] = {}
        for source, person in sorted(self.first):
            self.sources.setdefault(person, []).append(source)
        self.by_word: dict[tuple[str, str], list[tuple[int, str]]] = {}
        """(source, role word) -> (first paragraph index, person id) of the people with it, sorted."""
        self.corpus: dict[str, set[str]] = {}
        """role word -> the people named anywhere with it."""
        for person in self.entity:
            self.learn(person, roles.get(person, frozenset()))

    def learn(self, person: str, words: Iterable[str]) -> None:
        """Index new role words of a person."""
        if person not in self.entity:
            return
        for word in words:
            self.corpus.setdefault(word, set()).add(person)
            for source in self.sources[person]:
                insort(self.by_word.setdefault((source, word), []), (self.first[(source, person)], person))

    def fitting(self, source: str | None, index: int, definite: bool, role: frozenset[str],
                wanted: frozenset[str]) -> list[Entity]:
        """Up to two people with a word of `role` and every `wanted` word: named in the source's
        paragraphs up to `index` (definite) or in paragraph `index` (not), or anywhere (source None)."""
        here = self.here.get((source, index), set()) if source is not None else set()
        found: list[Entity] = []
        for person in self._candidates(source, index, definite, role, wanted):
            words = self.roles.get(person, frozenset())
            if (source is not None and not definite and person not in here) \
                    or not (role & words and wanted <= words) or any(e.id == person for e in found):
                continue
            found.append(self.entity[person])
            if len(found) == 2:
                break
        return found

    def _candidates(self, source: str | None, index: int, definite: bool, role: frozenset[str],
                    wanted: frozenset[str]) -> Iterable[str]:
        """The people to check: those with a role word, with one wanted word or (not definite) named
        in the paragraph, whichever are fewest. Nothing is copied: each answer costs what it reads."""
        if source is None:
            options: list[list[Collection[str]]] = [[self.corpus.get(r, set()) for r in role]]
            options += [[self.corpus.get(w, set())] for w in wanted]
        else:
            options = [[self._upto(source, r, index) for r in role]]
            options += [[self._upto(source, w, index)] for w in wanted]
            if not definite:
                options.append([self.here.get((source, index), set())])
        best = min(options, key=_total)
        return itertools.chain.from_iterable(best)

    def _upto(self, source: str, word: str, index: int) -> _Prefix:
        """The people with a word first named in the source by paragraph `index`."""
        people = self.by_word.get((source, word), [])
        return _Prefix(people, bisect_right(people, (index, "\U0010ffff")))


def _total(sets: list[Collection[str]]) -> int:
    return sum(len(s) for s in sets)


class _Prefix(Collection[str]):
    """The people (ids) of the first `size` entries of a (paragraph index, person id) list, uncopied."""

    def __init__(self, entries: list[tuple[int, str]], size: int) -> None:
        self.entries = entries
        self.size = size

    def __len__(self) -> int:
        return self.size

    def __iter__(self) -> Iterator[str]:
        return (person for _, person in itertools.islice(self.entries, self.size))

    def __contains__(self, person: object) -> bool:
        return any(p == person for p in self)


class Speakers:
    """The corpus-wide knowledge speaker resolution needs: mentions by paragraph, roles of people."""

    def __init__(self, articles: Sequence[Article], entities: Sequence[Entity]) -> None:
        self.articles = {a.id: a for a in articles}
        self.texts = {(a.id, p.id): p.text for a in articles for p in a.paragraphs}
        self.order = {(a.id, p.id): i for a in articles for i, p in enumerate(a.paragraphs)}
        """Each paragraph's place in its article."""
        self.located: dict[tuple[str, str], list[Located]] = {}
        for e in entities:
            for m in e.mentions:
                self.located.setdefault((m.source, m.paragraph), []).append(
                    Located(m.start, m.start + len(m.text), e))
        for spots in self.located.values():
            spots.sort(key=lambda s: (s.start, -s.end))
        self.starts = {key: [s.start for s in spots] for key, spots in self.located.items()}
        self.roles = {e.id: _role_words(e, self.texts) for e in entities if e.kind == "person"}
        self.people = _People(self.located, self.order, self.roles)
        self.descriptors = {e.id: _descriptor_words(e, self.texts) for e in entities if e.kind == "group"}
        self.described = _Posting(self.descriptors)
        self.groups = {e.id: e for e in entities if e.kind == "group"}
        forms: dict[str, set[str]] = {}
        for e in entities:
            if e.kind != "place":
                for form in (e.name, *e.aliases):
                    forms.setdefault(_name_key(form), set()).add(e.id)
        by_id = {e.id: e for e in entities}
        self.forms = {key: by_id[next(iter(ids))] for key, ids in forms.items() if len(ids) == 1 and key}
        self.doubtful = frozenset(e.id for e in entities if _cut_name(e, self.texts))
        """Entities that are no speaker's name: a single word cut from a longer written name ('Lee' of
        'Ann Lee'), or a group named by a bare common noun ('Board')."""
        """Each name or alias of a group or person, folded (_name_key), where it names one entity."""
        self.governments: dict[str, Entity] = {}
        self.government_mentions: dict[str, list[Mention]] = {}
        self.memo: dict[tuple[str, ...], Entity | None] = {}
        """Answers that depend only on the corpus (the one group with a head noun or a description)."""
        self.layouts: dict[tuple[str, str], tuple[list[int], list[Span]]] = {}
        """Each paragraph's sentence starts and quotations, as pronouns ask for them."""
        self.armed: dict[tuple[str, str, str], _Named] = {}
        """The armed groups each paragraph names, by description noun."""

    @cached_property
    def company_names(self) -> tuple[tuple[re.Pattern[str], Entity], ...]:
        """A whole-word pattern for each name or alias (three letters or more) of each company."""
        return tuple((re.compile(rf"(?<![\w’'-]){re.escape(form)}(?![\w-])"), e)
                     for e in self.groups.values() if _company(e)
                     for form in (e.name, *e.aliases) if len(form) > 2)

    def layout(self, source: str, pid: str) -> tuple[list[int], list[Span]]:
        """Where a paragraph's sentences start, and its quotations (computed once)."""
        key = (source, pid)
        if key not in self.layouts:
            text = self.texts[key]
            self.layouts[key] = ([m.end() for m in SENTENCE_START.finditer(text)], find_quotes(text))
        return self.layouts[key]

    def text(self, source: str, pid: str) -> str:
        """A paragraph's text."""
        return self.texts[(source, pid)]

    def learn(self, person: Entity, words: frozenset[str]) -> None:
        """Add words to what a person is called ('the adviser' said once of X makes X an adviser)."""
        self.people.learn(person.id, words - self.roles.get(person.id, frozenset()))
        self.roles[person.id] = self.roles.get(person.id, frozenset()) | words

    def spots(self, source: str, pid: str, span: Span) -> list[Located]:
        """The mentions inside a span of a paragraph."""
        spots = self.located.get((source, pid), [])
        starts = self.starts.get((source, pid), [])
        within = spots[bisect_left(starts, span.start):bisect_left(starts, span.end)]
        return [s for s in within if s.end <= span.end]

    def government(self, country: Country, mention: Mention) -> Entity:
        """The government of a country, made when the text first lets the country speak."""
        key = country.name
        self.government_mentions.setdefault(key, []).append(mention)
        name = f"Government of {country.name}"
        entity = Entity(slugify(name), "group", name, (), "national government", country.name, (),
                        side_by="the text", subkind="government")
        self.governments[key] = entity
        return entity


HONORIFIC_WORDS = frozenset({"rev", "the", "mr", "mrs", "ms", "dr", "miss", "mister", "officer", "sheikh",
                             "father", "sister", "brother", "reverend", "madam", "lord", "lady", "st"})
"""Words before a name that are no part of it."""
NAME_PARTICLES = frozenset({"de", "da", "di", "del", "della", "van", "von", "der", "den", "le", "la", "al",
                            "el", "bin", "ben", "ibn", "abu", "dos", "das", "du", "ter", "ten"})
"""Lower-case words inside a name ('Ana de Souza'): the name goes on before them."""


def _cut_name(entity: Entity, texts: dict[tuple[str, str], str]) -> bool:
    """Whether an entity's names are one word that the paragraphs naming it show cut from a longer name
    (a capitalised word that is no title, or a name particle, right before it), or a group's bare
    common head noun."""
    forms = (entity.name, *entity.aliases)
    if any(" " in f.strip() for f in forms):
        return False
    if entity.kind == "group":
        return all(f.lower() in GROUP_HEADS for f in forms)
    if entity.kind != "person":
        return False
    word = re.compile(rf"(?<![\w’'-]){re.escape(entity.name)}(?![\w’'-])")
    paragraphs = dict.fromkeys((m.source, m.paragraph) for m in entity.mentions)
    places = [(key, found.start()) for key in paragraphs for found in word.finditer(texts[key])]
    for key, start in places:
        before = texts[key][max(0, start - 40):start]
        words = before.split()
        if not words or not before.endswith(" "):
            continue
        last = words[-1]
        if last in NAME_PARTICLES and len(words) > 1 and words[-2][:1].isupper():
            return True
        bare = last.rstrip(".,").lower()
        if last[:1].isupper() and last[-1:].isalpha() and bare not in TITLES | STOP_WORDS | HONORIFIC_WORDS \
                and len(words) > 1 and (words[-2][-1:] not in ".!?\"”"
                                        or words[-2].rstrip(".").lower() in TITLES | HONORIFIC_WORDS):
            return True
    return False


def attribute(articles: Sequence[Article], entities: Sequence[Entity],
              utterances: Iterable[Utterance]) -> tuple[tuple[Entity, ...], tuple[Statement, ...]]:
    """Resolve every utterance's speaker; return entities (with governments that speak) and statements."""
    known = Speakers(articles, entities)
    by_source: dict[str, list[Utterance]] = {}
    for u in utterances:
        by_source.setdefault(u.source, []).append(u)
    resolved: list[Said] = []
    for source in sorted(by_source):
        history: list[Said] = []
        found = by_source[source]
        skip = False
        for u, after in zip(found, [*found[1:], None], strict=True):
            if skip:
                skip = False
                continue
            closing = _closing_attribution(u, after, known)
            if closing is not None and closing.speaker is not None:
                text = known.text(source, closing.paragraph)
                who, why = _speaker(closing, closing.speaker, text, history, known)
                joint = (who.id,) if who else ()
                why = f"its attribution opens the next paragraph: {why}"
                quote = Said(u, who, closing.speaker.of(text), why, joint)
                history += [quote, Said(closing, who, quote.speaker_text, why, joint)]
                resolved.append(quote)  # the attribution's paragraph says nothing of its own
                skip = True
                continue
            for said in _resolve(u, history, known):
                history.append(said)
                resolved.append(said)
    speaking = {said.speaker.id for said in resolved if said.speaker}
    entities_out = tuple(replace(e, speaks=e.id in speaking) for e in _with_governments(entities, known))
    final = {e.id: e for e in entities_out}
    statements = []
    counter: dict[tuple[str, str], int] = {}
    for said in resolved:
        u = said.utterance
        n = counter[(u.source, u.paragraph)] = counter.get((u.source, u.paragraph), 0) + 1
        speaker = final[said.speaker.id] if said.speaker else None
        context = known.roles.get(speaker.id if speaker else "")
        officer = _company_officer(speaker, known)
        text = known.text(u.source, u.paragraph)
        statements.append(Statement(
            f"{u.source}-{u.paragraph}-{n}", speaker.id if speaker else None, said.speaker_text, u.kind,
            u.said.of(text), is_official(speaker, said.speaker_text, context, officer),
            Citation(u.source, u.paragraph, u.sentence.of(text)), u.channel,
            side_of(speaker, context, officer), u.verb.lower(),
            tuple(final[j].id for j in said.joint if j in final) or ((speaker.id,) if speaker else ()),
            said.reason))
    return entities_out, tuple(statements)


ATTRIBUTION_REST = re.compile(r"(?:(?:before|after|when|while|as|once|shortly|moments?|minutes|hours|later|"
                              r"earlier|on|at|in|during|late|early|outside|inside|near)\b[^.;:!?“”\"]{0,100})?")
"""What may follow 'X said' in a paragraph that only attributes the quote before it: when or where."""


def _closing_attribution(u: Utterance, after: Utterance | None, known: Speakers) -> Utterance | None:
    """'"The mayor should be here."' then a paragraph 'Williams, a critic of X, said before Y arrived.':
    a quote paragraph with no attribution of its own, whose next paragraph opens with its speaker
    and says only when or where they said it; that paragraph names the quote's speaker and says
    nothing more."""
    if u.kind != "quote" or u.speaker is not None or after is None or after.kind != "paraphrase" \
            or after.speaker is None or after.source != u.source or _paragraph_gap(u, after) != 1:
        return None
    text, next_text = known.text(u.source, u.paragraph), known.text(after.source, after.paragraph)
    if u.sentence.of(text).strip() != text.strip() or _sentence_start(next_text, 0) != after.speaker.start:
        return None
    return after if ATTRIBUTION_REST.fullmatch(after.said.of(next_text).strip()) else None


def _resolve(u: Utterance, history: list[Said], known: Speakers) -> list[Said]:
    """The speakers of one utterance: one per conjunct of a compound subject."""
    text = known.text(u.source, u.paragraph)
    if u.speaker is None:
        last = history[-1] if history else None
        if last and _paragraph_gap(last.utterance, u) <= 1:
            why = "a quote with no attribution of its own goes on from the statement just before"
            return [Said(u, last.speaker, last.speaker_text, why, last.joint)]
        return [Said(u, None, "", "a quote with no attribution and no statement just before it")]
    if u.speaker.start == u.speaker.end:
        return [Said(u, None, "", "a quote cut off before its attribution: its speaker is not in the text")]
    together = _together_again(u, text, history)
    if together:
        return together
    parts = _conjuncts(u.speaker, text, known.spots(u.source, u.paragraph, u.speaker))
    if len(parts) > 1:
        found = [_speaker(u, part, text, history, known) for part in parts]
        if any(who for who, _ in found):
            joint = tuple(dict.fromkeys(who.id for who, _ in found if who is not None))
            return [Said(u, who, part.of(text), f"one of a joint subject: {why}", joint)
                    for (who, why), part in zip(found, parts, strict=True)]
    who, why = _speaker(u, u.speaker, text, history, known)
    return [Said(u, who, u.speaker.of(text), why, (who.id,) if who else ())]


TOGETHER = re.compile(r"(?:the\s+)?(?:two|three|four|both)(?:\s+[a-z]+)?|they|both\s+of\s+them",
                      re.IGNORECASE)
"""'the two bodies', 'the three officials', 'both', 'they': everyone who spoke together just before."""


def _together_again(u: Utterance, text: str, history: list[Said]) -> list[Said]:
    """'X and Y said A. "B," the two officials said.': one statement per joint speaker, as for A."""
    if u.speaker is None or not TOGETHER.fullmatch(u.speaker.of(text).strip()) or not history:
        return []
    last = history[-1]
    same = [said for said in history[-6:] if said.utterance == last.utterance]
    if len(same) < 2 or not last.joint or _paragraph_gap(last.utterance, u) > 1:
        return []
    why = f"'{u.speaker.of(text)}' are the joint speakers of the statement just before"
    return [Said(u, said.speaker, u.speaker.of(text), why, last.joint) for said in same]


def _paragraph_gap(a: Utterance, b: Utterance) -> int:
    return abs(int(b.paragraph.lstrip("p")) - int(a.paragraph.lstrip("p")))


def _conjuncts(span: Span, text: str, spots: list[Located]) -> list[Span]:
    """'Both X and Y' -> X, Y; an 'and' inside a name does not split."""
    words = span.of(text)
    both = re.match(r"^both\s+", words, re.IGNORECASE)
    start = span.start + (both.end() if both else 0)
    cuts = [m for m in re.finditer(r"\s+and\s+", text[start:span.end])
            if not any(s.start <= start + m.start() < s.end for s in spots)]
    if len(cuts) != 1:
        return [span]
    if "," in text[start:span.end]:
        return _name_list(Span(start, span.end), text, spots)
    m = cuts[0]
    left = text[start:start + m.start()]
    if re.fullmatch(r"[A-Z][\w’'-]*", left) and country_named(left) is None \
            and not any(s.start < start + m.start() and s.end > start for s in spots):
        return [span]  # 'Trade and Industry Minister X': one title, not two speakers
    return [Span(start, start + m.start()), Span(start + m.end(), span.end)]


def _name_list(span: Span, text: str, spots: list[Located]) -> list[Span]:
    """'The A, B and C' -> A, B, C when each item opens with a name; anything else (an appositive,
    a description) keeps the phrase whole."""
    parts: list[Span] = []
    start = span.start
    for m in re.finditer(r",\s+(?:and\s+)?|\s+and\s+", text[span.start:span.end]):
        at = span.start + m.start()
        if any(s.start <= at < s.end for s in spots):
            continue
        parts.append(Span(start, at))
        start = span.start + m.end()
    parts.append(Span(start, span.end))
    for part in parts:
        lead = re.match(r"(?:the\s+)?", text[part.start:part.end], re.IGNORECASE)
        opening = part.start + (lead.end() if lead else 0)
        if not any(s.start == opening and s.end <= part.end for s in spots):
            return [span]
    return parts if len(parts) > 2 else [span]


def _speaker(u: Utterance, span: Span, text: str, history: list[Said],
             known: Speakers) -> tuple[Entity | None, str]:
    """Resolve one speaker phrase, with the reason; an entity whose name is doubtful speaks for none."""
    found, why = _speaker_of(u, span, text, history, known)
    if found is None:
        return None, why or f"'{span.of(text)}' fits no one named for sure"
    if found.id in known.doubtful:
        return None, f"'{found.name}' looks cut from a longer name or is a bare common noun: left open"
    spots = known.spots(u.source, u.paragraph, span)
    if any(s.entity.id == found.id and _cut_here(text, s, span.start) for s in spots):
        return None, f"'{span.of(text)}' writes a longer name than '{found.name}': left open"
    return found, why


def _cut_here(text: str, spot: Located, start: int) -> bool:
    """Whether a mention of a group, or of a one-word name, is the end of a longer name the phrase
    writes ('Citizens Watch X' marked as 'Watch X', 'Oskar Y' marked as 'Y'): a capitalised word
    right before it that is no title, role, determiner or country."""
    names = (spot.entity.name, *spot.entity.aliases)
    if spot.entity.kind != "group" and any(" " in n.strip() for n in names):
        return False
    before = text[start:spot.start]
    if not before.endswith(" "):
        return False
    words = before.split()
    if not words:
        return False
    word = words[-1].rstrip(".")
    bare = word.lower().removesuffix("’s").removesuffix("'s")
    if not word[:1].isupper() or bare != word.lower() or bare in TITLES | HONORIFIC_WORDS | ROLE_NOUNS \
            or bare in FUNCTION_WORDS:
        return False
    return country_named(word) is None and country_of_demonym(word) is None and not word.isupper()


def _speaker_of(u: Utterance, span: Span, text: str, history: list[Said],
                known: Speakers) -> tuple[Entity | None, str]:
    """Resolve one speaker phrase: the entity, or None, and why."""
    spots = known.spots(u.source, u.paragraph, span)
    head = _head_chunk(span, text, spots)
    words = head.of(text)
    bare = DETERMINER.sub("", words).strip()
    lower = bare.lower()
    if lower in PRONOUNS:
        body = _clause_body(u, head.start, lower, text, known)
        if body is not None:
            return body, f"'{bare}' points back to the body that is the subject of its clause: {body.name}"
        who = _pronoun(PRONOUNS[lower], u, history, known)
        return who, (f"'{bare}' points back to {who.name}, the speaker or subject named last before it" if who
                     else f"'{bare}' has no one antecedent (none, or another person named since)")
    if _national(bare):
        return None, f"'{bare}' is a person of some country, not its government"
    chunk_spots = [s for s in spots if head.start <= s.start and s.end <= head.end]
    core = _core(head, text, chunk_spots)
    named = _named_head(core, text, chunk_spots)
    if named is not None:
        who = _as_speaker(named, u, text, known)
        if who is not None and who.id != named.id:
            return who, f"'{named.name}' is a country or capital: its government speaks"
        return who, (f"named in the attribution as '{words}'" if who
                     else f"'{named.name}' is a place that speaks for no government")
    government = _demonym_government(core.of(text), u, core, known)
    if government:
        return government, f"'{core.of(text)}' speaks for its country's government"
    if not chunk_spots:
        written = _written_name(core.of(text), u, known)
        if written is not None:
            return written, f"'{core.of(text)}' is a spelling or the surname of {written.name}, named before"
    described = _description(u, core, head, text, history, known, chunk_spots)
    if described is not None:
        return described, f"'{words}' describes one entity only: {described.name}"
    group = _described_group(words, known)
    return group, (f"'{words}' is how the sources describe {group.name}" if group else "")


NATIONALS = frozenset({"Briton", "Frenchman", "Frenchwoman", "Englishman", "Englishwoman", "Scot",
                       "Welshman", "Dane", "Swede", "Pole", "Finn", "Turk", "Spaniard", "Dutchman",
                       "Irishman", "Irishwoman"})
"""Nouns for a person of a country that are no adjective of it ('the Briton said')."""


def _national(words: str) -> bool:
    """'the New Zealander', 'the Briton', 'the Brazilian': one person of a country, never its state
    (the plural, 'the Russians said', may stand for a side at war)."""
    if not re.fullmatch(r"[A-Z][\w’'-]*(?: [A-Z][\w’'-]*)?", words) or words.endswith("s"):
        return False
    country = country_named(words[:-2]) if words.endswith("er") else None
    return words in NATIONALS or (country is not None and words[:-2] == country.name) \
        or (country_of_demonym(words) is not None and country_named(words) != country_by_name(words))


HONORIFIC_LEAD = re.compile(r"^(?:(?:Mr|Mrs|Ms|Dr|Miss|Mx|Prof)\.?|Sir|Dame)\s+(?=[A-Z])")
"""A courtesy title before a surname ('Mr. Ruiz'), not part of the name."""
NAME_WORDS = re.compile(r"(?:the\s+)?[A-Z][\w’'.-]*(?:\s+(?:of\s+|for\s+|the\s+)*[A-Z][\w’'.-]*){0,6}")


def _written_name(words: str, u: Utterance, known: Speakers) -> Entity | None:
    """A name the mentions did not mark: one entity's name or alias written with other dots or case
    ('U.S. Water Survey' for 'US Water Survey'), or a bare surname ('Ruiz said') of the one person of
    that surname the article names before."""
    bare = HONORIFIC_LEAD.sub("", words.strip())
    if not NAME_WORDS.fullmatch(bare):
        return None
    key = _name_key(bare)
    form = known.forms.get(key)
    if form is not None:
        return form
    if " " in bare or bare.lower() in STOP_WORDS or len(bare) < 3:
        return None
    index = known.order[(u.source, u.paragraph)]
    article = known.articles[u.source]
    people: dict[str, Entity] = {}
    for p in article.paragraphs[:index + 1]:
        for s in known.located.get((u.source, p.id), []):
            names = (s.entity.name, *s.entity.aliases)
            if s.entity.kind == "person" and any(n.split()[-1] == bare for n in names if " " in n):
                people[s.entity.id] = s.entity
    return next(iter(people.values())) if len(people) == 1 else None


def _name_key(name: str) -> str:
    """A name folded for comparing spellings: no article, dots, possessive or case ('U.S.' = 'US')."""
    folded = re.sub(r"['’]s\b", "", name.casefold()).replace(".", "")
    return " ".join(folded.split()).removeprefix("the ")


def _described_group(words: str, known: Speakers) -> Entity | None:
    """'Valdorian water authority' -> the one group the corpus calls 'Valdoria's water authority Hidra'."""
    wanted = _content_words(words)
    if len(wanted - {w for w in wanted if w.startswith("@")}) < 2:
        return None
    key = ("described", *sorted(wanted))
    if key not in known.memo:
        found = known.described.holding(wanted)
        specific = wanted - GENERIC_DESCRIPTORS
        if not found and len(specific) >= 2 and specific != wanted:
            # 'Oslo's intelligence department': the one body named for intelligence and that country
            found = known.described.holding(specific)
        known.memo[key] = known.groups[found.pop()] if len(found) == 1 else None
    return known.memo[key]


GENERIC_DESCRIPTORS = frozenset({"military", "department", "agency", "service", "services", "office", "body",
                                 "unit", "officials", "authorities", "spokesman", "spokeswoman",
                                 "spokesperson"})
"""Words a description of a body may add to what its name says ('military intelligence' for 'the
Intelligence Board of Norway'): left out when the description as written fits no one."""


def _content_words(phrase: str) -> frozenset[str]:
    """Lower-case words of a description; a country, its demonym or capital folds to '@country'."""
    words: set[str] = set()
    for word in WORD.findall(phrase):
        bare = word.removesuffix("’s").removesuffix("'s")
        if bare.lower() in STOP_WORDS or bare.lower() in {"this", "these", "those", "its", "their"}:
            continue
        country = country_named(bare) if bare[:1].isupper() else None
        words.add(f"@{country.name}" if country else bare.lower())
    return frozenset(words)


def _descriptor_words(group: Entity, texts: dict[tuple[str, str], str]) -> frozenset[str]:
    """Words a group is called by: its names and the description run just before a mention."""
    words: set[str] = set()
    for form in (group.name, *group.aliases):
        words |= _content_words(form)
    for m in group.mentions:
        text = texts[(m.source, m.paragraph)]
        clause = re.split(r"[,.;:!?()\[\]“”\"‘—–]", text[max(0, m.start - 80):m.start])[-1]
        run: list[str] = []
        for word in reversed(WORD.findall(clause)):
            if word.lower() in STOP_WORDS or VERB.fullmatch(word) or len(run) >= 5:
                break
            run.insert(0, word)
        if run and run[-1].islower():
            words |= _content_words(" ".join(run))
    return frozenset(words)


def _head_chunk(span: Span, text: str, spots: list[Located]) -> Span:
    """The comma-separated part of a phrase that holds its head: the name, not its appositive."""
    chunks: list[Span] = []
    start = span.start
    for m in re.finditer(r",\s*", text[span.start:span.end]):
        at = span.start + m.start()
        if not any(s.start <= at < s.end for s in spots):
            chunks.append(Span(start, at))
            start = span.start + m.end()
    chunks.append(Span(start, span.end))
    clauses = [c for c in chunks[1:] if RELATIVE_CHUNK.match(c.of(text))]
    chunks = [c for c in chunks if c not in clauses]  # ', which owns X,' says what the head does
    while len(chunks) > 1 and FRONTED_PHRASE.match(chunks[0].of(text)):
        chunks = chunks[1:]  # 'Beyond the trips, the indictment said': a fronted phrase is no subject
    first = chunks[0]
    has_name = any(first.start <= s.start < first.end for s in spots)
    possessed = POSSESSED_ROLE.search(first.of(text)) if has_name else OWNED_ROLE.match(first.of(text))
    if possessed and len(chunks) > 1 and any(_names_chunk(s, chunks[1], text) for s in spots):
        return chunks[1]  # "X's coach, Y, said", "Its agent in Z, Dr Y, said": Y
    if len(chunks) > 1 and ROLE_LED.match(first.of(text)) and any(
            _names_chunk(s, chunks[1], text) and s.entity.kind == "person" for s in spots):
        return chunks[1]  # "Director of clinics for the X School, Y, said": Y
    if not has_name and len(chunks) > 1:
        if re.match(r"^(?:another|a|an|one)\s", first.of(text), re.IGNORECASE):
            second = chunks[1]
            if any(second.start <= s.start < second.end for s in spots):
                return second
        if first.of(text)[:1].islower() or not re.match(r"^(?:the|a|an)\s", chunks[-1].of(text), re.I):
            return chunks[-1]
    return first


def _names_chunk(spot: Located, chunk: Span, text: str) -> bool:
    """Whether a mention opens a comma chunk, or is a person's name ending it after a courtesy title."""
    if spot.start == chunk.start:
        return True
    return spot.end == chunk.end and spot.entity.kind == "person" and chunk.start <= spot.start \
        and COURTESY.fullmatch(text[chunk.start:spot.start]) is not None


COURTESY = re.compile(r"(?:(?:Mr|Mrs|Ms|Dr|Miss|Mx|Prof)\.?\s+)?")
"""An optional courtesy title before a name."""
POSSESSED_ROLE = re.compile(r"['’]s?\s+(?:[a-z][\w-]*\s+){0,3}[a-z][\w-]*$")
"""A role held for someone ('X's coach', 'X's former lawyer'): the name after it is the speaker."""
OWNED_ROLE = re.compile(r"(?:its|his|her|their)\s+(?:[a-z][\w-]*\s+){0,3}[a-z][\w-]*"
                        r"(?:\s+(?:in|at|for)\s+.*)?$", re.IGNORECASE)
"""A role held for someone named before ('Its election agent in Z', 'Her lawyer')."""
ROLE_LED = re.compile(r"(?:the\s+|a\s+|an\s+)?(?:[\w-]+\s+)?(?:"
                      + "|".join(sorted(ROLE_NOUNS, key=len, reverse=True)) + r")\s+(?:of|for|at)\s",
                      re.IGNORECASE)
"""A role with what it is of, before an appositive name: 'Director of clinics for X, Y'."""
FRONTED_PHRASE = re.compile(r"(?:Beyond|Besides|Apart\s+from|Aside\s+from|In\s+addition\s+to|Along\s+with|"
                            r"Despite|Rather\s+than|Instead\s+of|Unlike|Like|Among|Amid|Following|Throughout|During|"
                            r"After|Before|Since|Earlier|Later|Meanwhile|However|Separately|In|On|At)\b")
"""A fronted prepositional phrase or adverb set off by a comma before a sentence's subject."""
RELATIVE_CHUNK = re.compile(r"(?:who|which|whose|whom|that|at|in|on|of|for|with|from|by|after|during)\b|"
                            r"\d{1,3}$", re.IGNORECASE)
"""A relative clause or an age set off by commas inside a speaker phrase ('X, 27,'): never its head."""


def _core(head: Span, text: str, spots: list[Located]) -> Span:
    """The words before a prepositional tail ('militants in the valley' -> 'militants')."""
    for m in PREPOSITION.finditer(text, head.start, head.end):
        if not any(s.start <= m.start() + 1 < s.end for s in spots):
            return Span(head.start, m.start())
    return head


def _named_head(core: Span, text: str, spots: list[Located]) -> Entity | None:
    """The entity a phrase's head names: a name at its end, or a name followed by a member noun."""
    ending = [s for s in spots if s.end <= core.end and s.start >= core.start]
    if not ending:
        return None
    last = max(ending, key=lambda s: s.end)
    tail = text[last.end:core.end].strip().lower()
    if not tail:
        return last.entity
    if last.entity.kind == "group" and tail in ARMED | {"members", "officials", "spokesman", "spokesperson"}:
        return last.entity
    if last.entity.kind == "group" and GROUP_UNIT.fullmatch(tail):
        return last.entity  # "the League's observer mission", "the League mission": the League speaks
    if tail in ("’s office", "'s office", "’ office", "' office") and last.entity.kind in ("group", "person"):
        return last.entity  # 'the governor's office said': the governor speaks through it
    return None


GROUP_UNIT = re.compile(r"(?:['’]s?\s+)?(?:[a-z-]+\s+){0,2}?(?:mission|delegation|office|team|observers|"
                        r"monitors|secretariat|staff|observer\s+mission)")
"""A group's own unit after its name ('X's observer mission', 'X mission'): it speaks for the group."""


def _as_speaker(entity: Entity, u: Utterance, text: str, known: Speakers) -> Entity | None:
    """A country or capital speaks for its government; another place does not speak."""
    if entity.kind != "place":
        return entity
    country = next((c for c in (country_named(f) for f in (entity.name, *entity.aliases)) if c), None)
    if country is None:
        return None
    spots = known.spots(u.source, u.paragraph, u.speaker or u.said)
    mention = next((Mention(u.source, u.paragraph, s.start, text[s.start:s.end])
                    for s in spots if s.entity == entity), None)
    return known.government(country, mention) if mention else None


def _demonym_government(words: str, u: Utterance, core: Span, known: Speakers) -> Entity | None:
    """'Valdorian officials', 'the Valdorian government', a bare country or capital -> its government."""
    bare = words.strip()
    if re.fullmatch(r"[A-Z][\w’'-]+(?: [A-Z][\w’'-]+){0,2}", bare) and (country := country_named(bare)) \
            and bare.casefold() in (country.name.casefold(), country.capital.casefold()):
        return known.government(country, Mention(u.source, u.paragraph, core.start, bare))  # not 'American'

    found = re.fullmatch(r"(?:the\s+)?([A-Z][a-z]+)(?:['’]s)?\s+(\w+)", words.strip())
    if not found or found.group(2).lower() not in GOVERNMENT_NOUNS:
        return None
    country = country_of_demonym(found.group(1)) or country_named(found.group(1))
    if country is None:
        return None
    return known.government(country, Mention(u.source, u.paragraph, core.start, words.strip()))


def _pronoun(kind: str, u: Utterance, history: list[Said], known: Speakers) -> Entity | None:
    """'he said' -> the person who spoke just before; 'it said' -> the group that did.

    A person named since as the subject of a sentence or of a speech verb ('His barber, X,
    concurred.', '..., said X.') is weighed against the last speaker: one such other person wins,
    two or more leave the pronoun unresolved rather than guess.
    """
    if kind in ("person", "group"):
        own = _own_subject(u, kind, known)
        if own is not None:
            return own
    last = history[-1] if history else None
    if last is not None and _paragraph_gap(last.utterance, u) <= 2:
        speaker = last.speaker
        if len(last.joint) > 1:
            return None  # 'X and Y said ...' then 'she said' or 'they have promised': one of them, or others
        if kind == "person" and not last.utterance.verb and last.utterance.kind == "paraphrase":
            return None  # '..., according to X.' names X in passing, as no subject 'he' goes back to
        if kind in ("person", "group"):
            subjects = _subjects_between(last.utterance, u, known, kind)
            rivals = {e.id: e for e in subjects if e is not None}
            if speaker is not None:
                rivals.pop(speaker.id, None)
            if None in subjects:
                return None
            if len(rivals) == 1:
                return next(iter(rivals.values()))
            if rivals:
                return None
        return speaker if speaker is not None and speaker.kind == kind else None
    return _sentence_subject(u, known) if kind == "person" else None


SUBJECT_WORDS = 5
"""How many words may stand before a sentence's subject ('In March 2015, X ...', 'His barber, X')."""
SUBJECT_PRONOUNS = frozenset({"he", "she", "they", "it", "we", "i", "you"})
"""A pronoun before a name: the sentence already has its subject ('She thanked X')."""
OBJECT_BEFORE = re.compile(r"\b(?:in|at|of|from|near|with|to|for|by|on|into|about|against)\s+(?:the\s+)?$",
                           re.IGNORECASE)
"""A preposition right before a name: the name is not the sentence's subject ('In X village, ...')."""
SENTENCE_START = re.compile(r"(?:^|[.!?][\"”’]?\s+)(?=\S)")


CLAUSE_BODY = re.compile(r"\b(?:the\s+)?(?P<body>police|prosecutors|prosecution)\s+"
                         r"(?:[a-z]+ed|said|told|made|gave|took|brought|showed|sought|found|put|kept|held|read|"
                         r"sent|won|lost|spent|met|began)\b",
                         re.IGNORECASE)
"""A body's collective name as a verb's subject ('prosecutors played ...', 'the prosecution used ...')."""
PLURAL_BODIES = frozenset({"police", "prosecutors"})
"""Collective names that 'they' points back to; the others take 'it'."""


def _clause_body(u: Utterance, at: int, pronoun: str, text: str, known: Speakers) -> Entity | None:
    """'Prosecutors played a recording of what they said was ...', 'the prosecution played a tape of
    what it alleged ...': a pronoun points back to the body whose collective name is the subject of a
    verb earlier in its own sentence, when no group is named in between and the number agrees."""
    if pronoun not in ("it", "they"):
        return None
    found = None
    for m in CLAUSE_BODY.finditer(text, u.sentence.start, at):
        found = m
    if found is None or (found.group("body").lower() in PLURAL_BODIES) != (pronoun == "they"):
        return None
    between = known.spots(u.source, u.paragraph, Span(found.end(), at))
    if any(s.entity.kind == "group" for s in between):
        return None
    return _collective_body(found.group("body"), known)


def _own_subject(u: Utterance, kind: str, known: Speakers) -> Entity | None:
    """'Later, X played a clip of what he described as ...': the one person (or group, as `kind` says)
    named before a pronoun in its own sentence, as that sentence's subject (within its first words,
    after no preposition and no other pronoun), outside quotations."""
    if u.speaker is None:
        return None
    text = known.text(u.source, u.paragraph)
    start = _sentence_start(text, u.sentence.start)
    at = u.speaker.start
    _, quotes = known.layout(u.source, u.paragraph)
    people = [s for s in known.spots(u.source, u.paragraph, Span(start, at)) if s.entity.kind == kind]
    if at <= start or not people or len({s.entity.id for s in people}) > 1 or _inside_any(quotes, at) \
            or _inside_any(quotes, people[0].start):
        return None
    first = people[0]
    lead = WORD.findall(text[start:first.start])
    if len(lead) > SUBJECT_WORDS or any(w.lower() in SUBJECT_PRONOUNS for w in lead) \
            or OBJECT_BEFORE_TITLED.search(text, max(0, first.start - 60), first.start) \
            or re.fullmatch(r"[^.!?]*,\s*", text[first.end:at]):
        return None  # 'In a film by Mayor X, she said': X is no subject, nor before a fronted phrase's comma
    return first.entity


OBJECT_BEFORE_TITLED = re.compile(r"\b(?:in|at|of|from|near|with|to|for|by|on|into|about|against)\s+"
                                  r"(?:the\s+)?(?:[A-Z][\w.’'-]*\s+){0,2}$", re.IGNORECASE)
"""A preposition before a name and its title ('by Mayor X'): the name is no sentence's subject."""


def _subjects_between(before: Utterance, u: Utterance, known: Speakers, kind: str) -> list[Entity | None]:
    """The people (or groups, as `kind` says) named, between the end of one statement's sentence
    and the start of the next one, as a sentence's subject (within its first words) or next to a
    speech verb ('said X', 'X said'); None for a name the entities do not know that is the subject
    of a speech-like verb ('His barber, Ann Lee, agreed.')."""
    article = known.articles[before.source]
    first, last = known.order[(before.source, before.paragraph)], known.order[(u.source, u.paragraph)]
    found: list[Entity | None] = []
    for index in range(first, last + 1):
        p = article.paragraphs[index]
        lo = before.sentence.end if index == first else 0
        hi = u.sentence.start if index == last else len(p.text)
        text = p.text
        starts, quotes = known.layout(u.source, p.id)
        spots = known.located.get((u.source, p.id), [])
        firsts = known.starts.get((u.source, p.id), [])
        for s in spots[bisect_left(firsts, lo):bisect_left(firsts, hi)]:
            if s.entity.kind != kind or s.end > hi or _inside_any(quotes, s.start):
                continue
            opening = starts[bisect_right(starts, s.start) - 1] if starts and starts[0] <= s.start else 0
            lead = WORD.findall(text[max(opening, s.start - 200):s.start])
            near = text[max(opening, s.start - 12):s.start] + " " + text[s.end:s.end + 12]
            subject = len(lead) <= SUBJECT_WORDS and not any(w.lower() in SUBJECT_PRONOUNS for w in lead) \
                and not OBJECT_BEFORE.search(text, max(0, s.start - 20), s.start)
            if subject or RIVAL_VERB.search(near):
                found.append(s.entity)
        if kind == "person":
            for opening in starts[bisect_left(starts, lo):bisect_left(starts, hi)]:
                if not _inside_any(quotes, opening) and _unknown_speaker(text, opening, hi, spots):
                    found.append(None)
    return found


RIVAL_VERB = re.compile(rf"\b(?:{SPEECH_VERBS}|concurred|agreed|disagreed|described|called|replied|responded|"
                        r"recalled|countered|noted|echoed|objected|protested)\b")
"""Verbs that tell of someone speaking, 'said' or not ('X concurred', 'X described it as ...')."""
UNKNOWN_NAME = re.compile(r"(?<=[\s,])[A-Z][a-z]+(?:\s+[A-Z][\w.’'-]+)+")


def _unknown_speaker(text: str, start: int, end: int, spots: list[Located]) -> bool:
    """Whether the sentence starting at `start` has, before its speech-like verb, a name (two
    capitalised words, not its first) that no entity covers and no pronoun stands before."""
    stop = re.search(r"[.!?](?:\s|$)", text[start:end])
    verb = RIVAL_VERB.search(text, start, start + stop.start() if stop else end)
    if verb is None:
        return False
    subject = text[start:verb.start()]
    if len(subject) > 200 or any(w.lower() in SUBJECT_PRONOUNS for w in WORD.findall(subject)):
        return False
    for name in UNKNOWN_NAME.finditer(text, start, verb.start()):
        if not any(s.start < name.end() and name.start() < s.end for s in spots):
            return True
    return False


def _inside_any(spans: list[Span], at: int) -> bool:
    """Whether an offset falls inside one of sorted, disjoint spans (quotations)."""
    lo, hi = 0, len(spans)
    while lo < hi:
        mid = (lo + hi) // 2
        if spans[mid].start <= at:
            lo = mid + 1
        else:
            hi = mid
    return lo > 0 and spans[lo - 1].start < at < spans[lo - 1].end


def _sentence_subject(u: Utterance, known: Speakers) -> Entity | None:
    """The person who opens a sentence in this or the previous paragraph, latest first; or who
    opens the pronoun's own sentence with no other person named before the pronoun ('X blamed
    the engineers, and in May she said ...')."""
    article = known.articles[u.source]
    index = known.order[(u.source, u.paragraph)]
    if u.speaker is not None:
        text = known.text(u.source, u.paragraph)
        before = [s for s in known.located.get((u.source, u.paragraph), [])
                  if u.sentence.start <= s.start and s.end <= u.speaker.start and s.entity.kind == "person"]
        if before and before[0].start == _sentence_start(text, u.sentence.start) \
                and len({s.entity.id for s in before}) == 1:
            return before[0].entity
    last = _only_person_of_last_sentence(u, known)
    if last is not None:
        return last
    for p in reversed(article.paragraphs[max(0, index - 1):index + 1]):
        text = p.text
        starts = [s for s in known.located.get((u.source, p.id), [])
                  if s.entity.kind == "person" and (p.id != u.paragraph or s.end <= u.sentence.start)
                  and _opens_sentence(text, s.start)]
        if starts:
            return starts[-1].entity
    return None


def _only_person_of_last_sentence(u: Utterance, known: Speakers) -> Entity | None:
    """'The biggest cheer was for X, who signed autographs. He said ...': the one person the sentence
    just before names, in the pronoun's paragraph, outside quotations."""
    text = known.text(u.source, u.paragraph)
    starts, quotes = known.layout(u.source, u.paragraph)
    before = [k for k in starts if k < u.sentence.start]
    if not before:
        return None
    span = Span(before[-1], u.sentence.start)
    spots = [s for s in known.spots(u.source, u.paragraph, span)
             if s.entity.kind == "person" and not _inside_any(quotes, s.start)]
    if len({s.entity.id for s in spots}) != 1 or not any(CLAUSE_SUBJECT.match(text, s.end) for s in spots):
        return None
    return spots[0].entity


CLAUSE_SUBJECT = re.compile(r",\s+who\b|\s+[a-z]+(?:ed|s)?\b(?<!\band)(?<!\bor)")
"""After a name, what makes it the subject of a clause: ', who ...' or a word in lower case (a verb),
not a full stop ('the farm of X.')."""


def _sentence_start(text: str, start: int) -> int:
    """Where a sentence's first word begins, past opening quote marks and spaces."""
    while start < len(text) and (text[start].isspace() or text[start] in "\"“‘'"):
        start += 1
    return start


def _opens_sentence(text: str, start: int) -> bool:
    """Whether `start` begins the text or follows a full stop and spaces, a courtesy title ('Ms X'),
    or a fronted subordinate clause ('When smoke rose, X thought ...'); reads back a bounded stretch."""
    honorific = HONORIFIC_BEFORE.search(text, max(0, start - 8), start)
    if honorific:
        start = honorific.start()
    j = start
    while j > 0 and text[j - 1].isspace():
        j -= 1
    if start == 0 or (0 < j < start and text[j - 1] in ".!?"):
        return True
    window = text[max(0, start - 200):start]
    opening = max(window.rfind(". "), window.rfind("! "), window.rfind("? "))
    clause = window[opening + 2:] if opening >= 0 else window if start <= 200 else ""
    return FRONTED_CLAUSE.fullmatch(clause) is not None


HONORIFIC_BEFORE = re.compile(r"\b(?:Mr|Mrs|Ms|Miss|Dr|Prof)\.?\s+$")
FRONTED_CLAUSE = re.compile(r"(?:When|After|As|While|Before|Although|Though|If|Since|Once|Until)\b"
                            r"[^.!?,;:“”\"]{0,180},\s+")
"""A subordinate clause before the main clause's subject ('When smoke rose, X ...')."""


def _description(u: Utterance, core: Span, head: Span, text: str, history: list[Said], known: Speakers,
                 spots: list[Located]) -> Entity | None:
    """'the governor', 'the group', 'the ministry's spokesperson', 'members of X', 'a statement by X'."""
    words = core.of(text)
    lowered = [w.lower().strip("’'") for w in WORD.findall(words)]
    if not lowered:
        return None
    noun = lowered[-1]
    full = head.of(text)
    member = MEMBERS_OF.match(full)
    if noun in DOCUMENT_ISSUERS and not any(s.entity.kind == "group" for s in spots):
        # 'the indictment said': who the article says released it, else the grand jury
        return _issuer_in_article(u.source, noun, known) or _body_named(DOCUMENT_ISSUERS[noun], known)
    if member or noun in DOCUMENTS or noun in ISSUED or noun in DOCUMENT_ISSUERS:
        if spots:
            group = _owned_body(spots, text).entity
            if group.kind == "person" and not member:
                return group  # 'a statement from X's office', 'X's letter': X
            return group if group.kind == "group" else None
        if noun in DOCUMENTS and words.lower().startswith("the "):
            return _recent_speaker(u, history, "group", known)
        if words.lower().startswith("the ") or (noun.endswith("s") and not DETERMINER.match(words)):
            return _same_document(u, history)  # 'the filing', 'court documents' after 'the indictment said'
        return None
    definite = re.match(r"^(?:the|these|this)\s", full, re.IGNORECASE) is not None
    narrated = u.speaker is not None and AT_THE_MOMENT.match(text, u.speaker.end) is not None
    if not spots and not narrated:
        body = _collective_body(words, known)
        if body is not None:
            return body
        again = _said_again(u, noun, history) if definite and len(lowered) == 2 else None
        if again is not None:
            return again
    role = _role_class(lowered)
    if role:
        affiliation = [w for w in WORD.findall(full[len(words):]) + [s.entity.name for s in spots]]
        modifiers = [w for w in lowered[:-1] if w in OFFICE_MODIFIERS]
        person = _person_with_role(u, role, definite, affiliation, known, modifiers, noun)
        if person is not None and _other_gender(lowered[-1]) & known.roles.get(person.id, frozenset()) \
                and lowered[-1] not in known.roles.get(person.id, frozenset()):
            return None
        bodies = {s.entity.id: s.entity for s in spots if s.entity.kind == "group"}
        if person is None and role == ROLE_CLASSES[0] and len(bodies) == 1:
            return next(iter(bodies.values()))  # 'a spokesperson for X' with no name: X speaks
        described = re.search(r"\bfor\s+the\s+([a-z]+)$", full)
        if person is None and role == ROLE_CLASSES[0] and not bodies and described:
            owner = described.group(1)  # "a spokesman for the board": the board named before
            return _recent_group(u, owner, known) or _group_by_head_noun(u, owner, known)
        if person is not None:
            known.learn(person, frozenset(lowered) | frozenset(WORD.findall(words)))
        return person
    if definite and noun in COMPANY_NOUNS and len(lowered) <= 4 and not spots \
            and all(w.islower() for w in WORD.findall(words)[1:]):
        return _recent_company(u, known, history)
    level = len(lowered) == 3 and lowered[1] in LEVELS and not spots and noun in GROUP_HEADS
    if definite and (noun in ARMED or noun in GROUP_HEADS) and (len(lowered) == 2 or level):
        named = _recent_group(u, noun, known) or _only_group_with_head(noun, known)
        if named is None and noun in COMPANY_ORGANS:
            # 'the board said': no body named so, the company's board
            return _recent_company(u, known, history)
        return named or _group_by_head_noun(u, noun, known)
    if definite and len(lowered) == 2 and not spots and noun.isalpha() and noun not in NOT_HEADS:
        return _group_by_head_noun(u, noun, known)
    return None



COLLECTIVE = re.compile(
    r"(?:the\s+|a\s+|an\s+)?(?P<body>police|prosecutors|prosecution)(?:\s+(?P<voice>officials|spokes(?:man|woman|person)|"
    r"department|service|force|authorities|team|office))?|(?P<bare>cops|officers)", re.IGNORECASE)
"""A body's collective name or its unnamed voice ('police said', 'a police spokeswoman said', 'prosecutors
said'): the one body of that sort the corpus names speaks. 'A police source', 'police officers' and a
named spokesperson are not the body's voice."""
BODY_NAME_WORDS = {"police": frozenset({"police"}),
                   "prosecutors": frozenset({"attorney", "prosecutor", "prosecutors", "prosecution"}),
                   "prosecution": frozenset({"attorney", "prosecutor", "prosecutors", "prosecution"})}
"""For each collective name, the words one of which a body's own name holds ('X Police Department',
'X Attorney's Office')."""
BODY_SUBKINDS = {"police": frozenset({"police"})}


AT_THE_MOMENT = re.compile(r"\s+[a-z]+\s+(?:once|when|as|while|during|before|after)\b")
"""'police said once he had been hit': words spoken at the scene by some of them, not the body's statement."""


def _collective_body(words: str, known: Speakers) -> Entity | None:
    """'police', 'the police', 'police officials', 'a police spokesman', 'prosecutors' -> the one group of
    that sort in the corpus; none, or two, leave it open."""
    found = COLLECTIVE.fullmatch(words.strip())
    if found is None:
        return None
    body = "police" if found.group("bare") else found.group("body").lower()
    key = ("collective", body)
    if key not in known.memo:
        wanted, subkinds = BODY_NAME_WORDS[body], BODY_SUBKINDS.get(body, frozenset())
        fits = [e for e in known.groups.values()
                if e.subkind in subkinds or any(w.lower().removesuffix("’s").removesuffix("'s") in wanted
                                                for w in e.name.split())]
        known.memo[key] = fits[0] if len(fits) == 1 else None
    return known.memo[key]


MEMBERS_OF = re.compile(r"(?:the\s+)?(?:[a-z-]+\s+)?(?:(?:members|board|management|leadership|executives|"
                        r"directors|mission|delegation|observers|monitors|secretariat)\s+of"
                        r"|(?:officials|analysts|executives|economists|researchers|staff)\s+(?:at|with|from))\s",
                        re.IGNORECASE)
"""'members of X', 'the board of X', 'officials at X', 'analysts with X': X speaks through them (a
body only: 'officials of X' for a person X speak for no one)."""


GENDERED = (("spokeswoman", "spokesman"), ("spokeswomen", "spokesmen"), ("chairwoman", "chairman"),
            ("businesswoman", "businessman"), ("congresswoman", "congressman"),
            ("councilwoman", "councilman"), ("policewoman", "policeman"))
"""Role nouns that say whether the holder is a woman or a man."""


def _other_gender(noun: str) -> frozenset[str]:
    """The role noun of the other gender ('spokeswoman' -> 'spokesman'), or nothing."""
    return frozenset(b if noun == a else a for a, b in GENDERED if noun in (a, b))


def _role_class(words: list[str]) -> frozenset[str] | None:
    """The role nouns a description's head belongs to ('spokesperson' -> the spokesperson class)."""
    joined = " ".join(words)
    for cls in ROLE_CLASSES:
        if any(re.search(rf"\b{re.escape(r)}$", joined) for r in cls):
            return cls
    last = words[-1]
    return frozenset({last}) if (last in TITLES or last in OCCUPATIONS) \
        and last not in {"head", "chief", "official", "resident", "witness", "owner"} else None


def _person_with_role(u: Utterance, role: frozenset[str], definite: bool, affiliation: list[str],
                      known: Speakers, modifiers: Sequence[str] = (), noun: str = "") -> Entity | None:
    """The one person with this role (and affiliation, and the modifiers that say which office, if
    given): earlier in the article (definite), in this paragraph (indefinite: 'a presidential adviser
    ... X, the adviser'), else in the corpus. A deputy's role fits no description of the office
    itself ('the prime minister' is not the deputy prime minister)."""
    index = known.order[(u.source, u.paragraph)]
    wanted = frozenset(w.lower() for w in affiliation if w[:1].isupper()) | frozenset(modifiers)
    first = modifiers[0] if modifiers else noun  # the word a rank would stand before

    def fitting(source: str | None) -> list[Entity] | None:
        """The people that fit; None when a lesser rank was set aside from a capped answer."""
        found = known.people.fitting(source, index, definite, role, wanted)
        kept = [p for p in found if not _lower_rank(known.roles.get(p.id, frozenset()), first, modifiers)]
        return None if len(found) == 2 and len(kept) < 2 else kept

    people = fitting(u.source)
    if people is None:
        return None
    if len(people) == 1:
        return people[0]
    if people or not definite or role == ROLE_CLASSES[0]:
        return None  # the spokesperson of one article is no other article's 'the spokesperson'
    corpus = fitting(None)
    return corpus[0] if corpus and len(corpus) == 1 else None


OFFICE_MODIFIERS = frozenset({"prime", "foreign", "defence", "defense", "interior", "finance", "home",
                              "health", "education", "justice", "transport", "energy", "economy",
                              "trade", "environment", "agriculture", "labour", "labor", "culture",
                              "deputy", "vice", "assistant", "junior", "chief", "attorney", "police",
                              "fire", "district", "county", "state", "federal", "regional", "city"})
"""Words before a role noun that say which office it is ('the foreign minister', 'the police chief'):
a description with one fits only people whose roles have it."""
RANK_MODIFIERS = frozenset({"deputy", "vice", "assistant", "junior", "shadow", "under", "acting"})
"""Words that make a lesser or another office of the one they come before ('deputy prime minister')."""


def _lower_rank(words: frozenset[str], first: str, modifiers: Sequence[str]) -> bool:
    """Whether a person's role words put a rank word the description lacks before its first word."""
    return any(f"{rank} {first}" in words for rank in RANK_MODIFIERS if rank not in modifiers)


def _recent_group(u: Utterance, noun: str, known: Speakers) -> Entity | None:
    """'the group', 'the militants': the armed group named last before, if only one is named there."""
    article = known.articles[u.source]
    index = known.order[(u.source, u.paragraph)]
    for p in reversed(article.paragraphs[max(0, index - 2):index + 1]):
        key = (u.source, p.id, noun)
        if key not in known.armed:
            known.armed[key] = _Named([s for s in known.located.get((u.source, p.id), [])
                                       if _armed(s.entity, noun)])
        limit = (u.speaker or u.said).start if p.id == u.paragraph else None
        entity, distinct = known.armed[key].before(limit)
        if distinct == 1:
            return entity
        if distinct:
            return None
    return None


NOT_HEADS = frozenset({"official", "officials", "source", "sources", "man", "woman", "people", "witness",
                       "resident", "residents", "report", "statement", "police", "government", "authorities"})
"""Nouns that never stand for a named group ('the source said', 'the man said')."""


def _group_by_head_noun(u: Utterance, noun: str, known: Speakers) -> Entity | None:
    """'the inspectorate', 'the commission', 'the mission': the one group whose name ends in that noun,
    named in the article before the phrase (the nearest paragraph that names one decides), else the one
    such group in the corpus."""
    article = known.articles[u.source]
    index = known.order[(u.source, u.paragraph)]
    limit = (u.speaker or u.said).start
    for p in reversed(article.paragraphs[:index + 1]):
        fits = {s.entity.id: s.entity for s in known.located.get((u.source, p.id), [])
                if (p.id != u.paragraph or s.end <= limit) and _ends_in(s.entity, noun)}
        if len(fits) == 1:
            return next(iter(fits.values()))
        if fits:
            return None
    key = ("ends in", noun)
    if key not in known.memo:  # once per noun: a corpus-wide scan per description grew as its square
        everywhere = [e for e in known.groups.values() if _ends_in(e, noun)]
        known.memo[key] = everywhere[0] if len(everywhere) == 1 else None
    return known.memo[key]


def _ends_in(entity: Entity, noun: str) -> bool:
    """Whether a group's name (or an alias) ends in the noun ('Dam Safety Inspectorate', 'inspectorate')."""
    return entity.kind == "group" and any(
        f.split()[-1].lower().removesuffix("’s").removesuffix("'s") == noun
        for f in (entity.name, *entity.aliases) if f.split())


def _recent_company(u: Utterance, known: Speakers, history: Sequence[Said] = ()) -> Entity | None:
    """'the company', 'the software maker', 'the bank': the one company named last before, in this
    paragraph (before the phrase) or the nearest one before that names any. Two companies named
    there leave it open, unless one of them made the statement just before in this paragraph ('X
    says a batch from its supplier, Y, failed. The company says ...': X speaks again)."""
    article = known.articles[u.source]
    index = known.order[(u.source, u.paragraph)]
    limit = (u.speaker or u.said).start
    for p in reversed(article.paragraphs[:index + 1]):
        named = {s.entity.id: s.entity for s in known.located.get((u.source, p.id), [])
                 if _company(s.entity) and (p.id != u.paragraph or s.end <= limit)}
        if len(named) == 1:
            return next(iter(named.values()))
        if named:
            last = _said_just_before(history, u.source, p.id)
            return last.speaker if last and last.speaker and last.speaker.id in named else None
    return _headline_company(article, known)


def _headline_company(article: Article, known: Speakers) -> Entity | None:
    """'X suspends its chief' over 'The company, at the heart of ..., says ...': before the text names
    any company, 'the company' is the one company the headline names."""
    key = ("headline company", article.id)
    if key not in known.memo:
        found = {e.id: e for pattern, e in known.company_names if pattern.search(article.title)}
        known.memo[key] = next(iter(found.values())) if len(found) == 1 else None
    return known.memo[key]


def _company_officer(speaker: Entity | None, known: Speakers) -> bool:
    """Whether a person's role names a company they serve ('Hidra Corp's vice president', 'vice
    president of X Inc')."""
    if speaker is None or speaker.kind != "person" or not speaker.role:
        return False
    role = speaker.role
    return any(pattern.search(role) for pattern, _ in known.company_names)


def _said_just_before(history: Sequence[Said], source: str, paragraph: str) -> Said | None:
    """The statement just before, if it is in this paragraph."""
    last = history[-1] if history else None
    return last if last and (last.utterance.source, last.utterance.paragraph) == (source, paragraph) else None


def _company(entity: Entity) -> bool:
    """Whether a group may be a company: no other sort given, and no state body's head noun."""
    if entity.kind != "group" or entity.subkind not in (None, "company", "bank"):
        return False
    return not any(w.lower() in STATE_HEADS | GOVERNMENT_NOUNS for f in (entity.name, *entity.aliases)
                   for w in f.split())


def _same_document(u: Utterance, history: Sequence[Said]) -> Entity | None:
    """'the indictment alleges ... the filing states': a document named with 'the' right after a
    statement made through a document, in the same paragraph, is that document; its issuer speaks."""
    last = _said_just_before(history, u.source, u.paragraph)
    through = WORD.findall(last.speaker_text.lower())[-1:] if last else []
    return last.speaker if last and through and through[0] in DOCUMENTS | ISSUED | DOCUMENT_ISSUERS.keys() \
        else None


def _owned_body(spots: Sequence[Located], text: str) -> Located:
    """The first name of a phrase, or the body a place owns after it ('a release from the X District's
    Attorney's Office': the office issued it, not the district)."""
    first = spots[0]
    if first.entity.kind == "place" and len(spots) > 1 and POSSESSIVE.match(text, first.end) \
            and spots[1].entity.kind == "group" and spots[1].start - first.end <= 3:
        return spots[1]
    return first


POSSESSIVE = re.compile(r"['’]s?\s")


RELEASED_BY = re.compile(r"\s+(?:(?:was|were)\s+)?(?:released|issued|filed|unsealed|published|returned|"
                         r"brought)(?:\s+on\s+[A-Z][a-z]+)?\s+by\s+(?:the\s+)?")
"""'an indictment released by the X', 'the complaint filed by X': X is the document's issuer."""


def _issuer_in_article(source: str, noun: str, known: Speakers) -> Entity | None:
    """The one group an article says issued a document of this kind ('In an indictment released by
    the X, ...'); none, or two, leave it to the rule for the document's usual issuer."""
    key = ("issuer", source, noun)
    if key not in known.memo:
        found: dict[str, Entity] = {}
        pattern = re.compile(rf"\b{re.escape(noun)}(?=\s)", re.IGNORECASE)
        for paragraph in known.articles[source].paragraphs:
            spots = known.located.get((source, paragraph.id), [])
            for m in pattern.finditer(paragraph.text):
                by = RELEASED_BY.match(paragraph.text, m.end())
                issuer = next((s.entity for s in spots if by and s.start == by.end()), None)
                if issuer is not None and issuer.kind == "group":
                    found[issuer.id] = issuer
        known.memo[key] = next(iter(found.values())) if len(found) == 1 else None
    return known.memo[key]


def _body_named(body: str, known: Speakers) -> Entity | None:
    """The one group the corpus names by these words alone or at the end of its name ('grand jury',
    'federal grand jury'); none, or two, leave it open."""
    key = ("body", body)
    if key not in known.memo:
        found = [e for e in known.groups.values()
                 if any(f.lower() == body or f.lower().endswith(" " + body) for f in (e.name, *e.aliases))]
        known.memo[key] = found[0] if len(found) == 1 else None
    return known.memo[key]


def _only_group_with_head(noun: str, known: Speakers) -> Entity | None:
    """'the ministry' when the corpus names exactly one ministry."""
    if noun not in GROUP_HEADS or noun == "group":
        return None
    if ("head", noun) not in known.memo:
        found = [e for e in known.groups.values() if noun in {w.lower() for w in e.name.split()}]
        known.memo[("head", noun)] = found[0] if len(found) == 1 else None
    return known.memo[("head", noun)]


def _armed(entity: Entity, noun: str) -> bool:
    """Whether a description noun fits a group: its own head noun, or any armed group for 'the group'."""
    if entity.kind != "group":
        return False
    heads = {w.lower() for f in (entity.name, *entity.aliases) for w in f.split()}
    if noun in heads and (noun in ARMED_HEADS or noun in GROUP_HEADS):
        return True
    if noun in GROUP_HEADS and noun not in ARMED:
        return False
    return bool(heads & ARMED_HEADS) and noun not in ARMED_HEADS - {"group"}


def _said_again(u: Utterance, noun: str, history: list[Said]) -> Entity | None:
    """'A police spokeswoman said ...' then 'the spokeswoman said ...': the speaker that a statement just
    before named with the same noun, when just one did."""
    found = {said.speaker.id: said.speaker for said in history[-4:]
             if said.speaker is not None and _paragraph_gap(said.utterance, u) <= 1
             and noun in said.speaker_text.lower().split(" of ")[0].split()[-3:]}
    return next(iter(found.values())) if len(found) == 1 else None


def _recent_speaker(u: Utterance, history: list[Said], kind: str, known: Speakers) -> Entity | None:
    """'the statement said': who issued a statement by that name in the paragraphs just before, else who
    spoke in the statement just before."""
    noun = u.speaker.of(known.text(u.source, u.paragraph)).split()[-1].lower() if u.speaker else ""
    for said in reversed(history[-12:]):
        if _paragraph_gap(said.utterance, u) > 4:
            break
        channel = (said.utterance.channel or "").lower()
        if noun and re.search(rf"\b{re.escape(noun)}\b", channel) and said.speaker is not None \
                and said.speaker.kind == kind:
            return said.speaker
    for said in reversed(history[-2:]):
        if _paragraph_gap(said.utterance, u) <= 1 and said.speaker is not None and said.speaker.kind == kind:
            return said.speaker
    return None


def _role_words(person: Entity, texts: dict[tuple[str, str], str]) -> frozenset[str]:
    """The words of a person's roles where they are named (roles.py), as written, folded and paired."""
    words: set[str] = set()
    for m in person.mentions:
        text = texts[(m.source, m.paragraph)]
        for role in (role_before_name(text, m.start), role_after_name(text, m.start + len(m.text))):
            if role is None:
                continue
            written = [w.strip("’'").removesuffix("’s").removesuffix("'s") for w in WORD.findall(role.text)]
            if role.noun == "rep":  # 'Representative X' holds a seat: no one's spokesperson
                written = [w for w in written if w.lower() != "representative"]
            tokens = [w.lower() for w in written]
            words.update(written, tokens, [role.noun])
            words.update(" ".join(pair) for pair in itertools.pairwise(tokens))
    return frozenset(words)


def _with_governments(entities: Sequence[Entity], known: Speakers) -> tuple[Entity, ...]:
    """Add the governments that speak; their mentions move off the country or capital they borrow."""
    moved = {m for ms in known.government_mentions.values() for m in ms}
    kept = [replace(e, mentions=tuple(m for m in e.mentions if m not in moved)) for e in entities]
    taken = {e.id for e in kept}
    for key, entity in sorted(known.governments.items()):
        mentions = tuple(sorted(set(known.government_mentions[key]), key=reading_order))
        aliases = tuple(sorted({m.text for m in mentions} - {entity.name}))
        if entity.id in taken:
            continue
        kept.append(replace(entity, mentions=mentions, aliases=aliases))
    return tuple(sorted(e for e in kept if e.mentions))


OFFICIAL_SUBKINDS = frozenset({"government", "government body", "court", "legislature", "security service",
                               "police", "regulator", "international organisation"})
"""Sorts of group that are public bodies: their statements are official."""
UNNAMED_OFFICIAL = GOVERNMENT_NOUNS | frozenset({"ministry", "police", "prosecutors", "prosecutor",
                                                 "regulator", "regulators", "court", "agency",
                                                 "inspectorate"})
"""Words that make an unnamed speaker a public body's voice ('a police spokeswoman', 'regulators')."""


def is_official(speaker: Entity | None, speaker_text: str, context: frozenset[str] | None = None,
                company_officer: bool = False) -> bool:
    """An office holder or a state body; for an unnamed speaker, words like 'officials' decide.

    A company's officer ('Hidra Corp's vice president', `company_officer`) holds no public office,
    unless the role also names a legislature."""
    if speaker is None:
        return bool({w.lower() for w in WORD.findall(speaker_text)} & UNNAMED_OFFICIAL)
    role = {w.lower() for w in WORD.findall(speaker.role or "")} | (context or frozenset())
    if role & NOT_OFFICE:
        return False
    if role & LEGISLATURES:
        return True
    if company_officer:
        return False
    taken_back = frozenset().union(*(back for needs, back in NOT_STATE_OFFICES.items() if needs <= role))
    if role & OFFICE_WORDS - taken_back or any(needs <= role for needs in STATE_OFFICES) \
            or LEGISLATOR_TITLE.match(speaker.role or ""):
        return True
    if speaker.kind == "group":
        return speaker.subkind in OFFICIAL_SUBKINDS or any(
            w.lower().removesuffix("’s").removesuffix("'s") in STATE_HEADS for w in speaker.name.split())
    return False


def side_of(speaker: Entity | None, context: frozenset[str] | None = None,
            company_officer: bool = False) -> str | None:
    """The editor's side, or the country an office holder or state body serves, where the text says."""
    if speaker is None:
        return None
    if speaker.side:
        return speaker.side
    if not is_official(speaker, "", context, company_officer):
        return None
    for form in (speaker.name, *speaker.aliases, speaker.role or "", *sorted(context or ())):
        for word in WORD.findall(form):
            bare = word.removesuffix("’s").removesuffix("'s")
            country = country_named(bare) if word[:1].isupper() else None
            if country:
                return country.name
    return None
