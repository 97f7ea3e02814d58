"""``newsclaims evaluate polnear DIR``: attribution relations scored against PolNeAR.

PolNeAR (Newell, Margolin and Ruths, LREC 2018) annotates every attribution relation of
US political news as Source / Cue / Content spans in brat standoff. This module reads a
compartment of it (``DIR/text/*.txt`` and ``DIR/attributions/*.ann``), runs the pipeline on
every text, and scores what it finds. The rules, which ``docs/evaluate-polnear.md`` explains
with examples:

* **Articles.** One annotation file per article: annotation files are named
  ``<stem>_<annotator>.ann`` and the first in sorted order is used. The text
  ``text/<stem>.txt`` is read by :func:`newsclaims.readers.read`, exactly as ``newsclaims
  analyze`` reads it, so gold offsets and predicted offsets index the same string.
* **Gold relations.** Each ``E`` line is a relation. Its ``Source``, ``Cue`` and ``Content``
  arguments (numbered ones such as ``Content2`` too, and repeated ones) give the parts of
  each role; every part of a discontinuous span (``start end;start end``) belongs to its
  role. ``Attribution`` triggers and unattached ``T`` lines (``Discard``, ``Discuss``) are
  ignored, as is a relation with no source, cue or content at all.
* **Predicted relations.** Every statement with an attribution is one: source =
  ``attribution.source``, cue = ``attribution.cue``, content = ``statement.content``.
  Assertions are not relations. A quote paragraph that continues a speaker (no source, no
  cue) is merged into the closest predicted relation before it, as one more content part,
  since PolNeAR annotates such a paragraph as part of the relation it continues.
* **Spans.** Each part is trimmed of surrounding white space; parts left empty are dropped;
  parts that touch or are separated only by white space are joined. Each role of each
  relation is one *item*: the set of its parts.
* **Role scores.** Exact: a gold and a predicted item match when their sets of parts are
  equal. Overlap: when they share at least one character. Items are matched one to one,
  greedily by the number of characters they share (largest first, ties in text order).
* **Relation score.** A predicted relation matches a gold one when their cues overlap and
  their contents overlap (a role missing on both sides counts as overlapping); one to one,
  greedily by the characters of cue and content shared.
* **Direct and indirect.** A gold relation is *direct* when its content contains a
  quotation mark (“ ” " or the NYT's ''), else *indirect*; recall is given for each.

Scores are percentages; a ratio with nothing to count (0/0) is 100.
"""

from __future__ import annotations

import json
import re
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any, TextIO

import click
from attrs import field, frozen

from newsclaims.analyzer import PipelineError
from newsclaims.evaluate import evaluate
from newsclaims.model import Analysis, Article, Span
from newsclaims.options import limit_option, plugin_options
from newsclaims.pipeline import Pipeline
from newsclaims.readers import ReadError, read

__all__ = [
    "ROLES",
    "CorpusError",
    "GoldArticle",
    "Relation",
    "Score",
    "Tally",
    "gold_relations",
    "is_direct",
    "match_relations",
    "match_role",
    "normalize",
    "parse_ann",
    "predicted_relations",
    "read_corpus",
    "score_article",
]

#: The roles scored, in report order.
ROLES = ("source", "cue", "content")

#: Characters that make a gold content direct speech (NYT's '' is checked separately).
_QUOTE_MARKS = ("\u201c", "\u201d", '"', "''")

_T_LINE = re.compile(r"(T\d+)\t(\S+) (\d+ \d+(?:;\d+ \d+)*)(?:\t|$)")
_E_LINE = re.compile(r"(E\d+)\t(.*)$")
_ROLE = re.compile(r"([A-Za-z][A-Za-z-]*?)\d*")


class CorpusError(ValueError):
    """The corpus directory or one of its files cannot be read; the message names where."""


Parts = tuple[Span, ...]


@frozen
class Relation:
    """One attribution relation: the parts of each role, normalised by :func:`normalize`.

    An empty tuple means the role is absent. ``id`` is the brat ``E`` id for gold relations
    and the statement id for predicted ones (continuations merged in are listed in ``merged``).
    """

    id: str
    source: Parts = ()
    cue: Parts = ()
    content: Parts = ()
    merged: tuple[str, ...] = ()

    def role(self, name: str) -> Parts:
        """The parts of role ``name`` (one of :data:`ROLES`)."""
        parts: Parts = getattr(self, name)
        return parts


