"""Corpus runs: records in, one result per record out, in input order, on N processes.

:func:`analyze_records` is the engine behind ``newsclaims analyze --workers N``. It takes the
``(path, record)`` pairs of :func:`newsclaims.readers.read_all` and yields one
:class:`Outcome` per record, in input order, whatever happens to the record:

* an article is analysed by a pipeline built once per worker process, from a picklable
  :class:`PipelineSpec`;
* a :class:`~newsclaims.readers.ReadError`, an analysis that raises (a bug, or any plugin
  failure under ``strict``) and a record whose worker process died all become error outcomes
  in the record's place;
* memory stays bounded: records are read lazily, and at most a few chunks per worker are in
  flight, so a corpus of any size streams through.

Each outcome carries its ``payload``: what an *encoder* made of the result in the worker,
e.g. the JSON line (:func:`encode_jsonl`) or the statement rows (:func:`encode_rows`), so
the costly serialisation is parallel too and the parent only writes.

:class:`Resume` reads an earlier, possibly killed run's JSON Lines output and says which
records it already holds, so a run can skip them and append the rest.
"""

from __future__ import annotations

import json
import multiprocessing
import os
from collections import Counter, deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Any, Generic, TypeVar

from attrs import field, frozen

from newsclaims.analyzer import PipelineError
from newsclaims.model import Analysis, Article
from newsclaims.pipeline import Pipeline
from newsclaims.readers import ReadError, Record
from newsclaims.serialize import dumps, to_json
from newsclaims.writers import error_to_dict, statement_rows

__all__ = [
    "Outcome",
    "PipelineSpec",
    "Resume",
    "analyze_records",
    "encode_jsonl",
    "encode_rows",
    "outcome_of",
    "record_key",
]

T = TypeVar("T")
#: What an encoder turns a result into, in the worker: anything picklable.
Encoder = Callable[[Analysis | ReadError], T]
#: Identifies an input record across runs: ``("id", id)``, or ``("at", path, line)`` for a
#: record whose id could not be read.
Key = tuple[Any, ...]

#: The longest article analysed by default, in characters: a 20 MB article is analysed
#: (the pipeline is linear; about 40 s on one core here), while a mis-parsed archive dump
#: of hundreds of megabytes gets an error record instead of stalling a run.
MAX_CHARS = 25_000_000

#: The reason given for a record whose worker process died while analysing it.
WORKER_DIED = "the worker process died while analysing this record"


def _strings(value: Iterable[str]) -> tuple[str, ...]:
    return tuple(value)


@frozen
class PipelineSpec:
    """How to build the pipeline, picklable so that each worker process can build its own.

    ``plugins`` are import names of extra plugin modules (``"package.module"``) registered
    after the entry points; the other fields are those of :class:`~newsclaims.Pipeline`.
    """

    disable: tuple[str, ...] = field(default=(), converter=_strings)
    strict: bool = False
    autoload: bool | None = None
    plugins: tuple[str, ...] = field(default=(), converter=_strings)

    def build(self) -> Pipeline:
        """A new pipeline; raises :class:`~newsclaims.analyzer.PipelineError` as it does."""
        import importlib

        modules = [importlib.import_module(name) for name in self.plugins]
        return Pipeline(modules, disable=self.disable, strict=self.strict, autoload=self.autoload)


@frozen
class Outcome(Generic[T]):
    """What became of one input record.

    ``error`` is ``None`` when the record was analysed; ``warnings`` are the problems
    analyzers reported on it (the analysis stands); ``fatal`` marks a failure that ends a
    strict run; ``payload`` is the encoder's output for the analysis or the error.
    """

    key: Key
    id: str | None
    error: ReadError | None
    payload: T
    warnings: tuple[str, ...] = ()
    fatal: bool = False


def record_key(record: Record) -> Key:
    """The key that :class:`Resume` matches ``record`` by: its id, else where it was read."""
    if isinstance(record, Article):
        return ("id", record.id)
    if record.id is not None:
        return ("id", record.id)
    return ("at", record.path, record.line)


def encode_jsonl(result: Analysis | ReadError) -> str:
    """``result`` as one line of JSON Lines, without the newline (see :mod:`writers`)."""
    if isinstance(result, ReadError):
        return dumps(error_to_dict(result))
    return to_json(result)


