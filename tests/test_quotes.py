"""The quote finder on the constructions news uses, checked against PolNeAR's gold annotation.

Three kinds of test:

* **real sentences** from PolNeAR train, read at test time from ``../shared/data/polnear``
  (skipped when it is absent). A case names the article, the first words of the sentence,
  and the source, cue and start of the content that the gold annotation gives there; the
  test checks that the gold says so, then that the finder finds that relation: source, cue
  and content exactly, after trimming white space (the content of a quote that runs on in
  speakerless paragraphs is the union of those statements, as ``evaluate polnear`` scores
  it). Known failures are strict xfails that say what goes wrong. No corpus text is kept
  here beyond what identifies a case;
* **synthetic** texts for every quote style, quotes over several paragraphs, stray marks,
  the headline ``Claim: Source`` and dash bylines;
* **properties** that hold for any text: spans are verbatim and inside the text, a quote
  never crosses a paragraph, and an unclosed mark never swallows the rest of the article.
"""

from __future__ import annotations

import functools
import itertools
from pathlib import Path
from typing import NamedTuple

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsclaims import Analysis, Article, Pipeline, Span, SpeakerKind, Statement, StatementKind
from newsclaims.analyzers.quotes.finder import find_statements
from newsclaims.analyzers.quotes.keep import THRESHOLD, keep_probability
from newsclaims.analyzers.quotes.marks import find_quotes
from newsclaims.evaluate.polnear import Relation, annotation_files, gold_relations, normalize
from newsclaims.readers import read
from newsclaims.testing import articles, texts

PIPELINE = Pipeline(autoload=False, environ={})

POLNEAR_TRAIN = Path(__file__).resolve().parent.parent.parent / "shared" / "data" / "polnear"
POLNEAR_TRAIN = POLNEAR_TRAIN / "train"
needs_polnear = pytest.mark.skipif(
    not (POLNEAR_TRAIN / "text").is_dir(), reason="PolNeAR train not found in ../shared/data"
)

DIRECT, INDIRECT, MIXED = StatementKind.DIRECT, StatementKind.INDIRECT, StatementKind.MIXED
PERSON, ORGANIZATION, GROUP = SpeakerKind.PERSON, SpeakerKind.ORGANIZATION, SpeakerKind.GROUP
ANONYMOUS, DOCUMENT = SpeakerKind.ANONYMOUS, SpeakerKind.DOCUMENT


# -- real sentences from PolNeAR train ------------------------------------------------------


class Case(NamedTuple):
    """One attribution in a PolNeAR train article, as its gold annotation gives it."""

    article: str  #: the file name less ``.txt``
    sentence: str  #: the first words of the sentence (or headline) that holds it
    source: str  #: the gold source text
    cue: str  #: the gold cue text
    content: str  #: how the gold content begins
    kind: StatementKind | None = None
    name: str | None = None  #: the speaker's resolved name
    speaker_kind: SpeakerKind | None = None
    role: str | None = None
    title: str | None = None
    stance: str | None = None
    #: How many speakerless quote paragraphs follow and carry the same speaker (their
    #: content is part of the gold content).
    continued: int = 0


def case(*args: object, id: str, xfail: str | None = None, **kw: object) -> object:
    marks = [pytest.mark.xfail(reason=xfail, strict=True)] if xfail else []
    return pytest.param(Case(*args, **kw), id=id, marks=marks)  # type: ignore[arg-type]


@functools.cache
def _analyzed(article: str) -> tuple[Analysis, tuple[Relation, ...]]:
    (record,) = list(read(POLNEAR_TRAIN / "text" / f"{article}.txt"))
    assert isinstance(record, Article), record
    ann = dict(annotation_files(POLNEAR_TRAIN / "attributions"))[article]
    gold = gold_relations(record.text, ann.read_text(encoding="utf-8"), ann.name)
    return PIPELINE.analyze(record), gold


def _text(text: str, parts: tuple[Span, ...]) -> str:
    return " … ".join(text[p.start : p.end] for p in parts)


def _describe(text: str, s: Statement) -> str:
    a = s.attribution
    parts = [f"{s.id} {s.kind}:"]
    if a is not None:
        parts.append(f"source={_text(text, normalize(text, [a.source] if a.source else []))!r}")
        parts.append(f"cue={_text(text, normalize(text, [a.cue] if a.cue else []))!r}")
    content = _text(text, normalize(text, s.content))
    parts.append(f"content={content[:70] + ('…' if len(content) > 70 else '')!r}")
    if a is not None and a.speaker is not None:
        sp = a.speaker
        parts.append(f"speaker={sp.name!r} ({sp.kind}, role={sp.role!r}, title={sp.title!r})")
    if a is not None:
        parts.append(f"stance={a.stance!r}")
    return " ".join(parts)


def _cue_in(s: Statement, start: int, end: int) -> bool:
    a = s.attribution
    return a is not None and a.cue is not None and start <= a.cue.start < end


