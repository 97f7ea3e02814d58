"""Speakers: from the words of a source to a named, typed, resolved :class:`Speaker`.

``describe`` splits a source noun phrase into role, title and name and guesses its kind
("military spokesman Brigadier-General Kevin Bergner" → role "military spokesman", title
"Brigadier-General", name "Kevin Bergner", person). ``Resolver`` walks an article's
attributions in order and resolves pronouns to the latest fitting speaker, surnames to the
fullest earlier name, and definite descriptions ("The military") to an earlier speaker with
the same head ("the U.S. military").
"""

from __future__ import annotations

import re
from bisect import bisect_left

from attrs import frozen

from newsclaims.analyzers.entities.lexicon import ORG_HEADS as _NAME_ORG_HEADS
from newsclaims.analyzers.entities.lexicon import STOP, fold, given_name_genders, wordset
from newsclaims.model import Speaker, SpeakerKind

__all__ = ["Described", "Resolver", "describe"]

PERSON_PRONOUNS = frozenset({"he", "she", "him", "her"})
PLURAL_PRONOUNS = frozenset({"they", "them"})
THING_PRONOUNS = frozenset({"it"})
FIRST_PERSON = frozenset({"i", "we"})
PRONOUNS = PERSON_PRONOUNS | PLURAL_PRONOUNS | THING_PRONOUNS | FIRST_PERSON | {"you"}

_DETERMINERS = frozenset({"the", "a", "an", "this", "that", "these", "those"})

# Titles that precede a name. Multiword ones are matched token by token.
_TITLES = frozenset(
    [
        "mr",
        "mr.",
        "mrs",
        "mrs.",
        "ms",
        "ms.",
        "dr",
        "dr.",
        "prof",
        "prof.",
        "sir",
        "dame",
        "lord",
        "lady",
        "gen",
        "gen.",
        "general",
        "lt",
        "lt.",
        "lieutenant",
        "col",
        "col.",
        "colonel",
        "maj",
        "maj.",
        "major",
        "capt",
        "capt.",
        "captain",
        "adm",
        "adm.",
        "admiral",
        "sgt",
        "sgt.",
        "sergeant",
        "cmdr",
        "commander",
        "brigadier",
        "brigadier-general",
        "brig",
        "brig.",
        "brig.-gen.",
        "lt.-gen.",
        "lieutenant-general",
        "major-general",
        "maj.-gen.",
        "sen",
        "sen.",
        "senator",
        "rep",
        "rep.",
        "representative",
        "gov",
        "gov.",
        "governor",
        "pres",
        "president",
        "vice-president",
        "vp",
        "chancellor",
        "premier",
        "minister",
        "secretary",
        "ambassador",
        "judge",
        "justice",
        "rev",
        "rev.",
        "reverend",
        "father",
        "bishop",
        "cardinal",
        "pope",
        "rabbi",
        "imam",
        "sheikh",
        "ayatollah",
        "grand",
        "king",
        "queen",
        "prince",
        "princess",
        "emir",
        "sultan",
        "mayor",
        "chairman",
        "chairwoman",
        "chief",
        "inspector",
        "detective",
        "officer",
        "agent",
        "attorney",
        "speaker",
        "leader",
    ]
)
_HONORIFICS = wordset("mr mrs ms miss dr sir dame senator representative governor mayor")
# Sentence openers a source phrase may start with: never part of a name or a role.
_OPENING = wordset(
    """when then but and or so if as after while since because though although yet still
    also however meanwhile instead moreover now later earlier for maybe perhaps even only
    just with why how what did does is"""
)
# Roles and parties that, capitalised before a name, are not part of it.
_ROLE_NOUNS = wordset(
    """spokesman spokeswoman spokesperson adviser advisor aide lawyer attorney analyst
    strategist pollster economist host anchor correspondent reporter columnist author
    founder co-founder candidate nominee challenger organizer activist consultant owner
    manager director"""
)
_ROLE_WORDS = _ROLE_NOUNS | wordset(
    "republican democrat democratic gop independent libertarian conservative liberal labour tory"
)
_TITLE_WORDS_LOWER_OK = frozenset(
    {"president", "senator", "governor", "minister", "secretary", "leader", "chairman", "speaker"}
)

