"""Reading articles from files, directories and stdin, exactly as they are.

:func:`read` turns a path into a stream of :class:`~newsclaims.model.Article` values and
:class:`ReadError` records, in input order. It never raises for bad input: a file that cannot
be read, a line that is not JSON, a record without text all become a ``ReadError`` saying
where and why, and reading goes on with the next record where there is one.

Text is never normalised: files are opened in binary and decoded as strict UTF-8 without
newline translation, so character offsets into ``article.text`` are offsets into the input.

==========================  ===================================================================
input                       articles
==========================  ===================================================================
``.txt``, other extensions  the whole file is the text; id = the file's stem; the first line is
                            the title when a blank line follows it (it stays in the text)
``.json``                   one record object, or a list of them
``.jsonl``                  one record object per non-blank line
``.json.gz``, ``.jsonl.gz``  the same, gzip-compressed
a directory                 its ``.txt``, ``.json``, ``.jsonl`` (and ``.gz``) and ``.html``
                            files, sorted by name
``-``                       stdin: JSON or JSON Lines if it starts with ``{`` or ``[``, else text
``.html``, ``.htm``         the page's main text (with the ``html`` extra, see
                            :mod:`newsclaims.html`); id = the file's stem
==========================  ===================================================================

A record is an object with ``text`` and optionally ``id``, ``title``, ``url``,
``published``, ``outlet`` and ``language``; other keys are kept in ``article.metadata``
(see :func:`newsclaims.serialize.article_from_record`).
"""

from __future__ import annotations

import gzip
import json
import os
import re
import sys
import zlib
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any, BinaryIO

from attrs import frozen

from newsclaims.model import Article
from newsclaims.serialize import SchemaError, article_from_record

__all__ = ["ReadError", "Record", "read", "read_all"]

STDIN = "-"

#: Files a directory is searched for, by (lower-cased) suffix.
_DIRECTORY_SUFFIXES = (".txt", ".json", ".jsonl", ".json.gz", ".jsonl.gz", ".html", ".htm")
#: How much of a JSON Lines file is checked for NUL bytes before it is read as text.
_SNIFF_BYTES = 8192


@frozen
class ReadError:
    """An input, or one record of it, that could not be read as an article.

    ``path`` is the path as given (``"-"`` for stdin); ``line`` is the 1-based line the
    problem is on, when there is one; ``id`` is the record's id when it could be found.
    """

    path: str
    line: int | None
    reason: str
    id: str | None = None

    def __str__(self) -> str:
        where = self.path if self.line is None else f"{self.path}: line {self.line}"
        return f"{where}: {self.reason}"


#: What :func:`read` yields.
Record = Article | ReadError


def read(path: str | os.PathLike[str], *, stdin: BinaryIO | None = None) -> Iterator[Record]:
    """Every article in ``path``, in order, with a :class:`ReadError` for what cannot be read.

    ``path`` is a file, a directory or ``"-"`` for standard input (``stdin`` if given, else
    ``sys.stdin.buffer``). Raises nothing for any input; time and memory are linear in the
    size of the input (JSON Lines are read a line at a time).
    """
    name = os.fspath(path)
    if name == STDIN:
        yield from _read_stdin(stdin if stdin is not None else sys.stdin.buffer)
        return
    p = Path(name)
    try:
        if p.is_dir():
            yield from _read_directory(p, name)
            return
    except OSError as exc:
        yield ReadError(name, None, _os_reason(exc))
        return
    yield from _read_file(p, name)


def read_all(paths: Iterable[str | os.PathLike[str]]) -> Iterator[tuple[str, Record]]:
    """Each record of each path in turn, paired with the path it came from."""
    for path in paths:
        for record in read(path):
            yield os.fspath(path), record


def _kind(name: str) -> str:
    """The format of a file named ``name``: text, json, jsonl, json.gz, jsonl.gz or html."""
    lower = name.lower()
    for suffix in (".jsonl.gz", ".json.gz", ".jsonl", ".json", ".html", ".htm"):
        if lower.endswith(suffix):
            return "html" if suffix.startswith(".htm") else suffix[1:]
    return "text"


def _stem(p: Path) -> str:
    name = p.name
    for suffix in (".jsonl.gz", ".json.gz"):
        if name.lower().endswith(suffix) and len(name) > len(suffix):
            return name[: -len(suffix)]
    return p.stem or name or "article"


