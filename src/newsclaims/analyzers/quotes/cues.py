"""The attribution cue lexicon: verbs and phrases that attribute content to a source.

Each verb lemma is listed once with its stance, and every inflected form is generated from
it, so the lexicon stays readable and a form cannot get a different stance from its lemma.
A few verbs are attribution cues only with a complement clause ("believes *that* ...",
"wants *to* ..."); they are marked ``clausal`` and the finder checks what follows them.
"""

from __future__ import annotations

from collections.abc import Iterator
from importlib.resources import files

from attrs import frozen

__all__ = ["PHRASES", "VERBS", "Cue", "verb_forms"]


@frozen
class Cue:
    """A cue word form: its lemma, its stance, and how the finder treats it."""

    lemma: str
    #: How the cue frames its content; None for a learned cue with no curated stance.
    stance: str | None
    #: Needs a complement clause ("that ...", "to ...", a subject) to count as a cue.
    clausal: bool = False
    #: Takes a person object before its content ("told reporters that ...").
    takes_object: bool = False
    #: Learned from annotated data rather than listed by hand (see ``learned_cues.tsv``).
    learned: bool = False
    #: How likely the word is a cue: for a listed form, how often it heads an annotated
    #: cue where it occurs in PolNeAR train (0 when it never does or was not seen there);
    #: for a word the learned detector found, its probability in this context. The finder
    #: keeps a cue without a source in view when this is high enough.
    rate: float = 0.0


# lemma: (stance, clausal, takes_object). Stances: neutral, assertive, accusation, denial,
# admission, belief, intention, warning, claim, question, argument, prediction,
# announcement, agreement, demand, criticism, praise, report.
_VERBS: dict[str, tuple[str, bool, bool]] = {
    "say": ("neutral", False, False),
    "tell": ("neutral", False, True),
    "add": ("neutral", True, False),
    "note": ("neutral", True, False),
    "write": ("neutral", True, False),
    "explain": ("neutral", True, False),
    "state": ("neutral", True, False),
    "comment": ("neutral", False, False),
    "remark": ("neutral", True, False),
    "recall": ("neutral", True, False),
    "reply": ("neutral", False, False),
    "respond": ("neutral", True, False),
    "tweet": ("neutral", False, False),
    "post": ("neutral", True, False),
    "describe": ("neutral", True, False),
    "mention": ("neutral", True, False),
    "observe": ("neutral", True, False),
    "point out": ("neutral", False, False),
    "insist": ("assertive", False, False),
    "maintain": ("assertive", True, False),
    "stress": ("assertive", True, False),
    "assert": ("assertive", False, False),
    "emphasize": ("assertive", True, False),
    "declare": ("assertive", True, False),
    "affirm": ("assertive", True, False),
    "reiterate": ("assertive", True, False),
    "accuse": ("accusation", False, False),
    "charge": ("accusation", True, False),
    "blame": ("accusation", False, False),
    "allege": ("accusation", False, False),
    "deny": ("denial", False, False),
    "reject": ("denial", True, False),
    "dismiss": ("denial", True, False),
    "dispute": ("denial", True, False),
    "admit": ("admission", False, False),
    "acknowledge": ("admission", False, False),
    "concede": ("admission", False, False),
    "confess": ("admission", False, False),
    "believe": ("belief", True, False),
    "think": ("belief", True, False),
    "suspect": ("belief", True, False),
    "feel": ("belief", True, False),
    "fear": ("belief", True, False),
    "know": ("belief", True, False),
    "understand": ("belief", True, False),
    "doubt": ("belief", True, False),
    "worry": ("belief", True, False),
    "want": ("intention", True, False),
    "hope": ("intention", True, False),
    "plan": ("intention", True, False),
    "intend": ("intention", True, False),
    "vow": ("intention", False, False),
    "promise": ("intention", True, False),
    "pledge": ("intention", True, False),
    "threaten": ("intention", True, False),
    "warn": ("warning", False, True),
    "caution": ("warning", True, False),
    "claim": ("claim", False, False),
    "contend": ("argument", False, False),
    "argue": ("argument", False, False),
    "suggest": ("argument", True, False),
    "ask": ("question", True, True),
    "question": ("question", True, False),
    "wonder": ("question", True, False),
    "predict": ("prediction", False, False),
    "expect": ("prediction", True, False),
    "forecast": ("prediction", True, False),
    "estimate": ("prediction", True, False),
    "announce": ("announcement", False, False),
    "report": ("report", True, False),
    "reveal": ("report", True, False),
    "disclose": ("report", True, False),
    "confirm": ("agreement", True, False),
    "agree": ("agreement", True, False),
    "concur": ("agreement", True, False),
    "urge": ("demand", True, True),
    "demand": ("demand", True, False),
    "criticize": ("criticism", True, False),
    "complain": ("criticism", False, False),
    "praise": ("praise", True, False),
    "show": ("report", True, False),
    "find": ("report", True, False),
    "conclude": ("report", False, False),
    "indicate": ("report", True, False),
    "assure": ("assertive", True, True),
    "inform": ("neutral", True, True),
    "remind": ("neutral", True, True),
    "testify": ("neutral", False, False),
    "quip": ("neutral", False, False),
    "joke": ("neutral", False, False),
    "boast": ("assertive", False, False),
    "brag": ("assertive", False, False),
    "acknowledge to": ("admission", False, False),
}

