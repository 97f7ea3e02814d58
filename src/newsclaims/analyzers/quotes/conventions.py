"""Conventions above the sentence: transcript turns, dash bylines, quote paragraphs that
continue a speaker, and headlines of the form ``Claim: Source``."""

from __future__ import annotations

import re
from collections.abc import Sequence

from newsclaims.analyzers.quotes.cues import VERBS
from newsclaims.analyzers.quotes.speakers import describe
from newsclaims.analyzers.quotes.units import Found, Unit, trim_end, words
from newsclaims.analyzers.quotes.words import (
    QUOTE_CHARS,
)
from newsclaims.model import Span, SpeakerKind, StatementKind
from newsclaims.text import trim

# A transcript turn: "PENCE: Well, look ..." (an upper-case name and a colon open the
# paragraph, after an optional quotation mark).
_TURN = re.compile(r"[\"“']?([A-Z][A-Z.\-’' ]{1,40}[A-Z.]):\s")
# A byline after a quotation: "... lives.” ― Carla Sanchez"
_BYLINE = re.compile(r"\s[―—–]\s?((?:[A-Z][\w’'.\-]*\s?){1,4})\.?$")


def paragraph_conventions(text: str, paragraphs: Sequence[Span]) -> tuple[list[Found], set[int]]:
    """Statements marked at paragraph level: transcript turns and dash bylines."""
    found: list[Found] = []
    handled: set[int] = set()
    for i, para in enumerate(paragraphs):
        turn = _TURN.match(text, para.start, para.end)
        if turn is not None and len(turn.group(1).split()) <= 4:
            content = trim(text, turn.end(), para.end)
            if words(text, content) >= 1:
                name = turn.group(1)
                found.append(
                    Found(
                        [content],
                        StatementKind.DIRECT,
                        source=Span(turn.start(1), turn.end(1)),
                        cue=Span(turn.end(1), turn.end(1) + 1),
                        stance="neutral",
                        source_words=[w.title() for w in name.split()],
                        paragraph=i,
                    )
                )
                handled.add(i)
            continue
        byline = _BYLINE.search(text, max(para.start, para.end - 60), para.end)
        if byline is not None:
            dash = byline.start() + 1
            content = trim(text, para.start, dash)
            if words(text, content) >= 3 and text[content.start] in QUOTE_CHARS:
                name = byline.group(1).strip().rstrip(".")
                found.append(
                    Found(
                        [content],
                        StatementKind.DIRECT,
                        source=Span(byline.start(1), byline.start(1) + len(name)),
                        cue=Span(dash, dash + 1),
                        stance="neutral",
                        source_words=name.split(),
                        paragraph=i,
                    )
                )
                handled.add(i)
    return found, handled


def continuation(
    text: str, unit: Unit, paragraphs: Sequence[Span], found: list[Found], last_direct: int
) -> Found | bool | None:
    """A cue-less quote that continues the previous speaker's quotation.

    In the same paragraph, the quote joins the previous statement's content (PolNeAR
    annotates it as one discontinuous content); in a following paragraph that opens with a
    quotation mark, it is its own statement with no source and no cue.
    """
    if not unit.quotes or not found:
        return None
    quoted = sum(len(q.span) for q in unit.quotes)
    if quoted < 0.6 * len(unit.span):
        return None
    prev = _speaker_of(found)
    if prev.kind is StatementKind.ASSERTION or (
        prev.speaker is None and prev.source is None and not prev.continues
    ):
        return None
    if prev.paragraph == unit.paragraph:
        spans = [q.span for q in unit.quotes]
        last = prev.content[-1]
        if spans[0].start > last.end and _only_stops(text, last.end, spans[0].start):
            # "... her running mate. “And I'm not ruling anybody out.”": one span, the
            # full stop the content had dropped taken back in.
            prev.content[-1] = Span(last.start, spans.pop(0).end)
        prev.content.extend(spans)
        return True
    para = paragraphs[unit.paragraph]
    opens_paragraph = text[para.start] in QUOTE_CHARS and unit.span.start == para.start
    if (
        opens_paragraph
        and 0 < unit.paragraph - last_direct <= 1
        and prev.kind is not StatementKind.INDIRECT
    ):
        return Found(
            [q.span for q in unit.quotes],
            StatementKind.DIRECT,
            source=None,
            cue=None,
            stance=prev.stance,
            source_words=prev.source_words,
            paragraph=unit.paragraph,
            continues=True,
        )
    return None


