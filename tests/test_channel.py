"""Channel words: occasions, two-word channel nouns, time expressions (quotebank.channel)."""

from __future__ import annotations

import pytest
from spacy.language import Language

import quotebank
from quotebank.channel import is_time_expression
from quotebank.lexicons import get_lexicon
from quotebank.model import Channel, QuoteKind


def channel_of(text: str) -> Channel:
    quotes = [q for q in quotebank.extract(text) if q.kind is not QuoteKind.INDIRECT]
    assert len(quotes) == 1, quotes
    return quotes[0].channel


# (text, channel): an occasion with an audience is a speech; "at" anything else is not
OCCASION_CASES = [
    ("“We will win Ohio,” Jane Roe said at a campaign stop in Toledo.", Channel.SPEECH),
    ("“We will win Ohio,” Jane Roe said during a fundraiser in Manhattan.", Channel.SPEECH),
    ("“We will win Ohio,” Jane Roe said at the White House.", Channel.UNKNOWN),
    ("“We will win Ohio,” Jane Roe said at her home in Toledo.", Channel.UNKNOWN),
    ("“We will win Ohio,” Jane Roe said after the event.", Channel.UNKNOWN),
    ("“We will win Ohio,” Jane Roe said at a town hall in Toledo.", Channel.SPEECH),
]


@pytest.mark.parametrize(("text", "channel"), OCCASION_CASES)
def test_occasion(text: str, channel: Channel) -> None:
    assert channel_of(text) is channel


# (sentence, word, sets a time)
TIME_CASES = [
    ("She spoke on Tuesday.", "Tuesday", True),
    ("Earlier, she spoke.", "Earlier", True),
    ("She spoke two days ago.", "ago", True),
    ("She spoke in March 2014.", "March", True),
    ("Thousands joined the march.", "march", False),
    ("She may speak.", "may", False),
    ("She has spoken for years.", "years", False),
]


@pytest.mark.parametrize(("sentence", "word", "expected"), TIME_CASES)
def test_time_expression(nlp: Language, sentence: str, word: str, expected: bool) -> None:
    with nlp.select_pipes(disable=["quotebank"]):
        doc = nlp(sentence)
    tok = next(t for t in doc if t.text == word)
    assert is_time_expression(tok, get_lexicon("en")) is expected
