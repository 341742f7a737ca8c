"""quotebank.dask on a LocalCluster of two single-threaded worker processes (no network beyond localhost)."""

from __future__ import annotations

import json
from pathlib import Path

# The dev extra installs the dask extra: a missing piece is a failure here, not a silent skip.
import dask.bag as dask_bag
import dask.dataframe as dask_dataframe
import distributed
import pandas
import pytest
from conftest import SEEDS

import quotebank
import quotebank.corpus
import quotebank.dask as qdask


@pytest.fixture(scope="module")
def client():
    cluster = distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None, silence_logs=40
    )
    with distributed.Client(cluster) as dask_client:
        yield dask_client
    cluster.close()


def _records() -> list[dict[str, str] | str]:
    records: list[dict[str, str] | str] = [{"id": p.name, "text": p.read_text(encoding="utf-8")} for p in SEEDS]
    records += [{"id": "no-text", "title": "x"}, "“Fine,” he said.", {"id": "short", "text": "“Yes,” Zarif said."}]
    return records


def test_extract_bag_matches_extract_many_and_loads_once_per_worker(client, nlp) -> None:
    records = _records() * 2
    bag = dask_bag.from_sequence(records, npartitions=6)
    results = qdask.extract_bag(bag).compute()
    assert len(results) == len(records)
    local = list(quotebank.extract_many(records[:6], nlp=nlp))
    assert [(r.doc_id, r.quotes, r.error) for r in results[:3]] == [(r.doc_id, r.quotes, r.error) for r in local[:3]]
    assert [r.ok for r in results] == [r.ok for r in local] * 2
    assert str(results[3].error) == "record 'no-text': no 'text' field"
    # The bare text has no id: it gets "partition:position".
    assert results[4].doc_id == "2:0" and len(results[4].quotes) == 1

    again = qdask.extract_bag(dask_bag.from_sequence(records, npartitions=8)).compute()
    assert [r.doc_id for r in again if ":" not in r.doc_id] == [r.doc_id for r in results if ":" not in r.doc_id]
    loads = client.run(lambda: qdask._loads)
    assert len(loads) == 2 and all(n <= 1 for n in loads.values()) and sum(loads.values()) >= 1, loads


def test_read_records_and_to_dataframe(client, tmp_path: Path) -> None:
    corpus = tmp_path / "corpus.jsonl"
    lines = [json.dumps({"id": p.name, "text": p.read_text(encoding="utf-8"), "date": "2020-01-08"}) for p in SEEDS]
    corpus.write_text("\n".join([*lines, "not json"]) + "\n", encoding="utf-8")
    results = qdask.extract_bag(qdask.read_records([corpus])).compute()
    assert [(r.doc_id, r.line, r.ok) for r in results] == [
        *((p.name, i, True) for i, p in enumerate(SEEDS, 1)),
        (f"{corpus}:4", 4, False),
    ]
    frame = qdask.to_dataframe(qdask.extract_bag(qdask.read_records([corpus]))).compute()
    assert list(frame.columns) == list(qdask.FRAME_COLUMNS)
    quotes = frame[frame.error.isna()]
    assert len(quotes) == sum(len(r.quotes) for r in results)
    assert set(quotes.date) == {pandas.Timestamp("2020-01-08")}
    assert frame.dtypes.to_dict() == qdask.quote_meta().dtypes.to_dict()
    assert frame[frame.error.notna()].error.tolist() == [f"{corpus}:4: invalid JSON: Expecting value at column 1"]


def test_extract_dataframe(client) -> None:
    articles = pandas.DataFrame(
        {
            "id": ["a", "b", None],
            "text": ["“Yes,” Zarif said.", None, "“No,” she said, “never.”"],
            "url": ["u", "v", "w"],
        },
        index=[10, 11, 12],
    )
    quotes = qdask.extract_dataframe(dask_dataframe.from_pandas(articles, npartitions=2)).compute()
    assert quotes.doc_id.tolist() == ["a", "b", "12", "12"]
    assert quotes.error.notna().tolist() == [False, True, False, False]
    assert quotes.text.tolist()[0] == "Yes," and quotes.url.tolist()[0] == "u"
    assert str(quotes.start.dtype) == "Int64"
    local = qdask.extract_frame(articles)  # the map_partitions function, on a pandas frame
    assert local.doc_id.tolist() == quotes.doc_id.tolist()
    assert quotes.dtypes.to_dict() == local.dtypes.to_dict() == qdask.quote_meta().dtypes.to_dict()


def test_missing_values_of_any_dtype_are_missing(nlp) -> None:
    # pandas holds a missing date as NaT and a missing string as pd.NA: neither is a bad value.
    articles = pandas.DataFrame(
        {
            "id": pandas.array(["a", None, "c"], dtype="string"),
            "text": pandas.array(["“Yes,” Zarif said.", pandas.NA, "“No,” she said."], dtype="string"),
            "date": pandas.to_datetime(["2020-01-08 10:30", None, None]),
            "url": pandas.array([pandas.NA, "v", pandas.NA], dtype="string"),
        },
        index=[10, 11, 12],
    )
    quotes = qdask.extract_frame(articles)
    assert quotes.doc_id.tolist() == ["a", "11", "c"]
    assert quotes.error.tolist()[:1] == [pandas.NA] and quotes.error[1] == "record '11': 'text' is null, not a string"
    assert quotes.date[0] == pandas.Timestamp("2020-01-08 10:30") and quotes.date[2] is pandas.NaT


def test_the_dask_frame_and_the_banks_frame_have_one_schema(client) -> None:
    articles = pandas.DataFrame({"id": ["a"], "text": ["“Yes,” Zarif said."], "date": ["2020-01-08"]})
    quotes = qdask.extract_dataframe(dask_dataframe.from_pandas(articles, npartitions=1)).compute()
    bank = quotebank.QuoteBank()
    (quote,) = quotebank.extract(articles.text[0], nlp=_blank())
    bank.add_quotes(articles.text[0], [quote], doc_id="a", date="2020-01-08")
    banked = bank.to_dataframe()
    shared = [c for c in quotes.columns if c in banked.columns]
    assert shared == list(quotebank.corpus.ROW_COLUMNS)
    assert quotes[shared].dtypes.to_dict() == banked[shared].dtypes.to_dict()
    assert {str(t) for t in banked.dtypes} == {"string", "Int64", "Float64", "datetime64[ns]"}
    assert quotes.date[0] == banked.date[0] == pandas.Timestamp("2020-01-08")


def _blank():
    import spacy

    nlp = spacy.blank("en")
    nlp.add_pipe("quotebank", config={"attribute": False})
    return nlp


def test_a_missing_dask_names_the_extra() -> None:
    with pytest.raises(ImportError, match=r"quotebank\[dask\]"):
        qdask._require("no_such_dask_module.bag")