def encode_rows(result: Analysis | ReadError) -> list[dict[str, Any]]:
    """``result`` as statement rows, see :func:`newsclaims.writers.statement_rows`."""
    return statement_rows(result)


# -- one record -------------------------------------------------------------------------------

# Articles travel between processes as tuples: Article.metadata is a read-only mapping proxy,
# which pickle refuses.
_Packed = tuple[str, Any]


def _pack(path: str, record: Record) -> _Packed:
    if isinstance(record, ReadError):
        return path, record
    a = record
    return path, (a.id, a.text, a.title, a.url, a.published, a.outlet, a.language, dict(a.metadata))


def _unpack(packed: _Packed) -> tuple[str, Record]:
    path, item = packed
    if isinstance(item, ReadError):
        return path, item
    ident, text, title, url, published, outlet, language, metadata = item
    article = Article(
        id=ident,
        text=text,
        title=title,
        url=url,
        published=published,
        outlet=outlet,
        language=language,
        metadata=metadata,
    )
    return path, article


def outcome_of(pipeline: Pipeline, path: str, record: Record, encode: Encoder[T]) -> Outcome[T]:
    """The outcome of one record: analysed by ``pipeline`` and encoded by ``encode``.

    Never raises for the record's sake: a ReadError, or an analysis that raises, becomes an
    error outcome (``fatal`` under a strict pipeline). ``path`` names the input in errors.
    """
    key = record_key(record)
    if isinstance(record, ReadError):
        return Outcome(key, record.id, record, encode(record))
    try:
        analysis = pipeline.analyze(record)
        payload = encode(analysis)
    except Exception as exc:  # strict mode, or a bug: this record's error, not the run's
        reason = (
            str(exc)
            if isinstance(exc, PipelineError)
            else f"analysis failed: {type(exc).__name__}: {exc}"
        )
        error = ReadError(path, None, " ".join(reason.split()), id=record.id)
        return Outcome(key, record.id, error, encode(error), fatal=pipeline.strict)
    warnings = tuple(
        f"{record.id}: analyzer "
        f"{p.analyzer if p.plugin is None else f'{p.analyzer} (plugin {p.plugin})'}: {p.message}"
        for p in analysis.problems
    )
    return Outcome(key, record.id, None, payload, warnings)


# -- worker processes -------------------------------------------------------------------------

_worker_pipeline: Pipeline | None = None
_worker_encode: Encoder[Any] | None = None


def _init_worker(spec: PipelineSpec, encode: Encoder[Any]) -> None:
    """Build the worker's pipeline, once, when its process starts."""
    global _worker_pipeline, _worker_encode
    _worker_pipeline = spec.build()
    _worker_encode = encode


def _work(chunk: list[_Packed]) -> list[Outcome[Any]]:
    assert _worker_pipeline is not None, "the worker was not initialised"
    assert _worker_encode is not None, "the worker was not initialised"
    out = []
    for packed in chunk:
        path, record = _unpack(packed)
        outcome = outcome_of(_worker_pipeline, path, record, _worker_encode)
        out.append(outcome)
        if outcome.fatal:
            break
    return out


def _context() -> multiprocessing.context.BaseContext:
    # "spawn" starts workers from a clean interpreter: no inherited locks or threads (fork's
    # hazards), the same on every platform. Each worker imports newsclaims once.
    method = os.environ.get("NEWSCLAIMS_START_METHOD", "spawn")
    return multiprocessing.get_context(method)


# -- the engine -------------------------------------------------------------------------------


def _chunks(
    records: Iterable[tuple[str, Record]], size: int, max_chars: int
) -> Iterator[list[_Packed]]:
    """Records packed in chunks of at most ``size`` records or about ``max_chars`` of text."""
    chunk: list[_Packed] = []
    chars = 0
    for path, record in records:
        chunk.append(_pack(path, record))
        chars += len(record.text) if isinstance(record, Article) else 0
        if len(chunk) >= size or chars >= max_chars:
            yield chunk
            chunk, chars = [], 0
    if chunk:
        yield chunk


