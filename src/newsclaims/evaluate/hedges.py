"""``newsclaims evaluate hedges``: the hedge detector scored on CoNLL-2010, the Szeged
Uncertainty Corpus (FactBank dev, WikiWeasel) and the SFU Review corpus.

The corpora give sentences, not articles, so each sentence is analysed on its own, as one
region: the detector's cue finding is what is scored (no quote finder runs, so nothing here
depends on it). Each reader yields :class:`Sentence` values: the sentence text exactly as
the corpus gives it (inline markup removed, nothing else changed) and its annotated cues as
character spans into that text, with a normalised kind. Nothing is cached or copied: the
corpora are read from wherever the user keeps them.
"""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any, NamedTuple

import attrs
import click

from newsclaims.analyzers.hedges import PROFILES, HedgeDetector
from newsclaims.analyzers.hedges.grade import negation_cues
from newsclaims.evaluate import evaluate
from newsclaims.model import Span

__all__ = [
    "CORPORA",
    "UNCERTAIN",
    "GoldCue",
    "Sentence",
    "evaluate_corpus",
    "format_table",
    "read_bioscope",
    "read_sfu",
    "score_negation",
    "score_uncertainty",
    "szeged_kind",
]


class GoldCue(NamedTuple):
    """An annotated cue: its span in the sentence and its kind (``speculation`` for
    CoNLL-2010; ``epistemic``, ``doxastic``, ``conditional``, ``investigation`` for the
    Szeged corpus; ``negation`` or ``speculation`` for SFU)."""

    span: Span
    kind: str


class Sentence(NamedTuple):
    """One annotated sentence of a corpus, with the id of the document it belongs to."""

    doc: str
    text: str
    cues: tuple[GoldCue, ...]


# The Szeged Uncertainty Corpus types, mapped to the detector's kinds. Its two modal types
# (probable, possible) are both what the detector calls epistemic.
_SZEGED = {
    "speculation_modal_probable_": "epistemic",
    "speculation_modal_possible_": "epistemic",
    "speculation_hypo_doxastic _": "doxastic",
    "speculation_hypo_condition _": "conditional",
    "speculation_hypo_investigation _": "investigation",
}


def szeged_kind(annotated: str) -> str:
    """The detector's kind for a Szeged cue type (unknown types are kept as written)."""
    return _SZEGED.get(annotated, annotated.strip())


def read_bioscope(path: Path) -> Iterator[Sentence]:
    """The sentences of a BioScope-style XML file (CoNLL-2010 task 2, Szeged corpus), each
    with its ``cue`` / ``ccue`` elements as cues. A cue split into parts ("either ... or")
    gives one :class:`GoldCue` per part."""
    root = ET.parse(path).getroot()
    for document in root.iter("Document"):
        doc_id = document.findtext("DocID") or ""
        for element in document.iter():
            if element.tag in ("sentence", "Sentence"):
                parts: list[str] = []
                cues: list[GoldCue] = []
                _walk(element, parts, cues, top=True)
                yield Sentence(doc_id, "".join(parts), tuple(cues))


def _walk(element: ET.Element, parts: list[str], cues: list[GoldCue], *, top: bool) -> None:
    """Append ``element``'s text to ``parts`` and its cues to ``cues`` (its tail is the
    caller's)."""
    start = sum(map(len, parts))
    parts.append(element.text or "")
    for child in element:
        _walk(child, parts, cues, top=False)
        parts.append(child.tail or "")
    if not top and element.tag in ("cue", "ccue"):
        end = sum(map(len, parts))
        text = "".join(parts)[start:end]
        # Annotators' spans sometimes carry the spaces around the word; the cue is the word.
        lead = len(text) - len(text.lstrip())
        trail = len(text) - len(text.rstrip())
        if end - trail > start + lead:
            kind = element.get("type", "")
            kind = kind if element.tag == "cue" else szeged_kind(kind)
            cues.append(GoldCue(Span(start + lead, end - trail), kind))


# SFU sentences are token lists; tokens are joined by one space, except before punctuation
# that attaches to the previous word, so the text reads as written.
_ATTACH = re.compile(r"^(?:[.,;:!?%)\]}]|'s|'re|'ve|'ll|'d|'m|n't)$", re.IGNORECASE)


def read_sfu(folder: Path) -> Iterator[Sentence]:
    """The sentences of the SFU Review corpus under ``folder`` (one XML file per review, in
    one sub-folder per domain), with their ``negation`` and ``speculation`` cues."""
    for path in sorted(folder.glob("*/*.xml")):
        root = ET.parse(path).getroot()
        doc_id = f"{path.parent.name}/{path.stem}"
        for sentence in root.iter("SENTENCE"):
            text = [""]
            cues: list[GoldCue] = []
            _sfu_walk(sentence, text, cues)
            yield Sentence(doc_id, text[0], tuple(cues))


