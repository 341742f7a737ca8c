"""The old home of streaming extraction, kept so that ``quotebank.batch`` imports keep working.

Everything here now lives in :mod:`quotebank.corpus` (records, rows, streaming, the worker pool). ``_format_of``
and ``_open`` are the old private names of :func:`quotebank.corpus.records.format_of` and
:func:`~quotebank.corpus.records.open_input`, kept for code written against them (the command line uses the public
names).
"""

from __future__ import annotations

from .corpus import (
    CHUNK_CHARS,
    DEFAULT_BATCH_SIZE,
    DEFAULT_FIELDS,
    ROW_COLUMNS,
    STDIN_NAME,
    ZONE_SIZE,
    BadRecord,
    Extraction,
    Fields,
    InputFormat,
    Record,
    StartMethod,
    extract_many,
    quote_row,
    read_records,
    to_record,
)
from .corpus.records import format_of, open_input

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

_format_of = format_of
_open = open_input
