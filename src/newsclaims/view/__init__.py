"""See the claims: an analysis as a self-contained HTML page, or inline in a notebook.

>>> import newsclaims
>>> from newsclaims.view import page_html
>>> page = page_html([newsclaims.analyze("The minister said the bridge would reopen.")])
>>> 'data-statement="s1"' in page and "<script" in page and "http-equiv" not in page
True

The page is :func:`page_html` (written by ``newsclaims analyze --format html``); a notebook
shows :func:`notebook_html` through ``Analysis._repr_html_``.
"""

from __future__ import annotations

from newsclaims.view.render import (
    KIND_LABELS,
    Mark,
    article_html,
    mark_text,
    marks,
    notebook_html,
    page_html,
    write_html,
)

__all__ = [
    "KIND_LABELS",
    "Mark",
    "article_html",
    "mark_text",
    "marks",
    "notebook_html",
    "page_html",
    "write_html",
]
