"""quotebank.batch: extract_many (streaming, order, errors, memory) and record reading."""

from __future__ import annotations

import gzip
import json
import multiprocessing
import os
from pathlib import Path

import pytest
import spacy
from spacy.language import Language

import quotebank
from quotebank.batch import BadRecord, Extraction, Fields, Record, extract_many, quote_row, read_records, to_record

SHORT = "“We are ready,” Zarif said."


@Language.component("test_boom_on_marker")
def _boom_on_marker(doc):  # a component that fails on one document, as a bug would
    if "BOOM" in doc.text:
        raise RuntimeError("boom")
    return doc


@Language.component("test_exit_on_marker")
def _exit_on_marker(doc):  # a component that kills its process, as a crash in compiled code would
    if "EXIT" in doc.text:
        os._exit(3)
    return doc


def _blank(*, boom: bool = False) -> Language:
    """A blank English pipeline with the quotebank component: no model, fast, same streaming path."""
    nlp = spacy.blank("en")
    if boom:
        nlp.add_pipe("test_boom_on_marker")
    nlp.add_pipe("quotebank", config={"attribute": False})
    return nlp


# --------------------------------------------------------------------------- extract_many


def test_results_equal_extract_in_input_order(nlp, seed_texts) -> None:
    texts = list(seed_texts.values())
    results = list(extract_many(texts, nlp=nlp, batch_size=2))
    assert [r.doc_id for r in results] == ["0", "1", "2"]
    for i, (text, result) in enumerate(zip(texts, results, strict=True)):
        assert result.ok and result.error is None
        assert list(result.quotes) == quotebank.extract(text, nlp=nlp, doc_id=str(i))
        assert all(text[q.start : q.end] == q.text for q in result.quotes)
        assert all(q.doc_id == str(i) for q in result.quotes)


def test_mixed_records_give_one_result_each_errors_in_place() -> None:
    nlp = _blank()
    records = [
        SHORT,
        {"id": "m", "text": SHORT, "date": "2020-01-08", "url": "https://example.org/m"},
        {"id": "no-text", "body": SHORT},
        {"id": 42, "text": None},
        Record(id="r", text=SHORT),
        BadRecord(message="invalid JSON", file="corpus.jsonl", line=3),
        {"id": "empty", "text": "   "},
        12,
        {"text": "No quotes here."},
    ]
    results = list(extract_many(records, nlp=nlp))
    assert len(results) == len(records)
    assert [r.doc_id for r in results] == ["0", "m", "no-text", "42", "r", "corpus.jsonl:3", "empty", "7", "8"]
    assert [r.ok for r in results] == [True, True, False, False, True, False, True, False, True]
    assert [len(r.quotes) for r in results] == [1, 1, 0, 0, 1, 0, 0, 0, 0]
    assert results[1].date == "2020-01-08" and results[1].url == "https://example.org/m"
    assert str(results[2].error) == "record 'no-text': no 'text' field"
    assert str(results[3].error) == "record '42': 'text' is null, not a string"
    assert str(results[5].error) == "corpus.jsonl:3: invalid JSON"
    assert "not int" in str(results[7].error)


def test_custom_field_names() -> None:
    records = [{"uuid": "u1", "body": SHORT, "published": "2020-01-08"}]
    fields = Fields(id="uuid", text="body", date="published")
    (result,) = extract_many(records, nlp=_blank(), fields=fields)
    assert result.doc_id == "u1" and result.date == "2020-01-08" and len(result.quotes) == 1


def test_long_texts_are_split_like_extract() -> None:
    nlp = _blank()
    nlp.max_length = 200
    text = "\n\n".join(
        f"“Point {i} stands,” the minister said on day {i}. He added: “Nothing else.”" for i in range(12)
    )
    (result,) = extract_many([text], nlp=nlp)
    assert list(result.quotes) == quotebank.extract(text, nlp=nlp, doc_id="0")
    assert len(result.quotes) == 24
    assert all(text[q.start : q.end] == q.text for q in result.quotes)


def test_two_processes_give_the_same_results() -> None:
    nlp = _blank()
    texts = [f"“Item {i} is fine,” she said. The “so-called” {i}." for i in range(40)] + ["", SHORT]
    single = list(extract_many(texts, nlp=nlp, batch_size=4))
    double = list(extract_many(texts, nlp=nlp, batch_size=4, n_process=2))
    assert double == single


@pytest.mark.parametrize("n_process", [1, 2])
def test_a_document_that_breaks_the_pipeline_is_reported_and_the_rest_go_on(n_process: int) -> None:
    nlp = _blank(boom=True)
    texts = [f"“Number {i},” he said." for i in range(10)]
    texts[6] = "“BOOM,” he said."
    results = list(extract_many(texts, nlp=nlp, batch_size=3, n_process=n_process))
    assert [r.doc_id for r in results] == [str(i) for i in range(10)]
    assert [r.ok for r in results] == [i != 6 for i in range(10)]
    assert "extraction failed: RuntimeError: boom" in str(results[6].error)
    assert all(len(r.quotes) == 1 for r in results if r.ok)


