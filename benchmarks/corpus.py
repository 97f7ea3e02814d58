"""Corpus throughput: articles/s and words/s for 1 and N workers, and peak memory as it grows.

Usage (from the repository root)::

    python benchmarks/corpus.py                          # PolNeAR train+dev texts in ../shared
    python benchmarks/corpus.py --workers 2 --runs 3 --sizes 1 4

Builds a JSON Lines corpus from the PolNeAR train and dev texts (924 articles), repeated
``--sizes`` times with fresh ids, and runs ``newsclaims analyze CORPUS -o OUT.jsonl`` as a
separate process for 1 and ``--workers`` workers. Reports the median over ``--runs`` runs of
the wall time (interpreter and worker start-up included), articles/s, words/s (white-space
separated tokens), the speed-up of N workers over 1, and the peak resident memory of the
parent process and of its largest worker (``ru_maxrss``), which should stay flat as the
corpus grows. The texts are other people's: the corpus is written to a temporary folder and
deleted. Nothing here is a test: it only measures.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

SHARED = Path(__file__).resolve().parent.parent.parent / "shared" / "data" / "polnear"
_CHILD = """
import resource, sys
from newsclaims.cli import cli
try:
    cli(prog_name="newsclaims", args=sys.argv[1:])
except SystemExit as exit:
    code = exit.code
else:
    code = 0
own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
workers = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
print(f"maxrss {own} {workers}", file=sys.stderr)
sys.exit(code)
"""


def texts() -> list[str]:
    files = sorted((SHARED / "train" / "text").glob("*.txt")) + sorted(
        (SHARED / "dev" / "text").glob("*.txt")
    )
    if not files:
        sys.exit(f"no PolNeAR texts under {SHARED}")
    return [f.read_text(encoding="utf-8") for f in files]


def build(path: Path, corpus: list[str], times: int) -> tuple[int, int]:
    """Write the corpus ``times`` over to ``path``; return (articles, words)."""
    words = 0
    with path.open("w", encoding="utf-8") as fp:
        for r in range(times):
            for i, text in enumerate(corpus):
                fp.write(json.dumps({"id": f"r{r}-{i}", "text": text}) + "\n")
                words += len(text.split())
    return times * len(corpus), words


def run(corpus: Path, out: Path, workers: int) -> tuple[float, int, int]:
    """(seconds, parent peak KiB, largest worker peak KiB) of one run."""
    env = {**os.environ, "NEWSCLAIMS_DISABLE_PLUGIN_AUTOLOAD": "1"}
    command = [sys.executable, "-c", _CHILD, "analyze", str(corpus), "-o", str(out)]
    command += ["--workers", str(workers), "--no-progress"]
    start = time.perf_counter()
    done = subprocess.run(command, env=env, capture_output=True, text=True)
    seconds = time.perf_counter() - start
    if done.returncode != 0:
        sys.exit(f"run failed ({done.returncode}): {done.stderr[-2000:]}")
    own, children = (int(x) for x in done.stderr.rsplit("maxrss ", 1)[1].split())
    return seconds, own, children


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 2)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--sizes", type=int, nargs="+", default=[1, 3])
    args = parser.parse_args()
    base = texts()
    print(f"python {sys.version.split()[0]}, {os.cpu_count()} CPUs, {args.runs} runs each")
    header = (
        f"{'articles':>8} {'words':>10} {'workers':>7} {'seconds':>8} {'articles/s':>10} "
        f"{'words/s':>9} {'speed-up':>8} {'parent MiB':>10} {'worker MiB':>10}"
    )
    print(header)
    with tempfile.TemporaryDirectory() as tmp:
        for size in args.sizes:
            corpus = Path(tmp) / f"corpus-{size}.jsonl"
            articles, words = build(corpus, base, size)
            single = None
            for workers in sorted({1, args.workers}):
                runs = [run(corpus, Path(tmp) / "out.jsonl", workers) for _ in range(args.runs)]
                seconds = statistics.median(r[0] for r in runs)
                own = max(r[1] for r in runs) / 1024
                child = max(r[2] for r in runs) / 1024
                single = seconds if workers == 1 else single
                speedup = f"{single / seconds:.2f}x" if single else "-"
                print(
                    f"{articles:>8} {words:>10} {workers:>7} {seconds:>8.1f} "
                    f"{articles / seconds:>10.1f} {words / seconds:>9,.0f} {speedup:>8} "
                    f"{own:>10.0f} {child if workers > 1 else 0:>10.0f}",
                    flush=True,
                )
    print(f"peak memory: ru_maxrss of the parent and of its largest child ({resource.__name__})")


if __name__ == "__main__":
    main()
