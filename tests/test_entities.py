"""The built-in entity linker: mentions, clusters, Wikidata ids, and statements tied to them.

Tests run the ``entities`` analyzer on analyses built by hand (statements included), so
they do not depend on what the quote finder happens to find.
"""

from __future__ import annotations

import re
import time
from pathlib import Path

import pytest
from hypothesis import given, settings

from newsclaims import (
    Analysis,
    Article,
    Attribution,
    Entity,
    Pipeline,
    Span,
    Speaker,
    SpeakerKind,
    Statement,
)
from newsclaims.analyzers.entities import analyze
from newsclaims.analyzers.entities.kb import default_kb, parse_table
from newsclaims.readers import read
from newsclaims.testing import articles, assert_valid

SEED = Path(__file__).parent.parent / "seeds" / "000_a7f89c861a905037.txt"


def run(text: str, title: str | None = None, statements: tuple[Statement, ...] = ()) -> Analysis:
    return analyze(Analysis(Article(id="t", text=text, title=title), statements=statements))


def entity(analysis: Analysis, name: str) -> Entity:
    hits = [e for e in analysis.entities if e.name == name]
    assert len(hits) == 1, f"{len(hits)} entities named {name!r}: {names(analysis)}"
    return hits[0]


def names(analysis: Analysis) -> list[str]:
    return [e.name for e in analysis.entities]


def said(analysis: Analysis, e: Entity) -> list[str]:
    """The words of each mention of ``e``."""
    return [analysis.text_of(m) for m in e.mentions]


def span(text: str, words: str, nth: int = 0) -> Span:
    """The span of the ``nth`` occurrence of ``words`` as whole words in ``text``."""
    found = list(re.finditer(rf"(?<!\w){re.escape(words)}(?!\w)", text))
    return Span(found[nth].start(), found[nth].end())


# -- the seed article -----------------------------------------------------------------


@pytest.fixture(scope="module")
def seed() -> Analysis:
    (article,) = list(read(SEED))
    return analyze(Analysis(article))


@pytest.mark.parametrize(
    ("name", "qid", "mentions"),
    [
        ("Iran", "Q794", {"Iran", "Iranian"}),
        ("Iraq", "Q796", {"Iraq", "Iraqi"}),
        ("United States", "Q30", {"U.S.", "United States"}),
        ("United States Armed Forces", "Q11211", {"U.S. military", "The military"}),
        ("Quds Force", "Q311381", {"Qods Force"}),
        ("Islamic Revolutionary Guard Corps", "Q271110", {"Revolutionary Guards"}),
        ("Ali Khamenei", "Q57336", {"Ali Khamenei", "Khamenei"}),
        ("Kevin Bergner", None, {"Kevin Bergner", "Bergner"}),
        ("Hezbollah", "Q41053", {"Hezbollah"}),
        ("Tehran", "Q3616", {"Tehran"}),
        ("Baghdad", "Q1530", {"Baghdad"}),
        ("Lebanon", "Q822", {"Lebanese"}),
    ],
)
def test_seed_entities_match_the_expected_table(
    seed: Analysis, name: str, qid: str | None, mentions: set[str]
) -> None:
    e = entity(seed, name)
    assert e.wikidata == qid
    assert set(said(seed, e)) == mentions


def test_seed_has_no_entity_for_capitalised_common_words_or_boilerplate(seed: Analysis) -> None:
    assert len(seed.entities) == 12, names(seed)
    # "Iran’s" is a mention of Iran, without the possessive
    iran = entity(seed, "Iran")
    assert "Iran’s" in [seed.text[m.start : m.end + 2] for m in iran.mentions]
    # the related-story box after "Check Also" names Russia; the article does not
    assert "Russia" not in names(seed)


def test_seed_entities_are_numbered_in_order_of_first_mention(seed: Analysis) -> None:
    assert [e.id for e in seed.entities] == [f"e{i}" for i in range(1, 13)]
    firsts = [e.mentions[0].start for e in seed.entities]
    assert firsts == sorted(firsts)
    assert names(seed)[:4] == ["Iran", "Quds Force", "Iraq", "United States"]


