"""quotebank.corpus.rows: one flattener, one column list, one declared schema for every data frame."""

from __future__ import annotations

import pandas
import pytest

import quotebank
from quotebank.corpus import BadRecord, Extraction
from quotebank.corpus.rows import (
    BANK_COLUMNS,
    COLUMNS,
    FRAME_COLUMNS,
    ROW_COLUMNS,
    extraction_rows,
    frame,
    quote_json,
    quote_row,
)
from quotebank.model import Post, Quote, Speaker, SpeakerKind

QUOTE = Quote(
    id="q0",
    text="Hi",
    start=1,
    end=3,
    doc_id="d1",
    speaker=Speaker(name="Javad Zarif", role="foreign minister", kind=SpeakerKind.PERSON),
    marks="“”",
)
POST = Quote(
    id="q1",
    text="Yes",
    start=10,
    end=13,
    doc_id="d1",
    kind="embedded_post",
    post=Post(author="Hassan Rouhani", handle="HassanRouhani", date="January 8, 2020"),
)


def test_every_column_of_every_table_has_a_declared_dtype() -> None:
    assert set(ROW_COLUMNS) < set(BANK_COLUMNS) and set(ROW_COLUMNS) < set(FRAME_COLUMNS)
    assert set(BANK_COLUMNS) | set(FRAME_COLUMNS) == set(COLUMNS)
    assert list(quote_row(QUOTE)) == list(ROW_COLUMNS)
    with pytest.raises(ValueError, match="no declared dtype for the column"):
        frame([], ["doc_id", "mood"])


def test_a_frame_has_the_declared_dtypes_and_one_missing_value() -> None:
    extraction = Extraction(doc_id="d1", quotes=(QUOTE, POST), date="2020-01-08T09:30:00+02:00", url=None)
    rows = extraction.rows()
    table = frame(rows)
    assert list(table.columns) == list(ROW_COLUMNS)
    assert {c: str(t) for c, t in table.dtypes.items()} == {c: COLUMNS[c] for c in ROW_COLUMNS}
    assert table.date.tolist() == [pandas.Timestamp("2020-01-08 07:30:00")] * 2  # the offset, applied: UTC
    assert table.speaker[1] is pandas.NA and table.url[0] is pandas.NA and table.cue[0] is pandas.NA
    assert table.post_date[1] == "January 8, 2020"  # a post's date as its signature gives it: text
    assert table.marks.tolist() == ["“”", ""]  # an empty string is a value, not a missing one
    empty = frame([])
    assert empty.dtypes.to_dict() == table.dtypes.to_dict()


def test_dates_as_written_or_missing() -> None:
    rows = [{"date": "2020-01-08"}, {"date": None}, {"date": "2020-01-09 10:00:00"}, {}]
    dates = frame(rows, ["date"]).date
    assert dates.tolist()[0] == pandas.Timestamp("2020-01-08") and dates.tolist()[2] == pandas.Timestamp(
        "2020-01-09 10:00"
    )
    assert dates.isna().tolist() == [False, True, False, True]


def test_the_flatteners_agree() -> None:
    extraction = Extraction(doc_id="d1", quotes=(QUOTE,), date="2020-01-08", url="https://example.org/a")
    data = quote_json(QUOTE, extraction)
    assert Quote.from_dict(data) == QUOTE  # the JSONL output reads back
    assert (data["date"], data["url"]) == ("2020-01-08", "https://example.org/a")
    row = quote_row(QUOTE, extraction)
    assert (row["speaker"], row["role"], row["date"], row["url"]) == (
        "Javad Zarif",
        "foreign minister",
        "2020-01-08",
        "https://example.org/a",
    )
    (framed,) = extraction_rows(extraction)
    assert framed == {**row, "error": None}
    failed = Extraction(doc_id="x", error=BadRecord(message="no 'text' field", record_id="x"))
    assert extraction_rows(failed) == [{"doc_id": "x", "error": "record 'x': no 'text' field"}]
    errors = frame(extraction_rows(failed), FRAME_COLUMNS)
    assert errors.error[0] == "record 'x': no 'text' field" and errors.start[0] is pandas.NA


def test_the_banks_frame_uses_the_schema() -> None:
    bank = quotebank.QuoteBank()
    text = "“Hi,” he said."
    bank.add_quotes(text, [Quote(id="q0", text="Hi,", start=1, end=4)], doc_id="a", date="2020-01-08")
    table = bank.to_dataframe()
    assert list(table.columns) == list(BANK_COLUMNS)
    assert {c: str(t) for c, t in table.dtypes.items()} == {c: COLUMNS[c] for c in BANK_COLUMNS}
    assert table.date[0] == pandas.Timestamp("2020-01-08") and table.speaker[0] is pandas.NA