def _only_stops(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` is sentence punctuation and white space only."""
    return all(c in ".!?;" or c.isspace() for c in text[start:end])


def _speaker_of(found: list[Found]) -> Found:
    """The statement a quotation continues: the last one, or the quotation before it
    when the last one is a participle that shares its source (PolNeAR carries the quote on:
    "“...,” Ms. Hughes said, pointing out where ... “But those days are never coming
    back.”")."""
    prev = found[-1]
    if (
        prev.kind is StatementKind.INDIRECT
        and prev.source is not None
        and len(found) > 1
        and found[-2].source == prev.source
        and found[-2].kind is not StatementKind.INDIRECT
        and found[-2].paragraph == prev.paragraph
    ):
        return found[-2]
    return prev


# Section labels that open headlines with a colon and name no source ("The Latest: ...").
_HEADLINE_LABELS = frozenset(
    {
        "the latest",
        "latest",
        "breaking",
        "breaking news",
        "exclusive",
        "watch",
        "video",
        "live",
        "live updates",
        "update",
        "updated",
        "analysis",
        "opinion",
        "editorial",
        "review",
        "fact check",
        "explainer",
        "q&a",
        "interview",
        "photos",
        "in pictures",
        "factbox",
        "timeline",
        "correction",
        "recap",
        "preview",
        "podcast",
        "first read",
        "morning briefing",
    }
)


# Lower-case words a headline source may have: "Clinton camp:", "Trump aides:".
_NAME_LIKE_LOWER = frozenset(
    {"of", "the", "camp", "campaign", "aides", "aide", "allies", "officials", "spokesman",
     "spokeswoman", "adviser", "advisers", "supporters", "lawyer", "lawyers", "team"}
)  # fmt: skip


_NOT_SURNAMES = frozenset(
    {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday",
     "January", "February", "March", "April", "May", "June", "July", "August",
     "September", "October", "November", "December", "Office", "Committee", "Department",
     "Party", "Act", "Bill", "The"}
)  # fmt: skip


def _named_in_body(text: str, after: int, word: str) -> bool:
    """Whether a one-word headline source is a surname the article gives in full ("Graham:
    ..." and, below, "Sen. Lindsey Graham"), not a topic ("Brexit: ...")."""
    if not word.isalpha() or word.isupper():
        return False
    w = re.escape(word)
    if re.compile(rf"\b[A-Z][\w.]*\s+{w}\b").search(text, after) is not None:
        return True
    # A first name before a surname ("Hillary: ..." and "Hillary Clinton"), on one line
    # and not before a day or a month ("Brexit Thursday").
    return any(
        m.group(1) not in _NOT_SURNAMES
        for m in re.finditer(rf"\b{w}[^\S\n]+([A-Z][a-z]+)\b", text[after:])
    )


def headline(text: str, head: Span) -> Found | None:
    """``Claim: Source`` or ``Source: Claim`` in a headline."""
    line = text[head.start : head.end]
    colon = line.find(":")
    if colon <= 0:
        return None
    left = trim(text, head.start, head.start + colon)
    right = trim(text, head.start + colon + 1, head.end)
    lw = text[left.start : left.end].split()
    rw = text[right.start : right.end].split()
    cue = Span(head.start + colon, head.start + colon + 1)

    def name_like(words: list[str]) -> bool:
        return (
            1 <= len(words) <= 4
            and words[0][:1].isupper()
            and all(w[:1].isupper() or w in _NAME_LIKE_LOWER for w in words)
            and " ".join(words).lower().strip("“”\"'") not in _HEADLINE_LABELS
            # "Christie Calls Hillary Clinton": a title-case verb makes it a clause.
            and not any(w.lower() in VERBS for w in words)
        )

    if name_like(rw) and len(lw) >= 3:
        return Found(
            [left],
            StatementKind.INDIRECT,
            source=right,
            cue=cue,
            stance="neutral",
            source_words=rw,
            paragraph=-1,
        )
    if (
        name_like(lw)
        and len(rw) >= 3
        and (
            len(lw) >= 2
            or describe(lw).kind is not SpeakerKind.UNKNOWN
            or _named_in_body(text, head.end, lw[0])
        )
    ):
        kind = StatementKind.DIRECT if rw[0][:1] in QUOTE_CHARS else StatementKind.INDIRECT
        # A headline's closing period is punctuation, not content.
        content = trim_end(text, right)
        return Found(
            [content], kind, source=left, cue=cue, stance="neutral", source_words=lw, paragraph=-1
        )
    return None