def test_the_whole_pipeline_links_the_seeds_speakers() -> None:
    (article,) = list(read(SEED))
    analysis = Pipeline(autoload=False, strict=True).analyze(article)
    bergner = entity(analysis, "Kevin Bergner")
    military = entity(analysis, "United States Armed Forces")
    by_speaker = {
        s.speaker.name: s.speaker.entity for s in analysis.statements if s.speaker is not None
    }
    assert by_speaker["Kevin Bergner"] == bergner.id
    assert by_speaker["U.S. military"] == military.id
    assert {"He", "he"} <= set(said(analysis, bergner))


# -- mentions -------------------------------------------------------------------------


def test_a_country_its_demonym_and_possessive_are_one_entity() -> None:
    a = run("Iran’s envoy met Iranian exiles. Iran's army and Iran denied it.")
    iran = entity(a, "Iran")
    assert iran.wikidata == "Q794"
    assert said(a, iran) == ["Iran", "Iranian", "Iran", "Iran"]
    assert names(a) == ["Iran"]  # "exiles" and "Iranians" are people, not the country


def test_plural_demonyms_are_not_the_country() -> None:
    a = run("Some exiled Iranians say the Lebanese militia is strong.")
    assert names(a) == ["Lebanon"]


def test_titles_and_roles_are_split_off_person_names() -> None:
    a = run(
        "Iran's top authority, Supreme Leader Ayatollah Ali Khamenei, spoke. "
        "Military spokesman Brigadier-General Kevin Bergner told reporters. "
        "Asked about it, Bergner said Khamenei knew."
    )
    khamenei = entity(a, "Ali Khamenei")
    assert khamenei.wikidata == "Q57336"
    assert said(a, khamenei) == ["Ali Khamenei", "Khamenei"]
    bergner = entity(a, "Kevin Bergner")
    assert (bergner.type, bergner.wikidata) == ("person", None)
    assert said(a, bergner) == ["Kevin Bergner", "Bergner"]
    assert not {"Supreme Leader", "Ayatollah", "Brigadier-General", "Military", "Asked"} & set(
        names(a)
    )


def test_sentence_initial_capitals_are_not_entities() -> None:
    a = run("The talks failed. But officials said. Asked why, nobody answered. Senior aides left.")
    assert a.entities == ()


def test_a_surname_joins_the_full_name_even_before_it() -> None:
    # alone and opening the text, an unknown word is no evidence of a name
    assert run("Bergner says camps exist").entities == ()
    a = run("Bergner: camps exist\n\nGeneral Kevin Bergner said so. Bergner added more.")
    bergner = entity(a, "Kevin Bergner")
    assert said(a, bergner) == ["Bergner", "Kevin Bergner", "Bergner"]


def test_famous_people_are_linked_by_full_name_or_surname() -> None:
    a = run("President Barack Obama met Vladimir Putin. Obama said Putin agreed.")
    assert [(e.name, e.wikidata) for e in a.entities] == [
        ("Barack Obama", "Q76"),
        ("Vladimir Putin", "Q7747"),
    ]
    assert said(a, entity(a, "Barack Obama")) == ["Barack Obama", "Obama"]


def test_someone_else_with_a_famous_surname_is_not_linked() -> None:
    a = run("Laura Bush spoke, and Keron Blair, an organiser, answered. Blair said no.")
    assert entity(a, "Laura Bush").wikidata is None
    blair = entity(a, "Keron Blair")
    assert (blair.wikidata, said(a, blair)) == (None, ["Keron Blair", "Blair"])
    assert "Tony Blair" not in names(a)


def test_acronyms_and_dotted_abbreviations() -> None:
    a = run("The U.N. Security Council met. The UN and the U.S. disagreed; the US said so.")
    assert entity(a, "United Nations Security Council").wikidata == "Q37470"
    assert said(a, entity(a, "United Nations")) == ["UN"]
    us = entity(a, "United States")
    assert said(a, us) == ["U.S.", "US"]
    assert "United States" not in names(run("He told us about it."))


