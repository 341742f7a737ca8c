"""quotebank.corpus.records: one Record model, one strict validation, texts refused at the door, typed errors."""

from __future__ import annotations

import datetime as dt
import pickle
from pathlib import Path

import pytest
import spacy

import quotebank
import quotebank.batch
import quotebank.corpus
import quotebank.corpus.dask
import quotebank.dask
from quotebank.api import check_text
from quotebank.corpus import BadRecord, Fields, Record, extract_many, read_records, to_record
from quotebank.errors import InvalidTextError, QuotebankError, QuoteDataError, RecordError
from quotebank.model import Quote

SHORT = "“We are ready,” Zarif said."
LONE = "“Fine,” she said. \ud800 Then “more,” he said."


def _blank() -> spacy.language.Language:
    nlp = spacy.blank("en")
    nlp.add_pipe("quotebank", config={"attribute": False})
    return nlp


# --------------------------------------------------------------------------- the Record model


def test_a_record_normalises_dates_and_refuses_bad_fields_naming_field_and_record() -> None:
    assert Record(id="a", text="t", date=dt.date(2020, 1, 8)).date == "2020-01-08"
    assert Record(id="a", text="t", date=dt.datetime(2020, 1, 8, 9, 30)).date == "2020-01-08 09:30:00"
    assert Record(id="a", text="t", date=" 2020-01-08T09:30:00+00:00 ").date == "2020-01-08T09:30:00+00:00"
    assert Record(id="a", text="t", date="").date is None
    with pytest.raises(RecordError, match=r"^record 'a': 'date' must be an ISO 8601 date .*not '8 Jan 2020'$"):
        Record(id="a", text="t", date="8 Jan 2020")
    with pytest.raises(RecordError, match=r"^record 'a': 'date' .* not 2020$"):
        Record(id="a", text="t", date=2020)  # type: ignore[arg-type]
    with pytest.raises(RecordError, match=r"^record 'a': 'url' must be a str or null, not int$"):
        Record(id="a", text="t", url=5)  # type: ignore[arg-type]
    with pytest.raises(RecordError, match=r"^record 'a': 'source' must be a str or null, not list$"):
        Record(id="a", text="t", source=["x"])  # type: ignore[arg-type]
    with pytest.raises(RecordError, match=r"^'id' must be a non-empty str, not ''$"):
        Record(id="", text="t")
    with pytest.raises(RecordError, match=r"^record 'a': 'text' is null, not a string$"):
        Record(id="a", text=None)  # type: ignore[arg-type]
    with pytest.raises(RecordError) as caught:
        Record(id="a", text=LONE)
    assert (caught.value.field, caught.value.record_id) == ("text", "a")
    assert str(caught.value) == "record 'a': 'text' is not valid Unicode: surrogates not allowed at offset 18"
    assert isinstance(caught.value, QuotebankError) and isinstance(caught.value, ValueError)


def test_to_record_applies_the_same_checks_and_names_the_field_as_the_input_does() -> None:
    fields = Fields(id="uuid", text="body", date="published", url="link")
    bad_date = to_record({"uuid": "u1", "body": SHORT, "published": "Jan 8"}, default_id="0", fields=fields)
    assert isinstance(bad_date, BadRecord) and bad_date.record_id == "u1"
    assert (
        str(bad_date) == "record 'u1': 'published' must be an ISO 8601 date (YYYY-MM-DD, or a date-time), not 'Jan 8'"
    )
    bad_url = to_record({"uuid": "u2", "body": SHORT, "link": 7}, default_id="0", fields=fields)
    assert str(bad_url) == "record 'u2': 'link' must be a str or null, not int"
    bad_id = to_record({"uuid": 1.5, "body": SHORT}, default_id="9", fields=fields)
    assert str(bad_id) == "record '9': 'uuid' must be a string or an integer, not float"
    good = to_record(
        {"uuid": 7, "body": SHORT, "published": "2020-01-08", "source": "BBC"}, default_id="0", fields=fields
    )
    assert good == Record(id="7", text=SHORT, date="2020-01-08", source="BBC")


def test_errors_survive_pickling_for_worker_processes() -> None:
    for error in (RecordError("is bad", field="url", record_id="a"), InvalidTextError("surrogates", offset=4)):
        again = pickle.loads(pickle.dumps(error))
        assert type(again) is type(error) and str(again) == str(error) and again.__dict__ == error.__dict__


def test_extract_many_reports_a_bad_field_and_goes_on() -> None:
    records = [
        {"id": "a", "text": SHORT, "date": "yesterday"},
        {"id": "b", "text": SHORT, "url": ["https://example.org"]},
        {"id": "c", "text": SHORT, "date": "2020-01-08"},
    ]
    results = list(extract_many(records, nlp=_blank()))
    assert [r.ok for r in results] == [False, False, True]
    assert (
        str(results[0].error)
        == "record 'a': 'date' must be an ISO 8601 date (YYYY-MM-DD, or a date-time), not 'yesterday'"
    )
    assert str(results[1].error) == "record 'b': 'url' must be a str or null, not list"
    assert results[2].date == "2020-01-08" and len(results[2].quotes) == 1


# --------------------------------------------------------------------------- texts refused at the door