@needs_polnear
@pytest.mark.parametrize(
    "c",
    [
        # Direct quotes, curly double marks; trailing cue.
        case(
            "politico_2015-11-24_clinton-s-iowa-dilemma",
            "“The Iowa caucus is a battle",
            "Grubbs",
            "said",
            "“The Iowa caucus",
            kind=DIRECT,
            name="Steve Grubbs",
            speaker_kind=PERSON,
            id="curly-trailing-politico",
        ),
        case(
            "huff-post_2015-11-08_ben-carson-defends-himself-again",
            "Asked by Stephanopoulos",
            "Carson",
            "said",
            "“What does it say",
            kind=DIRECT,
            name="Ben Carson",
            id="curly-lead-huffpost",
        ),
        # Straight double marks.
        case(
            "usa-today_2015-11-09_carson-on-defense-attacking-crit",
            '"They\'re worried," Carson said.',
            "Carson",
            "said",
            '"They\'re worried,"',
            kind=DIRECT,
            name="Ben Carson",
            id="straight-usatoday",
        ),
        case(
            "politico_2015-11-09_sanders-endorsements-prove-clint",
            '"Oh well, I don',
            "Sanders",
            "responded",
            '"Oh well',
            kind=DIRECT,
            name="Bernie Sanders",
            id="straight-politico",
        ),
        case(
            "wash-post_2015-11-08_all-eggs-in-n-h-and-iowa-baskets",
            '"A lot of the candidates',
            "Jindal",
            "said",
            '"A lot of the candidates',
            kind=DIRECT,
            name="Bobby Jindal",
            id="straight-washpost",
        ),
        # Single marks (PolNeAR has them in headlines, as Source: 'Claim').
        case(
            "politico_2015-12-28_carly-fiorina-bill-clinton-s-fai",
            "Carly Fiorina: '",
            "Carly Fiorina",
            ":",
            "'Bill Clinton's",
            kind=DIRECT,
            name="Carly Fiorina",
            id="single-straight-headline-politico",
        ),
        case(
            "huff-post_2016-02-24_marco-rubio-you-don-t-win-the-no",
            "Marco Rubio: ‘",
            "Marco Rubio",
            ":",
            "‘You Don’t Win",
            kind=DIRECT,
            name="Marco Rubio",
            id="single-curly-headline-huffpost",
        ),
        case(
            "breitbart_2016-01-18_trump-i-m-the-worst-thing-that-e",
            "Trump: ‘",
            "Trump",
            ":",
            "‘I’m the Worst",
            kind=DIRECT,
            id="single-curly-headline-breitbart",
        ),
        # The NYT's doubled apostrophes.
        case(
            "nyt_2015-11-09_jobs-report-gives-democrats-a-li",
            "''We should not take",
            "Lael Brainard, a Fed governor,",
            "said",
            "''We should not take",
            kind=DIRECT,
            name="Lael Brainard",
            id="nyt-apostrophes-trailing",
        ),
        case(
            "nyt_2016-01-12_evangelical-iowans-flock-to-cruz",
            "''His father was tremendously",
            "Eric Woolson",
            "said",
            "''His father",
            kind=DIRECT,
            name="Eric Woolson",
            id="nyt-apostrophes-inverted",
            xfail="the finder takes the relative clause after an inverted source into the "
            "source ('Eric Woolson, who managed ...'), as PolNeAR's annotators mostly do (dev "
            "source exact F1 67.7 with it, 67.4 without); this annotator left it out",
        ),
        case(
            "nyt_2016-02-20_for-pope-it-s-bigger-than-trump-",
            "Mr. Franco added:",
            "Mr. Franco",
            "added:",
            "''Trump becomes",
            kind=DIRECT,
            name="Massimo Franco",
            id="nyt-apostrophes-colon",
        ),
        # A quote over several paragraphs: left open, reopened in the next paragraph.
        case(
            "nyt_2016-06-09_ryan-calls-trump-line-racist-but",
            "''I am friends with",
            "he",
            "added",
            "''I am friends",
            kind=DIRECT,
            name="Donald Trump",
            continued=1,
            id="multi-paragraph-nyt",
        ),
        case(
            "west-journal_2016-01-23_watch-what-hillary-does-when-a-g",
            "“I spoke to a wide array",
            "Clinton",
            "said",
            "“I spoke to",
            kind=DIRECT,
            name="Hillary Clinton",
            continued=1,
            id="multi-paragraph-westjournal",
        ),
        case(
            "usa-today_2016-08-09_khans-trump-stirs-ugliness-musli",
            '"For the whole year last year',
            "Khizr Khan",
            "said",
            '"For the whole year',
            kind=DIRECT,
            name="Khizr Khan",
            continued=2,
            id="multi-paragraph-usatoday",
        ),
        # A quote interrupted by its cue, and running over a line break.
        case(
            "breitbart_2016-01-10_conservative-icon-morton-blackwe",
            "“Supporters of some other",
            "Blackwell",
            "added",
            "“Supporters of some",
            kind=DIRECT,
            id="interrupted-quote-breitbart",
        ),
        # A closed quote, then a paragraph that is only a quote: the speaker carries over.
        case(
            "breitbart_2015-12-11_charles-barkley-takes-on-donald-",
            "“He started out by insulting",
            "Barkley",
            "said",
            "“He started out",
            kind=DIRECT,
            name="Charles Barkley",
            continued=1,
            id="continuation-breitbart",
        ),
        case(
            "huff-post_2016-02-18_canada-s-cape-breton-will-welcom",
            "“I’m in disbelief,”",
            "he",
            "said",
            "“I’m in disbelief",
            kind=DIRECT,
            name="Rob Calabrese",
            continued=1,
            id="continuation-pronoun-huffpost",
        ),
        case(
            "huff-post_2016-06-04_u-s-flexes-muscles-as-asia-worri",
            "“I hope that this development",
            "Carter",
            "told",
            "“I hope that",
            kind=DIRECT,
            name="Ash Carter",
            continued=1,
            id="continuation-huffpost",
        ),
        # Trailing cue after reported speech: "..., he said." with the pronoun resolved.
        case(
            "politico_2016-05-23_senate-candidates-stake-out-a-ra",
            "The focus should be on the extent",
            "he",
            "said",
            "The focus should be",
            kind=INDIRECT,
            name="Ron DeSantis",
            id="trailing-pronoun-politico",
        ),
        case(
            "usa-today_2016-05-09_crippling-college-debt-changes-h",
            "The amount of debt an average",
            "he",
            "said",
            "The amount of debt",
            kind=INDIRECT,
            name="Mark Kantrowitz",
            id="trailing-pronoun-usatoday",
        ),
        # Inverted cue: "..., said Smith."
        case(
            "usa-today_2015-11-20_campaign-cash-tied-to-turkish-gr",
            '"Out of an abundance of caution',
            "Ayotte campaign manager Jon Kohan",
            "said",
            '"Out of an abundance',
            kind=DIRECT,
            name="Jon Kohan",
            role="Ayotte campaign manager",
            id="inverted-role-usatoday",
        ),
        case(
            "politico_2015-11-29_hillary-clinton-s-pothole-politi",
            "His endorsement could matter more",
            "Democratic strategist Hank Sheinkopf",
            "said",
            "His endorsement could",
            kind=INDIRECT,
            name="Hank Sheinkopf",
            role="Democratic strategist",
            id="inverted-indirect-politico",
        ),
        case(
            "breitbart_2016-02-18_ap-gfk-poll-voters-increasingly-",
            "“I know a lot of my Democratic",
            "Mona Lamberson",
            "said",
            "“I know a lot",
            kind=DIRECT,
            name="Mona Lamberson",
            id="inverted-breitbart",
        ),
        # Verb cues, with their stance.
        case(
            "huff-post_2015-12-22_of-the-most-powerful-things-lati",
            "But Ferrera told HuffPost",
            "Ferrera",
            "told",
            "that she was disheartened",
            kind=INDIRECT,
            name="America Ferrera",
            stance="neutral",
            id="told-huffpost",
        ),
        case(
            "west-journal_2015-12-19_dinesh-d-souza-just-made-huge-pr",
            "D’Souza told Beck",
            "D’Souza",
            "told",
            "that he is making a movie",
            kind=MIXED,
            name="Dinesh D’Souza",
            id="told-mixed-westjournal",
        ),
        case(
            "politico_2016-04-11_clinton-and-sanders-trade-low-bl",
            "Sanders accused Clinton",
            "Sanders",
            "accused",
            "Clinton of dragging",
            kind=INDIRECT,
            name="Bernie Sanders",
            stance="accusation",
            id="accused-politico",
        ),
        case(
            "wash-post_2015-12-24_ted-cruz-constitutional-conserva",
            "New Jersey Gov. Chris Christie accused",
            "New Jersey Gov. Chris Christie",
            "accused",
            "Cruz of opposing",
            name="Chris Christie",
            stance="accusation",
            id="accused-title-washpost",
        ),
        case(
            "usa-today_2015-12-14_on-the-islamic-state-a-split-mos",
            "Ted Cruz accuses Obama",
            "Ted Cruz",
            "accuses",
            'Obama of "leading',
            kind=MIXED,
            name="Ted Cruz",
            stance="accusation",
            id="accuses-mixed-usatoday",
        ),
        case(
            "nyt_2016-01-20_in-prisoner-swap-compassion-vs-c",
            "He denied that the exchange",
            "He",
            "denied",
            "that the exchange",
            kind=INDIRECT,
            stance="denial",
            id="denied-nyt",
        ),
        case(
            "wash-post_2016-02-10_after-a-big-loss-clinton-looks-f",
            "Weaver dismissed that suggestion",
            "Weaver",
            "dismissed",
            "that suggestion",
            kind=MIXED,
            name="Jeff Weaver",
            stance="denial",
            id="dismissed-washpost",
        ),
        case(
            "wash-post_2016-01-18_a-sharper-tone-as-stakes-rise",
            "While Clinton pledged to work",
            "Sanders",
            "insisted",
            "that progressive change",
            kind=INDIRECT,
            name="Bernie Sanders",
            stance="assertive",
            id="insisted-washpost",
        ),
        case(
            "politico_2016-07-24_al-gore-to-skip-democratic-conve",
            "In a 2014 interview with POLITICO",
            "Gore",
            "insisted",
            "it was “premature”",
            kind=MIXED,
            name="Al Gore",
            stance="assertive",
            id="insisted-mixed-politico",
        ),
        case(
            "huff-post_2015-12-20_why-the-democratic-party-s-move-",
            "Josh Hendler, a top Democratic",
            "Josh Hendler, a top Democratic tech operative,",
            "warned",
            "that the DNC’s move",
            kind=INDIRECT,
            name="Josh Hendler",
            stance="warning",
            id="warned-huffpost",
        ),
        case(
            "west-journal_2015-11-10_christian-speaker-just-shared-th",
            "Popular Christian and corporate",
            "Popular Christian and corporate speaker Lance Wallnau",
            "believes",
            "he has a word",
            kind=INDIRECT,
            name="Lance Wallnau",
            stance="belief",
            id="believes-westjournal",
        ),
        case(
            "nyt_2016-05-31_trampling-latinos-sensibilities",
            "Trump supporters believe",
            "Trump supporters",
            "believe",
            "he can improve",
            kind=INDIRECT,
            speaker_kind=GROUP,
            stance="belief",
            id="believe-group-nyt",
        ),
        case(
            "usa-today_2015-12-22_clinton-to-call-for-wider-effort",
            "U.S. deaths from Alzheimer",
            "Hillary Clinton",
            "wants",
            "to make it a major issue",
            kind=INDIRECT,
            name="Hillary Clinton",
            stance="intention",
            id="wants-usatoday",
        ),
        case(
            "nyt_2015-11-09_jobs-report-gives-democrats-a-li",
            "The Fed does not want",
            "The Fed",
            "does not want",
            "to stall growth",
            kind=INDIRECT,
            stance="intention",
            id="does-not-want-nyt",
            xfail="the learned end model cuts the content at ', only to prevent ...', "
            "which PolNeAR keeps (the model retrained on each rule change flips on this case)",
        ),
        case(
            "breitbart_2016-07-19_republicans-begin-roll-call-vote",
            "Campaign chair Paul Manafort dismissed",
            "Campaign chair Paul Manafort",
            "dismissed",
            "the whole kerfuffle",
            kind=MIXED,
            name="Paul Manafort",
            role="Campaign chair",
            stance="denial",
            id="dismissed-role-breitbart",
        ),
        case(
            "wash-post_2015-11-08_in-satirizing-the-elite-a-mexica",
            "The Nobel-winning Peruvian novelist",
            "The Nobel-winning Peruvian novelist Mario Vargas Llosa, one of the signatories,",
            "told",
            "that Trump's comments",
            kind=MIXED,
            name="Mario Vargas Llosa",
            role="Nobel-winning Peruvian novelist",
            id="told-mixed-role-washpost",
        ),
        case(
            "politico_2016-01-27_the-steep-cost-of-cruz-s-county-",
            "Cruz hopes to get",
            "Cruz",
            "hopes",
            "to get one last",
            kind=INDIRECT,
            name="Ted Cruz",
            stance="intention",
            id="hopes-politico",
        ),
        case(
            "nyt_2016-02-01_iowa-caucus-is-first-look-into-m",
            "Mr. Rubio, a career politician",
            "Mr. Rubio, a career politician who is running as a next-generation leader,",
            "hopes",
            "Iowa will prove",
            kind=INDIRECT,
            name="Marco Rubio",
            title="Mr.",
            stance="intention",
            id="hopes-apposition-nyt",
        ),
        # Phrase cues.
        case(
            "huff-post_2015-11-23_donald-trump-tweets-a-wildly-ina",
            "In 2014, about 82 percent",
            "the FBI",
            "according to",
            "In 2014, about 82",
            kind=INDIRECT,
            name="FBI",
            speaker_kind=ORGANIZATION,
            id="according-to-organization-huffpost",
        ),
        case(
            "nyt_2015-11-25_golf-courses-forced-to-reach-int",
            "There are about four million fewer",
            "the National Golf Foundation",
            "according to",
            "There are about four",
            kind=INDIRECT,
            speaker_kind=ORGANIZATION,
            id="according-to-nyt",
        ),
        case(
            "nyt_2015-12-09_terrorists-mock-bids-to-block-th",
            "According to law enforcement officials",
            "law enforcement officials",
            "According to",
            "the Facebook account",
            kind=INDIRECT,
            speaker_kind=ANONYMOUS,
            id="according-to-leading-anonymous-nyt",
        ),
        # "said in a statement": PolNeAR's cue is the verb alone.
        case(
            "wash-post_2015-11-10_opposition-appears-to-win-landsl",
            "Secretary of State John F. Kerry said in a statement",
            "Secretary of State John F. Kerry",
            "said",
            "that although the elections",
            kind=MIXED,
            id="in-a-statement-washpost",
        ),
        case(
            "breitbart_2016-01-05_the-latest-cruz-to-give-away-eng",
            "The Wisconsin Republican says in a statement",
            "The Wisconsin Republican",
            "says",
            "that the president’s steps",
            kind=INDIRECT,
            id="in-a-statement-breitbart",
        ),
        # Colon lead-ins, in the same paragraph or closing the one before the quote.
        case(
            "breitbart_2015-11-11_the-ninth-circle-the-hellish-vie",
            "Cruz continued:",
            "Cruz",
            "continued:",
            "“You look at the questions",
            kind=DIRECT,
            name="Ted Cruz",
            id="colon-next-paragraph-breitbart",
        ),
        case(
            "politico_2016-08-08_how-newtown-gave-chris-murphy-a-",
            "He added: “During that time",
            "He",
            "added:",
            "“During that time",
            kind=DIRECT,
            name="Chris Murphy",
            id="colon-pronoun-politico",
        ),
        case(
            "usa-today_2015-12-01_for-gop-a-golden-opportunity-to-",
            'Bush: "The mission',
            "Bush",
            ":",
            '"The mission is',
            kind=DIRECT,
            name="Jeb Bush",
            id="name-colon-usatoday",
        ),
        # Headlines, Source: Claim.
        case(
            "breitbart_2015-12-02_john-mccain-republican-populist-",
            "John McCain: Republican",
            "John McCain",
            ":",
            "Republican Populist Anger",
            name="John McCain",
            id="headline-source-claim-breitbart",
        ),
        case(
            "politico_2016-02-04_insiders-trump-will-rebound-in-n",
            "Insiders: Trump will",
            "Insiders",
            ":",
            "Trump will rebound",
            id="headline-source-claim-politico",
        ),
        # Role and title split from the name.
        case(
            "breitbart_2016-02-01_dr-ben-carson-hillary-clinton-no",
            "GOP presidential candidate Dr. Ben Carson says",
            "GOP presidential candidate Dr. Ben Carson",
            "says",
            "Democrat Hillary Clinton is not fit",
            kind=INDIRECT,
            name="Ben Carson",
            role="GOP presidential candidate",
            title="Dr.",
            speaker_kind=PERSON,
            id="role-title-breitbart",
        ),
        case(
            "huff-post_2016-03-15_ted-cruz-physically-assaulting-a",
            "Former Breitbart reporter Michelle Fields accused",
            "Former Breitbart reporter Michelle Fields",
            "accused",
            "Donald Trump campaign manager",
            kind=INDIRECT,
            name="Michelle Fields",
            role="Former Breitbart reporter",
            stance="accusation",
            id="role-accused-huffpost",
        ),
        case(
            "usa-today_2015-12-14_on-the-islamic-state-a-split-mos",
            "This includes a special force",
            "Defense Secretary Ash Carter",
            "told",
            "This includes a special force",
            kind=INDIRECT,
            name="Ash Carter",
            title="Defense Secretary",
            id="title-inverted-usatoday",
        ),
        # Titles with "of" and capitalised roles before a name.
        case(
            "west-journal_2016-08-25_democrats-lose-court-battle-over",
            "Republican Secretary of State Jon Husted",
            "Republican Secretary of State Jon Husted",
            "applauded",
            "the ruling",
            name="Jon Husted",
            id="title-of-state-westjournal",
        ),
        case(
            "breitbart_2015-11-16_o-malley-campaign-to-shift-staff",
            "Spokeswoman Haley Morris says",
            "Spokeswoman Haley Morris",
            "says",
            "the candidate has “always",
            kind=MIXED,
            name="Haley Morris",
            role="Spokeswoman",
            id="role-spokeswoman-breitbart",
        ),
        case(
            "politico_2016-05-06_trump-rips-joe-scarborough",
            "Scarborough, who served in the House",
            "he",
            "has denied",
            "that he would seriously",
            kind=INDIRECT,
            stance="denial",
            name="Joe Scarborough",
            id="pronoun-subject-politico",
        ),
        # Speaker kinds.
        case(
            "breitbart_2015-11-16_o-malley-campaign-to-shift-staff",
            "O’Malley’s campaign says",
            "O’Malley’s campaign",
            "says",
            "it will shift staff",
            kind=INDIRECT,
            speaker_kind=ORGANIZATION,
            id="organization-breitbart",
        ),
        case(
            "huff-post_2015-11-09_bernie-sanders-promises-action-o",
            "All three candidates have said",
            "All three candidates",
            "have said",
            "they would expand",
            kind=INDIRECT,
            speaker_kind=GROUP,
            id="group-huffpost",
        ),
        case(
            "politico_2015-11-24_clinton-s-iowa-dilemma",
            "And Iowa biofuels advocates say",
            "Iowa biofuels advocates",
            "say",
            "they already have",
            kind=INDIRECT,
            speaker_kind=GROUP,
            id="group-politico",
        ),
        case(
            "politico_2016-01-05_trump-quietly-builds-a-data-jugg",
            "Sources say Braynard",
            "Sources",
            "say",
            "Braynard represented",
            kind=INDIRECT,
            speaker_kind=ANONYMOUS,
            id="anonymous-sources-politico",
        ),
        case(
            "huff-post_2016-05-19_these-are-the-people-missing-in-",
            "Shoukair was kind and responsible",
            "a Cairo airport official",
            "told",
            "Shoukair was kind",
            kind=INDIRECT,
            speaker_kind=ANONYMOUS,
            id="anonymous-official-huffpost",
        ),
        case(
            "politico_2015-12-23_ben-carson-hints-at-major-campai",
            "Former Carson advisers told",
            "Former Carson advisers",
            "told",
            "that a shakeup",
            kind=INDIRECT,
            speaker_kind=ANONYMOUS,
            id="anonymous-advisers-politico",
        ),
        case(
            "west-journal_2016-03-18_what-donald-trump-s-son-just-rec",
            "The letter warned",
            "The letter",
            "warned",
            "that if Trump did not",
            kind=INDIRECT,
            speaker_kind=DOCUMENT,
            stance="warning",
            id="document-letter-westjournal",
        ),
        case(
            "usa-today_2015-11-20_campaign-cash-tied-to-turkish-gr",
            "Overall, FEC records show",
            "FEC records",
            "show",
            "Eksili has donated",
            kind=INDIRECT,
            speaker_kind=DOCUMENT,
            id="document-records-usatoday",
        ),
        case(
            "huff-post_2016-02-03_huffpollster-a-seismic-shift-amo",
            "Early analysis shows",
            "Early analysis",
            "shows",
            "Iowa polls may have",
            kind=INDIRECT,
            speaker_kind=DOCUMENT,
            id="document-analysis-huffpost",
        ),
        # Content ends and starts chosen by the learned model (ends.py).
        case(
            "breitbart_2016-05-12_trump-ryan-pledge-to-work-togeth",
            "WASHINGTON (AP) — Donald Trump and House Speaker Paul Ryan pledged",
            "Donald Trump and House Speaker Paul Ryan",
            "pledged",
            "to work together despite their differences",
            kind=INDIRECT,
            id="content-ends-before-after-breitbart",
        ),
        case(
            "breitbart_2016-02-20_the-latest-hillary-clinton-tells",
            "Even so, three-quarters of the voters said",
            "three-quarters of the voters",
            "said",
            "they were very worried",
            kind=INDIRECT,
            id="content-ends-before-and-breitbart",
        ),
        case(
            "huff-post_2016-08-05_donald-trump-finally-endorses-ho",
            "Ryan endorsed Trump in early June",
            "Ryan",
            "telling",
            "that he was “not quite there yet.”",
            kind=MIXED,
            id="content-starts-after-object-huffpost",
        ),
        case(
            "nyt_2015-12-09_terrorists-mock-bids-to-block-th",
            "The White House on Monday also urged",
            "The White House",
            "also urged",
            "the technology industry to do more",
            kind=INDIRECT,
            id="content-starts-at-object-nyt",
        ),
        case(
            "nyt_2016-04-23_campaign-for-trump-says-he-ll-re",
            "''I don't want a fractured convention",
            "he",
            "adding",
            "''We don't want to be in Cleveland",
            kind=DIRECT,
            id="quote-after-adding-is-the-participles-nyt",
        ),
        case(
            "nyt_2016-03-23_why-sanders-lags-on-black-vote-h",
            "Mr. Minor said that while",
            "Mr. Minor",
            "said",
            "that while he received his health care",
            kind=MIXED,
            id="content-opens-with-while-clause-nyt",
        ),
    ],
)
def test_polnear_sentence(c: Case) -> None:
    analysis, gold = _analyzed(c.article)
    text = analysis.text
    at = text.find(c.sentence)
    assert at >= 0, f"{c.sentence!r} is not in {c.article}"
    end = text.find("\n", at)
    end = len(text) if end < 0 else end
    found = [s for s in analysis.statements if _cue_in(s, at, end)]
    seen = "\n  ".join(_describe(text, s) for s in found) or "(no attributed statement)"

    # The case is what the gold annotation says.
    relations = [
        r
        for r in gold
        if r.cue
        and at <= r.cue[0].start < end
        and _text(text, r.source) == c.source
        and _text(text, r.cue) == c.cue
    ]
    assert relations, f"no gold relation {c.source!r} / {c.cue!r} in {c.sentence!r}"
    g = relations[0]
    assert text[g.content[0].start :].startswith(c.content), _text(text, g.content)[:80]

    # The finder finds it.
    same_cue = [
        s
        for s in found
        if s.attribution and s.attribution.cue and normalize(text, [s.attribution.cue]) == g.cue
    ]
    assert same_cue, f"no statement with cue {c.cue!r}; found in that sentence:\n  {seen}"
    s = same_cue[0]
    a = s.attribution
    assert a is not None
    where = f"\n  found: {_describe(text, s)}"
    assert normalize(text, [a.source] if a.source else []) == g.source, where
    content = list(s.content)
    followers: list[Statement] = []
    if c.continued:
        # The next attributed statements (the writer's own sentences may come between).
        later = [
            t
            for t in analysis.statements
            if t.content[0].start >= s.content[-1].end and t.attribution is not None
        ]
        followers = later[: c.continued]
        assert len(followers) == c.continued, where
        for t in followers:
            assert t.attribution is not None
            assert t.attribution.source is None, f"not a continuation: {_describe(text, t)}{where}"
            assert t.attribution.cue is None, f"not a continuation: {_describe(text, t)}{where}"
            assert t.speaker == s.speaker, f"another speaker: {_describe(text, t)}{where}"
            content.extend(t.content)
    pred = normalize(text, content)
    assert pred == g.content, f"gold content: {_text(text, g.content)[:80]!r}{where}"
    if c.kind is not None:
        assert s.kind is c.kind, where
    if c.stance is not None:
        assert a.stance == c.stance, where
    speaker = a.speaker
    for field, want in (
        ("name", c.name),
        ("kind", c.speaker_kind),
        ("role", c.role),
        ("title", c.title),
    ):
        if want is not None:
            assert speaker is not None, where
            assert getattr(speaker, field) == want, f"speaker {field}{where}"


