"""Train the quote finder's learned cue detector from PolNeAR's *training* annotations.

Every word outside quotations in the body of each training article is an example; it is
positive when it heads an annotated cue (the first word of the cue that is not an auxiliary
or adverb, as ``learn_cues.py`` defines it). The model is a logistic regression over the
sparse features of :func:`newsclaims.analyzers.quotes.learned.cue_features`, fitted by
AdaGrad with L2 regularisation in a fixed number of passes over the examples in a fixed
order, so the same data give the same weights. Small weights are dropped, and a word's own
feature is kept only for words that head a cue at least once in training, which is how the
finder knows which words to ask about. Only weights are written, never text; dev and test
are not read.

Usage (from the repository root)::

    python scripts/train_cues.py ../shared/data/polnear/train [--holdout]

``--holdout`` trains on nine articles in ten and prints the token-level precision and recall
on the tenth at several thresholds, without writing the model.
"""

from __future__ import annotations

import math
import random
import sys
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import TypeVar

from learn_cues import head_offsets

from newsclaims.analyzers.quotes.learned import cue_features, stem
from newsclaims.analyzers.quotes.marks import find_quotes
from newsclaims.analyzers.quotes.units import outside_quotes, units
from newsclaims.evaluate.polnear import corpus_files
from newsclaims.model import Analysis, Article
from newsclaims.readers import read

T = TypeVar("T")

OUT = Path(__file__).resolve().parent.parent / "src/newsclaims/analyzers/quotes/data/cue_model.tsv"
EPOCHS = 3
RATE = 0.05
L2 = 1e-5
KEEP = 0.2  # weights smaller than this are dropped


def examples(root: Path) -> Iterator[tuple[str, list[tuple[list[str], bool, str]]]]:
    """(article stem, [(features, is a cue head, word)]) for each training article."""
    # One annotator per article: the first file in sorted order, as the evaluation reads it.
    for text_path, ann_path in corpus_files(root):
        (article,) = list(read(text_path))
        assert isinstance(article, Article), article
        text = article.text
        heads = {start for _, start in head_offsets(ann_path.read_text(encoding="utf-8"), text)}
        layout = Analysis(article).layout
        paragraphs = list(layout.body_paragraphs)
        rows = []
        for unit in units(text, layout.sentences, find_quotes(text, paragraphs), paragraphs):
            toks = outside_quotes(unit)
            for k, tok in enumerate(toks):
                if tok.text[:1].isalpha():
                    rows.append((cue_features(toks, k), tok.start in heads, tok.lower))
        yield text_path.stem, rows


def train(data: list[tuple[list[str], bool, str]]) -> dict[str, float]:
    """Logistic regression by AdaGrad, in a fixed order."""

    def step(example: tuple[list[str], bool, str], w: dict[str, float]) -> Step:
        feats, y, _ = example
        z = sum(w.get(f, 0.0) for f in feats)
        p = 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))
        loss = -math.log(p + 1e-12) if y else -math.log(1.0 - p + 1e-12)
        grad = p - (1.0 if y else 0.0)
        return loss, dict.fromkeys(feats, grad)

    return adagrad(data, step, EPOCHS, RATE, L2)


Step = tuple[float, dict[str, float]]  # an example's loss, and its gradient by feature


def adagrad(
    data: Sequence[T],
    step: Callable[[T, dict[str, float]], Step],
    epochs: int,
    rate: float,
    l2: float,
) -> dict[str, float]:
    """Weights fitted by AdaGrad with L2 regularisation: ``epochs`` passes over ``data`` in
    a fixed shuffled order (so the same data give the same weights), ``step`` giving each
    example's loss and gradient under the current weights."""
    w: dict[str, float] = {}
    g2: dict[str, float] = {}
    order = list(range(len(data)))
    rng = random.Random(13)
    for epoch in range(epochs):
        rng.shuffle(order)
        total = 0.0
        for i in order:
            loss, grads = step(data[i], w)
            total += loss
            for f, grad in grads.items():
                old = w.get(f, 0.0)
                g = grad + l2 * old
                acc = g2.get(f, 1e-8) + g * g
                g2[f] = acc
                w[f] = old - rate * g / math.sqrt(acc)
        print(f"epoch {epoch + 1}: mean loss {total / len(data):.4f}", file=sys.stderr)
    return w


def prune(w: dict[str, float], cue_words: set[str]) -> dict[str, float]:
    """Drop small weights, and the word features of words that never head a cue: the
    finder asks only about words whose stem has a weight."""
    out = {}
    for f, v in w.items():
        if len(f.splitlines()) != 1:  # a token with a line-breaking character in it
            continue
        family, _, value = f.partition("=")
        if family in _WORD_FAMILIES:
            word = value.partition("|")[0]
            if stem(word) not in cue_words or (family != "st" and abs(v) < KEEP):
                continue
        elif abs(v) < KEEP:
            continue
        out[f] = v
    return out


_WORD_FAMILIES = frozenset({"st", "w", "st|nc", "w|nc"})


def probability(w: dict[str, float], feats: list[str]) -> float:
    z = sum(w.get(f, 0.0) for f in feats)
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


def main(root: Path, holdout: bool) -> None:
    articles = list(examples(root))
    if holdout:
        test = [rows for i, (_, rows) in enumerate(articles) if i % 10 == 9]
        articles = [a for i, a in enumerate(articles) if i % 10 != 9]
    data = [row for _, rows in articles for row in rows]
    cue_words = {stem(word) for _, y, word in data if y}
    print(
        f"{len(articles)} articles, {len(data)} words, {sum(y for _, y, _ in data)} cue heads",
        file=sys.stderr,
    )
    w = prune(train(data), cue_words)
    if holdout:
        rows = [row for rs in test for row in rs]
        for threshold in (0.3, 0.4, 0.5, 0.6, 0.7):
            c: Counter[tuple[bool, bool]] = Counter()
            for feats, y, word in rows:
                guess = ("st=" + stem(word)) in w and probability(w, feats) >= threshold
                c[(guess, y)] += 1
            tp, fp, fn = c[(True, True)], c[(True, False)], c[(False, True)]
            print(
                f"threshold {threshold}: precision {tp / max(1, tp + fp):.3f}, "
                f"recall {tp / max(1, tp + fn):.3f}"
            )
        return
    write_weights(
        OUT,
        "Learned cue detector (logistic regression) trained on PolNeAR train by\n"
        "scripts/train_cues.py: feature, weight. Features name single words and\n"
        "word classes seen in the training texts; no sentence of them is stored.",
        w,
    )


def write_weights(path: Path, header: str, w: dict[str, float], first: Iterable[str] = ()) -> None:
    """Write a model: ``header`` as comment lines, the rows ``first`` as they are, then
    each weight as ``feature<TAB>weight``, sorted, so that the same weights give the same
    file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8") as fp:
        fp.writelines(f"# {line}\n" for line in header.splitlines())
        fp.writelines(f"{row}\n" for row in first)
        fp.writelines(f"{f}\t{w[f]:.3f}\n" for f in sorted(w))
    print(f"{len(w)} weights -> {path}", file=sys.stderr)


def cli(main: Callable[[Path, bool], None], doc: str | None) -> None:
    """Run ``main(corpus directory, --holdout given)`` from the command line."""
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    if len(args) != 1:
        sys.exit(doc)
    main(Path(args[0]), "--holdout" in sys.argv)


if __name__ == "__main__":
    cli(main, __doc__)