def analyze_records(
    records: Iterable[tuple[str, Record]],
    spec: PipelineSpec,
    encode: Encoder[T],
    *,
    workers: int = 1,
    chunk_size: int = 16,
    max_chunk_chars: int = 1_000_000,
    skip: Callable[[Record], bool] | None = None,
    pipeline: Pipeline | None = None,
    max_chars: int | None = MAX_CHARS,
) -> Iterator[Outcome[T]]:
    """One :class:`Outcome` per record of ``records`` not skipped, in input order.

    ``records`` are ``(path, record)`` pairs as :func:`~newsclaims.readers.read_all` yields
    them, consumed lazily. With ``workers=1`` the records are analysed in this process by
    one pipeline; with more, by a pool of worker processes, each building its pipeline once
    from ``spec``, at most ``2 * workers`` chunks of ``chunk_size`` records (or about
    ``max_chunk_chars`` characters of text) in flight. ``skip(record)`` true drops a record
    before analysis (see :class:`Resume`). A strict run stops after its first failure, which
    is the last outcome. ``pipeline``, when given, is used instead of building one from
    ``spec`` in this process (``workers=1``). An article longer than ``max_chars``
    characters (``None``: no limit) is not analysed: it gets an error record, so that one
    runaway input cannot stall the run. Raises
    :class:`~newsclaims.analyzer.PipelineError` only if the pipeline cannot be built.
    """
    wanted: Iterable[tuple[str, Record]] = records
    if skip is not None:
        wanted = ((path, r) for path, r in wanted if not skip(r))
    if max_chars is not None:
        wanted = ((path, _within(path, r, max_chars)) for path, r in wanted)
    if workers <= 1:
        yield from _serial(wanted, pipeline or spec.build(), encode)
    else:
        if pipeline is None:
            spec.build()  # fail here, once, with the real error, rather than in every worker
        yield from _parallel(_chunks(wanted, chunk_size, max_chunk_chars), spec, encode, workers)


def _within(path: str, record: Record, max_chars: int) -> Record:
    if isinstance(record, Article) and len(record.text) > max_chars:
        reason = (
            f"article too long: {len(record.text)} characters, the limit is {max_chars} "
            "(--max-chars)"
        )
        return ReadError(path, None, reason, id=record.id)
    return record


def _serial(
    records: Iterable[tuple[str, Record]], pipeline: Pipeline, encode: Encoder[T]
) -> Iterator[Outcome[T]]:
    for path, record in records:
        outcome = outcome_of(pipeline, path, record, encode)
        yield outcome
        if outcome.fatal:
            return


class _Pool:
    """A process pool that can be replaced when one of its processes dies."""

    def __init__(self, spec: PipelineSpec, encode: Encoder[Any], workers: int) -> None:
        self._args = (spec, encode)
        self._workers = workers
        self._executor = self._new()

    def _new(self) -> ProcessPoolExecutor:
        return ProcessPoolExecutor(
            self._workers, mp_context=_context(), initializer=_init_worker, initargs=self._args
        )

    def submit(self, chunk: list[_Packed]) -> Future[list[Outcome[Any]]]:
        """The chunk's future; one that fails with BrokenProcessPool if the pool is broken."""
        try:
            return self._executor.submit(_work, chunk)
        except BrokenProcessPool as exc:  # a worker died since the last look
            failed: Future[list[Outcome[Any]]] = Future()
            failed.set_exception(exc)
            return failed

    def renew(self) -> None:
        self._executor.shutdown(wait=True, cancel_futures=True)
        self._executor = self._new()

    def close(self) -> None:
        self._executor.shutdown(wait=True, cancel_futures=True)


def _parallel(
    chunks: Iterator[list[_Packed]], spec: PipelineSpec, encode: Encoder[T], workers: int
) -> Iterator[Outcome[T]]:
    pool = _Pool(spec, encode, workers)
    window: deque[tuple[list[_Packed], Future[list[Outcome[Any]]]]] = deque()
    try:
        while True:
            while len(window) < 2 * workers:
                chunk = next(chunks, None)
                if chunk is None:
                    break
                window.append((chunk, pool.submit(chunk)))
            if not window:
                return
            chunk, future = window[0]
            try:
                outcomes = future.result()
            except BrokenProcessPool:
                # A worker died: every chunk still in flight is lost with the pool. Run them
                # again one at a time on a new pool, so a crash can be pinned on one record.
                lost = [c for c, _ in window]
                window.clear()
                pool.renew()
                for lost_chunk in lost:
                    for outcome in _isolated(pool, lost_chunk, encode):
                        yield outcome
                        if outcome.fatal:
                            return
                continue
            window.popleft()
            for outcome in outcomes:
                yield outcome
                if outcome.fatal:
                    return
    finally:
        pool.close()