# -- synthetic texts --------------------------------------------------------------------------


def _analyze(text: str, title: str | None = None) -> Analysis:
    return PIPELINE.analyze(Article("t", text, title=title))


def _said(analysis: Analysis) -> list[tuple[str, str | None, str | None, str | None]]:
    """``(content, source, cue, speaker name)`` of each attributed statement."""
    text = analysis.text
    out = []
    for s in analysis.statements:
        a = s.attribution
        if a is None:
            continue
        out.append(
            (
                " … ".join(text[c.start : c.end] for c in s.content),
                None if a.source is None else text[a.source.start : a.source.end],
                None if a.cue is None else text[a.cue.start : a.cue.end],
                None if a.speaker is None else a.speaker.name,
            )
        )
    return out


@pytest.mark.parametrize(
    ("opening", "closing"),
    [
        ("“", "”"),  # curly double
        ('"', '"'),  # straight double
        ("‘", "’"),  # curly single
        ("'", "'"),  # straight single
        ("''", "''"),  # the NYT's doubled apostrophes
        ("``", "''"),  # backquotes, as in LaTeX and the Penn Treebank
        ("«", "»"),  # guillemets
        ("„", "”"),  # low-9 opening
    ],
)
def test_every_quote_style_is_a_direct_quote(opening: str, closing: str) -> None:
    quote = f"{opening}We will win this race, and we won’t look back,{closing}"
    text = f"{quote} Jane Smith said on Monday."
    result = _analyze(text)
    (s,) = [s for s in result.statements if s.attribution is not None]
    assert s.kind is StatementKind.DIRECT
    assert _said(result) == [(quote, "Jane Smith", "said", "Jane Smith")]


def test_apostrophes_inside_a_single_quoted_quote_do_not_end_it() -> None:
    text = "‘It’s our choice, and we’ll make it,’ Jane Smith said."
    assert _said(_analyze(text)) == [
        ("‘It’s our choice, and we’ll make it,’", "Jane Smith", "said", "Jane Smith")
    ]


@pytest.mark.parametrize(
    ("text", "quotes"),
    [
        # a curly quotation inside a straight one, which goes on after it
        (
            '"I will read you the question: “Is her health a concern?” Forty-three, yes." '
            "Then he left.",
            ['"I will read you the question: “Is her health a concern?” Forty-three, yes."'],
        ),
        # a straight mark opening a paragraph of a block quotation, never closed, is stray
        (
            '"Trump walked onto the stage, chanting “U-S-A! U-S-A!” Then he left.',
            ["“U-S-A! U-S-A!”"],
        ),
    ],
)
def test_a_quotation_inside_another(text: str, quotes: list[str]) -> None:
    found = find_quotes(text, [Span(0, len(text))])
    assert [text[q.span.start : q.span.end] for q in found] == quotes


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "as X put it", with a comma or a colon before the quotation
        (
            "As Steven M. Rosenthal, a tax lawyer, recently put it, “Did Trump lower his "
            "taxes through legal tax avoidance?”",
            ("Steven M. Rosenthal, a tax lawyer,", "recently put it"),
        ),
        (
            "As Professor Foner put it: “The United States does a better job than most.”",
            ("Professor Foner", "put it:"),
        ),
        # a longer object or adverbial between the cue and its quotation
        (
            "Limbaugh told his radio audience of Monday, “What has happened is this.”",
            ("Limbaugh", "told"),
        ),
        (
            "Trump said in an interview Monday, “We are going to win.”",
            ("Trump", "said"),
        ),
    ],
)
def test_a_cue_before_a_quotation(text: str, expected: tuple[str, str]) -> None:
    said = _said(_analyze(text))
    assert [(s, q) for _, s, q, _ in said] == [expected]
    assert said[0][0].startswith("“")


def test_put_it_alone_is_no_cue() -> None:
    assert _said(_analyze("He put it on the table after the meeting.")) == []


