"""What callers give the bank (articles, dates, ids) as checked values.

An article is quotebank's one record model, :class:`quotebank.corpus.records.Record`, with its one validation;
the bank adds only its rule for ids and the forms :meth:`QuoteBank.add_many` accepts (texts, pairs, mappings).
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ..corpus.records import Record

# --------------------------------------------------------------------------- helpers


def iso_date(value: object, what: str = "date") -> str | None:
    """An ISO 8601 date (``YYYY-MM-DD``) or date-time string, or None."""
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.isoformat(sep=" ", timespec="seconds")
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, str):
        text = value.strip()
        try:
            dt.date.fromisoformat(text[:10])
            if len(text) > 10:
                dt.datetime.fromisoformat(text)
        except ValueError:
            pass
        else:
            return text
    raise ValueError(f"{what} must be an ISO 8601 date (YYYY-MM-DD), a date or a datetime, not {value!r}")


def sha1(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8", "surrogatepass")).hexdigest()


def check_doc_id(doc_id: object) -> str:
    if not isinstance(doc_id, str) or not doc_id:
        raise TypeError(f"doc_id must be a non-empty str, not {doc_id!r}")
    return doc_id


def article(doc_id: object, text: str, date: object = None, url: Any = None, source: Any = None) -> Record:
    """The checked record of one article: quotebank's one :class:`~quotebank.corpus.records.Record` model.

    The bank only adds its own rule for ids (a non-empty ``str``, a ``TypeError`` otherwise); dates, urls, sources
    and the text go through the same validation as ``extract_many`` and the command line, so a bad field is a
    :class:`~quotebank.errors.RecordError` naming it and the article.
    """
    # Imported here: quotebank.corpus loads the extraction pipeline, which reading a bank never needs.
    from ..corpus.records import Record

    return Record(id=check_doc_id(doc_id), text=text, date=date, url=url, source=source)


def to_record(record: object, position: int) -> Record:
    if isinstance(record, str):
        return article(f"sha1:{sha1(record)[:16]}", record)
    if isinstance(record, tuple) and len(record) == 2 and isinstance(record[0], str):
        return article(record[1], record[0])
    if isinstance(record, Mapping):
        text = record.get("text")
        if not isinstance(text, str):
            raise TypeError(f"record {position}: 'text' must be a str, not {type(text).__name__}")
        doc_id = record.get("doc_id", record.get("id"))
        return article(
            doc_id if doc_id is not None else f"sha1:{sha1(text)[:16]}",
            text,
            record.get("date"),
            record.get("url"),
            record.get("source"),
        )
    raise TypeError(
        f"record {position}: expected a str, a (text, doc_id) pair or a mapping, not {type(record).__name__}"
    )
