"""Readers: every input becomes articles or one-line ReadErrors, text exactly as it was."""

from __future__ import annotations

import gzip
import io
import json
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsclaims import html
from newsclaims.model import Article
from newsclaims.readers import ReadError, Record, read, read_all

SEED = Path(__file__).parent.parent / "seeds" / "000_a7f89c861a905037.txt"


def write(tmp_path: Path, name: str, data: bytes | str) -> Path:
    path = tmp_path / name
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return path


def one(path: Path | str) -> Record:
    records = list(read(path))
    assert len(records) == 1, records
    return records[0]


def stdin(data: bytes) -> list[Record]:
    return list(read("-", stdin=io.BytesIO(data)))


# -- .txt -----------------------------------------------------------------------------------


def test_seed_is_read_exactly() -> None:
    article = one(SEED)
    assert isinstance(article, Article)
    assert article.id == "000_a7f89c861a905037"
    assert article.text == SEED.read_bytes().decode("utf-8")
    assert article.title == "Top Iran leaders aware of Qods Force in Iraq: U.S."
    assert article.text.startswith(article.title)  # the title stays in the text


def test_text_is_not_normalised(tmp_path: Path) -> None:
    data = "Title\r\n\r\n“Quote,” he said.\r\nNext\u00a0line\u2028end\n\n\n"
    article = one(write(tmp_path, "crlf.txt", data))
    assert isinstance(article, Article)
    assert article.text == data
    assert article.title == "Title"


@pytest.mark.parametrize(
    ("text", "title"),
    [
        ("Headline\n\nBody.", "Headline"),
        ("  Headline  \n   \nBody.", "Headline"),
        ("Headline\n\n\n\nBody.", "Headline"),
        ("\ufeffHeadline\n\nBody.", "Headline"),
        ("First line\nsecond line\n\nBody.", None),
        ("One line only.", None),
        ("One line only.\n", None),
        ("One line, then blank lines.\n\n  \n", None),
        ("\n\nBody after blank lines.", None),
        ("", None),
    ],
)
def test_title_is_the_first_line_when_a_blank_line_follows(
    tmp_path: Path, text: str, title: str | None
) -> None:
    article = one(write(tmp_path, "a.txt", text))
    assert isinstance(article, Article)
    assert article.title == title
    assert article.text == text


def test_empty_file_is_an_article_with_empty_text(tmp_path: Path) -> None:
    assert one(write(tmp_path, "empty.txt", b"")) == Article(id="empty", text="")


def test_unknown_extensions_are_read_as_text(tmp_path: Path) -> None:
    article = one(write(tmp_path, "story.md", "He said so."))
    assert article == Article(id="story", text="He said so.")
    assert one(write(tmp_path, "noext", "x")) == Article(id="noext", text="x")


def test_invalid_utf8_names_line_and_byte(tmp_path: Path) -> None:
    path = write(tmp_path, "bad.txt", b"line one\nline \xe9two\n")
    error = one(path)
    assert isinstance(error, ReadError)
    assert error.path == str(path)
    assert error.line == 2
    assert error.reason.startswith("invalid UTF-8 at byte 14")
    assert str(error) == f"{path}: line 2: {error.reason}"
    assert "\n" not in str(error)


def test_nul_byte_is_a_binary_file(tmp_path: Path) -> None:
    error = one(write(tmp_path, "image.txt", b"\x89PNG\r\n\x1a\n\x00\x00"))
    assert isinstance(error, ReadError)
    assert error.reason.startswith("binary file")
    utf16 = one(write(tmp_path, "utf16.txt", "He said".encode("utf-16")))
    assert isinstance(utf16, ReadError)
    assert utf16.reason.startswith("binary file")


def test_missing_file_is_a_read_error(tmp_path: Path) -> None:
    error = one(tmp_path / "nope.txt")
    assert error == ReadError(str(tmp_path / "nope.txt"), None, "no such file or directory")


@pytest.mark.parametrize("name", ["page.html", "PAGE.HTM"])
def test_html_without_main_text_or_the_extra_is_one_read_error(tmp_path: Path, name: str) -> None:
    # Pages with text are tested in test_html.py; this one has none to extract.
    error = one(write(tmp_path, name, "<html><body></body></html>"))
    assert isinstance(error, ReadError)
    expected = "no main text found" if html.available() else html.MISSING
    assert expected in error.reason


# -- .json ----------------------------------------------------------------------------------


def test_json_object(tmp_path: Path) -> None:
    path = write(tmp_path, "one.json", json.dumps({"text": "He said.", "url": "u", "x": 1}))
    assert one(path) == Article(id="one", text="He said.", url="u", metadata={"x": 1})


def test_json_list_with_a_bad_record_goes_on(tmp_path: Path) -> None:
    records = [{"id": "a", "text": "A."}, {"id": 7, "title": "no text"}, {"text": "C."}, 5]
    got = list(read(write(tmp_path, "many.json", json.dumps(records))))
    assert got[0] == Article(id="a", text="A.")
    assert got[1] == ReadError(str(tmp_path / "many.json"), None, "[1]: text: missing", id="7")
    assert got[2] == Article(id="many-3", text="C.")
    assert isinstance(got[3], ReadError)
    assert got[3].reason == "[3]: record: expected an object, got the number 5"