_ORG_HEADS = frozenset(
    [
        "military",
        "army",
        "navy",
        "government",
        "ministry",
        "department",
        "agency",
        "police",
        "campaign",
        "party",
        "committee",
        "council",
        "commission",
        "court",
        "company",
        "firm",
        "bank",
        "administration",
        "embassy",
        "pentagon",
        "congress",
        "senate",
        "parliament",
        "office",
        "network",
        "newspaper",
        "magazine",
        "union",
        "association",
        "foundation",
        "institute",
        "university",
        "group",
        "force",
        "forces",
        "guards",
        "corps",
        "team",
        "coalition",
        "alliance",
        "organization",
        "organisation",
        "board",
        "authority",
        "service",
        "bureau",
        "cabinet",
        "junta",
        "regime",
        "house",
        "staff",
        "prosecutors",
        "prosecution",
        "military's",
        "newsroom",
        "outlet",
        "station",
        "channel",
        "center",
        "centre",
        "church",
        "club",
        "league",
        "federation",
        "fund",
    ]
)
_DOCUMENT_HEADS = frozenset(
    [
        "report",
        "reports",
        "statement",
        "statements",
        "study",
        "studies",
        "survey",
        "surveys",
        "poll",
        "polls",
        "document",
        "documents",
        "letter",
        "letters",
        "memo",
        "memos",
        "filing",
        "filings",
        "lawsuit",
        "complaint",
        "indictment",
        "analysis",
        "book",
        "article",
        "email",
        "emails",
        "tweet",
        "tweets",
        "website",
        "post",
        "release",
        "data",
        "records",
        "papers",
        "transcript",
        "ad",
        "ads",
        "video",
        "review",
        "audit",
        "documents",
        "editorial",
        "column",
        "op-ed",
        "paper",
        "research",
        "findings",
        "figures",
        "numbers",
        "census",
        "guidelines",
        "rules",
        "law",
        "bill",
        "order",
        "ruling",
        "decision",
        "message",
        "note",
        "notes",
        "page",
        "sign",
        "signs",
    ]
)
_ANONYMOUS_HEADS = frozenset(
    [
        "source",
        "sources",
        "official",
        "officials",
        "aide",
        "aides",
        "person",
        "people",
        "insider",
        "insiders",
        "spokesman",
        "spokeswoman",
        "spokesperson",
        "diplomat",
        "diplomats",
        "someone",
        "somebody",
        "adviser",
        "advisers",
        "advisor",
        "advisors",
        "staffer",
        "staffers",
        "employee",
        "employees",
        "witness",
        "witnesses",
        "representative",
        "representatives",
        "member",
        "members",
    ]
)
_GROUP_HEADS_PLURAL_SUFFIX = ("s", "people")

_CAPITALISED = re.compile(r"^[A-Z][\w’'\-.]*$")


def _is_cap(word: str) -> bool:
    return bool(_CAPITALISED.match(word)) or (word.isupper() and len(word) > 1)


@frozen
class Described:
    """A source phrase taken apart: ``name`` (fullest form in the phrase), role, title, kind."""

    name: str
    kind: SpeakerKind
    role: str | None = None
    title: str | None = None
    pronoun: str | None = None
    #: The head word, lower-cased, for matching definite descriptions ("military").
    head: str = ""
    #: Whether the name is a proper name (capitalised words), as opposed to a description.
    proper: bool = False