# Irregular forms; regular ones are generated.
_IRREGULAR: dict[str, tuple[str, ...]] = {
    "say": ("say", "says", "said", "saying"),
    "tell": ("tell", "tells", "told", "telling"),
    "write": ("write", "writes", "wrote", "written", "writing"),
    "think": ("think", "thinks", "thought", "thinking"),
    "feel": ("feel", "feels", "felt", "feeling"),
    "know": ("know", "knows", "knew", "known", "knowing"),
    "understand": ("understand", "understands", "understood", "understanding"),
    "find": ("find", "finds", "found", "finding"),
    "show": ("show", "shows", "showed", "shown", "showing"),
    "forecast": ("forecast", "forecasts", "forecasting"),
    "worry": ("worry", "worries", "worried", "worrying"),
    "reply": ("reply", "replies", "replied", "replying"),
    "deny": ("deny", "denies", "denied", "denying"),
    "testify": ("testify", "testifies", "testified", "testifying"),
    "plan": ("plan", "plans", "planned", "planning"),
    "admit": ("admit", "admits", "admitted", "admitting"),
    "quip": ("quip", "quips", "quipped", "quipping"),
}

# Forms that are too often something else to count as cues even with a complement.
_EXCLUDED_FORMS = frozenset(
    {
        "known",
        "understanding",
        "feeling",
        "finding",
        "planning",
        "post",
        "posted",
        "show",
        "question",
        "fear",
        "doubt",
        "report",
        "charge",
        "plan",
        "plans",
        "state",
        "states",
        "note",
        "notes",
        "hope",
        "comment",
        "dispute",
        "forecast",
        "estimate",
        "claim",
        "claims",
    }
)


def _regular(lemma: str) -> tuple[str, ...]:
    if lemma.endswith("e"):
        stem = lemma[:-1]
        return (lemma, lemma + "s", lemma + "d", stem + "ing")
    if lemma.endswith(("s", "sh", "ch", "x", "z")):
        return (lemma, lemma + "es", lemma + "ed", lemma + "ing")
    if lemma.endswith("y") and lemma[-2:-1] not in "aeiou":
        return (lemma, lemma[:-1] + "ies", lemma[:-1] + "ied", lemma + "ing")
    return (lemma, lemma + "s", lemma + "ed", lemma + "ing")


