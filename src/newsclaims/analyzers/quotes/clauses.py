"""Attributions inside one unit: cue, source and content around verbs, phrases and marks."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from itertools import pairwise

from newsclaims.analyzers.quotes.cues import (
    PARTICLE_VERBS,
    PHRASES,
    VERBS,
    Cue,
    context_class,
    contextual_cues,
    cue_particles,
)
from newsclaims.analyzers.quotes.learned import cue_probability, stem
from newsclaims.analyzers.quotes.marks import Quote
from newsclaims.analyzers.quotes.speakers import PRONOUNS
from newsclaims.analyzers.quotes.units import (
    Cover,
    Found,
    Unit,
    has_words,
    inside,
    kind_of,
    outside_quotes,
    span_of,
    trim_end,
)
from newsclaims.analyzers.quotes.words import (
    AUX,
    CONTRACTIONS,
    COPULAS,
    CUE_ADVERBS,
    LEFT_STOP,
    MAX_SOURCE,
    NOT_IN_SOURCE,
    POSSESSIVE_BEFORE,
    PREPOSITIONS,
    PUNCT_CUES,
    QUOTE_CHARS,
    RIGHT_STOP,
    SUBORDINATORS,
    TIME_WORDS,
)
from newsclaims.model import Span, StatementKind
from newsclaims.text import Token, trim

CONTEXTUAL: dict[tuple[str, str], float] = contextual_cues()
PARTICLES: dict[tuple[str, str], float] = cue_particles()
# How often a cue word must take in a particle on train for the finder to take it in
# (0.5 and 0.7 tried on train and dev).
PARTICLE_RATE = 0.7
# Checked first, so the context class is worked out only for the few words that need it.
_CONTEXTUAL_WORDS = frozenset(word for word, _ in CONTEXTUAL)
# How often a cue form must be a cue in PolNeAR train to count without a source in view
# (tuned on train).
SOURCELESS_RATE = 0.4
# How likely a word the lexicon does not list must be a cue by the learned detector (see
# :mod:`.learned`) to count as one. 0.4 was tuned on dev (0.3-0.7 tried) before the finder
# had its learned last check (:mod:`.keep`); with it, 5-fold cross-validation on train
# prefers 0.35 (relation F1 75.85 -> 76.01; 0.25-0.5 tried).
MODEL_THRESHOLD = 0.35
# Learned cue forms that are cues less often than this on train need the learned detector's
# word for it in each context: a probability of GATE_PROBABILITY or more (gate 0.3-0.5 and
# probability 0.25-0.4 tried on train and dev). The same gate for the lexicon's forms
# gained nothing.
LEARNED_GATE = 0.4
GATE_PROBABILITY = 0.3


def attributions(text: str, unit: Unit, within: Sequence[Span] | None = None) -> list[Found]:
    """The verb, phrase and punctuation attributions of ``unit``; with ``within`` (spans
    in text order), only those whose cue starts in one of them (the unit's other
    constructions are left out)."""
    toks = outside_quotes(unit)
    if not toks:
        return []
    out: list[Found] = []
    nested = _nested(text, unit, toks) if within is None else None
    if nested is not None:
        out.append(nested)
    claimed_until = -1
    # The nested attribution claims its own words only: a cue before it still counts
    # ("Taylor said he expected people angry at what they believe is a rigged system").
    # Not a cue whose object is the nested clause: "The military displayed what it says
    # are Iranian-made rockets" is the writer's statement about what the military did.
    nested_from = nested.source.start if nested and nested.source else -1
    nested_until = nested.content[-1].end if nested else -1
    nested_what = (
        max((t.start for t in toks if t.start < nested_from), default=-1) if nested else -1
    )
    sourceless: list[Found] = []
    sourceless_until = -1
    # Where the last attribution with its content before its cue ends ("..., according to
    # the AP", "..., said Smith"): the next such content starts there, so that repeats
    # do not nest (PolNeAR nests other attributions in them: "A said B, C reported").
    before_from = -1
    region = 0  # the first of ``within`` that does not end before the token
    for k, tok in enumerate(toks):
        if nested_from <= tok.start < nested_until:
            continue
        if within is not None:
            while region < len(within) and within[region].end <= tok.start:
                region += 1
            if region == len(within):
                break
            if tok.start < within[region].start:
                continue
        if tok.start < claimed_until:
            if k > 0 and toks[k - 1].lower == "," and _according_to(toks, k):
                # "Clinton plans to visit Charlotte on Sunday, according to a campaign
                # aide": the phrase cue ends the content it sits in and attributes it.
                f = _phrase_cue(text, unit, toks, k, before_from)
                if f is not None and f.source is not None:
                    for o in out[-2:]:
                        o.content = _cut(text, o.content, toks[k - 1].start)
                    out[-2:] = [o for o in out[-2:] if o.content]
                    out.append(f)
                    before_from = f.source.end
                    claimed_until = max(claimed_until, f.source.end)
            continue
        # "according to X" is a phrase cue before it is a verb: its source follows it.
        f = _phrase_cue(text, unit, toks, k, before_from)
        if f is None:
            # A cue without a source is looked for only past the content of the last one
            # (one inside it would be dropped anyway), so that each is worked out once.
            f = _verb_cue(
                text, unit, toks, k, tok.start >= sourceless_until, before_from=before_from
            )
        if (
            f is not None
            and f.cue is not None
            and f.kind is not StatementKind.DIRECT
            and f.content[0].end <= f.cue.start
        ):
            before_from = max(f.cue.end, f.source.end if f.source is not None else -1)
        if f is not None and f.content[0].start == nested_what:
            continue
        if f is not None and f.source is None and f.cue is not None:
            # "..., with 30 percent of voters saying ...", "Mr. Trump struck a measured
            # tone, saying ...": a participle's source is the subject it hangs on.
            subject = _participle_source(toks, _token_at(toks, f.cue.start))
            if subject is not None:
                f.source = span_of(toks, *subject)
                f.source_words = _words_of(toks, *subject)
        if f is not None and f.source is None:
            # Claims nothing: a cue with a source later in the unit comes first.
            sourceless.append(f)
            sourceless_until = max(sourceless_until, f.content[-1].end)
            continue
        if f is not None:
            out.append(f)
            claimed_until = max(max(s.end for s in f.content), f.cue.end if f.cue else -1)
            # A participle cue after a comma shares the source: "..., adding that ...".
            rest = _participle(text, unit, toks, k + 1, f)
            if rest is not None:
                out.append(rest)
                claimed_until = max(claimed_until, *(s.end for s in rest.content))
            # Later cues past the content may start attributions of their own ("Cook said
            # Carter stopped it, but Cook did not say when").
    if within is not None:
        _add_sourceless(text, out, sourceless)
        return out
    if not out:
        f = _punctuation_cue(text, unit, toks)
        if f is not None:
            out.append(f)
    if not out:
        f = _subject_participle(text, unit, toks)
        if f is not None:
            out.append(f)
    _add_sourceless(text, out, sourceless)
    return out


_NEGATIONS = frozenset({"not", "n't", "never", "no"})


def _adverb(tok: Token) -> bool:
    return tok.lower.endswith("ly") and tok.text[:1].islower() and tok.lower not in _NOT_ADVERBS


# Words in -ly that are not adverbs: "The family is leaning ...", "his ally said".
_NOT_ADVERBS = frozenset(
    {"family", "ally", "rally", "fly", "apply", "supply", "reply", "assembly", "bully",
     "anomaly", "italy", "july", "friendly", "ugly", "costly", "elderly",
     "weekly", "monthly", "holy", "belly", "jelly", "folly"}
)  # fmt: skip


def _noun_phrase(text: str, span: Span) -> bool:
    """Whether ``span`` starts as a noun phrase rather than a clause or a quote."""
    first = _FIRST_WORD.match(text, span.start, span.end)
    if first is None:
        return False
    word = _uncontracted(first.group(1).lower())  # "it’s", "they're"
    return word not in _CLAUSE_WORDS and word[:1] not in "“\"‘'«"


def _uncontracted(word: str) -> str:
    """``word`` without a contraction: "he’d" and "he's" give "he"."""
    for mark in ("’", "'"):
        word = word.partition(mark)[0] or word
    return word


_FIRST_WORD = re.compile(r"\s*(\S+)")
_CLAUSE_WORDS = frozenset(
    {"that", "if", "whether", "to", "how", "what", "why", "when", "where", "who", "which"}
    | {"he", "she", "they", "we", "i", "it", "you"}
)


# Bare forms of cue verbs that the lexicon leaves out as nouns ("a note", "the claim").
_BARE_VERBS = frozenset({"note", "claim", "argue", "question", "praise", "blame", "call"})


def _particle_rate(word: str, particle: str) -> float:
    """How often ``word`` as a cue takes in ``particle`` after it on train; for a word seen
    with it too rarely, how often any cue word does."""
    rate = PARTICLES.get((word, particle))
    return rate if rate is not None else PARTICLES.get(("*", particle), 0.0)


_RAISING = frozenset({"seem", "seems", "seemed", "appear", "appears", "appeared"})
# Passive cues whose subject is who heard or was asked ("I was told that ...").
_TOLD = frozenset({"told", "asked", "questioned", "pressed", "informed", "briefed", "reminded"})


def _passive(toks: Sequence[Token], j: int, k: int) -> bool:
    """Whether the cue ``toks[j..k]`` is a passive: a form of "be" and a past participle;
    not one that names a state of mind ("Protesters were frustrated that ...": the subject
    holds it, and is the source)."""
    return (
        toks[k].lower.endswith(("ed", "en", "wn"))
        and toks[k].lower not in _STATE_OF_MIND
        and any(t.lower in _BE for t in toks[j:k])
    )


# Participles after "be" whose subject is the one who thinks or feels (on PolNeAR train the
# source comes before these cues, not the content: worried 5 of 5, concerned 4 of 4, ...).
_STATE_OF_MIND = frozenset(
    {
        "worried", "concerned", "divided", "convinced", "outraged", "impressed", "shocked",
        "assured", "devoted", "frustrated", "pleased", "disappointed", "surprised",
        "troubled", "alarmed", "determined", "committed", "dismayed", "angered", "annoyed",
        "delighted", "encouraged", "excited", "heartened", "irritated", "offended", "relieved",
        "satisfied", "stunned", "tired", "upset", "opposed", "inclined", "persuaded",
        "keen", "thrilled", "interested", "intrigued", "fascinated", "puzzled", "baffled",
        "amazed", "appalled", "horrified", "terrified", "scared", "frightened", "embarrassed",
        "confused", "enthused", "energized", "emboldened", "unconvinced", "unimpressed",
    }
)  # fmt: skip


def _add_sourceless(text: str, out: list[Found], pending: list[Found]) -> None:
    """Add the relations of ``pending`` (in text order), whose source the text does not
    give ("Critics of the plan were quick to note that ...", "..., it was reported"),
    except those whose cue sits inside the content of another relation; each content stops
    where a later relation's source or cue starts. One pass, with binary searches."""
    if not pending:
        return
    contents = Cover(s for o in out for s in o.content)
    marks = sorted(p.start for o in out for p in (o.source, o.cue) if p is not None)
    cues = {o.cue for o in out}
    until = -1
    for f in pending:
        assert f.cue is not None
        at = f.cue.start
        if at < until or contents.overlaps(Span(at, at + 1)) or f.cue in cues:
            continue
        j = bisect_left(marks, f.cue.end)
        if j < len(marks):
            f.content = _cut(text, f.content, marks[j])
        if f.content and has_words(text, f.content[-1], 2):
            out.append(f)
            until = f.content[-1].end


def _cut(text: str, content: list[Span], stop: int) -> list[Span]:
    """``content`` ending before ``stop``, without trailing punctuation."""
    return [
        trim_end(text, trim(text, s.start, min(s.end, stop))) for s in content if s.start < stop
    ]


def _token_at(toks: Sequence[Token], offset: int) -> int:
    """The index of the first token that starts at or after ``offset``."""
    return bisect_left(toks, offset, key=lambda t: t.start)


# Irregular past tenses that end a subject (as AUX does): "Mr. Trump struck a measured tone,
# saying ...".
_IRREGULAR_PAST = frozenset(
    {"left", "struck", "made", "took", "gave", "went", "came", "held", "kept", "won", "lost",
     "ran", "put", "set", "brought", "sent", "spent", "met", "stood", "drew", "threw", "broke",
     "spoke", "wrote", "led", "saw", "became", "began", "got", "hit", "cut", "paid", "sought",
     "fought", "felt", "built", "heard", "laid", "sold", "swept"}
)  # fmt: skip


