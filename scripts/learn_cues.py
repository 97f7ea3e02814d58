"""Learn attribution cue words from PolNeAR's *training* annotations.

For every word form, counts how often it is the head of an annotated cue and how often it
occurs at all in the training texts; keeps the forms that are cues often enough, and writes
them with their counts to the quote finder's package data. Only statistics are written, never
text. Dev and test are not read, so dev scores stay a fair measure.

Usage (from the repository root)::

    python scripts/learn_cues.py ../shared/data/polnear/train
"""

from __future__ import annotations

import re
import sys
from collections import Counter
from collections.abc import Iterable, Iterator
from pathlib import Path

from newsclaims.analyzers.quotes.cues import context_class
from newsclaims.evaluate.polnear import corpus_files
from newsclaims.model import Span
from newsclaims.text import Token, tokens

OUT = (
    Path(__file__).resolve().parent.parent / "src/newsclaims/analyzers/quotes/data/learned_cues.tsv"
)
# A head is the first word of the cue that is not an auxiliary or an adverb.
_SKIP = frozenset(
    [
        "has",
        "have",
        "had",
        "will",
        "would",
        "could",
        "should",
        "may",
        "might",
        "can",
        "did",
        "does",
        "do",
        "is",
        "was",
        "are",
        "were",
        "be",
        "been",
        "being",
        "also",
        "not",
        "n't",
        "never",
        "just",
        "already",
        "still",
        "even",
        "long",
        "previously",
        "repeatedly",
        "once",
        "again",
        "to",
        "a",
        "an",
        "the",
    ]
)
MIN_COUNT = 2
MIN_PRECISION = 0.2


def _adverb(word: str) -> bool:
    """ "officially announced": an -ly adverb is not the head of a cue ("reply" is a verb)."""
    return word.endswith("ly") and word not in ("reply", "apply", "imply", "rely", "supply")


def head_offsets(ann: str, text: str) -> list[tuple[str, int]]:
    """Each annotated cue's head word and where it starts."""
    return [(word, start) for word, start, _ in heads_and_ends(ann, text)]


def heads_and_ends(ann: str, text: str) -> list[tuple[str, int, int]]:
    """Each annotated cue's head word, where the head starts and where the cue ends."""
    spans = []
    for line in ann.splitlines():
        parts = line.split("\t")
        if len(parts) < 2 or not parts[0].startswith("T"):
            continue
        role, _, offsets = parts[1].partition(" ")
        if role != "Cue":
            continue
        nums = [int(x) for x in offsets.replace(";", " ").split()]
        spans.append((nums[0], nums[-1]))
    out = []
    for a, b in spans:
        for t in tokens(text, Span(a, b)):
            if t.text[0].isalpha() and t.lower not in _SKIP and not _adverb(t.lower):
                out.append((t.lower, t.start, b))
                break
    return out


def heads(ann: str, text: str) -> list[str]:
    """Each annotated cue's head word."""
    return [word for word, _ in head_offsets(ann, text)]


def main(root: Path) -> None:
    cue_counts: Counter[str] = Counter()
    totals: Counter[str] = Counter()
    chosen = corpus_files(root)  # one annotator per article: the first file in sorted order
    for text_path, ann_path in chosen:
        text = text_path.read_bytes().decode("utf-8")
        cue_counts.update(heads(ann_path.read_text(encoding="utf-8"), text))
        totals.update(t.lower for t in tokens(text, Span(0, len(text))) if t.text[0].isalpha())
    write_contextual(root)
    write_particles(root)
    rows = []
    for word, n in cue_counts.items():
        total = max(totals[word], n)
        if (
            n >= MIN_COUNT
            and n / total >= MIN_PRECISION
            and re.fullmatch(r"[a-z][a-z’'\-]{2,}", word)
        ):
            rows.append((word, n, total))
    rows.sort(key=lambda r: (-r[1], r[0]))
    write_table(
        OUT,
        "Cue words learned from PolNeAR train by scripts/learn_cues.py: word, times it\n"
        "heads an annotated cue, times it occurs. Statistics only; no text.",
        rows,
    )
    print(f"{len(chosen)} articles, {len(rows)} cue words -> {OUT}")


CONTEXT_OUT = OUT.parent / "contextual_cues.tsv"
CONTEXT_MIN_COUNT = 3
CONTEXT_MIN_PRECISION = 0.35