def describe(words: list[str]) -> Described:
    """Take apart the words of a source phrase (already cut to the noun phrase)."""
    if not words:
        return Described("", SpeakerKind.UNKNOWN)
    low = [w.lower() for w in words]
    if len(words) == 1 and low[0] in PRONOUNS:
        kind = (
            SpeakerKind.PERSON
            if low[0] in PERSON_PRONOUNS | FIRST_PERSON
            else SpeakerKind.GROUP
            if low[0] in PLURAL_PRONOUNS
            else SpeakerKind.ORGANIZATION
        )
        return Described(words[0], kind, pronoun=low[0], head=low[0])

    # Leading determiners are not part of a name, nor are conjunctions and adverbs that
    # opened the sentence ("When Trump", "Then Brafman").
    start = 0
    while start < len(words) - 1 and (low[start] in _DETERMINERS or low[start] in _OPENING):
        start += 1
    head = low[-1].rstrip(".").replace("’s", "").replace("'s", "")

    # A proper name at the end of the phrase, after any titles: the trailing run of
    # capitalised words (with connectors such as "de" or "bin" inside it).
    end = len(words)
    i = end
    while i > start and (
        _is_cap(words[i - 1])
        or (low[i - 1] in ("de", "van", "von", "bin", "al", "da", "del", "la") and i < end)
    ):
        i -= 1
    name_start = i
    # Split titles off the front of the capitalised run: everything up to its last title
    # word ("Former Pennsylvania Gov. Ed Rendell", "Senate Majority Leader Mitch
    # McConnell") is the title, the rest the name.
    t = title_from = name_start
    described = False  # whether a role noun, not a title, ends the words before the name
    for p in range(name_start, end - 1):
        if low[p].rstrip(",") in _TITLES:
            t, described = p + 1, False
        elif low[p] in _ROLE_NOUNS and end - p >= 3:
            # "Spokeswoman Haley Morris", "Former Clinton Senior Adviser Sidney Blumenthal"
            t, described = p + 1, True
        if t == p + 1 and p + 3 < end and low[p + 1] == "of":
            t = p + 3  # "Chief Of Staff Rahm Emanuel" in a title-case headline
    if (
        t == name_start
        and name_start - 2 >= start
        and low[name_start - 1] == "of"
        and low[name_start - 2] in _TITLES
        and end - name_start >= 3
    ):
        # "Secretary of State Jon Husted": the title goes on past "of" up to the given
        # name, or to the last two words
        title_from = name_start - 2
        while title_from > start and low[title_from - 1] in _TITLES:
            title_from -= 1  # "Attorney General of Texas Ken Paxton"
        t = name_start + 1
        while t < end - 2 and words[t] not in given_name_genders():
            t += 1
    if described:
        title_from = t
    role_end = title_from
    while t == title_from and end - t >= 3 and low[t] in _ROLE_WORDS:
        # "Democrat Hillary Clinton": a party opening the run is no part of the name
        t = title_from = role_end = t + 1
    title_words = words[title_from:t]
    # A lower-case title just before the name ("president Obama") counts too.
    if not title_words and name_start > start and low[name_start - 1] in _TITLE_WORDS_LOWER_OK:
        title_words = [words[name_start - 1]]
        role_end = name_start - 1
    names = given_name_genders()
    if end - t >= 3 and words[t] not in names:
        # a person's name starts at its given name: "Offensive Things Donald Trump"
        for p in range(t + 1, end - 1):
            if words[p] in names:
                t = p
                break
    name_words = words[t:end]
    role_words = words[start:role_end]
    all_caps = all(_is_cap(w) for w in words[start:end])
    # The head noun or a word of the proper name makes it an organisation ("the U.S.
    # military", "Revolutionary Guards"); a modifier does not ("military spokesman X").
    # An honorific or an abbreviated title before the name makes it a person's, whatever
    # the name's words ("Mr. Church", "Sen. Bob Church"; not "Justice Department").
    personal = bool(name_words) and (
        title_words[-1:] != []
        and (title_words[-1].endswith(".") or title_words[-1].lower() in _HONORIFICS)
    )
    is_org_phrase = not personal and (
        head in _ORG_HEADS or any(w.lower() in _ORG_HEADS for w in name_words)
    )
    if (
        name_words
        and _is_cap(words[-1])
        and not is_org_phrase
        and any(fold(w) in _NAME_ORG_HEADS and not w.isupper() for w in name_words)
        and name_words[0] not in given_name_genders()  # "Michelle Steel", "Bill Press"
        and (
            not title_words
            or (
                low[title_from:t] == ["general"]
                and all(fold(w) in _NAME_ORG_HEADS for w in name_words)
            )
        )
    ):
        # A name with a word (not an acronym) that ends organisations' names: "The
        # Associated Press", "Wal-Mart Stores Inc.", "General Electric" ("General" is no
        # title there), "report by The New York Times". Alone, that word is a short name
        # ("The Times") that an earlier full name resolves.
        k = name_start
        while k < end - 1 and low[k] in _DETERMINERS:
            k += 1
        return Described(
            " ".join(words[k:end]), SpeakerKind.ORGANIZATION, head=head, proper=end - k > 1
        )

    if name_words and not is_org_phrase and (len(name_words) >= 2 or title_words):
        return Described(
            " ".join(name_words),
            SpeakerKind.PERSON,
            role=" ".join(role_words) or None,
            title=" ".join(title_words) or None,
            head=name_words[-1].lower(),
            proper=True,
        )
    phrase = " ".join(words[start:end])
    if head in _DOCUMENT_HEADS:
        return Described(phrase, SpeakerKind.DOCUMENT, head=head)
    if is_org_phrase or (
        all_caps and len(name_words) >= 1 and all(w.isupper() or "." in w for w in name_words)
    ):
        return Described(phrase, SpeakerKind.ORGANIZATION, head=head, proper=all_caps)
    if head in _ANONYMOUS_HEADS and not any(
        _is_cap(w) for w in words[start:end] if w.lower() not in _ANONYMOUS_HEADS
    ):
        return Described(" ".join(words), SpeakerKind.ANONYMOUS, head=head)
    if head in _ANONYMOUS_HEADS:
        return Described(phrase, SpeakerKind.ANONYMOUS, head=head)
    if name_words and len(name_words) == len(words[start:end]):
        # One or more capitalised words and nothing else ("Bergner", "Reuters").
        return Described(phrase, SpeakerKind.UNKNOWN, head=head, proper=True)
    if head.endswith("s") or " and " in f" {' '.join(low)} ":
        return Described(" ".join(words), SpeakerKind.GROUP, head=head)
    return Described(phrase, SpeakerKind.UNKNOWN, head=head)