def test_a_place_that_begins_a_longer_name_is_not_linked_there() -> None:
    a = run(
        "The Miami Dolphins beat the New York Jets. Texas Gov. Greg Abbott spoke in Miami, "
        "and so did Georgia Smith."
    )
    assert entity(a, "Miami Dolphins").wikidata is None
    assert entity(a, "New York Jets").wikidata is None
    assert said(a, entity(a, "Miami")) == ["Miami"]  # the city, named alone
    assert entity(a, "Texas").wikidata == "Q1439"  # a title after the place starts no name
    assert "Georgia Smith" in names(a)


def test_aliases_of_one_item_are_one_entity() -> None:
    a = run(
        "The Qods Force, also spelt Quds Force, answers to the IRGC and the Revolutionary Guards."
    )
    assert said(a, entity(a, "Quds Force")) == ["Qods Force", "Quds Force"]
    assert said(a, entity(a, "Islamic Revolutionary Guard Corps")) == [
        "IRGC",
        "Revolutionary Guards",
    ]


def test_an_acronym_in_brackets_joins_the_name_before_it() -> None:
    a = run("The National Iranian Oil Refining Company (NIORC) said output rose. NIORC denied it.")
    company = entity(a, "National Iranian Oil Refining Company")
    assert said(a, company) == ["National Iranian Oil Refining Company", "NIORC", "NIORC"]


def test_the_military_joins_the_armed_force_the_article_named() -> None:
    a = run("The U.S. military said it had proof. The military says bombs killed soldiers.")
    forces = entity(a, "United States Armed Forces")
    assert forces.wikidata == "Q11211"
    assert said(a, forces) == ["U.S. military", "The military"]
    assert run("The military says it had proof.").entities == ()
    # "the military spokesman" is a spokesman, not the military
    a = run("The U.S. military was there. The military spokesman left.")
    assert said(a, entity(a, "United States Armed Forces")) == ["U.S. military"]


def test_a_militia_is_found_inside_its_description() -> None:
    a = run("He worked with the Iranian-backed Lebanese Shi'ite militia group Hezbollah.")
    assert [(e.name, said(a, e)) for e in a.entities] == [
        ("Iran", ["Iranian"]),
        ("Lebanon", ["Lebanese"]),
        ("Hezbollah", ["Hezbollah"]),
    ]


@pytest.mark.parametrize(
    ("text", "qid"),
    [
        ("Georgia voted as Florida and Ohio did; Atlanta was calm.", "Q1428"),
        ("Russia and Ukraine warned Georgia; Tbilisi was calm.", "Q230"),
        ("Protests spread in Georgia.", "Q230"),  # no context: the more prominent one
    ],
)
def test_homonyms_go_to_the_referent_the_context_supports(text: str, qid: str) -> None:
    assert entity(run(text), "Georgia").wikidata == qid


def test_washington_is_the_capital_unless_the_article_says_otherwise() -> None:
    assert entity(run("Officials in Washington denied it."), "Washington, D.C.").wikidata == "Q61"


def test_a_title_case_headline_adds_no_phrases_the_body_does_not_repeat() -> None:
    title = "Stealth Over Health: Hillary Clinton Was Headed to ER"
    a = run(f"{title}\n\nHillary Clinton was taken home, sources said.", title=title)
    assert names(a) == ["Hillary Clinton"]


def test_people_first_named_in_the_headline_by_surname_join_the_body() -> None:
    title = "Bergner says Iran knew"
    a = run(f"{title}\n\nGeneral Kevin Bergner said Iran knew.", title=title)
    assert said(a, entity(a, "Kevin Bergner")) == ["Bergner", "Kevin Bergner"]


def test_a_given_name_alone_joins_the_one_person_so_named() -> None:
    a = run("Melezia Figueroa spoke first. Later Melezia said more.")
    assert said(a, entity(a, "Melezia Figueroa")) == ["Melezia Figueroa", "Melezia"]