def _sfu_walk(element: ET.Element, text: list[str], cues: list[GoldCue]) -> None:
    """Append ``element``'s tokens to ``text[0]``, noting where each cue lies."""
    for child in element:
        if child.tag == "W":
            token = child.text or ""
            text[0] += token if not text[0] or _ATTACH.match(token) else " " + token
        elif child.tag == "cue":
            before = len(text[0])
            _sfu_walk(child, text, cues)
            start = before + (1 if text[0][before : before + 1] == " " else 0)
            if len(text[0]) > start:
                cues.append(GoldCue(Span(start, len(text[0])), child.get("type", "")))
        else:
            _sfu_walk(child, text, cues)


# --- scoring --------------------------------------------------------------------------------

#: The kinds that make a sentence uncertain, as the corpora annotate uncertainty. The
#: news-only kinds (distancing, vague source, approximator, booster) are left out: no corpus
#: here marks them, and a booster or an approximator is no uncertainty.
UNCERTAIN = frozenset(("epistemic", "doxastic", "conditional", "investigation"))


@attrs.define
class Counts:
    """True positives, false positives and false negatives, and the scores they give."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, gold: set[Any], predicted: set[Any]) -> None:
        """Count one item's gold and predicted sets."""
        self.tp += len(gold & predicted)
        self.fp += len(predicted - gold)
        self.fn += len(gold - predicted)

    def scores(self) -> dict[str, float | int]:
        """Precision, recall and F1 in percent (0 where undefined), and the counts."""
        p = self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0
        r = self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return {
            "precision": round(100 * p, 2),
            "recall": round(100 * r, 2),
            "f1": round(100 * f, 2),
            "gold": self.tp + self.fn,
            "predicted": self.tp + self.fp,
        }


def score_uncertainty(
    sentences: Iterable[Sentence], detector: HedgeDetector, *, typed: bool
) -> dict[str, Any]:
    """Sentence- and cue-level scores of ``detector`` on ``sentences``.

    A sentence is uncertain when it has a cue (gold), or when the detector finds a cue of an
    :data:`UNCERTAIN` kind in it (predicted); the sentence scores are those of the uncertain
    class. A predicted cue matches a gold one when their spans are equal (``exact``) or
    overlap (``overlap``: each gold cue is matched at most once). With ``typed``, the
    sentence and cue scores are also given per kind, a cue counting only with its own kind.
    """
    sentence, exact, overlap = Counts(), Counts(), Counts()
    per_kind: dict[str, tuple[Counts, Counts]] = {}
    n = 0
    for n, s in enumerate(sentences, 1):  # noqa: B007 - n is the count after the loop
        found = [f for f in detector.find(s.text) if f.kind in UNCERTAIN]
        sentence.add({0} if s.cues else set(), {0} if found else set())
        gold_spans = {c.span for c in s.cues}
        predicted = {f.cue for f in found}
        exact.add(gold_spans, predicted)
        overlap.tp += (hits := sum(any(p.overlaps(g) for p in predicted) for g in gold_spans))
        overlap.fn += len(gold_spans) - hits
        overlap.fp += sum(not any(p.overlaps(g) for g in gold_spans) for p in predicted)
        if typed:
            for kind in UNCERTAIN:
                sent_k, cue_k = per_kind.setdefault(kind, (Counts(), Counts()))
                gold_k = {c.span for c in s.cues if c.kind == kind}
                pred_k = {f.cue for f in found if f.kind == kind}
                sent_k.add({0} if gold_k else set(), {0} if pred_k else set())
                cue_k.add(gold_k, pred_k)
    result: dict[str, Any] = {
        "profile": detector.profile,
        "sentences": n,
        "sentence": sentence.scores(),
        "cue": exact.scores(),
        "cue_overlap": overlap.scores(),
    }
    if typed:
        result["kinds"] = {
            kind: {"sentence": per_kind[kind][0].scores(), "cue": per_kind[kind][1].scores()}
            for kind in sorted(per_kind)
        }
    return result


def score_negation(sentences: Iterable[Sentence]) -> dict[str, Any]:
    """Negation cue scores on ``sentences``: the detector's negation words
    (:func:`~newsclaims.analyzers.hedges.grade.negation_cues`) against the ``negation`` cues,
    exact and overlapping spans, and the sentence-level scores of the negated class."""
    sentence, exact, overlap = Counts(), Counts(), Counts()
    n = 0
    for n, s in enumerate(sentences, 1):  # noqa: B007 - n is the count after the loop
        gold = {c.span for c in s.cues if c.kind == "negation"}
        predicted = set(negation_cues(s.text))
        sentence.add({0} if gold else set(), {0} if predicted else set())
        exact.add(gold, predicted)
        overlap.tp += (hits := sum(any(p.overlaps(g) for p in predicted) for g in gold))
        overlap.fn += len(gold) - hits
        overlap.fp += sum(not any(p.overlaps(g) for g in gold) for p in predicted)
    return {
        "sentences": n,
        "sentence": sentence.scores(),
        "cue": exact.scores(),
        "cue_overlap": overlap.scores(),
    }


# --- the command ----------------------------------------------------------------------------

