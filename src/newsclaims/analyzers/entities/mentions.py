"""Finding mentions of named things in an article, without a statistical model.

One compiled pattern finds *runs*: capitalised words joined by spaces, hyphens and name
connectors ("Bank of America", "Osama bin Laden", "U.S. and Iraqi"), plus the lower-case
words that continue a known alias ("the U.S. military"). Each run is split, left to right,
into knowledge-base aliases (longest match first), titles ("Supreme Leader", "Brigadier-
General"), and the unknown names left between them. A second pattern finds the nominal
"the military". Only runs are looked at in Python, so the work is linear in the text and
small: most words are lower-case and the regular expression engine skips them in C (the
run pattern opens with the class of capitals; a lower-case particle that opens a name,
"al-Qaeda", "bin Laden", is found behind a run's first capital); runs that are only a
function word ("The", "He") are dropped at once; and since news repeats its names, a
run's mentions are computed once per distinct run and cached.

The result is a list of :class:`Mention` in text order; deciding what each refers to, and
dropping sentence-initial capitals that are no names, is the linker's job.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache
from operator import attrgetter

from newsclaims.analyzers.entities.kb import ABBREVIATIONS, TOKEN, Candidate, KnowledgeBase
from newsclaims.analyzers.entities.lexicon import (
    CONNECTORS,
    LOCATION_HEADS,
    MEDIA_HEADS,
    NOMINAL_FOLLOWERS,
    NOT_ENTITIES,
    ON_JOINERS,
    OPENERS,
    ORG_FIRST,
    ORG_HEADS,
    OTHER_HEADS,
    STOP,
    SURNAME_WORDS,
    TITLE_MAX_WORDS,
    TITLES,
    fold,
    given_names,
    wordset,
)
from newsclaims.model import Span

__all__ = ["KB", "NAME", "NOMINAL", "Mention", "find_mentions", "is_title_case"]

KB = "kb"  #: a knowledge-base alias
NAME = "name"  #: a capitalised name the knowledge base does not know
NOMINAL = "nominal"  #: "the military"

# Words that may follow a knowledge-base name to make a different, unknown one ("Trump
# Tower", "Lebanese Army", "U.S. Embassy", "Iraq War").
_MERGE_HEADS = (
    ORG_HEADS
    | LOCATION_HEADS
    | MEDIA_HEADS
    | wordset(
        """war tower towers administration campaign crisis agreement deal accord treaty summit
        conference games cup olympics embassy consulate revolution spring hill plaza center
        centre stadium bridge program programme plan act bill daily weekly circuit"""
    )
)
# A party and state after a politician's name: "(R-IN)", "D-Calif."
_PARTY_STATE = re.compile(r"[RDI]-[A-Z][A-Za-z.]{0,5}")
# Hyphenated lower-case tails that make an adjective, not part of a name ("Iranian-backed").
_ADJECTIVE_TAILS = wordset(
    """led based backed born made run owned linked allied affiliated style era type like
    controlled funded sponsored inspired dominated held bound friendly leaning"""
)
# Legal forms and the like that follow a company's name ("Microsoft Corp.", "Goldman Sachs
# Group Inc."). Folded.
_LEGAL_FORMS = wordset(
    "inc co cos corp corporation company ltd llc llp lp plc ag sa s.a. nv n.v. se gmbh group "
    "holdings"
)
_TITLE_FIRST = frozenset(t.split()[0] for t in TITLES)
_HEADLINE_SMALL = wordset(
    "a an the of in on at to for and or but nor by with from as vs is are be via per off out up"
)
_SENTENCE_END = frozenset(".!?:;\n")
# (A closing quote mark stands for an opening one often enough in web text: ”Fear.)
_OPENING = frozenset(" \t\u00a0\"'“‘«([”")
_QUOTES = frozenset('"“‘«”')


class Mention:
    """A stretch of text that names something, with what the finder learnt about it.

    ``words`` are its tokens; ``candidates`` the knowledge-base items its alias may mean
    (empty for an unknown name); ``titled`` says a title stood right before it (a person);
    ``initial`` that it opens a sentence (so its capital proves nothing); ``weak`` that it
    sits in a title-case headline, where every word is capitalised.
    """

    __slots__ = (
        "candidates",
        "end",
        "head",
        "initial",
        "key",
        "kind",
        "start",
        "titled",
        "weak",
        "words",
    )

    def __init__(
        self,
        kind: str,
        start: int,
        end: int,
        words: tuple[str, ...],
        candidates: tuple[Candidate, ...] = (),
        titled: bool = False,
        initial: bool = False,
        weak: bool = False,
        head: str | None = None,
        key: str | None = None,
    ) -> None:
        self.kind = kind
        self.start = start
        self.end = end
        self.words = words
        self.candidates = candidates
        self.titled = titled
        self.initial = initial
        self.weak = weak
        #: "organization" or "location" when the name ends in a word that says so.
        self.head = head
        #: The words folded and joined by spaces ("u.s. military"), as knowledge-base keys are.
        self.key = " ".join(fold(w) for w in words) if key is None else key

    @property
    def span(self) -> Span:
        return Span(self.start, self.end)

    def shifted(self, offset: int) -> Mention:
        """The same mention ``offset`` characters further on."""
        return Mention(
            self.kind,
            self.start + offset,
            self.end + offset,
            self.words,
            self.candidates,
            self.titled,
            self.initial,
            self.weak,
            self.head,
            self.key,
        )

    def __repr__(self) -> str:
        return f"Mention({self.kind}, {self.start}, {self.end}, {' '.join(self.words)!r})"


@lru_cache(maxsize=4)
def run_pattern(kb: KnowledgeBase) -> re.Pattern[str]:
    """The pattern of a run of name words, with ``kb``'s lower-case continuations."""
    up = _upper_class()
    space = r"[ \u00a0]"
    connectors = "|".join(sorted((re.escape(c) for c in CONNECTORS), key=len, reverse=True))
    word_tail = (
        r"[^\W_]*(?:['’](?![sS](?![^\W_]))[^\W_]+)*"  # Shi'ite, O'Brien; not Iran's
        r"(?:-[^\W\d_]+(?:['’](?![sS](?![^\W_]))[^\W_]+)*)*"  # Kim Jong-un, Iranian-backed
    )
    word = (
        rf"(?:[{up}]\.){{2,}}"  # U.S., D.C.
        rf"|[{up}]\.[{up}][a-z]{{1,3}}\.(?!\w)"  # W.Va.
        rf"|(?:{ABBREVIATIONS})\.(?={space})"  # Gen., Mr., Jr.
        rf"|[{up}]\.(?={space}[{up}])"  # an initial: George W. Bush
        rf"|[{up}]{word_tail}"
    )
    separator = (
        rf"(?:{space}(?:(?:{connectors}){space}){{0,2}}"  # Bank of America, Trinidad and Tobago
        rf"|{space}(?:al|el|ad|as|ash|at|az|bin|ibn|abu)-"  # Bashar al-Assad
        r"|-|&)"  # Brigadier-General, AT&T
    )
    continuations = "|".join(
        sorted((re.escape(c) for c in kb.continuations), key=len, reverse=True)
    )
    more = rf"{separator}(?=[{up}])(?:{word})"  # (the lookahead fails lower-case words at once)
    if continuations:
        more += rf"|{space}(?:{continuations})(?![\w])"
    # The pattern opens with a character class, the capitals, so the regular expression
    # engine skips to them in C instead of trying the pattern at every character; the rest
    # is written for a first letter already taken. The lookbehind keeps runs from starting
    # inside a word, a handle ("@MaryJBlige"), a hashtag or a web address. (Runs opened by
    # a lower-case particle, "al-Qaeda", are extended by ``_particle_before``.)
    rest = (
        rf"\.(?:[{up}]\.)+"  # U.S., D.C.
        rf"|\.[{up}][a-z]{{1,3}}\.(?!\w)"  # W.Va.
        rf"|(?:{_tails(ABBREVIATIONS)})\.(?={space})"  # Gen., Mr., Jr.
        rf"|\.(?={space}[{up}])"  # an initial: George W. Bush
        rf"|{word_tail}"
    )
    return re.compile(rf"[{up}](?<![\w'’@#/].)(?:{rest})(?:{more})*")