@frozen
class GoldArticle:
    """An article with its gold relations and the annotation file they came from."""

    article: Article
    relations: tuple[Relation, ...]
    annotation: str


# -- reading the corpus ---------------------------------------------------------------------


def normalize(text: str, spans: Iterable[Span]) -> Parts:
    """``spans`` trimmed of surrounding white space, sorted, empty ones dropped, and parts
    that overlap, touch or are separated only by white space joined into one."""
    trimmed = []
    for s in spans:
        start, end = s.start, s.end
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if start < end:
            trimmed.append((start, end))
    trimmed.sort()
    out: list[list[int]] = []
    for start, end in trimmed:
        if out and (start <= out[-1][1] or text[out[-1][1] : start].isspace()):
            out[-1][1] = max(out[-1][1], end)
        else:
            out.append([start, end])
    return tuple(Span(a, b) for a, b in out)


def parse_ann(content: str, name: str = "<ann>") -> list[dict[str, list[Span]]]:
    """The relations of a brat ``.ann`` file, as ``{role: [raw spans]}`` in ``E`` order.

    Roles are ``source``, ``cue`` and ``content`` (numbered or repeated arguments add parts);
    other arguments are ignored. ``T`` lines may come after the ``E`` line naming them;
    lines that are neither (notes, the continuation of a ``T`` line's text) are skipped.
    Raises :class:`CorpusError`, naming ``name`` and the line, for an ``E`` argument that
    names no ``T`` line or a span that is not ``start <= end``.
    """
    spans: dict[str, list[Span]] = {}
    events: list[tuple[int, str]] = []
    for number, line in enumerate(content.split("\n"), 1):
        m = _T_LINE.match(line)
        if m:
            parts = []
            for piece in m.group(3).split(";"):
                a, b = (int(x) for x in piece.split())
                if b < a:
                    raise CorpusError(f"{name}: line {number}: span {a} {b} ends before it starts")
                parts.append(Span(a, b))
            spans[m.group(1)] = parts
            continue
        m = _E_LINE.match(line)
        if m:
            events.append((number, m.group(2)))
    relations = []
    for number, args in events:
        roles: dict[str, list[Span]] = {}
        for arg in args.split():
            role, _, ref = arg.partition(":")
            rm = _ROLE.fullmatch(role)
            kind = rm.group(1).lower() if rm else role.lower()
            if kind not in ROLES:
                continue
            if ref not in spans:
                raise CorpusError(f"{name}: line {number}: {arg} names no T line")
            roles.setdefault(kind, []).extend(spans[ref])
        relations.append(roles)
    return relations


def gold_relations(text: str, ann: str, name: str = "<ann>") -> tuple[Relation, ...]:
    """The scored relations of an ``.ann`` file over ``text``, normalised; relations left
    with no source, cue or content are dropped."""
    out = []
    for i, roles in enumerate(parse_ann(ann, name), 1):
        for spans in roles.values():
            for s in spans:
                if s.end > len(text):
                    raise CorpusError(
                        f"{name}: span {s.start} {s.end} runs past the end of the text "
                        f"({len(text)} characters)"
                    )
        rel = Relation(
            id=f"E{i}",
            source=normalize(text, roles.get("source", ())),
            cue=normalize(text, roles.get("cue", ())),
            content=normalize(text, roles.get("content", ())),
        )
        if rel.source or rel.cue or rel.content:
            out.append(rel)
    return tuple(out)


def annotation_files(directory: Path) -> list[tuple[str, Path]]:
    """``(stem, .ann path)`` for each article: the first annotation file of each stem in
    sorted order, the stem being the file name less ``_<annotator>.ann``."""
    chosen: dict[str, Path] = {}
    for p in sorted(directory.glob("*.ann"), key=lambda p: p.name):
        stem = p.stem.rsplit("_", 1)[0] if "_" in p.stem else p.stem
        chosen.setdefault(stem, p)
    return sorted(chosen.items())