def test_the_month_may_is_not_theresa_may() -> None:
    a = run("Prime Minister Theresa May met Angela Merkel. May said the deal was done in May.")
    assert said(a, entity(a, "Theresa May")) == ["Theresa May", "May"]
    assert run("The talks ended on May 5.").entities == ()


def test_handles_and_web_addresses_are_not_names() -> None:
    a = run("Watch it here: pic.twitter.com/P2qpm3h3Pm or follow @MaryJBlige and #ImWithHer.")
    assert a.entities == ()


# -- statements and speakers ----------------------------------------------------------


def statement(
    text: str,
    id: str,
    content: str,
    source: str | None = None,
    name: str | None = None,
    kind: SpeakerKind = SpeakerKind.PERSON,
    nth: int = 0,
) -> Statement:
    speaker = Speaker(name=name, kind=kind) if name is not None else None
    attribution = Attribution(
        source=span(text, source, nth) if source is not None else None,
        cue=None,
        speaker=speaker,
    )
    return Statement(
        id=id, kind="indirect", content=(span(text, content),), attribution=attribution
    )


def test_a_pronoun_source_joins_the_speakers_entity() -> None:
    text = (
        "Military spokesman Brigadier-General Kevin Bergner told a news conference in Baghdad "
        "that Iran knew. He said the camps were close to Tehran."
    )
    a = run(
        text,
        statements=(
            statement(
                text,
                "s1",
                "Iran knew",
                "Military spokesman Brigadier-General Kevin Bergner",
                "Kevin Bergner",
            ),
            statement(text, "s2", "the camps were close to Tehran", "He", "Kevin Bergner"),
        ),
    )
    bergner = entity(a, "Kevin Bergner")
    s1, s2 = a.statements
    assert [s.speaker.entity for s in a.statements if s.speaker] == [bergner.id, bergner.id]
    assert said(a, bergner) == ["Kevin Bergner", "He"]
    # what each statement is about: the entities mentioned in its content
    assert [a.entity(e).name for e in s1.entities] == ["Iran"]
    assert [a.entity(e).name for e in s2.entities] == ["Tehran"]


def test_an_organisation_source_with_it_and_the_military() -> None:
    text = (
        "The U.S. military has displayed what it says are Iranian-made rockets. "
        "The military says the bombs have killed scores of U.S. soldiers."
    )
    a = run(
        text,
        statements=(
            statement(
                text, "s1", "Iranian-made rockets", "it", "U.S. military", SpeakerKind.ORGANIZATION
            ),
            statement(
                text,
                "s2",
                "the bombs have killed scores of U.S. soldiers",
                "The military",
                "U.S. military",
                SpeakerKind.ORGANIZATION,
            ),
        ),
    )
    forces = entity(a, "United States Armed Forces")
    assert [s.speaker.entity for s in a.statements if s.speaker] == [forces.id, forces.id]
    assert said(a, forces) == ["U.S. military", "it", "The military"]
    assert [a.entity(e).name for e in a.statements[1].entities] == ["United States"]


def test_a_speaker_named_in_full_is_not_the_name_ending_the_source() -> None:
    text = (
        "Patricia Smith, mother of Benghazi victim Sean Smith, said the hearing was a sham. "
        "Sean Smith died in 2012."
    )
    a = Pipeline(autoload=False).analyze(text)
    (s,) = [s for s in a.statements if s.speaker]
    assert s.speaker.name == "Patricia Smith"
    assert a.entity(s.speaker.entity).name == "Patricia Smith"


def test_he_is_no_mention_of_an_organisation() -> None:
    # A speaker resolved wrongly ("he" to a company named like a person) is not passed on:
    # the pronoun joins no organisation's entity.
    text = "Goldman Sachs said profits rose. He said costs fell."
    a = run(
        text,
        statements=(
            statement(text, "s1", "profits rose", "Goldman Sachs", "Goldman Sachs"),
            statement(text, "s2", "costs fell", "He", "Goldman Sachs"),
        ),
    )
    bank = entity(a, "Goldman Sachs")
    assert said(a, bank) == ["Goldman Sachs"]
    assert [s.speaker.entity for s in a.statements if s.speaker] == [bank.id, None]