def test_a_quote_over_two_paragraphs_keeps_its_speaker() -> None:
    text = (
        "Mayor Jane Smith spoke to reporters at City Hall on Monday.\n\n"
        "“We will win this race,” Smith said. “Nobody can stop us now.\n\n"
        "“The voters know what we have done for this city.”\n\n"
        "The election is in May and the polls open at eight."
    )
    result = _analyze(text)
    said = _said(result)
    assert ("“The voters know what we have done for this city.”", None, None, "Jane Smith") in said
    lead = [x for x in said if x[2] == "said"]
    assert lead == [
        ("“We will win this race,” … “Nobody can stop us now.", "Smith", "said", "Jane Smith")
    ]
    # The writer's last paragraph is not part of the quote.
    last = result.statements[-1]
    assert last.kind is StatementKind.ASSERTION
    assert result.text_of(last.content[0]) == "The election is in May and the polls open at eight."


def test_a_quote_paragraph_with_no_cue_continues_the_speaker() -> None:
    text = (
        "“The budget is balanced,” said Jane Smith on Monday.\n\n"
        "“We have not borrowed a cent this year.”\n\n"
        "Council members will vote on the plan next week."
    )
    result = _analyze(text)
    assert _said(result) == [
        ("“The budget is balanced,”", "Jane Smith", "said", "Jane Smith"),
        ("“We have not borrowed a cent this year.”", None, None, "Jane Smith"),
    ]


@pytest.mark.parametrize(
    ("text", "source"),
    [
        # after an inverted cue, the comma closing an appositive goes with the source when
        # more follows (PolNeAR train: 70 times of 100)
        (
            "“It is time,” said Terry Giles, a longtime Carson friend, in a recent interview.",
            "Terry Giles, a longtime Carson friend,",
        ),
        ("“It is time,” said Terry Giles in a recent interview.", "Terry Giles"),
        # a coordinated subject after an opening adverbial or a semicolon
        (
            "In swing states like Ohio, many Democrats and Republicans say the economy is weak.",
            "many Democrats and Republicans",
        ),
        ("It was late; he and Brafman had said the same thing.", "he and Brafman"),
        # a web address names its source whole
        ("According to Tchadinfos.com, the army withdrew.", "Tchadinfos.com"),
    ],
)
def test_source_boundaries(text: str, source: str) -> None:
    assert [s for _, s, _, _ in _said(_analyze(text))] == [source]


@pytest.mark.parametrize(
    ("text", "cue", "source"),
    [
        # sources after an inverted cue that open with a lower-case word, run through
        # "adviser to Trump", or end the unit with an abbreviation
        (
            "“It is mainstream,” said former Gov. Bill Richardson.",
            "said",
            "former Gov. Bill Richardson",
        ),
        (
            "“It is old,” said a longtime adviser to Trump, who declined to be identified.",
            "said",
            "a longtime adviser to Trump",
        ),
        (
            "“It is hard,” said Jared Bernstein, a former adviser to Joseph R. Biden Jr.",
            "said",
            "Jared Bernstein, a former adviser to Joseph R. Biden Jr.",
        ),
        # a participle's subject: after "with", or the sentence's
        (
            "Mr. Trump has improved his standing, with 30 percent of voters saying they like him.",
            "saying",
            "30 percent of voters",
        ),
        (
            "The president left no doubt of his commitment, saying that she is qualified.",
            "saying",
            "The president",
        ),
        # "X ... and accused": the subject keeps its parenthesis and stops at the first verb
        (
            "In a takedown, Sen. Bernie Sanders (I-Vt.) called him vain and accused him of lying.",
            "accused",
            "Sen. Bernie Sanders (I-Vt.)",
        ),
        (
            "UK Independence Party leader Nigel Farage said it was false and accused them of it.",
            "accused",
            "UK Independence Party leader Nigel Farage",
        ),
        # a relative clause with no "that": its subject is the source
        ("It is below the 1.2 billion dollars it expects to raise.", "expects", "it"),
        ("It is a tactic many Democrats hope will work.", "hope", "many Democrats"),
        (
            "Politicians and even some technologists say it is slow.",
            "say",
            "Politicians and even some technologists",
        ),
        # a dateline with a state, and an opening adverbial with commas of its own
        (
            "DES MOINES, Iowa — Sen. Ted Cruz (R-Texas) said it would fail.",
            "said",
            "Sen. Ted Cruz (R-Texas)",
        ),
        (
            "At an event in Ames, Iowa, on Sunday, Mrs. Clinton spoke again, saying she would win.",
            "saying",
            "Mrs. Clinton",
        ),
        # an aside between dashes goes with the source, as PolNeAR marks it
        (
            "Jason Sims — a teacher from Mount Pleasant — says he made a last-minute decision.",
            "says",
            "Jason Sims — a teacher from Mount Pleasant —",
        ),
        (
            "Democrats — and some Republicans — say that his alienation of voters is a problem.",
            "say",
            "Democrats — and some Republicans —",
        ),
        # poll shares
        ("About 4 in 10 say they want more liberal policies.", "say", "About 4 in 10"),
        ("More than six in 10 said they were tired of it.", "said", "More than six in 10"),
        # "... and says": the subject of the clause the cue is in
        ("Reid caucused in Nevada on Saturday and says he voted for her.", "says", "Reid"),
        (
            "It was a rally in Philadelphia when Mr. Sanders took issue with recent criticism over"
            " his understanding of financial regulation and assailed Mrs. Clinton.",
            "assailed",
            "Mr. Sanders",
        ),
        ("It won over Weaver, who came out and endorsed Clinton during a call.", "endorsed", "who"),
        (
            "But Mr. Autor and his colleagues found that it mattered.",
            "found",
            "Mr. Autor and his colleagues",
        ),
        (
            "Those close to him say that he would have to consider Reed.",
            "say",
            "Those close to him",
        ),
        (
            "In her favor, all the experts I interviewed said her proposals were more detailed.",
            "said",
            "all the experts I interviewed",
        ),
        ("This is “the same advantage she has held,” reported Reuters.", "reported", "Reuters"),
        # a source that ends in a name, and a trailing cue with a longer source or a time
        (
            '"It needs leadership," retired Air Force general Lloyd Newton said.',
            "said",
            "retired Air Force general Lloyd Newton",
        ),
        (
            '"Subpoenas are not optional," panel Chairman Rep. Jason Chaffetz (R-Utah) said.',
            "said",
            "panel Chairman Rep. Jason Chaffetz (R-Utah)",
        ),
        (
            "The officers watched it on Thursday, attorneys for the family said.",
            "said",
            "attorneys for the family",
        ),
        (
            "Sentiment has been higher than in any year since 2004, the University of Michigan"
            " reported last week.",
            "reported",
            "the University of Michigan",
        ),
        # not a time phrase, a line before, or an aside after the name
        ("Trump at the time said he had asked his people to look into it.", "said", "Trump"),
        ("12\nAnchor Expressed Fear About Future Prejudice.", "Expressed Fear About", "Anchor"),
        (
            "“It is a movement,” said the younger Mr. Trump, surrounded by his siblings.",
            "said",
            "the younger Mr. Trump",
        ),
    ],
)
def test_the_source_of_a_cue(text: str, cue: str, source: str) -> None:
    assert [s for _, s, c, _ in _said(_analyze(text)) if c == cue] == [source]


def test_a_quote_after_a_participle_continues_the_quotation_not_the_participle() -> None:
    # PolNeAR train, nyt: "''Thirty years ago, it was booming,'' Ms. Hughes said, pointing
    # out where ... ''But those days are never coming back.''" is one relation of "said".
    text = (
        "The mill closed last year.\n\n"
        "“Thirty years ago, it was booming,” Ms. Hughes said, pointing out where the"
        " hardware store used to be. “But those days are never coming back.”"
    )
    said = _said(_analyze(text))
    assert said[0] == (
        "“Thirty years ago, it was booming,” … “But those days are never coming back.”",
        "Ms. Hughes",
        "said",
        "Hughes",
    )
    assert said[1][0] == "where the hardware store used to be"


def test_an_unclosed_quote_never_swallows_the_rest_of_the_article() -> None:
    first = "“The plan is dead on arrival, Jane Smith said at the meeting on Monday."
    rest = [f"Road number {i} will be repaved in the spring of next year." for i in range(49)]
    text = "\n\n".join([first, *rest])
    result = _analyze(text)
    para_end = len(first)
    for s in result.statements:
        if s.content[0].start < para_end:
            assert all(c.end <= para_end for c in s.content), result.text_of(s.content[-1])
    # Every later paragraph is still the writer's own sentence, found as such.
    assertions = {
        result.text_of(s.content[0]) for s in result.statements if s.kind is StatementKind.ASSERTION
    }
    assert set(rest) <= assertions
    (quote,) = find_quotes(text, result.layout.body_paragraphs)
    assert not quote.closed
    assert quote.span == Span(0, para_end)


@pytest.mark.parametrize(
    "stray",
    [
        "”Stray closing marks come first,” she said.",  # a closing mark with no quote open
        "The word '' appears here, and then '' again.",  # doubled apostrophes as ditto marks
        "The 1990s' boom and the ’90s were good for rock 'n' roll.",  # apostrophes
        "““Doubled opening marks” are typos.",
        "He measured 6' 2\" and left.",
    ],
)
def test_stray_marks_stay_in_their_paragraph(stray: str) -> None:
    text = "\n\n".join([stray, "The council met on Monday to discuss the budget for the year."])
    result = _analyze(text)
    for s in result.statements:
        for c in s.content:
            assert c.end <= len(stray) or c.start > len(stray), result.text_of(c)
    assert "The council met on Monday to discuss the budget for the year." in {
        result.text_of(s.content[0]) for s in result.statements
    }


@pytest.mark.parametrize(
    ("headline", "source", "content"),
    [
        ("Taxes will rise next year: Mayor", "Mayor", "Taxes will rise next year"),
        ("Taxes will rise next year: Jane Smith", "Jane Smith", "Taxes will rise next year"),
        ("Jane Smith: Taxes will rise next year", "Jane Smith", "Taxes will rise next year"),
        # a group of a named source, and a first name the body gives in full
        ("Smith camp: Taxes will rise next year", "Smith camp", "Taxes will rise next year"),
        ("Jane: Taxes will rise next year", "Jane", "Taxes will rise next year"),
    ],
)
def test_headline_colon_convention(headline: str, source: str, content: str) -> None:
    text = (
        f"{headline}\n\nThe city council met on Monday to discuss the budget for next year. "
        "Jane Smith was there."
    )
    result = _analyze(text, title=headline)
    (s,) = [s for s in result.statements if s.attribution is not None]
    assert _said(result)[0][:3] == (content, source, ":")
    assert s.attribution is not None
    assert s.attribution.stance == "neutral"


def test_a_one_word_headline_topic_is_no_source() -> None:
    # "Brexit Thursday" in the body does not make "Brexit" a first name.
    headline = "Brexit: Taxes will rise next year"
    text = f"{headline}\n\nThe council met on Brexit Thursday to discuss the budget for the year."
    result = _analyze(text, title=headline)
    assert [s for s in result.statements if s.attribution is not None] == []


@pytest.mark.parametrize(
    "section", ["The Latest", "Analysis", "Fact Check", "Breaking News", "Opinion"]
)
def test_a_headline_section_label_is_no_source(section: str) -> None:
    headline = f"{section}: Taxes will rise next year"
    text = f"{headline}\n\nThe city council met on Monday to discuss the budget for next year."
    result = _analyze(text, title=headline)
    assert [s for s in result.statements if s.attribution is not None] == []


@pytest.mark.parametrize("dash", ["―", "—", "–"])
def test_dash_bylines(dash: str) -> None:
    quote = "“We will win this race and nobody can stop us.”"
    for text in (f"Jane Smith {dash} {quote}", f"{quote} {dash} Jane Smith"):
        result = _analyze(text)
        (s,) = result.statements
        assert s.kind is StatementKind.DIRECT, text
        assert _said(result) == [(quote, "Jane Smith", dash, "Jane Smith")], text