def _participle_source(toks: Sequence[Token], j: int) -> tuple[int, int] | None:
    """The subject of the participle cue at token ``j``: the noun phrase after "with"
    ("..., with 30 percent of voters saying ..."), or, after a comma, the subject of the
    sentence ("The president left no doubt ..., saying ...", "Mr. Biden, recalling ...")."""
    if j == 0 or j >= len(toks) or not toks[j].lower.endswith("ing"):
        return None
    i = j - 1
    while i >= 0 and j - i <= MAX_SOURCE and toks[i].lower not in (",", ";", "“", "with"):
        i -= 1
    if i >= 0 and toks[i].lower == "with":
        return (i + 1, j) if i + 1 < j and is_source(toks, i + 1, j) else None
    if toks[j - 1].lower != ",":
        return None
    start = _clause_start(toks, j)
    if start is None or start >= j - 1:
        return None
    for v in range(start + 1, min(j, start + MAX_SOURCE // 2 + 1)):
        t = toks[v]
        if t.lower == ",":
            return (start, v) if v == j - 1 and is_source(toks, start, v) else None
        if t.text[:1].islower() and (
            t.lower in AUX
            or t.lower in _IRREGULAR_PAST
            or (t.lower in VERBS and not t.lower.endswith("ing"))
            or (t.lower.endswith("ed") and t.lower not in _PARTICIPLE_ADJECTIVES)
        ):
            return (start, v) if is_source(toks, start, v) else None
    return None


def _subject_participle(text: str, unit: Unit, toks: list[Token]) -> Found | None:
    """ "Trump went after Bush, calling him “a total stiff.”": a participle cue whose
    source is the subject of the sentence."""
    a = _clause_start(toks, len(toks))  # past an opening adverbial: "Instead, he ..."
    subject = _leading_name(toks[a : a + 6]) if a is not None else None
    if a is None or not subject or not is_source(toks, a, a + len(subject)):
        return None
    b = a + len(subject)
    pseudo = Found(
        [Span(unit.span.start, unit.span.end)],
        StatementKind.INDIRECT,
        source=span_of(toks, a, b),
        source_words=_words_of(toks, a, b),
        paragraph=unit.paragraph,
    )
    return _participle(text, unit, toks, b + 1, pseudo)


def _cue_span(toks: Sequence[Token], k: int) -> tuple[Span, int]:
    """The cue span ending at token ``k`` (with auxiliaries and "also" before it) and the
    index of its first token."""
    j = k
    # PolNeAR's cues take in the auxiliaries and adverbs right before the verb ("jokingly
    # said", "still insists"; adverbs on train 910 times against 95). A capitalised "May"
    # or "Will" after a capital is a name ("Theresa May said").
    while (
        j > 0
        and (toks[j - 1].lower in AUX or toks[j - 1].lower in CUE_ADVERBS or _adverb(toks[j - 1]))
        and not (toks[j - 1].text[:1].isupper() and j - 1 > 0 and toks[j - 2].text[:1].isupper())
    ):
        j -= 1
    return Span(toks[j].start, toks[k].end), j


def _left_source(toks: Sequence[Token], j: int) -> tuple[int, int] | None:
    """Token range ``[a, j)`` of the noun phrase before token ``j``."""
    a = j
    while (
        a > 0
        and (toks[a - 1].lower not in LEFT_STOP or _joined(toks, a - 1))
        and j - a < MAX_SOURCE
    ):
        a -= 1
    if a > 1 and toks[a - 1].lower == "than" and toks[a - 2].lower in ("more", "less", "fewer"):
        a -= 2  # "More than six in 10 said"
    # "and" joins noun phrases in short subjects ("Military experts and some exiled
    # Iranians"); elsewhere it starts a new clause.
    if a > 0 and toks[a - 1].lower == "and":
        b = a - 1
        while b > 0 and toks[b - 1].lower not in LEFT_STOP:
            b -= 1
        opens = (
            b == 0
            or toks[b - 1].lower in _OPENS_CLAUSE
            or (toks[b - 1].lower == "," and _clause_start(toks, b) == b)
        )
        if (
            opens
            and b < a - 1 < j - 1
            and j - b <= 10
            and not any(_verbish(t) for t in toks[b : a - 1])
        ):
            # (also after an opening adverbial: "In swing states like Ohio, many Democrats
            # and Republicans yearn for")
            a = b
        elif _names_joined(toks, b, a - 1, j):
            # "But Mr. Grassley and Mr. Leahy said", "Harvard and the University of
            # California found": names on both sides of "and".
            a = b
    while a < j - 1 and (
        toks[a].lower in _LEADING or _adverb(toks[a]) or not toks[a].text.strip("'’‘`")
    ):
        a += 1  # (and a stray apostrophe: "''...,'' he said" split one mark too soon)
    if a < j - 1 and (toks[a].lower in PREPOSITIONS or toks[a].lower in _TIME_OPENERS):
        # "On Tuesday night he said", "In Iowa he said", "Last week Trump said": an
        # adverbial before the subject.
        if toks[j - 1].lower in _SUBJECT_PRONOUNS and toks[j - 2].lower != "and":
            a = j - 1
        else:
            d = a + 1
            while d < j - 1 and (toks[d].lower in TIME_WORDS or toks[d].lower in _TIMES):
                d += 1
            if d > a + 1 and toks[d].text[:1].isupper():
                a = d
    for d in range(j - 1, a, -1):
        prev = toks[d - 1]
        if (
            toks[d].lower in _RELATIVE_SUBJECTS
            and prev.text[:1].islower()
            and prev.text[:1].isalpha()
            and prev.lower not in _NOT_BEFORE_RELATIVE
            and prev.lower not in CUE_ADVERBS
            and not _adverb(prev)
            and not _verbish(prev)
            and is_source(toks, d, j)  # (not "all the experts I interviewed said")
        ):
            # "the kind of liberal jurist many Republicans fear", "the 1.2 billion dollars it
            # expects": a relative clause with no "that"; its subject is the source.
            a = d
            break
    j = _trim_source(toks, a, j)  # "Clinton apparently thinks", "Cruz still says"
    for d in range(a + 1, j - 1):
        if (
            toks[d].lower in ("in", "during")
            and toks[d - 1].text[:1].isupper()
            and toks[d + 1].lower in _ADJUNCT_DETERMINERS
        ):
            j = d  # "Trump in his announcement speech called ...": an adjunct, not the name
            break
    if a == j:
        return None
    return a, j


# Words after which a clause, and so its subject, starts: "But Mr. Autor and his
# colleagues found".
_OPENS_CLAUSE = frozenset(
    {";", "but", "while", "because", "although", "though", "when", "if", "that", "so", "since"}
)
# Words that open a noun phrase after a preposition: "to the forum", "in his speech".
_NOUN_OPENERS = frozenset({"the", "a", "an", "his", "her", "their", "its"})
_ADJUNCT_DETERMINERS = _NOUN_OPENERS - {"the"}
_SUBJECT_PRONOUNS = frozenset({"he", "she", "they", "we", "i"})
# Words that open the subject of a relative clause without "that", after a noun.
_RELATIVE_SUBJECTS = _SUBJECT_PRONOUNS | frozenset({"it", "many", "most", "some", "few"})
# Words that a relative clause's subject cannot follow: "of many", "and most", "all of it".
_NOT_BEFORE_RELATIVE = PREPOSITIONS | frozenset(
    {"of", "and", "or", "but", "the", "a", "an", "that", "than", "as", "so", "not", "very", "too",
     "how", "what", "why", "where", "when", "who", "which", "whom", "whose", "if", "whether",
     "because", "while", "although", "though", "said", "says", "say", "told", "all", "both",
     "even", "only", "just", "also", "still"}
)  # fmt: skip
_TIME_OPENERS = frozenset({"last", "this", "earlier", "later"})


_NAME_JOINERS = frozenset({"of", "for", "the", "at", "on"})


def _names_joined(toks: Sequence[Token], b: int, i: int, j: int) -> bool:
    """Whether tokens ``[b, i)`` before "and" at ``i`` and ``[i + 1, j)`` after it are
    names ("Mr. Grassley and Mr. Leahy")."""
    if not (b < i and i + 1 < j and j - b <= MAX_SOURCE):
        return False
    while b < i - 1 and (toks[b].lower in _LEADING or toks[b].lower in _NOT_FIRST):
        b += 1  # "But Mr. Grassley"
    left, right = toks[b:i], toks[i + 1 : j]
    first = right[1:] if right[0].lower == "the" and len(right) > 1 else right
    return _is_name(left) and _is_name(first) and not any(_verbish(t) for t in (*left, *right))


def _is_name(words: Sequence[Token]) -> bool:
    """Whether ``words`` read as a name: "Mr. Leahy", "University of California"."""
    return words[0].text[:1].isupper() and all(
        w.text[:1].isupper() or w.lower in _NAME_JOINERS or not w.text[:1].isalnum() for w in words
    )


def _joined(toks: Sequence[Token], i: int) -> bool:
    """Token ``i`` is a hyphen inside a word ("17-year-old") or the apostrophe of a plural
    possessive ("Sanders’ aides"), not a dash or a closing quote."""
    t = toks[i]
    if i == 0 or i + 1 >= len(toks) or toks[i - 1].end != t.start:
        return False
    if t.text == "-":
        return toks[i + 1].start == t.end
    return (
        t.text in ("’", "'") and toks[i - 1].lower.endswith("s") and toks[i + 1].text[:1].islower()
    )


def _words_of(toks: Sequence[Token], a: int, b: int) -> list[str]:
    """The words of tokens ``[a, b)``, a hyphen or a possessive apostrophe joined to the
    words it joins ("17-year-old", "Sanders’"), as the speaker resolver reads names."""
    out: list[str] = []
    for i in range(a, b):
        if out and (
            _joined(toks, i) or (i - 1 >= a and toks[i - 1].text == "-" and _joined(toks, i - 1))
        ):
            out[-1] += toks[i].text
        else:
            out.append(toks[i].text)
    return out


def _before_times(toks: Sequence[Token], j: int, floor: int) -> int:
    """Token ``j`` moved back, not below ``floor``, over the times and adverbs before it
    ("last month", "on Tuesday")."""
    while (
        j > floor
        and toks[j - 1].lower in _TRAILING
        and (toks[j - 1].text[:1].islower() or toks[j - 1].lower in TIME_WORDS)
    ):
        j -= 1
    return j


_PARTITIVES = frozenset({"one", "two", "three", "some", "many", "several", "both", "each", "most"})


def _named_words(toks: Sequence[Token], a: int, name_end: int, source: Span | None) -> list[str]:
    """The words the speaker resolver reads for source tokens ``[a, name_end)``, and the
    name in the appositive after them when they are only a description: "A spokeswoman,
    Taylor Quinn, said" and "said the company's lawyer, John Doe," are about the named."""
    words = _words_of(toks, a, name_end)
    if source is None or name_end + 2 >= len(toks) or toks[name_end].lower != ",":
        return words
    if any(t.text[:1].isupper() for t in toks[a + 1 : name_end]):
        return words  # a name already: "Richard Revesz, director of ..."
    q = name_end + 1
    name: list[str] = []
    while q < len(toks) and toks[q].end <= source.end:
        if toks[q].text[:1].isupper():
            name.append(toks[q].text)
        elif toks[q].text == "." and name and toks[q - 1].end == toks[q].start:
            name[-1] += "."  # "Corp.", "Jr."
        else:
            break
        q += 1
    if 2 <= len(name) <= 4 and (
        q == len(toks) or toks[q].end > source.end or toks[q].lower in (",", ")")
    ):
        # (a lone capitalised word before the comma is no description but a sentence
        # adverb the source took in: "However, Patricia Smith, mother of ..., said")
        lone = not any(t.text[:1].islower() for t in toks[a:name_end])
        return name if lone else words + name
    return words


def _appositive_source(toks: Sequence[Token], j: int) -> tuple[int, int] | None:
    """The source before an appositive: "Richard Revesz, director of ..., said" and
    "Sen. David Perdue (R-Ga.) said" give "Richard Revesz" and "Sen. David Perdue"."""
    j = _before_times(toks, j, 1)  # "Sherman (D-Calif.) last month joked"
    if j == 0:
        return None
    floor = _dateline_end(toks, j) - 1  # not into a dateline: "WASHINGTON (Reuters) — ..."
    if toks[j - 1].lower in _DASHES:
        return _dashed_source(toks, j - 1, floor)
    if toks[j - 1].lower not in (",", ")"):
        return None
    best = None
    for p in range(j - 2, max(-1, floor, j - 30), -1):
        t = toks[p].lower
        if t in ("“", ";", ":"):
            break
        if t in (",", "("):
            cand = _left_source(toks, p)
            if (
                cand is not None
                and (
                    toks[cand[0]].text[:1].isupper()
                    or toks[cand[0]].text[:1].isdigit()
                    or (toks[cand[0]].lower == "the" and cand[1] - cand[0] > 1)
                    or _ends_in_name(toks[cand[0] : cand[1]])  # "panel Chairman Jason Chaffetz"
                    # "one of the family's attorneys, Justin Bamberg, said"
                    or (toks[cand[0]].lower in _PARTITIVES and toks[cand[0] + 1].lower == "of")
                )
                and is_source(toks, *cand)
            ):
                best = cand
    return best


def _dashed_source(toks: Sequence[Token], close: int, floor: int) -> tuple[int, int] | None:
    """The source before an aside between dashes that closes at token ``close``: "Jason
    Sims — a teacher from Mount Pleasant — says", "The three constitutional scholars --
    Mr. Tribe, Ms. Epstein and Mr. Amar -- agreed" give "Jason Sims", "The three ..."."""
    if close > 0 and toks[close].lower == "-" and toks[close - 1].lower == "-":
        close -= 1  # ("--" is two tokens)
    for p in range(close - 1, max(-1, floor, close - 40), -1):
        t = toks[p].lower
        if t in ("“", ";", ":", ".", "?", "!"):
            return None
        if t in _DASHES:
            if t == "-" and p > 0 and toks[p - 1].lower == "-":
                p -= 1
            cand = _left_source(toks, p)
            if (
                cand is not None
                and (toks[cand[0]].text[:1].isupper() or toks[cand[0]].text[:1].isdigit())
                and is_source(toks, *cand)
            ):
                return cand
            return None
    return None


# fmt: off
# Past participles that are adjectives in a noun phrase ("Democratic registered voters").
_PARTICIPLE_ADJECTIVES = frozenset({
    "registered", "elected", "undecided", "unnamed", "unidentified", "retired", "armed",
    "concerned", "self-described", "so-called", "educated", "married", "unaffiliated",
    "committed", "unemployed", "frustrated", "disaffected", "disgruntled", "detained",
})
_NOT_FIRST = frozenset({
    "in", "on", "at", "during", "after", "before", "by", "for", "from", "with", "without",
    "into", "over", "under", "since", "until", "of", "about", "just", "but", "and", "or", "so",
    "yet", "while", "when", "if", "because", "although", "though", "than", "like",
})
# Words that end a source phrase but are not part of it: "Cruz still said", "Trump on
# Friday said".
_TRAILING = CUE_ADVERBS | TIME_WORDS | frozenset({
    "still", "often", "usually", "always", "sometimes", "now", "recently", "earlier", "later",
    "on", "last", "this", "next", "week", "month", "year", "morning", "afternoon", "evening",
    "night",
})
_INVERTING = frozenset({
    "say", "add", "write", "ask", "continue", "note", "explain", "reply", "respond", "insist",
    "argue", "warn", "tweet", "declare", "conclude", "recall", "quip", "joke", "observe",
    "comment", "remark", "state", "acknowledge", "admit", "concede", "predict", "announce",
    "claim", "tell", "complain", "boast", "assert", "contend", "stress", "suggest", "caution",
    "continued", "added", "wrote", "asked", "noted", "explained", "replied", "responded",
    "report", "reported",
})
_OBJECT_CLAUSE = frozenset({
    "that", "if", "whether", "how", "what", "why", "when", "who", "where", "which", "to",
})
_DETERMINERS_CAP = frozenset({"the", "a", "an", "this", "that", "these", "those", "some"})
_NUMBER_WORDS = frozenset({
    "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "twenty",
    "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety", "half", "most",
    "majority", "nearly", "about", "roughly", "more", "fewer", "less",
})
# fmt: on


# Words before a source that are not part of it: "Maybe he thinks", "Instead he said".
_LEADING = frozenset(
    {
        "and",
        "but",
        "so",
        "or",
        "then",
        "maybe",
        "perhaps",
        "instead",
        "indeed",
        "now",
        "still",
        "yet",
        "meanwhile",
        "however",
        "thus",
        "also",
        "today",
        "here",
        "even",
        "including",
    }
)


def _trim_source(toks: Sequence[Token], a: int, b: int) -> int:
    """The end of the source ``[a, b)`` without trailing adverbs and times."""
    end = b
    while True:
        while b - 1 > a and (toks[b - 1].lower in _TRAILING or _adverb(toks[b - 1])):
            b -= 1
        tail = _time_phrase(toks, a, b)
        if tail == b:
            break
        b = tail
    if b < end and b - 1 > a and _modifier(toks, b - 1):
        return end  # "A report issued earlier this year": the time goes with the participle
    return b


def _time_phrase(toks: Sequence[Token], a: int, b: int) -> int:
    """The start of a time phrase that ends the source ``[a, b)`` ("Trump at the time", "the
    report on Wednesday for the first time"); ``b`` when none does. (Not a month: PolNeAR
    keeps "A Times/CBS News poll in December" whole.)"""
    words = [t.lower for t in toks[max(a + 1, b - 4) : b]]
    if words[-3:] == ["at", "the", "time"]:
        return b - 3
    if words[-4:] == ["for", "the", "first", "time"]:
        return b - 4
    if len(words) >= 2 and words[-2] == "on" and words[-1] in TIME_WORDS:
        return b - 2
    return b


def _verbish(t: Token) -> bool:
    return t.lower in VERBS or t.lower in AUX


def _right_source(toks: Sequence[Token], k: int) -> tuple[int, int] | None:
    """Token range after the cue at ``k`` naming the source ("said Smith")."""
    a = k + 1
    b = a
    while (
        b < len(toks)
        and (toks[b].lower not in RIGHT_STOP or _noun_to(toks, b))
        and b - a < MAX_SOURCE
    ):
        b += 1
    if b == a:
        return None
    first = toks[a]
    if not (
        first.text[:1].isupper()
        or first.text[:1].isdigit()  # "said six-million people who ..."
        or first.lower in PRONOUNS
        or first.lower in _RIGHT_FIRST
    ):
        return None
    return a, b


# Lower-case words that open a source after its cue ("..., said one GOP source in the room").
_RIGHT_FIRST = frozenset(
    {"a", "an", "the", "one", "two", "three", "some", "several", "many", "another", "both",
     "former", "retired", "his", "her", "their", "its", "state", "senior", "top", "longtime"}
)  # fmt: skip


def _appositives_after(toks: Sequence[Token], b: int) -> int:
    """The end of the appositives and parentheses after a source name ending at ``b``
    (", chairman of ...", ", who served ...", " (D-Va.)"); ``b`` when there are none."""
    n = len(toks)
    # At most a few segments, none with a cue of its own: the rest of the unit is not one
    # long appositive ("..., said one source, a lawyer, said one source, ...").
    limit = min(n, b + 3 * MAX_SOURCE)
    segments = 0
    while b < limit and segments < 3:
        segments += 1
        if toks[b].lower == "(":
            close = next((i for i in range(b + 1, min(n, b + 8)) if toks[i].lower == ")"), None)
            if close is None:
                return b
            b = close + 1
            continue
        if toks[b].lower != "," or b + 1 >= n:
            return b
        first = toks[b + 1]
        if (
            first.lower in _NOT_APPOSITIVE
            or first.lower.endswith("ing")
            or first.lower == "whose"
            or (  # "said the younger Mr. Trump, surrounded by ...": an aside
                first.lower.endswith("ed")
                and first.text[:1].islower()
                and first.lower not in _PARTICIPLE_ADJECTIVES
            )
            or first.text == "“"
            or first.text[:1].isdigit()  # an age: "Mona Lamberson, 59, of ..."
        ):
            return b
        e = b + 1
        while e < limit and toks[e].lower not in (",", ".", ";", ":", "“", "(", "—", "–", "―"):
            cue = VERBS.get(toks[e].lower)
            if cue is not None and cue.rate >= 0.5:
                return b
            e += 1
        if e == b + 1 or (e == limit and e < n):
            return b  # (one that runs to the unit's end is whole: "... Joseph R. Biden Jr.")
        b = e
    return b


# Words that start a clause of the writer's, not an appositive, after a comma.
_NOT_APPOSITIVE = frozenset(
    {
        "and",
        "but",
        "or",
        "so",
        "while",
        "although",
        "though",
        "because",
        "as",
        "if",
        "when",
        "adding",
        "saying",
        "noting",
        "according",
        "in",
        "on",
        "at",
        "after",
        "before",
        "since",
        "then",
        "yet",
        "which",
        "where",
        "he",
        "she",
        "they",
        "it",
        "we",
        "i",
        "you",
    }
)


_LEFT_NOT_APPOSITIVE = _NOT_APPOSITIVE | {"who", "for", "however", "meanwhile", "too"}


_NOBODY = frozenset({("no", "one"), ("not", "everyone"), ("not", "all")})


def _plain_relative(toks: Sequence[Token], a: int, b: int) -> bool:
    """Whether tokens ``[a, b)`` are a relative clause with no cue of its own ("Khan, who is
    Muslim, said"): PolNeAR's source takes these in 109 times of 179 on train, but not
    "Barkley, who said he ..., said", where "who" is a source itself."""
    return toks[a].lower == "who" and not any(
        (cue := VERBS.get(t.lower)) is not None and cue.rate >= 0.5 for t in toks[a + 1 : b]
    )


def is_source(toks: Sequence[Token], a: int, b: int) -> bool:
    """Whether tokens ``[a, b)`` can be a source noun phrase."""
    words = toks[a:b]
    if not words:
        return False
    # "In a fiery takedown of ...", "But", "Just last week": not noun phrases; but "About
    # 4 in 10" is.
    if (
        words[0].lower in _NOT_FIRST
        and not (len(words) > 1 and words[0].lower in _NUMBER_WORDS and words[1].text[:1].isdigit())
    ) or all(t.lower in _TRAILING for t in words):
        return False
    for prev, t in pairwise(words):
        # "Trump unleashed a flurry of": a past tense after a name is a verb.
        if (
            t.lower.endswith("ed")
            and t.text[:1].islower()
            and prev.text[:1].isupper()
            and prev.lower not in _DETERMINERS_CAP
            and not (prev.lower in _SUBJECT_PRONOUNS and words[0] is not prev)
            and t.lower not in _PARTICIPLE_ADJECTIVES
        ):
            return False
    if words[0].text[:1].isdigit() or words[0].lower in _NUMBER_WORDS:
        return True  # "52 percent of registered voters", "Six in 10"
    if len(words) == 2 and (words[0].lower, words[1].lower) in _NOBODY:
        return True  # "No one expected ...", "Not everyone finds ..."
    if any(
        (
            _verbish(t)
            and not (i and t.text[:1].isupper())
            and not _modifier(words, i)
            # (a verb form after a determiner is a noun: "the reports", "new polls")
            and not (i and t.lower.endswith("s") and words[i - 1].lower in _NOUN_DETERMINERS)
        )
        or (t.lower in NOT_IN_SOURCE and not _to_noun(words, i))
        or t.lower.endswith(CONTRACTIONS)
        for i, t in enumerate(words)
    ):
        return False
    if all(not t.text[0].isalnum() for t in words):
        return False
    low = words[0].lower
    # A noun phrase starts with a determiner, a pronoun, a capital or a number.
    return (
        words[0].text[:1].isupper()
        or low in PRONOUNS
        or low
        in (
            "a",
            "an",
            "the",
            "some",
            "many",
            "most",
            "several",
            "two",
            "three",
            "both",
            "other",
            "another",
            "one",
            "all",
            "former",
            "those",
            "members",
            "multiple",
            "nearly",
            "military",
            "senior",
            "top",
            "officials",
            "sources",
            "experts",
            "analysts",
            "critics",
            "supporters",
            "people",
            "his",
            "her",
            "their",
            "its",
        )
        or (len(words) <= 4 and not _not_noun(words[-1]) and not _past_participle(words[0]))
        or _ends_in_name(words)  # "retired Air Force general Lloyd Newton"
    )


_NOUN_DETERMINERS = frozenset({"the", "these", "those", "new", "recent", "his", "her", "their"})


def _ends_in_name(words: Sequence[Token]) -> bool:
    """Whether a phrase ends in a capitalised name (before a parenthesis: "(R-Utah)")."""
    last = next((t for t in reversed(words) if t.text[:1].isalpha()), None)
    return (
        last is not None
        and last.text[:1].isupper()
        and words[-1].text in (")", last.text)
        and sum(t.text[:1].isupper() for t in words) >= 2
    )


_NOT_NOUNS = frozenset({"together", "almost", "all", "away", "despite", "aside", "short"})


def _not_noun(t: Token) -> bool:
    """Whether a word cannot end a short noun phrase: "perhaps", "stopped short of", "came
    away", "Chastened"."""
    low = t.lower
    return (
        (low in PREPOSITIONS and low != "this")
        or low in _NOT_NOUNS
        or _adverb(t)
        or _past_participle(t)
    )


def _past_participle(t: Token) -> bool:
    """Whether a word reads as a past participle, not an adjective: "Chastened" (not
    "retired")."""
    low = t.lower
    return low.endswith("ed") and len(low) > 4 and low not in _PARTICIPLE_ADJECTIVES


def _noun_to(toks: Sequence[Token], i: int) -> bool:
    """ "to" after a common noun, before a name: "said a longtime adviser to Trump" (not
    "said Smith to the crowd")."""
    return toks[i - 1].text[:1].islower() and _to_noun(toks, i)


def _to_noun(words: Sequence[Token], i: int) -> bool:
    """Whether "to" at ``i`` joins two nouns in a source: "an adviser to Mr. Trump", "the
    head of the delegation to the forum" (not an infinitive: "to win")."""
    if words[i].lower != "to" or i == 0 or i + 1 >= len(words):
        return False
    nxt = words[i + 1]
    return words[i - 1].text[:1].isalpha() and (
        nxt.lower in _NOUN_OPENERS
        or (nxt.text[:1].isupper() and nxt.text[:1].isalpha())
        or (words[i - 1].lower == "close" and nxt.lower in PRONOUNS)  # "Those close to him"
    )


_PARTICIPLES = frozenset({"seen", "obtained", "written", "taken", "made", "given", "shown"})
_AFTER_PARTICIPLE = TIME_WORDS | frozenset({"by", "on", "last", "this", "in", "earlier"})


def _modifier(words: Sequence[Token], i: int) -> bool:
    """Whether the participle at ``i`` modifies the noun before it in a source: "New polls
    released Sunday", "a copy of the memo seen by Reuters"."""
    if i <= 0 or i + 1 >= len(words):
        return False
    t, prev, nxt = words[i], words[i - 1], words[i + 1]
    return (
        (t.lower.endswith("ed") or t.lower in _PARTICIPLES)
        and prev.text[:1].isalpha()
        and prev.lower not in PRONOUNS
        and not _verbish(prev)
        and nxt.lower in _AFTER_PARTICIPLE
    )


# Words that, after a noun, may open a relative clause on it rather than what is said.
_RELATIVES = frozenset({"who", "which", "that", "when", "where"})
_JUST = frozenset({"just", "exactly", "precisely"})
_ADJUNCT_WORDS = 16
_ADJUNCT_STOPS = frozenset({".", ";", ":", "“", "”", '"', "that", "and", "but", "!", "?"})


# Plural nouns of record, which make a bare "show" after them a verb (the lexicon leaves
# "show" out as a noun).
_RECORDS = frozenset(
    {"records", "reports", "filings", "results", "polls", "data", "documents", "surveys",
     "numbers", "figures", "studies", "emails", "e-mails", "statistics", "estimates",
     "analyses", "tallies", "projections", "returns", "disclosures", "calculations"}
)  # fmt: skip


def _past_time(toks: Sequence[Token], i: int) -> int:
    """Token ``i`` moved past a short time phrase ("on Saturday", "last week", "today")."""
    e = i
    while e < len(toks) and e - i < 3 and (toks[e].lower in _TIMES or toks[e].lower in _TRAILING):
        e += 1
    # (three such words before another word are not a time: stay at ``i``)
    return e if e - i < 3 or e == len(toks) or not toks[e].text[:1].isalpha() else i


def _past_adjunct(toks: Sequence[Token], i: int) -> int:
    """Token ``i`` moved to the comma closing a short prepositional phrase that starts
    there ("As Ms. Simonyan put it *in a statement to my colleague in July*, RT is ..."),
    or left at ``i``."""
    if i >= len(toks) or toks[i].lower not in PREPOSITIONS:
        return i
    for e in range(i + 1, min(len(toks), i + _ADJUNCT_WORDS)):
        if toks[e].lower == ",":
            return e
        if toks[e].lower in _ADJUNCT_STOPS:
            break
    return i


def _verb_cue(
    text: str,
    unit: Unit,
    toks: list[Token],
    k: int,
    sourceless_ok: bool = True,
    before_from: int = -1,
) -> Found | None:
    """The attribution whose cue is the verb at ``k``, if any. A content before the cue
    ("..., the Guardian reported", "..., said Smith") starts at ``before_from`` when that is
    later than the unit's start: where the last such attribution's cue and source end."""
    # A particle verb ("called for", "pointed to", "shot back") or a single verb form.
    if _according_to(toks, k):
        return None  # a phrase cue (see _phrase_cue)
    pair = (toks[k].lower, toks[k + 1].lower) if k + 1 < len(toks) else None
    cue = PARTICLE_VERBS.get(pair) if pair else None
    last = k + 1 if cue is not None else k
    if cue is None:
        cue = VERBS.get(toks[k].lower) or _progressive(toks, k)
        if (
            cue is not None
            and cue.learned
            and cue.rate < LEARNED_GATE
            and cue_probability(toks, k, GATE_PROBABILITY) < GATE_PROBABILITY
        ):
            # A learned form that is seldom a cue ("went", "drew", "launched") counts only
            # where the learned detector finds its context a cue's.
            return None
    if cue is None:
        # A word that is a cue only in some contexts ("support" + a name, "plans" + "to"),
        # as learned from PolNeAR train.
        following = toks[k + 1].text if k + 1 < len(toks) else None
        if k > 0 and toks[k].lower == "show" and toks[k - 1].lower in _RECORDS:
            # A bare present form after a plural noun of record ("FEC records show he
            # backed ...", "..., the reports show."): a verb, not a noun (PolNeAR train:
            # "records show" and the like are cues 44 times of 54).
            cue = Cue(toks[k].lower, "report", clausal=True)
        elif (
            toks[k].lower in _CONTEXTUAL_WORDS
            and (toks[k].lower, context_class(following)) in CONTEXTUAL
        ):
            cue = Cue(toks[k].lower, None, False, False, learned=True)
        else:
            # Else the learned detector, for the long tail of cue words; not for the
            # adverbs and auxiliaries a cue takes in ("Fields later tweeted").
            word = toks[k].lower
            if word in CUE_ADVERBS or word in AUX or _adverb(toks[k]):
                return None
            p = cue_probability(toks, k, MODEL_THRESHOLD)
            if p < MODEL_THRESHOLD:
                return None
            cue = Cue(toks[k].lower, None, False, False, learned=True, rate=p)
    if k > 0 and (toks[k - 1].lower in POSSESSIVE_BEFORE or _possessive(toks[k - 1].lower)):
        return None  # "Trump's tweet", "the report": a noun, not a cue verb
    cue_span, j = _cue_span(toks, k)
    if (
        j >= 2
        and toks[j - 1].lower == "by"
        and toks[k].lower.endswith("ing")
        and toks[j - 2].text[:1].islower()
        and toks[j - 2].text[:1].isalpha()
        and toks[j - 2].lower not in LEFT_STOP
        and (_verbish(toks[j - 2]) or toks[j - 2].lower.endswith("ed"))
    ):
        # "The businessman began by saying ...": the verb and "by" join the cue.
        j -= 2
        cue_span = Span(toks[j].start, cue_span.end)
    cue_span = Span(cue_span.start, toks[last].end)
    after = toks[last + 1] if last + 1 < len(toks) else None
    quote_after = _quote_after(unit, toks[last].end)
    # A quote before "and said" belongs to the verb before it ("called them “crazy” and
    # said ...").
    quote_before = (
        None if j > 0 and toks[j - 1].lower == "and" else _quote_before(unit, toks[j].start, toks)
    )

    passive = _passive_agent(text, unit, toks, k, j, last, cue, before_from)
    if passive is not None:
        return passive
    left = _left_source(toks, j)
    appositive = False
    speaker_words: list[str] | None = None
    if left is None and j > 0 and toks[j - 1].lower in ("who", "which"):
        # "Chris Christie, who say ...": PolNeAR's source is "who"; the speaker is the
        # noun phrase the relative clause hangs on.
        left = (j - 1, j)
        before = (
            _left_source(toks, j - 2)
            if j > 1 and toks[j - 2].lower == ","
            else _left_source(toks, j - 1)  # "supporters who say ...": no comma
        )
        speaker_words = [t.text for t in toks[before[0] : before[1]]] if before else None
        left_ok = speaker_words is not None
    elif left is None and j > 0 and toks[j - 1].lower in ("and", "then", "but"):
        # "The Arizona Republican survived ... and says ...": the sentence's subject, or
        # that of the clause the cue is in ("when Mr. Sanders took issue ... and assailed").
        left = _inner_subject(toks, j - 1) or _subject_range(toks, j - 1)
        left_ok = left is not None and is_source(toks, *left)
    elif (
        (left is None or not is_source(toks, *left))
        and j > 1
        and toks[k].lower.endswith("ing")
        and toks[j - 1].lower in _BEFORE_PARTICIPLE
    ):
        # "Trump has tried to use the ad against Clinton, accusing her of ...": a
        # participle cue shares the subject of its sentence.
        left = (
            _inner_subject(toks, j - 1) if toks[j - 1].lower == "," else None
        ) or _subject_range(toks, j - 1)
        left_ok = left is not None and is_source(toks, *left)
    else:
        if left is None or all(t.lower in _TRAILING for t in toks[left[0] : left[1]]):
            # (only a time before the cue: "Sherman (D-Calif.) last month joked")
            app = _appositive_source(toks, j)
            if app is not None or left is None:
                left = app
                appositive = app is not None
        left_ok = left is not None and is_source(toks, *left)
    right = None
    # "..., said Smith" / "“...,” said Smith": only verbs of saying invert, right after a
    # quote or a comma ("accused him of ..." has an object, not a source, after it).
    inverts = cue.lemma in _INVERTING and (j == 0 or toks[j - 1].lower in (",", "“", ":"))
    if not left_ok and inverts:
        right = _right_source(toks, last)
        if right is not None and not is_source(toks, *right):
            right = None
    # A frequent cue with no source in view still attributes its content, to someone the
    # text leaves unnamed (PolNeAR annotates these with an empty source); questions
    # ("Asked if ..., Bergner said") are not claims.
    # Not after a negation or an adverb, where the subject is there but was not
    # recognised ("Iran does not officially acknowledge ...").
    sourceless = (
        not left_ok
        and right is None
        and cue.rate >= SOURCELESS_RATE
        and cue.stance != "question"
        and not (j > 0 and (toks[j - 1].lower in _NEGATIONS or _adverb(toks[j - 1])))
    )
    if not left_ok and right is None and not (sourceless and sourceless_ok):
        return None
    # (past a time after the cue: "As The Times reported on Saturday, ...", "..., the
    # University of Michigan reported last week.")
    past = _past_time(toks, last + 1)
    as_clause = (  # "As Joel Pollak observed, ..."
        left_ok and left is not None and left[0] > 0 and toks[left[0] - 1].lower == "as"
    )
    if as_clause and not cue.learned:
        # (and past a prepositional phrase: "As Hedrick Smith reported in his The
        # Russians, ..."; only after a listed cue: "As he spoke in the lobby, ..." is a
        # time. A particle cue has taken its particle in already: "As the White House
        # hints at what ...")
        past = _past_adjunct(toks, past)
    as_clause = as_clause and past < len(toks) and toks[past].lower == ","
    # "..., the Guardian reported.": the clause before the comma is the complement.
    # ("..., as police have said.": the same, the comma before "as")
    comma = _comma_before(toks, left[0]) if left_ok and left is not None else None
    trailing = (
        comma is not None
        and comma > 0
        and (past == len(toks) or toks[past].lower in (".", "!", "?"))
    )
    if cue.clausal and not (
        quote_before
        or quote_after
        or as_clause
        or trailing
        or _complement_follows(toks, last, cue)
        or (cue.lemma not in _FACTIVE and " " not in cue.lemma and _particle_object(toks, last))
    ):
        return None
    # Once accepted, PolNeAR's cues take in a colon ("warned:", 94 times of 99 on train)
    # and the particles each cue word usually takes ("boasted about", "pointed to").
    if last + 1 < len(toks) and (
        toks[last + 1].lower == ":"
        or _particle_rate(toks[last].lower, toks[last + 1].lower) >= PARTICLE_RATE
    ):
        last += 1
        if (
            toks[last].lower == "to"
            and last + 1 < len(toks)
            and toks[last + 1].text[:1].islower()
            and (toks[last + 1].lower in VERBS or toks[last + 1].lower in _BARE_VERBS)
        ):
            last += 1  # "were quick to note that ...": the verb after "to" too
        cue_span = Span(cue_span.start, toks[last].end)
        if right is not None and right[0] == last:
            right = _right_source(toks, last)
    source: Span | None
    if sourceless:
        a = b = j
        source = None
    else:
        a, b = left if left_ok and left is not None else right  # type: ignore[misc]
        # not over a line break: "12\nAnchor Expressed Fear About ...", a list's number
        while a < b - 1 and "\n" in text[toks[a].start : toks[b - 1].start]:
            a += 1
        source = span_of(toks, a, b)
    name_end = b
    clitic = (
        source is not None
        and left_ok
        and b == j
        and toks[b - 1].lower.endswith(("’s", "'s"))
        and toks[b - 1].lower[:-2] in PRONOUNS
    )
    if clitic and source is not None:
        # "He’s said": the pronoun is the source, the clitic goes with the cue.
        source = Span(source.start, toks[b - 1].end - 2)
        cue_span = Span(source.end, cue_span.end)
    if source is not None and not left_ok:
        # "..., said Robert Klein, chairman of the California Institute ...": PolNeAR's
        # source after the cue takes in the appositives after the name.
        name_end = b
        b = _appositives_after(toks, b)
        if (
            b > name_end
            and b + 1 < len(toks)
            and toks[b].lower == ","
            and toks[name_end].lower == ","
        ):
            # "said Terry Giles, a longtime Carson friend, in a recent interview": the
            # comma closing the appositive goes with it (70 times of 100 on train).
            b += 1
        source = span_of(toks, a, b)
    if (
        appositive
        and left_ok
        and source is not None
        and not (
            b + 1 < j
            and toks[b].lower == ","
            and (
                (toks[b + 1].lower in _LEFT_NOT_APPOSITIVE and not _plain_relative(toks, b + 1, j))
                or toks[b + 1].lower.endswith("ing")
                or (toks[b + 1].lower.endswith("ed") and toks[b + 1].text[:1].islower())
            )
        )
    ):
        # PolNeAR's source takes in the appositive: "Ben Jealous, the former president
        # of the NAACP," and "Sen. Bernie Sanders (I-Vt.)"; the speaker is the name. Not
        # a relative clause or an aside: "Barkley, who said he ..., said", "Mike
        # Huckabee, for his part, is ...".
        # not the time before the cue: "(D-Calif.) last week said"
        source = Span(source.start, toks[_before_times(toks, j, b + 1) - 1].end)
    found = Found(
        [],
        StatementKind.INDIRECT,
        source=source,
        cue=cue_span,
        stance=cue.stance,
        source_words=speaker_words or _named_words(toks, a, name_end, source),
        paragraph=unit.paragraph,
    )
    if clitic:
        found.source_words[-1] = found.source_words[-1][:-2]
    passive_cue = _passive(toks, j, k) or toks[k].lower in _RAISING
    recipient = passive_cue and toks[k].lower in _TOLD
    head, k = k, last
    joined: int | None = None  # the preposition a noun of saying takes into the cue

    # Direct: quotes next to the attribution.
    if (
        quote_before
        and not _has_clause_after(text, toks, k, cue, unit)
        # only a quote right before the source or cue: "“...,” he said", not a quote
        # earlier in the sentence ("... “Latin History for Dummies,” the actor discussed")
        and quote_before.span.end <= min(cue_span.start, (source or cue_span).start)
        and not _words_between(
            text, quote_before.span.end, min(cue_span.start, (source or cue_span).start)
        )
    ):
        stop = _participle_cue_after(toks, k, unit)
        found.content = [
            q.span
            for q in unit.quotes
            if q.span.end <= (source or cue_span).start or cue_span.end <= q.span.start < stop
        ]
        found.content = [
            s for s in found.content if s.end <= cue_span.start or s.start > cue_span.end
        ] or [quote_before.span]
        found.kind = StatementKind.DIRECT
        lead = _words_before_quote(text, unit, before_from, found.content[0])
        if lead is not None:
            # "The summit accomplished “too little,” he said.": the words that lead into
            # the quotation are content too (PolNeAR train: 192 of 266).
            found.content[0] = Span(lead, found.content[0].end)
            found.kind = StatementKind.MIXED
        return found
    if quote_after is not None and _only_quote_follows(text, toks, k, quote_after, cue):
        found.content = [q.span for q in unit.quotes if q.span.start >= quote_after.span.start]
        found.kind = StatementKind.DIRECT
        if (
            left_ok
            and a > 1
            and toks[a - 1].lower == ","
            and not appositive
            and speaker_words is None
            and toks[0].start < toks[a - 1].start
            and toks[a - 2].lower != "“"
            and _continues(text, quote_after.span)
        ):
            # "An economic downturn, he said, “could be a good time to borrow”": the
            # words before the cue are content too.
            words_before = _content_before(text, unit, before_from, toks[a - 1].start)
            opener = _FIRST_WORD.match(text, words_before[0].start) if words_before else None
            if (
                words_before
                and has_words(text, words_before[0], 2)
                and opener is not None
                and opener.group(1).lower() not in PREPOSITIONS
            ):
                found.content = words_before + found.content
                found.kind = StatementKind.MIXED
        return found

    # Indirect (or mixed): the clause after the cue, or the clause before it.
    after_span = _clause_after(text, unit, toks, k, k + 1 if left_ok or sourceless else b, cue)
    if after_span is not None and left_ok and found.source is not None and passive_cue:
        # "The birth of the newest Clinton is expected to coincide with ...": the subject
        # of a passive cue is what is said, not who says it (PolNeAR: content in two parts,
        # no source), with its appositive ("The central bank, which has held ..., is
        # expected to act"); so is the subject of "seems" and "appears" ("The closures
        # appear to have brought some stability": 164 of 235 such cues on train). The
        # subject of "was told" or "was asked" is who heard it, and neither.
        found.content = [after_span] if recipient else [found.source, after_span]
        found.source = None
        found.source_words = []
    elif after_span is not None and (left_ok or right is None):
        if left_ok and left is not None and not as_clause and _subordinate(toks, left[0]):
            # "While Trump laid out his vision, the crowd cheered": the content ends
            # with the subordinate clause the attribution sits in.
            after_span = _subordinate_end(text, toks, after_span)
        found.content = [after_span]
        if stem(toks[head].lower) not in _COMPLEMENT_VERBS and k == head:
            joined = _object_preposition(toks, k, after_span, cue.stance == "question")
        if joined is not None:
            # "took a shot at Clinton", "made no mention of ...", "accused Republicans of
            # ...": PolNeAR's cue runs to the preposition, its content is what follows.
            found.cue = Span(cue_span.start, toks[joined].end)
            found.content = [trim(text, toks[joined + 1].start, after_span.end)]
        if (
            left_ok
            and left is not None
            and speaker_words is None
            and left[0] > 0
            and toks[left[0] - 1].lower in _RELATIVE_OBJECT
            # (not before "that": "..., which he said that Republicans ..." reports a
            # whole clause, and the pronoun is not in it)
            and not text.startswith("that", found.content[-1].start)
        ):
            # "the wall, which he said Mexico should pay for": the relative pronoun is
            # what is said about (PolNeAR: content in two parts).
            found.content.insert(0, span_of(toks, left[0] - 1, left[0]))
    elif (
        left is not None
        and left_ok
        and (comma := _comma_before(toks, a, trailing)) is not None
        and toks[0].start < toks[comma].start
    ):
        found.content = _content_before(text, unit, before_from, toks[comma].start)
        rest = _resumed_clause(text, unit, toks, k)
        if rest is not None:
            # "But to prevent problems, he said, local officials should be vigilant": the
            # cue interrupts its content, which goes on after it.
            found.content.append(rest)
    elif as_clause:
        found.content = [trim(text, toks[past].end, unit.span.end)]
    elif right is not None and k > 0 and toks[j - 1].lower == ",":
        found.content = _content_before(text, unit, before_from, toks[j - 1].start)
    elif after_span is not None:
        found.content = [after_span]
    else:
        return None
    found.content = [trim_end(text, s) for s in found.content]
    if (
        found.content
        and cue.stance == "admission"
        and any(t.lower in _NEGATIONS or t.lower.endswith(("n't", "n’t")) for t in toks[j:k])
        and _noun_phrase(text, found.content[-1])
    ):
        # "Iran does not officially acknowledge the existence of the Qods Force": a
        # negated admission of a noun phrase admits nothing; it is the writer's statement
        # about the source. Other negated cues report the source's stance all the same,
        # as PolNeAR annotates them ("did not mention the wall", "doesn't want a fight",
        # "did not respond to a request for comment"): dropping every negated cue with a
        # noun phrase for content lost 70 relations for 110 predictions on train.
        return None
    found.content = [s for s in found.content if len(s) > 0]
    # (The last part: a passive's subject, the first, may be one word: "Carson seems to ...")
    # (or one word after a joined preposition: "laid out his vision for America")
    one = joined is not None or (
        after_span is not None
        and found.content
        and found.content[-1].start == after_span.start
        and not cue.takes_object
        and (
            (cue.lemma != "say" and _one_object(text, found.content[-1]))
            # "the candidate said no": a whole answer
            or (cue.lemma == "say" and _yes_or_no(toks, _token_at(toks, after_span.start)))
        )
    )
    if not found.content or not has_words(text, found.content[-1], 1 if one else 2):
        return None
    if kind_of(found.content, unit.quotes) is StatementKind.MIXED:
        found.kind = StatementKind.MIXED
    if after is None and not found.content:
        return None
    return found


def _one_object(text: str, span: Span) -> bool:
    """Whether ``span`` is a one-word object that can be a whole content: a name or an
    object pronoun ("has endorsed Trump", "endorsed her"; train: 14 of 15 such are right)."""
    w = text[span.start : span.end].strip(".,;:!?")
    return w in ("him", "her", "them") or (w[:1].isupper() and w.isalpha() and len(w) > 1)


_BE = frozenset({"is", "are", "was", "were", "been", "be", "being"})
# The forms of "be" that take a progressive ("is endorsing"; not "for the time being
# continuing").
_PROGRESSIVE = (_BE - {"being"}) | {"am"}


def _continues(text: str, span: Span) -> bool:
    """Whether a quotation goes on with a sentence begun before it: its first letter is
    lowercase (“could be a good time to borrow”)."""
    for c in text[span.start : min(span.end, span.start + 4)]:
        if c.isalpha():
            return c.islower()
    return False


# Relative pronouns that stand for what a source says: "which he said", "what she calls".
_RELATIVE_OBJECT = frozenset({"which", "who", "what", "whom"})

# Conjunctions that open a subordinate clause before the main one: "If he said ..., ...".
_SUBORDINATING = frozenset(
    {"if", "while", "although", "though", "when", "whereas", "because", "since", "once",
     "unless", "until", "as", "after", "before"}
)  # fmt: skip


def _subordinate(toks: Sequence[Token], a: int) -> bool:
    """Whether the source starting at token ``a`` opens a subordinate clause."""
    return (a > 0 and toks[a - 1].lower in _SUBORDINATING) or (
        a > 1 and (toks[a - 2].lower, toks[a - 1].lower) == ("now", "that")
    )


def _subordinate_end(text: str, toks: Sequence[Token], span: Span) -> Span:
    """``span`` cut at the first comma in it: where a subordinate clause ends."""
    for d in range(_token_at(toks, span.start), len(toks)):
        t = toks[d]
        if t.start >= span.end:
            break
        if t.lower == ",":
            return trim(text, span.start, t.start)
        if t.lower == "“" and _COMMA_QUOTE.search(text, t.start, t.end):
            return trim(text, span.start, t.end)  # "... ''core Al Qaeda,'' on Tuesday he said"
    return span


# A quotation that ends with a comma: “..., ” / ''...,''.
_COMMA_QUOTE = re.compile(r",\s*[”\"'’]+$")


def _resumed_clause(text: str, unit: Unit, toks: list[Token], k: int) -> Span | None:
    """The rest of a sentence that a cue at ``k`` interrupts ("A, he said, B"): B, when a
    comma follows the cue and B is not a participle cue of its own ("..., adding that"),
    "according to" or a quotation."""
    # (past a short adverbial: "The truth, the senator said then, was that ...", "These
    # employees, Stumpf explained earlier in the committee hearing, were ...")
    c = k + 1
    while (
        c < len(toks)
        and c - k <= 8
        and toks[c].lower != ","
        and toks[c].text[:1].isalnum()
        and not _verbish(toks[c])
        and toks[c].lower not in _OBJECT_CLAUSE
    ):
        c += 1
    if c + 1 >= len(toks) or toks[c].lower != "," or c - k > 8:
        return None
    if c > k + 1 and (toks[c + 1].lower in SUBORDINATORS or toks[c + 1].lower == "as"):
        return None  # "..., top lawmakers said Friday afternoon, as they bristled ..."
    k = c - 1
    first = toks[k + 2]
    if (
        not first.text[:1].isalnum()
        or (first.lower.endswith("ing") and first.lower in VERBS)
        or first.lower == "according"
    ):
        return None
    end = _clause_end(text, toks, k + 3, unit.span.end)  # not past "..., she added"
    span = trim_end(text, trim(text, first.start, end))
    return span if has_words(text, span, 2) else None


def _passive_agent(
    text: str,
    unit: Unit,
    toks: list[Token],
    k: int,
    j: int,
    last: int,
    cue: Cue,
    before_from: int = -1,
) -> Found | None:
    """ "O'Malley's move was first reported by MSNBC": the agent after "by" is the source,
    the subject before the verb the content; so is the clause an "as" cue comments on
    ("As reported by Western Journalism, investigators found ...", "..., as first reported
    by the Times on Tuesday"), which starts at ``before_from`` when that is later than the
    unit's start (as for other cues after their content)."""
    as_cue = j > 0 and toks[j - 1].lower == "as" and toks[k].lower.endswith("ed")
    if not (as_cue or _passive(toks, j, k)):
        return None
    if last + 1 >= len(toks) or toks[last + 1].lower != "by":
        return None
    a = last + 2
    b = a
    while b < len(toks) and toks[b].lower not in RIGHT_STOP and b - a < MAX_SOURCE:
        b += 1
    if b == a or not is_source(toks, a, b):
        return None
    if as_cue:
        stop = _past_time(toks, b)
        comma_after = stop < len(toks) and toks[stop].lower == ","
        if j > 1 and toks[j - 2].lower == ",":
            if comma_after:
                return None  # an aside: "The lawsuit, as first reported by X, alleges ..."
            parts = _content_before(text, unit, before_from, toks[j - 2].start)
            if not parts:
                return None
            content = parts[0]
        elif comma_after:
            content = trim(text, toks[stop].end, unit.span.end)
        else:
            return None
    else:
        c0 = j
        while c0 > 0 and toks[c0 - 1].lower not in (",", ";", ":", "“", "that"):
            c0 -= 1
        if c0 == j:
            return None
        content = trim(text, toks[c0].start, toks[j - 1].end)
    content = trim_end(text, content)
    if not has_words(text, content, 1):
        return None
    return Found(
        [content],
        kind_of([content], unit.quotes),
        source=span_of(toks, a, b),
        cue=Span(toks[j].start, toks[last + 1].end),
        stance=cue.stance,
        source_words=[t.text for t in toks[a:b]],
        paragraph=unit.paragraph,
    )


def _possessive(word: str) -> bool:
    """ "Trump’s" is possessive; "he’s" (he has) is not."""
    for suffix in ("’s", "'s"):
        if word.endswith(suffix):
            return word[: -len(suffix)] not in ("he", "she", "it", "that", "who", "there", "what")
    return False


def _quote_after(unit: Unit, offset: int) -> Quote | None:
    """The first quote of the unit that starts at or after ``offset`` (quotes are in text
    order and do not overlap: a binary search)."""
    i = bisect_left(unit.quotes, offset, key=lambda q: q.span.start)
    return unit.quotes[i] if i < len(unit.quotes) else None


def _quote_before(unit: Unit, offset: int, toks: list[Token]) -> Quote | None:
    """The last quote of the unit that ends at or before ``offset``."""
    i = bisect_right(unit.quotes, offset, key=lambda q: q.span.end)
    return unit.quotes[i - 1] if i else None


_WORDISH = re.compile(r"[^\W_]")


def _words_between(text: str, start: int, end: int) -> bool:
    """Whether a letter or digit stands between ``start`` and ``end``: a quote "before" a
    source with words between them is not its quote ("the “Latin History for Dummies”
    project, the actor discussed ...")."""
    return _WORDISH.search(text, start, end) is not None


def _participle_cue_after(toks: list[Token], k: int, unit: Unit) -> int:
    """Where a participle cue after the cue at ``k`` starts ("..., he said, adding, “...”"),
    outside quotations; the unit's end if none. A quotation after it is the participle's
    (PolNeAR: 12 of 12 "adding," before a quotation on train)."""
    last = unit.quotes[-1].span.start if unit.quotes else -1
    for d in range(k + 1, len(toks)):
        t = toks[d]
        if t.start > last:
            break  # no quotation left for it to take
        if t.lower.endswith("ing") and t.lower in VERBS and not inside(unit.quotes, t.start):
            return t.start
    return unit.span.end


def _has_clause_after(text: str, toks: list[Token], k: int, cue: Cue, unit: Unit) -> bool:
    """Whether the cue is followed by its own reported clause ("..." Smith said that ...)."""
    nxt = toks[k + 1] if k + 1 < len(toks) else None
    if nxt is not None and _yes_or_no(toks, k + 1):
        return True  # "Asked if ..., “...,” 72 percent said yes."
    return nxt is not None and nxt.lower == "that" and not inside(unit.quotes, nxt.start)


def _yes_or_no(toks: Sequence[Token], i: int) -> bool:
    """Whether token ``i`` is a bare "yes" or "no" that ends its clause: a whole answer."""
    return toks[i].lower in ("yes", "no") and (
        i + 1 == len(toks) or not toks[i + 1].text[:1].isalnum()
    )


def _only_quote_follows(text: str, toks: list[Token], k: int, q: Quote, cue: Cue) -> bool:
    """Whether only punctuation, an object or a short phrase stands between cue and quote."""
    between = text[toks[k].end : q.span.start]
    words = [w for w in between.split() if any(c.isalnum() for c in w)]
    # Words before the quote that are not set off by a comma or colon are part of the
    # content ("called Trump “unhinged”", a mixed quote); "told them, “...”" is direct.
    if words and not between.rstrip().endswith((",", ":")):
        return False
    return len(words) <= (6 if cue.takes_object else 4) and "that" not in words


_ADJUNCT_OPENERS = frozenset({"however", "through", "via", ","})


def _complement_follows(toks: list[Token], k: int, cue: Cue) -> bool:
    """Whether a clause follows a cue that needs one ("believes that", "wants to")."""
    if k + 1 >= len(toks):
        return False
    nxt = toks[k + 1].lower
    if nxt in ("that", "to"):
        return True
    if nxt == "at" and k + 2 < len(toks) and toks[k + 2].lower in ("least", "most"):
        return True  # "reported at least six planes ..."
    if nxt in PREPOSITIONS or nxt in CUE_ADVERBS or nxt.endswith("ly") or nxt in _ADJUNCT_OPENERS:
        # "explained through a spokesman that ...", "has questioned in recent days
        # whether ...", "suggest however that ...": a short adjunct before the clause.
        for i in range(k + 2, min(len(toks), k + 7)):
            t = toks[i].lower
            if t in ("that", "whether"):
                return True
            if not (t[:1].isalnum() or t == ",") or _verbish(toks[i]):
                break
    if _adverb_before_wh(toks, k + 1):
        return True  # "reveals just how swift ...", "asked exactly what ..."
    if cue.learned:
        # Anything that can open a noun phrase or a clause: "endorsed Clinton", "called
        # him ...", "appeared to ...", "continued: ...". Not punctuation or a preposition.
        return nxt not in PREPOSITIONS and (nxt[:1].isalnum() or nxt in (":", "“"))
    if cue.takes_object and k + 2 < len(toks):
        # "told reporters that ...", "asked Sanders how he is feeling", and a bare clause
        # after a short object: "told a news conference they are ..."
        return (
            any(t.lower in _OBJECT_CLAUSE for t in toks[k + 1 : k + 9])
            or _after_object(toks, k + 1) is not None
            or (cue.stance == "question" and _asked_about(toks, k + 1))
        )
    if nxt == ",":
        return True  # a parenthetical cue: "Voters, Clinton suggested, don’t have to ..."
    if _subject_pronoun(toks[k + 1]):
        # "believes he ...", and an object the content takes in: "criticized him for ...",
        # "praised her for ..." (dev cue exact F1 67.9 -> 68.1)
        return True
    if cue.lemma not in _FACTIVE and _noun_phrase_or_gerund(toks, k + 1):
        # "reported raising $9 million", "reported more than 600 layoffs", "reported
        # earnings of ...", "denied having ..." (train slice relations +115, dev +27). Not
        # after a factive verb, which needs a clause to report one: "Senior Iranian
        # leaders know about the operations ..." is the writer's (or the outer source's).
        return True
    # A bare clause after a verb of saying or thinking: "suggested the attacks highlight
    # ...", "warned Republicans would ...". A determiner or a name opens it.
    return nxt in ("the", "a", "an", "this", "these", "his", "her", "their", "its") or (
        toks[k + 1].text[:1].isupper() and toks[k + 1].text[:1].isalpha()
    )


def _particle_object(toks: list[Token], k: int) -> bool:
    """Whether the cue at ``k`` takes its usual particle and an object after it ("hinted at
    a shakeup", "railed against the deal"): the particle governs what the cue reports. (Not
    a factive verb: "Senior Iranian leaders know about the operations" reports nothing.)"""
    return (
        k + 2 < len(toks)
        and _particle_rate(toks[k].lower, toks[k + 1].lower) >= PARTICLE_RATE
        and toks[k + 2].text[:1].isalnum()
    )


def _noun_phrase_or_gerund(toks: list[Token], i: int) -> bool:
    """Whether token ``i`` opens a gerund, a number or a quantified or bare noun phrase."""
    tok = toks[i]
    w = tok.lower
    if w[:1].isdigit() or w[:1] in "$£€" or w in _QUANTIFIERS:
        return True
    if (
        not (w.replace("-", "").isalpha() and tok.text[:1].islower())
        or w in PREPOSITIONS
        or w in _NOT_GERUNDS
    ):
        return False
    if w.endswith("ing") and len(w) > 5:
        return True
    return (
        not _verbish(tok)
        and w not in CUE_ADVERBS
        and w not in TIME_WORDS
        and w not in _NOT_IN_OBJECT
        and not w.endswith("ly")
        and i + 1 < len(toks)
        and toks[i + 1].text[:1].isalnum()
    )


def _clause_after(
    text: str, unit: Unit, toks: list[Token], k: int, start_tok: int, cue: Cue
) -> Span | None:
    """The clause reported by the cue at ``k``, from ``start_tok`` to the end of the unit.

    Skips an object ("told reporters"), and adverbials before "that" ("said on Monday that").
    Returns None when only adverbials follow ("..., he said on Monday.").
    """
    i = start_tok
    n = len(toks)
    if i >= n:
        return None
    # Skip ahead to "that" if only an object or adverbials come first ("said on Sunday in
    # Madison, Wisconsin, that ...", "told reporters that ...").
    start = i
    keep_object = False
    for d in range(i, min(n, i + 14)):
        if d == i and (toks[d].lower in _WH_WORDS or _adverb_before_wh(toks, d)):
            # "told how surprised he is that ...", "asked exactly what ...": the clause
            # starts here
            break
        if (
            cue.takes_object
            and d > i
            and toks[d].lower in _OBJECT_CLAUSE
            # (past a longer object only with no verb in it: "tells his supporters at a
            # Michigan rally to ...", not "told reporters this was the only chance to")
            and (
                d - i <= 5
                or (
                    d - i <= 7
                    and toks[d].lower not in _RELATIVES
                    and not any(_verbish(t) for t in toks[i:d])
                )
            )
        ):
            if toks[d].lower != "to" or cue.lemma not in _OBJECT_IN_CONTENT:
                i = d
            else:
                keep_object = True  # "urged North Korea to resume talks": content too
            break
        if (
            (
                toks[d].lower in ("that", "whether")
                # (not a pronoun ending its clause: "... to accomplish that.")
                and d + 1 < n
                and toks[d + 1].lower not in (".", "!", "?", ";", ")")
            )
            and (
                d == i
                or cue.takes_object
                or (
                    # only past adverbials: "said on Monday that", not "offered no proof that"
                    (toks[i].lower in _ADVERBIAL_OPENERS or _adverb(toks[i]))
                    and all(t.lower not in VERBS and t.lower not in AUX for t in toks[i:d])
                )
            )
        ):
            i = d
            break
        if toks[d].lower in (".", ";") or (toks[d].lower == "," and d - i > 8):
            break
        if toks[d].lower == "“" and not (d > i and (cue.takes_object or _show_title(toks, i, d))):
            # but "told MSNBC's “Morning Joe” that ...": a quoted name in the object, and
            # "said on NBC's “Meet the Press” on Sunday that ...": one in an adverbial
            break
    if (
        i == start
        and cue.takes_object
        and not keep_object
        and toks[i].lower not in SUBORDINATORS
        and toks[i].lower not in _WH_WORDS  # "asked how it’s conservative to ..."
        and not _adverb_before_wh(toks, i)  # "asked exactly what ..."
    ):
        # "told Fox News he would win", "told reporters the plan was dead": skip a short
        # object when a clause follows it; otherwise there is no reported clause.
        after = _after_object(toks, i)
        if after is None and not (cue.stance == "question" and _asked_about(toks, i)):
            return None
        # ("asked him about his tax returns": the object stays, and the preposition joins
        # the cue below)
        i = i if after is None else after
    # Time words straight after the cue are not content: "said Sunday his worry is ...".
    while i < n and (
        toks[i].lower in TIME_WORDS
        or (i > start and toks[i].lower in _PARTS_OF_DAY and toks[i - 1].lower in TIME_WORDS)
    ):
        i += 1  # "said Friday afternoon, as ...": "afternoon" goes with the day
    if i >= n:
        return None
    first = toks[i]
    # "said this hatred was wrong": "this" as a determiner, not a time ("said this week").
    adverbial = first.lower in PREPOSITIONS and not (
        first.lower == "this" and i + 1 < n and toks[i + 1].lower not in _THIS_TIMES
    )
    if adverbial and first.lower not in ("to", "at"):
        # "has said for weeks he’s the only candidate": a short adverbial, then the clause.
        for d in range(i + 1, min(n, i + 6)):
            if toks[d].lower in _CLAUSE_SUBJECTS:
                i = d
                first = toks[i]
                break
            if not toks[d].text[:1].isalnum():
                break
    # "to" opens an infinitive here ("refused to give", "wants to win"), not a phrase.
    # (``first`` may have moved past the adverbial to the clause's subject, so it is
    # checked again.)
    at_least = first.lower == "at" and i + 1 < n and toks[i + 1].lower in ("least", "most")
    if first.lower in (",", ".", ";", ":", "?", "!") or (
        adverbial and first.lower in PREPOSITIONS and first.lower != "to" and not at_least
    ):
        return None
    end = _clause_end(text, toks, i + 1, unit.span.end)
    if cue.lemma not in _INVERTING and first.lower not in _CLAUSE_OPENERS:
        # A noun phrase is the content ("clashed with Donald Trump, with whom ..."): it
        # ends before ", who ..." / ", drawing boos". (Cutting before prepositional
        # adjuncts too was tried: PolNeAR keeps them, dev exact content fell 0.6.)
        end = min(end, _noun_phrase_end(toks, i + 1, end))
    span = trim(text, first.start, end)
    return span if len(span) > 0 else None


def _show_title(toks: list[Token], i: int, d: int) -> bool:
    """Whether the quotation at token ``d`` is a short title in the adverbial that token
    ``i`` opens."""
    return toks[i].lower in _ADVERBIAL_OPENERS and toks[d].end - toks[d].start < 40


_WH_WORDS = _OBJECT_CLAUSE - {"to", "that"}
# Cues whose object PolNeAR takes into an infinitive content ("urged North Korea to ...",
# "asked her husband to ..."; train: 54 times of 79), unlike "told reporters to ...".
_OBJECT_IN_CONTENT = frozenset({"ask", "urge"})
_ADVERBIAL_OPENERS = PREPOSITIONS | TIME_WORDS | _ADJUNCT_OPENERS
_PARTS_OF_DAY = frozenset({"morning", "afternoon", "evening", "night"})

# Words that open a clause after an adverbial: "said in an interview he would run".
_CLAUSE_SUBJECTS = frozenset(
    {"that", "he", "she", "they", "we", "i", "he’s", "she’s", "he's", "she's"}
)

_CLAUSE_OPENERS = frozenset(
    {
        "that",
        "to",
        "if",
        "whether",
        "how",
        "why",
        "what",
        "when",
        "where",
        "who",
        "he",
        "she",
        "they",
        "we",
        "i",
        "it",
        "there",
        "“",
    }
)


def _noun_phrase_end(toks: list[Token], i: int, default: int) -> int:
    """Where a noun-phrase content starting before token ``i`` ends."""
    for d in range(i, len(toks)):
        t = toks[d]
        if t.start >= default:
            break
        if t.lower == "," and d + 1 < len(toks):
            nxt = toks[d + 1].lower
            if nxt in ("who", "which", "whom", "however", "with") or nxt.endswith("ing"):
                return t.start
    return default


_CLAUSE_BREAKERS = frozenset({"but", "while", "whereas", "although", "though", "yet"})


_OBJECTS = frozenset(
    {
        "him",
        "her",
        "them",
        "me",
        "us",
        "you",
        "reporters",
        "supporters",
        "voters",
        "listeners",
        "viewers",
        "journalists",
        "donors",
        "students",
    }
)


_TIMES = TIME_WORDS | frozenset({"week", "weekend", "month", "year", "morning", "night"})
# What makes "this" a time rather than a determiner: "this past week", "this fall".
_THIS_TIMES = (
    _TIMES
    | _PARTS_OF_DAY
    | frozenset({"past", "spring", "summer", "fall", "winter", "season", "time"})
)


def _adverb_before_wh(toks: Sequence[Token], i: int) -> bool:
    """Whether token ``i`` is an adverb before a question word: "exactly what", "just how"."""
    return (
        i + 1 < len(toks)
        and toks[i + 1].lower in _WH_WORDS
        and (toks[i].lower in _JUST or _adverb(toks[i]))
    )


def _asked_about(toks: list[Token], i: int) -> bool:
    """Whether a pronoun or a short name at ``i`` is followed by "about" and what was
    asked about: "asked him about his tax returns", "asked Clinton about her emails"."""
    d = i
    if toks[d].lower in _OBJECTS:
        d += 1
    else:
        while (
            d < len(toks)
            and d - i < 3
            and toks[d].text[:1].isupper()
            and toks[d].lower not in TIME_WORDS  # ("asked Tuesday about the plan")
        ):
            d += 1
    return (
        i < d
        and d + 1 < len(toks)
        and toks[d].lower == "about"  # ("asked him on Monday": a time)
        and toks[d + 1].text[:1].isalnum()
    )


def _after_object(toks: list[Token], i: int) -> int | None:
    """The token after a short object at ``i`` if a clause starts there."""
    n = len(toks)
    d = i
    if toks[d].lower in _OBJECTS:
        d += 1
    elif toks[d].text[:1].isupper():
        while d < n and d - i < 4 and toks[d].text[:1].isupper():
            d += 1
        if d + 1 < n and toks[d].lower == "of" and toks[d + 1].text[:1].isupper():
            d += 2  # "The Star-Ledger of Newark"
    elif toks[d].lower in ("the", "a", "an", "his", "her", "their") and d + 1 < n:
        d += 2  # "the crowd", "a rally"
        if (
            d + 1 < n
            and _plain_word(toks[d - 1])
            and _plain_word(toks[d])
            and _subject_pronoun(toks[d + 1])
        ):
            d += 1  # "a news conference they are ..."
    if d == i or d >= n:
        return None
    # A time after the object: "told African-Americans this weekend he would ..."
    if d + 1 < n and toks[d].lower in ("this", "last", "on") and toks[d + 1].lower in _TIMES:
        d += 2
    elif toks[d].lower in TIME_WORDS:
        d += 1
    if d >= n:
        return None
    nxt = toks[d]
    opens = _subject_pronoun(nxt) or nxt.lower in _CLAUSE_AFTER_OBJECT
    return d if opens or (nxt.text[:1].isupper() and nxt.text[:1].isalpha()) else None


# Words that open a clause after an object ("told the AP his firm worked ...").
_CLAUSE_AFTER_OBJECT = frozenset(
    {"the", "a", "an", "there", "that", "his", "her", "their", "its", "our", "my", "this"}
    | {"these", "some", "many", "most"}
)


_JOINING_PREPOSITIONS = frozenset(
    {"of", "for", "about", "at", "against", "on", "as", "from", "upon"}
)
# The nouns of saying that PolNeAR takes into the cue with their preposition.
# fmt: off
_SPEECH_NOUNS = frozenset({
    "shot", "shots", "swipe", "swipes", "attack", "attacks", "mention", "criticism", "defense",
    "stance", "statement", "thoughts", "words", "word", "rant", "barbs", "credit", "doubt",
    "doubts", "note", "dismay", "astonishment", "concern", "concerns", "fear", "fears", "sign",
    "apologies", "zeal", "denunciation", "praise", "questions", "warning", "favor", "opinion",
})
# fmt: on
# Verbs whose object is followed by a complement ("called his remarks on Saturday “...”").
_COMPLEMENT_VERBS = frozenset({"call", "describ", "label", "nam", "see", "view", "cit"})
# Words that end an object before a preposition could join it to the cue.
_NOT_IN_OBJECT = frozenset({"that", "who", "which", "and", "or", "but", "to", "in", "with", "by"})


def _object_preposition(
    toks: list[Token], k: int, content: Span, cue_asks: bool = False
) -> int | None:
    """The preposition that ends a short object right after the cue at token ``k``, where
    the content starts ("took a shot at", "made no mention of", "accused Republicans of"),
    if what follows it is the content; else None."""
    d = k + 1
    if d >= len(toks) or toks[d].start != content.start or toks[d].lower in _CLAUSE_OPENERS:
        return None
    for e in range(d, min(len(toks) - 1, d + 6)):
        t = toks[e]
        if t.lower in _JOINING_PREPOSITIONS and e > d:
            if toks[e - 1].lower not in _SPEECH_NOUNS and not (
                # "asked him about his tax returns": a person asked about something
                cue_asks and _asked_about(toks, d)
            ):
                return None
            nxt = toks[e + 1]
            rest = [x for x in toks[e + 1 : e + 9] if x.start < content.end]
            if (
                nxt.start < content.end
                and (nxt.text[:1].isalnum() or nxt.text[:1] in "“\"'")
                and not any(x.lower in AUX for x in rest)  # a clause: "said praise from X would"
            ):
                return e
            return None
        if (
            not t.text[:1].isalnum()
            or t.lower in _NOT_IN_OBJECT
            or t.lower in AUX
            or _possessive(t.lower)
            or t.lower == "the"
        ):
            return None  # not another's words: "cheered Clinton’s attacks on Trump"
    return None


# Verbs that presuppose what follows them: only a clause makes them report anything.
_FACTIVE = frozenset({"know", "realize", "understand", "learn"})
_QUANTIFIERS = frozenset(
    {"some", "many", "more", "most", "several", "no", "few", "all", "both", "any", "much"}
)
_NOT_GERUNDS = frozenset(
    {"including", "following", "regarding", "according", "concerning", "during", "nothing"}
    | {"something", "anything", "everything", "morning", "evening", "spring", "building"}
)


def _words_before_quote(text: str, unit: Unit, before_from: int, quote: Span) -> int | None:
    """Where the words that lead into a quotation mid-sentence start, if any: from the
    unit's start (or ``before_from``), with no colon or dash before the quotation."""
    parts = _content_before(text, unit, before_from, quote.start)
    if not parts or not has_words(text, parts[0], 2):
        return None
    lead = parts[0]
    words = text[lead.start : lead.end].rstrip()
    if (
        words.endswith(("—", "–", "-", "―"))
        or ":" in words
        or words.isupper()
        or words.lower().startswith("as for ")
        or words.split()[0].lower().endswith("ing")
    ):
        # a lead-in by colon or dash, a headline, a topic ("As for complexity, “...”"), or
        # a participle, a cue of its own ("Bemoaning the “phony system,” Trump ...")
        return None
    return lead.start


def _progressive(toks: list[Token], k: int) -> Cue | None:
    """The cue of a progressive form whose past form the lexicon lists: "Pataki is
    endorsing Kasich" as "endorsed" ("is" right before it)."""
    w = toks[k].lower
    if k == 0 or toks[k - 1].lower not in _PROGRESSIVE or not w.endswith("ing") or len(w) < 7:
        return None
    return VERBS.get(w[:-3] + "ed") or VERBS.get(w[:-3] + "ned")


def _comma_before(toks: list[Token], a: int, as_too: bool = True) -> int | None:
    """The comma right before a source at token ``a`` ("..., the Guardian reported"), or
    before "as" there when ``as_too`` ("..., as police have said."); else None."""
    if a > 0 and toks[a - 1].lower == ",":
        return a - 1
    if as_too and a > 1 and toks[a - 1].lower == "as" and toks[a - 2].lower == ",":
        return a - 2
    return None


def _plain_word(tok: Token) -> bool:
    """A lower-case word that is not a verb the finder knows: a noun or an adjective."""
    w = tok.lower
    return tok.text[:1].islower() and w.isalpha() and not _verbish(tok)


def _subject_pronoun(tok: Token) -> bool:
    """A pronoun, contracted or not: "he", "he’d", "they're"."""
    return _uncontracted(tok.lower) in PRONOUNS


def _new_attribution(toks: list[Token], i: int) -> bool:
    """Whether a short noun phrase from token ``i`` is followed by a cue verb (with any
    auxiliaries): "NBC News will accuse", "the campaign said"."""
    n = len(toks)
    d = i
    while d < n and d - i < 5 and (toks[d].text[:1].isupper() or toks[d].lower in ("the", "a")):
        d += 1
    if d == i or (d == i + 1 and toks[i].lower in ("the", "a")):
        # Or a lower-case subject before a listed cue, after a comma: "..., and human
        # rights groups warned that ...". (Not a pronoun: "... is “complex” and he feels
        # he can win" goes on reporting the same speaker.)
        e = i
        while (
            e < n
            and e - i < 6
            and (
                _plain_word(toks[e])
                or toks[e].lower in ("the", "a", "of", "in", "than")
                or toks[e].lower[:1].isdigit()  # "..., and more than 4 in 10 said ..."
            )
        ):
            e += 1
        if e == i or e >= n or i < 2 or toks[i - 2].lower != ",":
            return False
        cue = VERBS.get(toks[e].lower)
        return cue is not None and not cue.learned and is_source(toks, i, e)
    while d < n and toks[d].lower in AUX:
        d += 1
    return d < n and toks[d].lower in VERBS


def _and_said(toks: list[Token], m: int) -> bool:
    """Whether a cue verb (after adverbs) at ``m`` follows "and" with the sentence's
    subject for its source ("Wilson praised ... and said ...", "... and also told ...")."""
    n = len(toks)
    while m < n and (
        toks[m].lower in CUE_ADVERBS or _adverb(toks[m]) or toks[m].lower in _PERFECT_OR_MODAL
    ):
        m += 1
    if m >= n or toks[m].lower not in VERBS:
        return False
    subject = _subject_range(toks, m - 1)
    return subject is not None and is_source(toks, *subject)


_PERFECT_OR_MODAL = frozenset(
    {"has", "have", "had", "will", "would", "could", "can", "may", "might", "also"}
)


def _spaced_dash(toks: list[Token], d: int) -> bool:
    """Whether the hyphen at ``d`` is a dash: "--", or a hyphen with a space on each side
    ("coal - which is used for making steel - has roared back")."""
    if d + 1 < len(toks) and toks[d + 1].text == "-" and toks[d + 1].start == toks[d].end:
        return True
    return (
        0 < d < len(toks) - 1
        and toks[d - 1].end < toks[d].start
        and toks[d].end < toks[d + 1].start
    )


def _clause_end(text: str, toks: list[Token], i: int, default: int) -> int:
    """Where reported content starting before token ``i`` ends: at a semicolon or a dash,
    at ", but" / "while" / "although", at "and" + a verb ("... would rebound and praised
    ..."), or at a comma that starts another attribution ("..., the candidate said ...")."""
    n = len(toks)
    for d in range(i, n):
        t = toks[d].lower
        if t in (";", "—", "–", "―") or (t == "-" and _spaced_dash(toks, d)):
            return toks[d].start
        if t in _CLAUSE_BREAKERS and toks[d - 1].lower == ",":
            return toks[d - 1].start
        if (
            t in _CLAUSE_BREAKERS
            and toks[d - 1].text == "“"
            and text[toks[d - 1].start : toks[d - 1].end].rstrip(QUOTE_CHARS).endswith(",")
        ):
            # "... is “true,” but in the course of their report ...": the comma inside
            # the quotation's close
            return toks[d - 1].end
        if t in ("while", "whereas") and toks[d - 1].lower != "that":
            # (not "said that while he ..., many ...": the clause opens the content)
            return toks[d].start
        if t in ("and", "but") and d > i and _new_attribution(toks, d + 1):
            # "... brand you a liar and NBC News will accuse you of ...": a new speaker.
            return toks[d].start
        if t in ("and", "but") and d + 1 < n:
            m = d + 1
            while m + 1 < n and m - d < 3 and toks[m].lower in _PERFECT_OR_MODAL:
                m += 1  # "... but has said she will hold firm"
            nxt = toks[m].lower
            if (nxt in VERBS and nxt not in ("said", "says")) or (
                nxt.endswith("ed") and nxt[:1].isalpha() and toks[m].text[:1].islower()
            ):
                return toks[d].start
            if _and_said(toks, d + 1):
                # "Wilson praised Rubio's positions and said the senator can win": "and
                # said" starts an attribution of its own, with the sentence's subject.
                return toks[d].start
        if t == "," and d + 2 < n and toks[d + 1].text[:1].isupper():
            # ", Judge Berman proceeded to ...": a new main clause with its own subject.
            e = d + 1
            while e < n and e - d <= 4 and toks[e].text[:1].isupper():
                e += 1
            if e < n and e > d + 1 and (toks[e].lower in VERBS or toks[e].lower.endswith("ed")):
                return toks[d].start
        if t == ",":
            # ", he said" / ", the candidate said" inside the content: a new attribution.
            for e in range(d + 1, min(n, d + 9)):
                w = toks[e].lower
                if w in (",", ".", "“"):
                    break
                cue = VERBS.get(w)
                if (
                    cue is not None
                    and cue.lemma in _INVERTING
                    and toks[e - 1].lower not in _BE
                    # (a longer source only before the end: ", attorneys for the family said.")
                    and (e < d + 5 or e + 1 == n or toks[e + 1].lower in (".", "!", "?"))
                ):
                    # (not a passive: "..., when he speaks, he is asked about her")
                    return toks[d].start
    return default


def _participle(text: str, unit: Unit, toks: list[Token], start: int, main: Found) -> Found | None:
    """ "..., adding that ..." after a main attribution: another statement, same source.
    Looked for in the main content and the few tokens after it, so that each token of a
    unit is looked at a bounded number of times."""
    limit = max(s.end for s in [*main.content, main.cue, main.source] if s is not None)
    past = 0
    for k in range(start, len(toks) - 1):
        t = toks[k]
        if t.start >= limit:
            past += 1
            if past > 12:
                return None
            said = VERBS.get(t.lower)
            if said is not None and said.lemma in _INVERTING and not t.lower.endswith("ing"):
                # "... this month, Mr. Manafort said, adding that ...": the participle
                # goes with the nearer cue, found in its turn.
                return None
        if (
            t.lower.endswith("ing")
            and t.lower in VERBS
            and toks[k - 1].lower in (",", "“")
            and main.source
        ):
            cue = VERBS[t.lower]
            nxt = toks[k + 1]
            if _according_to(toks, k):
                continue  # "..., according to X": a phrase cue of its own
            cue_span = t.span
            if k + 2 < len(toks) and _particle_rate(t.lower, nxt.lower) >= PARTICLE_RATE:
                # "..., referring to the resorts": the particle joins the cue.
                cue_span = Span(t.start, nxt.end)
                nxt = toks[k + 2]
                if not (nxt.text[:1].isalnum() or nxt.lower == "“"):
                    continue  # "referring to, among others, ..."
            elif nxt.lower == "," and k + 2 < len(toks) and toks[k + 2].lower == "“":
                nxt = toks[k + 2]  # "..., adding, “...”"
            # "..., saying he would ...", "..., adding: “...”"
            elif (nxt.lower in PREPOSITIONS and nxt.lower != "to") or not (
                nxt.text[:1].isalnum() or nxt.lower in (":", "“")
            ):
                continue
            content_start = nxt.start
            span = trim_end(text, trim(text, content_start, unit.span.end))
            if not has_words(text, span, 2):
                return None
            # Cut the main statement's content at the comma before the participle.
            first = main.content[0]
            # Cut at the comma before the participle, or after the quote it follows.
            cut = toks[k - 1].end if toks[k - 1].lower == "“" else toks[k - 1].start
            if first.start < cut < first.end:
                main.content[0] = trim_end(text, trim(text, first.start, cut))
            return Found(
                [span],
                kind_of([span], unit.quotes),
                source=main.source,
                cue=cue_span,
                stance=cue.stance,
                source_words=main.source_words,
                paragraph=unit.paragraph,
            )
    return None


def _content_before(text: str, unit: Unit, before_from: int, end: int) -> list[Span]:
    """The content before a trailing or inverted cue, from the unit's start or from
    ``before_from``, up to ``end``; none when nothing is left."""
    start = max(unit.span.start, before_from)
    if start == unit.span.start and (m := _CONNECTIVE.match(text, start, end)) is not None:
        # "Still, almost two in three ... view Trump favorably, the poll found.": a
        # sentence connective is the writer's, not the source's (PolNeAR train: 32 of 35).
        start = m.end()
    return [trim(text, start, end)] if start < end else []


_CONNECTIVE = re.compile(
    r"(?:still|however|in contrast|by contrast|indeed|in fact|meanwhile|as a result|even so"
    r"|moreover|nevertheless|nonetheless|separately|additionally|in addition|furthermore"
    r"|at the same time|yet),\s+",
    re.IGNORECASE,
)


# What a content before "according to" ends at (the content stops before it).
_ENDS_BEFORE_PHRASE = frozenset({",", "—", "–", "--"})


def _according_to(toks: Sequence[Token], k: int) -> bool:
    """Whether tokens ``k`` and ``k + 1`` are "according to", the one phrase cue whose source
    follows it; a phrase, never a verb, even where it finds no content."""
    return toks[k].lower == "according" and k + 1 < len(toks) and toks[k + 1].lower == "to"


def _phrase_cue(text: str, unit: Unit, toks: list[Token], k: int, after: int = -1) -> Found | None:
    """ "according to X": its content is the clause before it (from the start of the unit,
    or from offset ``after``, where the "according to X" before it ends), or after it."""
    if not _according_to(toks, k):
        return None
    m = 2
    b = k + m
    while (
        b < len(toks)
        and toks[b].lower not in (",", ".", ";", "—", "that")
        and b - (k + m) < 2 * MAX_SOURCE
    ):
        b += 1
    if b == k + m:
        return None
    source = span_of(toks, k + m, b)
    prev = toks[k - 1].lower if k > 0 else None
    rest = b < len(toks) and toks[b].lower not in (".", ";") and b + 1 < len(toks)
    if (
        prev in _ENDS_BEFORE_PHRASE
        or prev == "“"
        or (prev is not None and prev[:1].isalnum() and not rest)
    ):
        # "..., according to X", "... — according to X", "“...,” according to X", and
        # "... according to X." with nothing after it. Not the content of an "according
        # to" before it: linear in repeats.
        parts = _content_before(
            text, unit, after, toks[k - 1].start if prev in _ENDS_BEFORE_PHRASE else toks[k - 1].end
        )
        if not parts:
            return None
        content = parts[0]
    elif b < len(toks):
        content = trim(text, toks[b].end if toks[b].lower == "," else toks[b].start, unit.span.end)
    else:
        return None
    content = trim_end(text, content)
    if not has_words(text, content, 2):
        return None
    return Found(
        [content],
        kind_of([content], unit.quotes),
        source=source,
        cue=Span(toks[k].start, toks[k + 1].end),
        stance=PHRASES[("according", "to")],
        source_words=[t.text for t in toks[k + m : b]],
        paragraph=unit.paragraph,
    )


def _punctuation_cue(text: str, unit: Unit, toks: list[Token]) -> Found | None:
    """``Name: “...”`` and ``Name ― “...”`` / ``“...” ― Name``."""
    if not unit.quotes:
        return None
    q = unit.quotes[0]
    before = [t for t in toks if t.end <= q.span.start]
    if before and before[-1].lower in PUNCT_CUES and 1 <= len(before) - 1 <= 5:
        words = before[:-1]
        if (
            all(w.text[:1].isupper() or w.lower in ("of", "de", "the") for w in words)
            and words[0].start >= unit.span.start
        ):
            return Found(
                [x.span for x in unit.quotes],
                StatementKind.DIRECT,
                source=Span(words[0].start, words[-1].end),
                cue=before[-1].span,
                stance="neutral",
                source_words=[w.text for w in words],
                paragraph=unit.paragraph,
            )
    last = unit.quotes[-1]
    after = [t for t in toks if t.start >= last.span.end]
    if after and after[0].lower in ("—", "―", "–") and 1 <= len(after) - 1 <= 5:
        words = [w for w in after[1:] if w.lower not in (".",)]
        if words and all(w.text[:1].isupper() for w in words):
            return Found(
                [x.span for x in unit.quotes],
                StatementKind.DIRECT,
                source=Span(words[0].start, words[-1].end),
                cue=after[0].span,
                stance="neutral",
                source_words=[w.text for w in words],
                paragraph=unit.paragraph,
            )
    return None


def _nested(text: str, unit: Unit, toks: list[Token]) -> Found | None:
    """``what SOURCE CUE are ...``: an attribution inside the writer's own sentence."""
    for k, t in enumerate(toks[:-3]):
        if t.lower != "what":
            continue
        # what + short noun phrase + cue verb + copula
        for c in range(k + 2, min(k + 6, len(toks) - 1)):
            cue = VERBS.get(toks[c].lower)
            if cue is None:
                continue
            if toks[c + 1].lower not in COPULAS:
                break
            if not is_source(toks, k + 1, c):
                break
            content = trim_end(text, trim(text, toks[c + 1].start, unit.span.end))
            subject = _subject(toks, k)
            return Found(
                [content],
                StatementKind.INDIRECT,
                source=span_of(toks, k + 1, c),
                cue=toks[c].span,
                stance=cue.stance,
                source_words=[x.text for x in toks[k + 1 : c]],
                paragraph=unit.paragraph,
                subject=subject,
            )
    return None


def _leading_name(toks: list[Token]) -> list[str] | None:
    """The proper name or pronoun that opens the sentence ("Mr. Trump", "The Post", "She")."""
    if toks and toks[0].lower in PRONOUNS and toks[0].lower not in ("it", "you", "i"):
        return [toks[0].text]
    out: list[str] = []
    for t in toks[:6]:
        if t.text[:1].isupper() or (out and t.lower in ("of", "the")):
            out.append(t.text)
        else:
            break
    while out and out[-1].lower() in ("of", "the"):
        out.pop()
    return out or None


_BEFORE_PARTICIPLE = frozenset({",", "by", "while", "before", "after", "when", "despite"})


# Words that open an adverbial before the subject: "Despite the setback, Cruz ...".
_OPENING_ADVERBIALS = frozenset(
    {"last", "earlier", "despite", "instead", "amid", "unlike", "still", "meanwhile", "however"}
)
_DASHES = frozenset({"—", "–", "―", "-", "--"})


def _dateline_end(toks: Sequence[Token], before: int) -> int:
    """The token after a dateline that opens the unit ("WASHINGTON —", "LOS ANGELES -",
    "BRUSSELS (Reuters) -", "DES MOINES, Iowa —", "DECATUR, Ill. —"); 0 when there is none."""
    inside = state = False
    for i in range(min(before, 8)):
        t = toks[i]
        if t.lower in _DASHES and not inside:
            return i + 1 if i > 0 else 0
        if t.text in ("(", ")"):
            inside = t.text == "("
        elif t.text == "," and i > 0:
            state = True  # a state or country after the city: title case
        elif not (
            t.text.isupper() or t.text == "." or ((inside or state) and t.text[:1].isupper())
        ):
            return 0
    return 0


def _clause_start(toks: Sequence[Token], before: int) -> int | None:
    """Where the sentence's main clause starts, before token ``before``: past a dateline
    and an opening adverbial ("In his speech, Graham ...", "Facing criticism, Trump ...");
    None when an adverbial opens it but no comma closes it in time."""
    start = _dateline_end(toks, before)
    first = toks[start].lower if start < len(toks) else ""
    if (
        first in _NOT_FIRST
        or first in _OPENING_ADVERBIALS
        or (first.endswith("ing") and toks[start].text[:1].isupper())
    ):
        limit = start + 10
        i = start + 1
        while i < min(before, limit):
            if toks[i].lower == "," and not _adverbial_goes_on(toks, i + 1, before):
                return i + 1
            if toks[i].lower == ",":
                limit = min(i + 8, start + 20)  # "At an event in Ames, Iowa, on Sunday, ..."
            i += 1
        return None
    return start


def _adverbial_goes_on(toks: Sequence[Token], i: int, before: int) -> bool:
    """Whether an opening adverbial goes on after the comma before token ``i``: a state
    after a city ("in Ames, Iowa, ...") or another adverbial ("..., on Sunday, ...")."""
    if i >= before:
        return False
    if toks[i].lower in PREPOSITIONS or toks[i].lower in TIME_WORDS:
        return True
    e = i
    while e < before and e - i < 3 and toks[e].text[:1].isupper():
        e += 1
    return e > i and e < before and toks[e].lower == ","


_SUBORDINATORS = frozenset({"when", "while", "because", "although", "though", "who", "if"})


def _inner_subject(toks: list[Token], before: int) -> tuple[int, int] | None:
    """The subject of the subordinate clause that token ``before`` is in: "who" in "Weaver,
    who came out and endorsed", "Mr. Sanders" in "when Mr. Sanders took issue with ... and
    assailed"; None when it is in the main clause."""
    for p in range(before - 1, max(-1, before - 25), -1):
        t = toks[p].lower
        if t in (";", ":", "“", "”", "and", "but") or (
            t == "," and (p == before - 1 or toks[p + 1].lower in _SUBJECT_PRONOUNS)
        ):
            return None  # (the main clause after "When Mr. Rubio did ..., he did ...")
        if t in _SUBORDINATORS or (
            # "after she attacked ... and blamed" (not "after Britain's decision")
            t in ("after", "before", "since") and toks[p + 1].lower in _SUBJECT_PRONOUNS
        ):
            if t == "who":
                return p, p + 1
            return _subject_at(toks, p + 1, before)
    return None


def _subject_range(toks: list[Token], before: int) -> tuple[int, int] | None:
    """Token range of the sentence's subject before token ``before``: past an opening
    adverbial ("In his speech, Graham ...", "Last week, ..."), the words before the first
    verb when they are few, else the name that opens the clause."""
    start = _clause_start(toks, before)
    if start is None:
        return None
    return _subject_at(toks, start, before)


def _subject_at(toks: list[Token], start: int, before: int) -> tuple[int, int] | None:
    """Token range of the subject of a clause that starts at token ``start``."""
    head = toks[start : start + MAX_SOURCE + 2]  # all that either reads: no copy of the rest
    subject = _subject(head, before - start)
    if not subject or sum(w[:1].isalpha() for w in subject) > MAX_SOURCE // 2:
        subject = _leading_name(head)
    if not subject or start + len(subject) >= before:
        return None
    # without the adverbs after it: "Sanders instead ..., decrying"
    return start, _trim_source(toks, start, start + len(subject))


def _subject(toks: list[Token], before: int) -> list[str] | None:
    """The words of the sentence's subject: from its start to the first verb-like token
    (at most ``MAX_SOURCE + 1`` words: callers take no longer subject)."""
    words: list[str] = []
    end = min(before, MAX_SOURCE + 1)
    i = 0
    while i < end:
        t = toks[i]
        if (
            t.lower in AUX
            or t.lower in CUE_ADVERBS
            or (
                t.lower.endswith("ed")
                # (not an adjective: "The retired neurosurgeon", "registered voters")
                and not (i and toks[i - 1].lower in _NOUN_OPENERS)
                and t.lower not in _PARTICIPLE_ADJECTIVES
            )
        ):
            break
        if i and t.text[:1].islower() and t.lower in VERBS and words[-1][:1].isupper():
            break  # "UK Independence Party leader Nigel Farage said ..."
        if t.text == "(" and i:
            # "Sen. Bernie Sanders (I-Vt.) called him divisive and accused him ..."
            close = next((c for c in range(i + 1, min(end, i + 6)) if toks[c].text == ")"), None)
            if close is None:
                break
            words.extend(x.text for x in toks[i : close + 1])
            i = close + 1
            continue
        if not t.text[:1].isalnum() and t.text not in ("-", "'", "’", "."):
            break  # a quotation or a comma ends the subject: 'Khan “won” again, telling
        words.append(t.text)
        i += 1
    return words or None