def write_contextual(root: Path) -> None:
    """Cue words by the class of the token after them: "support" + a name, "plans" + "to"."""
    cue_counts: Counter[tuple[str, str]] = Counter()
    totals: Counter[tuple[str, str]] = Counter()
    for toks, heads in tokenised(root):
        for i, t in enumerate(toks):
            if t.text[0].isalpha():
                nxt = toks[i + 1].text if i + 1 < len(toks) else None
                totals[(t.lower, context_class(nxt))] += 1
        for word, i, _ in heads:
            nxt = toks[i + 1].text if i + 1 < len(toks) else None
            cue_counts[(word, context_class(nxt))] += 1
    rows = sorted(
        (
            (w, c, n, max(totals[(w, c)], n))
            for (w, c), n in cue_counts.items()
            if n >= CONTEXT_MIN_COUNT
            and n / max(totals[(w, c)], n) >= CONTEXT_MIN_PRECISION
            and re.fullmatch(r"[a-z][a-z’'\-]{2,}", w)
        ),
        key=lambda r: (-r[2], r[0], r[1]),
    )
    write_table(
        CONTEXT_OUT,
        "Cue words in context, learned from PolNeAR train by scripts/learn_cues.py: word,\n"
        "class of the next token, times a cue there, times seen there. Statistics only.",
        rows,
    )
    print(f"{len(rows)} contextual cues -> {CONTEXT_OUT}")


PARTICLES_OUT = OUT.parent / "cue_particles.tsv"
PARTICLES = frozenset(
    {"to", "about", "of", "for", "on", "with", "against", "as", "by", "at", "in", "out", "up"}
)
PARTICLE_MIN_COUNT = 3


def write_particles(root: Path) -> None:
    """How often a cue's head word takes in the particle right after it ("warned
    **about**", "pointed **to**", "described ... **as**" does not count: only the next
    token): head word, particle, times the cue takes it in, times it follows the head."""
    taken: Counter[tuple[str, str]] = Counter()
    seen: Counter[tuple[str, str]] = Counter()
    for toks, heads in tokenised(root):
        for word, i, end in heads:
            if i + 1 >= len(toks) or toks[i + 1].lower not in PARTICLES:
                continue
            if not re.fullmatch(r"[a-z][a-z’'\-]{2,}", word):
                continue
            key = (word, toks[i + 1].lower)
            seen[key] += 1
            taken[key] += toks[i + 1].end <= end
    rows = sorted((w, p, taken[(w, p)], n) for (w, p), n in seen.items() if n >= PARTICLE_MIN_COUNT)
    # Each particle over all cue words, as word "*", for the words seen too rarely.
    every: Counter[str] = Counter()
    every_taken: Counter[str] = Counter()
    for (_, p), n in seen.items():
        every[p] += n
        every_taken[p] += taken[(_, p)]
    rows += sorted(("*", p, every_taken[p], n) for p, n in every.items())
    write_table(
        PARTICLES_OUT,
        "Particles after cue words, learned from PolNeAR train by scripts/learn_cues.py:\n"
        "word, particle, times the cue takes it in, times it follows; word * is every cue\n"
        "word together. Statistics only.",
        rows,
    )
    print(f"{len(rows)} cue particles -> {PARTICLES_OUT}")


def tokenised(root: Path) -> Iterator[tuple[list[Token], list[tuple[str, int, int]]]]:
    """Each training article's tokens, with each annotated cue's head word, the index of
    its token and where the cue ends (a head that starts no token is left out)."""
    for text_path, ann_path in corpus_files(root):
        text = text_path.read_bytes().decode("utf-8")
        toks = tokens(text, Span(0, len(text)))
        index = {t.start: i for i, t in enumerate(toks)}
        ann = ann_path.read_text(encoding="utf-8")
        heads = [(w, index[a], b) for w, a, b in heads_and_ends(ann, text) if a in index]
        yield toks, heads


def write_table(path: Path, header: str, rows: Iterable[tuple[object, ...]]) -> None:
    """Write ``rows`` tab-separated under ``header`` as ``#`` comment lines."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8") as fp:
        for line in header.splitlines():
            fp.write(f"# {line}\n")
        for row in rows:
            fp.write("\t".join(str(x) for x in row) + "\n")


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    main(Path(sys.argv[1]))