def corpus_files(directory: Path, limit: int | None = None) -> list[tuple[Path, Path]]:
    """``(text path, .ann path)`` of each annotated article of a PolNeAR compartment, in
    sorted order (the first ``limit`` of them). Raises :class:`CorpusError` when ``text/``
    or ``attributions/`` is missing or holds no ``.ann`` file."""
    texts, anns = directory / "text", directory / "attributions"
    for sub in (texts, anns):
        if not sub.is_dir():
            raise CorpusError(
                f"{directory}: no {sub.name}/ folder (expected text/ and attributions/)"
            )
    files = annotation_files(anns)
    if not files:
        raise CorpusError(f"{anns}: no .ann files")
    chosen = files[:limit] if limit is not None else files
    return [(texts / f"{stem}.txt", ann) for stem, ann in chosen]


def load_article(text_path: Path, ann_path: Path) -> GoldArticle:
    """One article, read by :func:`newsclaims.readers.read`, with its gold relations.
    Raises :class:`CorpusError` when either file cannot be read or the annotation is
    malformed."""
    records = list(read(text_path))
    if len(records) != 1 or isinstance(records[0], ReadError):
        raise CorpusError(str(records[0]) if records else f"{text_path}: no article")
    article = records[0]
    assert isinstance(article, Article)
    try:
        ann = ann_path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise CorpusError(f"{ann_path}: cannot read: {exc}") from None
    return GoldArticle(article, gold_relations(article.text, ann, str(ann_path)), ann_path.name)


def read_corpus(directory: Path, limit: int | None = None) -> Iterator[GoldArticle]:
    """Each annotated article of a PolNeAR compartment, in sorted order, with its gold.

    Raises :class:`CorpusError` as :func:`corpus_files` and :func:`load_article` do.
    """
    for text_path, ann_path in corpus_files(directory, limit):
        yield load_article(text_path, ann_path)


# -- predictions ----------------------------------------------------------------------------


def predicted_relations(analysis: Analysis) -> tuple[Relation, ...]:
    """The relations of an analysis: one per statement with an attribution, in text order.

    A continuation (a statement whose attribution has neither source nor cue) is merged into
    the closest relation before it as more content; with none before it, it stays a
    relation of its own with content only.
    """
    text = analysis.article.text
    statements = sorted(
        (s for s in analysis.statements if s.attribution is not None),
        key=lambda s: (s.extent.start, s.extent.end),
    )
    out: list[Relation] = []
    for s in statements:
        a = s.attribution
        assert a is not None
        if a.source is None and a.cue is None and out:
            last = out[-1]
            out[-1] = Relation(
                id=last.id,
                source=last.source,
                cue=last.cue,
                content=normalize(text, (*last.content, *s.content)),
                merged=(*last.merged, s.id),
            )
            continue
        out.append(
            Relation(
                id=s.id,
                source=normalize(text, () if a.source is None else (a.source,)),
                cue=normalize(text, () if a.cue is None else (a.cue,)),
                content=normalize(text, s.content),
            )
        )
    return tuple(out)


# -- matching -------------------------------------------------------------------------------


def shared(a: Parts, b: Parts) -> int:
    """How many characters the parts ``a`` and ``b`` have in common (parts are disjoint)."""
    total = 0
    i = j = 0
    while i < len(a) and j < len(b):
        lo, hi = max(a[i].start, b[j].start), min(a[i].end, b[j].end)
        if hi > lo:
            total += hi - lo
        if a[i].end < b[j].end:
            i += 1
        else:
            j += 1
    return total


def _greedy(pairs: list[tuple[int, int, int]]) -> list[tuple[int, int]]:
    """One-to-one pairs ``(gold, pred)`` from ``(weight, gold, pred)``, heaviest first; ties
    go to the lower indices (text order)."""
    pairs.sort(key=lambda p: (-p[0], p[1], p[2]))
    used_g: set[int] = set()
    used_p: set[int] = set()
    out = []
    for _, g, p in pairs:
        if g not in used_g and p not in used_p:
            used_g.add(g)
            used_p.add(p)
            out.append((g, p))
    return out


