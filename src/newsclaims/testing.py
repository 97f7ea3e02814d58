"""Hypothesis strategies and checks for testing newsclaims analyzers and plugins.

This module needs `Hypothesis <https://hypothesis.readthedocs.io>`_, which is a test
dependency of newsclaims and not a runtime one (``pip install 'newsclaims[test]'``).
Use it in a plugin's own tests to check that an analyzer survives any text::

    from hypothesis import given, settings
    from newsclaims import Pipeline
    from newsclaims.testing import articles, assert_valid

    pipeline = Pipeline(plugins=[my_plugin], autoload=False)

    @settings(deadline=None)
    @given(articles())
    def test_my_plugin_survives_any_article(article):
        assert_valid(pipeline.analyze(article))

:func:`texts` draws news-like text: words and sentences with straight and curly quotation
marks (balanced or not), colons, dashes, abbreviations, blank lines and the odd stretch of
arbitrary Unicode. :func:`articles` wraps it in an :class:`~newsclaims.model.Article`,
sometimes with a headline as the txt reader makes one. :func:`analyses` draws complete,
valid :class:`~newsclaims.model.Analysis` values (statements, hedges and entities whose spans
lie inside the text and whose ids are consistent), for serialisation round trips.
:func:`assert_valid` checks an analysis the way a user would.
"""

from __future__ import annotations

from collections.abc import Sequence

from hypothesis import strategies as st

from newsclaims.model import (
    Analysis,
    Article,
    Attribution,
    Certainty,
    Entity,
    Hedge,
    HedgeHolder,
    Polarity,
    Problem,
    Span,
    Speaker,
    SpeakerKind,
    Statement,
    StatementKind,
)

__all__ = ["analyses", "articles", "assert_valid", "spans", "texts"]

_VOCABULARY = (
    "the a of to in and on for that with by from said says told added according asked "
    "military officials government minister police spokesman reporters Monday Tuesday "
    "would could may might not never believed alleged reportedly about some most three "
    "20-60 2007 $5 million 24 percent Iran Iraq Tehran Baghdad Bergner Kevin Khamenei "
    "U.S. U.K. Gen. Brig. Mr. Mrs. Dr. Sen. John F. Kennedy He She They It We I It's "
    "Shi’ite Brigadier-General Qods Force Reuters AP — – - : ; , . ? ! … ( )"
)
_WORDS = tuple(_VOCABULARY.split())
_QUOTES = ("“", "”", '"', "‘", "’", "'", "«", "»", "``", "''")
_SEPARATORS = (" ", " ", " ", "\n", "\n\n", "\n \n", "\r\n", "\t", "\u00a0", "\n\n\n")
_SPEAKERS = ("he said", "she said", "Bergner said", "a spokesman told Reuters", "they say")
_BOILERPLATE = ("Check Also", "Related stories", "Read more:", "Advertisement")

# Any Unicode, surrogates excepted (a Python str from a file or a JSON document never holds
# a lone surrogate; the model would accept one, but no encoder could write it back out).
_ANY_TEXT = st.text(st.characters(exclude_categories=["Cs"]), max_size=12)
_WORD = st.one_of(
    st.sampled_from(_WORDS),
    st.text(st.characters(categories=["L", "Nd"]), min_size=1, max_size=8),
)


@st.composite
def _sentence(draw: st.DrawFn) -> str:
    words = draw(st.lists(_WORD, min_size=1, max_size=12))
    body = " ".join(words)
    shape = draw(st.integers(0, 5))
    end = draw(st.sampled_from(".?!…:") | st.just(""))
    if shape == 0:  # "Quote," he said.
        return f"“{body},” {draw(st.sampled_from(_SPEAKERS))}."
    if shape == 1:  # He said: "Quote."
        speaker = draw(st.sampled_from(_SPEAKERS))
        return f'{speaker.capitalize()}: {draw(st.sampled_from(_QUOTES))}{body}{end}"'
    if shape == 2:  # an unclosed or unopened quotation
        mark = draw(st.sampled_from(_QUOTES))
        return f"{mark}{body}{end}" if draw(st.booleans()) else f"{body}{end}{mark}"
    return f"{body[:1].upper()}{body[1:]}{end}"


