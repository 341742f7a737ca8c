"""Rows: a quote as one flat dict, the one list of their columns, and the one schema of the data frames built of them.

Every table of quotes quotebank makes has its columns here: the CSV output and
:meth:`Extraction.rows <quotebank.corpus.Extraction.rows>` (:data:`ROW_COLUMNS`),
:meth:`QuoteBank.to_dataframe <quotebank.QuoteBank.to_dataframe>` (:data:`BANK_COLUMNS`)
and the Dask frames (:data:`FRAME_COLUMNS`). Their pandas dtypes are declared once,
in :data:`COLUMNS`, and :func:`frame` applies them:

* text columns are pandas' ``string`` dtype;
* offsets and ``quotation_id`` are nullable integers (``Int64``), ``confidence`` and
  ``probability`` nullable floats (``Float64``);
* ``date`` (the article's date, or a post's) is ``datetime64[ns]``: ISO dates and
  date-times as written, those with a UTC offset converted to UTC;
* a missing value is ``pd.NA`` (``NaT`` in ``date``) in every column, never ``None``
  or ``NaN``; an empty string is a value, not a missing one (the ``marks`` of
  reported speech, which has no quotation marks, are ``""``).

pandas is imported only by :func:`frame`.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any

from ..model import Quote

if TYPE_CHECKING:
    import pandas

    from .streaming import Extraction

__all__ = [
    "BANK_COLUMNS",
    "COLUMNS",
    "FRAME_COLUMNS",
    "ROW_COLUMNS",
    "extraction_rows",
    "frame",
    "quote_json",
    "quote_row",
]

COLUMNS: dict[str, str] = {
    "doc_id": "string",
    "quote_id": "string",
    "start": "Int64",
    "end": "Int64",
    "kind": "string",
    "text": "string",
    "speaker": "string",
    "role": "string",
    "speaker_kind": "string",
    "channel": "string",
    "cue": "string",
    "parent": "string",
    "group": "string",
    "marks": "string",
    "post_author": "string",
    "post_handle": "string",
    "post_date": "string",
    "confidence": "Float64",
    "date": "datetime64[ns]",
    "url": "string",
    # What the bank adds: where the article came from, and what linking found.
    "source": "string",
    "speaker_id": "string",
    "probability": "Float64",
    "quotation_id": "Int64",
    # Set, in the Dask frames, on the one row of a record that could not be processed.
    "error": "string",
}
"""Every column of quotebank's quote tables, with its pandas dtype: the one declared schema."""

ROW_COLUMNS = (
    "doc_id",
    "quote_id",
    "start",
    "end",
    "kind",
    "text",
    "speaker",
    "role",
    "speaker_kind",
    "channel",
    "cue",
    "parent",
    "group",
    "marks",
    "post_author",
    "post_handle",
    "post_date",
    "confidence",
    "date",
    "url",
)
"""The columns of :func:`quote_row`, in order (the CSV output's)."""

BANK_COLUMNS = (*ROW_COLUMNS, "source", "speaker_id", "probability", "quotation_id")
"""The columns of :meth:`QuoteBank.to_dataframe <quotebank.QuoteBank.to_dataframe>`."""

FRAME_COLUMNS = (*ROW_COLUMNS, "error")
"""The columns of the Dask quote frames (:mod:`quotebank.corpus.dask`)."""


def _document(extraction: Extraction | None) -> dict[str, Any]:
    return {
        "date": extraction.date if extraction else None,
        "url": extraction.url if extraction else None,
    }


def quote_row(quote: Quote, extraction: Extraction | None = None) -> dict[str, Any]:
    """A flat, JSON- and CSV-ready view of ``quote`` (plus its document's date and url): :data:`ROW_COLUMNS`.

    Example:
        >>> row = quote_row(Quote(id="q0", text="Hi", start=1, end=3, doc_id="d1"))
        >>> row["doc_id"], row["quote_id"], row["kind"], row["speaker"]
        ('d1', 'q0', 'direct', None)
    """
    speaker, post = quote.speaker, quote.post
    return {
        "doc_id": quote.doc_id,
        "quote_id": quote.id,
        "start": quote.start,
        "end": quote.end,
        "kind": quote.kind.value,
        "text": quote.text,
        "speaker": speaker.name if speaker else None,
        "role": speaker.role if speaker else None,
        "speaker_kind": speaker.kind.value if speaker else None,
        "channel": quote.channel.value,
        "cue": quote.cue.text if quote.cue else None,
        "parent": quote.parent,
        "group": quote.group,
        "marks": quote.marks,
        "post_author": post.author if post else None,
        "post_handle": post.handle if post else None,
        "post_date": post.date if post else None,
        "confidence": quote.confidence,
        **_document(extraction),
    }


def quote_json(quote: Quote, extraction: Extraction | None = None) -> dict[str, Any]:
    """``quote`` as :meth:`Quote.to_dict` gives it (so ``Quote.from_dict`` reads it back) plus ``date`` and ``url``.

    The JSON lines of ``quotebank extract --format jsonl``: the same quote as :func:`quote_row`, not flattened.

    Example:
        >>> data = quote_json(Quote(id="q0", text="Hi", start=1, end=3))
        >>> data["id"], data["speaker"], data["date"]
        ('q0', None, None)
    """
    return {**quote.to_dict(), **_document(extraction)}


def extraction_rows(extraction: Extraction) -> list[dict[str, Any]]:
    """The rows of one result in the Dask frames (:data:`FRAME_COLUMNS`): one per quote, or one naming the error."""
    if extraction.error is not None:
        return [{"doc_id": extraction.doc_id, "error": str(extraction.error)}]
    return [{**quote_row(q, extraction), "error": None} for q in extraction.quotes]


def frame(rows: Iterable[Mapping[str, Any]], columns: Sequence[str] = ROW_COLUMNS) -> pandas.DataFrame:
    """A pandas DataFrame of ``rows`` with ``columns``, each of the dtype :data:`COLUMNS` declares.

    A column a row lacks is missing (``pd.NA``) in that row.

    Example:
        >>> quotes = frame([quote_row(Quote(id="q0", text="Hi", start=1, end=3, doc_id="d1"))])
        >>> str(quotes.start.dtype), str(quotes.speaker.dtype), str(quotes.date.dtype), quotes.speaker[0]
        ('Int64', 'string', 'datetime64[ns]', <NA>)
    """
    import pandas as pd

    unknown = [c for c in columns if c not in COLUMNS]
    if unknown:
        raise ValueError(f"no declared dtype for the column(s) {unknown}; see quotebank.corpus.rows.COLUMNS")
    table = pd.DataFrame(list(rows), columns=list(columns))
    typed = {}
    for column in columns:
        dtype = COLUMNS[column]
        values = table[column].astype(object).where(table[column].notna(), None)
        if dtype.startswith("datetime64"):
            # UTC for a date-time with an offset; a plain date or date-time stands as written.
            parsed = pd.to_datetime(values, utc=True, format="ISO8601")
            typed[column] = parsed.dt.tz_localize(None).astype(dtype)
        else:
            typed[column] = values.astype(dtype)
    return pd.DataFrame(typed, index=table.index)