def match_role(gold: Sequence[Parts], pred: Sequence[Parts]) -> tuple[int, int]:
    """``(exact, overlap)``: how many gold items are matched one to one by a predicted item
    with the same set of parts, and by one that shares at least one character."""
    exact = sum((Counter(gold) & Counter(pred)).values())
    pairs = [
        (n, i, j) for i, g in enumerate(gold) for j, p in enumerate(pred) if (n := shared(g, p)) > 0
    ]
    return exact, len(_greedy(pairs))


def _role_overlap(g: Parts, p: Parts) -> int | None:
    """Characters shared by two items of a role, ``0`` if both are absent, ``None`` if they
    do not overlap."""
    if not g and not p:
        return 0
    n = shared(g, p)
    return n if n > 0 else None


def match_relations(gold: Sequence[Relation], pred: Sequence[Relation]) -> list[tuple[int, int]]:
    """One-to-one ``(gold index, predicted index)`` pairs of relations whose cues overlap and
    whose contents overlap, chosen greedily by the characters of cue and content shared."""
    pairs = []
    for i, g in enumerate(gold):
        for j, p in enumerate(pred):
            cue = _role_overlap(g.cue, p.cue)
            if cue is None:
                continue
            content = _role_overlap(g.content, p.content)
            if content is None:
                continue
            pairs.append((cue + content, i, j))
    return _greedy(pairs)


def is_direct(text: str, content: Parts) -> bool:
    """Whether a content is direct speech: its text contains “, ”, " or ''."""
    words = " ".join(s.of(text) for s in content)
    return any(mark in words for mark in _QUOTE_MARKS)


# -- scores ---------------------------------------------------------------------------------


def _ratio(n: int, d: int) -> float:
    return 100.0 if d == 0 else 100.0 * n / d


@frozen
class Score:
    """Matched, gold and predicted counts, with precision, recall and F1 in percent."""

    matched: int
    gold: int
    predicted: int

    @property
    def precision(self) -> float:
        return _ratio(self.matched, self.predicted)

    @property
    def recall(self) -> float:
        return _ratio(self.matched, self.gold)

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 0.0 if p + r == 0 else 2 * p * r / (p + r)

    def to_dict(self) -> dict[str, Any]:
        return {
            "precision": round(self.precision, 2),
            "recall": round(self.recall, 2),
            "f1": round(self.f1, 2),
            "matched": self.matched,
            "gold": self.gold,
            "predicted": self.predicted,
        }


@frozen
class ArticleScore:
    """The counts of one article, and what :func:`errors` reports for it."""

    role_gold: dict[str, int]
    role_pred: dict[str, int]
    role_exact: dict[str, int]
    role_overlap: dict[str, int]
    relations: tuple[int, int, int]  # matched, gold, predicted
    kinds: dict[str, tuple[int, int]]  # kind -> (matched, gold)
    pairs: list[tuple[int, int]] = field(repr=False)


def score_article(text: str, gold: Sequence[Relation], pred: Sequence[Relation]) -> ArticleScore:
    """Every count for one article: role items, relations, direct and indirect recall."""
    role_gold, role_pred, role_exact, role_overlap = {}, {}, {}, {}
    for role in ROLES:
        g = [r.role(role) for r in gold if r.role(role)]
        p = [r.role(role) for r in pred if r.role(role)]
        role_gold[role], role_pred[role] = len(g), len(p)
        role_exact[role], role_overlap[role] = match_role(g, p)
    pairs = match_relations(gold, pred)
    matched = {g for g, _ in pairs}
    kinds = {"direct": [0, 0], "indirect": [0, 0]}
    for i, r in enumerate(gold):
        k = kinds["direct" if is_direct(text, r.content) else "indirect"]
        k[1] += 1
        k[0] += i in matched
    return ArticleScore(
        role_gold,
        role_pred,
        role_exact,
        role_overlap,
        (len(pairs), len(gold), len(pred)),
        {k: (v[0], v[1]) for k, v in kinds.items()},
        pairs,
    )


