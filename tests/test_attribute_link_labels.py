"""Speakers set before a quote as a label (dash or colon, no verb), and cues that must sit right after a quote
that ends a sentence: made-up sentences, negative cases included. The real pipeline runs (the parse decides)."""

from __future__ import annotations

import pytest
from quoted import speaker_of

# (text, fragment of the quote, the speaker's name)
LABEL_CASES = [
    # a dash opens the label, as sports reports give each manager's words; the quotes after it go on with them
    (
        'Harlow scored the winner late on. - Harlow manager Peter Stokes "We were patient and it paid off. '
        '"The players deserve the credit." - Dover coach Lionel Ebbs "We gave the ball away too cheaply."',
        "We were patient",
        "Peter Stokes",
    ),
    (
        'Harlow scored the winner late on. - Harlow manager Peter Stokes "We were patient and it paid off. '
        '"The players deserve the credit." - Dover coach Lionel Ebbs "We gave the ball away too cheaply."',
        "The players deserve the credit",
        "Peter Stokes",
    ),
    (
        'Harlow scored the winner late on. - Harlow manager Peter Stokes "We were patient and it paid off. '
        '"The players deserve the credit." - Dover coach Lionel Ebbs "We gave the ball away too cheaply."',
        "gave the ball away",
        "Lionel Ebbs",
    ),
    # a colon closes the label
    (
        "The vote was close.\n\nMaria Lopez: “We will keep fighting for the library.”",
        "keep fighting for the library",
        "Maria Lopez",
    ),
]

# The label names no one, or is no label: the quote gets no speaker from it.
LABEL_NEGATIVE = [
    ('The game ended level. - Extra time "We never thought we could come back from two goals down."', "two goals"),
    ("The council met on Monday.\n\nResult: “The plan was approved by a wide margin.”", "plan was approved"),
]


@pytest.mark.parametrize(("text", "fragment", "name"), LABEL_CASES)
def test_a_label_before_a_quote_names_its_speaker(text: str, fragment: str, name: str) -> None:
    assert speaker_of(text, fragment) == name


@pytest.mark.parametrize(("text", "fragment"), LABEL_NEGATIVE)
def test_a_label_with_no_name_names_no_speaker(text: str, fragment: str) -> None:
    assert speaker_of(text, fragment) is None


# A cue after a quote that ends a sentence speaks it only when it comes right after the quote.
TRAILING_CASES = [
    ('"We have never sold more tickets." said manager Ann Price.', "never sold more tickets", "Ann Price"),
    ('"We have never sold more tickets." Ann Price said on Friday.', "never sold more tickets", "Ann Price"),
]
TRAILING_NEGATIVE = [
    # a sentence with a subject of its own, whose passive cue names who reads the screens
    (
        'Sam Reed runs the project. "The tablets connect to a base station in the school." The base station turns '
        "the signal into a form that can be read by the tablets.",
        "tablets connect to a base station",
        "the tablets",
    ),
]


@pytest.mark.parametrize(("text", "fragment", "name"), TRAILING_CASES)
def test_a_cue_right_after_a_closed_sentence_speaks_it(text: str, fragment: str, name: str) -> None:
    assert speaker_of(text, fragment) == name


@pytest.mark.parametrize(("text", "fragment", "not_name"), TRAILING_NEGATIVE)
def test_a_later_sentence_with_its_own_subject_does_not_speak_the_quote(
    text: str, fragment: str, not_name: str
) -> None:
    assert (speaker_of(text, fragment) or "") != not_name
