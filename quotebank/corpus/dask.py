"""Quote extraction on a Dask cluster, for corpora one machine cannot process in time.

Needs the ``dask`` extra: ``pip install "quotebank[dask]"`` (``dask[distributed]`` and pandas); this module
imports Dask only when one of its functions is called.

Each worker process loads the spaCy pipeline once, on its first partition, and keeps it; a partition goes through
:func:`quotebank.extract_many` (``nlp.pipe``, constant memory), so give each worker **one thread** and run as many
worker processes as there are cores (spaCy pipelines are not shared between threads: a worker's threads take
turns). Results are the same as :func:`quotebank.extract_many` on the same records, in the same order.

A bag of records (``str`` texts or ``{"id", "text", "date", "url"}`` mappings) gives a bag of
:class:`~quotebank.corpus.Extraction`, one per record::

    import dask.bag as db
    from dask.distributed import Client, LocalCluster
    import quotebank.dask

    client = Client(LocalCluster(n_workers=4, threads_per_worker=1))   # this machine
    records = quotebank.dask.read_records(["corpus-000.jsonl", "corpus-001.jsonl"])  # one partition per file
    results = quotebank.dask.extract_bag(records)
    failed = results.filter(lambda e: e.error is not None).map(lambda e: str(e.error)).compute()
    quotes = quotebank.dask.to_dataframe(results)                     # one row per quote
    quotes.to_parquet("quotes/")

A Dask DataFrame of articles (one row each, with a text column) gives a DataFrame of quotes, one row per quote
(:data:`~quotebank.corpus.rows.FRAME_COLUMNS`: :data:`~quotebank.corpus.ROW_COLUMNS` plus an ``error`` column, set
on the one row of each article that could not be processed; dtypes as declared in :mod:`quotebank.corpus.rows`)::

    import dask.dataframe as dd
    articles = dd.read_parquet("articles/")                       # columns id, text, date, url
    quotes = quotebank.dask.extract_dataframe(articles)           # or: articles.map_partitions(
    quotes[quotes.error.isna()].to_parquet("quotes/")             #   quotebank.dask.extract_frame, meta=quote_meta())

**On a real cluster**, start a scheduler and the workers, each with quotebank and its spaCy model installed
(``pip install "quotebank[dask]"``, the same versions everywhere), then connect to the scheduler instead of
starting a ``LocalCluster``::

    # on the scheduler machine
    dask scheduler                                   # listens on tcp://SCHEDULER:8786
    # on every worker machine: one single-threaded worker process per core
    dask worker tcp://SCHEDULER:8786 --nworkers auto --nthreads 1 --memory-limit 4GiB
    # in the program
    client = Client("tcp://SCHEDULER:8786")

Input files must be readable by every worker (a shared file system, or ``s3://...`` paths with ``s3fs``). With a
job queue (Slurm, PBS, Kubernetes...), ``dask-jobqueue`` or ``dask-kubernetes`` start the same workers for you. A
pipeline other than the default is named with ``model=`` (a package installed on the workers, or a path they can
read); ``$QUOTEBANK_MODEL`` is read on the workers.
"""

from __future__ import annotations

import math
import threading
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from ..api import load
from .records import DEFAULT_FIELDS, BadRecord, Fields, InputFormat, Record, to_record
from .records import read_records as _read_records
from .rows import FRAME_COLUMNS, extraction_rows, frame
from .streaming import DEFAULT_BATCH_SIZE, Extraction, extract_many

__all__ = [
    "FRAME_COLUMNS",
    "extract_bag",
    "extract_dataframe",
    "extract_frame",
    "extract_partition",
    "quote_meta",
    "read_records",
    "to_dataframe",
]


_lock = threading.Lock()
_pipelines: dict[str | None, Any] = {}
_loads = 0
"""How many pipelines this process has loaded (for the tests: once per worker, not once per partition)."""


def _require(module: str) -> Any:
    import importlib

    try:
        return importlib.import_module(module)
    except ImportError as exc:
        raise ImportError(
            f'quotebank.dask needs {module.split(".")[0]!r}: pip install "quotebank[dask]" ({exc})'
        ) from exc


def _pipeline(model: str | None) -> Any:
    """This process's pipeline for ``model``, loaded on first use (call with ``_lock`` held)."""
    global _loads
    nlp = _pipelines.get(model)
    if nlp is None:
        nlp = _pipelines[model] = load(model)
        _loads += 1
    return nlp


# --------------------------------------------------------------------------- bags


def extract_partition(
    records: Iterable[Any],
    partition: Sequence[int] | int = 0,
    *,
    model: str | None = None,
    include_scare: bool = False,
    batch_size: int = DEFAULT_BATCH_SIZE,
    fields: Fields = DEFAULT_FIELDS,
) -> list[Extraction]:
    """Extract one partition's records on this worker (what :func:`extract_bag` maps over the partitions).

    A record without an id gets ``"P:I"``: partition ``P``, position ``I`` in it.
    """
    number = partition[0] if isinstance(partition, Sequence) else partition
    items = (to_record(r, default_id=f"{number}:{i}", fields=fields) for i, r in enumerate(records))
    with _lock:
        nlp = _pipeline(model)
        return list(extract_many(items, nlp=nlp, include_scare=include_scare, batch_size=batch_size))