class Tally:
    """Counts summed over articles, turned into the report by :meth:`to_dict`."""

    def __init__(self) -> None:
        self.articles = 0
        self.words = 0
        self.seconds = 0.0
        self.problems = 0
        self.wall_seconds = 0.0
        self.role: dict[str, Counter[str]] = {r: Counter() for r in ROLES}
        self.relations = Counter[str]()
        self.kinds: dict[str, Counter[str]] = {"direct": Counter(), "indirect": Counter()}

    def add(self, score: ArticleScore, words: int, seconds: float) -> None:
        """Add one article's counts."""
        self.articles += 1
        self.words += words
        self.seconds += seconds
        for r in ROLES:
            c = self.role[r]
            c["gold"] += score.role_gold[r]
            c["predicted"] += score.role_pred[r]
            c["exact"] += score.role_exact[r]
            c["overlap"] += score.role_overlap[r]
        m, g, p = score.relations
        self.relations.update(matched=m, gold=g, predicted=p)
        for k, (km, kg) in score.kinds.items():
            self.kinds[k].update(matched=km, gold=kg)

    def role_score(self, role: str, match: str) -> Score:
        c = self.role[role]
        return Score(c[match], c["gold"], c["predicted"])

    def relation_score(self) -> Score:
        c = self.relations
        return Score(c["matched"], c["gold"], c["predicted"])

    def to_dict(self) -> dict[str, Any]:
        """The report as JSON-ready values (the ``--json`` output)."""
        return {
            "corpus": "polnear",
            "articles": self.articles,
            "words": self.words,
            "seconds": round(self.seconds, 3),
            "wall_seconds": round(self.wall_seconds, 3),
            "words_per_second": round(self.words / self.seconds) if self.seconds else None,
            "problems": self.problems,
            "roles": {
                r: {m: self.role_score(r, m).to_dict() for m in ("exact", "overlap")} for r in ROLES
            },
            "relations": self.relation_score().to_dict(),
            "recall_by_kind": {
                k: {
                    "recall": round(_ratio(c["matched"], c["gold"]), 2),
                    "matched": c["matched"],
                    "gold": c["gold"],
                }
                for k, c in self.kinds.items()
            },
        }


def format_report(report: dict[str, Any], directory: str) -> str:
    """The report as a table for people."""
    lines = [
        f"PolNeAR {directory}: {report['articles']} articles, {report['words']:,} words",
        f"pipeline {report['seconds']:.2f} s"
        + (f" ({report['words_per_second']:,} words/s)" if report["words_per_second"] else "")
        + f", {report['wall_seconds']:.2f} s in all"
        + (f"; {report['problems']} analyzer problems" if report["problems"] else ""),
        "",
        f"{'':<10}{'match':<9}{'P':>6}{'R':>7}{'F1':>7}{'matched':>9}{'gold':>7}{'pred':>7}",
    ]

    def row(name: str, match: str, s: dict[str, Any]) -> str:
        return (
            f"{name:<10}{match:<9}{s['precision']:>6.1f}{s['recall']:>7.1f}{s['f1']:>7.1f}"
            f"{s['matched']:>9}{s['gold']:>7}{s['predicted']:>7}"
        )

    for r in ROLES:
        for m in ("exact", "overlap"):
            lines.append(row(r if m == "exact" else "", m, report["roles"][r][m]))
    lines.append(row("relation", "cue+cont", report["relations"]))
    lines.append("")
    for k, c in report["recall_by_kind"].items():
        lines.append(f"recall of {k} relations: {c['recall']:.1f} ({c['matched']} of {c['gold']})")
    return "\n".join(lines)


# -- error analysis -------------------------------------------------------------------------


def _relation_json(text: str, r: Relation) -> dict[str, Any]:
    out: dict[str, Any] = {"id": r.id}
    for role in ROLES:
        parts = r.role(role)
        out[role] = {
            "spans": [[s.start, s.end] for s in parts],
            "text": " … ".join(s.of(text) for s in parts),
        }
    if r.merged:
        out["merged"] = list(r.merged)
    return out


