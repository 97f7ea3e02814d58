"""newsclaims.dask on a LocalCluster of 2 worker processes: one result record per record."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

dask_bag = pytest.importorskip("dask.bag", reason="the Dask tests need the dask extra")
distributed = pytest.importorskip("distributed", reason="the Dask tests need the dask extra")

from newsclaims.dask import analyze_bag, to_parquet  # noqa: E402
from newsclaims.serialize import from_dict  # noqa: E402

QUOTE = "The minister said the bridge would reopen. “It is safe,” she told reporters."


@pytest.fixture(scope="module")
def client():  # type: ignore[no-untyped-def]
    with (
        distributed.LocalCluster(
            n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
        ) as cluster,
        distributed.Client(cluster) as c,
    ):
        yield c


def test_analyze_bag_on_two_worker_processes(client, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    records = [{"id": f"a{i}", "text": f"{QUOTE} Article {i}."} for i in range(40)]
    records[5] = {"id": "a5", "title": "no text"}
    records[9] = {"id": "boom9", "text": QUOTE}
    bag = dask_bag.from_sequence(records, npartitions=8)
    results = analyze_bag(bag, autoload=False, plugins=["batch_plugins"]).compute()
    assert [r["article"]["id"] for r in results] == [r["id"] for r in records]
    assert results[5] == {
        "schema": "newsclaims/1",
        "article": {"id": "a5"},
        "error": {"path": "bag", "line": 1, "reason": "text: missing"},
    }
    assert results[9]["problems"][0]["analyzer"] == "mark"  # the plugin raised: kept, noted
    good = [r for i, r in enumerate(results) if i not in (5, 9)]
    assert all(from_dict(r).statements for r in good)
    tags = {t for r in good for s in r["statements"] for t in s["tags"]}
    # 8 partitions on 2 worker processes, each with one pipeline built once.
    assert len({t for t in tags if t.startswith("pid-")}) == 2
    assert {t for t in tags if t.startswith("builds-")} == {"builds-1"}


def test_results_to_parquet_one_file_per_partition(client, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    pq = pytest.importorskip("pyarrow.parquet", reason="Parquet needs the parquet extra")
    for n in range(2):
        shard = tmp_path / "in" / f"shard-{n}.jsonl"
        shard.parent.mkdir(exist_ok=True)
        lines = [json.dumps({"id": f"s{n}-{i}", "text": QUOTE}) for i in range(5)]
        shard.write_text("\n".join([*lines, "{bad"]) + "\n", encoding="utf-8")
    bag = dask_bag.read_text(str(tmp_path / "in" / "shard-*.jsonl")).map(_parse)
    files = to_parquet(analyze_bag(bag, autoload=False), str(tmp_path / "out"))
    assert [Path(f).name for f in files] == ["part-00000.parquet", "part-00001.parquet"]
    table = pq.read_table(str(tmp_path / "out"))
    rows = table.to_pylist()
    ids = {r["article_id"] for r in rows if r["error"] is None}
    assert ids == {f"s{n}-{i}" for n in range(2) for i in range(5)}
    assert sum(r["error"] is not None for r in rows) == 2


def _parse(line: str) -> object:
    """A JSONL line as a record; a bad line as a record that becomes an error record."""
    try:
        return json.loads(line)
    except ValueError:
        return {"unparsed": line}
