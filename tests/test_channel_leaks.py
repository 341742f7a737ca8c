"""Channel words near a cue that are not how its speaker spoke (quotebank.channel, quotebank.attribute.scenes):
a tone, a screen spoken at, someone else's remarks, what the words were to someone, a relative clause, a source,
what was said. Made-up sentences, each with the case where the word does count."""

from __future__ import annotations

import pytest
from quoted import channel_of

from quotebank.model import Channel

# (text, a fragment of the quote, channel)
LEAK_CASES = [
    # a note of caution is a tone, a note to staff a letter
    (
        "“She had better get well,” Don Roe said in an interview on Monday. He added a note of caution.\n\n"
        "“She must rest first,” he said.",
        "rest first",
        Channel.INTERVIEW,
    ),
    ("“We will fight on,” Jane Roe wrote in a note to staff.", "fight on", Channel.LETTER),
    # spoken at a screen, not on it
    ("“I would,” Jane Roe said to the TV.", "I would", Channel.UNKNOWN),
    ("“I would,” Jane Roe said on TV.", "I would", Channel.BROADCAST),
    # someone else's remarks are what the speaker spoke of; the speaker's own are where
    ("Jane Roe called Mr. Smith's remarks “a true wake-up call.”", "wake-up call", Channel.UNKNOWN),
    ("In her remarks on Saturday, Jane Roe said, “We will win.”", "We will win", Channel.SPEECH),
    # what the words were to someone is not whom they were spoken to
    ("Jane Roe called the plan “a wake-up call” to her supporters.", "wake-up call", Channel.UNKNOWN),
    ("“We will win,” Jane Roe said to supporters.", "We will win", Channel.SPEECH),
    # a relative clause describes whom she spoke to
    ("“I would,” Jane Roe said to the nominee, who began his speech.", "I would", Channel.UNKNOWN),
    # what the speaker spoke from or after is not how
    (
        "Based on a New York Times article, Senator Jane Roe said she wants to close four tax breaks.\n\n"
        "“It is time,” Roe said.",
        "It is time",
        Channel.UNKNOWN,
    ),
    ("In a New York Times op-ed, Senator Jane Roe wrote: “It is time.”", "It is time", Channel.PUBLICATION),
    # what was said, fronted, is not how
    (
        "Its first television ad could start this week, said John Smith, an adviser.\n\n"
        "“Voters are deciding now,” Smith said.",
        "deciding now",
        Channel.UNKNOWN,
    ),
]


@pytest.mark.parametrize(("text", "fragment", "channel"), LEAK_CASES)
def test_leak(text: str, fragment: str, channel: Channel) -> None:
    assert channel_of(text, fragment) is channel
