"""A quote that comes before any scene of its speaker belongs to the scene the next paragraph opens for them: a
lead sums up what follows (quotebank.attribute.scenes.apply_scenes). Made-up articles, negatives included."""

from __future__ import annotations

import pytest
from quoted import channel_of

from quotebank.model import Channel

LEAD = "Senator Jane Roe said the plan was “dead on arrival.”\n\n"

# (article, a fragment of the quote, channel)
LEAD_CASES = [
    (LEAD + "Roe told supporters at a rally in Ohio that “it will fail.”", "dead on arrival", Channel.SPEECH),
    (LEAD + "“It will fail,” Roe said in an interview with Reuters.", "dead on arrival", Channel.INTERVIEW),
    # not a scene two paragraphs on, nor someone else's
    (
        LEAD + "The plan passed the House in May.\n\nRoe told supporters at a rally in Ohio that “it will fail.”",
        "dead on arrival",
        Channel.UNKNOWN,
    ),
    (LEAD + "John Smith told supporters at a rally that “it will pass.”", "dead on arrival", Channel.UNKNOWN),
    # a channel named in the same paragraph is for the words after it
    (
        "“I will not follow a script,” Jane Roe said after the meeting. The summit did “too little,” she added on "
        "Twitter.",
        "follow a script",
        Channel.UNKNOWN,
    ),
]


@pytest.mark.parametrize(("text", "fragment", "channel"), LEAD_CASES)
def test_lead(text: str, fragment: str, channel: Channel) -> None:
    assert channel_of(text, fragment) is channel