def errors(
    gold: GoldArticle, pred: Sequence[Relation], score: ArticleScore
) -> dict[str, Any] | None:
    """One ``--errors`` record: the article's unmatched gold relations (false negatives),
    unmatched predicted ones (false positives), and matched pairs where a role is not an
    exact match (``partial``, with the roles that differ); ``None`` when there are none."""
    text = gold.article.text
    matched_g = {g for g, _ in score.pairs}
    matched_p = {p for _, p in score.pairs}
    fn = [
        {**_relation_json(text, r), "kind": "direct" if is_direct(text, r.content) else "indirect"}
        for i, r in enumerate(gold.relations)
        if i not in matched_g
    ]
    fp = [_relation_json(text, r) for j, r in enumerate(pred) if j not in matched_p]
    partial = []
    for g, p in score.pairs:
        gr, pr = gold.relations[g], pred[p]
        differs = [role for role in ROLES if gr.role(role) != pr.role(role)]
        if differs:
            partial.append(
                {
                    "differs": differs,
                    "gold": _relation_json(text, gr),
                    "predicted": _relation_json(text, pr),
                }
            )
    if not (fn or fp or partial):
        return None
    return {
        "article": gold.article.id,
        "annotation": gold.annotation,
        "false_negatives": fn,
        "false_positives": fp,
        "partial": partial,
    }


# -- the command ----------------------------------------------------------------------------


@frozen
class ArticleResult:
    """What evaluating one article gives: its counts, words, analysis time, the problems
    analyzers reported, and its ``--errors`` record (``None`` when not asked or clean)."""

    id: str
    score: ArticleScore
    words: int
    seconds: float
    problems: tuple[str, ...]
    errors: dict[str, Any] | None


def evaluate_article(
    gold: GoldArticle, pipeline: Pipeline, *, with_errors: bool = False
) -> ArticleResult:
    """Analyse one gold article with ``pipeline`` and score the result."""
    start = time.perf_counter()
    analysis = pipeline.analyze(gold.article)
    seconds = time.perf_counter() - start
    pred = predicted_relations(analysis)
    score = score_article(gold.article.text, gold.relations, pred)
    problems = tuple(
        f"analyzer {p.analyzer}: {' '.join(p.message.split())}" for p in analysis.problems
    )
    return ArticleResult(
        gold.article.id,
        score,
        len(gold.article.text.split()),
        seconds,
        problems,
        errors(gold, pred, score) if with_errors else None,
    )


# A worker process's pipeline, built once by _init_worker: pipelines do not pickle.
_worker: tuple[Pipeline, bool] | None = None


def _init_worker(disable: tuple[str, ...], autoload: bool | None, with_errors: bool) -> None:
    global _worker
    _worker = (Pipeline(disable=disable, autoload=autoload), with_errors)


def _work(files: tuple[Path, Path]) -> ArticleResult:
    assert _worker is not None
    pipeline, with_errors = _worker
    return evaluate_article(load_article(*files), pipeline, with_errors=with_errors)


def run_evaluation(
    directory: Path,
    pipeline: Pipeline,
    *,
    limit: int | None = None,
    errors_to: TextIO | None = None,
    jobs: int = 1,
    disable: tuple[str, ...] = (),
    autoload: bool | None = None,
    warn: Callable[[str], None] | None = None,
) -> Tally:
    """Analyse every article of the compartment at ``directory`` and tally the scores.

    Writes one :func:`errors` record per article with errors to ``errors_to`` if given, and
    passes each problem an analyzer reports to ``warn``. With ``jobs > 1`` the articles are
    analysed in that many processes, each with its own ``Pipeline(disable=disable,
    autoload=autoload)`` (so ``pipeline`` must have been built with the same options);
    results are tallied in corpus order either way. Raises :class:`CorpusError` for a
    corpus that cannot be read.
    """
    began = time.perf_counter()
    files = corpus_files(directory, limit)
    with_errors = errors_to is not None
    results: Iterable[ArticleResult]
    if jobs > 1 and len(files) > 1:
        import concurrent.futures

        pool = concurrent.futures.ProcessPoolExecutor(
            max_workers=min(jobs, len(files)),
            initializer=_init_worker,
            initargs=(disable, autoload, with_errors),
        )
        with pool:
            results = list(pool.map(_work, files, chunksize=4))
    else:
        results = (
            evaluate_article(load_article(*f), pipeline, with_errors=with_errors) for f in files
        )
    tally = Tally()
    for r in results:
        tally.add(r.score, r.words, r.seconds)
        tally.problems += len(r.problems)
        if warn is not None:
            for problem in r.problems:
                warn(f"{r.id}: {problem}")
        if errors_to is not None and r.errors is not None:
            errors_to.write(json.dumps(r.errors, ensure_ascii=False) + "\n")
    tally.wall_seconds = time.perf_counter() - began
    return tally


