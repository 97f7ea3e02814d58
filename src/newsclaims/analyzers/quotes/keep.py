"""A learned last check on each attribution the rules find: would an annotator mark it?

The rules find a cue, its source and its content; many of the cues they take are cues
only some of the time ("made", "found", "launched", "pushed"), and whether one is depends
on its whole attribution: who the source is, what the content looks like, where each
stands. This module scores a found attribution as a whole: a logistic regression over
sparse features of its parts (the cue's words and how often the lexicon's form is a cue,
the kind of source and where it stands, the content's first word, length and kind, the
words around the cue, whether the cue stands inside another attribution's content, and
pairs of these), trained by ``scripts/train_keep.py`` on the
rules' own output over PolNeAR *train*, each found attribution labelled by whether it
matches an annotated relation. The finder drops an attribution that scores below
:data:`THRESHOLD`. The weights are package data (``data/keep_model.tsv``; statistics
only, no text), read on first use; without them every attribution is kept.

The work is a regular-expression pass over the cue, the source and the first words of
the content, and a few dictionary lookups.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from functools import cache
from itertools import islice

from newsclaims.analyzers.quotes.cues import VERBS, data_rows
from newsclaims.model import Span, StatementKind

__all__ = ["THRESHOLD", "keep_features", "keep_probability", "weights"]

# An attribution that scores below this is dropped. F1 is best where a dropped attribution
# is right less often than half the F1 (about 0.37 here); 5-fold cross-validation on
# train put the best threshold at 0.3-0.35.
THRESHOLD = 0.35

_WORD = re.compile(r"[\w'’-]+|[^\w\s]")
_PRONOUNS = frozenset({"he", "she", "they", "it", "we", "i", "you", "who", "which", "that"})
_QUOTES = frozenset("“”\"'‘’«»")


def _bucket(n: int) -> str:
    if n < 4:
        return str(n)
    return "4-6" if n < 7 else "7-12" if n < 13 else "13-25" if n < 26 else "26+"


def _source_kind(text: str, source: Span | None) -> str:
    if source is None:
        return "none"
    words: list[str] = _WORD.findall(text[source.start : source.end])
    if len(words) == 1 and words[0].lower() in _PRONOUNS:
        return "pron:" + words[0].lower()
    return "cap" if words and words[0][:1].isupper() else "low"


def keep_features(
    text: str,
    kind: StatementKind,
    source: Span | None,
    cue: Span,
    content: Sequence[Span],
    inside: bool = False,
) -> list[str]:
    """The features of one attribution. The training script and the finder both use this
    one definition."""
    cue_words = [w.lower() for w in _WORD.findall(text[cue.start : cue.end])] or ["<none>"]
    head, first = cue_words[-1], cue_words[0]
    # (no more words than the length buckets tell apart, so a long content costs no more)
    words = list(
        islice((m.group() for s in content for m in _WORD.finditer(text, s.start, s.end)), 27)
    )
    opener = words[0].lower() if words else "$"
    if opener[:1] in _QUOTES:
        opener = "Q"
    before = _WORD.findall(text[max(0, cue.start - 40) : cue.start])
    after = _WORD.findall(text[cue.end : cue.end + 40])
    prev = before[-1].lower() if before else "^"
    nxt = after[0].lower() if after else "$"
    source_kind = _source_kind(text, source)
    source_at = "none" if source is None else "before" if source.start < cue.start else "after"
    if content[0].start >= cue.end:
        content_at = "after"
    elif content[-1].end <= cue.start:
        content_at = "before"
    else:
        content_at = "around"
    k = kind.value
    n = _bucket(len(words))
    form = VERBS.get(head)
    rate = "none" if form is None else str(round(form.rate, 1))
    return [
        "b",
        "cl=" + head,
        "cf=" + first,
        "cn=" + _bucket(len(cue_words)),
        "rate=" + rate,
        "sk=" + source_kind,
        "spos=" + source_at,
        "cpos=" + content_at,
        "kind=" + k,
        "f0=" + opener,
        "len=" + n,
        "parts=" + str(min(len(content), 3)),
        "pb=" + prev,
        "na=" + nxt,
        "cl|kind=" + head + "|" + k,
        "cl|sk=" + head + "|" + source_kind,
        "cl|cpos=" + head + "|" + content_at,
        "cl|f0=" + head + "|" + opener,
        "sk|kind=" + source_kind + "|" + k,
        "f0|kind=" + opener + "|" + k,
        "len|kind=" + n + "|" + k,
        "cl|len=" + head + "|" + n,
        "pb|cl=" + prev + "|" + head,
        "na|cl=" + nxt + "|" + head,
        "rate|sk=" + rate + "|" + source_kind,
        *(["in", "in|cl=" + head, "in|sk=" + source_kind] if inside else []),
    ]


@cache
def weights() -> dict[str, float]:
    """The model's weights, read once from the package data (empty without them)."""
    try:
        return {feature: float(weight) for feature, weight in data_rows("keep_model.tsv")}
    except FileNotFoundError:
        return {}


def keep_probability(
    text: str,
    kind: StatementKind,
    source: Span | None,
    cue: Span,
    content: Sequence[Span],
    inside: bool = False,
) -> float:
    """How likely an annotator marks this attribution (0 to 1); 1 without a model."""
    table = weights()
    if not table:
        return 1.0
    features = keep_features(text, kind, source, cue, content, inside)
    z = sum(table.get(f, 0.0) for f in features)
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))