def test_a_pronoun_resolves_to_the_full_name() -> None:
    text = (
        "Mayor Jane Smith said on Monday that the budget was balanced.\n\n"
        "“We have not borrowed a cent this year,” she said."
    )
    said = _said(_analyze(text))
    assert said[-1] == ("“We have not borrowed a cent this year,”", "she", "said", "Jane Smith")


@pytest.mark.parametrize(
    ("text", "source", "speaker"),
    [
        # a surname takes the full name the text gives, even further on
        ("Trump said the wall would rise. Donald Trump spoke in Iowa.", "Trump", "Donald Trump"),
        # not the words of a headline or the sentence before it
        (
            "Offensive Things Donald Trump Has Said\n\nWhen Trump said the wall would rise, "
            "crowds cheered.",
            "Trump",
            "Donald Trump",
        ),
        # titles, roles and parties are not the name
        (
            "Vice President Joe Biden spoke. Biden said the deal was done.",
            "Biden",
            "Joe Biden",
        ),
        (
            "Democrat Hillary Clinton won. Clinton said the race was over.",
            "Clinton",
            "Hillary Clinton",
        ),
        # the writer's "I" is no one named before
        ("Jane Smith said the vote was close. I said it was not.", "I", "I"),
        # an honorific picks the full name of the same gender
        (
            "Bill Clinton spoke first. Then Hillary Clinton spoke. Mrs. Clinton said it worked.",
            "Mrs. Clinton",
            "Hillary Clinton",
        ),
        # a pronoun with no speaker before it goes to the person last named, if of its gender
        (
            "During a town hall, Tina Houchins had a question. “My son gave his life,” she said.",
            "she",
            "Tina Houchins",
        ),
    ],
)
def test_a_speaker_resolves_to_the_name_in_full(text: str, source: str, speaker: str) -> None:
    said = {found_source: name for _, found_source, _, name in _said(_analyze(text))}
    assert said[source] == speaker


@pytest.mark.parametrize(
    ("text", "speakers"),
    [
        # people whose surnames end organisations' names stay people
        (
            "Rep. Michelle Steel said the plan would fail. Later, she said it again.",
            [("Michelle Steel", SpeakerKind.PERSON), ("Michelle Steel", SpeakerKind.PERSON)],
        ),
        ("Mr. Church said the vote failed.", [("Church", SpeakerKind.PERSON)]),
        # a surname that is a function word still takes the full name
        (
            "Theresa May spoke in London on Monday. “We will leave,” Mrs. May said.",
            [("Theresa May", SpeakerKind.PERSON)],
        ),
        # but a title that begins a department's name is no person's
        (
            "The Justice Department said the case was closed.",
            [("Justice Department", SpeakerKind.ORGANIZATION)],
        ),
    ],
)
def test_names_that_look_like_something_else(
    text: str, speakers: list[tuple[str, SpeakerKind]]
) -> None:
    found = [(s.speaker.name, s.speaker.kind) for s in _analyze(text).statements if s.speaker]
    assert found == speakers


@pytest.mark.parametrize(
    ("text", "source", "name", "kind"),
    [
        (
            "A spokeswoman, Taylor Quinn, said the plant would close.",
            "A spokeswoman, Taylor Quinn,",
            "Taylor Quinn",
            SpeakerKind.PERSON,
        ),
        (
            "The plant would close, said the union's spokesman, Morgan Ruiz.",
            "the union's spokesman, Morgan Ruiz",
            "Morgan Ruiz",
            SpeakerKind.PERSON,
        ),
        (
            "The company, Exxon Mobil Corp., said it disagreed.",
            "The company, Exxon Mobil Corp.,",
            "Exxon Mobil Corp.",
            SpeakerKind.ORGANIZATION,
        ),
        (
            # a description that is a name already keeps it
            "Richard Revesz, director of the institute, said the rule was legal.",
            "Richard Revesz, director of the institute,",
            "Richard Revesz",
            SpeakerKind.PERSON,
        ),
    ],
)
def test_the_name_in_an_appositive_is_the_speaker(
    text: str, source: str, name: str, kind: SpeakerKind
) -> None:
    ((_, found_source, _, found_name),) = _said(_analyze(text))
    assert (found_source, found_name) == (source, name)
    (s,) = _analyze(text).statements
    assert s.speaker is not None
    assert s.speaker.kind is kind


@pytest.mark.parametrize(
    ("text", "pronoun", "speaker"),
    [
        (
            "Hillary Clinton said the plan would work. Bernie Sanders said it would not. "
            "She said he was wrong.",
            "She",
            "Hillary Clinton",
        ),
        (
            "Mrs. Smith said the plan would work. Mr. Jones said it would not. "
            "She said the vote was close.",
            "She",
            "Smith",
        ),
        (
            # names that say nothing, roles that do
            "Company spokeswoman Taylor Quinn said the plant would close. Union spokesman "
            "Morgan Ruiz said talks would go on. She said the talks had failed.",
            "She",
            "Taylor Quinn",
        ),
        (
            "Nancy Pelosi said the bill would pass. He said it would fail.",
            "He",
            "He",  # no man named before: unresolved, not Nancy Pelosi
        ),
    ],
)
def test_a_pronoun_resolves_to_someone_of_its_gender(text: str, pronoun: str, speaker: str) -> None:
    said = {source: name for _, source, _, name in _said(_analyze(text))}
    assert said[pronoun] == speaker


# -- properties ---------------------------------------------------------------------------------

# Analysing runs every analyzer; generated inputs are small, but timing varies by machine.
quote_settings = settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)

#: Texts of several paragraphs, each from :func:`newsclaims.testing.texts` (sentences with
#: speech verbs and balanced, unbalanced and stray quotation marks of every style).
paragraphed = st.lists(texts(max_pieces=8), min_size=1, max_size=8).map("\n\n".join)


def _paragraphs(analysis: Analysis) -> list[Span]:
    head = analysis.layout.headline
    return ([head] if head is not None else []) + list(analysis.layout.body_paragraphs)


def _paragraph_of(paragraphs: list[Span], span: Span) -> tuple[int, int]:
    """The indexes of the paragraphs where ``span`` starts and ends (-1 if in none)."""

    def index(offset: int) -> int:
        return next((i for i, p in enumerate(paragraphs) if p.start <= offset < p.end), -1)

    return index(span.start), index(span.end - 1)


@quote_settings
@given(st.one_of(articles(), articles(text=paragraphed)))
def test_statement_spans_are_verbatim_and_trimmed(article: Article) -> None:
    result = PIPELINE.analyze(article)
    text = article.text
    for s in result.statements:
        spans = list(s.content)
        assert spans == sorted(spans), s.id
        assert all(a.end <= b.start for a, b in itertools.pairwise(spans)), "content parts overlap"
        if s.attribution is not None:
            spans += [x for x in (s.attribution.source, s.attribution.cue) if x is not None]
        for span in spans:
            assert 0 <= span.start < span.end <= len(text), (s.id, span)
            assert result.text_of(span) == text[span.start : span.end]
            words = text[span.start : span.end]
            assert words == words.strip().strip("\ufeff"), f"{s.id}: untrimmed {words!r}"


@quote_settings
@given(st.one_of(articles(), articles(text=paragraphed)))
def test_quotes_never_cross_a_paragraph(article: Article) -> None:
    result = PIPELINE.analyze(article)
    paragraphs = _paragraphs(result)
    for s in result.statements:
        for c in s.content:
            first, last = _paragraph_of(paragraphs, c)
            assert first >= 0, f"{s.id}: content outside the paragraphs"
            assert last >= 0, f"{s.id}: content outside the paragraphs"
            if s.kind is StatementKind.DIRECT:
                # A direct quote lies in one paragraph, however its marks pair.
                assert first == last, f"{s.id}: {result.text_of(c)!r}"
            else:
                # Reported speech too, but for a lead-in ("... said:") that ends its
                # paragraph and the quote that opens the next.
                assert last - first <= 1, f"{s.id}: {result.text_of(c)!r}"


@quote_settings
@given(paragraphed)
def test_quotation_marks_pair_inside_each_paragraph(text: str) -> None:
    paragraphs = list(Analysis(Article("t", text)).layout.body_paragraphs)
    quotes = find_quotes(text, paragraphs)
    for q, r in itertools.pairwise(quotes):
        assert q.span.end <= r.span.start, "quotes overlap"
    for q in quotes:
        (para,) = [p for p in paragraphs if p.contains(q.span)]
        assert q.span.contains(q.inner)
        assert text[q.span.start] in "“„«\"'‘`", q
        if q.closed:
            assert text[q.span.end - 1] in "”»\"'’“", q
        else:
            # An unclosed quote runs to the end of its paragraph and no further.
            assert q.span.end == para.end


@quote_settings
@given(st.lists(texts(max_pieces=6), min_size=2, max_size=12), st.sampled_from("“\"‘'«„"))
def test_an_unclosed_mark_swallows_no_later_paragraph(paras: list[str], mark: str) -> None:
    text = "\n\n".join([f"{mark}{paras[0]}", *paras[1:]])
    result = PIPELINE.analyze(text)
    first = _paragraphs(result)[:1]
    if not first:
        return
    end = first[0].end
    for s in result.statements:
        if s.kind is StatementKind.DIRECT and s.content[0].start < end:
            assert s.content[-1].end <= end, result.text_of(s.content[-1])


# -- the learned cue detector and cues without a source ---------------------------------------


def test_a_cue_word_the_lexicon_lacks_is_found_by_the_learned_detector() -> None:
    from newsclaims.analyzers.quotes.cues import VERBS

    assert "extolled" not in VERBS
    said = _said(_analyze("The governor extolled the virtues of the new budget on Friday."))
    assert [(c, s, q) for c, s, q, _ in said] == [
        ("the virtues of the new budget on Friday", "The governor", "extolled")
    ]


def test_a_frequent_cue_is_kept_without_a_source_in_view() -> None:
    """The subject of "continue to insist" is out of the finder's view: the relation is
    kept with no source (as PolNeAR keeps such relations) rather than dropped."""
    said = _said(
        _analyze(
            "Republicans have long argued that the law is unconstitutional, and continue to "
            "insist that it be repealed."
        )
    )
    assert said == [
        ("that the law is unconstitutional", "Republicans", "have long argued", "Republicans"),
        ("that it be repealed", None, "insist", None),
    ]


@pytest.mark.parametrize(
    "text",
    [
        # a question is not a claim, and a negated or adverb-led verb has a subject the
        # finder did not see: no statement without a source for either
        "Asked if the plan was dead, the minister shrugged.",
        "Iran does not officially acknowledge the existence of the force.",
    ],
)
def test_no_sourceless_statement_for_questions_or_unseen_subjects(text: str) -> None:
    assert [s for s in _said(_analyze(text)) if s[1] is None] == []


_WORDS = [
    "said",
    "the",
    "senator",
    "extolled",
    "plan",
    "He",
    "claimed",
    "that",
    ",",
    "to",
    "Trump",
    "banana",
    "support",
    "for",
    "“",
    "warned",
    "voters",
    "not",
    "likely",
]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(_WORDS), min_size=1, max_size=12), st.data())
def test_the_floor_only_skips_words_that_cannot_reach_it(
    words: list[str], data: st.DataObject
) -> None:
    """``cue_probability(..., floor)`` is the probability, or 0 when it is below the floor."""
    from newsclaims.analyzers.quotes.learned import cue_probability
    from newsclaims.text import Token

    toks, at = [], 0
    for w in words:
        toks.append(Token(w, at, at + len(w)))
        at += len(w) + 1
    k = data.draw(st.integers(0, len(toks) - 1))
    floor = data.draw(st.sampled_from([0.1, 0.4, 0.7, 0.95]))
    full = cue_probability(toks, k)
    assert 0.0 <= full <= 1.0
    got = cue_probability(toks, k, floor)
    assert got == full or (got == 0.0 and full < floor)
    if words[k] == "banana":  # never a cue in training: not asked about at all
        assert full == 0.0


