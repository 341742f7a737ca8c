"""A guest on a broadcast programme is interviewed; the broadcaster's and the host's own words are a broadcast
(quotebank.channel.programme_on, appearance_channel; quotebank.attribute.frames.appearances). Made-up sentences."""

from __future__ import annotations

import pytest
from quoted import channel_of

from quotebank.model import Channel

# (text, a fragment of the quote, channel)
PROGRAMME_CASES = [
    # a guest on a named show or network
    ("“We will win Ohio,” Senator Jane Roe said on CBS's “Face the Nation.”", "win Ohio", Channel.INTERVIEW),
    ("“We will win Ohio,” the governor said on Fox News.", "win Ohio", Channel.INTERVIEW),
    ("On “Meet the Press,” Senator Jane Roe said, “We will win Ohio.”", "win Ohio", Channel.INTERVIEW),
    (
        "On Tuesday's episode of “The Morning Hour,” Jane Roe said she would win “every county in Ohio.”",
        "every county",
        Channel.INTERVIEW,
    ),
    (
        "On this weekend's broadcast of “Sunday Politics,” Jane Roe said the plan was “dead on arrival.”",
        "dead on arrival",
        Channel.INTERVIEW,
    ),
    (
        "Appearing on MSNBC, Jane Roe said: “We will win Ohio.”",
        "win Ohio",
        Channel.INTERVIEW,
    ),
    # the host's own show, a broadcaster, a bare medium: a broadcast
    ("“We will win Ohio,” Rush Limbaugh said on his radio show.", "win Ohio", Channel.BROADCAST),
    ("“We will win Ohio,” Laura Ingraham said on The Laura Ingraham Show.", "win Ohio", Channel.BROADCAST),
    ("“We will win Ohio,” the president said on national television.", "win Ohio", Channel.BROADCAST),
    ("“We will respond,” Iran state TV said.", "respond", Channel.BROADCAST),
    # "on" a day, a platform or a topic names no programme
    ("“We will win Ohio,” Jane Roe said on Tuesday.", "win Ohio", Channel.UNKNOWN),
    ("On the economy, Jane Roe said, “We will win Ohio.”", "win Ohio", Channel.UNKNOWN),
    ("“We will win Ohio,” Jane Roe wrote on Facebook.", "win Ohio", Channel.SOCIAL_POST),
]


@pytest.mark.parametrize(("text", "fragment", "channel"), PROGRAMME_CASES)
def test_programme(text: str, fragment: str, channel: Channel) -> None:
    assert channel_of(text, fragment) is channel


# an appearance the article reports without quoting sets the scene of the guest's next quotes
APPEARANCE_CASES = [
    (
        "Jane Roe tweeted about the debate on Monday.\n\nRoe then appeared on MSNBC on Tuesday.\n\n"
        "“It was a fair question,” Roe said.",
        "fair question",
        Channel.INTERVIEW,
    ),
    (
        "On “Face the Nation,” Senator Jane Roe named the economy as the issue of the year. "
        "“Voters are tired of waiting,” she said.",
        "tired of waiting",
        Channel.INTERVIEW,
    ),
    # someone else's appearance, or being spoken of on a show, is not the speaker's scene
    (
        "John Smith appeared on MSNBC on Tuesday.\n\n“It was a fair question,” Jane Roe said.",
        "fair question",
        Channel.UNKNOWN,
    ),
    (
        "Jane Roe was featured on Fox News on Tuesday.\n\n“It was a fair question,” Roe said.",
        "fair question",
        Channel.UNKNOWN,
    ),
]


@pytest.mark.parametrize(("text", "fragment", "channel"), APPEARANCE_CASES)
def test_appearance_sets_the_scene(text: str, fragment: str, channel: Channel) -> None:
    assert channel_of(text, fragment) is channel
