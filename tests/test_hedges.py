"""The hedge detector: typed cues, their scopes and holders, and statements' certainty and
polarity.

Statements are built by hand with the model's constructors, so these tests do not depend on
the quote finder; a helper finds spans by the words they cover, as a reader would.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings

from newsclaims import (
    Analysis,
    Article,
    Attribution,
    Certainty,
    Pipeline,
    Polarity,
    Span,
    Statement,
    StatementKind,
)
from newsclaims.analyzers.hedges import HedgeDetector, analyze
from newsclaims.analyzers.hedges.grade import negation_cues
from newsclaims.testing import analyses, articles, assert_valid

SEED = Path(__file__).resolve().parent.parent / "seeds" / "000_a7f89c861a905037.txt"


def at(text: str, words: str, nth: int = 0) -> Span:
    """The span of the ``nth`` occurrence of ``words`` in ``text``."""
    start = -1
    for _ in range(nth + 1):
        start = text.index(words, start + 1)
    return Span(start, start + len(words))


def said(
    text: str,
    content: str,
    source: str | None = None,
    cue: str | None = None,
    *,
    id: str = "s1",
    kind: str = "indirect",
    stance: str | None = None,
) -> Statement:
    """An attributed statement whose spans are found by their words."""
    attribution = Attribution(
        source=at(text, source) if source else None,
        cue=at(text, cue) if cue else None,
        stance=stance,
    )
    return Statement(id=id, kind=kind, content=(at(text, content),), attribution=attribution)


def asserted(text: str, content: str | None = None, *, id: str = "s1") -> Statement:
    """The writer's own statement (by default the whole text)."""
    span = at(text, content) if content else Span(0, len(text))
    return Statement(id=id, kind=StatementKind.ASSERTION, content=(span,))


def run(text: str, *statements: Statement, title: str | None = None) -> Analysis:
    return analyze(Analysis(Article(id="t", text=text, title=title), statements=statements))


def cues(result: Analysis) -> list[tuple[str, str]]:
    return [(result.text_of(h.cue), h.kind) for h in result.hedges]


# --- the plugin ------------------------------------------------------------------------------


def test_registered_as_a_builtin_after_the_statements(
    make_pipeline: Callable[..., Pipeline],
) -> None:
    pipeline = make_pipeline()
    names = [a.name for a in pipeline.analyzers]
    (hedges,) = (a for a in pipeline.analyzers if a.name == "hedges")
    assert hedges.plugin == "hedges"
    assert hedges.needs == {"statements"}
    assert hedges.provides == {"hedges", "certainty", "polarity"}
    assert names.index("quotes") < names.index("hedges")


# --- cues of each kind -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The plan may fail.", [("may", "epistemic")]),
        ("The vote could be delayed.", [("could", "epistemic")]),
        ("The talks will probably collapse.", [("probably", "epistemic")]),
        ("It seems the deal is off.", [("seems", "epistemic")]),
        ("The minister appears to have resigned.", [("appears to", "epistemic")]),
        ("It is unclear whether the law applies.", [("unclear", "epistemic")]),
        ("That would be hard to imagine.", [("would be hard to imagine", "epistemic")]),
        ("The company expects profits to fall.", [("expects", "doxastic")]),
        ("I think the law is wrong.", [("think", "doxastic")]),
        ("Police suspect that the fire was set.", [("suspect", "doxastic")]),
        ("If the rebels attack, the town will fall.", [("If", "conditional")]),
        ("Unless talks resume, the strike goes on.", [("Unless", "conditional")]),
        (
            "Police are investigating whether the fire was set.",
            [("investigating whether", "investigation")],
        ),
        (
            "Whether it works remains to be seen.",
            [("Whether", "conditional"), ("remains to be seen", "investigation")],
        ),
        ("The man allegedly stole a car.", [("allegedly", "distancing")]),
        ("The minister reportedly resigned.", [("reportedly", "distancing")]),
        ("The so-called peace plan failed.", [("so-called", "distancing")]),
        ("Troops seized suspected militants.", [("suspected", "distancing")]),
        (
            "The army displayed what it says are captured rockets.",
            [("what it says are", "distancing")],
        ),
        ("She condemned what he called a breach.", [("what he called", "distancing")]),
        ("Critics say the plan is flawed.", [("Critics", "vague_source")]),
        (
            "Senior U.S. officials said the talks failed.",
            [("Senior U.S. officials", "vague_source")],
        ),
        (
            "Some exiled Iranians say it is a wing of the guards.",
            [("Some exiled Iranians", "vague_source")],
        ),
        ("It is said that the minister resigned.", [("It is said", "vague_source")]),
        (
            "People familiar with the talks said they failed.",
            [("People familiar with", "vague_source")],
        ),
        ("About 200 people were killed.", [("About 200", "approximator")]),
        ("Some 3,000 troops arrived.", [("Some 3,000", "approximator")]),
        ("Nearly half the money went abroad.", [("Nearly half", "approximator")]),
        ("Between 20 and 60 militants trained there.", [("Between 20 and 60", "approximator")]),
        ("Between 20-60 militants trained there.", [("Between 20-60", "approximator")]),
        ("Two or three shots were fired.", [("Two or three", "approximator")]),
        ("Scores of soldiers died.", [("Scores of", "approximator")]),
        ("Dozens of protesters gathered.", [("Dozens of", "approximator")]),
        ("The camps are relatively small.", [("relatively small", "approximator")]),
        ("Few, if any, survived.", [("if any", "approximator")]),
        ("The report is clearly wrong.", [("clearly", "booster")]),
        ("Of course, the board agreed.", [("Of course", "booster")]),
        ("There is no doubt the plan works.", [("There is no doubt", "booster")]),
        ("The rebels will almost certainly attack.", [("almost certainly", "epistemic")]),
    ],
)
def test_cue_and_kind(text: str, expected: list[tuple[str, str]]) -> None:
    assert cues(run(text)) == expected


