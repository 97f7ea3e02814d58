"""HTML pages as input: the extracted main text is analysed; title, date and URL are kept."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from newsclaims import html
from newsclaims.cli import cli
from newsclaims.readers import ReadError, read

pytestmark = pytest.mark.skipif(not html.available(), reason="HTML input needs the html extra")

PAGE = """<!doctype html>
<html><head>
<title>Bridge to reopen, minister says | The Daily Example</title>
<meta property="og:title" content="Bridge to reopen, minister says">
<meta property="og:url" content="https://news.example.com/2016/03/bridge">
<meta property="og:site_name" content="The Daily Example">
<meta name="date" content="2016-03-02">
</head><body>
<nav><a href="/">Home</a> <a href="/world">World</a> <a href="/sport">Sport</a></nav>
<article>
<h1>Bridge to reopen, minister says</h1>
<p>The transport minister said on Tuesday that the old bridge over the river would reopen
in May, after two years of repairs that had cost far more than planned.</p>
<p>“It is safe, and it will carry traffic again by the spring,” she told reporters at the
site, adding that inspectors had signed off on the last of the work.</p>
<p>Local shopkeepers said the closure had cut their trade by half.</p>
</article>
<footer>Copyright The Daily Example. All rights reserved. Subscribe to our newsletter.</footer>
</body></html>
"""


def test_a_page_is_read_as_its_main_text_with_title_date_and_url(tmp_path: Path) -> None:
    path = tmp_path / "bridge.html"
    path.write_text(PAGE, encoding="utf-8")
    [article] = read(path)
    assert not isinstance(article, ReadError)
    assert article.id == "bridge"
    assert article.title == "Bridge to reopen, minister says"
    assert article.published == "2016-03-02"
    assert article.url == "https://news.example.com/2016/03/bridge"
    assert article.outlet == "The Daily Example"
    assert "would reopen" in article.text
    assert "Sport" not in article.text  # navigation
    assert "Subscribe" not in article.text  # boilerplate


def test_a_folder_of_pages_through_the_cli(tmp_path: Path) -> None:
    (tmp_path / "pages").mkdir()
    (tmp_path / "pages" / "a.html").write_text(PAGE, encoding="utf-8")
    (tmp_path / "pages" / "b.htm").write_text("<html><body></body></html>", encoding="utf-8")
    result = CliRunner().invoke(cli, ["analyze", str(tmp_path / "pages")])
    assert result.exit_code == 1
    first, second = (json.loads(line) for line in result.stdout.splitlines())
    text = first["article"]["text"]
    assert first["article"]["title"] == "Bridge to reopen, minister says"
    quotes = [s for s in first["statements"] if s["kind"] == "direct"]
    assert quotes
    for span in quotes[0]["content"]:
        assert text[span["start"] : span["end"]] == span["text"]  # offsets into the extract
    assert second["error"]["reason"] == "no main text found in the HTML page"
