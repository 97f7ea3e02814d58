"""newsclaims on a Dask cluster: a bag of article records in, a bag of result records out.

Needs the ``dask`` extra (``pip install 'newsclaims[dask]'``). :func:`analyze_bag` maps each
partition of a ``dask.bag.Bag`` of article records (dicts, as in the JSON Lines input) to the
records ``newsclaims analyze`` would write for them (``newsclaims/1`` documents, and error
records for records that cannot be read or analysed), one per input record, in order.

Each worker process builds the pipeline once, on the first partition it runs, and keeps it
for the next ones. See ``docs/corpus.md`` for running it on a cluster.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from newsclaims.batch import PipelineSpec, outcome_of
from newsclaims.pipeline import Pipeline
from newsclaims.readers import ReadError, Record
from newsclaims.serialize import SchemaError, article_from_record, to_dict
from newsclaims.writers import error_to_dict, statement_rows

__all__ = ["analyze_bag", "analyze_partition", "to_parquet", "to_rows"]

#: The ``error.path`` of an error record made from a bag record.
BAG = "bag"

# One pipeline per worker process and pipeline spec, built on first use.
_pipelines: dict[PipelineSpec, Pipeline] = {}


def _pipeline(spec: PipelineSpec) -> Pipeline:
    pipeline = _pipelines.get(spec)
    if pipeline is None:
        pipeline = _pipelines[spec] = spec.build()
    return pipeline


def _record(value: Any, index: int) -> Record:
    """The article in a bag record, or a ReadError naming its place in the partition."""
    try:
        return article_from_record(value, default_id=f"{BAG}-{index}")
    except SchemaError as exc:
        ident = value.get("id") if isinstance(value, dict) else None
        if isinstance(ident, int) and not isinstance(ident, bool):
            ident = str(ident)
        return ReadError(
            BAG, index, str(exc), id=ident if isinstance(ident, str) and ident else None
        )


def _encode(result: Any) -> dict[str, Any]:
    if isinstance(result, ReadError):
        return error_to_dict(result)
    return to_dict(result)


def analyze_partition(records: Iterable[Any], spec: PipelineSpec) -> list[dict[str, Any]]:
    """The result record of each article record, in order, with this process's pipeline.

    An error record's ``error.line`` is the record's 1-based position in its partition and
    ``error.path`` is ``"bag"``. A record without an ``id`` gets ``bag-N`` the same way, so
    give your records ids.
    """
    pipeline = _pipeline(spec)
    out = []
    for i, value in enumerate(records, start=1):
        outcome = outcome_of(pipeline, BAG, _record(value, i), _encode)
        out.append(outcome.payload)
    return out


def analyze_bag(
    bag: Any,
    *,
    disable: Iterable[str] = (),
    strict: bool = False,
    autoload: bool | None = None,
    plugins: Iterable[str] = (),
) -> Any:
    """A bag of result records for ``bag``, a ``dask.bag.Bag`` of article records.

    Lazy, like any bag operation: nothing runs until it is computed or written. The
    keyword arguments are those of :class:`newsclaims.batch.PipelineSpec`; under ``strict``
    a plugin failure makes that record an error record (the bag's other records go on).
    """
    spec = PipelineSpec(
        disable=tuple(disable), strict=strict, autoload=autoload, plugins=tuple(plugins)
    )
    return bag.map_partitions(analyze_partition, spec)


def _rows(doc: dict[str, Any]) -> list[dict[str, Any]]:
    from newsclaims.serialize import from_dict

    if "error" in doc:
        error = doc["error"]
        return statement_rows(
            ReadError(error["path"], error["line"], error["reason"], id=doc["article"]["id"])
        )
    return statement_rows(from_dict(doc))


def to_rows(results: Any) -> Any:
    """A bag of statement rows (see :func:`newsclaims.writers.statement_rows`) for a bag of
    result records."""
    return results.map(_rows).flatten()


def _write_parquet(docs: Iterable[dict[str, Any]], path: str) -> str:
    import os

    from newsclaims.writers import ParquetWriter

    if "://" not in path:
        os.makedirs(os.path.dirname(path) or ".", exist_ok=True)
    writer = ParquetWriter(path)
    try:
        for doc in docs:
            writer.write(_rows(doc))
    finally:
        writer.close()
    return path


def to_parquet(results: Any, directory: str) -> list[str]:
    """Write the statement rows of a bag of result records as Parquet, one file per
    partition (``part-00000.parquet``, ...), and return the files' paths.

    Computes the bag. Each worker writes its own partitions, so ``directory`` must be
    reachable from every worker under that name (a shared file system, or an ``s3://``-like
    path that pyarrow can open). Needs the ``parquet`` extra too.
    """
    import importlib
    import os

    dask: Any = importlib.import_module("dask")  # untyped
    parts = results.to_delayed()
    writes = [
        dask.delayed(_write_parquet)(part, os.path.join(directory, f"part-{i:05d}.parquet"))
        for i, part in enumerate(parts)
    ]
    return list(dask.compute(*writes))