@pytest.mark.parametrize(
    "text",
    [
        "The bridge reopened on May 5.",
        "Talks resumed in May after a pause.",
        "Theresa May met the president.",
        "The parade showed the country's military might.",
        "The suspect was arrested on Monday.",
        "She assumed office in January.",
        "Some of the most direct accusations came on Monday.",
        "He talked about two issues.",
        "He could not be reached for comment.",
        "We have not seen anything that could be accounted for as a change.",
        "She left early so she could catch the train.",
        "Profits rose, as expected.",
        "The think tank published a report.",
        "Please reply as soon as possible.",
        "He chose tea rather than coffee.",
        "Some weapons were seized.",
        "Officials met on Tuesday.",
        "The experts say the bridge is safe.",
        "It looked as if the rain would never stop.",
        "Even if it rains, the match goes on.",
        "The appeal lasted as long as two years.",
        "She alleged that the vote was rigged.",
        "He may.",
        "",
    ],
)
def test_no_hedge(text: str) -> None:
    assert cues(run(text)) == []


def test_may_in_a_title_case_headline_is_the_modal() -> None:
    text = "Iran May Attack Tanker\n\nThe navy is on alert."
    assert cues(run(text, title="Iran May Attack Tanker")) == [("May", "epistemic")]
    text = "Talks To Resume In May\n\nThe parties agreed on Monday."
    assert cues(run(text, title="Talks To Resume In May")) == []


def test_boilerplate_after_the_body_is_not_searched() -> None:
    text = "Title\n\nThe plan may fail.\n\nWe think so.\n\nCheck Also\n\nMarkets may rally"
    assert cues(run(text, title="Title")) == [("may", "epistemic"), ("think", "doxastic")]


# --- scope and holder ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "cue", "scope"),
    [
        ("The plan may fail, but the talks will go on.", "may", "may fail"),
        ("The plan may fail; talks go on.", "may", "may fail"),
        ("Analysts believe that the rate will rise.", "believe", "the rate will rise"),
        ("Prices are expected to rise, analysts said.", "expected", "to rise"),
        ("If the rebels attack, the town will fall.", "If", "If the rebels attack"),
        ("Between 20-60 militants were trained.", "Between 20-60", "Between 20-60 militants"),
        (
            "He said the camps were relatively small ones.",
            "relatively small",
            "relatively small ones",
        ),
        (
            "“That would be hard to imagine,” Bergner said.",
            "would be hard to imagine",
            "would be hard to imagine",
        ),
    ],
)
def test_scope(text: str, cue: str, scope: str) -> None:
    result = run(text)
    (hedge,) = (h for h in result.hedges if result.text_of(h.cue) == cue)
    assert hedge.scope is not None
    assert result.text_of(hedge.scope) == scope


def test_holder_is_the_source_inside_attributed_content_and_the_writer_elsewhere() -> None:
    text = "Critics say the plan may fail. The man allegedly stole a car."
    result = run(
        text,
        said(text, "the plan may fail", "Critics", "say", id="s1"),
        asserted(text, "The man allegedly stole a car.", id="s2"),
    )
    holders = {result.text_of(h.cue): h.holder.value for h in result.hedges}
    assert holders == {"Critics": "writer", "may": "source", "allegedly": "writer"}