def _tails(words: str) -> str:
    """The ``|``-separated literal ``words`` as an alternation that matches each word after
    its first letter, checking behind it that the letter was that word's."""
    return "|".join(f"(?<={re.escape(w[0])}){re.escape(w[1:])}" for w in words.split("|"))


# Lower-case words that open a name: articles joined to it by a hyphen ("al-Qaeda"), and
# particles followed by a space ("bin Laden", "de la Cruz", "van der Leyen").
_ARTICLES = ("al", "el", "ad", "ash", "as", "at", "az")
_PARTICLES = ("bin", "ibn", "abu", "de", "van", "von", "le", "la", "da", "di", "du", "del")
_SECOND_PARTICLES = ("der", "den", "la", "le")


@lru_cache(maxsize=1)
def _particle_before() -> re.Pattern[str]:
    """A lower-case article or particle that opens a name, ending where the search is asked
    to end: "al-" before "Qaeda", "bin " before "Laden", "de la " before "Cruz"."""
    space = r"[ \u00a0]"
    return re.compile(
        rf"(?<![\w'’@#/])(?:(?:{'|'.join(_ARTICLES)})-"
        rf"|(?:{'|'.join(_PARTICLES)})(?:{space}(?:{'|'.join(_SECOND_PARTICLES)}))?{space})\Z"
    )


