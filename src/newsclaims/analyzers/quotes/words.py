"""Closed-class word lists the finder reads sources, cues and clauses with."""

from __future__ import annotations

# fmt: off

# Words that may stand between a source and its verb and belong to the cue ("has long
# accused", "also said").
AUX = frozenset(
    {
        "has",
        "have",
        "had",
        "will",
        "would",
        "did",
        "does",
        "do",
        "is",
        "was",
        "are",
        "were",
        "could",
        "may",
        "might",
        "should",
        "can",
        "been",
        "not",
        # Negated forms, with either apostrophe ("didn’t say", "hasn't denied").
        *(
            neg + apostrophe + "t"
            for neg in (
                "didn", "doesn", "don", "isn", "wasn", "aren", "weren", "hasn", "haven",
                "hadn", "wouldn", "couldn", "shouldn", "won", "can",
            )
            for apostrophe in ("’", "'")
        ),
    }
)
CUE_ADVERBS = frozenset(
    {
        "also",
        "now",
        "both",
        "since",
        "twice",
        "finally",
        "long",
        "previously",
        "repeatedly",
        "once",
        "again",
        "later",
        "earlier",
        "recently",
        "publicly",
        "privately",
        "then",
        "often",
        "already",
        "first",
        "still",
        "even",
        "just",
        "further",
        "initially",
        "ultimately",
        "openly",
        "flatly",
        "strongly",
        "reportedly",
        "allegedly",
        "falsely",
        "quickly",
        "frequently",
        "consistently",
        "separately",
        "similarly",
        "elsewhere",
        "never",
        "not",
        "n’t",
        "n't",
        "bluntly",
        "simply",
        "only",
    }
)
# Tokens at which a source noun phrase, read leftwards from its cue, stops.
LEFT_STOP = frozenset(
    {
        ",",
        ";",
        ":",
        "(",
        ")",
        "—",
        "–",
        "―",
        "-",
        "that",
        "which",
        "who",
        "whom",
        "but",
        "because",
        "while",
        "when",
        "if",
        "after",
        "before",
        "since",
        "although",
        "though",
        "as",
        "where",
        "so",
        "yet",
        "and",
        "or",
        "than",
        "whether",
        "until",
        "unless",
        "once",
        "what",
        "?",
        "!",
        "“",
        "”",
        '"',
        "‘",
        "’",
        "«",
        "»",
    }
)
RIGHT_STOP = frozenset(
    {
        ",",
        ";",
        ":",
        ".",
        "(",
        ")",
        "—",
        "–",
        "―",
        "that",
        "on",
        "in",
        "at",
        "during",
        "when",
        "after",
        "before",
        "to",
        "about",
        "while",
        "who",
        "as",
        "?",
        "!",
        "“",
        "”",
        '"',
    }
)
PREPOSITIONS = frozenset(
    {
        "on",
        "in",
        "at",
        "during",
        "after",
        "before",
        "to",
        "with",
        "by",
        "from",
        "for",
        "of",
        "over",
        "earlier",
        "later",
        "last",
        "this",
        "yesterday",
        "today",
        "tonight",
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
    }
)
SUBORDINATORS = frozenset({"that", "if", "whether"})
COPULAS = frozenset({"is", "are", "was", "were"})
PUNCT_CUES = frozenset({":", "—", "―", "–"})
QUOTE_CHARS = "“”\"'‘’«»„`"
NOT_IN_SOURCE = frozenset(
    {
        "to",
        "got",
        "get",
        "gets",
        "be",
        "been",
        "being",
        "let",
        "not",
        "never",
        "no",
        "there",
        "here",
        "if",
        "what",
        "how",
        "why",
    }
)
CONTRACTIONS = ("’ve", "'ve", "’ll", "'ll", "’d", "'d", "’m", "'m", "’re", "'re")
POSSESSIVE_BEFORE = frozenset(
    {
        "his",
        "her",
        "their",
        "its",
        "my",
        "our",
        "your",
        "the",
        "a",
        "an",
        "this",
        "that",
        "these",
        "those",
        "whose",
    }
)
MAX_SOURCE = 12
MIN_ASSERTION_WORDS = 3


TIME_WORDS = frozenset({
    "today", "tonight", "yesterday", "recently", "earlier", "later", "now", "again",
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
    "repeatedly", "publicly", "privately", "flatly", "just", "also", "then",
})
# fmt: on
