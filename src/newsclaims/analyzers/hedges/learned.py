"""A learned cue classifier for a domain profile: which occurrences of known cue words are
hedges, decided from their neighbouring words.

A profile's data (``data/<profile>.json``, built by ``scripts/train_hedges.py``) holds cue
statistics only, no texts: the single words and multi-word phrases that were annotated as
cues in the domain's training corpus, and the weights of a logistic regression over small
context features of each occurrence (the word, its crude stem, the words right before and
after it). At run time each sentence is tokenised once; only tokens that are known cue words
(or share a stem with one) are scored, so the cost is a dictionary look-up per token plus a
few per candidate.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Iterator, Sequence
from functools import cache
from importlib import resources
from typing import Any, NamedTuple

__all__ = ["Candidate", "CueModel", "candidates", "features", "load", "stem", "tokenize"]

# Words, numbers and single punctuation marks. Hyphenated words stay whole ("well-known"), so
# a cue word inside one ("non-significant") is not mistaken for the word alone.
_TOKEN = re.compile(r"\w+(?:[-'’/]\w+)*|[^\w\s]")

# Longest first: "-ations" before "-ation" before "-s".
_SUFFIXES = (
    "ations", "ation", "ingly", "ings", "ing", "edly", "ions", "ion", "ed", "es", "ly", "s", "e",
)  # fmt: skip


class Token(NamedTuple):
    """A lower-cased token and its half-open offsets in the text."""

    word: str
    start: int
    end: int


class Candidate(NamedTuple):
    """A cue word or phrase occurrence: the token index range ``[first, last]`` and its key
    (the lower-cased word, or the words of a phrase joined by spaces)."""

    first: int
    last: int
    key: str


def tokenize(text: str, start: int = 0, end: int | None = None) -> list[Token]:
    """The tokens of ``text[start:end]``, lower-cased, with offsets into ``text``."""
    end = len(text) if end is None else end
    return [Token(m.group().lower(), m.start(), m.end()) for m in _TOKEN.finditer(text, start, end)]


def stem(word: str) -> str:
    """A crude stem that puts a word's inflections and nominalisation together ("suggest",
    "suggests", "suggesting", "suggestion" give "suggest"); never shorter than 4 letters."""
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            return word[: -len(suffix)]
    return word


def candidates(
    tokens: Sequence[Token], words: frozenset[str], stems: frozenset[str], phrases: dict[str, int]
) -> Iterator[Candidate]:
    """The cue candidates among ``tokens``, left to right, never overlapping: the longest
    known phrase starting at a token (``phrases`` maps each phrase's first word to the
    longest length in words of a phrase starting with it, and holds the phrases), else the
    token itself when it is a known cue word or shares a known stem."""
    i, n = 0, len(tokens)
    while i < n:
        word = tokens[i].word
        longest = phrases.get(word, 0)
        found = None
        for length in range(min(longest, n - i), 1, -1):
            key = " ".join(t.word for t in tokens[i : i + length])
            if key in phrases:
                found = Candidate(i, i + length - 1, key)
                break
        if found is None and (word in words or stem(word) in stems):
            found = Candidate(i, i, word)
        if found is not None:
            yield found
            i = found.last + 1
        else:
            i += 1


def features(tokens: Sequence[Token], c: Candidate) -> list[str]:
    """The context features of candidate ``c``: its key and stem, alone and with the words
    around it (one to three after, one or two before, in order and as a bag), the bare
    neighbours, the shapes of its neighbours, and for the coordinating cues ("or",
    "either") whether the sentence pairs them or asks "whether"."""
    key = c.key
    n = len(tokens)
    before = tokens[c.first - 1].word if c.first > 0 else "<s>"
    before2 = tokens[c.first - 2].word if c.first > 1 else "<s>"
    after = tokens[c.last + 1].word if c.last + 1 < n else "</s>"
    after2 = tokens[c.last + 2].word if c.last + 2 < n else "</s>"
    after3 = tokens[c.last + 3].word if c.last + 3 < n else "</s>"
    s = stem(key) if c.first == c.last else key
    out = [
        "w=" + key,
        "s=" + s,
        "wp=" + key + "|" + before,
        "wn=" + key + "|" + after,
        "wnn=" + key + "|" + after + "|" + after2,
        "wn3=" + key + "|" + after + "|" + after2 + "|" + after3,
        "wpp=" + key + "|" + before2 + "|" + before,
        "wpn=" + key + "|" + before + "|" + after,
        "sp=" + s + "|" + before,
        "sn=" + s + "|" + after,
        "ssp=" + s + "|" + stem(before),
        "ssn=" + s + "|" + stem(after),
        "p=" + before,
        "n=" + after,
        "nn=" + after + "|" + after2,
        "shape=" + key + "|" + _shape(before) + "|" + _shape(after),
    ]
    if c.first == 0:
        out.append("first=" + key)
    # The words within three tokens, unordered: "we", "data" or "results" nearby tell a
    # hedging "suggest" or "or" from a plain one wherever they stand.
    out.extend("bl=" + key + "|" + t.word for t in tokens[max(0, c.first - 3) : c.first])
    out.extend("br=" + key + "|" + t.word for t in tokens[c.last + 1 : c.last + 4])
    if key in _PAIRED:
        words = {t.word for t in tokens}
        out.extend(f"{key}&{other}" for other in _PAIRED[key] if other in words)
    return out


# Coordinating cues are hedges when they set out alternatives ("either ... or", "whether ...
# or"), which the rest of the sentence shows.
_PAIRED = {"or": ("either", "whether"), "either": ("or",), "and/or": ("either", "whether")}


def _shape(word: str) -> str:
    """A coarse class of a neighbouring token: number, punctuation (or the sentence's
    edge), or word."""
    if word[:1].isdigit():
        return "9"
    if not word[:1].isalnum() or word in ("<s>", "</s>"):
        return "."
    return "a"


class CueModel:
    """A profile's learned cue classifier: known cue words, stems and phrases, and the
    weights that score an occurrence; an occurrence is a cue when its probability reaches
    ``threshold``."""

    def __init__(self, data: dict[str, Any]) -> None:
        self.words = frozenset(data["words"])
        self.stems = frozenset(data["stems"])
        phrases: dict[str, int] = {}
        for phrase in data["phrases"]:
            first = phrase.split()[0]
            phrases[first] = max(phrases.get(first, 0), len(phrase.split()))
            phrases[phrase] = 0
        self.phrases = phrases
        self.weights: dict[str, float] = data["weights"]
        self.bias: float = data["bias"]
        self.threshold: float = data["threshold"]

    def probability(self, tokens: Sequence[Token], c: Candidate) -> float:
        """How likely the candidate occurrence ``c`` is a cue."""
        w = self.weights
        z = self.bias + sum(w.get(f, 0.0) for f in features(tokens, c))
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))

    def cues(self, text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
        """The ``(start, end)`` offsets of every cue the model accepts in ``text[start:end]``."""
        tokens = tokenize(text, start, end)
        return [
            (tokens[c.first].start, tokens[c.last].end)
            for c in candidates(tokens, self.words, self.stems, self.phrases)
            if self.probability(tokens, c) >= self.threshold
        ]


@cache
def load(profile: str) -> CueModel:
    """The learned model of ``profile`` from the package data (read once per process).

    Raises :class:`ValueError` naming the profiles that exist when there is none for it."""
    folder = resources.files("newsclaims.analyzers.hedges") / "data"
    path = folder / f"{profile}.json"
    if not path.is_file():
        known = sorted(p.name[:-5] for p in folder.iterdir() if p.name.endswith(".json"))
        raise ValueError(f"no learned hedge profile {profile!r}; known: {', '.join(known)}")
    return CueModel(json.loads(path.read_text(encoding="utf-8")))