def _say(level: str, message: str) -> None:
    click.echo(f"newsclaims: {level}: {' '.join(message.split())}", err=True)


@evaluate.command("polnear")
@click.argument(
    "directory", metavar="DIR", type=click.Path(exists=True, file_okay=False, path_type=Path)
)
@click.option("--json", "as_json", is_flag=True, help="Machine-readable output.")
@limit_option
@plugin_options
@click.option(
    "-j",
    "--jobs",
    type=click.IntRange(min=1),
    default=1,
    show_default=True,
    metavar="N",
    help="Analyse in N processes (the scores do not change).",
)
@click.option(
    "--errors",
    "errors_path",
    metavar="FILE",
    type=click.Path(dir_okay=False, writable=True, path_type=Path),
    help="Write each article's false negatives, false positives and partial matches as JSON Lines.",
)
def polnear(
    directory: Path,
    as_json: bool,
    limit: int | None,
    disable: tuple[str, ...],
    no_plugins: bool,
    jobs: int,
    errors_path: Path | None,
) -> None:
    """Score attribution relations against PolNeAR (DIR holds text/ and attributions/).

    \b
    Rules:
    - one .ann file per article: the first of <stem>_<annotator>.ann in sorted
      order; the text is text/<stem>.txt, read as `newsclaims analyze` reads it
    - a gold relation is an E line; its Source, Cue and Content arguments
      (Content2 and repeats too) and every part of a discontinuous span belong
      to it; Attribution triggers and Discard/Discuss spans are ignored
    - a predicted relation is a statement with an attribution (assertions are
      not); a cue-less, source-less continuation paragraph is merged into the
      relation before it as more content
    - spans are trimmed of white space; parts separated only by white space
      are joined; each role of each relation is one item, its set of parts
    - role scores: exact = same set of parts; overlap = a character in common;
      matched one to one, greedily by characters shared
    - relation score: cues overlap and contents overlap; one to one, greedily
      by characters of cue and content shared
    - direct = the gold content contains “ ” " or ''; else indirect
    - scores are percentages; 0/0 counts as 100

    \b
    Examples:
      newsclaims evaluate polnear ../shared/data/polnear/dev
      newsclaims evaluate polnear ../shared/data/polnear/dev --json
      newsclaims evaluate polnear ../shared/data/polnear/train --limit 50 \\
          --errors errors.jsonl

    Exits 1 with a one-line reason if the corpus cannot be read.
    """
    autoload = False if no_plugins else None
    try:
        pipeline = Pipeline(disable=disable, autoload=autoload)
    except PipelineError as exc:
        _say("error", str(exc))
        sys.exit(1)
    for plugin, message in pipeline.problems:
        _say("warning", f"plugin {plugin}: {message}")

    def run(errors_to: TextIO | None) -> Tally:
        return run_evaluation(
            directory,
            pipeline,
            limit=limit,
            errors_to=errors_to,
            jobs=jobs,
            disable=disable,
            autoload=autoload,
            warn=lambda message: _say("warning", message),
        )

    try:
        if errors_path is not None:
            with errors_path.open("w", encoding="utf-8", newline="\n") as fp:
                tally = run(fp)
        else:
            tally = run(None)
    except CorpusError as exc:
        _say("error", str(exc))
        sys.exit(1)
    except OSError as exc:
        _say("error", f"{errors_path}: {exc.strerror or exc}")
        sys.exit(1)
    report = tally.to_dict()
    if as_json:
        click.echo(json.dumps(report, indent=2, ensure_ascii=False))
    else:
        click.echo(format_report(report, str(directory)))