def test_and_said_starts_an_attribution_of_its_own() -> None:
    said = _said(
        _analyze(
            "Graham called both Trump and Clinton “crazy” and said the party is bound to lose."
        )
    )
    assert [(c, s, q) for c, s, q, _ in said] == [
        ("both Trump and Clinton “crazy”", "Graham", "called"),
        ("the party is bound to lose", "Graham", "said"),
    ]


def test_the_learned_detector_leaves_adverbs_to_the_verb() -> None:
    said = _said(_analyze("Fields later tweeted a photograph and said she had been pushed."))
    assert [q for _, _, q, _ in said] != []
    assert all(q != "later" for _, _, q, _ in said)


def test_a_cue_sentence_after_a_quote_tags_it() -> None:
    said = _said(_analyze("“I hope you find the missing emails.” Trump said.\n\nThe rest."))
    assert [(c, s, q) for c, s, q, _ in said] == [
        ("“I hope you find the missing emails.”", "Trump", "said")
    ]


def test_any_listed_cue_tags_a_question_from_a_sentence_of_its_own() -> None:
    said = _said(_analyze("“Why isn’t this proof that Wells is too big to fail?” Vitter demanded."))
    assert [(s, q) for _, s, q, _ in said] == [("Vitter", "demanded")]


def test_a_cue_after_but_and_an_auxiliary_starts_an_attribution_of_its_own() -> None:
    said = _said(
        _analyze(
            "Clinton has encouraged European nations to bolster defense spending but has said "
            "she will hold firm to U.S. defense commitments."
        )
    )
    assert [(c, s, q) for c, s, q, _ in said] == [
        ("European nations to bolster defense spending", "Clinton", "has encouraged"),
        ("she will hold firm to U.S. defense commitments", "Clinton", "has said"),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a double hyphen is a dash, and a dash ends a reported clause
        (
            "Schiff urged President Obama to retaliate against Russia for interference in the "
            "election -- meddling that he said is designed to sow discord.",
            (
                "President Obama to retaliate against Russia for interference in the election",
                "Schiff",
                "urged",
            ),
        ),
        # ", but" after a quotation that closes on its comma
        (
            "PolitiFact found that Trump’s statement about Chicago is “true,” but in the course "
            "of their report they added a caveat.",
            ("that Trump’s statement about Chicago is “true,”", "PolitiFact", "found"),
        ),
        # ", and" before a lower-case subject with a cue of its own
        (
            "Officials said that the reforms were not complete, and human rights groups warned "
            "that the administration was giving up leverage.",
            ("that the reforms were not complete", "Officials", "said"),
        ),
    ],
)
def test_where_a_reported_clause_ends(text: str, expected: tuple[str, str, str]) -> None:
    assert next((c, s, q) for c, s, q, _ in _said(_analyze(text))) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a second attribution after ", and" keeps its own source
        (
            "Even so, three-quarters of the voters said they were very worried about the "
            "economy, and more than 4 in 10 said Donald Trump would be best at handling it.",
            [
                ("they were very worried about the economy", "three-quarters of the voters"),
                ("Donald Trump would be best at handling it", "more than 4 in 10"),
            ],
        ),
        # a negated belief with a bare clause, and a clause opening with a contraction
        (
            "Democrats don’t think Hillary Clinton can catch Bernie Sanders.",
            [("Hillary Clinton can catch Bernie Sanders", "Democrats")],
        ),
        ("He thinks it’s strong.", [("it’s strong", "He")]),
        # a negated cue still reports the source's stance ("did not respond to a request
        # for comment" is a news formula); only a negated admission admits nothing (the
        # seed's "Iran does not officially acknowledge ...")
        (
            "The Cruz campaign did not immediately respond to a request for comment.",
            [("a request for comment", "The Cruz campaign")],
        ),
        ("Clinton did not mention the email scandal.", [("the email scandal", "Clinton")]),
        ("Iran does not officially acknowledge the existence of the Qods Force.", []),
        # a bare "yes" or "no" is a whole answer, not the question before it
        (
            "Asked if he was ever bullied, the Republican presidential candidate said no.",
            [("no", "the Republican presidential candidate")],
        ),
        # a possessive opens the clause after the object of "told"
        (
            "Podesta told the AP his firm worked closely with the nonprofit.",
            [("his firm worked closely with the nonprofit", "Podesta")],
        ),
        # a cue that needs a clause takes a noun phrase after its usual particle
        ("Clinton hints at her husband's job.", [("her husband's job", "Clinton")]),
        # a short quoted title in the adverbial before "that"
        (
            "Mr. Khan said on NBC's ''Meet the Press'' on Sunday that Mr. Trump had shown "
            "disrespect to his wife.",
            [("that Mr. Trump had shown disrespect to his wife", "Mr. Khan")],
        ),
        # a cue in the words the end model gives back from the content before it
        (
            "Among voters, 46 percent said yes, compared with 23 percent who said using a "
            "private server was improper but not illegal.",
            [
                ("yes", "46 percent"),
                ("using a private server was improper but not illegal", "who"),
            ],
        ),
        # a partitive source before its appositive, after an opener
        (
            "In a statement, one of the family's attorneys, Justin Bamberg, said the videos "
            "show Scott calmly leaving his car.",
            [
                (
                    "the videos show Scott calmly leaving his car",
                    "one of the family's attorneys, Justin Bamberg,",
                )
            ],
        ),
    ],
)
def test_the_content_and_source_of_each_attribution(
    text: str, expected: list[tuple[str, str]]
) -> None:
    assert [(c, s) for c, s, _, _ in _said(_analyze(text))] == expected


@pytest.mark.parametrize(
    ("text", "content", "cue"),
    [
        (
            "The birth of the baby is expected to coincide with the conventions.",
            "The birth of the baby … to coincide with the conventions",
            "is expected",
        ),
        # with an appositive, and with a particle
        (
            "The bank, which has held rates near zero, is expected to act in December.",
            "The bank … to act in December",
            "is expected",
        ),
        (
            "Dylann Roof is accused of killing nine people in June.",
            "Dylann Roof … killing nine people in June",
            "is accused of",
        ),
        # so is the subject of "seem" and "appear", one word long too
        (
            "The closures appear to have brought some stability to the casinos.",
            "The closures … to have brought some stability to the casinos",
            "appear",
        ),
        ("Carson seems to recognize his problem.", "Carson … to recognize his problem", "seems"),
    ],
)
def test_the_subject_of_a_passive_cue_is_content_not_source(
    text: str, content: str, cue: str
) -> None:
    assert _said(_analyze(text)) == [(content, None, cue, None)]


def test_the_subject_of_a_state_of_mind_is_its_source() -> None:
    said = _said(_analyze("Protesters were thrilled that the plan failed."))
    assert said == [("that the plan failed", "Protesters", "were thrilled", "Protesters")]


@pytest.mark.parametrize(
    ("text", "content"),
    [
        # a coordinated subject opening the content is not a new speaker
        ("He said he and Trump differ on Israel.", "he and Trump differ on Israel"),
        # a short adverbial between the cue and its clause
        ("Cruz has said for weeks he’s the only candidate.", "he’s the only candidate"),
        # an adjunct between a cue that needs a clause and the clause
        (
            "Mr. Chagoury explained through a spokesman that he had simply wanted to help.",
            "that he had simply wanted to help",
        ),
        (
            "Cruz has questioned in recent days whether Trump has the temperament.",
            "whether Trump has the temperament",
        ),
        # an object with a quoted name, or a time after the object, before the clause
        (
            "Sanders told MSNBC's “Morning Joe” that nobody would question her.",
            "that nobody would question her",
        ),
        (
            "The president told African-Americans this weekend he would consider it an insult.",
            "he would consider it an insult",
        ),
        # "that" after a noun is not the clause: the noun phrase is the content (PolNeAR is
        # split here: "cited no evidence that" keeps the noun, "showed no sign that" does not)
        (
            "The IG report cited no evidence that Mills intervened in the case.",
            "no evidence that Mills intervened in the case",
        ),
        (
            "He told reporters how surprised he is that health became an issue.",
            "how surprised he is that health became an issue",
        ),
        # a longer object: two plain words, "of" and a place, a contracted pronoun after it
        (
            "Ryan told a news conference they are planting the seeds.",
            "they are planting the seeds",
        ),
        (
            "Whitman told The Star-Ledger of Newark last week she would rather vote for Clinton.",
            "she would rather vote for Clinton",
        ),
        (
            "Pate also told Breitbart News he’d support Hillary Clinton.",
            "he’d support Hillary Clinton",
        ),
        # a gerund after a cue that needs a clause
        (
            "Mr. Trump reported raising and spending about $9 million during the month.",
            "raising and spending about $9 million during the month",
        ),
        # a number, a quantifier or a bare noun phrase after such a cue
        ("Carson reported more than 600 layoffs.", "more than 600 layoffs"),
        ("The company reported earnings of $8.42 a share.", "earnings of $8.42 a share"),
        # a hyphenated word opens a noun phrase too
        (
            "Donald Trump has sharply criticized long-standing free-trade deals.",
            "long-standing free-trade deals",
        ),
        # a one-word object: a name or a pronoun
        ("Cruz has endorsed Trump.", "Trump"),
        ("Dozens of mayors have publicly endorsed her.", "her"),
        # "this" as a determiner, not a time ("said this week")
        ("As a child, I said this hatred was wrong.", "this hatred was wrong"),
        # the object of "urged" and "asked" before an infinitive is content, not of "told"
        (
            "China urged North Korea to resume denuclearization talks.",
            "North Korea to resume denuclearization talks",
        ),
        (
            "The officer asked her husband to come out of the car.",
            "her husband to come out of the car",
        ),
        ("He told reporters to leave the room.", "to leave the room"),
        # an adverb before a question word (PolNeAR train)
        (
            "Thiel did not reveal exactly what he would say Thursday.",
            "exactly what he would say Thursday",
        ),
        # an object of up to seven words with no verb in it (PolNeAR train)
        (
            "Neera Tanden asked former Attorney General Eric Holder whether he had thoughts "
            "on the matter.",
            "whether he had thoughts on the matter",
        ),
        (
            "Trump tells his supporters at a Michigan rally to go to your place and vote.",
            "to go to your place and vote",
        ),
        (
            "Trump asked the reporters at a small Michigan rally how they felt.",
            "how they felt",
        ),
        # ... not at a relative word on the object
        (
            "He told the voters at a rally in Ohio who came to hear him that jobs would return.",
            "that jobs would return",
        ),
        # a bare clause after a pronoun object (PolNeAR train)
        (
            "Mr. Netanyahu assured him it was done without his knowledge.",
            "it was done without his knowledge",
        ),
        ("He asked exactly what the plan was.", "exactly what the plan was"),
        # ... but a verb in it makes it a clause ("this was the only chance to ...")
        (
            "Cornyn told reporters this was the only chance to pass a measure.",
            "this was the only chance to pass a measure",
        ),
        # a bare clause after a short object, with "that" as a pronoun at its end
        (
            "Ryan told a news conference they are planting the seeds to accomplish that.",
            "they are planting the seeds to accomplish that",
        ),
        # a question word right after a cue that may take an object opens the clause
        (
            "Paul also asked how it’s conservative to add a trillion dollars in military "
            "expenditures.",
            "how it’s conservative to add a trillion dollars in military expenditures",
        ),
        (
            "The survey asks where each resident of a household was born.",
            "where each resident of a household was born",
        ),
        # a relative pronoun before a cue with a that-clause is not what is said
        (
            "He joined a lawsuit, which he said that Republicans had filed in bad faith.",
            "that Republicans had filed in bad faith",
        ),
        ("He said this week that the plan was dead.", "that the plan was dead"),
    ],
)
def test_the_reported_clause_after_a_cue(text: str, content: str) -> None:
    assert [c for c, _, _, _ in _said(_analyze(text))] == [content]