class Resolver:
    """Resolves speakers in article order, remembering who has spoken and been named."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.history: list[Speaker] = []
        # Indexes over the history, so each resolution costs the same however many
        # speakers came before (an article of thousands of quotes stays linear).
        self._persons: dict[str, Speaker] = {}  # full name -> first speaker of that name
        self._surnames: dict[str, str] = {}  # surname -> earliest multiword person name
        self._heads: dict[tuple[SpeakerKind, str], Speaker] = {}  # latest by kind and head
        self._names: _Names | None = None  # the text's capitalised runs, read on demand

    def resolve(self, words: list[str], before: int, subject: Speaker | None = None) -> Speaker:
        """The speaker for source ``words`` appearing at offset ``before`` in the text.

        ``subject`` is the speaker named as the subject of the same sentence, if any; "it"
        in "The military has displayed what it says are ..." refers to it.
        """
        d = describe(words)
        speaker = self._resolve(d, before, subject)
        self.remember(speaker)
        return speaker

    def peek(self, words: list[str], before: int) -> Speaker:
        """Who ``words`` would resolve to, without remembering it."""
        return self._resolve(describe(words), before, None)

    def remember(self, speaker: Speaker) -> None:
        """Add ``speaker`` to the history and its indexes."""
        self.history.append(speaker)
        name = speaker.name
        if speaker.kind is SpeakerKind.PERSON:
            self._persons.setdefault(name, speaker)
            if " " in name:
                self._surnames.setdefault(name.rsplit(" ", 1)[1], name)
        if " " in name:
            self._heads[(speaker.kind, _head(name))] = speaker

    def _resolve(self, d: Described, before: int, subject: Speaker | None) -> Speaker:
        if d.pronoun is not None:
            found = self._pronoun(d.pronoun, subject, before)
            if found is not None:
                return found
            return Speaker(name=d.name, kind=d.kind)
        if d.kind is SpeakerKind.PERSON and " " not in d.name:
            # "Mrs. Clinton" is no Bill Clinton, "Mr. Trump" no Ivanka Trump
            gender = _gender(Speaker(name=d.name, kind=d.kind, role=d.role, title=d.title))
            full = self._full_name(d.name, before, gender)
            if full:
                return self._known(full) or Speaker(
                    name=full, kind=SpeakerKind.PERSON, role=d.role, title=d.title
                )
        if d.kind is SpeakerKind.UNKNOWN and d.proper and " " not in d.name:
            full = self._full_name(d.name, before)
            if full:
                return self._known(full) or Speaker(name=full, kind=SpeakerKind.PERSON)
        if not d.proper and d.kind in (
            SpeakerKind.ORGANIZATION,
            SpeakerKind.GROUP,
            SpeakerKind.UNKNOWN,
        ):
            # "The military" after "the U.S. military": the same speaker, named in full.
            earlier = self._heads.get((d.kind, d.head))
            if earlier is not None and earlier.name != d.name and len(earlier.name) > len(d.name):
                return earlier
        return Speaker(name=d.name, kind=d.kind, role=d.role, title=d.title)

    def _known(self, name: str) -> Speaker | None:
        """The earlier person speaker of that name, with the role and title given then."""
        return self._persons.get(name)

    def _pronoun(self, pronoun: str, subject: Speaker | None, before: int) -> Speaker | None:
        if pronoun in FIRST_PERSON:
            return None  # a source "I" or "we" outside quotes is the writer's own voice
        # "she" is no man and "he" no woman, where the name or title says which
        unlike = {"he": "f", "him": "f", "she": "m", "her": "m"}.get(pronoun)
        if pronoun in PERSON_PRONOUNS:
            wanted = {SpeakerKind.PERSON}
        elif pronoun in PLURAL_PRONOUNS:
            wanted = {SpeakerKind.GROUP, SpeakerKind.ANONYMOUS, SpeakerKind.ORGANIZATION}
        elif pronoun in THING_PRONOUNS:
            wanted = {SpeakerKind.ORGANIZATION, SpeakerKind.DOCUMENT}
        else:
            wanted = {SpeakerKind.PERSON, SpeakerKind.ORGANIZATION, SpeakerKind.GROUP}
        plural = pronoun in PLURAL_PRONOUNS

        def fits(speaker: Speaker) -> bool:
            return (
                speaker.kind in wanted
                and not (plural and _one(speaker))
                and (unlike is None or _gender(speaker) != unlike)
            )

        if subject is not None and fits(subject):
            return subject
        for earlier in reversed(self.history[-8:]):
            if earlier.name.lower() not in PRONOUNS and fits(earlier):
                return earlier
        if unlike is not None:
            return self._named_before(before, "m" if unlike == "f" else "f")
        return None

    def _named_before(self, before: int, gender: str) -> Speaker | None:
        """The person the text last names in the 600 characters before ``before``, when that
        person's given name or title says ``gender`` ("Tina Houchins had a question ...
        'As a Gold Star mother ...,' she said"): a man named closer stands aside, anyone whose
        gender nothing says ends the search."""
        names = self._text_names()
        i = bisect_left(names.starts, before) - 1
        while i >= 0 and names.starts[i] >= before - 600:
            person = names.person(i)
            if person is None:
                i -= 1
                continue
            name, title, found = person
            if found != gender:
                if found is None:
                    return None
                i -= 1
                continue
            full = name if " " in name else self._full_name(name, before, gender) or name
            return self._known(full) or Speaker(name=full, kind=SpeakerKind.PERSON, title=title)
        return None

    def _full_name(self, surname: str, before: int, gender: str | None = None) -> str | None:
        """The fullest name ending in ``surname``: an earlier speaker's, else the first the
        text gives (``before``, where the surname stands, is not a bound: a profile may
        name its subject in full only further down). Where ``gender`` is known ("Mrs.
        Clinton"), a full name whose given name says otherwise is passed over, and one whose
        given name agrees is preferred ("Donald Trump" over "Ivanka Trump" for "Mr. Trump")."""
        known = self._surnames.get(surname)
        if known is not None and (gender is None or _name_gender(known) in (None, gender)):
            return known
        names = self._text_names().full_names(surname)
        if gender is None:
            return names[0] if names else None
        agreeing = [n for n in names if _name_gender(n) == gender]
        unknown = [n for n in names if _name_gender(n) is None]
        best = agreeing or unknown
        return best[0] if best else None

    def _text_names(self) -> _Names:
        if self._names is None:
            self._names = _Names(self.text)
        return self._names


# A run of capitalised words: a surname and the words before it that may name its bearer.
_CAPITALISED_RUN = re.compile(r"[A-Z][\w’'\-]+\.?(?: [A-Z][\w’'\-]+\.?)+")


class _Names:
    """The capitalised runs of a text, read in one pass, and the names in them, worked out
    only when asked for (a run's words are taken apart at most once)."""

    def __init__(self, text: str) -> None:
        self.starts: list[int] = []
        self.runs: list[list[str]] = []
        #: surname -> where it ends a run's words: (run, word) indexes
        self.ends: dict[str, list[tuple[int, int]]] = {}
        for m in _CAPITALISED_RUN.finditer(text):
            run = m.group().split(" ")
            r = len(self.runs)
            self.starts.append(m.start())
            self.runs.append(run)
            for k in range(1, len(run)):
                for surname in _surnames_in(run[k]):
                    self.ends.setdefault(surname, []).append((r, k))
        self._full: dict[str, list[str]] = {}
        self._people: dict[int, tuple[str, str | None, str | None] | None] = {}

    def full_names(self, surname: str) -> list[str]:
        """The full names ``surname`` ends in the text, in the order first given, eight at
        most: "Bergner" → ``["Kevin Bergner"]``, "Clinton" → ``["Bill Clinton",
        "Hillary Clinton"]``."""
        names = self._full.get(surname)
        if names is None:
            names = self._full[surname] = []
            for r, k in self.ends.get(surname, ()):
                name = _full_name_before(self.runs[r], k, surname)
                if name is not None and name not in names:
                    names.append(name)
                    if len(names) == 8:
                        break
        return names

    def person(self, r: int) -> tuple[str, str | None, str | None] | None:
        """The person run ``r`` names, if any: ``(name, title, gender)``, gender "f" or
        "m" where the given name or title says it."""
        if r not in self._people:
            self._people[r] = _person_in(self.runs[r])
        return self._people[r]


def _name_gender(name: str) -> str | None:
    """ "f" or "m" where a full name's given name says so."""
    first = name.split(" ", 1)[0]
    found = given_name_genders().get(first) if " " in name else None
    return found if found in ("f", "m") else None


def _person_in(run: list[str]) -> tuple[str, str | None, str | None] | None:
    """The person a capitalised run names, if it names one: ``(name, title, gender)``."""
    for k, word in enumerate(run):
        if word[-2:] in ("'s", "’s"):
            run = run[: k + 1]  # a possessive ends the name: "Alan Grayson’s Senate"
            break
    d = _described_before(run, len(run) - 1, _surnames_in(run[-1])[0], titles=True)
    if d.kind is not SpeakerKind.PERSON or not d.name:
        return None
    who = Speaker(name=d.name, kind=SpeakerKind.PERSON, title=d.title, role=d.role)
    return d.name, d.title, _gender(who)


def _surnames_in(word: str) -> list[str]:
    """The surnames a capitalised word may end a name with: "Trump" for "Trump", "Trump."
    "Trump's" and "Trump-Pence" alike."""
    word = word[:-1] if word.endswith(".") else word
    if word[-2:] in ("'s", "’s"):
        word = word[:-2]
    head = word.split("-", 1)[0]
    return [word, head] if head and head != word else [word]


def _described_before(run: list[str], k: int, surname: str, titles: bool) -> Described:
    """``surname`` (run word ``k``) described with up to three run words before it, from
    after a sentence's end ("the West. Francis") or an abbreviation ("Sens. Robert
    Menendez"), and without function words opening it ("To Republicans"). With ``titles``,
    titles stay, for what they say ("Mrs. Clinton")."""

    def kept(word: str) -> bool:
        return titles and fold(word) in _TITLES

    words = [*run[max(0, k - 3) : k], surname]
    for j in range(len(words) - 2, -1, -1):
        if len(words[j]) > 2 and words[j].endswith(".") and not kept(words[j]):
            words = words[j + 1 :]
            break
    while words and fold(words[0]) in STOP and not kept(words[0]):
        words = words[1:]
    return describe(words)


def _full_name_before(run: list[str], k: int, surname: str) -> str | None:
    """The full name ``surname`` ends with the words before it in ``run``, if they give one:
    titles, roles and sentence-initial words left out ("Vice President Joe Biden", "When
    Donald Trump")."""
    d = _described_before(run, k, surname, titles=False)
    if (
        d.kind is SpeakerKind.PERSON
        and " " in d.name
        # a headline's words, not a surname like "May" ("Theresa May"); no possessive
        and not any(fold(w) in STOP or w[-2:] in ("'s", "’s") for w in d.name.split()[:-1])
    ):
        return d.name
    return None


_FEMALE_WORDS = wordset(
    """mrs ms miss madam lady dame queen princess duchess woman spokeswoman chairwoman
    congresswoman businesswoman councilwoman assemblywoman anchorwoman sportswoman
    stateswoman wife mother daughter sister grandmother widow actress girl aunt niece
    first-lady"""
)
_MALE_WORDS = wordset(
    """mr sir lord king prince duke man spokesman congressman businessman councilman
    assemblyman anchorman sportsman statesman husband father son brother grandfather
    widower boy uncle nephew"""
)


def _gender(speaker: Speaker) -> str | None:
    """ "f" or "m" where the speaker's title, role or given name says so, else ``None``."""
    if speaker.kind is not SpeakerKind.PERSON:
        return None
    words = {fold(w) for part in (speaker.title, speaker.role) if part for w in part.split()}
    if words & _FEMALE_WORDS and not words & _MALE_WORDS:
        return "f"
    if words & _MALE_WORDS and not words & _FEMALE_WORDS:
        return "m"
    return _name_gender(speaker.name)


def _one(speaker: Speaker) -> bool:
    """Whether the speaker is a company or a news organisation named as one ("The New York
    Times", "Wal-Mart Stores Inc."): "it", never "they", unlike "the police" or "Revolutionary
    Guards"."""
    last = fold(speaker.name.rsplit(" ", 1)[-1])
    return (
        speaker.kind is SpeakerKind.ORGANIZATION
        and last in _NAME_ORG_HEADS
        and last not in _ORG_HEADS
    )


def _head(name: str) -> str:
    return name.split()[-1].lower() if name else ""
