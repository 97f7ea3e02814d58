"""``newsclaims evaluate hedges``: the corpus readers, the scores, the command, and the
targets on the real corpora (read from ../shared, skipped when it is absent)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from newsclaims.analyzers.hedges import HedgeDetector
from newsclaims.cli import cli
from newsclaims.evaluate.hedges import (
    Counts,
    evaluate_corpus,
    read_bioscope,
    read_sfu,
    score_uncertainty,
)
from newsclaims.model import Span

HEDGES = Path(__file__).resolve().parent.parent.parent / "shared" / "data" / "hedges"
needs_corpora = pytest.mark.skipif(
    not HEDGES.is_dir(), reason="hedge corpora not found in ../shared/data/hedges"
)

# Made-up sentences in the corpora's formats (no corpus text is copied here).
BIOSCOPE = """<?xml version="1.0" encoding="UTF-8"?>
<Annotation><DocumentSet><Document><DocID>d1</DocID><DocumentPart>
<sentence id="S1.1">The gene <xcope id="X1"><cue ref="X1" type="speculation">may</cue> be
 active</xcope>.</sentence>
<sentence id="S1.2">The gene is active.</sentence>
</DocumentPart></Document></DocumentSet></Annotation>
"""
SZEGED = """<?xml version="1.0" encoding="UTF-8"?>
<Annotation><DocumentSet><Document><DocID>wsj_1</DocID><DocumentPart>
<Sentence id="S1.1">Analysts <ccue type="speculation_hypo_doxastic _"> expect </ccue> a loss.</Sentence>
<Sentence id="S1.2"><ccue type="speculation_hypo_condition _">If</ccue> it rains, we stay.</Sentence>
</DocumentPart></Document></DocumentSet></Annotation>
"""  # noqa: E501 - one sentence a line, as in the corpus
SFU = """<?xml version="1.0" encoding="UTF-8"?>
<DOCUMENT><P><SENTENCE><W>I</W><cue ID="1" type="negation"><W>can't</W></cue><W>say</W>
<W>it</W><cue ID="2" type="speculation"><W>might</W></cue><W>work</W><W>.</W></SENTENCE>
</P></DOCUMENT>
"""


def test_bioscope_reader_keeps_the_text_and_puts_cues_at_their_offsets(tmp_path: Path) -> None:
    path = tmp_path / "bio.xml"
    path.write_text(BIOSCOPE, encoding="utf-8")
    first, second = read_bioscope(path)
    assert first.doc == "d1"
    assert first.text == "The gene may be\n active."
    ((span, kind),) = first.cues
    assert (first.text[span.start : span.end], kind) == ("may", "speculation")
    assert second.cues == ()


def test_szeged_reader_maps_types_to_kinds_and_trims_spaces(tmp_path: Path) -> None:
    path = tmp_path / "fb.xml"
    path.write_text(SZEGED, encoding="utf-8")
    first, second = read_bioscope(path)
    assert [(first.text[c.span.start : c.span.end], c.kind) for c in first.cues] == [
        ("expect", "doxastic")
    ]
    assert [(second.text[c.span.start : c.span.end], c.kind) for c in second.cues] == [
        ("If", "conditional")
    ]


def test_sfu_reader_joins_tokens_as_written(tmp_path: Path) -> None:
    (tmp_path / "BOOKS").mkdir()
    (tmp_path / "BOOKS" / "no1.xml").write_text(SFU, encoding="utf-8")
    (sentence,) = read_sfu(tmp_path)
    assert sentence.doc == "BOOKS/no1"
    assert sentence.text == "I can't say it might work."
    assert [(sentence.text[c.span.start : c.span.end], c.kind) for c in sentence.cues] == [
        ("can't", "negation"),
        ("might", "speculation"),
    ]


def test_counts_give_percentages_and_zero_when_undefined() -> None:
    c = Counts()
    c.add({1, 2, 3}, {2, 3, 4})
    assert c.scores() == {
        "precision": 66.67,
        "recall": 66.67,
        "f1": 66.67,
        "gold": 3,
        "predicted": 3,
    }
    assert Counts().scores()["f1"] == 0.0


def test_sentence_and_cue_scores_on_a_made_up_corpus(tmp_path: Path) -> None:
    path = tmp_path / "fb.xml"
    path.write_text(SZEGED, encoding="utf-8")
    result = score_uncertainty(read_bioscope(path), HedgeDetector(), typed=True)
    assert result["sentences"] == 2
    assert result["sentence"]["f1"] == 100.0
    assert result["kinds"]["conditional"]["cue"]["f1"] == 100.0
    assert result["kinds"]["doxastic"]["cue"]["gold"] == 1


def test_command_prints_a_table_and_json(tmp_path: Path) -> None:
    (tmp_path / "factbank-dev.xml").write_text(SZEGED, encoding="utf-8")
    runner = CliRunner()
    table = runner.invoke(cli, ["evaluate", "hedges", str(tmp_path), "--corpus", "factbank"])
    assert table.exit_code == 0, table.output
    assert "uncertain sentences" in table.output
    assert "doxastic cues" in table.output
    as_json = runner.invoke(
        cli, ["evaluate", "hedges", str(tmp_path), "--corpus", "factbank", "--json"]
    )
    assert json.loads(as_json.output)["factbank"]["profile"] == "news"


def test_a_missing_corpus_is_a_one_line_error(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["evaluate", "hedges", str(tmp_path), "--corpus", "wiki"])
    assert result.exit_code == 1
    assert "wiki:" in result.output
    assert "not found" in result.output
    assert len(result.output.strip().splitlines()) == 1


# --- the targets, on the real corpora ---------------------------------------------------------


@needs_corpora
def test_conll_2010_evaluation_set_sentence_f1_reaches_the_shared_tasks_best() -> None:
    result = evaluate_corpus("conll", HEDGES / "task2_eval_rev.xml")
    assert result["profile"] == "bio"
    assert result["sentence"]["f1"] >= 86.4


@needs_corpora
def test_factbank_dev_sentence_f1_with_the_news_default() -> None:
    result = evaluate_corpus("factbank", HEDGES / "factbank-dev.xml")
    assert result["profile"] == "news"
    assert result["sentence"]["f1"] >= 80.0


@needs_corpora
def test_sfu_negation_cues() -> None:
    result = evaluate_corpus("sfu", HEDGES / "sfu")
    assert result["negation"]["cue"]["f1"] >= 80.0


def test_spans_of_the_detector_lie_in_the_sentence() -> None:
    text = "Whether the putative factor may act or not remains unclear."
    for f in HedgeDetector("bio").find(text):
        assert 0 <= f.cue.start < f.cue.end <= len(text)
        assert f.scope is None or (f.scope.end <= len(text) and isinstance(f.scope, Span))