_PIECE = st.one_of(
    _sentence(),
    _WORD,
    st.sampled_from(_QUOTES),
    st.sampled_from(_SEPARATORS),
    st.sampled_from(_BOILERPLATE),
    _ANY_TEXT,
)


@st.composite
def _joined(draw: st.DrawFn, max_pieces: int) -> str:
    pieces = draw(st.lists(_PIECE, max_size=max_pieces))
    out: list[str] = []
    for piece in pieces:
        out.append(piece)
        out.append(draw(st.sampled_from(_SEPARATORS)))
    return "".join(out[:-1])


def texts(*, max_pieces: int = 40) -> st.SearchStrategy[str]:
    """News-like text, from empty to a few paragraphs, shrinking towards simpler text.

    Draws from sentences with quotations and speech verbs, stray and unbalanced quotation
    marks (“ ” " ‘ ’ ' « » `` ''), colons, dashes, abbreviations ("U.S.", "Gen."), blank
    lines, CRLF and non-breaking spaces, boilerplate headings ("Check Also") and short runs
    of arbitrary Unicode. ``max_pieces`` bounds the number of sentences and fragments.
    """
    return _joined(max_pieces)


_IDS = st.text(st.characters(categories=["L", "Nd"], max_codepoint=0x17F), min_size=1, max_size=12)


@st.composite
def _article(draw: st.DrawFn, text: st.SearchStrategy[str]) -> Article:
    body = draw(text)
    title: str | None = None
    if draw(st.booleans()):
        # As the .txt reader does: a first line followed by a blank line is the title.
        title = draw(st.lists(_WORD, min_size=1, max_size=8).map(" ".join))
        body = f"{title}\n\n{body}"
    elif draw(st.booleans()):
        title = draw(st.none() | _ANY_TEXT)  # a title that is not in the text
    optional = st.none() | _ANY_TEXT
    return Article(
        id=draw(_IDS),
        text=body,
        title=title,
        url=draw(st.none() | st.just("https://example.com/news/1")),
        published=draw(st.none() | st.sampled_from(("2007-07-02", "2007-07-02T10:00:00Z"))),
        outlet=draw(optional),
        language=draw(st.sampled_from(("en", "en-GB"))),
        metadata=draw(
            st.dictionaries(st.sampled_from(("source", "section")), _ANY_TEXT, max_size=2)
        ),
    )


def articles(*, text: st.SearchStrategy[str] | None = None) -> st.SearchStrategy[Article]:
    """Articles with text from :func:`texts` (or ``text``) and random optional fields.

    About half have a ``title`` that the text begins with, followed by a blank line, as the
    ``.txt`` reader makes them; some have a title that is not in the text at all.
    """
    return _article(texts() if text is None else text)


def spans(text: str) -> st.SearchStrategy[Span]:
    """Spans inside ``text``: ``0 <= start <= end <= len(text)``, empty ones included."""

    @st.composite
    def draw_span(draw: st.DrawFn) -> Span:
        start = draw(st.integers(0, len(text)))
        return Span(start, draw(st.integers(start, len(text))))

    return draw_span()


