"""Quotation marks: which marks open and close quotes, paired in one pass per paragraph.

Handles curly (“ ” ‘ ’), straight (" '), guillemets (« »), low-9 („) and the NYT's doubled
apostrophes (``...'' and ''...''). A quote never crosses a paragraph: a quote left open at the
end of a paragraph ends there (the news convention for a quote that runs over several
paragraphs is to reopen it at the start of the next one, which starts a new quote). A
closing mark with no open quote (a stray "”" at the start of a paragraph) is ignored.
Single quotes are taken as quotation marks only at the top level and only when a matching
close is found in the paragraph, because ’ is far more often an apostrophe.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from attrs import frozen

from newsclaims.model import Span

__all__ = ["Quote", "find_quotes"]

_MARK = re.compile(r"``|''|[“”„«»\"‘’']")
_OPEN_DOUBLE = frozenset({"“", "„", "«", "``"})
_CLOSE_DOUBLE = frozenset({"”", "»"})
_AMBIGUOUS_DOUBLE = frozenset({'"', "''"})
_BEFORE_OPEN = frozenset(" \t\n\r\u00a0([{—–-―/:;,")


@frozen
class Quote:
    """A quotation: ``span`` includes its marks; ``closed`` is false if it ran to the end
    of its paragraph without a closing mark."""

    span: Span
    closed: bool
    #: Where the quoted words are, without the marks.
    inner: Span


def _opens(text: str, i: int, n: int, floor: int, end: int) -> bool:
    """Whether an ambiguous mark at ``i`` (``n`` characters long) opens a quote."""
    before_ok = i == floor or text[i - 1] in _BEFORE_OPEN or text[i - 1] in _OPEN_DOUBLE
    after_ok = i + n < end and not text[i + n].isspace()
    return before_ok and after_ok


def _closes(text: str, i: int, n: int, end: int) -> bool:
    """Whether a single-quote mark at ``i`` closes a quote rather than being an apostrophe."""
    after = text[i + n] if i + n < end else " "
    return not after.isalnum()


def _closed_after(text: str, i: int, end: int, mark: str) -> bool:
    """Whether the curly quote opening at ``i`` closes, and ``mark`` (the straight quote
    open around it) closes after it, before ``end``: only then is it nested. (A straight
    mark opening each paragraph of a block quotation stays open.)"""
    close = text.find("”", i + 1, end)
    return close >= 0 and text.find(mark, close + 1, end) >= 0


def find_quotes(text: str, paragraphs: Iterable[Span]) -> list[Quote]:
    """Every quotation in ``paragraphs``, in text order."""
    out: list[Quote] = []
    for para in paragraphs:
        out.extend(_paragraph_quotes(text, para))
    return out


def _paragraph_quotes(text: str, para: Span) -> list[Quote]:
    found: list[Quote] = []
    open_at: int | None = None  # an open double quote
    open_len = 0
    single_at: int | None = None  # an open top-level single quote
    nested = False  # a curly quote open inside a straight one
    for m in _MARK.finditer(text, para.start, para.end):
        mark = m.group()
        i = m.start()
        n = len(mark)
        if nested:
            # "... read you the question: “As you know, ...?” Forty-three, yes.": the
            # inner quote closes, and the straight quote around it goes on.
            nested = mark not in _CLOSE_DOUBLE
            continue
        if mark == "“" and open_at is not None:
            outer = text[open_at : open_at + open_len]
            if outer in _AMBIGUOUS_DOUBLE and _closed_after(text, i, para.end, outer):
                nested = True
                continue
        if mark in _OPEN_DOUBLE or (
            mark in _AMBIGUOUS_DOUBLE
            and open_at is None
            and _opens(text, i, n, para.start, para.end)
        ):
            if open_at is None:
                open_at, open_len = i, n
                single_at = None
            # Two opening marks in a row: the first one was stray; keep the later one.
            else:
                open_at, open_len = i, n
            continue
        if mark in _CLOSE_DOUBLE or mark in _AMBIGUOUS_DOUBLE:
            if open_at is not None:
                found.append(Quote(Span(open_at, i + n), True, Span(open_at + open_len, i)))
                open_at = None
            continue
        # Single marks: only outside double quotes.
        if open_at is not None:
            continue
        if single_at is None:
            if mark in ("‘", "'") and _opens(text, i, n, para.start, para.end):
                single_at = i
        elif (
            mark in ("’", "'")
            and i > single_at + 1
            and not text[i - 1].isspace()
            and _closes(text, i, n, para.end)
        ):
            found.append(Quote(Span(single_at, i + n), True, Span(single_at + 1, i)))
            single_at = None
    if open_at is not None:
        end = para.end
        found.append(Quote(Span(open_at, end), False, Span(open_at + open_len, end)))
    return found
