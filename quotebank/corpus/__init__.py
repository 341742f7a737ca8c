"""Many documents: reading records, extracting their quotes as a stream, flat rows, worker processes, Dask.

* :mod:`~quotebank.corpus.records`: the :class:`Record` model, its validation, and reading records from files;
* :mod:`~quotebank.corpus.rows`: a quote as one flat row, the columns of those rows and their one schema;
* :mod:`~quotebank.corpus.streaming`: :func:`extract_many`, the engine that streams records through a pipeline;
* :mod:`~quotebank.corpus.pool`: the worker processes behind ``extract_many(n_process=...)``;
* :mod:`~quotebank.corpus.dask`: the same on a Dask cluster (imports Dask only when used).
"""

from __future__ import annotations

from .records import DEFAULT_FIELDS, STDIN_NAME, BadRecord, Fields, InputFormat, Record, read_records, to_record
from .rows import BANK_COLUMNS, COLUMNS, FRAME_COLUMNS, ROW_COLUMNS, extraction_rows, frame, quote_json, quote_row
from .streaming import CHUNK_CHARS, DEFAULT_BATCH_SIZE, ZONE_SIZE, Extraction, StartMethod, extract_many

__all__ = [
    "BANK_COLUMNS",
    "CHUNK_CHARS",
    "COLUMNS",
    "DEFAULT_BATCH_SIZE",
    "DEFAULT_FIELDS",
    "FRAME_COLUMNS",
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
    "extraction_rows",
    "frame",
    "quote_json",
    "quote_row",
    "read_records",
    "to_record",
]
