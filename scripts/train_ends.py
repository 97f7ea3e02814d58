"""Train the quote finder's content-end model from PolNeAR's *training* annotations.

The finder's clause rules are run over each training article; every attribution whose
content the model may move (see :func:`newsclaims.analyzers.quotes.ends.choices`) and that
matches a gold relation (the cues overlap and the contents overlap) is one example, when
the gold content's last part ends at one of its candidate ends. The model is log-linear: a
softmax over the candidates of each example, over the sparse features of
:func:`newsclaims.analyzers.quotes.ends.end_features`, fitted by AdaGrad with L2
regularisation in a fixed number of passes in a fixed order, so the same data give the same
weights. Small weights are dropped. Only weights are written, never text; dev and test are
not read.

Usage (from the repository root)::

    python scripts/train_ends.py ../shared/data/polnear/train [--holdout]

``--holdout`` trains on nine articles in ten and prints, on the tenth, how often the rule's
end and the model's choice are the gold end, without writing the model.
"""

from __future__ import annotations

import math
import sys
from collections import Counter
from pathlib import Path

from train_cues import Step, adagrad, cli, write_weights

from newsclaims.analyzers.quotes.clauses import attributions
from newsclaims.analyzers.quotes.ends import best, choices
from newsclaims.analyzers.quotes.marks import find_quotes
from newsclaims.analyzers.quotes.units import Found, units
from newsclaims.evaluate.polnear import Relation, corpus_files, load_article
from newsclaims.model import Analysis

OUT = Path(__file__).resolve().parent.parent / "src/newsclaims/analyzers/quotes/data/end_model.tsv"
EPOCHS = 3
RATE = 0.05
L2 = 1e-5
KEEP = 0.1  # weights smaller than this are dropped
MIN_COUNT = 5  # features seen in fewer candidates than this are dropped
MIN_DEPARTURES = 2  # see selectors()

# (which boundary, candidates' features, index of the gold one, index of the rule's one,
# the word each candidate is selected on)
Example = tuple[str, list[list[str]], int, int, list[str]]


def examples(root: Path) -> list[list[Example]]:
    """For each training article, its examples."""
    out = []
    for text_path, ann_path in corpus_files(root):
        gold = load_article(text_path, ann_path)
        text = gold.article.text
        layout = Analysis(gold.article).layout
        paragraphs = list(layout.body_paragraphs)
        rows: list[Example] = []
        for unit in units(text, layout.sentences, find_quotes(text, paragraphs), paragraphs):
            found = attributions(text, unit)
            for f, end, start in choices(unit, found):
                g = _gold(gold.relations, f)
                if g is None:
                    continue
                # The gold end, less the punctuation the finder trims.
                target = _trimmed(text, g.content[-1].end)
                toks = end.words.toks
                ends = [_trimmed(text, toks[j].end) for j in end.candidates]
                if target in ends:
                    rule = end.candidates.index(end.rule)
                    rows.append(("end", end.features(), ends.index(target), rule, end.keys()))
                if start is not None:
                    starts = [toks[j].start for j in start.candidates]
                    if g.content[0].start in starts:
                        y = starts.index(g.content[0].start)
                        rule = start.candidates.index(start.rule)
                        rows.append(("start", start.features(), y, rule, start.keys()))
        out.append(rows)
    return out


def _gold(relations: tuple[Relation, ...], f: Found) -> Relation | None:
    """The first gold relation whose cue overlaps ``f``'s and whose content overlaps its
    content's last part."""
    part, cue = f.content[-1], f.cue
    if cue is None:
        return None
    for g in relations:
        if any(c.overlaps(cue) for c in g.cue) and any(c.overlaps(part) for c in g.content):
            return g
    return None


def _trimmed(text: str, end: int) -> int:
    while end > 0 and text[end - 1] in ".,;:":
        end -= 1
    return end


def train(data: list[Example]) -> dict[str, float]:
    """A softmax over each example's candidates, by AdaGrad, in a fixed order."""
    # Features seen too rarely to estimate are left out.
    seen = Counter(f for _, feats, _, _, _ in data for fs in feats for f in fs)
    data = [
        (kind, [[f for f in fs if seen[f] >= MIN_COUNT] for fs in feats], y, r, keys)
        for kind, feats, y, r, keys in data
    ]

    def step(example: Example, w: dict[str, float]) -> Step:
        _, feats, y, _, _ = example
        z = [sum(w.get(f, 0.0) for f in fs) for fs in feats]
        top = max(z)
        ex = [math.exp(v - top) for v in z]
        total = sum(ex)
        grads: dict[str, float] = {}
        for k, fs in enumerate(feats):
            g = ex[k] / total - (1.0 if k == y else 0.0)
            if abs(g) >= 1e-6:
                for f in fs:
                    grads[f] = grads.get(f, 0.0) + g
        return -math.log(ex[y] / total + 1e-12), grads

    w = adagrad(data, step, EPOCHS, RATE, L2)
    return {f: v for f, v in w.items() if abs(v) >= KEEP and len(f.splitlines()) == 1}


def selectors(data: list[Example]) -> dict[str, frozenset[str]]:
    """For each kind of boundary, the words that the gold boundary is selected on, where it
    is not the rule's, at least MIN_DEPARTURES times: the finder considers only boundaries
    at those words (and the rule's own), which keeps its work small."""
    seen: dict[str, Counter[str]] = {"end": Counter(), "start": Counter()}
    for kind, _, y, r, keys in data:
        if y != r:
            seen[kind][keys[y]] += 1
    return {k: frozenset(w for w, n in c.items() if n >= MIN_DEPARTURES) for k, c in seen.items()}


def select(data: list[Example], sets: dict[str, frozenset[str]]) -> list[Example]:
    """The examples with only the candidates the finder considers; those whose gold
    boundary is not among them are dropped."""
    out = []
    for kind, feats, y, r, keys in data:
        keep = [i for i, k in enumerate(keys) if i == r or k in sets[kind]]
        if y in keep:
            out.append(
                (
                    kind,
                    [feats[i] for i in keep],
                    keep.index(y),
                    keep.index(r),
                    [keys[i] for i in keep],
                )
            )
    return out


def main(root: Path, holdout: bool) -> None:
    articles = examples(root)
    train_rows = [r for i, rows in enumerate(articles) if not holdout or i % 10 != 9 for r in rows]
    sets = selectors(train_rows)
    train_rows = select(train_rows, sets)
    print(f"{len(train_rows)} examples", file=sys.stderr)
    w = train(train_rows)
    if holdout:
        test = [r for i, rows in enumerate(articles) if i % 10 == 9 for r in rows]
        for kind in ("end", "start"):
            of_kind = [r for r in test if r[0] == kind]
            rule = sum(y == r for _, _, y, r, _ in of_kind)
            # (a gold boundary the finder would not consider counts as wrong)
            considered = select(of_kind, sets)
            model = sum(best(w, feats, r) == y for _, feats, y, r, _ in considered)
            print(
                f"held out, {kind}s: {len(of_kind)}; the rule's right {rule}, the model's {model}"
            )
        return
    kinds = (("end", "B="), ("start", "S="))
    lines = [f"{prefix}{word}\t1" for kind, prefix in kinds for word in sorted(sets[kind])]
    write_weights(
        OUT,
        "Learned content-boundary model (log-linear) trained on PolNeAR train by\n"
        "scripts/train_ends.py: B= and S= rows name the words an end may come before and\n"
        "a start at; then feature, weight. Features name single words, word pairs and\n"
        "classes seen in the training texts; no sentence of them is stored.",
        w,
        lines,
    )


if __name__ == "__main__":
    cli(main, __doc__)
