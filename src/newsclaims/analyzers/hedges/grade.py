"""A statement's certainty from the hedges it owns, and its polarity from its negations.

The two are kept apart: a negation says the claim is false, not that it is uncertain, and
"unlikely" is both a probability (certainty) and a negation (polarity) at once, after
FactBank's "probably not".
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable, Sequence

from newsclaims.model import Certainty, Polarity, Span

__all__ = ["certainty", "negation_cues", "negation_starts", "negations", "polarity"]

# The graded scale, strongest first. A conditional, an open question or a distancing adverb
# leaves the claim UNDERSPECIFIED only when nothing grades it more precisely.
_RANK = {
    Certainty.CERTAIN: 3,
    Certainty.PROBABLE: 2,
    Certainty.POSSIBLE: 1,
}


def certainty(grades: Iterable[Certainty | None]) -> Certainty:
    """The certainty that the grades of a statement's hedges give it.

    The weakest of the POSSIBLE and PROBABLE grades wins ("may" beats "likely"); without
    one, any UNDERSPECIFIED grade (conditional, investigation, "unclear", "allegedly") makes
    the statement UNDERSPECIFIED; otherwise (no hedge, a booster, an approximator, a vague
    source) it is CERTAIN.
    """
    best: Certainty | None = None
    open_question = False
    for grade in grades:
        if grade is Certainty.UNDERSPECIFIED:
            open_question = True
        elif grade in (Certainty.POSSIBLE, Certainty.PROBABLE) and (
            best is None or _RANK[grade] < _RANK[best]
        ):
            best = grade
    if best is not None:
        return best
    return Certainty.UNDERSPECIFIED if open_question else Certainty.CERTAIN


# One pass over a content span meets, in order, negations, words that open a clause other
# than the main one, and commas (which close a leading subordinate clause or an aside).
_CLAUSE = re.compile(
    r"(?P<neg>n['’]t(?![\w-])"
    r"|(?<![\w'’-])(?:not|never|no|none|nobody|nothing|neither|nor|cannot|nowhere"
    r"|den(?:y|ies|ied|ying)\s+that)(?![\w'’-]))"
    r"|(?P<stop>(?<![\w'’-])(?:because|although|though|whereas|but|unless|if|when|whenever"
    r"|while|since|after|before|until|who|which|whom|whose|where)(?![\w'’-]))"
    r"|(?P<comma>,)"
)
# The negations alone, to find once per article the few statements that need the clause pass.
_NEGATION = re.compile(
    r"n['’]t(?![\w-])|(?<![\w'’-])(?:not|never|no|none|nobody|nothing|neither|nor|cannot"
    r"|nowhere|den(?:y|ies|ied|ying)\s+that)(?![\w'’-])"
)
_RELATIVE = frozenset(("who", "which", "whom", "whose", "where"))
_NEXT = re.compile(r"\s*([\w’']+|\S)")
_PREV = re.compile(r"([\w’']+)\s*$")
_OPENING = re.compile(r"[\s\"“‘'(«]*")
_NOT_NEGATING_AFTER_NOT = frozenset(("only", "just", "least", "merely"))
_MAIN, _LEADING, _ASIDE = 0, 1, 2


def negations(low: str, span: Span, cues: Sequence[Span], cue_starts: Sequence[int]) -> int:
    """How many negation cues in ``span`` of the lower-cased text govern its main clause.

    Skipped: negations inside hedge cues (``cues``, sorted, with their starts: "no doubt",
    "not clear"); idioms that deny nothing ("not only", "No. 1", "whether or not", "none
    the less"); and negations outside the main clause: in a leading subordinate clause up to
    its comma ("If he does not come, ..."), in a ", who ...," aside, and anywhere after a
    word that opens a subordinate or second clause ("because he did not ...", "officials
    who did not ..."). One pass, linear in the span.
    """
    count = 0
    neither = False
    state = _MAIN
    opening = _OPENING.match(low, span.start, span.end)
    first = opening.end() if opening else span.start
    for m in _CLAUSE.finditer(low, span.start, span.end):
        group = m.lastgroup
        if group == "comma":
            state = _MAIN
            continue
        if state != _MAIN:
            continue
        word = m.group()
        if group == "stop":
            if m.start() == first:
                # "But ..." opens nothing; "If ..., we will not" opens a leading clause.
                state = _MAIN if word == "but" else _LEADING
            elif word in _RELATIVE and low[
                max(span.start, m.start() - 3) : m.start()
            ].rstrip().endswith(","):
                state = _ASIDE
            else:
                break  # the rest is a subordinate or a second clause
            continue
        i = bisect_right(cue_starts, m.start())
        if (i and cues[i - 1].end > m.start()) or _idiom(low, span, m):
            continue
        if word == "nor" and neither:
            continue
        neither = neither or word == "neither"
        count += 1
    return count


def negation_starts(low: str) -> list[int]:
    """Where each negation word of the lower-cased text starts, in order (a spans with none
    needs no :func:`negations` pass)."""
    return [m.start() for m in _NEGATION.finditer(low)]


_WORD_START = re.compile(r"[\w'’]*$")


def negation_cues(text: str, span: Span | None = None) -> list[Span]:
    """Every negation cue in ``span`` of ``text`` (default: all of it), in order: the words
    the polarity rules count, idioms that deny nothing skipped ("not only", "No. 1"). A
    contracted negation is the whole word ("can't", "doesn't"), as corpora mark it; "denied
    that" is its verb. Unlike :func:`negations` this does not ask which clause a cue
    governs."""
    low = text.lower() if len(text.lower()) == len(text) else text
    span = span or Span(0, len(text))
    out = []
    for m in _NEGATION.finditer(low, span.start, span.end):
        if _idiom(low, span, m):
            continue
        start, end = m.start(), m.end()
        if low[start] == "n" and low[start + 1] in "'’" and low[start:end].endswith("t"):
            head = _WORD_START.search(low, span.start, start)
            start = head.start() if head else start
        elif low[start:end].startswith("den"):
            end = start + len(low[start:end].split()[0])
        out.append(Span(start, end))
    return out


def _idiom(low: str, span: Span, m: re.Match[str]) -> bool:
    """Whether the negation ``m`` is part of an idiom that denies nothing."""
    word = m.group()
    after_m = _NEXT.match(low, m.end(), span.end)
    after = after_m.group(1) if after_m else ""
    if word == "not":
        before_m = _PREV.search(low, max(span.start, m.start() - 20), m.start())
        before = before_m.group(1) if before_m else ""
        return after in _NOT_NEGATING_AFTER_NOT or before in ("or", "if")
    if word == "no":
        return after[:1] in (".", ",") or after[:1].isdigit() or after == "matter"
    return word == "none" and after == "the"


def polarity(count: int) -> Polarity:
    """NEGATIVE for an odd number of negations ("not unlikely" is positive), else POSITIVE."""
    return Polarity.NEGATIVE if count % 2 else Polarity.POSITIVE