def test_ids_in_text_order_and_statements_point_at_them() -> None:
    text = "Military experts and some exiled Iranians say it may be a wing of the guards."
    s = said(
        text, "it may be a wing of the guards", "Military experts and some exiled Iranians", "say"
    )
    result = run(text, s)
    assert [h.id for h in result.hedges] == ["h1", "h2", "h3"]
    assert cues(result) == [
        ("Military experts", "vague_source"),
        ("some exiled Iranians", "vague_source"),
        ("may", "epistemic"),
    ]
    (statement,) = result.statements
    assert statement.hedges == ("h1", "h2", "h3")
    assert_valid(result)


def test_a_vague_plural_named_as_source_by_the_quote_finder_is_a_vague_source() -> None:
    # No verb of saying follows, but the statement's attribution names the group as source.
    text = "According to some diplomats, talks failed."
    result = run(text, said(text, "talks failed", "some diplomats", "According to"))
    assert cues(result) == [("some diplomats", "vague_source")]
    assert result.statements[0].hedges == ("h1",)


# --- certainty -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "certainty"),
    [
        ("The plan works.", "certain"),
        ("The plan clearly works.", "certain"),
        ("The plan may work.", "possible"),
        ("The plan likely works.", "probable"),
        ("The plan will probably work but may fail.", "possible"),  # the weakest grade wins
        ("If funds arrive, the plan works.", "underspecified"),
        ("If funds arrive, the plan will likely work.", "probable"),  # stronger than a condition
        ("It is unclear whether the plan works.", "underspecified"),
        ("About 200 people were hurt.", "certain"),  # an approximator grades a number
        ("Scores of soldiers were hurt.", "certain"),
        ("The man allegedly stole a car.", "underspecified"),  # the writer is uncommitted
        ("The army showed what it says are rockets.", "certain"),  # one noun phrase distanced
        ("The deal is unlikely to pass.", "probable"),
    ],
)
def test_certainty_of_the_writers_assertion(sentence: str, certainty: str) -> None:
    (statement,) = run(sentence, asserted(sentence)).statements
    assert statement.certainty.value == certainty


def test_vague_source_does_not_lower_certainty_but_a_belief_verb_does() -> None:
    text = "Critics say the plan fails. Analysts believe the rate will rise."
    result = run(
        text,
        said(text, "the plan fails", "Critics", "say", id="s1"),
        said(text, "the rate will rise", "Analysts", "believe", id="s2"),
    )
    assert [s.certainty for s in result.statements] == [Certainty.CERTAIN, Certainty.PROBABLE]


def test_a_nested_quotation_keeps_its_hedge_from_the_outer_statement() -> None:
    text = "The minister said on Monday that prices may rise."
    outer = asserted(text, id="s1")
    inner = said(text, "prices may rise", "The minister", "said", id="s2")
    result = run(text, outer, inner)
    assert [s.hedges for s in result.statements] == [("h1",), ("h1",)]
    assert [s.certainty for s in result.statements] == [Certainty.CERTAIN, Certainty.POSSIBLE]


def test_statement_without_hedges_is_left_as_it_was() -> None:
    text = "The plan works."
    statement = asserted(text)
    (result,) = run(text, statement).statements
    assert result is statement


# --- polarity --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "polarity", "certainty"),
    [
        ("Iran does not officially acknowledge the force.", "negative", "certain"),
        ("We haven't seen any improvement.", "negative", "certain"),
        ("Nobody was hurt.", "negative", "certain"),
        ("Neither side nor its allies agreed.", "negative", "certain"),
        ("He never denied it.", "negative", "certain"),
        ("If the deal fails, we will not pay.", "negative", "underspecified"),
        ("He left because he did not like it.", "positive", "certain"),
        ("Officials, who did not give names, confirmed the attack.", "positive", "certain"),
        ("Not only did prices rise, wages fell.", "positive", "certain"),
        ("The deal is not unlikely to pass.", "positive", "probable"),
        ("There is no doubt the plan works.", "positive", "certain"),
        ("It is not clear whether it works.", "positive", "underspecified"),
        ("The team is No. 1 in the league.", "positive", "certain"),
        ("The deal is unlikely to pass.", "negative", "probable"),
        ("He denied that he took the money.", "negative", "certain"),
    ],
)
def test_polarity_is_kept_apart_from_certainty(
    sentence: str, polarity: str, certainty: str
) -> None:
    (statement,) = run(sentence, asserted(sentence)).statements
    assert (statement.polarity.value, statement.certainty.value) == (polarity, certainty)


