"""Coercing what callers give the bank (records, dates, ids) into checked values: the one place that does it."""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Mapping

import attrs

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


def optional_str(value: object, what: str) -> str | None:
    if value is None or isinstance(value, str):
        return value
    raise TypeError(f"{what} must be a str or None, not {type(value).__name__}")


@attrs.frozen
class ArticleRecord:
    doc_id: str
    text: str
    date: str | None
    url: str | None
    source: str | None


def to_record(record: object, position: int) -> ArticleRecord:
    if isinstance(record, str):
        return ArticleRecord(f"sha1:{sha1(record)[:16]}", record, None, None, None)
    if isinstance(record, tuple) and len(record) == 2 and isinstance(record[0], str):
        return ArticleRecord(check_doc_id(record[1]), record[0], None, None, None)
    if isinstance(record, Mapping):
        text = record.get("text")
        if not isinstance(text, str):
            raise TypeError(f"record {position}: 'text' must be a str, not {type(text).__name__}")
        doc_id = record.get("doc_id", record.get("id"))
        return ArticleRecord(
            check_doc_id(doc_id) if doc_id is not None else f"sha1:{sha1(text)[:16]}",
            text,
            iso_date(record.get("date")),
            optional_str(record.get("url"), "url"),
            optional_str(record.get("source"), "source"),
        )
    raise TypeError(
        f"record {position}: expected a str, a (text, doc_id) pair or a mapping, not {type(record).__name__}"
    )