# How those end: the last three or four characters before a name they open, for a quick
# test before the pattern.
_PARTICLE_ENDS = frozenset(
    [f"{w}-" for w in _ARTICLES]
    + [f"{w}{space}" for w in _PARTICLES + _SECOND_PARTICLES for space in " \u00a0"]
)


@lru_cache(maxsize=1)
def _upper_class() -> str:
    """A character class body for every upper-case letter below U+2000 (Latin, Greek, Cyrillic)."""
    parts: list[str] = []
    run_start = prev = -2
    for cp in range(0x41, 0x2000):
        if chr(cp).isupper():
            if cp != prev + 1:
                if run_start >= 0:
                    parts.append(_range(run_start, prev))
                run_start = cp
            prev = cp
    parts.append(_range(run_start, prev))
    return "".join(parts)


def _range(a: int, b: int) -> str:
    return re.escape(chr(a)) if a == b else f"{re.escape(chr(a))}-{re.escape(chr(b))}"


_NOMINAL = re.compile(r"(?<![\w’'])[Tt]he[ \u00a0]+military(?![\w’'-])")
_NEXT = re.compile(r"\s*([\w’']+|\S)")


def is_title_case(text: str) -> bool:
    """Whether ``text`` capitalises (nearly) all its content words ("Trump Wins Debate").

    Four in five words of three letters or more, other than articles, conjunctions and
    short prepositions, must be capitalised: headline writers are not always consistent.
    """
    words: list[str] = re.findall(r"[^\W\d_][\w'’]*", text)
    content = [w for w in words if len(w) >= 3 and w.lower() not in _HEADLINE_SMALL]
    if len(content) < 3:
        return bool(content) and all(w[0].isupper() for w in content)
    return sum(w[0].isupper() for w in content) >= 0.8 * len(content)


