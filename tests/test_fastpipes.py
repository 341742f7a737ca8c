"""The fast attribute ruler and lemmatizer: the same annotation as spaCy's own components, everywhere a user looks."""

from __future__ import annotations

import pickle
from pathlib import Path

import attrs
import numpy
import pytest
import spacy
from spacy.attrs import DEP, ENT_IOB, ENT_KB_ID, ENT_TYPE, HEAD, LEMMA, MORPH, POS, SENT_START, TAG
from spacy.pipeline import AttributeRuler, Lemmatizer
from spacy.tokens import Doc, DocBin

import quotebank
from quotebank.fastpipes import FastAttributeRuler, FastLemmatizer, speed_up

ANNOTATION = [TAG, POS, MORPH, LEMMA, DEP, HEAD, ENT_IOB, ENT_TYPE, ENT_KB_ID, SENT_START]


@pytest.fixture(scope="module")
def stock():
    return quotebank.load(fast=False)


def _annotation(doc: Doc) -> tuple[numpy.ndarray, list[str], list[str]]:
    return doc.to_array(ANNOTATION), [str(t.morph) for t in doc], [t.lemma_ for t in doc]


def _assert_same(fast_doc: Doc, stock_doc: Doc) -> None:
    fast_array, fast_morph, fast_lemmas = _annotation(fast_doc)
    stock_array, stock_morph, stock_lemmas = _annotation(stock_doc)
    assert fast_morph == stock_morph
    assert fast_lemmas == stock_lemmas
    numpy.testing.assert_array_equal(fast_array, stock_array)
    assert [attrs.asdict(q) for q in fast_doc._.all_quotes] == [attrs.asdict(q) for q in stock_doc._.all_quotes]
    assert fast_doc._.quote_notices == stock_doc._.quote_notices


def test_load_uses_the_fast_components_and_fast_false_the_stock_ones(nlp, stock) -> None:
    assert isinstance(nlp.get_pipe("attribute_ruler"), FastAttributeRuler)
    assert isinstance(nlp.get_pipe("lemmatizer"), FastLemmatizer)
    assert type(stock.get_pipe("attribute_ruler")) is AttributeRuler
    assert isinstance(stock.get_pipe("lemmatizer"), Lemmatizer)
    assert nlp.pipe_names == stock.pipe_names


def test_the_seed_articles_get_identical_annotation_and_quotes(nlp, stock, seed_texts) -> None:
    texts = list(seed_texts.values())
    for fast_doc, stock_doc in zip(nlp.pipe(texts), stock.pipe(texts), strict=True):
        _assert_same(fast_doc, stock_doc)
    for text in texts:
        assert quotebank.extract(text, nlp=nlp, include_scare=True) == quotebank.extract(
            text, nlp=stock, include_scare=True
        )


def test_a_pipeline_passed_in_is_not_changed(stock) -> None:
    quotebank.extract("“Fine,” she said.", nlp=stock)
    list(quotebank.extract_many(["“Fine,” she said."], nlp=stock))
    assert type(stock.get_pipe("attribute_ruler")) is AttributeRuler


def test_docbin_round_trip_keeps_the_annotation(nlp, seed_texts) -> None:
    docs = list(nlp.pipe(list(seed_texts.values())[:2]))
    data = DocBin(docs=docs, store_user_data=True).to_bytes()
    for before, after in zip(docs, DocBin().from_bytes(data).get_docs(nlp.vocab), strict=True):
        _assert_same(after, before)


def test_saved_pickled_and_multiprocess_pipelines_keep_the_fast_components(nlp, tmp_path: Path) -> None:
    texts = ["“We will not back down,” the senator said on Monday.", "Officials said the talks had failed."]
    expected = list(nlp.pipe(texts))
    nlp.to_disk(tmp_path / "pipeline")
    reloaded = spacy.load(tmp_path / "pipeline")
    copied = pickle.loads(pickle.dumps(nlp))
    for other in (reloaded, copied):
        assert isinstance(other.get_pipe("attribute_ruler"), FastAttributeRuler)
        assert isinstance(other.get_pipe("lemmatizer"), FastLemmatizer)
        for doc, before in zip(other.pipe(texts), expected, strict=True):
            _assert_same(doc, before)
    for doc, before in zip(nlp.pipe(texts, n_process=2, batch_size=1), expected, strict=True):
        _assert_same(doc, before)