def test_json_with_a_bom_and_non_ascii_text(tmp_path: Path) -> None:
    path = write(tmp_path, "bom.json", "\ufeff" + json.dumps({"text": "“Oui” — dit-il."}))
    assert one(path) == Article(id="bom", text="“Oui” — dit-il.")


@pytest.mark.parametrize(
    ("data", "line", "reason"),
    [
        (b'{\n"text": "a",\n}', 3, "not valid JSON: Expecting property name"),
        (b"[]", None, "the JSON list holds no records"),
        (b'"just a string"', None, "record: expected an object"),
        (b'{"text": NaN}', None, "not valid JSON: NaN is not valid JSON"),
        (b"[" * 200_000, None, "not valid JSON: nested too deeply"),
        (b"", 1, "not valid JSON: Expecting value"),
        (b'{"text": "\xff"}', 1, "invalid UTF-8 at byte 10"),
    ],
)
def test_bad_json_is_one_read_error(
    tmp_path: Path, data: bytes, line: int | None, reason: str
) -> None:
    error = one(write(tmp_path, "bad.json", data))
    assert isinstance(error, ReadError)
    assert error.line == line
    assert error.reason.startswith(reason)


# -- .jsonl ---------------------------------------------------------------------------------


def test_jsonl_bad_lines_are_errors_and_reading_goes_on(tmp_path: Path) -> None:
    lines = [
        json.dumps({"id": "a", "text": "A."}),
        "",
        "   ",
        "{not json",
        json.dumps({"id": "d", "body": "no text"}),
        json.dumps([1, 2]),
        json.dumps({"text": "G."}),
    ]
    path = write(tmp_path, "corpus.jsonl", "\n".join(lines) + "\n")
    a, bad_json, no_text, a_list, g = read(path)
    assert a == Article(id="a", text="A.")
    assert isinstance(bad_json, ReadError)
    assert bad_json.line == 4
    assert bad_json.reason.startswith("not valid JSON: Expecting property name")
    assert no_text == ReadError(str(path), 5, "text: missing", id="d")
    assert a_list == ReadError(str(path), 6, "record: expected an object, got a list")
    assert g == Article(id="corpus-7", text="G.")


def test_jsonl_crlf_bom_and_invalid_utf8_lines(tmp_path: Path) -> None:
    data = (
        b'\xef\xbb\xbf{"id": "a", "text": "x\\r\\ny"}\r\n'
        b'{"id": "b", "text": "\xff"}\r\n'
        b'{"id": "c", "text": "\xe2\x80\x9cok\xe2\x80\x9d"}'
    )
    got = list(read(write(tmp_path, "c.jsonl", data)))
    assert got[0] == Article(id="a", text="x\r\ny")
    assert isinstance(got[1], ReadError)
    assert (got[1].line, got[1].reason) == (2, "invalid UTF-8 at byte 21 of the line")
    assert got[2] == Article(id="c", text="“ok”")


def test_jsonl_binary_file_is_one_error(tmp_path: Path) -> None:
    error = one(write(tmp_path, "x.jsonl", b'{"text": "a"}\n\x00\x01\x02\n' * 1000))
    assert isinstance(error, ReadError)
    assert (error.line, error.reason) == (2, "binary file (NUL byte)")


def test_gzipped_json_lines_and_json(tmp_path: Path) -> None:
    lines = b'{"id": "a", "text": "A."}\n{"id": "b", "text": "B."}\n'
    got = list(read(write(tmp_path, "c.jsonl.gz", gzip.compress(lines))))
    assert got == [Article(id="a", text="A."), Article(id="b", text="B.")]
    single = write(tmp_path, "d.json.gz", gzip.compress(b'{"text": "D."}'))
    assert one(single) == Article(id="d", text="D.")


@pytest.mark.parametrize("name", ["c.jsonl.gz", "d.json.gz"])
def test_broken_gzip_is_a_read_error(tmp_path: Path, name: str) -> None:
    not_gzip = one(write(tmp_path, name, b'{"text": "plain"}\n'))
    assert isinstance(not_gzip, ReadError)
    assert not_gzip.reason.startswith("not a valid gzip file")
    truncated = gzip.compress(b'{"text": "A."}\n' * 1000)[:-30]
    got = list(read(write(tmp_path, name, truncated)))
    assert isinstance(got[-1], ReadError)
    assert all(isinstance(r, Article) for r in got[:-1])


# -- directories and stdin ------------------------------------------------------------------


