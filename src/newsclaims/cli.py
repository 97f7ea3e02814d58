"""The ``newsclaims`` command: parse the arguments, call the library, print the result.

Exit status: 0 when every input was read and analysed, 1 when any record could not be (its
reason is printed on stderr as one line, ``newsclaims: error: PATH: line N: reason``, and in
JSON Lines an error record takes its place), 2 for a usage error. Problems that plugins
report are printed on stderr as one-line warnings and do not change the exit status.
"""

from __future__ import annotations

import io
import itertools
import os
import shutil
import sys
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from pathlib import Path
from typing import Any, TextIO

import click

from newsclaims.__about__ import __version__
from newsclaims.analyzer import PipelineError
from newsclaims.batch import (
    MAX_CHARS,
    PipelineSpec,
    Resume,
    analyze_records,
    count_records,
    encode_jsonl,
    encode_rows,
)
from newsclaims.model import Analysis
from newsclaims.options import plugin_options
from newsclaims.pipeline import Pipeline
from newsclaims.progress import Progress
from newsclaims.readers import STDIN, ReadError, Record, read_all
from newsclaims.serialize import dumps
from newsclaims.writers import CsvWriter, ParquetWriter, format_table, write_json

__all__ = ["cli", "main"]

_CONTEXT = {"help_option_names": ["-h", "--help"], "max_content_width": 100}


def _one_line(text: str) -> str:
    return " ".join(str(text).split())


def _warn(message: str) -> None:
    click.echo(f"newsclaims: warning: {_one_line(message)}", err=True)


def _error(message: str) -> None:
    click.echo(f"newsclaims: error: {_one_line(message)}", err=True)


def _note(message: str) -> None:
    click.echo(f"newsclaims: {_one_line(message)}", err=True)


@click.group(name="newsclaims", context_settings=_CONTEXT)
@click.version_option(__version__, "--version", prog_name="newsclaims")
def cli() -> None:
    """Find who claims what in news articles, on whose word, how sure, and about whom.

    \b
    Examples:
      newsclaims analyze article.txt                 one article: a JSON document
      newsclaims analyze article.txt --format table  a table to read
      newsclaims analyze corpus.jsonl -o out.jsonl   many articles: JSON Lines
      cat article.txt | newsclaims analyze -         read stdin
      newsclaims plugins --all                       the plugins and their analyzers
    """


def _pipeline(disable: tuple[str, ...], strict: bool, no_plugins: bool) -> Pipeline:
    try:
        pipeline = Pipeline(disable=disable, strict=strict, autoload=False if no_plugins else None)
    except PipelineError as exc:
        _error(str(exc))
        sys.exit(1)
    for plugin, message in pipeline.problems:
        _warn(f"plugin {plugin}: {message}")
    return pipeline


def _several(paths: tuple[str, ...]) -> bool:
    """Whether the paths name several articles whatever their content: JSON Lines output."""
    if len(paths) > 1:
        return True
    path = paths[0]
    return path != STDIN and (Path(path).is_dir() or ".jsonl" in Path(path).name.lower())


@contextmanager
def _open_output(output: str, *, append: bool = False, newline: str = "\n") -> Iterator[TextIO]:
    """The output stream: stdout (as UTF-8 whatever the locale) for ``-``, else the file."""
    if output == "-":
        stdout = sys.stdout
        buffer = getattr(stdout, "buffer", None)
        if buffer is None or (stdout.encoding or "").lower().replace("-", "") == "utf8":
            yield stdout
            stdout.flush()
            return
        stdout.flush()
        wrapper = io.TextIOWrapper(buffer, encoding="utf-8", newline=newline, write_through=True)
        try:
            yield wrapper
            wrapper.flush()
        finally:
            wrapper.detach()  # leave sys.stdout's buffer open
        return
    try:
        fp = open(output, "a" if append else "w", encoding="utf-8", newline=newline)  # noqa: SIM115
    except OSError as exc:
        _error(f"cannot write {output}: {exc.strerror or exc}")
        sys.exit(1)
    with fp:
        yield fp