def test_news_organisations_and_companies_speak_as_organisations() -> None:
    # End to end: the quote finder types them, so "he" and "they" do not resolve to them,
    # and "The Times" resolves to the newspaper named before.
    text = (
        "Senator John Smith met voters in Ohio. The Associated Press reported that the plant "
        "would close. He said the workers would be paid. The New York Times reported that "
        "the deal was off. They said it was over. The Times said the talks had failed. "
        "General Electric said sales rose."
    )
    a = Pipeline(autoload=False).analyze(text)
    speakers = {a.text_of(s.attribution.source): s.speaker for s in a.statements if s.speaker}
    assert speakers["The Associated Press"].kind is SpeakerKind.ORGANIZATION
    assert speakers["He"].name != "Associated Press"
    assert speakers["They"].name != "New York Times"
    assert speakers["The Times"].name == "New York Times"
    assert speakers["General Electric"].name == "General Electric"
    assert speakers["General Electric"].kind is SpeakerKind.ORGANIZATION
    assert "General Electric" in names(a)  # "General" is no title there
    assert "Electric" not in names(a)


def test_an_article_opening_the_sentence_is_not_part_of_the_name() -> None:
    a = run("The Associated Press reported it. He told The Associated Press it rained.")
    assert said(a, entity(a, "Associated Press")) == ["Associated Press", "The Associated Press"]


def test_only_general_before_organisation_words_is_a_name() -> None:
    a = run("General Electric said so. Rep. Steel spoke, and Mr. Church agreed.")
    assert "General Electric" in names(a)
    assert said(a, entity(a, "Steel")) == ["Steel"]
    assert said(a, entity(a, "Church")) == ["Church"]


def test_a_place_after_a_title_or_miss_is_no_place() -> None:
    a = run("Trump owns Miss USA and Miss Teen USA. Mr. Jordan met officials in Jordan.")
    assert "Miss USA" in names(a)
    assert "Miss Teen USA" in names(a)
    jordans = [(e.type, e.wikidata) for e in a.entities if e.name == "Jordan"]
    assert jordans == [("person", None), ("location", "Q810")]  # the man, then the country
    assert "United States" not in names(a)


def test_a_legal_form_after_a_company_is_part_of_its_name() -> None:
    a = run(
        "Microsoft Corp. and Goldman Sachs Group Inc. said so. Later, Microsoft said it again. "
        "The New York Times Co. owns The New York Times."
    )
    assert said(a, entity(a, "Microsoft")) == ["Microsoft Corp.", "Microsoft"]
    assert entity(a, "Microsoft").wikidata == "Q2283"
    assert said(a, entity(a, "Goldman Sachs")) == ["Goldman Sachs Group Inc."]
    # a newspaper is no company: its publisher is another entity
    assert said(a, entity(a, "The New York Times")) == ["The New York Times"]


@pytest.mark.parametrize("spelling", ["W.Va.", "W. Va."])
def test_state_abbreviations_with_two_parts(spelling: str) -> None:
    a = run(f"FAIRVIEW, {spelling} - The mine closed. Richmond, Va., is far away.")
    assert said(a, entity(a, "West Virginia")) == [spelling]
    assert said(a, entity(a, "Virginia")) == ["Va."]


def test_a_named_speaker_the_text_does_not_otherwise_mention_gets_an_entity() -> None:
    text = "“We will win,” the statement said."
    a = run(text, statements=(statement(text, "s1", "We will win", None, "Ahmed Rashid"),))
    (rashid,) = a.entities
    assert (rashid.name, rashid.type, rashid.mentions) == ("Ahmed Rashid", "person", ())
    assert a.statements[0].speaker is not None
    assert a.statements[0].speaker.entity == rashid.id


def test_a_vague_group_is_no_entity() -> None:
    text = "Military experts and some exiled Iranians say it is a wing of the army."
    a = run(
        text,
        statements=(
            statement(
                text,
                "s1",
                "it is a wing of the army",
                "Military experts and some exiled Iranians",
                "Military experts and some exiled Iranians",
                SpeakerKind.GROUP,
            ),
        ),
    )
    assert a.entities == ()
    assert [s.speaker.entity for s in a.statements if s.speaker] == [None]


