"""Train the quote finder's last check on its attributions from PolNeAR's *training* data.

The finder is run over each training article with the check off; every attribution it
finds with a cue is one example, positive when it matches an annotated relation as
``newsclaims evaluate polnear`` matches them (the cues overlap and the contents overlap,
one to one). The model is a logistic regression over the features of
:func:`newsclaims.analyzers.quotes.keep.keep_features`, fitted by AdaGrad with L2
regularisation in a fixed number of passes in a fixed order, so the same data give the
same weights. Features seen fewer than twice and small weights are dropped. Only weights
are written, never text; dev and test are not read.

Usage (from the repository root)::

    python scripts/train_keep.py ../shared/data/polnear/train [--holdout]

``--holdout`` runs 5-fold cross-validation over the articles instead and prints, for
several thresholds, the relations matched and predicted and the relation F1 over all
folds, without writing the model. (Its F1 leaves out the few predictions without a cue,
continuations never checked, so it runs a little below ``evaluate polnear``'s on train.)
"""

from __future__ import annotations

import math
import sys
from collections import Counter
from pathlib import Path

from train_cues import Step, adagrad, cli, write_weights

from newsclaims.analyzers.quotes.finder import find_statements
from newsclaims.analyzers.quotes.keep import keep_features
from newsclaims.evaluate.polnear import (
    corpus_files,
    load_article,
    match_relations,
    predicted_relations,
)
from newsclaims.model import Analysis

OUT = Path(__file__).resolve().parent.parent / "src/newsclaims/analyzers/quotes/data/keep_model.tsv"
EPOCHS = 3
RATE = 0.05
L2 = 1e-5
KEEP = 0.05  # weights smaller than this are dropped
MIN_COUNT = 2  # features seen in fewer examples than this are dropped
FOLDS = 5

Example = tuple[list[str], bool]


def examples(root: Path) -> list[tuple[list[Example], int]]:
    """For each training article, its examples and its number of annotated relations."""
    out = []
    for text_path, ann_path in corpus_files(root):
        gold = load_article(text_path, ann_path)
        text = gold.article.text
        analysis = Analysis(gold.article)
        analysis = analysis.evolve(statements=find_statements(analysis, keep=0.0))
        by_id = {s.id: s for s in analysis.statements}
        pred = predicted_relations(analysis)
        matched = {p for _, p in match_relations(gold.relations, pred)}
        contents = [(s.id, c) for s in analysis.statements if s.attribution for c in s.content]
        rows: list[Example] = []
        for j, relation in enumerate(pred):
            s = by_id[relation.id]
            a = s.attribution
            if a is None or a.cue is None:
                continue
            cue = a.cue
            inside = any(i != s.id and cue.overlaps(c) for i, c in contents)
            feats = keep_features(text, s.kind, a.source, cue, s.content, inside)
            rows.append((feats, j in matched))
        out.append((rows, len(gold.relations)))
    return out


def train(data: list[Example]) -> dict[str, float]:
    """Logistic regression by AdaGrad, in a fixed order, over features seen often enough."""
    counts = Counter(f for feats, _ in data for f in feats)
    data = [([f for f in feats if counts[f] >= MIN_COUNT], y) for feats, y in data]

    def step(example: Example, w: dict[str, float]) -> Step:
        feats, y = example
        p = probability(w, feats)
        loss = -math.log(p + 1e-12) if y else -math.log(1.0 - p + 1e-12)
        return loss, dict.fromkeys(feats, p - (1.0 if y else 0.0))

    w = adagrad(data, step, EPOCHS, RATE, L2)
    return {f: v for f, v in w.items() if abs(v) >= KEEP}


def probability(w: dict[str, float], feats: list[str]) -> float:
    z = sum(w.get(f, 0.0) for f in feats)
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


def main(root: Path, holdout: bool) -> None:
    articles = examples(root)
    data = [row for rows, _ in articles for row in rows]
    print(
        f"{len(articles)} articles, {len(data)} attributions, {sum(y for _, y in data)} match",
        file=sys.stderr,
    )
    if holdout:
        gold = sum(n for _, n in articles)
        scored: list[tuple[float, bool]] = []
        for fold in range(FOLDS):
            rest = [r for i, (rows, _) in enumerate(articles) if i % FOLDS != fold for r in rows]
            w = train(rest)
            test = [r for i, (rows, _) in enumerate(articles) if i % FOLDS == fold for r in rows]
            scored += [(probability(w, feats), y) for feats, y in test]
        # (attributions without a cue, never checked, are left out of both counts)
        for threshold in (0.0, 0.2, 0.25, 0.3, 0.35, 0.4, 0.45):
            kept = [y for p, y in scored if p >= threshold]
            matched = sum(kept)
            print(
                f"threshold {threshold:.2f}: matched {matched}, predicted {len(kept)}, "
                f"relation F1 {200 * matched / (gold + len(kept)):.2f}"
            )
        return
    write_weights(
        OUT,
        "The quote finder's last check on each attribution (logistic regression), trained\n"
        "on PolNeAR train by scripts/train_keep.py: feature, weight. Features name single\n"
        "words and classes seen in the training texts; no sentence of them is stored.",
        train(data),
    )


if __name__ == "__main__":
    cli(main, __doc__)