class _Run:
    """Analyses records in order, reporting problems on stderr and counting failures."""

    def __init__(self, pipeline: Pipeline) -> None:
        self.pipeline = pipeline
        self.failures = 0
        self.stopped = False

    def results(self, records: Iterator[tuple[str, Record]]) -> Iterator[Analysis | ReadError]:
        for path, record in records:
            if isinstance(record, ReadError):
                yield self._failed(record)
                continue
            try:
                analysis = self.pipeline.analyze(record)
            except Exception as exc:  # strict mode, or a bug: one line, not a traceback
                reason = (
                    str(exc)
                    if isinstance(exc, PipelineError)
                    else (f"analysis failed: {type(exc).__name__}: {exc}")
                )
                yield self._failed(ReadError(path, None, reason, id=record.id))
                if self.pipeline.strict:
                    self.stopped = True
                    return
                continue
            for p in analysis.problems:
                by = p.analyzer if p.plugin is None else f"{p.analyzer} (plugin {p.plugin})"
                _warn(f"{analysis.article.id}: analyzer {by}: {p.message}")
            yield analysis

    def _failed(self, error: ReadError) -> ReadError:
        self.failures += 1
        _error(str(error))
        return error


_ROW_FORMATS = ("csv", "parquet")
_BATCH_FORMATS = ("jsonl", *_ROW_FORMATS)


def _default_format(paths: tuple[str, ...], output: str, head: list[tuple[str, Record]]) -> str:
    suffix = Path(output).suffix.lower() if output != "-" else ""
    if suffix in (".csv", ".parquet"):
        return suffix[1:]
    return "jsonl" if _several(paths) or len(head) > 1 or suffix == ".jsonl" else "json"


class _Sink:
    """Where a corpus run's payloads go: JSON lines, CSV rows or Parquet rows."""

    def __init__(self, fmt: str, output: str, stack: ExitStack, append: bool) -> None:
        self.fmt = fmt
        self._parquet: ParquetWriter | None = None
        self._csv: CsvWriter | None = None
        if fmt == "parquet":
            try:
                self._parquet = ParquetWriter(output)
            except ImportError as exc:
                _error(str(exc))
                sys.exit(1)
            except OSError as exc:
                _error(f"cannot write {output}: {exc.strerror or exc}")
                sys.exit(1)
            stack.callback(self._parquet.close)
            return
        self._fp = stack.enter_context(
            _open_output(output, append=append, newline="" if fmt == "csv" else "\n")
        )
        if fmt == "csv":
            self._csv = CsvWriter(self._fp)

    def write(self, payload: Any) -> None:
        if self._parquet is not None:
            self._parquet.write(payload)
        elif self._csv is not None:
            self._csv.write(payload)
        else:
            self._fp.write(payload + "\n")
            self._fp.flush()


def _run_batch(
    paths: tuple[str, ...],
    records: Iterator[tuple[str, Record]],
    fmt: str,
    output: str,
    spec: PipelineSpec,
    pipeline: Pipeline,
    workers: int,
    max_chars: int | None,
    resume: bool,
    progress: bool | None,
) -> int:
    """Stream the records through the batch engine to the output; return the failures."""
    skip = None
    if resume:
        done = Resume(output)
        if done.count or done.truncated:
            cut = (
                f" (cut {done.truncated} bytes of an unfinished last line)"
                if done.truncated
                else ""
            )
            _note(f"resume: {done.count} records already in {output}, skipping them{cut}")
        skip = done.skip()
    if progress is None:
        progress = sys.stderr.isatty()
    bar = Progress(sys.stderr, count_records(paths)) if progress else None
    encode = encode_jsonl if fmt == "jsonl" else encode_rows
    failures = 0
    with ExitStack() as stack:
        sink = _Sink(fmt, output, stack, append=resume)
        outcomes = analyze_records(
            records,
            spec,
            encode,
            workers=workers,
            skip=skip,
            pipeline=pipeline,
            max_chars=max_chars,
        )
        for outcome in outcomes:
            if outcome.error is not None or outcome.warnings:
                if bar is not None:
                    bar.clear()
                if outcome.error is not None:
                    failures += 1
                    _error(str(outcome.error))
                for warning in outcome.warnings:
                    _warn(warning)
            sink.write(outcome.payload)
            if bar is not None:
                bar.advance()
        if bar is not None:
            bar.finish()
    return failures