def test_a_denial_cue_makes_the_denied_content_negative() -> None:
    text = "The minister denied taking bribes."
    s = said(text, "taking bribes", "The minister", "denied", stance="denial")
    (statement,) = run(text, s).statements
    assert statement.polarity is Polarity.NEGATIVE


# --- the seed article --------------------------------------------------------------------------


def test_seed_cues_without_any_statements() -> None:
    text = SEED.read_text(encoding="utf-8")
    result = run(text, title=text.split("\n", 1)[0])
    found = cues(result)
    for expected in [
        ("Military experts", "vague_source"),
        ("some exiled Iranians", "vague_source"),
        ("would be hard to imagine", "epistemic"),
        ("relatively small", "approximator"),
        ("Between 20-60", "approximator"),
        ("what it says are", "distancing"),
        ("scores of", "approximator"),
    ]:
        assert expected in found
    # Negation is polarity, not a hedge; the modal in "anything that could be accounted
    # for" describes a thing; the related-story box after "Check Also" is not the article.
    assert not any(c in ("not", "could", "does not") for c, _ in found)
    assert all(h.cue.end < text.index("Check Also") for h in result.hedges)


# --- properties ------------------------------------------------------------------------------


@settings(deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(articles())
def test_any_article_gives_valid_hedges(article: Article) -> None:
    result = analyze(Analysis(article))
    assert_valid(result)
    text = article.text
    for hedge in result.hedges:
        assert 0 <= hedge.cue.start < hedge.cue.end <= len(text)
        assert hedge.scope is None or hedge.scope.end <= len(text)
    starts = [h.cue.start for h in result.hedges]
    assert starts == sorted(starts)
    assert [h.id for h in result.hedges] == [f"h{i}" for i in range(1, len(starts) + 1)]


@settings(deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(analyses())
def test_any_analysis_with_statements_stays_valid(analysis: Analysis) -> None:
    result = analyze(analysis)
    assert_valid(result)
    hedge_ids = {h.id for h in result.hedges}
    assert all(h in hedge_ids for s in result.statements for h in s.hedges)
    assert [s.id for s in result.statements] == [s.id for s in analysis.statements]


def test_time_grows_linearly_with_cues_in_one_long_sentence() -> None:
    # One sentence with no full stop and a cue every other word: the worst case for
    # per-sentence work. Ten times the text must not take anywhere near a hundred times.
    def seconds(n: int) -> float:
        text = "if it may not rain, some people say about 20 or 30 " * n
        statement = Statement(id="s1", kind="assertion", content=(Span(0, len(text)),))
        start = time.perf_counter()
        run(text, statement)
        return time.perf_counter() - start

    seconds(50)  # warm up
    small, large = seconds(200), seconds(2000)
    assert large < 30 * small + 0.5


# --- the news-only kinds on real news: PolNeAR train sentences -------------------------------

POLNEAR_TRAIN = Path(__file__).resolve().parent.parent.parent / "shared" / "data" / "polnear"
POLNEAR_TRAIN = POLNEAR_TRAIN / "train" / "text"
needs_polnear = pytest.mark.skipif(
    not POLNEAR_TRAIN.is_dir(), reason="PolNeAR train texts not found in ../shared/data"
)


@pytest.fixture(scope="module")
def polnear_pipeline() -> Pipeline:
    return Pipeline(autoload=False)


def polnear_hedges(pipeline: Pipeline, name: str, sentence: str) -> list[tuple[str, str]]:
    """(cue text, kind) of each hedge the pipeline finds in the PolNeAR train article
    ``name``, in the one sentence that starts with ``sentence``."""
    from newsclaims.readers import read

    (article,) = list(read(POLNEAR_TRAIN / name))
    assert isinstance(article, Article)
    analysis = pipeline.analyze(article)
    (region,) = [
        s
        for s in analysis.layout.sentences
        if analysis.text_of(s).lstrip(' "“').startswith(sentence)
    ]
    return [(analysis.text_of(h.cue), h.kind) for h in analysis.hedges if region.contains(h.cue)]


@needs_polnear
@pytest.mark.parametrize(
    ("name", "sentence", "cue", "kind"),
    [
        # distancing: the writer does not vouch for a name or a claim
        ("politico_2015-12-28_are-democrats-crippling-obamacar.txt", "By voting to delay",
         "so-called", "distancing"),
        ("breitbart_2016-04-24_anti-trump-groups-launch-ads-in-.txt", "The Club for Growth is",
         "reportedly", "distancing"),
        ("usa-today_2015-12-22_in-brief.txt", "U.S. District Magistrate", "allegedly",
         "distancing"),
        ("wash-post_2016-02-21_oregon-occupier-uses-st-amendmen.txt", "PORTLAND", "self-styled",
         "distancing"),
        ("wash-post_2016-06-09_party-aims-to-heal-primary-wound.txt", "Clinton said Wednesday",
         "what she called", "distancing"),
        # vague_source: an unnamed plural or impersonal source, several words
        ("politico_2015-11-24_clinton-s-iowa-dilemma.txt", "Many observers expect",
         "Many observers", "vague_source"),
        ("nyt_2016-08-18_trump-hires-conservative-website.txt", "People briefed on the move",
         "People briefed on", "vague_source"),
        ("politico_2015-12-28_are-democrats-crippling-obamacar.txt", "Others say",
         "Others say", "vague_source"),
        ("politico_2015-12-28_are-democrats-crippling-obamacar.txt", "Administration officials",
         "Administration officials", "vague_source"),
        ("wash-post_2016-02-21_oregon-occupier-uses-st-amendmen.txt", "Although Reynolds",
         "others argue", "vague_source"),
        # approximator: a loose quantity
        ("wash-post_2016-04-09_trump-s-new-go-to-guy-no-strange.txt", "There's only a handful",
         "a handful of", "approximator"),
        ("wash-post_2016-04-09_trump-s-new-go-to-guy-no-strange.txt", "Paul has been involved",
         "almost all", "approximator"),
        ("huff-post_2016-06-09_clinton-and-sanders-aren-t-butti.txt", "Dozens of them",
         "Dozens of", "approximator"),
        ("usa-today_2016-02-02_maybe-trump-hasn-t-rewritten-rul.txt", "Cruz's campaign",
         "almost $19 million", "approximator"),
        # booster: the holder stresses certainty
        ("wash-post_2016-06-09_party-aims-to-heal-primary-wound.txt", "Clinton will need",
         "no doubt", "booster"),
        ("wash-post_2016-06-09_party-aims-to-heal-primary-wound.txt", "He is certainly",
         "certainly", "booster"),
        ("politico_2015-11-09_sanders-endorsements-prove-clint.txt", "Obviously, Bernie",
         "Obviously", "booster"),
        ("usa-today_2016-01-12_energy-guns-top-young-voters-age.txt", "By an overwhelming",
         "surely", "booster"),
        ("wash-post_2016-04-23_one-policy-that-trump-seems-to-u.txt", "None of this",
         "of course", "booster"),
    ],
)  # fmt: skip
def test_news_only_kinds_in_polnear_train(
    polnear_pipeline: Pipeline, name: str, sentence: str, cue: str, kind: str
) -> None:
    assert (cue, kind) in polnear_hedges(polnear_pipeline, name, sentence)


@needs_polnear
def test_clear_about_one_thing_is_no_approximation(polnear_pipeline: Pipeline) -> None:
    found = polnear_hedges(
        polnear_pipeline, "nyt_2016-03-16_via-legislative-side-doors-sande.txt", "As Democrats"
    )
    assert "approximator" not in {kind for _, kind in found}


# --- profiles ---------------------------------------------------------------------------------


def test_unknown_profile_is_refused_naming_the_known_ones() -> None:
    with pytest.raises(ValueError, match="known: news, bio"):
        HedgeDetector("legal")


def test_the_bio_profile_knows_biomedical_cues_the_news_default_lacks() -> None:
    text = "These data indicate that p53 is a putative regulator of the pathway."
    news = [(text[f.cue.start : f.cue.end], f.kind) for f in HedgeDetector().find(text)]
    bio = [(text[f.cue.start : f.cue.end], f.kind) for f in HedgeDetector("bio").find(text)]
    assert news == []
    assert ("putative", "epistemic") in bio
    assert ("indicate that", "epistemic") in bio


def test_the_bio_profile_keeps_the_news_only_kinds_and_the_lexicons_kinds() -> None:
    text = "If the cells were reportedly treated, about 20 colonies may form."
    found = {(text[f.cue.start : f.cue.end], f.kind) for f in HedgeDetector("bio").find(text)}
    assert {("reportedly", "distancing"), ("about 20", "approximator")} <= found
    assert ("may", "epistemic") in found


def test_the_pipeline_uses_the_news_profile() -> None:
    text = "These data indicate that p53 is a putative regulator."
    result = run(text, asserted(text))
    assert cues(result) == []
    assert result.statements[0].certainty is Certainty.CERTAIN


# --- negation cues ----------------------------------------------------------------------------


def test_negation_cues_are_whole_words_and_skip_idioms() -> None:
    text = "I can't say it was not only good; they denied that. No one came. No. 1 won."
    assert [text[s.start : s.end] for s in negation_cues(text)] == ["can't", "denied", "No"]