# Patterns of every kind the fast ruler handles differently: table cells (TAG, LOWER, both, IN), column tests
# (DEP, NOT_IN, REGEX, IS_SPACE, several tokens, a negative index) and Matcher-only ones (OP), overlapping so that
# the order in which they were added decides.
PATTERNS = [
    {"patterns": [[{"TAG": "NN"}]], "attrs": {"POS": "NOUN", "MORPH": "Number=Sing"}},
    {"patterns": [[{"TAG": "NN", "LOWER": "nothing"}]], "attrs": {"POS": "PRON", "LEMMA": "nothing"}},
    {"patterns": [[{"LOWER": {"IN": ["is", "'s"]}}]], "attrs": {"LEMMA": "be", "POS": "AUX"}},
    {"patterns": [[{"DEP": "nsubj", "TAG": {"NOT_IN": ["PRP", ""]}}]], "attrs": {"MORPH": "Case=Nom"}},
    {"patterns": [[{"TAG": "NN"}]], "attrs": {"MORPH": "Number=Sing|Other=Yes"}},
    {"patterns": [[{"LOWER": {"REGEX": "^n[ou]thin'?g?$"}}]], "attrs": {"LEMMA": "nothing!"}},
    {"patterns": [[{"DEP": "expl"}, {"LOWER": "is"}]], "attrs": {"POS": "VERB"}, "index": -1},
    {"patterns": [[{"TAG": "DT"}, {"TAG": "JJ", "OP": "*"}, {"TAG": "NN"}]], "attrs": {"TAG": "NNX"}, "index": -1},
    {"patterns": [[{"IS_SPACE": True}]], "attrs": {"TAG": "_SP", "POS": "SPACE", "MORPH": "_"}},
    {"patterns": [[{"TAG": "NNX"}]], "attrs": {"POS": "X"}},
]


def _hand_parsed(vocab) -> list[Doc]:
    words = ["There", "is", "nothing", "the", "big", "cat", "\n", "is", "nothin'", "."]
    tags = ["EX", "VBZ", "NN", "DT", "JJ", "NN", "_SP", "VBZ", "NN", "."]
    deps = ["expl", "ROOT", "attr", "det", "amod", "nsubj", "dep", "ROOT", "attr", "punct"]
    heads = [1, 1, 1, 5, 5, 7, 5, 7, 7, 7]
    doc = Doc(vocab, words=words, tags=tags, deps=deps, heads=heads)
    return [doc, Doc(vocab, words=["cat"], tags=["NN"]), Doc(vocab, words=[])]


@pytest.mark.parametrize("order", ["as given", "reversed"])
def test_the_fast_ruler_applies_patterns_like_spacy(order: str) -> None:
    patterns = PATTERNS if order == "as given" else PATTERNS[::-1]
    nlp = spacy.blank("en")
    stock_ruler = AttributeRuler(nlp.vocab)
    stock_ruler.add_patterns(patterns)
    fast_ruler = FastAttributeRuler(nlp.vocab)
    fast_ruler.add_patterns(patterns)
    plan = fast_ruler.compiled()
    assert plan is not None and plan.vector and plan.matched  # all three paths are exercised
    for stock_doc, fast_doc in zip(_hand_parsed(nlp.vocab), _hand_parsed(nlp.vocab), strict=True):
        stock_ruler(stock_doc)
        fast_ruler(fast_doc)
        assert _annotation(fast_doc)[1:] == _annotation(stock_doc)[1:]
        numpy.testing.assert_array_equal(_annotation(fast_doc)[0], _annotation(stock_doc)[0])


def test_a_ruler_that_sets_other_attributes_runs_as_spacys() -> None:
    nlp = spacy.blank("en")
    ruler = FastAttributeRuler(nlp.vocab)
    ruler.add([[{"LOWER": "u"}]], {"NORM": "you"})
    assert ruler.compiled() is None
    assert [t.norm_ for t in ruler(nlp("u ok"))] == ["you", "ok"]


def test_a_pattern_index_out_of_range_raises_spacys_error() -> None:
    nlp = spacy.blank("en")
    ruler = FastAttributeRuler(nlp.vocab)
    ruler.add([[{"LOWER": "a"}, {"LOWER": "b", "OP": "?"}]], {"TAG": "X"}, index=1)
    with pytest.raises(ValueError, match="E1001"):
        ruler(nlp("a c"))


def test_speed_up_replaces_stock_components_only() -> None:
    nlp = spacy.blank("en")
    nlp.add_pipe("attribute_ruler")
    nlp.add_pipe("lemmatizer", config={"mode": "lookup"})
    nlp.add_pipe("attribute_ruler", name="second_ruler")
    nlp.add_pipe("sentencizer")
    assert speed_up(nlp) == ["attribute_ruler", "lemmatizer", "second_ruler"]
    assert nlp.pipe_names == ["attribute_ruler", "lemmatizer", "second_ruler", "sentencizer"]
    assert speed_up(nlp) == []


def test_a_lemmatizer_of_another_kind_runs_as_it_is() -> None:
    class Numbered(Lemmatizer):
        """Its lemma depends on the token's position: no memo may stand in for it."""

        def lookup_lemmatize(self, token):
            return [f"{token.text}{token.i}"]

    nlp = spacy.blank("en")
    base = Numbered(nlp.vocab, None, mode="lookup")
    base.lookups.add_table("lemma_lookup", {})
    assert [t.lemma_ for t in FastLemmatizer(base)(nlp("a b a"))] == ["a0", "b1", "a2"]