@cli.command()
@click.argument("paths", nargs=-1, required=True, metavar="PATH...")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["table", "json", "jsonl", "csv", "parquet", "html"]),
    default=None,
    help="Output format. Default: by the -o suffix (.csv, .parquet, .jsonl), else json for "
    "one article, jsonl for several or a .jsonl input.",
)
@click.option(
    "-o",
    "--output",
    default="-",
    metavar="FILE",
    type=click.Path(dir_okay=False, allow_dash=True),
    help="Write here instead of stdout.",
)
@click.option(
    "-w",
    "--workers",
    default=1,
    show_default=True,
    type=click.IntRange(min=0),
    metavar="N",
    help="Worker processes for jsonl, csv and parquet output (0: one per CPU).",
)
@click.option(
    "--max-chars",
    default=MAX_CHARS,
    show_default=True,
    type=click.IntRange(min=0),
    metavar="N",
    help="Longer articles get an error record instead of an analysis (0: no limit).",
)
@click.option(
    "--resume",
    is_flag=True,
    help="Skip the records already in FILE (a jsonl output) and append the rest.",
)
@click.option(
    "--progress/--no-progress",
    default=None,
    help="Show a progress line on stderr. Default: when stderr is a terminal.",
)
@click.option("--strict", is_flag=True, help="Make any plugin failure fatal.")
@plugin_options
def analyze(
    paths: tuple[str, ...],
    fmt: str | None,
    output: str,
    workers: int,
    max_chars: int,
    resume: bool,
    progress: bool | None,
    disable: tuple[str, ...],
    strict: bool,
    no_plugins: bool,
) -> None:
    """Find the statements in the articles at PATH... and write them out.

    A PATH is a .txt file (the whole file is the article), a .json file (one record or a
    list), a .jsonl file (one record per line; .gz is fine), an .html page (with the html
    extra), a directory of such files, or - for stdin. A record is an object with "text"
    and optional "id", "title", "url", "published", "outlet" and "language".

    A corpus run writes one output record per input record, in input order: a record that
    cannot be read or analysed gets an error record in its place, and the run goes on.

    \b
    Examples:
      newsclaims analyze seeds/000_a7f89c861a905037.txt
      newsclaims analyze article.txt --format table
      newsclaims analyze corpus/ --disable hedges -o out.jsonl
      newsclaims analyze archive.jsonl.gz -o out.jsonl --workers 4
      newsclaims analyze archive.jsonl.gz -o out.jsonl --workers 4 --resume
      newsclaims analyze pages/ -o statements.csv
      echo '{"id": "a1", "text": "He said it was over."}' | newsclaims analyze -

    Exits 1 if any input could not be read or analysed, with one line on stderr for each.
    """
    pipeline = _pipeline(disable, strict, no_plugins)
    records = read_all(paths)
    head = list(itertools.islice(records, 2))
    if fmt is None:
        fmt = _default_format(paths, output, head)
    elif fmt == "json" and len(head) > 1:
        raise click.UsageError(
            "--format json writes one article, and the input holds several: use --format jsonl"
        )
    if resume and (fmt != "jsonl" or output == "-"):
        raise click.UsageError("--resume appends to a JSON Lines file: give -o FILE.jsonl")
    if fmt == "parquet" and output == "-":
        raise click.UsageError("--format parquet writes a file: give -o FILE.parquet")
    everything = itertools.chain(head, records)
    if fmt in _BATCH_FORMATS:
        spec = PipelineSpec(disable=disable, strict=strict, autoload=False if no_plugins else None)
        n = workers or os.cpu_count() or 1
        limit = max_chars or None
        failures = _run_batch(
            paths, everything, fmt, output, spec, pipeline, n, limit, resume, progress
        )
        if failures:
            sys.exit(1)
        return
    run = _Run(pipeline)
    results = run.results(everything)
    with _open_output(output) as out:
        if fmt == "json":
            for result in results:
                if isinstance(result, Analysis):
                    write_json(result, out)
        elif fmt == "html":
            from newsclaims.view import write_html

            write_html((r for r in results if isinstance(r, Analysis)), out)
        else:
            width = shutil.get_terminal_size((120, 24)).columns if out.isatty() else 120
            first = True
            for result in results:
                if isinstance(result, Analysis):
                    out.write(("" if first else "\n") + format_table(result, width=width))
                    first = False
    if run.failures:
        sys.exit(1)


