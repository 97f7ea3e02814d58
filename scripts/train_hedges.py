"""Build a learned hedge profile's package data from a corpus's *training* part.

Usage (from the repository root)::

    python scripts/train_hedges.py            # the "bio" profile from CoNLL-2010 train

Reads the CoNLL-2010 task 2 training files (biology abstracts and full articles) from
``../shared/data/hedges`` and writes ``src/newsclaims/analyzers/hedges/data/bio.json``: the
cue words, stems and phrases seen in training, and the weights of a logistic regression
over each occurrence's context (see :mod:`newsclaims.analyzers.hedges.learned`). No text is
stored: only cue words and the feature weights. The evaluation set is never read here.

The probability threshold is chosen by 10-fold cross-validation over the training documents
(the vocabulary, too, is rebuilt from each fold's training part), maximising the sentence
F1 of the uncertain class; the final model is then trained on all the training data. Fixed
seeds make the output byte-identical from run to run.
"""

from __future__ import annotations

import argparse
import json
import math
import random
from collections import Counter, defaultdict
from collections.abc import Sequence
from pathlib import Path

from newsclaims.analyzers.hedges.learned import (
    Candidate,
    Token,
    candidates,
    features,
    stem,
    tokenize,
)
from newsclaims.evaluate.hedges import Sentence, read_bioscope

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT.parent / "shared" / "data" / "hedges"
OUT = ROOT / "src" / "newsclaims" / "analyzers" / "hedges" / "data"
TRAIN = ("task2_train_bio_abstracts_rev2.xml", "task2_train_bio_fullarticles_rev2.xml")

# A word is a cue candidate when at least this share of its training occurrences are cues:
# below it ("the", "that", "of" inside "indicate that") the classifier would only learn "no".
MIN_RATE = 0.01
EPOCHS = 4
RATE = 0.1
L2 = 1e-4
# Features seen fewer times than this in training are dropped (1 keeps them all: the
# cross-validated F1 is higher with the one-off word pairs, and the file stays small).
MIN_FEATURE_COUNT = 1

# Weights smaller than this are dropped after training: they barely move a probability,
# and keeping them would make the shipped file several times larger (the package data must
# stay under 1 MB).
PRUNE = 0.05

Instance = tuple[list[str], bool]


def vocabulary(sentences: Sequence[Sentence]) -> dict[str, list[str]]:
    """The cue words, stems and phrases of ``sentences``, from their annotated cues."""
    in_cue: Counter[str] = Counter()
    total: Counter[str] = Counter()
    phrases: set[str] = set()
    for s in sentences:
        tokens = tokenize(s.text)
        total.update(t.word for t in tokens)
        for cue in s.cues:
            inside = [t.word for t in tokens if t.start >= cue.span.start and t.end <= cue.span.end]
            if len(inside) == 1:
                in_cue[inside[0]] += 1
            elif len(inside) > 1:
                phrases.add(" ".join(inside))
    words = sorted(w for w, n in in_cue.items() if n / total[w] >= MIN_RATE)
    return {"words": words, "stems": sorted({stem(w) for w in words}), "phrases": sorted(phrases)}


def instances(sentences: Sequence[Sentence], vocab: dict[str, list[str]]) -> list[list[Instance]]:
    """Per sentence, each cue candidate's features and whether it is (part of) a cue."""
    words, stems = frozenset(vocab["words"]), frozenset(vocab["stems"])
    phrases: dict[str, int] = {}
    for phrase in vocab["phrases"]:
        first = phrase.split()[0]
        phrases[first] = max(phrases.get(first, 0), len(phrase.split()))
        phrases[phrase] = 0
    out = []
    for s in sentences:
        tokens = tokenize(s.text)
        out.append(
            [
                (features(tokens, c), _is_cue(s, tokens, c))
                for c in candidates(tokens, words, stems, phrases)
            ]
        )
    return out


def _is_cue(s: Sentence, tokens: Sequence[Token], c: Candidate) -> bool:
    start, end = tokens[c.first].start, tokens[c.last].end
    return any(cue.span.start < end and start < cue.span.end for cue in s.cues)


