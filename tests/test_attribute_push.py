"""Speaker rules of the #13 push, each with made-up sentences (negative cases included).

These run the real pipeline (the small English model): attribution depends on the parse.
"""

from __future__ import annotations

import pytest

import quotebank
from quotebank.model import QuoteKind


def speaker_of(text: str, fragment: str) -> str | None:
    """The speaker's name of the one quoted run whose text contains ``fragment``."""
    matches = [
        q for q in quotebank.extract(text) if fragment in q.text and q.kind not in (QuoteKind.SCARE, QuoteKind.INDIRECT)
    ]
    assert len(matches) == 1, [(q.kind.value, q.text) for q in quotebank.extract(text)]
    speaker = matches[0].speaker
    return speaker.name if speaker is not None else None


# A pronoun cue goes on with the person the sentence before brought in as its subject, not with whoever spoke
# last: (text, fragment of the quote, the speaker's name must contain).
PREVIOUS_SUBJECT_CASES = [
    (
        "“We trained hard all winter,” said coach Daniel Brooks. Goalkeeper Tom Fairley was also pleased with "
        "the draw. “It was a hard afternoon for the defence,” he said.",
        "hard afternoon for the defence",
        "Tom Fairley",
    ),
    (
        "“The lease ends in March,” said landlord Peter Hale. Council leader Martin Webb is no fan of the plan. "
        "“Nobody asked the residents,” he said.",
        "Nobody asked the residents",
        "Martin Webb",
    ),
    (
        "“Prices will rise again,” said analyst Joan Pike. Retailer Sarah Lomax has already cut her orders. "
        "“We cannot wait for the spring,” she told reporters.",
        "cannot wait for the spring",
        "Sarah Lomax",
    ),
]

# Negative cases: the subject before does not fit the pronoun, or is no person named outside the quote, so the
# last speaker keeps the quote.
PREVIOUS_SUBJECT_NEGATIVE = [
    # "she" does not fit a man named as the subject: the last speaker, a woman, goes on
    (
        "“The lease ends in March,” said landlord Helen Marsh. Council leader David Webb is no fan of the plan. "
        "“Nobody asked the residents,” she said.",
        "Nobody asked the residents",
        "Helen Marsh",
    ),
    # the sentence before has a pronoun subject: no one new was brought in
    (
        "“The lease ends in March,” said landlord Peter Hale. He has owned the building since 1990. "
        "“Nobody asked the residents,” he said.",
        "Nobody asked the residents",
        "Peter Hale",
    ),
    # the subject before is an organisation, not a person
    (
        "“The lease ends in March,” said landlord Peter Hale. The city council has not replied. "
        "“Nobody asked the residents,” he said.",
        "Nobody asked the residents",
        "Peter Hale",
    ),
]


@pytest.mark.parametrize(("text", "fragment", "expected"), PREVIOUS_SUBJECT_CASES + PREVIOUS_SUBJECT_NEGATIVE)
def test_pronoun_goes_on_with_the_subject_just_brought_in(text: str, fragment: str, expected: str) -> None:
    name = speaker_of(text, fragment)
    assert name is not None and expected in name