def test_a_lone_surrogate_is_refused_the_same_way_everywhere(tmp_path: Path) -> None:
    nlp = _blank()
    with pytest.raises(InvalidTextError) as caught:
        quotebank.extract(LONE, nlp=nlp)
    assert caught.value.offset == LONE.index("\ud800") == 18
    assert str(caught.value) == "the text is not valid Unicode: surrogates not allowed at offset 18"
    with pytest.raises(InvalidTextError):
        quotebank.extract("\ud800")  # refused before any pipeline is loaded
    with pytest.raises(InvalidTextError):
        check_text("\udfff")
    assert check_text(SHORT) is SHORT
    (result,) = extract_many([{"id": "s", "text": LONE}], nlp=nlp)
    assert str(result.error) == "record 's': 'text' is not valid Unicode: surrogates not allowed at offset 18"
    # The same text read from a JSON line (where it is an escape): the same message, with the file and line.
    path = tmp_path / "c.jsonl"
    path.write_text('{"id": "j", "text": "ab\\ud800"}\n', encoding="utf-8")
    (item,) = read_records([path])
    assert str(item) == f"{path}:1: 'text' is not valid Unicode: surrogates not allowed at offset 2"


# --------------------------------------------------------------------------- typed errors


def test_a_model_name_instead_of_a_pipeline_is_a_clear_type_error() -> None:
    with pytest.raises(TypeError, match=r"extract\(nlp=\.\.\.\) takes a spaCy pipeline .* not str 'en_core_web_sm'"):
        quotebank.extract(SHORT, nlp="en_core_web_sm")  # type: ignore[arg-type]
    with pytest.raises(TypeError, match=r"extract_many\(nlp=\.\.\.\) takes a spaCy pipeline .* not str"):
        extract_many([SHORT], nlp="en_core_web_sm")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="no 'quotebank' component"):
        quotebank.extract(SHORT, nlp=spacy.blank("en"))


def test_load_refuses_what_is_neither_a_name_nor_a_path() -> None:
    with pytest.raises(TypeError, match=r"^load\(\) takes a spaCy package name or a path to a pipeline, not int$"):
        quotebank.load(42)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({}, r"^a quote needs the fields 'id', 'text', 'start', 'end'; this one has none$"),
        ({"id": "q0", "text": "Hi"}, r"^a quote needs the fields 'start', 'end'; this one has 'id', 'text'$"),
        (["id"], r"^Quote.from_dict\(\) takes a mapping \(a dict\), not list$"),
        ({"id": "q0", "text": "Hi", "start": 0, "end": 5}, r"^quote 'q0': text has 2 characters but \[0:5\] spans 5$"),
        ({"id": "q0", "text": "Hi", "start": 0, "end": 2, "kind": "rumour"}, r"^quote 'q0': 'rumour' is not a valid"),
        ({"id": "q0", "text": "Hi", "start": 0, "end": 2, "speaker": {"role": "x"}}, r"lacks the field 'name'$"),
    ],
)
def test_quote_from_dict_names_the_problem(data: object, message: str) -> None:
    with pytest.raises(QuoteDataError, match=message):
        Quote.from_dict(data)  # type: ignore[arg-type]


def test_quote_from_json_names_the_problem() -> None:
    with pytest.raises(QuoteDataError, match=r"^not a JSON quote"):
        Quote.from_json("{'id': 'q0'}")
    with pytest.raises(QuoteDataError, match="takes a mapping"):
        Quote.from_json("[1, 2]")


# --------------------------------------------------------------------------- document ids from paths


def test_one_file_named_two_ways_is_one_document(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "seeds").mkdir()
    (tmp_path / "seeds" / "x.txt").write_text(SHORT, encoding="utf-8")
    (tmp_path / "seeds" / "c.jsonl").write_text('{"text": "One."}\n', encoding="utf-8")
    names = ["seeds/x.txt", "./seeds/x.txt", "seeds//x.txt", "seeds/../seeds/x.txt", "./seeds/c.jsonl"]
    items = list(read_records(names))
    assert [item.id for item in items if isinstance(item, Record)] == [
        "seeds/x.txt",
        "seeds/x.txt",
        "seeds/x.txt",
        "seeds/x.txt",
        "seeds/c.jsonl:1",
    ]
    assert [item.file for item in items if isinstance(item, Record)] == names  # where it was read: as given


# --------------------------------------------------------------------------- old import paths


def test_old_import_paths_still_work() -> None:
    for name in quotebank.batch.__all__:
        assert getattr(quotebank.batch, name) is getattr(quotebank.corpus, name)
    for name in quotebank.dask.__all__:
        assert getattr(quotebank.dask, name) is getattr(quotebank.corpus.dask, name)
    assert quotebank.dask._loads == quotebank.corpus.dask._loads  # module state is read live, not copied
    assert quotebank.Record is Record and quotebank.extract_many is extract_many


def test_the_bank_refuses_such_a_text_the_same_way() -> None:
    bank = quotebank.QuoteBank(nlp=_blank())
    with pytest.raises(InvalidTextError, match="at offset 18"):
        bank.add(LONE, doc_id="one")
    stats = bank.add_many([{"doc_id": "s", "text": LONE}, {"doc_id": "ok", "text": SHORT}])
    assert stats.added == 1
    assert stats.failed == (("s", "'text' is not valid Unicode: surrogates not allowed at offset 18"),)
    assert bank.doc_ids == ["ok"]
