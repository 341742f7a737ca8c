"""The bank checks articles with quotebank's one record model (quotebank.corpus.records.Record)."""

from __future__ import annotations

import datetime as dt

import pytest

from quotebank import QuoteBank
from quotebank.corpus import to_record
from quotebank.corpus.records import Record
from quotebank.errors import InvalidTextError, RecordError


@pytest.fixture
def bank():
    with QuoteBank() as b:
        yield b


@pytest.mark.parametrize(
    ("fields", "field"),
    [
        ({"date": "Monday"}, "date"),
        ({"date": 2020}, "date"),
        ({"url": 5}, "url"),
        ({"source": ["AP"]}, "source"),
    ],
)
def test_a_bad_field_is_the_same_error_in_the_bank_and_in_extract_many(bank, fields, field):
    with pytest.raises(RecordError, match=repr(field)):
        bank.add_quotes("No quotes here.", [], doc_id="a1", **fields)
    streamed = to_record({"id": "a1", "text": "No quotes here.", **fields}, default_id="0")
    assert not isinstance(streamed, Record)
    assert repr(field) in streamed.message
    assert "a1" not in bank


def test_a_lone_surrogate_is_refused_with_its_offset_as_extract_refuses_it(bank):
    with pytest.raises(InvalidTextError, match="offset 3"):
        bank.add_quotes("abc\ud800", [], doc_id="bad")
    assert "bad" not in bank


def test_good_fields_are_stored_as_the_record_model_writes_them(bank):
    bank.add_quotes("No quotes.", [], doc_id="d", date=dt.date(2020, 1, 8), url="https://example.org/a", source="AP")
    stored = bank.document("d")
    assert (stored.date, stored.url, stored.source) == ("2020-01-08", "https://example.org/a", "AP")


def test_an_empty_id_is_still_a_type_error(bank):
    with pytest.raises(TypeError):
        bank.add_quotes("abc", [], doc_id="")
