"""HTML pages as articles: the main text, extracted by trafilatura, with title, date and URL.

Needs the ``html`` extra (``pip install 'newsclaims[html]'``). The text analysed is the text
trafilatura extracts (navigation, boilerplate and comments left out); every offset in the
output is an offset into that text, which the output carries as ``article.text``. The page's
title, publication date, canonical URL and site name become ``title``, ``published``,
``url`` and ``outlet`` when the page gives them.
"""

from __future__ import annotations

from typing import Any

from newsclaims.model import Article

__all__ = ["HtmlUnavailable", "article_from_html", "available"]

#: The one-line reason given for an HTML input when the extra is not installed.
MISSING = "HTML input needs the html extra: pip install 'newsclaims[html]'"


class HtmlUnavailable(RuntimeError):
    """trafilatura is not installed."""


def available() -> bool:
    """Whether HTML pages can be read here (the ``html`` extra is installed)."""
    try:
        _trafilatura()
    except HtmlUnavailable:
        return False
    return True


def _trafilatura() -> Any:
    try:
        import trafilatura
    except ImportError as exc:  # missing, or lxml without its html-clean part
        raise HtmlUnavailable(MISSING) from exc
    return trafilatura


def article_from_html(data: bytes | str, *, default_id: str) -> Article:
    """The article in the HTML page ``data``, with id ``default_id``.

    Raises :class:`HtmlUnavailable` without the ``html`` extra, and :class:`ValueError` with
    a one-line reason when the page holds no main text to extract.
    """
    trafilatura = _trafilatura()
    document = trafilatura.bare_extraction(
        data, with_metadata=True, include_comments=False, include_tables=False
    )
    if document is None:
        raise ValueError("no main text found in the HTML page")
    # trafilatura 2 returns a Document, 1.x a dict.
    fields: dict[str, Any] = document.as_dict() if hasattr(document, "as_dict") else document
    text = fields.get("text") or ""
    if not isinstance(text, str) or not text.strip():
        raise ValueError("no main text found in the HTML page")

    def opt(key: str) -> str | None:
        value = fields.get(key)
        return value.strip() or None if isinstance(value, str) else None

    return Article(
        id=default_id,
        text=text,
        title=opt("title"),
        url=opt("url"),
        published=opt("date"),
        outlet=opt("sitename") or opt("hostname"),
        language=opt("language") or "en",
    )