#: Corpus name -> (file or folder under the data folder, title, default profile).
CORPORA: dict[str, tuple[str, str, str]] = {
    "conll": ("task2_eval_rev.xml", "CoNLL-2010 biology evaluation set", "bio"),
    "factbank": ("factbank-dev.xml", "Szeged Uncertainty Corpus, FactBank dev part", "news"),
    "wiki": ("wiki.xml", "WikiWeasel 2.0 (Szeged Uncertainty Corpus)", "news"),
    "sfu": ("sfu", "SFU Review corpus, negation and speculation", "news"),
}


def evaluate_corpus(name: str, path: Path, profile: str | None = None) -> dict[str, Any]:
    """The scores of one corpus read from ``path`` (its file, or for ``sfu`` its folder),
    with ``profile`` (default: the corpus's own, ``bio`` for CoNLL, ``news`` otherwise)."""
    _, title, default = CORPORA[name]
    if name == "sfu":
        sentences = list(read_sfu(path))
        speculation = [
            s._replace(cues=tuple(c for c in s.cues if c.kind == "speculation")) for s in sentences
        ]
        return {
            "corpus": title,
            "negation": score_negation(sentences),
            "speculation": score_uncertainty(
                speculation, HedgeDetector(profile or default), typed=False
            ),
        }
    result = score_uncertainty(
        read_bioscope(path), HedgeDetector(profile or default), typed=name != "conll"
    )
    return {"corpus": title, **result}


def _row(label: str, s: dict[str, Any]) -> str:
    return (
        f"  {label:<27} {s['precision']:>6.2f} {s['recall']:>6.2f} {s['f1']:>6.2f}"
        f" {s['gold']:>6} {s['predicted']:>6}"
    )


def _rows(sentences: str, cues: str, scores: dict[str, Any]) -> list[str]:
    """The sentence row and the exact and overlap cue rows of one set of scores."""
    return [
        _row(sentences, scores["sentence"]),
        _row(f"{cues} (exact)", scores["cue"]),
        _row(f"{cues} (overlap)", scores["cue_overlap"]),
    ]


def format_table(name: str, result: dict[str, Any]) -> str:
    """The plain-text table of one corpus's scores, as the command prints it."""
    header = f"  {'':<27} {'P':>6} {'R':>6} {'F1':>6} {'gold':>6} {'pred':>6}"
    lines = [f"{name}: {result['corpus']}"]
    if name == "sfu":
        neg, spec = result["negation"], result["speculation"]
        lines += [
            f"  {neg['sentences']} sentences; profile {spec['profile']}",
            header,
            *_rows("negation sentences", "negation cues", neg),
            *_rows("speculation sentences", "speculation cues", spec),
        ]
        return "\n".join(lines)
    lines += [
        f"  {result['sentences']} sentences; profile {result['profile']}",
        header,
        *_rows("uncertain sentences", "cues", result),
    ]
    for kind, scores in result.get("kinds", {}).items():
        lines.append(_row(f"{kind} sentences", scores["sentence"]))
        lines.append(_row(f"{kind} cues", scores["cue"]))
    return "\n".join(lines)


@evaluate.command("hedges")
@click.argument("data", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option(
    "--corpus",
    "corpora",
    type=click.Choice(list(CORPORA)),
    multiple=True,
    help="Corpus to score (repeatable; default: all four).",
)
@click.option(
    "--profile",
    type=click.Choice(PROFILES),
    default=None,
    help="Hedge profile for every corpus (default: bio for conll, news for the others).",
)
@click.option("--json", "as_json", is_flag=True, help="Print the scores as JSON.")
def hedges_command(
    data: Path, corpora: tuple[str, ...], profile: str | None, as_json: bool
) -> None:
    """Score the hedge detector on the hedge corpora in DATA.

    DATA is a folder holding task2_eval_rev.xml (CoNLL-2010), factbank-dev.xml,
    wiki.xml and sfu/. Each corpus sentence is analysed on its own. A sentence is
    uncertain when it has an epistemic, doxastic, conditional or investigation cue;
    scores are those of the uncertain class (sentences) and of the cues (exact
    span, or overlapping), per kind where the corpus types its cues. SFU is scored
    on negation cues and on speculation.

    \b
    Examples:
      newsclaims evaluate hedges ../shared/data/hedges
      newsclaims evaluate hedges ../shared/data/hedges --corpus conll --json
      newsclaims evaluate hedges ../shared/data/hedges --corpus conll \\
          --profile news

    Exits 1 with a one-line reason when a corpus file is missing.
    """
    results: dict[str, Any] = {}
    for name in corpora or tuple(CORPORA):
        path = data / CORPORA[name][0]
        if not path.exists():
            raise click.ClickException(f"{name}: {path} not found")
        results[name] = evaluate_corpus(name, path, profile)
    if as_json:
        click.echo(json.dumps(results, indent=2))
    else:
        click.echo("\n\n".join(format_table(name, r) for name, r in results.items()))
