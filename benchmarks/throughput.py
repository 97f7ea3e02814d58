"""Throughput of the default pipeline, per analyzer, against a reference measured in the same run.

Usage (from the repository root)::

    python benchmarks/throughput.py                       # PolNeAR dev texts in ../shared
    python benchmarks/throughput.py DIR_OR_FILE ... --runs 7

Reports the median over ``--runs`` runs of words/s for the whole pipeline, each analyzer's
share of the time, and a plain regex tokenisation pass over the same texts as the reference
(a floor: nothing that reads every word can be much faster). Words are white-space separated
tokens. The machine is noisy, so compare ratios within one run, not absolute numbers across
runs. Nothing here is a test: it only measures.
"""

from __future__ import annotations

import argparse
import re
import statistics
import sys
import time
from collections import defaultdict
from pathlib import Path

import attrs

from newsclaims import Analyzer, Article, Pipeline
from newsclaims.readers import ReadError, read

DEFAULT = Path(__file__).resolve().parent.parent.parent / "shared" / "data" / "polnear" / "dev" / "text"
_WORD = re.compile(r"\w+")


def load(paths: list[Path]) -> list[Article]:
    articles = []
    for path in paths:
        for item in read(path):
            if isinstance(item, ReadError):
                print(f"skipped: {item}", file=sys.stderr)
            else:
                articles.append(item)
    return articles


def timed(pipeline: Pipeline, clock: dict[str, float]) -> Pipeline:
    """The same pipeline with each analyzer wrapped in a timer."""

    def wrap(a: Analyzer) -> Analyzer:
        inner = a.analyze

        def run(analysis):  # type: ignore[no-untyped-def]
            t = time.perf_counter()
            try:
                return inner(analysis)
            finally:
                clock[a.name] += time.perf_counter() - t

        return attrs.evolve(a, analyze=run)

    pipeline.analyzers = tuple(wrap(a) for a in pipeline.analyzers)
    return pipeline


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("paths", nargs="*", type=Path, default=[DEFAULT])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    if not all(p.exists() for p in args.paths):
        sys.exit(f"not found: {', '.join(str(p) for p in args.paths if not p.exists())}")
    articles = load(args.paths)
    words = sum(len(a.text.split()) for a in articles)

    pipeline_s, reference_s = [], []
    shares: dict[str, list[float]] = defaultdict(list)
    for _ in range(args.runs):
        t = time.perf_counter()
        for a in articles:
            _WORD.findall(a.text)
        reference_s.append(time.perf_counter() - t)

        clock: dict[str, float] = defaultdict(float)
        pipe = timed(Pipeline(autoload=False), clock)
        t = time.perf_counter()
        for a in articles:
            pipe.analyze(a)
        total = time.perf_counter() - t
        pipeline_s.append(total)
        for name, s in clock.items():
            shares[name].append(s / total)

    p = statistics.median(pipeline_s)
    r = statistics.median(reference_s)
    print(f"{len(articles)} articles, {words} words, median of {args.runs} runs")
    print(f"pipeline   {words / p:>12,.0f} words/s  {len(articles) / p:>8,.1f} articles/s  {p:.3f} s")
    print(f"reference  {words / r:>12,.0f} words/s  (regex \\w+ tokenisation; pipeline is {p / r:.1f}x its time)")
    for name, values in shares.items():
        print(f"  {name:<10} {100 * statistics.median(values):5.1f} % of pipeline time")
    from newsclaims.kb_cli import embedded_stats

    kb = embedded_stats()
    print(
        f"knowledge base  {kb['entries']:,} entries, {kb['bytes_on_disk'] / 1e6:.2f} MB on disk, "
        f"{kb['memory_bytes'] / 1e6:.1f} MB in memory, loads in {kb['load_seconds']:.2f} s"
    )


if __name__ == "__main__":
    main()
