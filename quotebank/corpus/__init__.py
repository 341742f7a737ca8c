"""Many documents: reading records, extracting their quotes as a stream, flat rows, worker processes, Dask.

* :mod:`~quotebank.corpus.records`: the :class:`Record` model, its validation, and reading records from files;
* :mod:`~quotebank.corpus.rows`: a quote as one flat row, and the columns of those rows;
* :mod:`~quotebank.corpus.streaming`: :func:`extract_many`, the engine that streams records through a pipeline;
* :mod:`~quotebank.corpus.pool`: the worker processes behind ``extract_many(n_process=...)``;
* :mod:`~quotebank.corpus.dask`: the same on a Dask cluster (imports Dask only when used).
"""

from __future__ import annotations

from .records import DEFAULT_FIELDS, STDIN_NAME, BadRecord, Fields, InputFormat, Record, read_records, to_record
from .rows import ROW_COLUMNS, quote_row
from .streaming import CHUNK_CHARS, DEFAULT_BATCH_SIZE, ZONE_SIZE, Extraction, StartMethod, extract_many

__all__ = [
    "CHUNK_CHARS",
    "DEFAULT_BATCH_SIZE",
    "DEFAULT_FIELDS",
    "ROW_COLUMNS",
    "STDIN_NAME",
    "ZONE_SIZE",
    "BadRecord",
    "Extraction",
    "Fields",
    "InputFormat",
    "Record",
    "StartMethod",
    "extract_many",
    "quote_row",
    "read_records",
    "to_record",
]
