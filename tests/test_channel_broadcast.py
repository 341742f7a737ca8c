"""A broadcaster's own output is a broadcast: a host speaking to his audience, a campaign ad and its narrator, a
clip (quotebank.channel). Made-up sentences, negatives included."""

from __future__ import annotations

import pytest
from quoted import channel_of

from quotebank.model import Channel

# (text, a fragment of the quote, channel)
BROADCAST_CASES = [
    # a host to the audience of his show
    ("Joe Smith told his radio audience on Monday, “The moderators are biased.”", "biased", Channel.BROADCAST),
    ("“The moderators are biased,” Joe Smith told viewers.", "biased", Channel.BROADCAST),
    (
        "Joe Smith told his radio audience on Monday, “The moderators are biased.”\n\n"
        "Smith continued: “They always were.”",
        "always were",
        Channel.BROADCAST,
    ),
    # ... but an audience in the hall hears a speech
    ("“The moderators are biased,” Joe Smith told the audience in Ohio.", "biased", Channel.SPEECH),
    # an ad, its narrator, a clip
    ("“You work hard. You pay your taxes,” a narrator in the new ad says.", "work hard", Channel.BROADCAST),
    ("As a phone rang, the announcer said, “It's 3 a.m.”", "3 a.m.", Channel.BROADCAST),
    ("The clip says Jane Roe “has a passion for the wrong people.”", "passion", Channel.BROADCAST),
    # the ad's narrator says nothing of other speakers
    ("“You work hard,” Jane Roe said of the ad.", "work hard", Channel.UNKNOWN),
]


@pytest.mark.parametrize(("text", "fragment", "channel"), BROADCAST_CASES)
def test_broadcast(text: str, fragment: str, channel: Channel) -> None:
    assert channel_of(text, fragment) is channel