def test_a_place_after_a_preposition_does_not_head_the_source() -> None:
    text = "Officials in Washington said the talks failed."
    a = run(
        text,
        statements=(
            statement(
                text,
                "s1",
                "the talks failed",
                "Officials in Washington",
                "Officials in Washington",
                SpeakerKind.ANONYMOUS,
            ),
        ),
    )
    assert names(a) == ["Washington, D.C."]
    assert [s.speaker.entity for s in a.statements if s.speaker] == [None]


def test_the_plugin_registers_the_entities_analyzer() -> None:
    (analyzer,) = [a for a in Pipeline(autoload=False).analyzers if a.name == "entities"]
    assert analyzer.needs == {"statements"}
    assert analyzer.provides == {"entities"}
    assert analyzer.plugin == "entities"


# -- the knowledge base ---------------------------------------------------------------


def test_the_knowledge_base_is_a_news_core_plus_all_countries() -> None:
    kb = default_kb()
    countries = [e for e in kb.entries if e.kind == "country"]
    curated = [e for e in kb.entries if e.checked.startswith("curated") and e.qid]
    assert len(countries) >= 200
    assert len(curated) >= 150
    for e in kb.entries:
        assert e.qid is None or (e.qid[0] == "Q" and e.qid[1:].isdigit()), e
        assert e.checked, f"{e.name}: no record of where its id was checked"
    qids = [e.qid for e in kb.entries if e.qid]
    assert len(qids) == len(set(qids)), "rows with one QID must be merged"


def test_the_knowledge_base_loads_well_under_a_second() -> None:
    default_kb.cache_clear()
    t = time.perf_counter()
    default_kb()
    assert time.perf_counter() - t < 1.0


def test_a_bad_table_row_is_reported_with_its_line() -> None:
    header = "qid\tname\ttype\taliases\tprior\n"
    with pytest.raises(ValueError, match=r"t\.tsv:2: qid 'X1'"):
        parse_table(header + "X1\tFoo\tperson\t\t0.5\n", "t.tsv")
    with pytest.raises(ValueError, match="type 'thing'"):
        parse_table(header + "Q1\tFoo\tthing\t\t0.5\n", "t.tsv")
    (entry,) = parse_table(header + "\tFoo Bar\tperson\tFoo@0.2|Bar\t0.7\n", "t.tsv")
    assert (entry.key, entry.qid, entry.prior, entry.aliases) == (
        "local:Foo Bar",
        None,
        0.7,
        ["Foo@0.2", "Bar"],
    )


# -- properties -----------------------------------------------------------------------


@settings(deadline=None)
@given(articles())
def test_any_article_gets_valid_entities_inside_its_text(article: Article) -> None:
    a = analyze(Analysis(article))
    assert_valid(a)
    n = len(article.text)
    assert [e.id for e in a.entities] == [f"e{i}" for i in range(1, len(a.entities) + 1)]
    for e in a.entities:
        assert e.mentions, e
        for m in e.mentions:
            assert 0 <= m.start < m.end <= n
            assert article.text[m.start : m.end].strip() == article.text[m.start : m.end]


@pytest.mark.parametrize(
    "piece",
    [
        None,  # the seed's body
        "Sen. Smith Gov. Jones General Electric ",  # one endless run of titles and names
    ],
)
def test_time_grows_linearly_with_the_text(piece: str | None) -> None:
    (article,) = list(read(SEED))
    body = article.text.split("Check Also")[0] if piece is None else piece * 100
    analyze(Analysis(Article(id="w", text=body)))  # warm the knowledge base

    def best(copies: int) -> float:
        times = []
        for r in range(3):
            # each round opens with its own word, so no run's mentions come from a cache
            a = Analysis(Article(id=str(r), text=f"Round{r} " + body * copies))
            t = time.perf_counter()
            analyze(a)
            times.append(time.perf_counter() - t)
        return min(times)

    small, large = best(20), best(80)
    assert large < 8 * small