@pytest.mark.parametrize(
    ("text", "content", "source"),
    [
        # a trailing "according to" after a sentence whose subject could be a source
        (
            "Including superdelegates, Clinton now has at least 723 delegates, according to "
            "a count by The Associated Press.",
            "Including superdelegates, Clinton now has at least 723 delegates",
            "a count by The Associated Press",
        ),
        # after a quotation, after a dash, and with no comma before it
        (
            "“FBI officials now expect to complete their work in the next few weeks,” "
            "according to CNN.",
            "“FBI officials now expect to complete their work in the next few weeks,”",
            "CNN",
        ),
        (
            "In 2014, Ferguson had 115 instances of violent crime — including murder and "
            "robbery — according to data from the FBI.",
            "In 2014, Ferguson had 115 instances of violent crime — including murder and robbery",
            "data from the FBI",
        ),
        (
            "Clinton is well ahead of the GOP challenger 46 percent to 39 percent according "
            "to a CBS poll released Monday.",
            "Clinton is well ahead of the GOP challenger 46 percent to 39 percent",
            "a CBS poll released Monday",
        ),
        # and after a comma that a participle cue would otherwise open
        (
            "The committee spent at least $345,430 on ads in the election, according to the "
            "Brennan Center.",
            "The committee spent at least $345,430 on ads in the election",
            "the Brennan Center",
        ),
    ],
)
def test_according_to_is_a_phrase_cue_wherever_it_stands(
    text: str, content: str, source: str
) -> None:
    assert [(c, s, q) for c, s, q, _ in _said(_analyze(text))] == [
        (content, source, "according to")
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "As reported by Western Journalism, investigators found over 2,200 emails.",
            ("investigators found over 2,200 emails", "Western Journalism", "reported by"),
        ),
        (
            "The super PAC reserved ad time this week, as first reported by the New York "
            "Times on Tuesday.",
            (
                "The super PAC reserved ad time this week",
                "the New York Times",
                "first reported by",
            ),
        ),
    ],
)
def test_as_reported_by_attributes_the_clause_it_comments_on(
    text: str, expected: tuple[str, str, str]
) -> None:
    assert [(c, s, q) for c, s, q, _ in _said(_analyze(text))] == [expected]


def test_a_participle_cue_takes_in_its_usual_particle() -> None:
    said = _said(_analyze("“It is a real revolution,” Ramos said, referring to the voters."))
    assert [(c, s, q) for c, s, q, _ in said][-1] == ("the voters", "Ramos", "referring to")


@pytest.mark.parametrize(
    ("text", "cues"),
    [
        # learned forms that are seldom cues need a cue's context
        ("Voters went to the polls for what became a razor-thin race.", []),
        ("Sanders drew cheers from union workers at the casino.", []),
        ("Trump went on to say that the wall would be built.", ["went on"]),
    ],
)
def test_a_rare_learned_cue_form_needs_a_cue_context(text: str, cues: list[str]) -> None:
    assert [q for _, _, q, _ in _said(_analyze(text))] == cues


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a quantifier opens an inverted source
        (
            "The meeting deteriorated from there, said one GOP source in the room.",
            ("The meeting deteriorated from there", "one GOP source", "said"),
        ),
        # a part of the day after the day is no content
        (
            "His obsession is an insult to all Americans, top lawmakers said Friday "
            "afternoon, as they bristled at the questions.",
            ("His obsession is an insult to all Americans", "top lawmakers", "said"),
        ),
        # ", as X said." reports the clause before it
        (
            "It also does not answer whether Scott had a gun, as police have said.",
            ("It also does not answer whether Scott had a gun", "police", "have said"),
        ),
        # a sentence connective is the writer's, not the source's
        (
            "Still, almost two in three Republicans view Trump favorably, the poll found.",
            ("almost two in three Republicans view Trump favorably", "the poll", "found"),
        ),
    ],
)
def test_a_trailing_cue_keeps_the_clause_before_it(
    text: str, expected: tuple[str, str, str]
) -> None:
    assert [(c, s, q) for c, s, q, _ in _said(_analyze(text))] == [expected]


def test_a_cue_that_interrupts_its_content_gets_both_parts() -> None:
    said = _said(_analyze("But to prevent problems, he said, local officials should be vigilant."))
    assert [(c, s, q) for c, s, q, _ in said] == [
        ("But to prevent problems … local officials should be vigilant", "he", "said")
    ]
    # also a cue that needs a clause elsewhere
    said = _said(_analyze("The trouble, Frank writes, began in the early 1970s."))
    assert [(c, s, q) for c, s, q, _ in said] == [
        ("The trouble … began in the early 1970s", "Frank", "writes")
    ]


def test_an_object_pronoun_opens_the_content_of_a_criticism() -> None:
    said = _said(_analyze("Ms. Khan criticized him for saying he had sacrificed for his country."))
    assert [(c, s, q) for c, s, q, _ in said] == [
        ("him for saying he had sacrificed for his country", "Ms. Khan", "criticized")
    ]


@pytest.mark.parametrize(
    ("text", "source"),
    [
        # a relative clause with no cue belongs to the source, not to the speaker's name
        ("Khizr Khan, who is Muslim, said the war was wrong.", "Khizr Khan, who is Muslim,"),
        # one with a cue is a source of its own
        ("Charles Barkley, who said he would vote, said the party was lost.", "Charles Barkley"),
    ],
)
def test_a_relative_clause_after_a_source(text: str, source: str) -> None:
    said = _said(_analyze(text))
    assert said[-1][1:] == (source, "said", "Khizr Khan" if "Khan" in text else "Charles Barkley")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Trump has tried to use the ad against Clinton, accusing her of being asleep.",
            ("her of being asleep", "Trump", "accusing"),
        ),
        # past an opening adverbial
        (
            "In his speech, Graham thanked the crowd, saying the party would win.",
            ("the party would win", "Graham", "saying"),
        ),
        (
            "He pitched himself to voters by telling them that their lives are bad.",
            ("that their lives are bad", "He", "telling"),
        ),
    ],
)
def test_a_participle_cue_shares_the_subject_of_its_sentence(
    text: str, expected: tuple[str, str, str]
) -> None:
    said = [(c, s, q) for c, s, q, _ in _said(_analyze(text))]
    assert expected in said


def test_a_quote_earlier_in_the_sentence_is_not_the_content() -> None:
    said = _said(
        _analyze(
            "“Latin History for Dummies” is his new show, and the actor discussed the absence "
            "of Latinos in history lessons."
        )
    )
    assert ("the absence of Latinos in history lessons", "the actor", "discussed") in [
        (c, s, q) for c, s, q, _ in said
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "to" after the cue is no clause opener: the object is skipped as before
        ("Trump said to reporters that the plan works.", ("that the plan works", "Trump")),
        # a quote inside the source is not the content
        (
            "Khan “won” again, telling voters that the plan works.",
            ("that the plan works", "Khan"),
        ),
        # the rest of an interrupted sentence keeps its quote, and stops at the next cue
        (
            "But to prevent problems, he said, officials should watch for “fraud” at the polls.",
            ("But to prevent problems … officials should watch for “fraud” at the polls", "he"),
        ),
        (
            "The plan is dead, he said, and the party must move on, she added.",
            ("The plan is dead … and the party must move on", "he"),
        ),
        # a negated "seem" keeps its clause
        (
            "Trump does not seem to know that the plan works.",
            ("Trump … to know that the plan works", None),
        ),
        # an "according to" after another attribution takes nothing of it
        ("The plan is dead, he said, according to the AP.", ("The plan is dead", "he")),
    ],
)
def test_edge_cases_of_the_clause_rules(text: str, expected: tuple[str, str | None]) -> None:
    assert next((c, s) for c, s, _, _ in _said(_analyze(text))) == expected


def test_according_to_ends_the_content_it_sits_in() -> None:
    said = _said(
        _analyze("Clinton plans to visit Charlotte on Sunday, according to a campaign aide.")
    )
    assert ("Clinton plans to visit Charlotte on Sunday", "a campaign aide", "according to") in [
        (c, s, q) for c, s, q, _ in said
    ]
    assert all(", according" not in c for c, _, _, _ in said)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the subject of a state of mind holds it: it is the source, not content
        (
            "Protesters were frustrated that the police kept the video.",
            ("that the police kept the video", "Protesters"),
        ),
        ("No one expected a full 90 minutes of debate.", ("a full 90 minutes of debate", "No one")),
    ],
)
def test_who_thinks_or_feels_is_the_source(text: str, expected: tuple[str, str]) -> None:
    assert [(c, s) for c, s, _, _ in _said(_analyze(text))] == [expected]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the content ends with the subordinate clause the attribution sits in
        (
            "While Trump laid out his vision for America, the crowd cheered.",
            ("his vision for America", "Trump"),
        ),
        (
            "But now that he has claimed that the deal is dead, the senator faces a long week.",
            ("that the deal is dead", "he"),
        ),
        # "As X noted, ..." still reports the main clause
        (
            "As Clyburn noted, those voters will give Sanders a second look.",
            ("those voters will give Sanders a second look", "Clyburn"),
        ),
        # ... with a prepositional phrase after the cue (PolNeAR train)
        (
            "But as the nationalist Global Times tabloid noted in an op-ed Thursday, the "
            "leading GOP candidate has earned himself a few fans.",
            (
                "the leading GOP candidate has earned himself a few fans",
                "the nationalist Global Times tabloid",
            ),
        ),
        (
            "In the old Union of Soviet Socialist Republics, as Hedrick Smith reported in "
            "his The Russians, the communist big shots had lavish country houses.",
            ("the communist big shots had lavish country houses", "Hedrick Smith"),
        ),
    ],
)
def test_an_attribution_in_a_subordinate_clause_reports_only_that_clause(
    text: str, expected: tuple[str, str]
) -> None:
    assert next((c, s) for c, s, _, _ in _said(_analyze(text))) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a bare present form after a plural noun of record is a cue (PolNeAR train)
        (
            "New filings show it has less than $1.3 million cash on hand.",
            ("it has less than $1.3 million cash on hand", "New filings", "show"),
        ),
        (
            "The reports show Conservative Solutions PAC is spending tens of millions.",
            ("Conservative Solutions PAC is spending tens of millions", "The reports", "show"),
        ),
        (
            "Florida may not be out of reach, as Tuesday’s results show.",
            ("Florida may not be out of reach", "Tuesday’s results", "show"),
        ),
    ],
)
def test_records_show(text: str, expected: tuple[str, str, str]) -> None:
    assert [(c, s, q) for c, s, q, _ in _said(_analyze(text))] == [expected]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # who was asked joins the cue with "about"; what about is the content
        (
            "She asked Sanders about the people deported under the Obama administration.",
            ("the people deported under the Obama administration", "She", "asked Sanders about"),
        ),
        (
            "He died before she could ask him about it.",
            ("it", "she", "could ask him about"),
        ),
    ],
)
def test_asked_someone_about_something(text: str, expected: tuple[str, str, str]) -> None:
    assert [(c, s, q) for c, s, q, _ in _said(_analyze(text))] == [expected]


def test_asked_someone_on_a_day_is_not_about_the_day() -> None:
    assert _said(_analyze("She asked him on Monday.")) == []
    assert _said(_analyze("She asked Tuesday about the plan.")) == []


