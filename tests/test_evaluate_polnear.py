"""``newsclaims evaluate polnear``: brat reading, span rules, one-to-one matching, the report.

The small corpora here are made by hand in ``tmp_path``; one test reads the real PolNeAR dev
compartment from ``../shared`` and skips when it is absent. No test asserts a score of the
quote finder, which the lead is improving: only the scorer's own arithmetic.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result

from newsclaims import Analysis, Analyzer, Article, Pipeline
from newsclaims.cli import cli
from newsclaims.evaluate.polnear import (
    CorpusError,
    Relation,
    annotation_files,
    gold_relations,
    is_direct,
    match_relations,
    match_role,
    normalize,
    parse_ann,
    predicted_relations,
    read_corpus,
    run_evaluation,
    score_article,
)
from newsclaims.model import Attribution, Span, Statement, StatementKind

DEV = Path(__file__).resolve().parent.parent.parent / "shared" / "data" / "polnear" / "dev"
CLEAN_ENV: dict[str, str | None] = {
    "NEWSCLAIMS_DISABLE": None,
    "NEWSCLAIMS_DISABLE_PLUGIN_AUTOLOAD": None,
}

# Offsets:          0         1         2         3         4         5         6
#                   0123456789012345678901234567890123456789012345678901234567890123
TEXT = 'Vote count\n\n"It is over," Smith said. "We lost."\nJones said taxes rose.\n'
# source "Smith" 26-31, cue "said" 32-36, content '"It is over,"' 12-25 and '"We lost."' 38-48
# source "Jones" 49-54, cue "said" 55-59, content "taxes rose" 60-70 (the "." at 70 left out)


def write_corpus(root: Path, articles: dict[str, tuple[str, dict[str, str]]]) -> Path:
    """A PolNeAR-shaped folder: ``{stem: (text, {annotator: ann})}``."""
    (root / "text").mkdir(parents=True)
    (root / "attributions").mkdir()
    for stem, (text, anns) in articles.items():
        (root / "text" / f"{stem}.txt").write_bytes(text.encode("utf-8"))
        for annotator, ann in anns.items():
            (root / "attributions" / f"{stem}_{annotator}.ann").write_text(ann, encoding="utf-8")
    return root


# E before its T lines, a numbered Content2, a discontinuous span, a note and a T line whose
# text runs over two lines (as brat writes it when a span holds a line break).
ANN = (
    "E1\tAttribution:T4 Content:T3 Cue:T2 Source:T1 Content2:T5\n"
    "T1\tSource 26 31\tSmith\n"
    "T2\tCue 32 36\tsaid\n"
    'T3\tContent 12 25\t"It is over,"\n'
    "T4\tAttribution 32 36\tsaid\n"
    'T5\tContent 37 48\t "We lost."\n'
    "T6\tSource 49 54\tJones\n"
    "T7\tCue 55 59\tsaid\n"
    "T8\tContent 60 65;66 70\ttaxes rose\n"
    "E2\tAttribution-no-source:T9 Cue:T7 Source:T6 Content:T8\n"
    "T9\tAttribution-no-source 55 59\tsaid\n"
    "T10\tDiscard 0 10\tVote\ncount\n"
    "#1\tAnnotatorNotes T3\ta note\n"
    "E3\tAttribution-no-source:T11\n"
)

GOLD = (
    Relation("E1", (Span(26, 31),), (Span(32, 36),), (Span(12, 25), Span(38, 48))),
    Relation("E2", (Span(49, 54),), (Span(55, 59),), (Span(60, 70),)),
)


def invoke(*args: str) -> Result:
    return CliRunner().invoke(cli, list(args), env=CLEAN_ENV, catch_exceptions=False)


# -- reading ---------------------------------------------------------------------------------


def test_parse_ann_gathers_every_part_of_each_role() -> None:
    relations = parse_ann(ANN.replace("E3\tAttribution-no-source:T11\n", ""))
    assert relations[0] == {
        "source": [Span(26, 31)],
        "cue": [Span(32, 36)],
        "content": [Span(12, 25), Span(37, 48)],
    }
    assert relations[1]["content"] == [Span(60, 65), Span(66, 70)]


def test_a_missing_t_line_is_an_error_naming_the_file_and_line() -> None:
    with pytest.raises(CorpusError, match=r"a\.ann: line 1: Content:T9 names no T line"):
        parse_ann("E1\tCue:T2 Content:T9\nT2\tCue 0 4\tsaid\n", "a.ann")


def test_gold_relations_trim_join_and_drop_empty_relations() -> None:
    # E3 names only a trigger (and an undefined one): it is ignored, not an error.
    assert gold_relations(TEXT, ANN.replace(" T11", " T9")) == GOLD


def test_normalize_trims_white_space_and_joins_parts_it_separates() -> None:
    text = "  ab  \n cd ;  "
    assert normalize(text, [Span(0, 6), Span(6, 10)]) == (Span(2, 10),)
    assert normalize(text, [Span(9, 12), Span(0, 4)]) == (Span(2, 4), Span(9, 12))
    assert normalize(text, [Span(12, 14), Span(0, 1)]) == ()


def test_the_first_annotation_file_in_sorted_order_is_used(tmp_path: Path) -> None:
    root = write_corpus(
        tmp_path / "c",
        {
            "a_story": (TEXT, {"zz01": "", "ab12": ANN}),
            "b": (TEXT, {"x": ""}),
        },
    )
    files = annotation_files(root / "attributions")
    assert [(stem, p.name) for stem, p in files] == [
        ("a_story", "a_story_ab12.ann"),
        ("b", "b_x.ann"),
    ]
    articles = list(read_corpus(root))
    assert [a.article.id for a in articles] == ["a_story", "b"]
    assert articles[0].relations == GOLD
    assert articles[0].article.title == "Vote count"  # read as the .txt reader reads it
    assert len(list(read_corpus(root, limit=1))) == 1


def test_a_corpus_without_its_folders_is_an_error(tmp_path: Path) -> None:
    (tmp_path / "text").mkdir()
    with pytest.raises(CorpusError, match="no attributions/ folder"):
        list(read_corpus(tmp_path))


def test_an_annotation_without_its_text_is_an_error(tmp_path: Path) -> None:
    root = write_corpus(tmp_path / "c", {"a": (TEXT, {"x": ANN})})
    (root / "text" / "a.txt").unlink()
    with pytest.raises(CorpusError, match=r"a\.txt: no such file"):
        list(read_corpus(root))


# -- matching --------------------------------------------------------------------------------


def parts(*pairs: tuple[int, int]) -> tuple[Span, ...]:
    return tuple(Span(a, b) for a, b in pairs)


def test_exact_needs_the_same_set_of_parts_overlap_one_character() -> None:
    gold = [parts((0, 10), (20, 30))]
    assert match_role(gold, [parts((0, 10), (20, 30))]) == (1, 1)
    assert match_role(gold, [parts((0, 10))]) == (0, 1)
    assert match_role(gold, [parts((0, 30))]) == (0, 1)
    assert match_role(gold, [parts((29, 40))]) == (0, 1)
    assert match_role(gold, [parts((10, 20))]) == (0, 0)


def test_role_items_are_matched_one_to_one_largest_overlap_first() -> None:
    gold = [parts((0, 10)), parts((10, 20))]
    # The second prediction shares more with the first gold item, so it takes it, and
    # the first prediction is left the second gold item, which it also overlaps.
    assert match_role(gold, [parts((8, 12)), parts((0, 9))]) == (0, 2)
    # Two predictions of one gold item: one match, the other is a false positive.
    assert match_role(gold[:1], [parts((0, 5)), parts((5, 10))]) == (0, 1)
    # Duplicated items (a source shared by two relations) match duplicates.
    assert match_role([gold[0], gold[0]], [gold[0], gold[0], gold[0]]) == (2, 2)


def test_a_relation_matches_when_cue_and_content_overlap() -> None:
    gold = [Relation("g", parts((0, 5)), parts((6, 10)), parts((11, 40)))]
    wrong_cue = Relation("p", parts((0, 5)), parts((41, 45)), parts((11, 40)))
    no_source = Relation("p", (), parts((6, 8)), parts((30, 50)))
    assert match_relations(gold, [wrong_cue]) == []
    assert match_relations(gold, [no_source]) == [(0, 0)]
    # One to one: of two candidates the one sharing more cue and content wins.
    small = Relation("small", (), parts((6, 10)), parts((11, 12)))
    assert match_relations(gold, [small, no_source]) == [(0, 1)]


def test_direct_means_a_quotation_mark_in_the_content() -> None:
    text = "“a” \"b\" ''c'' d's"
    assert is_direct(text, parts((0, 3)))
    assert is_direct(text, parts((4, 7)))
    assert is_direct(text, parts((8, 13)))
    assert not is_direct(text, parts((14, 17)))


def test_gold_as_predictions_scores_100() -> None:
    s = score_article(TEXT, GOLD, GOLD)
    assert s.relations == (2, 2, 2)
    assert s.role_exact == s.role_overlap == s.role_gold == {"source": 2, "cue": 2, "content": 2}
    assert s.kinds == {"direct": (1, 1), "indirect": (1, 1)}


# -- predictions -----------------------------------------------------------------------------


def statement(
    sid: str,
    content: Sequence[tuple[int, int]],
    source: tuple[int, int] | None = None,
    cue: tuple[int, int] | None = None,
    kind: StatementKind = StatementKind.DIRECT,
) -> Statement:
    attribution = (
        None
        if kind is StatementKind.ASSERTION
        else Attribution(
            source=None if source is None else Span(*source),
            cue=None if cue is None else Span(*cue),
        )
    )
    return Statement(sid, kind, parts(*content), attribution=attribution)


def test_statements_become_relations_and_continuations_join_the_one_before() -> None:
    text = '"One," he said.\n\n"Two."\n\nIt rained.\n'
    analysis = Analysis(
        Article("a", text),
        statements=(
            statement("s3", [(25, 36)], kind=StatementKind.ASSERTION),
            statement("s2", [(17, 23)]),  # a continuation paragraph: no source, no cue
            statement("s1", [(0, 6)], source=(7, 9), cue=(10, 14)),
        ),
    )
    assert predicted_relations(analysis) == (
        Relation("s1", parts((7, 9)), parts((10, 14)), parts((0, 6), (17, 23)), ("s2",)),
    )
    alone = Analysis(Article("b", text), statements=(statement("s2", [(17, 23)]),))
    assert predicted_relations(alone) == (Relation("s2", (), (), parts((17, 23))),)


# -- the command -----------------------------------------------------------------------------


def oracle(gold: Sequence[Relation]) -> Analyzer:
    """An analyzer that predicts exactly ``gold`` (single-part sources and cues)."""

    def analyze(analysis: Analysis) -> Analysis:
        statements = [
            Statement(
                f"s{i}",
                StatementKind.DIRECT,
                r.content,
                attribution=Attribution(source=r.source[0], cue=r.cue[0]),
            )
            for i, r in enumerate(gold)
        ]
        return analysis.evolve(statements=tuple(statements))

    return Analyzer("oracle", analyze, provides={"statements", "attribution"})


def test_gold_as_predictions_through_the_pipeline_scores_100(
    tmp_path: Path,
    make_pipeline: Callable[..., Pipeline],
    make_plugin: Callable[..., Any],
) -> None:
    root = write_corpus(tmp_path / "c", {"a": (TEXT, {"x": ANN.replace(" T11", " T9")})})
    pipeline = make_pipeline(make_plugin("oracle", oracle(GOLD)), disable={"quotes"})
    report = run_evaluation(root, pipeline).to_dict()
    for role in ("source", "cue", "content"):
        for match in ("exact", "overlap"):
            assert report["roles"][role][match]["f1"] == 100.0
    assert report["relations"] == {
        "precision": 100.0,
        "recall": 100.0,
        "f1": 100.0,
        "matched": 2,
        "gold": 2,
        "predicted": 2,
    }
    assert report["recall_by_kind"]["direct"] == {"recall": 100.0, "matched": 1, "gold": 1}


def test_the_command_prints_a_table_json_and_errors(tmp_path: Path) -> None:
    root = write_corpus(tmp_path / "c", {"a": (TEXT, {"x": ANN}), "b": (TEXT, {"x": ANN})})
    # With the quote finder off nothing is predicted: every gold relation is missed.
    off = ("--disable", "quotes", "--disable", "entities", "--disable", "hedges", "--no-plugins")
    table = invoke("evaluate", "polnear", str(root), *off)
    assert table.exit_code == 0, table.output
    assert "2 articles" in table.output
    assert "relation" in table.output
    assert "recall of direct relations: 0.0 (0 of 2)" in table.output

    errors = tmp_path / "errors.jsonl"
    result = invoke(
        "evaluate", "polnear", str(root), "--json", "--limit", "1", "--errors", str(errors), *off
    )
    assert result.exit_code == 0, result.output
    report = json.loads(result.output)
    assert report["articles"] == 1
    assert report["relations"]["gold"] == 2
    assert report["relations"]["recall"] == 0.0
    records = [json.loads(line) for line in errors.read_text(encoding="utf-8").splitlines()]
    assert [r["article"] for r in records] == ["a"]
    missed = records[0]["false_negatives"]
    assert [m["content"]["text"] for m in missed] == ['"It is over," … "We lost."', "taxes rose"]
    assert [m["kind"] for m in missed] == ["direct", "indirect"]


def test_the_command_says_in_one_line_what_is_wrong(tmp_path: Path) -> None:
    (tmp_path / "text").mkdir()
    result = invoke("evaluate", "polnear", str(tmp_path))
    assert result.exit_code == 1
    assert result.output.strip().count("\n") == 0
    assert "no attributions/ folder" in result.output


# -- the real corpus -------------------------------------------------------------------------

needs_dev = pytest.mark.skipif(
    not (DEV / "attributions").is_dir(), reason=f"PolNeAR dev is not at {DEV}"
)


@needs_dev
def test_dev_gold_reads_and_scores_100_against_itself() -> None:
    articles = list(read_corpus(DEV))
    assert len(articles) == len({a.article.id for a in articles}) == 84
    for a in articles:
        s = score_article(a.article.text, a.relations, a.relations)
        assert s.relations[0] == s.relations[1] == len(a.relations)
        assert s.role_exact == s.role_gold


@needs_dev
def test_dev_report_is_well_formed() -> None:
    result = invoke("evaluate", "polnear", str(DEV), "--json", "--limit", "5")
    assert result.exit_code == 0, result.output
    report = json.loads(result.output)
    assert report["articles"] == 5
    assert report["words"] > 0
    assert report["seconds"] >= 0
    scores = [report["relations"]]
    for role in ("source", "cue", "content"):
        scores += [report["roles"][role]["exact"], report["roles"][role]["overlap"]]
        assert (
            report["roles"][role]["exact"]["matched"] <= report["roles"][role]["overlap"]["matched"]
        )
    for s in scores:
        assert 0 <= s["matched"] <= min(s["gold"], s["predicted"]) or s["gold"] == 0
        assert all(0.0 <= s[k] <= 100.0 for k in ("precision", "recall", "f1"))
    kinds = report["recall_by_kind"]
    assert kinds["direct"]["gold"] + kinds["indirect"]["gold"] == report["relations"]["gold"]


def without_timings(report: dict[str, Any]) -> dict[str, Any]:
    return {
        k: v for k, v in report.items() if k not in ("seconds", "wall_seconds", "words_per_second")
    }


def test_jobs_do_not_change_the_scores(tmp_path: Path) -> None:
    root = write_corpus(tmp_path / "c", {f"a{i}": (TEXT, {"x": ANN}) for i in range(5)})
    one = invoke("evaluate", "polnear", str(root), "--json", "--no-plugins")
    two = invoke("evaluate", "polnear", str(root), "--json", "--no-plugins", "--jobs", "2")
    assert one.exit_code == two.exit_code == 0, one.output + two.output
    assert without_timings(json.loads(one.output)) == without_timings(json.loads(two.output))


def test_analyzer_problems_are_reported_and_counted(
    tmp_path: Path,
    make_pipeline: Callable[..., Pipeline],
    make_plugin: Callable[..., Any],
) -> None:
    def broken(analysis: Analysis) -> Analysis:
        raise RuntimeError("no\nluck")

    root = write_corpus(tmp_path / "c", {"a": (TEXT, {"x": ANN})})
    pipeline = make_pipeline(make_plugin("broken", Analyzer("broken", broken)))
    warnings: list[str] = []
    tally = run_evaluation(root, pipeline, warn=warnings.append)
    assert warnings == ["a: analyzer broken: RuntimeError: no luck"]
    assert tally.to_dict()["problems"] == 1