def test_directory_files_in_sorted_order(tmp_path: Path) -> None:
    write(tmp_path, "b.txt", "B")
    write(tmp_path, "a.json", '{"text": "A"}')
    write(tmp_path, "c.jsonl", '{"id": "c1", "text": "C1"}\n{"id": "c2", "text": "C2"}\n')
    write(tmp_path, "d.jsonl.gz", gzip.compress(b'{"id": "d", "text": "D"}'))
    write(tmp_path, "notes.md", "skipped")
    write(tmp_path, ".hidden.txt", "skipped")
    (tmp_path / "sub").mkdir()
    write(tmp_path / "sub", "e.txt", "not descended into")
    got = list(read(tmp_path))
    assert [(r.id, r.text) for r in got if isinstance(r, Article)] == [
        ("a", "A"),
        ("b", "B"),
        ("c1", "C1"),
        ("c2", "C2"),
        ("d", "D"),
    ]
    assert len(got) == 5


def test_directory_errors_name_the_file(tmp_path: Path) -> None:
    write(tmp_path, "bad.txt", b"\xff")
    (error,) = read(tmp_path)
    assert isinstance(error, ReadError)
    assert error.path == str(tmp_path / "bad.txt")


def test_empty_directory_is_a_read_error(tmp_path: Path) -> None:
    error = one(tmp_path)
    assert isinstance(error, ReadError)
    assert error.reason == "no .txt, .json, .jsonl or .html files in this directory"


def test_stdin_text() -> None:
    assert stdin(b"Title\n\nHe said so.\n") == [
        Article(id="stdin", text="Title\n\nHe said so.\n", title="Title")
    ]
    assert stdin(b"") == [Article(id="stdin", text="")]


def test_stdin_starting_with_a_bracket_is_taken_for_json() -> None:
    (error,) = stdin(b"  [Updated] He said.")
    assert isinstance(error, ReadError)
    assert (error.path, error.line) == ("-", 1)
    assert error.reason.startswith("not valid JSON")


def test_stdin_json_and_json_lines() -> None:
    assert stdin(b'  {"id": "a", "text": "A"}') == [Article(id="a", text="A")]
    assert stdin(b'{\n  "id": "a",\n  "text": "A"\n}\n') == [Article(id="a", text="A")]
    assert stdin(b'[{"text": "A"}, {"text": "B"}]') == [
        Article(id="stdin-1", text="A"),
        Article(id="stdin-2", text="B"),
    ]
    got = stdin(b'{"text": "A"}\n{"text": \n{"text": "C"}\n')
    assert got[0] == Article(id="stdin-1", text="A")
    assert isinstance(got[1], ReadError)
    assert got[1].line == 2
    assert got[2] == Article(id="stdin-3", text="C")
    assert stdin(b'\xef\xbb\xbf{"text": "A"}') == [Article(id="stdin", text="A")]


def test_stdin_defaults_to_sys_stdin(monkeypatch: pytest.MonkeyPatch) -> None:
    fake = io.TextIOWrapper(io.BytesIO(b"He said."), encoding="utf-8")
    monkeypatch.setattr("sys.stdin", fake)
    assert list(read("-")) == [Article(id="stdin", text="He said.")]


def test_read_all_pairs_records_with_their_path(tmp_path: Path) -> None:
    a = write(tmp_path, "a.txt", "A")
    got = list(read_all([a, tmp_path / "missing.txt"]))
    assert got[0] == (str(a), Article(id="a", text="A"))
    assert got[1][0] == str(tmp_path / "missing.txt")
    assert isinstance(got[1][1], ReadError)


# -- properties -----------------------------------------------------------------------------

SUFFIXES = [".txt", ".json", ".jsonl", ".jsonl.gz", ".json.gz", ".html", ".bin"]
json_like = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(), inner, max_size=3),
).map(lambda v: json.dumps(v).encode("utf-8"))
inputs = st.one_of(
    st.binary(max_size=300),
    json_like,
    st.lists(json_like | st.binary(max_size=30), max_size=5).map(b"\n".join),
    st.text(max_size=200).map(lambda t: t.encode("utf-8")),
)


@settings(deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=inputs, suffix=st.sampled_from(SUFFIXES), compress=st.booleans())
def test_any_bytes_give_articles_or_read_errors(data: bytes, suffix: str, compress: bool) -> None:
    if suffix.endswith(".gz") and compress:
        data = gzip.compress(data)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / f"input{suffix}"
        path.write_bytes(data)
        for record in [*read(path), *stdin(data)]:
            assert isinstance(record, Article | ReadError)
            if isinstance(record, ReadError):
                assert "\n" not in str(record)


@settings(deadline=None)
@given(st.text())
def test_any_utf8_text_is_read_back_exactly(text: str) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "a.txt"
        path.write_bytes(text.encode("utf-8"))
        article = one(path)
    if "\x00" in text:
        assert isinstance(article, ReadError)
    else:
        assert isinstance(article, Article)
        assert article.text == text
        if article.title is not None:
            assert article.title in text


@settings(deadline=None)
@given(st.lists(st.text(), max_size=5), st.booleans())
def test_jsonl_records_keep_their_text_exactly(texts: list[str], ascii: bool) -> None:
    lines = (json.dumps({"text": t}, ensure_ascii=ascii) for t in texts)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "c.jsonl"
        path.write_bytes("\n".join(lines).encode("utf-8"))
        got = list(read(path))
    assert [a.text for a in got if isinstance(a, Article)] == texts