def extract_bag(
    bag: Any,
    *,
    model: str | None = None,
    include_scare: bool = False,
    batch_size: int = DEFAULT_BATCH_SIZE,
    fields: Fields = DEFAULT_FIELDS,
) -> Any:
    """A ``dask.bag.Bag`` of :class:`~quotebank.corpus.Extraction`, one per record of ``bag``, in order.

    Args:
        bag: A bag of texts, mappings (``{"id", "text", "date", "url"}``, names set by ``fields``),
            :class:`~quotebank.corpus.Record` or :class:`~quotebank.corpus.BadRecord` objects.
        model: The spaCy pipeline the workers load (default: :func:`quotebank.load`'s).
        include_scare: Also return scare quotes.
        batch_size: ``nlp.pipe`` batch size on the workers.
        fields: Field names of mapping records.
    """
    bag_module = _require("dask.bag")
    numbers = bag_module.from_sequence(range(bag.npartitions), npartitions=bag.npartitions)
    return bag.map_partitions(
        extract_partition,
        numbers,
        model=model,
        include_scare=include_scare,
        batch_size=batch_size,
        fields=fields,
    )


def _read_partition(paths: Iterable[str], input_format: InputFormat, fields: Fields) -> list[Record | BadRecord]:
    return list(_read_records(paths, fields=fields, input_format=input_format))


def read_records(
    paths: Iterable[str | Path],
    *,
    input_format: InputFormat = "auto",
    fields: Fields = DEFAULT_FIELDS,
) -> Any:
    """A bag of :class:`~quotebank.corpus.Record` (and :class:`~quotebank.corpus.BadRecord`), one partition per file.

    The files are read on the workers, as :func:`quotebank.corpus.read_records` reads them (plain text or JSONL,
    optionally gzipped; bad lines become ``BadRecord`` with their file and line). A partition is held in a
    worker's memory, so split big corpora into files of a manageable size (say 10,000 articles each).
    """
    bag_module = _require("dask.bag")
    names = [str(p) for p in paths]
    files = bag_module.from_sequence(names, npartitions=max(1, len(names)))
    return files.map_partitions(_read_partition, input_format=input_format, fields=fields)


# --------------------------------------------------------------------------- data frames


def _frame(rows: list[dict[str, Any]]) -> Any:
    _require("pandas")
    return frame(rows, FRAME_COLUMNS)


def quote_meta() -> Any:
    """An empty pandas DataFrame with the columns and dtypes of the quote data frames (``meta=`` for Dask).

    The dtypes are the declared schema of :mod:`quotebank.corpus.rows` (:data:`~quotebank.corpus.rows.COLUMNS`),
    the same as :meth:`QuoteBank.to_dataframe <quotebank.QuoteBank.to_dataframe>`'s.
    """
    return _frame([])


def extract_frame(
    frame: Any,
    *,
    text_column: str = "text",
    id_column: str = "id",
    date_column: str = "date",
    url_column: str = "url",
    model: str | None = None,
    include_scare: bool = False,
    batch_size: int = DEFAULT_BATCH_SIZE,
) -> Any:
    """The quotes of a pandas DataFrame of articles (one row each), one row per quote: a ``map_partitions`` function.

    An article's id is its ``id_column``, or its index label when there is no such column. An article that cannot
    be processed (no text) gives one row with ``doc_id`` and ``error`` set.

    Example:
        ``articles.map_partitions(quotebank.dask.extract_frame, meta=quotebank.dask.quote_meta())``
    """
    fields = Fields(id=id_column, text=text_column, date=date_column, url=url_column)
    has_id = id_column in frame.columns
    records: list[Record | BadRecord] = []
    for label, row in zip(frame.index, frame.to_dict("records"), strict=True):
        data = {k: (None if _missing(v) else v) for k, v in row.items()}
        if not has_id or data.get(id_column) is None:
            data[id_column] = str(label)
        records.append(to_record(data, default_id=str(label), fields=fields))
    with _lock:
        nlp = _pipeline(model)
        results = extract_many(records, nlp=nlp, include_scare=include_scare, batch_size=batch_size)
        rows = [row for result in results for row in extraction_rows(result)]
    return _frame(rows)


def _missing(value: Any) -> bool:
    """None, NaN, ``pd.NA`` or ``NaT``: whatever pandas holds for a missing value in the column's dtype."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return True
    pandas = _require("pandas")
    try:
        return bool(pandas.isna(value))
    except (TypeError, ValueError):  # a list or an array: a value, for the record's check to judge
        return False


def extract_dataframe(
    frame: Any,
    *,
    text_column: str = "text",
    id_column: str = "id",
    date_column: str = "date",
    url_column: str = "url",
    model: str | None = None,
    include_scare: bool = False,
    batch_size: int = DEFAULT_BATCH_SIZE,
) -> Any:
    """A Dask DataFrame of quotes (:data:`FRAME_COLUMNS`) from a Dask DataFrame of articles.

    See :func:`extract_frame`, which this maps over the partitions.
    """
    _require("dask.dataframe")
    return frame.map_partitions(
        extract_frame,
        text_column=text_column,
        id_column=id_column,
        date_column=date_column,
        url_column=url_column,
        model=model,
        include_scare=include_scare,
        batch_size=batch_size,
        meta=quote_meta(),
    )


def _bag_rows(extractions: Iterable[Extraction]) -> Any:
    return _frame([row for extraction in extractions for row in extraction_rows(extraction)])


def to_dataframe(extractions: Any) -> Any:
    """A Dask DataFrame of quotes (:data:`FRAME_COLUMNS`) from a bag of :class:`~quotebank.corpus.Extraction`."""
    dataframe = _require("dask.dataframe")
    delayed = extractions.map_partitions(_bag_rows).to_delayed()
    return dataframe.from_delayed(delayed, meta=quote_meta(), verify_meta=False)