def find_mentions(
    text: str, regions: Sequence[tuple[Span, bool]], kb: KnowledgeBase
) -> list[Mention]:
    """The mentions in ``regions`` of ``text``, in text order.

    ``regions`` are ``(span, is_headline)`` pairs (the headline and the body, say); text
    outside them (trailing boilerplate) is not read. Every mention lies inside its region.
    """
    pattern = run_pattern(kb)
    skip = _never_names(kb)
    particle, ends = _particle_before(), _PARTICLE_ENDS
    opening, sentence_end, quotes = _OPENING, _SENTENCE_END, _QUOTES
    out: list[Mention] = []
    append = out.append
    for region, headline in regions:
        floor = region.start
        weak = headline and is_title_case(text[floor : region.end])
        end = floor
        for run in pattern.finditer(text, floor, region.end):
            start = run.start()
            if text[start - 3 : start] in ends or text[start - 4 : start] in ends:
                opened = particle.search(text, max(end, start - 10), start)
                if opened is not None:  # "al-Qaeda", "bin Laden"
                    start = opened.start()
            end = run.end()
            words = text[start:end]
            if words in skip:
                continue  # "The", "But", "He": a third of all runs, settled at once
            # whether the run opens a sentence, a quotation or the region
            p = start - 1
            initial = False
            while p >= floor and text[p] in opening:
                initial = initial or text[p] in quotes
                p -= 1
            initial = initial or p < floor or text[p] in sentence_end
            for found, dotted in _run_mentions(words, initial, weak, kb):
                mention = found.shifted(start)
                if dotted and text[mention.end : mention.end + 1] == ".":
                    mention.end += 1  # "FLINT, Mich.": the abbreviation keeps its period
                append(mention)
        if text.find("military", floor, region.end) < 0:
            continue  # (the pattern below is tried at every character: not for nothing)
        for m in _NOMINAL.finditer(text, floor, region.end):
            follower = _NEXT.match(text, m.end(), region.end)
            if follower is None or fold(follower.group(1)) in NOMINAL_FOLLOWERS:
                append(Mention(NOMINAL, m.start(), m.end(), ("the", "military")))
    out.sort(key=_start)
    return out


_start = attrgetter("start")


@lru_cache(maxsize=4)
def _never_names(kb: KnowledgeBase) -> frozenset[str]:
    """Capitalised words that, alone, are never a mention (and no alias of ``kb``)."""
    words = (STOP | OPENERS | NOT_ENTITIES | kb.plural_demonyms) - SURNAME_WORDS
    return frozenset(
        form
        for w in words
        if w not in kb.prefixes
        for form in (w.capitalize(), w.upper(), w[:1].upper() + w[1:])
        if form[:1].isupper()
    )


def _title_length(folded: Sequence[str], i: int) -> int:
    """How many words from ``i`` make a title ("supreme leader"), or 0."""
    if folded[i] not in _TITLE_FIRST:
        return 0
    for length in range(min(TITLE_MAX_WORDS, len(folded) - i), 0, -1):
        if " ".join(folded[i : i + length]) in TITLES:
            return length
    return 0


def _name_tail(text: str, tokens: list[re.Match[str]], words: list[str], k: int) -> bool:
    """Whether the lower-case word ``k`` ends a name after a hyphen ("Park Geun-hye")."""
    return (
        k > 0
        and text[tokens[k].start() - 1] == "-"
        and words[k - 1][0].isupper()
        and words[k] not in _ADJECTIVE_TAILS
        and len(words[k]) <= 4
    )


def _surname_like(word: str, folded: str) -> bool:
    """Whether ``word`` may be a surname: capitalised, not an acronym, a function word or a
    head ("Georgia Smith", but not "Virginia AFL-CIO" or "Charlotte Observer")."""
    return (
        word[0].isupper()
        and not word.isupper()
        and folded not in STOP
        and folded not in _MERGE_HEADS
        and folded not in NOT_ENTITIES
    )


