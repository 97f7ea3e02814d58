"""A learned cue detector for words the lexicon does not list.

PolNeAR's cues have a long tail ("went on the offensive against", "vied for", "eager to
show"): most cue words occur as cues only a few times, so no list covers them. This module
scores a token as the head of a cue from its context: a logistic regression over sparse
features (the word, its suffix, its neighbours and their classes), trained on PolNeAR train
by ``scripts/train_cues.py``. The weights are package data (``data/cue_model.tsv``: feature,
weight; statistics only, no text) and are read on first use.

The finder asks the model only about words that neither the lexicon nor the contextual
table knows, and only about words the model has weights for, so it costs a few dictionary
lookups per such word.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from functools import cache, lru_cache

from newsclaims.analyzers.quotes.cues import context_class, data_rows
from newsclaims.text import Token

__all__ = ["cue_features", "cue_probability", "stem", "weights"]

_START = "^"
_END = "$"


def _shape(tok: Token) -> str:
    text = tok.text
    if not text[:1].isalpha():
        return "punct" if not text[:1].isalnum() else "num"
    return "cap" if text[:1].isupper() else "low"


_PRONOUNS = frozenset({"he", "she", "they", "we", "i", "it", "who", "you"})


def stem(w: str) -> str:
    """A crude stem, so that rare forms of one verb share their evidence."""
    for end in ("ing", "ed", "es", "s"):
        if w.endswith(end) and len(w) - len(end) >= 3:
            return w[: -len(end)]
    return w


def cue_features(toks: Sequence[Token], k: int) -> list[str]:
    """The features of token ``k`` of a unit's tokens outside quotations (as
    :func:`newsclaims.analyzers.quotes.units.outside_quotes` gives them). The training
    script and the finder both use this one definition."""
    return _word_features(toks[k].lower) + _context_features(toks, k)


def _word_features(w: str) -> list[str]:
    """The features that depend on the word alone."""
    return ["b", "w=" + w, "st=" + stem(w), "s3=" + w[-3:], "s2=" + w[-2:]]


def _context_features(toks: Sequence[Token], k: int) -> list[str]:
    w = toks[k].lower
    prev = toks[k - 1].lower if k > 0 else _START
    prev2 = toks[k - 2].lower if k > 1 else _START
    nxt = toks[k + 1].text if k + 1 < len(toks) else None
    nxt_low = nxt.lower() if nxt is not None else _END
    nxt2 = toks[k + 2].lower if k + 2 < len(toks) else _END
    nclass = _class(nxt) if nxt is not None else "end"
    pclass = _class(toks[k - 1].text) if k > 0 else "start"
    subject = "0"
    for i in range(k - 1, max(-1, k - 4), -1):
        t = toks[i]
        if not t.text[:1].isalnum():
            break
        if t.text[:1].isupper() or t.lower in _PRONOUNS:
            subject = "1"
            break
    return [
        "st|nc=" + stem(w) + "|" + nclass,
        "w|nc=" + w + "|" + nclass,
        "pc|s2=" + pclass + "|" + w[-2:],
        "subj|s2=" + subject + "|" + w[-2:],
        "subj=" + subject,
        "p=" + prev,
        "p2=" + prev2,
        "n=" + nxt_low,
        "n2=" + nxt2,
        "pc=" + pclass,
        "nc=" + nclass,
        "pc|nc=" + pclass + "|" + nclass,
        "sh=" + _shape(toks[k]),
        "pos=" + ("0" if k == 0 else "1" if k < 4 else "2"),
    ]


# Remembered by token text and by word, in bounded caches so that memory stays flat over
# a corpus.
_class = lru_cache(maxsize=1 << 16)(context_class)
_CLASSES = ("that", "to", "det", "pron", "cap", "quote", "prep", "punct", "end", "other")
_PREVIOUS_CLASSES = (*_CLASSES, "start")
# Context features that do not name the word: their largest weights bound a word's score.
_CONTEXT_FAMILIES = ("subj", "p", "p2", "n", "n2", "pc", "nc", "pc|nc", "sh", "pos")


@cache
def weights() -> dict[str, float]:
    """The model's weights, read once from the package data."""
    return {feature: float(weight) for feature, weight in data_rows("cue_model.tsv")}


@cache
def _context_bound() -> float:
    """The most the context features that do not name the word can add to a score."""
    best: dict[str, float] = dict.fromkeys(_CONTEXT_FAMILIES, 0.0)
    for feature, weight in weights().items():
        family = feature.partition("=")[0]
        if family in best and weight > best[family]:
            best[family] = weight
    return sum(best.values())


@lru_cache(maxsize=1 << 17)
def _word_entry(w: str) -> tuple[float, float] | None:
    """The word's own part of its score and the most its score can reach in any context;
    None for a word whose stem never headed a cue in training."""
    table = weights()
    root = stem(w)
    if "st=" + root not in table:
        return None
    own = sum(table.get(f, 0.0) for f in _word_features(w))
    best = max(table.get(f"st|nc={root}|{c}", 0.0) for c in _CLASSES)
    best += max(table.get(f"w|nc={w}|{c}", 0.0) for c in _CLASSES)
    best += max(table.get(f"pc|s2={c}|{w[-2:]}", 0.0) for c in _PREVIOUS_CLASSES)
    best += max(table.get(f"subj|s2={c}|{w[-2:]}", 0.0) for c in "01")
    return own, own + best + _context_bound()


def cue_probability(toks: Sequence[Token], k: int, floor: float = 0.0) -> float:
    """How likely token ``k`` heads a cue (0 to 1). 0 for a word whose stem never headed a
    cue in training, and for one that cannot reach ``floor`` in any context (worked out
    once per word, so that most words cost one dictionary lookup)."""
    entry = _word_entry(toks[k].lower)
    if entry is None:
        return 0.0
    own, most = entry
    if floor > 0.0 and most < math.log(floor / (1.0 - floor)):
        return 0.0
    table = weights()
    z = own + sum(table.get(f, 0.0) for f in _context_features(toks, k))
    if z < -30:
        return 0.0
    return 1.0 / (1.0 + math.exp(-z))