def _os_reason(exc: OSError) -> str:
    if isinstance(exc, FileNotFoundError):
        return "no such file or directory"
    if isinstance(exc, PermissionError):
        return "permission denied"
    if isinstance(exc, IsADirectoryError):
        return "is a directory"
    return exc.strerror or f"{type(exc).__name__}: {exc}"


def _read_directory(directory: Path, name: str) -> Iterator[Record]:
    files = sorted(
        (
            p
            for p in directory.iterdir()
            if not p.name.startswith(".")
            and p.name.lower().endswith(_DIRECTORY_SUFFIXES)
            and p.is_file()
        ),
        key=lambda p: p.name,
    )
    if not files:
        yield ReadError(name, None, "no .txt, .json, .jsonl or .html files in this directory")
        return
    for p in files:
        yield from _read_file(p, os.path.join(name, p.name))


def _read_file(p: Path, name: str) -> Iterator[Record]:
    kind = _kind(p.name)
    try:
        if kind == "jsonl":
            with p.open("rb") as fp:
                yield from _read_jsonl(fp, name, _stem(p))
            return
        if kind == "jsonl.gz":
            with gzip.open(p, "rb") as gz:
                yield from _read_jsonl(gz, name, _stem(p))
            return
        if kind == "json.gz":
            with gzip.open(p, "rb") as gz:
                data = gz.read()
        else:
            data = p.read_bytes()
    except OSError as exc:
        # gzip.BadGzipFile is an OSError; a truncated stream raises EOFError, handled below.
        yield ReadError(name, None, _gzip_reason(exc) if ".gz" in kind else _os_reason(exc))
        return
    except (EOFError, zlib.error) as exc:
        yield ReadError(name, None, f"not a valid gzip file: {exc}")
        return
    if kind in ("json", "json.gz"):
        yield from _read_json(data, name, _stem(p))
    elif kind == "html":
        yield _read_html(data, name, _stem(p))
    else:
        yield _read_text(data, name, _stem(p))


def _gzip_reason(exc: OSError) -> str:
    if isinstance(exc, gzip.BadGzipFile):
        return f"not a valid gzip file: {exc}"
    return _os_reason(exc)


def _read_stdin(stream: BinaryIO) -> Iterator[Record]:
    try:
        data = stream.read()
    except OSError as exc:
        yield ReadError(STDIN, None, _os_reason(exc))
        return
    first = re.search(rb"[^\s\xef\xbb\xbf]", data)  # skipping white space and a UTF-8 BOM
    if first is None or data[first.start()] not in b"{[":
        yield _read_text(data, STDIN, "stdin")
        return
    if data[first.start()] == ord("[") or _is_one_document(data):
        yield from _read_json(data, STDIN, "stdin")
    else:
        yield from _read_jsonl(iter(data.splitlines(keepends=True)), STDIN, "stdin")


def _is_one_document(data: bytes) -> bool:
    """Whether ``data`` (starting with ``{``) parses as one JSON value, so is not JSON Lines."""
    try:
        json.loads(data.decode("utf-8-sig"))
    except (ValueError, RecursionError):
        return False
    return True


# -- text -------------------------------------------------------------------------------------

_FIRST_LINES = re.compile(r"([^\r\n]*)(?:\r\n|\r|\n)([^\r\n]*)(?:\r\n|\r|\n)")
_NON_SPACE = re.compile(r"\S")


def _decode(data: bytes, name: str) -> str | ReadError:
    """``data`` as strict UTF-8, or a ReadError naming the line and byte offset."""
    nul = data.find(b"\x00")
    if nul >= 0:
        return ReadError(name, data.count(b"\n", 0, nul) + 1, f"binary file (NUL byte at {nul})")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        return ReadError(name, line, f"invalid UTF-8 at byte {exc.start}: {exc.reason}")


def _read_text(data: bytes, name: str, stem: str) -> Record:
    text = _decode(data, name)
    if isinstance(text, ReadError):
        return text
    return Article(id=stem, text=text, title=_title(text))


def _title(text: str) -> str | None:
    """The first line, stripped, when a blank line and then more text follow it.

    Without text after the blank line the first line is the whole article, not its title.
    """
    m = _FIRST_LINES.match(text)
    if m is None or m.group(2).strip() or _NON_SPACE.search(text, m.end()) is None:
        return None
    title = m.group(1).strip().lstrip("\ufeff").strip()
    return title or None


