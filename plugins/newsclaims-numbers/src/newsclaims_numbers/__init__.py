"""A newsclaims plugin that tags statements mentioning numbers, sums of money or percentages.

Installed, it is found through the ``newsclaims`` entry point ``numbers`` and adds one
analyzer, also named ``numbers``, that runs after whatever provides ``statements``::

    >>> import newsclaims, newsclaims_numbers
    >>> from newsclaims import Analysis, Article, Span, Statement
    >>> text = "Sales rose 24 percent to $5 million."
    >>> claim = Statement("s1", "assertion", [Span(0, len(text))])
    >>> analysis = Analysis(Article("a1", text), statements=[claim])
    >>> newsclaims_numbers.tag_numbers(analysis).statements[0].tags
    ('number', 'money', 'percent')

A statement gets ``number`` when its content mentions any quantity (``20-60``, ``1,200``,
``three``, ``2.5bn``), and also ``money`` for a sum of money (``$5 million``, ``€3bn``,
``200 dollars``, ``five million pounds``) or ``percent`` for a percentage (``43%``,
``24 percent``, ``two percentage points``). Only the statement's content spans are read, not
its attribution, so "Three officials said the bridge would reopen" is not a number claim.
Tags a statement already has are kept, and tagging twice changes nothing.

Every pattern is compiled once, at import, and each run of digits or number words is consumed
by one possessive match, so the cost is linear in the length of the content.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

import attrs
from newsclaims import Analysis, Analyzer, Span, Statement, hookimpl

__all__ = ["ANALYZER", "MONEY", "NUMBER", "PERCENT", "find_tags", "tag_numbers"]
__version__ = "0.1.0"

NUMBER = "number"
MONEY = "money"
PERCENT = "percent"

# Number words that can make up a spelled-out quantity ("two hundred and fifty thousand").
# "one" is here so that "one million" reads as a quantity; on its own ("one of the", "no
# one") it is a pronoun far more often than a count, and is not tagged.
_NUMBER_WORDS = (
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
    "fifteen sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy "
    "eighty ninety hundred thousand million billion trillion"
)
_UNITS = _NUMBER_WORDS.split()
_WORD = r"(?:" + "|".join(sorted(_UNITS, key=len, reverse=True)) + r")\b"
_WORDS = rf"{_WORD}(?:[ \-](?:and )?{_WORD})*+"

# Digits, with thousands separators or decimals, and an optional range ("20-60", "3–4").
# Not when glued to a word ("G20", "F-16", "COVID-19"), nor followed by letters other than
# a scale ("24th", "4G"), which are names and ordinals rather than quantities.
_DIGITS = (
    r"(?<!\w)(?<![^\W\d_]-)\d++(?:[.,]\d++)*+(?:[\-–]\d++(?:[.,]\d++)*+)?+"
    r"(?!(?!(?i:bn|mn|tn|m|k|b)\b)[^\W\d_])"
)

_SCALE = r"(?:[ \u00a0](?:thousand|million|billion|trillion)\b|(?:bn|mn|tn|m|k|b)\b)"
_SYMBOL = r"(?:(?:US|A|C|NZ|HK|S)?\$|[€£¥₹₽]|(?:USD|EUR|GBP|JPY|CHF|CNY)[ \u00a0]?)"
_CURRENCY = (
    r"(?:(?:US |U\.S\. |American |Canadian |Australian |Hong Kong |Singapore )?dollars?"
    r"|euros?|pounds?(?: sterling)?|sterling|yen|yuan|renminbi|rupees?|roubles?|rubles?"
    r"|francs?|pesos?|rand|dinars?|riyals?|dirhams?|shekels?|cents?|pence"
    r"|USD|EUR|GBP|JPY|CHF|CNY)\b"
)
_PERCENT = r"(?:%|[ \u00a0]?(?:per ?cent|percent|pct)\b|[ \u00a0]percentage points?\b)"

_QUANTITY = re.compile(
    rf"(?P<symbol>{_SYMBOL})?+"
    rf"(?P<amount>{_DIGITS}|(?i:\b{_WORDS}))"
    rf"(?P<scale>(?i:{_SCALE}))?+"
    rf"(?:(?P<percent>(?i:{_PERCENT}))|[ \u00a0](?P<currency>(?i:{_CURRENCY})))?+"
)


def find_tags(text: str, spans: Iterable[Span] | None = None) -> tuple[str, ...]:
    """The tags (``number``, ``money``, ``percent``, in that order) that ``text`` earns.

    With ``spans``, only those stretches of ``text`` are read.
    """
    bounds = [(0, len(text))] if spans is None else [(s.start, s.end) for s in spans]
    found: set[str] = set()
    for start, end in bounds:
        for m in _QUANTITY.finditer(text, start, end):
            if m["symbol"] or m["currency"]:
                found |= {NUMBER, MONEY}
            elif m["percent"]:
                found |= {NUMBER, PERCENT}
            elif m["scale"] or m["amount"].lower() != "one":
                found.add(NUMBER)
        if len(found) == 3:
            break
    return tuple(t for t in (NUMBER, MONEY, PERCENT) if t in found)


def _tag(statement: Statement, text: str) -> Statement:
    new = [t for t in find_tags(text, statement.content) if t not in statement.tags]
    if not new:
        return statement
    return attrs.evolve(statement, tags=(*statement.tags, *new))


def tag_numbers(analysis: Analysis) -> Analysis:
    """Add ``number``, ``money`` and ``percent`` tags to the statements that earn them."""
    statements = tuple(_tag(s, analysis.text) for s in analysis.statements)
    if statements == analysis.statements:
        return analysis
    return analysis.evolve(statements=statements)


ANALYZER = Analyzer(
    name="numbers",
    analyze=tag_numbers,
    needs={"statements"},
    provides={"tags"},
    description="Tags statements that mention numbers, sums of money or percentages.",
)


@hookimpl
def newsclaims_register_analyzers(register: Callable[[Analyzer], None]) -> None:
    register(ANALYZER)
