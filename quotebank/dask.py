"""The old home of the Dask integration, kept so that ``import quotebank.dask`` keeps working.

Everything here now lives in :mod:`quotebank.corpus.dask`; see its docstring for how to run on a cluster.
"""

from __future__ import annotations

from typing import Any

from .corpus import dask as _impl
from .corpus.dask import (
    FRAME_COLUMNS,
    extract_bag,
    extract_dataframe,
    extract_frame,
    extract_partition,
    quote_meta,
    read_records,
    to_dataframe,
)

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


def __getattr__(name: str) -> Any:
    # Anything else (module state such as the count of loaded pipelines) is read live from the implementation.
    return getattr(_impl, name)