def verb_forms() -> dict[str, Cue]:
    """Every single-word verb form of the lexicon, mapped to its :class:`Cue`."""
    out: dict[str, Cue] = {}
    rates = learned_cues()
    for lemma, (stance, clausal, takes_object) in _VERBS.items():
        if " " in lemma:
            continue
        forms = _IRREGULAR.get(lemma) or _regular(lemma)
        for form in forms:
            if form in _EXCLUDED_FORMS:
                continue
            # "say"/"said" are cues on their own; other bare forms need a complement, and
            # so does every -ing form except "saying"/"telling" ("..., adding that ...").
            out[form] = Cue(lemma, stance, clausal, takes_object, rate=rates.get(form, 0.0))
    for form, precision in rates.items():
        if form in out or (form in _EXCLUDED_FORMS and precision < 0.5):
            continue
        # A form that is a cue most of the time it occurs stands on its own; a rarer one
        # needs something it can govern after it (see the finder's complement check).
        out[form] = Cue(
            form, _LEARNED_STANCES.get(form), precision < 0.7, False, learned=True, rate=precision
        )
    return out


# Stances for frequent learned cue forms; others get no stance rather than a guess.
_LEARNED_STANCES: dict[str, str] = {
    **dict.fromkeys(
        (
            "endorsed",
            "endorsing",
            "endorses",
            "supported",
            "supporting",
            "supports",
            "backed",
            "backing",
            "backs",
            "defended",
            "defending",
            "thanked",
            "applauded",
            "welcomed",
            "hailed",
        ),
        "praise",
    ),
    **dict.fromkeys(
        (
            "criticized",
            "criticizing",
            "criticizes",
            "attacked",
            "attacking",
            "mocked",
            "slammed",
            "blasted",
            "denounced",
            "denouncing",
            "condemned",
            "ripped",
            "lambasted",
            "chided",
            "scolded",
            "opposed",
            "opposing",
        ),
        "criticism",
    ),
    **dict.fromkeys(
        (
            "calling",
            "calls",
            "called",
            "described",
            "describing",
            "labeled",
            "dubbed",
            "referred",
            "referring",
            "named",
        ),
        "neutral",
    ),
    **dict.fromkeys(
        (
            "continued",
            "explained",
            "spoke",
            "speaking",
            "responded",
            "replied",
            "tweeted",
            "posted",
            "cited",
            "citing",
            "quoted",
            "recalled",
        ),
        "neutral",
    ),
    **dict.fromkeys(
        (
            "proposed",
            "proposing",
            "sought",
            "seeking",
            "seeks",
            "refused",
            "declined",
            "offered",
            "vowed",
            "pledged",
            "promised",
        ),
        "intention",
    ),
    **dict.fromkeys(
        (
            "seems",
            "seemed",
            "appears",
            "appeared",
            "appear",
            "seem",
            "sees",
            "saw",
            "see",
            "views",
            "viewed",
        ),
        "belief",
    ),
}


# fmt: off
_DETERMINERS = frozenset({
    "the", "a", "an", "this", "that", "these", "those", "his", "her", "their", "its", "our",
    "my", "your", "some", "any", "every", "each", "no",
})
_PERSONAL = frozenset({"he", "she", "they", "we", "i", "it", "you", "him", "them", "us", "me"})
_PREPOSITIONS = frozenset({
    "in", "on", "at", "for", "of", "about", "with", "by", "from", "over", "against", "into",
    "onto", "during", "after", "before", "under",
})
# fmt: on


def context_class(following: str | None) -> str:
    """The class of the token after a candidate cue word, for the contextual lexicon:
    ``that``, ``to``, ``det``, ``pron``, ``cap``, ``quote``, ``prep``, ``punct``, ``end``
    or ``other``. The learning script and the finder both use this one definition."""
    if following is None:
        return "end"
    low = following.lower()
    if low in ("that", "to"):
        return low
    if low in _DETERMINERS:
        return "det"
    if low in _PERSONAL:
        return "pron"
    if following[:1] in "“\"‘'«":
        return "quote"
    if low in _PREPOSITIONS:
        return "prep"
    if following[:1].isupper():
        return "cap"
    if not following[:1].isalnum():
        return "punct"
    return "other"