def train(data: Sequence[Instance], seed: int = 13) -> tuple[dict[str, float], float]:
    """Logistic regression by stochastic gradient descent: (weights, bias)."""
    counts = Counter(f for fs, _ in data for f in fs)
    kept = [([f for f in fs if counts[f] >= MIN_FEATURE_COUNT], y) for fs, y in data]
    weights: dict[str, float] = defaultdict(float)
    bias = 0.0
    order = list(range(len(kept)))
    rng = random.Random(seed)
    for epoch in range(EPOCHS):
        rng.shuffle(order)
        rate = RATE / (1 + epoch)
        for i in order:
            fs, y = kept[i]
            z = bias + sum(weights[f] for f in fs)
            p = 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))
            g = (1.0 if y else 0.0) - p
            bias += rate * g
            for f in fs:
                weights[f] += rate * (g - L2 * weights[f])
    return {f: round(w, 3) for f, w in weights.items() if abs(w) >= PRUNE}, round(bias, 3)


def score(weights: dict[str, float], bias: float, fs: list[str]) -> float:
    z = bias + sum(weights.get(f, 0.0) for f in fs)
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


def cross_validate(sentences: Sequence[Sentence], tune_on: set[str], folds: int = 10) -> float:
    """The threshold that maximises the cross-validated sentence F1 over the documents in
    ``tune_on`` (all documents take part in training; folds are by document)."""
    docs = sorted({s.doc for s in sentences})
    random.Random(7).shuffle(docs)
    fold_of = {d: i % folds for i, d in enumerate(docs)}
    best: list[tuple[float, bool]] = []  # per held-out sentence: max probability, gold
    for k in range(folds):
        training = [s for s in sentences if fold_of[s.doc] != k]
        held = [s for s in sentences if fold_of[s.doc] == k]
        vocab = vocabulary(training)
        weights, bias = train([x for sent in instances(training, vocab) for x in sent])
        for s, sent in zip(held, instances(held, vocab), strict=True):
            top = max((score(weights, bias, fs) for fs, _ in sent), default=0.0)
            if s.doc in tune_on:
                best.append((top, bool(s.cues)))
    results = []
    for t in [x / 100 for x in range(20, 81, 2)]:
        tp = sum(p >= t and g for p, g in best)
        fp = sum(p >= t and not g for p, g in best)
        fn = sum(p < t and g for p, g in best)
        f1 = 2 * tp / max(1, 2 * tp + fp + fn)
        results.append((f1, t))
        print(f"  threshold {t:.2f}: cross-validated sentence F1 {100 * f1:.2f}")
    f1, threshold = max(results)
    print(f"chosen threshold {threshold:.2f} (cross-validated sentence F1 {100 * f1:.2f})")
    return threshold


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--out", type=Path, default=OUT / "bio.json")
    parser.add_argument("--no-cv", action="store_true", help="skip choosing the threshold")
    args = parser.parse_args()
    parts = {name: list(read_bioscope(args.data / name)) for name in TRAIN}
    sentences = [s for name in TRAIN for s in parts[name]]
    # The CoNLL-2010 evaluation set is full articles, which hedge more loosely than abstracts,
    # so the threshold is tuned on the cross-validated full-article training documents.
    full = {s.doc for s in parts[TRAIN[1]]}
    threshold = 0.5 if args.no_cv else cross_validate(sentences, full)
    vocab = vocabulary(sentences)
    weights, bias = train([x for sent in instances(sentences, vocab) for x in sent])
    data = {
        "source": "CoNLL-2010 task 2 training data (biology abstracts and full articles)",
        **vocab,
        "bias": bias,
        "threshold": threshold,
        "weights": dict(sorted(weights.items())),
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(data, separators=(",", ":")) + "\n", encoding="utf-8")
    print(f"wrote {args.out} ({args.out.stat().st_size:,} bytes, {len(weights)} weights)")


if __name__ == "__main__":
    main()
