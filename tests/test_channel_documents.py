"""Court papers and web pages are publications: ``said the ruling``, ``according to the lawsuit``, ``says on its
website`` (speech_nouns of the lexicon). Made-up sentences; the same words as what was said are no channel."""

from __future__ import annotations

import pytest
from quoted import channel_of

from quotebank.model import Channel

# (text, a fragment of the quote, channel)
DOCUMENT_CASES = [
    ("“A state cannot avoid the conclusion,” said the ruling.", "cannot avoid", Channel.PUBLICATION),
    (
        "According to a civil complaint filed by the commission, the developers ran a “massive fraudulent scheme.”",
        "fraudulent scheme",
        Channel.PUBLICATION,
    ),
    ("According to the lawsuit, the company “knowingly misled investors.”", "misled investors", Channel.PUBLICATION),
    (
        "The commission says on its website that “there were issues with the audio.”",
        "issues with the audio",
        Channel.PUBLICATION,
    ),
    # what the speaker spoke of
    ("Jane Roe dismissed the lawsuit as “frivolous.”", "frivolous", Channel.UNKNOWN),
    ("Jane Roe said the ruling was “a disgrace.”", "disgrace", Channel.UNKNOWN),
]


@pytest.mark.parametrize(("text", "fragment", "channel"), DOCUMENT_CASES)
def test_document(text: str, fragment: str, channel: Channel) -> None:
    assert channel_of(text, fragment) is channel