def contextual_cues() -> dict[tuple[str, str], float]:
    """(word, context class) pairs learned from PolNeAR train as cues, with how often the
    word is a cue in that context (``contextual_cues.tsv``)."""
    out: dict[tuple[str, str], float] = {}
    for form, klass, n, total in data_rows("contextual_cues.tsv"):
        out[(form, klass)] = int(n) / int(total)
    return out


def learned_cues() -> dict[str, float]:
    """Cue forms learned from PolNeAR train, with how often each form is a cue."""
    out: dict[str, float] = {}
    for form, n, total in data_rows("learned_cues.tsv"):
        out[form] = int(n) / int(total)
    return out


def cue_particles() -> dict[tuple[str, str], float]:
    """(cue word, particle) pairs learned from PolNeAR train, with how often the cue takes
    in the particle right after the word ("warned about", "pointed to")."""
    return {(w, p): int(n) / int(total) for w, p, n, total in data_rows("cue_particles.tsv")}


def data_rows(name: str) -> Iterator[list[str]]:
    """The tab-separated fields of each line of the package data file ``data/NAME``, less
    blank lines and ``#`` comments."""
    path = files("newsclaims.analyzers.quotes") / "data" / name
    for line in path.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            yield line.split("\t")


def _particle_verbs() -> dict[tuple[str, str], Cue]:
    """Verb + particle cues ("called for", "pointed to", "shot back"), every verb form."""
    table = {
        ("call", "for"): "demand",
        ("call", "on"): "demand",
        ("point", "out"): "neutral",
        ("point", "to"): "neutral",
        ("shoot", "back"): "neutral",
        ("fire", "back"): "neutral",
        ("push", "back"): "denial",
        ("weigh", "in"): "neutral",
        ("lash", "out"): "criticism",
        ("speak", "out"): "neutral",
        ("go", "on"): "neutral",
        ("sign", "off"): "agreement",
        ("hit", "back"): "criticism",
        ("chime", "in"): "neutral",
        ("spell", "out"): "neutral",
        ("put", "it"): "neutral",  # "As Professor Foner put it: ..."
    }
    # Cues that count only with a quotation or a clause of their own next to them
    # ("put it in her memoir" alone is no cue).
    clausal = {("put", "it")}
    irregular = {
        "shoot": ("shoot", "shoots", "shot", "shooting"),
        "go": ("go", "goes", "went", "going"),
        "speak": ("speak", "speaks", "spoke", "speaking"),
        "hit": ("hit", "hits", "hitting"),
        "spell": ("spell", "spells", "spelled", "spelt", "spelling"),
        "put": ("put", "puts", "putting"),
    }
    out: dict[tuple[str, str], Cue] = {}
    for (lemma, particle), stance in table.items():
        forms = irregular.get(lemma) or _regular(lemma)
        if lemma in ("call", "sign"):  # "call" doubles its l only in British spelling
            forms = (lemma, lemma + "s", lemma + "ed", lemma + "ing")
        for form in forms:
            out[(form, particle)] = Cue(
                f"{lemma} {particle}", stance, (lemma, particle) in clausal, False
            )
    return out


#: Verb + particle cues, keyed by their two lower-case tokens.
PARTICLE_VERBS: dict[tuple[str, str], Cue] = _particle_verbs()


#: Multiword cues whose source follows them ("according to X") or precedes them
#: ("X is quoted as saying"), as lower-case token tuples, with their stance.
PHRASES: dict[tuple[str, ...], str] = {
    ("according", "to"): "neutral",
    ("in", "a", "statement"): "neutral",
    ("in", "an", "interview"): "neutral",
    ("is", "quoted", "as", "saying"): "neutral",
    ("was", "quoted", "as", "saying"): "neutral",
    ("pointed", "out"): "neutral",
    ("points", "out"): "neutral",
    ("called", "for"): "demand",
    ("calls", "for"): "demand",
    ("called", "on"): "demand",
    ("made", "clear"): "assertive",
    ("makes", "clear"): "assertive",
}


#: Every single-word cue form, built once at import and shared by the finder's modules.
VERBS: dict[str, Cue] = verb_forms()