@lru_cache(maxsize=1 << 14)  # news repeats its names: a run met before costs a lookup
def _run_mentions(
    run: str, initial: bool, weak: bool, kb: KnowledgeBase
) -> tuple[tuple[Mention, bool], ...]:
    """The mentions in one run, with offsets into the run, each with whether it is an alias
    whose final period, if the text has one, belongs to it ("Mich.")."""
    tokens = list(TOKEN.finditer(run))
    out: list[Mention] = []
    if tokens:
        _split_run(run, tokens, initial, weak, kb, given_names(), out)
    return tuple((m, m.kind == KB and m.key in kb.dotted) for m in out)


def _split_run(
    text: str,
    tokens: list[re.Match[str]],
    initial: bool,
    weak: bool,
    kb: KnowledgeBase,
    names: frozenset[str],
    out: list[Mention],
) -> None:
    """Split one run (``text``: the run itself) into alias, title and unknown-name mentions,
    appended to ``out``."""
    words = [t.group() for t in tokens]
    folded = [fold(w) for w in words]
    n = len(words)
    seg = -1  # first token of the unknown name being collected, or -1
    titled = False
    last_kb = -1  # index in ``out`` of an alias mention ending where the unknown name starts
    last_kb_end = -1  # its end, in tokens

    personal = False  # whether the unknown name being collected starts like a person's

    def flush(stop: int, keep: bool = False) -> None:
        nonlocal seg, titled, personal
        if seg >= 0:
            previous = last_kb if last_kb_end == seg else -1
            opens = initial and seg == 0
            _emit_name(
                text,
                tokens,
                words,
                folded,
                seg,
                stop,
                opens,
                titled,
                weak,
                kb,
                names,
                out,
                previous,
                keep,
            )
        seg = -1
        titled = False
        personal = False

    i = 0
    while i < n:
        w = words[i]
        if not w[0].isupper():
            # a connector, a continuation or a hyphenated tail: part of a name only between
            # capitalised words; "and" separates two names, and so does "on" unless a head
            # such as "Commission" takes it
            f = folded[i]
            if (
                f == "and"
                or (f == "on" and (i == 0 or folded[i - 1] not in ON_JOINERS))
                or (f in ("of", "for") and personal and 2 <= i - seg <= 3)
            ):
                # (after a person's name, "of" and "for" say where they are from or work:
                # "Cameron Easley for Morning Consult", "Peter Morgan of the Sierra Club")
                flush(i)
            i += 1
            continue
        length, cands = kb.match(words, folded, i)
        if initial and i == 0 and length > 1 and folded[0] == "the":
            # A sentence's first word is capitalised anyway: "The Associated Press
            # reported" names the Associated Press, where "told The Associated Press" has
            # the article in the name.
            rest, rest_cands = kb.match(words, folded, 1)
            if rest == length - 1 and {c.entry.key for c in rest_cands} == {
                c.entry.key for c in cands
            }:
                i += 1
                continue
        tlen = _title_length(folded, i)
        if tlen and (i + tlen >= n or not words[i + tlen][0].isupper()):
            tlen = 0  # a title names no one with nothing after it: "Howard Dean"
        if (
            length > tlen
            and ((titled and seg < 0) or (seg >= 0 and folded[seg] == "miss"))
            and all(c.entry.type == "location" and not c.demonym for c in cands)
        ):
            # A place's name right after a title is someone's name ("Mr. Jordan", "State
            # Rep. Rio Tilton"); after "Miss", a pageant's ("Miss USA", "Miss Teen USA").
            if seg < 0:
                seg = i
            i += length
            continue
        if length > tlen:
            if (
                seg >= 0
                and folded[i - 1] in ("of", "for", "the")
                and any(folded[k] in ORG_HEADS or folded[k] in ORG_FIRST for k in range(seg, i))
            ):
                # a place or a people inside an organisation's name: "University of
                # Michigan", "Center for American Progress"
                i += length
                continue
            if (
                length == 1
                and (w in names or cands[0].entry.type == "person")
                and i + 1 < n
                and text[tokens[i].end()] == " "  # "Charlotte-Mecklenburg" is a place
                and _surname_like(words[i + 1], folded[i + 1])
                and kb.match(words, folded, i + 1)[0] == 0
            ):
                # a given name that is also a place ("Georgia Smith", "Victoria Beckham") or
                # a famous surname ("Blair Effron", "Cameron Easley") begins someone's name
                if seg < 0:
                    seg = i
                    personal = True
                i += 1
                continue
            named = [k for k in range(max(seg, 0), i) if seg >= 0 and folded[k] not in STOP]
            if (
                named == [i - 1]
                and length == 1
                and (
                    words[i - 1] in names
                    or (
                        cands[0].entry.type == "person"
                        and words[i] not in names
                        and not (initial and i == 1)  # "Notice Trump didn't"
                    )
                )
            ):
                # a name before a single-word alias makes someone else's full name: "Laura
                # Bush", "Keron Blair", "Chuck Jordan"
                i += 1
                continue
            if named == [i - 1] and cands[0].entry.type == "person":
                # one capitalised word right before a person's name qualifies it, like a
                # title: "Did Crooked Hillary", "Democrat Hillary Clinton"
                seg = -1
            # before a demonym that a name goes on after, even a word like "National" may
            # begin that name ("National Iranian Oil Company")
            flush(i, keep=cands[0].demonym and i + length < n and words[i + length][0].isupper())
            if any(c.entry.kind == "ignore" for c in cands):
                i += length
                continue
            end = tokens[i + length - 1].end()
            alias = tuple(words[i : i + length])
            out.append(Mention(KB, tokens[i].start(), end, alias, cands, weak=weak, titled=titled))
            last_kb, last_kb_end = len(out) - 1, i + length
            i += length
            continue
        if tlen and not _org_after_title(words, folded, i, tlen):
            flush(i)
            titled = True
            i += tlen
            continue
        if seg < 0:
            seg = i
            personal = titled or w in names
        i += 1
    flush(n)