def test_as_with_the_cue_s_own_particle_is_not_an_aside() -> None:
    # the particle's object is the content, not the main clause after the comma
    text = (
        "As the White House hints at what some of his plans might include, Texas "
        "Governor Greg Abbott is not having any of it."
    )
    assert [(c, s, q) for c, s, q, _ in _said(_analyze(text))] == [
        ("what some of his plans might include", "the White House", "hints at")
    ]


def test_as_with_a_verb_that_is_not_a_cue_is_a_time() -> None:
    # "as" + a learned (not listed) verb + a place: a time, not an attribution
    text = "As he spoke in the lobby of Trump Tower, there were no presentations of steaks."
    assert _said(_analyze(text)) == []


def test_a_content_ends_before_the_close_of_a_parenthesis_it_did_not_open() -> None:
    said = _said(_analyze("(A campaign spokeswoman disputed their account.)"))
    assert [(c, s) for c, s, _, _ in said] == [("their account", "A campaign spokeswoman")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a relative pronoun stands for what is said about
        (
            "They want a wall, which he said the Mexican government should pay for.",
            ("which … the Mexican government should pay for", "he"),
        ),
        # a quotation that goes on with the sentence begun before the cue
        (
            "An economic downturn, he said, “could be a good time to borrow.”",
            ("An economic downturn … “could be a good time to borrow.”", "he"),
        ),
        # not an adverbial before it, nor a quotation that starts its own sentence
        (
            "In his tribute, he said, “there is no greater man.”",
            ("“there is no greater man.”", "he"),
        ),
        ("In the end, he said, “It was worth it.”", ("“It was worth it.”", "he")),
        # a cue with a short adverbial of its own still interrupts its content
        (
            "The truth, the senator said then, was that Trump had attacked his wife.",
            ("The truth … was that Trump had attacked his wife", "the senator"),
        ),
        (
            "These employees, Stumpf explained earlier in the hearing, were “well-paid.”",
            ("These employees … were “well-paid.”", "Stumpf"),
        ),
    ],
)
def test_the_parts_of_a_content_around_its_source(text: str, expected: tuple[str, str]) -> None:
    assert expected in [(c, s) for c, s, _, _ in _said(_analyze(text))]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an adverbial before the subject is not the source
        ("On Tuesday night he said it still posed a threat.", ("it still posed a threat", "he")),
        ("But on Sunday Trump said the plan was dead.", ("the plan was dead", "Trump")),
        # a "what they believe is" later in the sentence leaves the cue before it alone
        (
            "Taylor said he expected people angry at what they believe is a rigged system.",
            ("he expected people angry at what they believe is a rigged system", "Taylor"),
        ),
        # a quotation ending in a comma ends a subordinate clause
        (
            "Although he had claimed he had decimated “core Al Qaeda,” on Tuesday he said"
            " it still posed a threat.",
            ("he had decimated “core Al Qaeda,”", "he"),
        ),
        # a passive after a comma is not an inverted cue that ends the content
        (
            "He said that lately, when he gives speeches, he is asked about her views.",
            ("that lately, when he gives speeches, he is asked about her views", "He"),
        ),
    ],
)
def test_where_a_source_and_its_content_begin_and_end(text: str, expected: tuple[str, str]) -> None:
    assert next((c, s) for c, s, _, _ in _said(_analyze(text))) == expected


@pytest.mark.parametrize(
    ("text", "source"),
    [
        # "to" between nouns stays in a source
        ("The head of the delegation to the forum said the country would act.", None),
        # names on both sides of "and"
        ("But Mr. Grassley and Mr. Leahy said the court would wait.", "Mr. Grassley and Mr. Leahy"),
        # "ally" is a noun, not an adverb of the cue
        ("His closest ally said the plan would fail.", "His closest ally"),
    ],
)
def test_what_a_source_takes_in(text: str, source: str | None) -> None:
    expected = source or text[: text.index(" said")]
    assert next(s for _, s, _, _ in _said(_analyze(text))) == expected


def test_a_participle_goes_with_the_nearer_cue() -> None:
    said = _said(
        _analyze(
            "Mr. Trump intends to give a speech in Washington this month, Mr. Manafort said,"
            " adding that he would."
        )
    )
    assert ("that he would", "Mr. Manafort", "adding") in [(c, s, q) for c, s, q, _ in said]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a participle cue's source is the subject past a dateline or an opening adverbial
        (
            "WASHINGTON (Reuters) — Sen. Chuck Grassley, criticizing the court, said it would"
            " wait.",
            ("it would wait", "Sen. Chuck Grassley"),
        ),
        (
            "Facing criticism, Mr. Trump released a statement, describing the ruling as unfair.",
            ("the ruling as unfair", "Mr. Trump"),
        ),
        ("Instead, he kept going, pledging to fight.", ("to fight", "he")),
        # a participle modifier and its time stay in the source
        (
            "A report issued earlier this year found that the server was insecure.",
            ("that the server was insecure", "A report issued earlier this year"),
        ),
    ],
)
def test_the_subject_past_datelines_and_adverbials(text: str, expected: tuple[str, str]) -> None:
    said = [(c, s) for c, s, _, _ in _said(_analyze(text))]
    assert expected in said
    assert len({q for _, _, q, _ in _said(_analyze(text))}) == len(said)  # one per cue


@pytest.mark.parametrize(
    ("text", "source"),
    [
        # a time between the source and the cue is neither
        (
            "Senator Dianne Feinstein (D-Calif.) last week said Clinton was not the originator.",
            "Senator Dianne Feinstein (D-Calif.)",
        ),
        # an appositive source may open with "the"
        (
            "When the F.B.I. director, James B. Comey, said that the inquiry was over, the room"
            " fell silent.",
            "the F.B.I. director, James B. Comey,",
        ),
        # "even" and a stray apostrophe are not part of it
        ("Even the organizer of the rally said the crowd was small.", "the organizer of the rally"),
        # nor an adjunct after the name, nor an aside in a past participle
        ("Trump in his announcement speech said Mexico was not sending its best.", "Trump"),
        (
            "The younger Mr. Trump, surrounded by his siblings, said the campaign was ready.",
            "The younger Mr. Trump",
        ),
        # but an organisation's "at" and a person's "in" keep theirs
        ("The Tax Policy Center at the Urban Institute said the plan cost more.", None),
        ("A woman in the crowd said he lied.", None),
    ],
)
def test_what_a_source_leaves_out(text: str, source: str | None) -> None:
    expected = source or text[: text.index(" said")]
    assert next(s for _, s, _, _ in _said(_analyze(text))) == expected


@pytest.mark.parametrize(
    ("text", "cue", "content"),
    [
        # a noun of saying and its preposition join the cue (PolNeAR train)
        (
            "Trump also took a shot at likely Democratic nominee Hillary Clinton.",
            "also took a shot at",
            "likely Democratic nominee Hillary Clinton",
        ),
        ("Kasich made no mention of Trump’s proposal.", "made no mention of", "Trump’s proposal"),
        # the progressive of a learned cue form
        ("George Pataki is endorsing John Kasich.", "is endorsing", "John Kasich"),
        # not another's words, and not the subject of a clause
        ("The crowd cheered Clinton’s attacks on Trump.", "cheered", "Clinton’s attacks on Trump"),
        (
            "Cruz said praise from Putin would not affect his policy.",
            "said",
            "praise from Putin would not affect his policy",
        ),
    ],
)
def test_a_noun_of_saying_and_its_preposition_join_the_cue(
    text: str, cue: str, content: str
) -> None:
    assert [(q, c) for c, _, q, _ in _said(_analyze(text))] == [(cue, content)]


def test_a_factive_verb_before_a_noun_phrase_reports_nothing() -> None:
    # "know about X" presupposes X: the sentence is the military's claim only (the seed's
    # second statement), while "reported X" reports X.
    text = "Senior leaders know about the operations of the force, the U.S. military said."
    assert [(q, s) for _, s, q, _ in _said(_analyze(text))] == [("said", "the U.S. military")]


@pytest.mark.parametrize(
    ("text", "content", "kind"),
    [
        # the words that lead into a quotation before a trailing cue are content too
        (
            "The summit accomplished “too little,” he said. “Europe risks a lot.”",
            "The summit accomplished “too little,” … “Europe risks a lot.”",
            MIXED,
        ),
        # but not a topic or a participle that leads into it
        (
            "As for complexity, “broadening the base is key,” he said.",
            "“broadening the base is key,”",
            DIRECT,
        ),
    ],
)
def test_the_words_leading_into_a_quotation(text: str, content: str, kind: StatementKind) -> None:
    analysis = _analyze(text)
    assert [c for c, _, _, _ in _said(analysis)] == [content]
    assert [s.kind for s in analysis.statements] == [kind]


def test_a_one_word_headline_source_is_a_surname_the_article_gives_in_full() -> None:
    headline = "Graham: Taxes will rise next year"
    body = "Sen. Lindsey Graham spoke on Monday about the budget for next year."
    result = _analyze(f"{headline}\n\n{body}", title=headline)
    assert ("Taxes will rise next year", "Graham", ":") in [s[:3] for s in _said(result)]
    # a topic is no source
    headline = "Budget: Taxes will rise next year"
    result = _analyze(f"{headline}\n\n{body}", title=headline)
    assert all(q != ":" for _, _, q, _ in _said(result))


def _cues(text: str, keep: float | None = None) -> list[tuple[StatementKind, str | None]]:
    analysis = Analysis(Article("t", text))
    found = find_statements(analysis) if keep is None else find_statements(analysis, keep=keep)
    return [
        (s.kind, text[s.attribution.cue.start : s.attribution.cue.end] if s.attribution else None)
        for s in found
    ]


def test_the_learned_check_leaves_out_an_unlikely_attribution() -> None:
    # "maintains" is seldom an attribution in PolNeAR train (1 time in 8 the rules take
    # it); what the check leaves out is the writer's own statement. "insisted" stays.
    text = "Clinton maintains a commanding lock on the party's leadership."
    assert _cues(text, keep=0.0) == [(StatementKind.INDIRECT, "maintains")]
    assert _cues(text) == [(StatementKind.ASSERTION, None)]
    claim = "Clinton insisted that she did nothing wrong."
    assert _cues(claim) == [(StatementKind.INDIRECT, "insisted")]


def _parts(statements: list[Statement]) -> set[tuple[object, ...]]:
    return {
        (s.content, s.attribution.source, s.attribution.cue)
        for s in statements
        if s.attribution is not None
    }


@quote_settings
@given(articles())
def test_the_learned_check_only_leaves_attributions_out(article: Article) -> None:
    # Every attribution kept is one the rules found; a left-out one becomes the writer's.
    every = find_statements(Analysis(article), keep=0.0)
    kept = find_statements(Analysis(article))
    assert _parts(kept) <= _parts(every)


def test_a_plain_said_clause_passes_the_learned_check() -> None:
    text = "He said it rained."
    p = keep_probability(text, StatementKind.INDIRECT, Span(0, 2), Span(3, 7), [Span(8, 17)])
    assert p > THRESHOLD


def test_a_left_out_attribution_still_names_the_antecedent_of_a_pronoun() -> None:
    text = (
        "Hillary Clinton maintains a commanding lock on the party's leadership. "
        "She said the plan failed."
    )
    (said,) = [s for s in _analyze(text).statements if s.attribution is not None]
    assert said.attribution is not None
    assert said.attribution.speaker is not None
    assert said.attribution.speaker.name == "Hillary Clinton"


def test_an_aside_as_reported_by_is_no_attribution_of_half_a_clause() -> None:
    text = "The lawsuit, as first reported by the Times on Tuesday, alleges fraud."
    assert _said(_analyze(text)) == []