def _read_html(data: bytes, name: str, stem: str) -> Record:
    from newsclaims.html import HtmlUnavailable, article_from_html

    try:
        return article_from_html(data, default_id=stem)
    except HtmlUnavailable as exc:
        return ReadError(name, None, str(exc))
    except ValueError as exc:  # no main text
        return ReadError(name, None, " ".join(str(exc).split()))
    except Exception as exc:  # a parser failure on a malformed page: that page's error only
        reason = " ".join(f"{type(exc).__name__}: {exc}".split())
        return ReadError(name, None, f"cannot extract the HTML page: {reason}")


# -- JSON and JSON Lines ----------------------------------------------------------------------


def _reject_constant(name: str) -> Any:
    raise ValueError(f"{name} is not valid JSON")


def _loads(text: str) -> Any:
    """Parse strict JSON: NaN and Infinity, which Python's json accepts, are refused."""
    return json.loads(text, parse_constant=_reject_constant)


def _json_reason(exc: BaseException) -> str:
    if isinstance(exc, RecursionError):
        return "not valid JSON: nested too deeply"
    if isinstance(exc, json.JSONDecodeError):
        return f"not valid JSON: {exc.msg} (column {exc.colno})"
    return f"not valid JSON: {exc}"


def _article(record: Any, name: str, line: int | None, default_id: str, where: str = "") -> Record:
    try:
        return article_from_record(record, default_id=default_id)
    except SchemaError as exc:
        ident = record.get("id") if isinstance(record, dict) else None
        if isinstance(ident, int) and not isinstance(ident, bool):
            ident = str(ident)
        return ReadError(
            name, line, f"{where}{exc}", id=ident if isinstance(ident, str) and ident else None
        )


def _read_json(data: bytes, name: str, stem: str) -> Iterator[Record]:
    text = _decode(data, name)
    if isinstance(text, ReadError):
        yield text
        return
    try:
        value = _loads(text.removeprefix("\ufeff"))
    except json.JSONDecodeError as exc:
        yield ReadError(name, exc.lineno, _json_reason(exc))
        return
    except (ValueError, RecursionError) as exc:
        yield ReadError(name, None, _json_reason(exc))
        return
    if isinstance(value, list):
        if not value:
            yield ReadError(name, None, "the JSON list holds no records")
        for i, record in enumerate(value):
            yield _article(record, name, None, f"{stem}-{i + 1}", where=f"[{i}]: ")
    else:
        yield _article(value, name, None, stem)


def _read_jsonl(lines: Iterable[bytes], name: str, stem: str) -> Iterator[Record]:
    """One record per non-blank line; a bad line is a ReadError and reading goes on.

    A file whose first 8 KiB hold a NUL byte is a binary file: one ReadError, nothing else.
    """
    it = iter(lines)
    head: list[bytes] = []
    size = 0
    failure: ReadError | None = None
    while size < _SNIFF_BYTES:
        raw = _next_line(it, name, len(head))
        if raw is None:
            break
        if isinstance(raw, ReadError):
            failure = raw
            break
        head.append(raw)
        size += len(raw)
    nul = b"".join(head)[:_SNIFF_BYTES].find(b"\x00")
    if nul >= 0:
        line = b"".join(head)[:nul].count(b"\n") + 1
        yield ReadError(name, line, "binary file (NUL byte)")
        return
    number = 0
    for raw in head:
        number += 1
        yield from _jsonl_record(raw, name, stem, number)
    if failure is not None:
        yield failure
        return
    while True:
        raw = _next_line(it, name, number)
        if raw is None:
            return
        if isinstance(raw, ReadError):
            yield raw
            return
        number += 1
        yield from _jsonl_record(raw, name, stem, number)


def _next_line(it: Iterator[bytes], name: str, number: int) -> bytes | ReadError | None:
    """The next line, ``None`` at the end, or a ReadError if the stream breaks off."""
    try:
        return next(it)
    except StopIteration:
        return None
    except (OSError, EOFError, zlib.error) as exc:
        if isinstance(exc, gzip.BadGzipFile | EOFError | zlib.error):
            reason = f"not a valid gzip file: {exc}"
        else:
            reason = f"cannot read further: {_os_reason(exc)}"
        return ReadError(name, number + 1 if number else None, reason)


def _jsonl_record(raw: bytes, name: str, stem: str, number: int) -> Iterator[Record]:
    if not raw.strip():
        return
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        yield ReadError(name, number, f"invalid UTF-8 at byte {exc.start} of the line")
        return
    if number == 1:
        text = text.removeprefix("\ufeff")
    try:
        value = _loads(text)
    except (ValueError, RecursionError) as exc:
        yield ReadError(name, number, _json_reason(exc))
        return
    yield _article(value, name, number, f"{stem}-{number}")
