"""quotebank.corpus.streaming and api: one chunking of long texts, in pieces of bounded size, for both entry points."""

from __future__ import annotations

import itertools
import logging

import attrs
import pytest
import spacy
from spacy.language import Language

import quotebank
import quotebank.api
from quotebank.api import PIECE_CHARS, chunk_text, piece_limit
from quotebank.corpus import extract_many


def _blank() -> Language:
    nlp = spacy.blank("en")
    nlp.add_pipe("quotebank", config={"attribute": False})
    return nlp


def test_a_long_text_is_processed_in_pieces_of_bounded_size(
    caplog: pytest.LogCaptureFixture, monkeypatch: pytest.MonkeyPatch
) -> None:
    nlp = _blank()
    assert nlp.max_length > PIECE_CHARS and piece_limit(nlp) == PIECE_CHARS == 100_000
    monkeypatch.setattr(quotebank.api, "PIECE_CHARS", 3_000)  # the same path, on a text short enough to be quick
    paragraph = "“Point {i} stands,” the minister said. Nobody else spoke that day, nor the next one."
    text = "\n\n".join(paragraph.format(i=i) for i in range(80))
    assert 2 * 3_000 < len(text) < 3 * 3_000
    with caplog.at_level(logging.WARNING, logger="quotebank"):
        quotes = quotebank.extract(text, nlp=nlp)
    assert f"W005 offset 0: {len(text)} characters processed in 3 pieces" in caplog.text
    assert len(quotes) == 80 and all(text[q.start : q.end] == q.text for q in quotes)
    assert [q.id for q in quotes] == [f"q{i}" for i in range(80)]
    (result,) = extract_many([text], nlp=nlp)
    assert list(result.quotes) == [attrs.evolve(q, doc_id="0") for q in quotes]


def test_pieces_end_at_paragraph_breaks_and_cover_the_text() -> None:
    text = "\n\n".join(f"Paragraph {i} says something." for i in range(100))
    pieces = chunk_text(text, 300)
    assert pieces[0][0] == 0 and pieces[-1][1] == len(text)
    assert all(a[1] == b[0] for a, b in itertools.pairwise(pieces))
    assert all(end - start <= 300 for start, end in pieces)
    assert all(text[end - 1] == "\n" for _, end in pieces[:-1])


def test_one_endless_sentence_is_cut_between_words() -> None:
    text = " ".join(f"word{i}" for i in range(200))
    pieces = chunk_text(text, 100)
    assert all(text[end - 1] == " " for _, end in pieces[:-1]) and pieces[-1][1] == len(text)
    assert chunk_text("x" * 250, 100) == [(0, 100), (100, 200), (200, 250)]  # no space at all: at the limit


def test_a_smaller_max_length_wins() -> None:
    nlp = _blank()
    nlp.max_length = 5_000
    assert piece_limit(nlp) == 5_000