def _org_after_title(words: list[str], folded: list[str], i: int, tlen: int) -> bool:
    """Whether the title "General" at ``i`` is the first word of an organisation's name:
    the capitalised words after it are all heads of organisations' names ("General
    Electric", "General Motors Co."), as no one's name is. (Only "General": "Rep. Steel"
    and "Mr. Church" are people.)"""
    if tlen != 1 or folded[i] != "general":
        return False
    k = i + 1
    while k < len(words) and words[k][0].isupper():
        if folded[k] not in ORG_HEADS:
            return False
        k += 1
    return k > i + 1


def _emit_name(
    text: str,
    tokens: list[re.Match[str]],
    words: list[str],
    folded: list[str],
    first: int,
    stop: int,
    initial: bool,
    titled: bool,
    weak: bool,
    kb: KnowledgeBase,
    names: frozenset[str],
    out: list[Mention],
    previous: int,
    keep: bool = False,
) -> None:
    """Trim the unknown name ``words[first:stop]`` and append it, if anything is left.

    ``keep`` appends it even if its words are never a name alone, for a demonym and the
    rest of a name to join.
    """
    if _PARTY_STATE.fullmatch(text, tokens[first].start(), tokens[stop - 1].end()):
        return
    # Lower-case words at the edges (connectors, "military", "-backed") are not the name,
    # nor are function words ("But Bergner", "Bergner on Monday"), nor, at a sentence
    # start, words that open sentences ("Senior Iranian leaders", "Forty percent").
    while stop > first and (
        (not words[stop - 1][0].isupper() and not _name_tail(text, tokens, words, stop - 1))
        or (folded[stop - 1] in STOP and folded[stop - 1] not in SURNAME_WORDS)
    ):
        stop -= 1
    while first < stop and (
        not words[first][0].isupper()
        or (
            (
                (folded[first] in STOP and folded[first] not in SURNAME_WORDS)
                or (initial and folded[first] in OPENERS)
            )
            and not (words[first] in names and stop - first > 1)
        )
    ):
        first += 1  # (still at the sentence start: "The Latest", "But Asked")
    if first >= stop or (stop - first == 1 and len(words[first]) == 1):
        return  # nothing left, or a lone capital letter
    if (
        stop - first >= 3
        and all(w.isupper() for w in words[first:stop] if w[0].isalpha())
        and " " in text[tokens[first].start() : tokens[stop - 1].end()]
    ):
        return  # a shouted heading ("GARLAND STEPS ASIDE"), not a name ("AFL-CIO")
    if stop - first >= 3 and words[first] not in names:
        # "Miss Universe Alicia Machado": a person's name starts at its given name
        for k in range(first + 1, stop - 1):
            if words[k] in names:
                first = k
                break
    # An adjective made with a hyphen ("Kurdish-led") ends the name before the hyphen.
    for k in range(first + 1, stop):
        if folded[k] in _ADJECTIVE_TAILS and text[tokens[k].start() - 1] == "-":
            stop = k
            break
    if not keep and all(
        (f in NOT_ENTITIES or f in STOP or f in OPENERS or f in kb.plural_demonyms)
        and f not in SURNAME_WORDS
        for f in folded[first:stop]
    ):
        return
    head = _head(folded[first:stop])
    before_cand = out[previous].candidates[0] if previous >= 0 else None
    if (
        before_cand is not None
        and before_cand.entry.kind == "company"
        and all(f in _LEGAL_FORMS for f in folded[first:stop])
    ):
        # "Microsoft Corp.", "Goldman Sachs Group Inc.": a legal form after a company's
        # name is part of that name, not the start of another one
        before = out[previous]
        out[previous] = Mention(
            KB,
            before.start,
            tokens[stop - 1].end(),
            (*before.words, *words[first:stop]),
            before.candidates,
            titled=before.titled,
            weak=before.weak,
            key=before.key,
        )
        return
    if before_cand is not None and (
        folded[stop - 1] in _MERGE_HEADS
        or before_cand.entry.type == "organization"
        or (before_cand.demonym and words[first] not in names)
        or (before_cand.entry.type == "location" and not weak and words[first] not in names)
    ):
        # "Lebanese Army", "U.S. Embassy", "Dallas Morning News", "Apple Music", "Chinese
        # New Year", "Miami Dolphins", "New York Stock Exchange": the alias and what
        # follows it make one, unknown, name (a place before a given name, "Georgia Smith",
        # or a title, "Texas Gov. Greg Abbott", starts no such name)
        before = out.pop(previous)
        start, joined = before.start, (*before.words, *words[first:stop])
        if out and out[-1].kind == NAME and not out[-1].titled and text[out[-1].end : start] == " ":
            # a name on both sides of a demonym is one name: "National Iranian Oil Company"
            prior = out.pop()
            start, joined = prior.start, (*prior.words, *joined)
        out.append(
            Mention(
                NAME,
                start,
                tokens[stop - 1].end(),
                joined,
                titled=before.titled,
                weak=weak,
                head=head or "other",
            )
        )
        return
    out.append(
        Mention(
            NAME,
            tokens[first].start(),
            tokens[stop - 1].end(),
            tuple(words[first:stop]),
            titled=titled,
            initial=initial,
            weak=weak,
            head=head,
        )
    )


def _head(folded: Sequence[str]) -> str | None:
    """The type a name's words say it has: "Tax Policy Center" is an organisation."""
    first, last = folded[0], folded[-1]
    if last in OTHER_HEADS:
        return "other"
    if last in ORG_HEADS or last in MEDIA_HEADS or first in ORG_FIRST:
        return "organization"
    if last in LOCATION_HEADS:
        return "location"
    if len(folded) >= 3 and any(f in ORG_HEADS for f in folded):
        return "organization"  # "Wayne State University School of Medicine"
    return None
