"""The hedge lexicon: every cue phrase, what kind of hedge it is, and how it grades certainty.

Phrases are written in lower case with a small brace syntax for variants
(``"seem{,s,ed}"`` is *seem*, *seems*, *seemed*), expanded once at import time and compiled,
together with the starter words of a few structural patterns (approximate numbers, ranges,
"what it says are", vague groups; see ``STARTERS``), into **one** regular expression: the
phrases become a character trie, so a search costs about the same however many phrases there
are, and at each position the longest phrase wins. The expression runs over the lower-cased
text; context rules that need case or neighbouring words live in :mod:`.detect` and are
named here by ``Entry.check``.

A phrase whose entry has kind ``""`` is a *blocker*: it matches, is consumed and yields no
hedge, which is how "as expected", "think tank" or "as soon as possible" keep their shorter
cue words ("expected", "think", "possible") from firing.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from typing import NamedTuple

from newsclaims.model import Certainty

__all__ = ["CUE_RE", "ENTRIES", "NUMBER", "NUMBER_OR", "STARTERS", "TAILS", "Entry", "expand"]

P = Certainty.POSSIBLE
PR = Certainty.PROBABLE
U = Certainty.UNDERSPECIFIED
C = Certainty.CERTAIN


class Entry(NamedTuple):
    """What a cue phrase means.

    ``grade`` is the cue's effect on the certainty of the statement it belongs to (``None``:
    none); ``negates`` flips the statement's polarity ("unlikely", "hard to imagine");
    ``check`` names a context rule in :mod:`.detect` that may reject or reshape the match;
    ``scope`` is how the scope is found: ``clause`` (cue to the end of its clause),
    ``complement`` (what follows the cue, to the end of the clause), ``condition`` (up to
    the first comma) or ``quantity`` (the quantity phrase).
    """

    kind: str
    grade: Certainty | None = None
    negates: bool = False
    check: str | None = None
    scope: str = "clause"


_BRACES = re.compile(r"\{([^{}]*)\}")


def expand(pattern: str) -> Iterator[str]:
    """Every phrase the brace pattern stands for: ``"a{b,c}d"`` gives ``abd``, ``acd``."""
    m = _BRACES.search(pattern)
    if m is None:
        yield " ".join(pattern.split())
        return
    for option in m.group(1).split(","):
        yield from expand(pattern[: m.start()] + option + pattern[m.end() :])


def _list(words: str) -> list[str]:
    return words.split()


ENTRIES: dict[str, Entry] = {}


def _add(patterns: str, entry: Entry) -> None:
    """Add each ``;``-separated brace pattern of ``patterns`` with ``entry``."""
    for pattern in patterns.split(";"):
        if pattern.strip():
            for phrase in expand(pattern.strip()):
                ENTRIES[phrase] = entry


# --- epistemic: the speaker's judgement of how likely the claim is ---------------------------
_add("may", Entry("epistemic", P, check="may"))
_add("might", Entry("epistemic", P, check="might"))
_add("could", Entry("epistemic", P, check="could"))
_add(
    "possibly; perhaps; maybe; conceivably; potentially; possibility; possibilities; "
    "it is possible; it's possible; possible",
    Entry("epistemic", P),
)
_add("speculat{e,es,ed,ing}; speculation", Entry("epistemic", P))
_add(
    "likely; probably; probable; likelihood; in all likelihood; almost certainly; "
    "apparently; seemingly; presumably; arguably; seem{,s,ed}; "
    "appear{,s,ed} to; appear{s,ed} that; it appear{s,ed}; "
    "suggest{,s,ed} that; suggestion that; look{s,ed} set to; look{s,ed} likely",
    Entry("epistemic", PR),
)
# An attributive "potential" qualifies a noun phrase ("potential buyers"), not the claim.
_add("potential", Entry("epistemic"))
_add("unlikely; improbable; doubtful", Entry("epistemic", PR, negates=True))
_add(
    "{,would be ,would have been ,}{hard,difficult} to {imagine,believe,conceive,see how}",
    Entry("epistemic", PR, negates=True),
)
_add(
    "unclear; uncertain; not clear; not certain; not known; "
    "{is,are,was,were,remains,remained,still} unknown; "
    "{,it is ,it's ,}{hard,difficult,impossible} to {say,know,tell,predict}",
    Entry("epistemic", U),
)
# "Possible" in fixed expressions of manner or degree says nothing about likelihood.
_add(
    "as possible; if possible; where possible; wherever possible; whenever possible; "
    "{best,worst,lowest,highest,greatest,largest,smallest,fastest} possible; "
    "{make,makes,made,making} {it ,this ,that ,}possible",
    Entry(""),
)
_add("likely voter{,s}", Entry(""))
_add("would likely; will likely", Entry("epistemic", PR))

# --- doxastic: a holder's belief ------------------------------------------------------------
_add(
    "believe{,s,d}; believing; belief{,s}; think{,s}; thought; "
    "presume{,s,d}; anticipate{,s,d}; feel{,s} that; felt that; "
    "fear{,s,ed} that; estimate{,s,d} that; predict{,s,ed}; guess; reckon{,s,ed}; "
    "{is,are,was,were,widely,generally} {considered,regarded as}; "
    "assumption{,s}",
    Entry("doxastic", PR, scope="complement"),
)
_add("expect{,s,ed,ing}", Entry("doxastic", PR, check="expect", scope="complement"))
_add("suspect{,s}", Entry("doxastic", PR, check="suspect", scope="complement"))
_add("suspected", Entry("doxastic", PR, check="suspected", scope="complement"))
_add("assume{,s,d}", Entry("doxastic", PR, check="assume", scope="complement"))
_add("doubt{,s,ed} {that,whether,if}", Entry("doxastic", PR, negates=True, scope="complement"))
_add(
    "as {,had been ,was ,were }expected; than {,had been ,was ,were }expected; "
    "think tank{,s}; think {of,about}; believe in; believe it or not; "
    "{a,the,second,no,any,some,much,more,little,his,her,their,its,our,my,your} thought{,s}; "
    "thought {of,about}; food for thought; {school,line,train} of thought",
    Entry(""),
)

# --- conditional: the claim holds only if something else does ------------------------------
_add(
    "if; unless; whether; in case; in the event {that,of}; provided that; providing that; "
    "on condition that; only if; as long as",
    Entry("conditional", U, check="conditional", scope="condition"),
)
_add("assuming", Entry("conditional", U, check="assume", scope="condition"))
# Concessive "even if", comparative "as if" and quantity "if any" set no condition on the claim.
_add("even if; as if; as though; what if; if anything; if ever; whether or not", Entry(""))
_add("if any", Entry("approximator"))

# --- investigation: the claim is being looked into -----------------------------------------
_add(
    "{investigat,examin,prob,determin}{e,es,ed,ing} {whether,if}; "
    "{test,check,ask,review,wonder,question}{,s,ed,ing} {whether,if}; "
    "assess{,es,ed,ing} {whether,if}; "
    "{study,studies,studied,studying} {whether,if}; look{,s,ed,ing} into whether; "
    "question of whether; "
    "{remains,remain,remained} to be {seen,determined,established}; "
    "yet to be {seen,determined,established,confirmed}; under investigation",
    Entry("investigation", U, scope="complement"),
)

# --- distancing: a nested attribution the holder does not vouch for -------------------------
_add(
    "allegedly; reportedly; supposedly; purportedly; ostensibly; "
    "{is,are,was,were} alleged to; {is,are,was,were} {said,reported,rumou{,r}ed} to",
    Entry("distancing", U),
)
_add(
    "so-called; so called; purported; self-styled; self-proclaimed; unconfirmed",
    Entry("distancing"),
)
_add("alleged", Entry("distancing", check="alleged"))
_add("supposed to", Entry(""))

# --- vague sources: an unnamed plural or impersonal source ---------------------------------
_SOURCE_NOUNS = _list(
    "experts analysts observers critics sources officials insiders diplomats commentators "
    "pundits scientists researchers economists witnesses residents activists skeptics "
    "sceptics detractors opponents supporters historians scholars academics strategists "
    "lawmakers legislators investigators authorities aides watchers specialists advisers "
    "advisors campaigners"
)
_add(";".join(_SOURCE_NOUNS), Entry("vague_source", check="vague_np"))
_add(
    "{it is,it's,it was,it has been,it had been} {,widely ,generally ,commonly }"
    "{believed,thought,assumed,suspected,expected,feared,estimated}",
    Entry("vague_source", PR, scope="complement"),
)
_add(
    "{it is,it's,it was,it has been,it had been} {,widely ,generally ,commonly }"
    "{rumou{,r}ed,claimed,alleged}",
    Entry("vague_source", U, scope="complement"),
)
_add(
    "{it is,it's,it was,it has been,it had been} {,widely ,generally ,commonly }"
    "{said,reported,understood}",
    Entry("vague_source", scope="complement"),
)
_add(
    "{some,many,others,few} {say,said,believe,argue,argued,claim,claimed,think,fear,suggest,"
    "suggested,contend,maintain,worry}; "
    "{some,many,others} have {said,argued,suggested,claimed}; "
    "{people,those,sources,persons} {familiar with,close to,briefed on}; "
    "according to {reports,media reports,some reports}; there are those who",
    Entry("vague_source"),
)

# --- approximators: a quantity or degree given loosely -------------------------------------
_add(
    "scores of; dozens of; hundreds of; thousands of; tens of thousands of; "
    "hundreds of thousands of; millions of; billions of; a handful of; a number of; "
    "{nearly,almost,virtually} {all,every,everyone,everything,half,entirely,always,twice,"
    "double,completely}; more or less; give or take; "
    "to {some,a certain,a large,a great,a lesser,a limited} {extent,degree}; in part; "
    "largely; mostly; partly; partially",
    Entry("approximator", scope="quantity"),
)
_add(
    "relatively; comparatively; fairly; somewhat; rather",
    Entry("approximator", check="degree", scope="quantity"),
)
_add("roughly; approximately", Entry("approximator", scope="quantity"))
_add("rather than; would rather; or rather; but rather; rather a", Entry(""))

# --- boosters: the holder stresses certainty -----------------------------------------------
_add(
    "clearly; undoubtedly; no doubt; without {,a }doubt; beyond {,any ,a }doubt; "
    "there is no doubt; little doubt; certainly; definitely; of course; obviously; surely; "
    "unquestionably; undeniably; indisputably; for sure",
    Entry("booster", C),
)

# --- structural patterns -------------------------------------------------------------------
# Some cues are a word plus a pattern: "about" + a number, "between" + a range, "what" + a
# nested attribution, "some" + a plural of people. The word goes into the trie as a
# *starter*; when it matches, detect.py tries the pattern named here right after it, and falls
# back to the word's own entry (if any) when the pattern does not fit.

_NUMBER_WORDS = _list(
    "one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
    "fifteen sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy "
    "eighty ninety hundred thousand million billion trillion dozen half two-thirds "
    "three-quarters"
)
_NUMBER_WORD = "(?:" + "|".join(sorted(_NUMBER_WORDS, key=len, reverse=True)) + ")"
#: A number as news writes it: "20", "1,500.5", "$5", "24%", "five", "a dozen", "20 million".
NUMBER = (
    r"(?:[$£€]\s?)?\d+(?:[.,]\d+)*%?(?:\s(?:percent|per\scent|thousand|million|billion"
    r"|trillion))?"
    r"|(?:an?\s)?" + _NUMBER_WORD + r"(?:[-\s]" + _NUMBER_WORD + r")?"
    r"|an?\s(?:third|quarter|fifth|tenth)"
)
_N = "(?:" + NUMBER + ")"
_END = r"(?![\w-])"

#: Pattern name -> what must follow the starter word (matched right at its end).
TAILS: dict[str, re.Pattern[str]] = {
    # "about 200", "nearly 20-30", "some two dozen"
    "approx": re.compile(r"\s+" + _N + r"(?:\s?[-–—]\s?" + _N + ")?" + _END),
    # "between 20-60", "between 20 and 60"
    "between": re.compile(r"\s+" + _N + r"\s*(?:[-–—]|\sand\s|\sto\s)\s*" + _N + _END),
    # "two or three", "20 or so" (after the first number)
    "or": re.compile(r"\s+or\s+(?:so|" + _N + ")" + _END),
    # "what it says are", "what he called": the subject is one to three words, then a verb
    # that names ("called") or asserts ("says ... are").
    "what": re.compile(
        r"\s+(?:[\w.’'-]+\s+){1,3}?"
        r"(?:(?:says|said|claims|claimed|believes|believed|considers|considered|thinks|insists)"
        r"\s+(?:is|are|was|were|to\sbe|has\sbeen|have\sbeen)"
        r"|calls|called|terms|termed|dubs|dubbed|labels|labell?ed|branded|brands"
        r"|describes\sas|described\sas|characteri[sz]ed\sas|sees\sas|regards\sas)" + _END
    ),
    # "some exiled Iranians", "many people": up to two modifiers and a plural; whether it is
    # a *source* is decided in detect.py.
    "group": re.compile(r"\s+(?:[\w.’'-]+\s+){0,2}?(?:people|[a-z][a-z.-]*[a-rt-z]s)" + _END),
}
#: A number followed by "or" and another ("20 or 30"), matched where a digit starts.
NUMBER_OR = re.compile(_N + r"\s+or\s+(?:so|" + _N + ")" + _END)

#: Starter word -> the patterns to try after it, in order.
STARTERS: dict[str, tuple[str, ...]] = {}
for _phrase in expand(
    "{about,around,nearly,almost,roughly,approximately,up to,as many as,as much as,"
    "upwards of,close to,an estimated,estimated,in the region of}"
):
    STARTERS[_phrase] = ("approx",)
for _phrase in expand(
    "{many,several,most,few,a few,other,certain,various,unnamed,anonymous,numerous}"
):
    STARTERS[_phrase] = ("group",)
STARTERS["some"] = ("approx", "group")
STARTERS["between"] = ("between",)
STARTERS["what"] = ("what",)
for _phrase in _NUMBER_WORDS:
    STARTERS[_phrase] = ("or",)


_Node = dict[str, "_Node"]


def _trie(phrases: Iterable[str]) -> str:
    """A regular expression matching exactly ``phrases``, longest first, as a trie."""
    root: _Node = {}
    for phrase in phrases:
        node = root
        for ch in phrase:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: _Node) -> str:
        alternatives = [_char(ch) + build(child) for ch, child in sorted(node.items()) if ch]
        if not alternatives:
            return ""
        body = alternatives[0] if len(alternatives) == 1 else "(?:" + "|".join(alternatives) + ")"
        # An optional continuation is greedy: the longer phrase is tried first.
        return f"(?:{body})?" if "" in node else body

    return build(root)


def _char(ch: str) -> str:
    if ch == " ":
        return r"\s+"
    if ch == "'":
        return "['’]"
    if ch == "-":
        return "[-‐‑]"
    return re.escape(ch)


#: The one expression that finds every cue candidate in lower-cased text: a lexicon phrase
#: or starter (group ``lex``, looked up in ``ENTRIES`` and ``STARTERS``), or the first
#: digit of a number (group ``digit``, which may start "20 or 30").
CUE_RE = re.compile(
    r"(?<![\w'’-])(?:"
    rf"(?P<lex>{_trie([*ENTRIES, *STARTERS])}){_END}"
    r"|(?P<digit>[$£€\d]))"
)