@st.composite
def _analysis(draw: st.DrawFn, article: st.SearchStrategy[Article]) -> Analysis:
    art = draw(article)
    span = spans(art.text)
    many_spans = st.lists(span, min_size=1, max_size=3).map(lambda s: tuple(sorted(s)))
    labels = st.text(st.characters(categories=["Ll"], max_codepoint=0x7F), min_size=1)

    hedges = tuple(
        Hedge(
            id=f"h{i}",
            cue=draw(span),
            kind=draw(st.sampled_from(("epistemic", "doxastic", "booster")) | labels),
            scope=draw(st.none() | span),
            holder=draw(st.sampled_from(HedgeHolder)),
        )
        for i in range(1, draw(st.integers(0, 3)) + 1)
    )
    entities = tuple(
        Entity(
            id=f"e{i}",
            name=draw(_ANY_TEXT),
            type=draw(st.sampled_from(("PERSON", "ORG", "GPE")) | labels),
            wikidata=draw(st.none() | st.integers(1, 10**8).map(lambda n: f"Q{n}")),
            mentions=draw(st.lists(span, max_size=3)),
        )
        for i in range(1, draw(st.integers(0, 3)) + 1)
    )
    hedge_ids = [h.id for h in hedges]
    entity_ids = [e.id for e in entities]

    def subset(ids: Sequence[str]) -> tuple[str, ...]:
        return tuple(draw(st.lists(st.sampled_from(ids), unique=True))) if ids else ()

    statements = []
    for i in range(1, draw(st.integers(0, 4)) + 1):
        kind = draw(st.sampled_from(StatementKind))
        attribution = None
        if kind is not StatementKind.ASSERTION and draw(st.booleans()):
            speaker = None
            if draw(st.booleans()):
                speaker = Speaker(
                    name=draw(_ANY_TEXT),
                    kind=draw(st.sampled_from(SpeakerKind)),
                    entity=draw(st.sampled_from(entity_ids)) if entity_ids else None,
                    role=draw(st.none() | _ANY_TEXT),
                    title=draw(st.none() | _ANY_TEXT),
                )
            attribution = Attribution(
                source=draw(st.none() | span),
                cue=draw(st.none() | span),
                speaker=speaker,
                stance=draw(st.none() | st.sampled_from(("neutral", "assertive", "denial"))),
            )
        statements.append(
            Statement(
                id=f"s{i}",
                kind=kind,
                content=draw(many_spans),
                attribution=attribution,
                hedges=subset(hedge_ids),
                certainty=draw(st.sampled_from(Certainty)),
                polarity=draw(st.sampled_from(Polarity)),
                entities=subset(entity_ids),
                tags=draw(st.lists(st.sampled_from(("number", "money", "percent")), unique=True)),
            )
        )
    problems = draw(
        st.lists(
            st.builds(
                Problem,
                analyzer=st.sampled_from(("quotes", "hedges", "numbers")),
                message=_ANY_TEXT,
                plugin=st.none() | st.just("numbers"),
            ),
            max_size=2,
        )
    )
    return Analysis(art, statements, hedges, entities, problems)


def analyses(*, article: st.SearchStrategy[Article] | None = None) -> st.SearchStrategy[Analysis]:
    """Valid analyses of articles from :func:`articles` (or ``article``), for round trips.

    Statements, hedges, entities and problems are random but consistent: every span lies in
    the text, ids are unique (``s1``, ``h1``, ``e1``, ...), every id a statement or speaker
    refers to exists, and assertions carry no attribution. The content is random, not
    linguistically sensible: use these to test code that stores or transforms analyses,
    and :func:`articles` to test analyzers.
    """
    return _analysis(articles() if article is None else article)


def assert_valid(analysis: Analysis) -> None:
    """Check ``analysis`` as a user of its results would, raising ``AssertionError`` if not.

    Every span must lie inside the article's text (``0 <= start <= end <= len(text)``);
    statement, hedge and entity ids must be unique; every hedge, entity and speaker entity
    a statement refers to must exist; and an assertion (the writer's own statement) must
    carry no attribution. All failures are listed in the message, not only the first.
    """
    errors: list[str] = []
    n = len(analysis.article.text)
    for where, span in analysis.spans():
        if not (0 <= span.start <= span.end <= n):
            errors.append(f"{where}: [{span.start}, {span.end}) is not inside the text ({n})")
    ids: dict[str, set[str]] = {}
    for what, items in (
        ("statement", analysis.statements),
        ("hedge", analysis.hedges),
        ("entity", analysis.entities),
    ):
        seen: set[str] = set()
        ids[what] = seen
        for item in items:
            if item.id in seen:
                errors.append(f"{what} id {item.id!r} is used twice")
            seen.add(item.id)
    for s in analysis.statements:
        errors.extend(
            f"statement {s.id}: refers to hedge {h!r}, which does not exist"
            for h in s.hedges
            if h not in ids["hedge"]
        )
        errors.extend(
            f"statement {s.id}: refers to entity {e!r}, which does not exist"
            for e in s.entities
            if e not in ids["entity"]
        )
        speaker = s.speaker
        if speaker is not None and speaker.entity not in (None, *ids["entity"]):
            errors.append(f"statement {s.id}: speaker entity {speaker.entity!r} does not exist")
        if s.kind is StatementKind.ASSERTION and s.attribution is not None:
            errors.append(f"statement {s.id}: an assertion has an attribution")
    if errors:
        raise AssertionError("invalid analysis:\n  " + "\n  ".join(errors))