@pytest.mark.parametrize("n_process", [1, 2])
def test_an_error_in_the_callers_iterable_is_raised_as_is(n_process: int) -> None:
    def records():
        yield SHORT
        raise OSError("disk gone")

    def nothing():
        raise OSError("no disk at all")
        yield SHORT

    with pytest.raises(OSError, match="disk gone"):
        list(extract_many(records(), nlp=_blank(), n_process=n_process))
    with pytest.raises(OSError, match="no disk at all"):
        list(extract_many(nothing(), nlp=_blank(), n_process=n_process))


def test_with_workers_the_records_read_before_a_source_error_get_their_results() -> None:
    def records():
        yield from [SHORT] * 5
        raise OSError("disk gone")

    seen = []
    with pytest.raises(OSError, match="disk gone"):
        for result in extract_many(records(), nlp=_blank(), n_process=2, batch_size=2):
            seen.append(result.doc_id)
    assert seen == ["0", "1", "2", "3", "4"]


def test_workers_read_the_input_lazily_and_stop_when_the_stream_is_closed() -> None:
    pulled = 0

    def records():
        nonlocal pulled
        for i in range(100_000):
            pulled += 1
            yield f"“Item {i},” she said."

    results = extract_many(records(), nlp=_blank(), n_process=2, batch_size=4)
    assert next(results).doc_id == "0"
    assert len(multiprocessing.active_children()) == 2
    assert pulled <= 2 * 3 * 4 + 4  # a few chunks in flight per worker, not the corpus
    results.close()
    assert multiprocessing.active_children() == []

    for _ in extract_many(records(), nlp=_blank(), n_process=2, batch_size=4):
        break  # the generator is dropped here, and closed by the garbage collector
    assert multiprocessing.active_children() == []


@pytest.mark.parametrize("n_process", [-1, 3])
def test_any_number_of_workers_gives_the_same_results(n_process: int) -> None:
    texts = [f"“Item {i} is fine,” she said." * (i % 7 + 1) for i in range(30)]
    nlp = _blank()
    assert list(extract_many(texts, nlp=nlp, n_process=n_process)) == list(extract_many(texts, nlp=nlp))


def test_spawned_workers_get_the_pipeline_pickled() -> None:
    texts = [f"“Item {i} is fine,” she said." for i in range(6)]
    nlp = _blank()
    spawned = list(extract_many(texts, nlp=nlp, n_process=2, batch_size=2, start_method="spawn"))
    assert spawned == list(extract_many(texts, nlp=nlp))


def test_a_worker_that_dies_costs_only_its_chunk() -> None:
    # Was: the whole stream ended with BrokenProcessPool. Now the dead worker's records are reported and it goes on.
    nlp = _blank()
    nlp.add_pipe("test_exit_on_marker", first=True)
    texts = [SHORT] * 4 + ["EXIT"] + [SHORT] * 4
    results = list(extract_many(texts, nlp=nlp, n_process=2, batch_size=1))
    assert [r.doc_id for r in results] == [str(i) for i in range(9)]
    assert [r.ok for r in results] == [i != 4 for i in range(9)]
    assert (
        str(results[4].error)
        == "record '4': the worker process died (exit code 3) while extracting this record's chunk"
    )
    assert multiprocessing.active_children() == []


def test_bad_arguments_are_refused() -> None:
    with pytest.raises(TypeError, match="iterable of records"):
        extract_many(SHORT, nlp=_blank())
    with pytest.raises(ValueError, match="n_process"):
        extract_many([SHORT], nlp=_blank(), n_process=0)
    with pytest.raises(ValueError, match="batch_size"):
        extract_many([SHORT], nlp=_blank(), batch_size=0)
    with pytest.raises(ValueError, match="no 'quotebank' component"):
        extract_many([SHORT], nlp=spacy.blank("en"))


def test_memory_stays_flat_over_20000_documents() -> None:
    # The streaming path (nlp.pipe over a generator, a FIFO of records in flight, memory zones renewed every
    # ZONE_SIZE records) with a blank pipeline and short documents, each with new words, so that the vocabulary
    # would grow without the memory zones. Resident memory after 4,000 documents and after 20,000 may differ by
    # allocator noise, not by what 16,000 documents would hold (about 18 MB without memory zones, more if the
    # results were kept).
    psutil = pytest.importorskip("psutil")
    process = psutil.Process()
    nlp = _blank()

    def records():
        for i in range(20_000):
            yield {"id": f"d{i}", "text": f"“We won {i},” said Zarif{i}x."}

    rss = {}
    count = 0
    for i, result in enumerate(extract_many(records(), nlp=nlp, batch_size=64), 1):
        count += len(result.quotes)
        if i in (4_000, 20_000):
            rss[i] = process.memory_info().rss / 2**20
    assert count == 20_000
    assert rss[20_000] - rss[4_000] < 10, rss


