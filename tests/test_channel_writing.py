"""``X wrote`` is a publication, unless X is already writing something else (quotebank.attribute.scenes, the
lexicon's fallback_verb_channels). Made-up articles, negatives included."""

from __future__ import annotations

import pytest
from quoted import channel_of

from quotebank.model import Channel

# (article, a fragment of the quote, channel)
WRITING_CASES = [
    ("“The court's role is strictly limited,” Judge Jane Roe wrote.", "strictly limited", Channel.PUBLICATION),
    (
        "“The debate changed little,” wrote John Smith for the Daily Planet. “Voters had made up their minds,” he added.",
        "made up their minds",
        Channel.PUBLICATION,
    ),
    ("“I had a big clot behind my knee,” Jane Roe wrote in 2003.", "big clot", Channel.PUBLICATION),
    # what the speaker is already writing goes on
    (
        "“Alpha is the word,” Jane Roe wrote in a letter to the board.\n\n“Bravo is the next one,” Roe wrote.",
        "Bravo",
        Channel.LETTER,
    ),
    ("“Alpha is the word,” Jane Roe tweeted.\n\n“Bravo is the next one,” Roe wrote.", "Bravo", Channel.TWEET),
    ("“Alpha is the word,” Jane Roe wrote in an email.", "Alpha", Channel.STATEMENT),
    ("“Alpha is the word,” Jane Roe wrote on Facebook.", "Alpha", Channel.SOCIAL_POST),
    # writing something that is not what is quoted says nothing of the quote
    (
        "Jane Roe, who wrote the 2019 law, defended it on Monday.\n\n“It works,” Roe said.",
        "It works",
        Channel.UNKNOWN,
    ),
    ("“Alpha is the word,” Jane Roe said.", "Alpha", Channel.UNKNOWN),
]


@pytest.mark.parametrize(("text", "fragment", "channel"), WRITING_CASES)
def test_writing(text: str, fragment: str, channel: Channel) -> None:
    assert channel_of(text, fragment) is channel