@cli.command()
@click.argument("path", metavar="OUT.jsonl")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["table", "csv", "json"]),
    default="table",
    show_default=True,
    help="Output format.",
)
@click.option(
    "--top",
    default=20,
    show_default=True,
    type=click.IntRange(min=1),
    metavar="N",
    help="How many speakers to list (a quarter as many per outlet and month, at least 5).",
)
@click.option(
    "-o",
    "--output",
    default="-",
    metavar="FILE",
    type=click.Path(dir_okay=False, allow_dash=True),
    help="Write here instead of stdout.",
)
def report(path: str, fmt: str, top: int, output: str) -> None:
    """Summarise the output of a corpus run: who is quoted most, and by what kind of source.

    Reads the JSON Lines that `newsclaims analyze` wrote (.jsonl or .jsonl.gz, - for
    stdin). Speakers are counted by their Wikidata entity where linked, else by name;
    statements are shared out by speaker kind (named, organization, group, anonymous,
    document, unknown, and writer for the writer's own assertions); then the same per
    outlet and per month, when the articles give them.

    \b
    Examples:
      newsclaims report out.jsonl
      newsclaims report out.jsonl --format csv -o report.csv
      newsclaims report out.jsonl --format json --top 50
    """
    from newsclaims import report as reports

    try:
        result = reports.build_report(path)
    except ValueError as exc:
        _error(f"{path}: {exc}")
        sys.exit(1)
    except OSError as exc:
        reason = "no such file or directory" if isinstance(exc, FileNotFoundError) else exc
        _error(f"{path}: {getattr(exc, 'strerror', None) or reason}")
        sys.exit(1)
    with _open_output(output) as out:
        reports.write(result, out, fmt, top=top)


@cli.command()
@click.option("--all", "show_all", is_flag=True, help="Include the built-in plugins.")
@click.option("--json", "as_json", is_flag=True, help="Machine-readable output.")
def plugins(show_all: bool, as_json: bool) -> None:
    """List the installed plugins: name, version, hooks and the analyzers they register.

    \b
    Examples:
      newsclaims plugins
      newsclaims plugins --all --json
    """
    pipeline = _pipeline((), False, False)
    infos = [i for i in pipeline.plugins if show_all or not i.builtin]
    if as_json:
        listing: list[dict[str, Any]] = [
            {
                "name": i.name,
                "version": i.version,
                "builtin": i.builtin,
                "disabled": i.disabled,
                "hooks": list(i.hooks),
                "analyzers": list(i.analyzers),
            }
            for i in infos
        ]
        click.echo(dumps(listing, indent=2))
        return
    if not infos:
        click.echo("No plugins installed (newsclaims plugins --all lists the built-in ones).")
        return
    for i in infos:
        notes = [
            n for n in ("built-in" if i.builtin else "", "disabled" if i.disabled else "") if n
        ]
        version = f" {i.version}" if i.version else ""
        click.echo(f"{i.name}{version}" + (f" ({', '.join(notes)})" if notes else ""))
        click.echo(f"  analyzers: {', '.join(i.analyzers) or '-'}")
        click.echo(f"  hooks: {', '.join(i.hooks) or '-'}")


def _add_evaluate() -> None:
    from newsclaims.evaluate import evaluate

    cli.add_command(evaluate)


_add_evaluate()


def _add_kb() -> None:
    from newsclaims.kb_cli import kb

    cli.add_command(kb)


_add_kb()


def main() -> None:
    """The console entry point (``newsclaims`` in ``pyproject.toml``)."""
    cli(prog_name="newsclaims")