def test_extraction_rows_are_flat() -> None:
    (result,) = extract_many([{"id": "a", "text": SHORT, "url": "u"}], nlp=_blank())
    (row,) = result.rows()
    assert row["doc_id"] == "a" and row["quote_id"] == "q0" and row["url"] == "u" and row["text"] == "We are ready,"
    assert row == quote_row(result.quotes[0], result)
    assert Extraction(doc_id="x").ok


# --------------------------------------------------------------------------- reading records


def test_to_record_checks_text() -> None:
    assert to_record("text", default_id="5") == Record(id="5", text="text")
    bad = to_record({"id": "s", "text": "bad \ud800 surrogate"}, default_id="0")
    assert isinstance(bad, BadRecord) and "not valid Unicode" in bad.message


def test_read_jsonl_reports_every_bad_line(tmp_path: Path) -> None:
    path = tmp_path / "corpus.jsonl"
    lines = [
        b'\xef\xbb\xbf{"id": "a", "text": "One."}',  # a byte-order mark on the first line is fine
        b"",
        b'{"id": "b", "text": ',
        b'{"text": "No id."}',
        b'["a", "list"]',
        b'{"id": "c", "text": "caf\xe9"}',
        b'{"id": 7, "text": "Seven.", "date": 2020}',
        b'{"id": "d"}',
    ]
    path.write_bytes(b"\n".join(lines) + b"\n")
    items = list(read_records([path]))
    assert [(type(i).__name__, i.line) for i in items] == [
        ("Record", 1),
        ("BadRecord", 3),
        ("Record", 4),
        ("BadRecord", 5),
        ("BadRecord", 6),
        ("BadRecord", 7),
        ("BadRecord", 8),
    ]
    assert items[0] == Record(id="a", text="One.", file=str(path), line=1)
    assert items[2].id == f"{path}:4"
    # A date must be an ISO 8601 date: a bare number is refused, naming the field and the line, not coerced.
    assert items[5].record_id == "7" and str(items[5]) == (
        f"{path}:7: 'date' must be an ISO 8601 date (YYYY-MM-DD, or a date-time), not 2020"
    )
    assert str(items[1]) == f"{path}:3: invalid JSON: Expecting value at column 21"
    assert items[1].raw == '{"id": "b", "text": '
    assert items[3].message == "expected a JSON object, got list"
    assert items[4].message == "not valid UTF-8: byte 0xe9 at column 25"
    assert items[4].raw == '{"id": "c", "text": "caf\\xe9"}'
    assert items[6].record_id == "d" and items[6].message == "no 'text' field"


def test_read_text_files(tmp_path: Path) -> None:
    plain = tmp_path / "a.txt"
    plain.write_bytes(b"\xef\xbb\xbfLine one.\r\nLine two.\r\n")
    broken = tmp_path / "b.txt"
    broken.write_bytes(b"Fine.\nStill fine.\nNot \xff fine.\n")
    items = list(read_records([plain, broken, tmp_path / "missing.txt"]))
    assert items[0] == Record(id=str(plain), text="Line one.\nLine two.\n", file=str(plain))
    assert isinstance(items[1], BadRecord) and (items[1].line, items[1].message) == (
        3,
        "not valid UTF-8: byte 0xff at column 5",
    )
    assert isinstance(items[2], BadRecord) and items[2].message.startswith("cannot open")


def test_read_gzip_and_sniffed_jsonl(tmp_path: Path) -> None:
    zipped = tmp_path / "corpus.jsonl.gz"
    with gzip.open(zipped, "wt", encoding="utf-8") as f:
        f.write(json.dumps({"id": "z", "text": SHORT}) + "\n")
    sniffed = tmp_path / "corpus.data"
    sniffed.write_text("\n" + json.dumps({"id": "s", "text": SHORT}) + "\n", encoding="utf-8")
    prose = tmp_path / "article"
    prose.write_text(SHORT, encoding="utf-8")
    items = list(read_records([zipped, sniffed, prose]))
    assert [(i.id, i.line) for i in items if isinstance(i, Record)] == [("z", 1), ("s", 2), (str(prose), None)]
    forced = list(read_records([sniffed], input_format="text"))
    assert isinstance(forced[0], Record) and forced[0].text.startswith('\n{"id"')


def test_read_records_then_extract_many_keeps_file_and_line(tmp_path: Path) -> None:
    path = tmp_path / "c.jsonl"
    path.write_text('{"id": "a", "text": "“Hi,” he said."}\nnot json\n', encoding="utf-8")
    results = list(extract_many(read_records([path]), nlp=_blank()))
    assert [(r.doc_id, r.file, r.line, r.ok) for r in results] == [
        ("a", str(path), 1, True),
        (f"{path}:2", str(path), 2, False),
    ]
