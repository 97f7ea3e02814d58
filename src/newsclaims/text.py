"""The shape of an article's text: headline, paragraphs, sentences, body and boilerplate.

A :class:`Layout` is computed once per article, lazily, and shared by every analyzer of a
pipeline through ``analysis.layout``. Everything here is linear in the length of the text:
regular expressions are used only with patterns that cannot backtrack catastrophically.
Nothing here changes the text; every result is a :class:`~newsclaims.model.Span`.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterator
from functools import cached_property

from newsclaims.model import Article, Span

__all__ = ["Layout", "Token", "sentences", "tokens", "trim"]

_BLANK_LINE = re.compile(r"\n[ \t\r\f\v\u00a0]*\n\s*")
_NON_SPACE = re.compile(r"\S")

# Abbreviations after which a period does not end a sentence.
_NEVER_FINAL = frozenset(
    [
        "brig",
        "brigadier",
        "lieut",
        "mr",
        "mrs",
        "ms",
        "dr",
        "prof",
        "gen",
        "lt",
        "col",
        "maj",
        "capt",
        "cmdr",
        "adm",
        "sgt",
        "cpl",
        "pvt",
        "sen",
        "rep",
        "gov",
        "lt-gen",
        "maj-gen",
        "brig-gen",
        "pres",
        "supt",
        "insp",
        "det",
        "fr",
        "rev",
        "hon",
        "amb",
        "messrs",
        "mmes",
        "st",
        "mt",
        "ft",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
        "vs",
        "v",
        "cf",
        "e.g",
        "i.e",
        "approx",
        "est",
        "dept",
        "univ",
        "ave",
        "blvd",
        "rd",
    ]
)
# Abbreviations before a number: they end a sentence when no number follows.
_NUMBERING = frozenset(["no", "nos", "vol", "vols", "fig", "figs"])
# Abbreviations that may end a sentence: they end it when the next word is a common
# sentence opener ("... against the U.S. The military said").
_MAYBE_FINAL = frozenset(
    ["u.s", "u.k", "u.n", "a.m", "p.m", "inc", "corp", "co", "ltd", "jr", "sr", "etc", "d.c", "e.u"]
)
_OPENERS = frozenset(
    [
        "the",
        "a",
        "an",
        "he",
        "she",
        "it",
        "they",
        "we",
        "i",
        "you",
        "his",
        "her",
        "its",
        "their",
        "our",
        "this",
        "that",
        "these",
        "those",
        "there",
        "but",
        "and",
        "or",
        "so",
        "yet",
        "in",
        "on",
        "at",
        "for",
        "from",
        "with",
        "by",
        "as",
        "after",
        "before",
        "when",
        "while",
        "if",
        "although",
        "however",
        "meanwhile",
        "still",
        "asked",
        "according",
    ]
)

# A candidate sentence end: terminal punctuation, then any closing quotes or brackets.
_END = re.compile(r"[.!?…]+[\"'”’»)\]]*(?=\s)")
_WORD_BEFORE = re.compile(r"([A-Za-z][A-Za-z.\-]*)$")

_QUOTE_OPENERS = "\"'“‘«`("

_BOILERPLATE_HEADINGS = re.compile(
    r"(?i)^(?:check also|related(?: (?:stories|articles|coverage|content|posts|news|links))?"
    r"|read (?:more|also|next)|more from\b.*|you (?:may|might) also like|recommended(?: for you)?"
    r"|most (?:read|popular|viewed)|trending(?: now)?|advertisement|share this(?: article)?"
    r"|sign up.*|subscribe.*|see also|further reading|tags?:.*|filed under.*"
    r"|more (?:stories|news|on this story))[:.]?$"
)


def trim(text: str, start: int, end: int) -> Span:
    """The span ``[start, end)`` with surrounding white space removed (empty if all space)."""
    # U+FEFF (a byte-order mark, or a zero-width no-break space) counts as white space.
    while start < end and (text[start].isspace() or text[start] == "\ufeff"):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] == "\ufeff"):
        end -= 1
    return Span(start, end)


def sentences(text: str, span: Span) -> list[Span]:
    """Split the paragraph ``span`` of ``text`` into sentences, in order, trimmed.

    A sentence ends at ``.``, ``!``, ``?`` or ``…`` (with any closing quotes or brackets after
    it) followed by white space and then something that can open a sentence: an upper-case
    letter, a digit or an opening quote. Titles ("Gen.", "Mr.") never end a sentence;
    abbreviations such as "U.S." end one only when a common sentence opener follows.
    """
    out: list[Span] = []
    start = span.start
    for m in _END.finditer(text, span.start, span.end):
        end = m.end()
        nxt = _NON_SPACE.search(text, end, span.end)
        if nxt is None:
            break
        ch = text[nxt.start()]
        if not (ch.isupper() or ch.isdigit() or ch in _QUOTE_OPENERS):
            continue
        if (
            text[m.start()] == "."
            and m.end() - m.start() == 1
            and not _ends_sentence(text, m.start(), nxt.start(), span.start)
        ):
            continue
        s = trim(text, start, end)
        if s.end > s.start:
            out.append(s)
        start = nxt.start()
    s = trim(text, start, span.end)
    if s.end > s.start:
        out.append(s)
    return out


def _ends_sentence(text: str, dot: int, next_start: int, floor: int) -> bool:
    """Whether the single period at ``dot`` ends a sentence."""
    w = _WORD_BEFORE.search(text, max(floor, dot - 20), dot)
    if w is None:
        return True
    word = w.group(1).lower().rstrip(".")
    if len(word) == 1 and word.isalpha():  # an initial: "John F. Kennedy"
        return False
    if word in _NEVER_FINAL or word.rsplit("-", 1)[-1] in _NEVER_FINAL:  # "Brigadier-Gen."
        return False
    if word in _NUMBERING:  # "No. 2", but "... said no. But he said ..."
        return not text[next_start].isdigit()
    if word in _MAYBE_FINAL or ("." in word and len(word) <= 6):
        following = re.match(r"[\w’']+", text[next_start : next_start + 30])
        return following is not None and following.group(0).lower() in _OPENERS
    return True


_LINE_BREAK = re.compile(r"[ \t\r\u00a0]*\n[ \t\r\u00a0]*")
_LINE_END = tuple(".?!:”\"’'»)")
_LINE_START = tuple('“"‘«-–—―•*')


def _split_lines(text: str, block: Span) -> list[Span]:
    """Split a block at single line breaks that end a paragraph.

    Many texts put one line break between paragraphs; hard-wrapped texts put them inside
    paragraphs. A line break ends a paragraph when the line before it ends a sentence or
    the line after it opens a quotation or a list item.
    """
    out: list[Span] = []
    start = block.start
    for m in _LINE_BREAK.finditer(text, block.start, block.end):
        before = text[m.start() - 1] if m.start() > block.start else ""
        after = text[m.end()] if m.end() < block.end else ""
        if before.endswith(_LINE_END) or after.startswith(_LINE_START):
            out.append(trim(text, start, m.start()))
            start = m.end()
    out.append(trim(text, start, block.end))
    return out


class Token:
    """A word or punctuation mark with its offsets; ``lower`` is precomputed for lookups."""

    __slots__ = ("end", "lower", "start", "text")

    def __init__(self, text: str, start: int, end: int) -> None:
        self.text = text
        self.start = start
        self.end = end
        self.lower = text.lower()

    def __repr__(self) -> str:
        return f"Token({self.text!r}, {self.start}, {self.end})"

    @property
    def span(self) -> Span:
        return Span(self.start, self.end)


# Words (with inner apostrophes, hyphens and periods of abbreviations), numbers, or any
# single non-space character. Each alternative consumes at least one character and none
# can backtrack over more than its own run, so tokenizing is linear.
_TOKEN = re.compile(
    r"(?:[A-Za-z]\.){2,}"  # U.S., a.m.
    r"|(?:Mr|Mrs|Ms|Dr|Gen|Sen|Rep|Gov|Lt|Col|Sgt|Capt|Jr|Sr|St|Prof|Rev|Adm|Maj|Cmdr|Brig"
    r"|Ft|Mt|Pres|Supt)\.(?!\w)"  # titles keep their period: "Mr. Burman"
    r"|[A-Z]\.(?=\s+[A-Z])"  # an initial: "John D. Rockefeller"
    r"|\d+(?:[.,:/]\d+)*%?"  # 1,000.5  20-60 is split at the hyphen
    r"|[^\W_]+\.(?:com|org|net|gov|edu)(?![^\W_])"  # Politico.com
    r"|[^\W_]+(?:[’'\-][^\W_]+)*"  # Shi'ite, Brigadier-General
    r"|''|``"  # the NYT's doubled apostrophes
    r"|\S"
)


def tokens(text: str, span: Span) -> list[Token]:
    """The tokens of ``text`` inside ``span``."""
    return [
        Token(m.group(), m.start(), m.end()) for m in _TOKEN.finditer(text, span.start, span.end)
    ]


class Layout:
    """Headline, paragraphs, sentences, body and trailing boilerplate of one article.

    The headline is the article's title where the text begins with it (the ``.txt`` reader
    takes a first line followed by a blank line as the title). The body runs from after the
    headline to the start of trailing web-page boilerplate: a short heading such as "Check
    Also", "Related stories" or "Read more" in the last part of the article, and everything
    after it. Each part is computed on first use.
    """

    def __init__(self, article: Article) -> None:
        self.article = article
        self.text = article.text

    @cached_property
    def paragraphs(self) -> tuple[Span, ...]:
        """Blocks separated by blank lines; where the text has none, its lines."""
        text = self.text
        blocks: list[Span] = []
        start = 0
        for m in _BLANK_LINE.finditer(text):
            blocks.append(trim(text, start, m.start()))
            start = m.end()
        blocks.append(trim(text, start, len(text)))
        out: list[Span] = []
        for block in blocks:
            out.extend(_split_lines(text, block))
        return tuple(b for b in out if b.end > b.start)

    @cached_property
    def headline(self) -> Span | None:
        title = self.article.title
        if not title or not self.paragraphs:
            return None
        first = self.paragraphs[0]
        if self.text.startswith(title.strip(), first.start):
            return trim(self.text, first.start, first.start + len(title.strip()))
        return None

    @cached_property
    def boilerplate(self) -> Span | None:
        """Trailing related-story boxes and share bars, from their heading to the end."""
        paras = self.paragraphs
        if len(paras) < 3:
            return None
        # Only the last third of the article (and never the first two paragraphs) is
        # searched, so a heading-like line in the middle of a story cannot cut it short.
        first = max(2, (2 * len(paras)) // 3 - 1)
        for p in paras[first:]:
            line = self.text[p.start : p.end]
            if len(line) <= 60 and "\n" not in line and _BOILERPLATE_HEADINGS.match(line):
                return Span(p.start, paras[-1].end)
        return None

    @cached_property
    def body(self) -> Span:
        start = self.headline.end if self.headline else 0
        end = self.boilerplate.start if self.boilerplate else len(self.text)
        return trim(self.text, start, max(start, end))

    @cached_property
    def body_paragraphs(self) -> tuple[Span, ...]:
        body = self.body
        return tuple(p for p in self.paragraphs if body.contains(p) and p.end > p.start)

    @cached_property
    def sentences(self) -> tuple[Span, ...]:
        """The body's sentences, in order (the headline is not among them)."""
        out: list[Span] = []
        for p in self.body_paragraphs:
            out.extend(sentences(self.text, p))
        return tuple(out)

    @cached_property
    def _sentence_starts(self) -> list[int]:
        return [s.start for s in self.sentences]

    def sentences_in(self, span: Span) -> Iterator[Span]:
        """The sentences that overlap ``span``."""
        i = max(0, bisect_right(self._sentence_starts, span.start) - 1)
        for s in self.sentences[i:]:
            if s.start >= span.end:
                break
            if s.overlaps(span):
                yield s

    @cached_property
    def _paragraph_starts(self) -> list[int]:
        return [p.start for p in self.paragraphs]

    @cached_property
    def _sentence_ends(self) -> list[int]:
        return [s.end for s in self.sentences]

    def paragraph_of(self, offset: int) -> Span | None:
        """The paragraph containing ``offset``."""
        i = bisect_right(self._paragraph_starts, offset) - 1
        if i >= 0 and offset < self.paragraphs[i].end:
            return self.paragraphs[i]
        return None

    def sentence_index(self, offset: int) -> int:
        """The index of the first sentence ending after ``offset``."""
        return bisect_left(self._sentence_ends, offset + 1)