def _isolated(pool: _Pool, chunk: list[_Packed], encode: Encoder[T]) -> Iterator[Outcome[T]]:
    """The chunk's outcomes, run alone; if it kills a worker again, record by record."""
    try:
        yield from pool.submit(chunk).result()
        return
    except BrokenProcessPool:
        pool.renew()
    for packed in chunk:
        try:
            yield from pool.submit([packed]).result()
        except BrokenProcessPool:
            pool.renew()
            path, record = _unpack(packed)
            ident = record.id
            line = record.line if isinstance(record, ReadError) else None
            error = ReadError(path, line, WORKER_DIED, id=ident)
            yield Outcome(record_key(record), ident, error, encode(error))


# -- resuming ---------------------------------------------------------------------------------


class Resume:
    """What an earlier run's JSON Lines output at ``path`` already holds.

    Reading it counts each record's key (see :func:`record_key`): the id of an analysis or
    an error record, or the path and line of an error record without an id. A last line cut
    short by a killed run (no final newline, or not JSON) is cut off the file, so that the
    record is analysed again; ``truncated`` says how many bytes went. Memory is that of the
    keys, not of the output.
    """

    def __init__(self, path: str | os.PathLike[str]) -> None:
        self.path = os.fspath(path)
        self.done: Counter[Key] = Counter()
        self.truncated = 0
        self.unreadable = 0  # complete lines that are not records (left as they are)
        self._scan()

    def _scan(self) -> None:
        try:
            fp = open(self.path, "r+b")  # noqa: SIM115
        except FileNotFoundError:
            return
        with fp:
            good_end = 0
            for raw in fp:
                if not raw.endswith(b"\n"):
                    # Only the last line can lack its newline: the run was killed while
                    # writing it. Even if it parses, cut it and analyse the record again.
                    fp.truncate(good_end)
                    self.truncated = len(raw)
                    return
                good_end += len(raw)
                if not raw.strip():
                    continue
                key = _output_key(raw)
                if key is None:
                    self.unreadable += 1
                else:
                    self.done[key] += 1

    @property
    def count(self) -> int:
        """How many records the output holds."""
        return sum(self.done.values())

    def skip(self) -> Callable[[Record], bool]:
        """A ``skip`` for :func:`analyze_records`: true for a record the output holds.

        Keys are counted, so with an id repeated in the input, as many records with it are
        skipped as the output holds.
        """
        left = Counter(self.done)

        def skip(record: Record) -> bool:
            key = record_key(record)
            if left[key] > 0:
                left[key] -= 1
                return True
            return False

        return skip


def _output_key(raw: bytes) -> Key | None:
    """The key of one line of JSON Lines output, or ``None`` if it is not an output record."""
    try:
        doc = json.loads(raw)
    except (ValueError, RecursionError):
        return None
    if not isinstance(doc, dict) or not isinstance(doc.get("article"), dict):
        return None
    ident = doc["article"].get("id")
    if isinstance(ident, str):
        return ("id", ident)
    error = doc.get("error")
    if isinstance(error, dict):
        return ("at", error.get("path"), error.get("line"))
    return None


def count_records(paths: Iterable[str]) -> int | None:
    """How many records ``paths`` hold, counted cheaply, or ``None`` when that is not cheap.

    Text and HTML files count 1, JSON Lines files their non-blank lines (a streaming scan);
    standard input, JSON and gzip files are not counted. For a progress bar's ETA only.
    """
    from pathlib import Path

    total = 0
    for name in paths:
        if name == "-":
            return None
        p = Path(name)
        files = sorted(p.iterdir()) if p.is_dir() else [p]
        for f in files:
            lower = f.name.lower()
            if f.name.startswith(".") or not f.is_file():
                continue
            if lower.endswith((".gz", ".json")):
                return None
            if lower.endswith(".jsonl"):
                with f.open("rb") as fp:
                    total += sum(1 for line in fp if line.strip())
            elif not p.is_dir() or lower.endswith((".txt", ".html", ".htm")):
                total += 1
    return total
