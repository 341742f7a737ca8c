"""The spaCy component: storage on the Doc, DocBin, multiprocessing, loading."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc, DocBin

import quotebank
from quotebank.component import SCARE_SPANS_KEY, SPANS_KEY
from quotebank.model import QuoteKind

TEXTS = [
    "“We are working on initial battle damage assessments,” Hoffman added.",
    "Zarif described the strikes as “proportionate measures in self-defense.”",
    "She appeared on “Morning Joe” on Tuesday.",
]


def test_component_writes_spans_and_quotes(nlp) -> None:
    doc = nlp(TEXTS[0])
    assert [q.text for q in doc._.quotes] == ["We are working on initial battle damage assessments,"]
    assert [s.label_ for s in doc.spans[SPANS_KEY]] == ["direct"]


def test_scare_quotes_are_kept_apart(nlp) -> None:
    doc = nlp(TEXTS[2])
    assert doc._.quotes == []
    assert [q.kind for q in doc._.all_quotes] == [QuoteKind.SCARE]
    assert [s.text for s in doc.spans[SCARE_SPANS_KEY]] == ["Morning Joe"]
    assert quotebank.extract(TEXTS[2]) == []
    assert [q.text for q in quotebank.extract(TEXTS[2], include_scare=True)] == ["Morning Joe"]


def test_docbin_round_trip_keeps_quotes(nlp) -> None:
    docs = list(nlp.pipe(TEXTS))
    data = DocBin(docs=docs, store_user_data=True).to_bytes()
    restored = list(DocBin(store_user_data=True).from_bytes(data).get_docs(nlp.vocab))
    for before, after in zip(docs, restored, strict=True):
        assert after._.all_quotes == before._.all_quotes
        assert [s.text for s in after.spans[SPANS_KEY]] == [s.text for s in before.spans[SPANS_KEY]]


def test_multiprocessing_keeps_quotes(nlp) -> None:
    single = [d._.all_quotes for d in nlp.pipe(TEXTS)]
    double = [d._.all_quotes for d in nlp.pipe(TEXTS, n_process=2, batch_size=1)]
    assert double == single


def test_stored_values_are_plain_data(nlp) -> None:
    doc = nlp(TEXTS[1])
    import json

    json.dumps(doc._.quotebank_data)
    json.dumps(doc._.quotebank_notices)


def test_hand_built_doc_classification() -> None:
    # No model: a blank pipeline with a hand-built parse is enough for the kind rules.
    blank = spacy.blank("en")
    blank.add_pipe("quotebank", config={"attribute": False})
    words = ["He", "called", "it", "“", "a", "disaster", "”", "."]
    doc = Doc(
        blank.vocab,
        words=words,
        spaces=[True, True, True, False, True, False, False, False],
        heads=[1, 1, 1, 5, 5, 1, 5, 1],
        deps=["nsubj", "ROOT", "dobj", "punct", "det", "oprd", "punct", "punct"],
        pos=["PRON", "VERB", "PRON", "PUNCT", "DET", "NOUN", "PUNCT", "PUNCT"],
        lemmas=["he", "call", "it", "“", "a", "disaster", "”", "."],
    )
    doc = blank.get_pipe("quotebank")(doc)
    assert [(q.text, q.kind) for q in doc._.quotes] == [("a disaster", QuoteKind.PARTIAL)]


def test_load_is_cached_and_names_a_missing_model(monkeypatch: pytest.MonkeyPatch) -> None:
    assert quotebank.load() is quotebank.load()
    with pytest.raises(quotebank.ModelNotFoundError, match="no_such_pipeline"):
        quotebank.load("no_such_pipeline")
    monkeypatch.setenv(quotebank.MODEL_ENV_VAR, "another_missing_pipeline")
    with pytest.raises(quotebank.ModelNotFoundError, match="another_missing_pipeline"):
        quotebank.load()


def test_extract_rejects_non_strings_and_handles_empty_text() -> None:
    with pytest.raises(TypeError, match="int"):
        quotebank.extract(42)  # type: ignore[arg-type]
    assert quotebank.extract("") == []
    assert quotebank.extract("   \n ") == []


def test_text_longer_than_max_length_is_processed_in_pieces() -> None:
    nlp = spacy.blank("en")
    nlp.add_pipe("quotebank", config={"attribute": False})
    nlp.max_length = 200
    paragraph = "Filler text without quotes goes here and there. “We will respond,” he said.\n\n"
    text = paragraph * 12
    quotes = quotebank.extract(text, nlp=nlp, doc_id="long")
    assert len(quotes) == 12
    assert all(text[q.start : q.end] == q.text == "We will respond," for q in quotes)
    assert len({q.id for q in quotes}) == 12 and all(q.doc_id == "long" for q in quotes)


def test_offsets_are_exact_on_the_seeds(seed_texts) -> None:
    for name, text in seed_texts.items():
        quotes = quotebank.extract(text, doc_id=name)
        assert quotes, name
        for q in quotes:
            assert text[q.start : q.end] == q.text


def test_dropping_the_tensor_changes_no_quote(nlp) -> None:
    text = "“We will respond,” Pentagon spokesman Jonathan Hoffman said in a statement. Trump monitored it, aides said."
    kept = nlp(text)
    dropped = nlp(text, component_cfg={"quotebank": {"drop_tensor": True}})
    assert kept.tensor.size > 0 and dropped.tensor.size == 0
    assert dropped._.quotes == kept._.quotes
    (result,) = quotebank.extract_many([text], nlp=nlp)
    assert list(result.quotes) == quotebank.extract(text, nlp=nlp, doc_id=result.doc_id)
