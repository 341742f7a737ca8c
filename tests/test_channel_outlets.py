"""A name told that is no person, place, people or body is, in the news, an outlet, its programme or its host:
an interview (quotebank.channel). Made-up sentences, negatives included."""

from __future__ import annotations

import pytest
from quoted import channel_of

from quotebank.model import Channel

# (text, a fragment of the quote, channel)
TOLD_CASES = [
    ("“We were there under legitimate pretenses,” the spokeswoman told USA Today.", "pretenses", Channel.INTERVIEW),
    ("“That is a different ball game,” the agent told The Sun.", "ball game", Channel.INTERVIEW),
    ("“We know the risks,” Jane Roe told Capital Download on Wednesday.", "risks", Channel.INTERVIEW),
    ("“We know the risks,” Jane Roe told InsideSources.", "risks", Channel.INTERVIEW),
    ("“We know the risks,” Jane Roe told co-host Joe Smith.", "risks", Channel.INTERVIEW),
    ("“We know the risks,” Jane Roe told CBS host Joe Smith.", "risks", Channel.INTERVIEW),
    ("“We know the risks,” Jane Roe told Fox.", "risks", Channel.INTERVIEW),
]
# the outlet named before, as a common noun
TOLD_CASES += [
    ("“This is the worst disaster in our history,” he told the paper.", "worst", Channel.INTERVIEW),
    ("“This is the worst disaster in our history,” she told the newspaper on Monday.", "worst", Channel.INTERVIEW),
    ("“This is the worst disaster in our history,” she wrote in the paper.", "worst", Channel.PUBLICATION),
    ("“This is the worst disaster in our history,” he told the company.", "worst", Channel.UNKNOWN),
]
# people, bodies and places told are not outlets
TOLD_CASES += [
    (
        "John Stumpf, the bank's chief, sat silent.\n\n“You should resign,” Senator Jane Roe told Stumpf.",
        "resign",
        Channel.UNKNOWN,
    ),
    ("“We know the risks,” Jane Roe told Ms Sturgeon.", "risks", Channel.UNKNOWN),
    ("Jane Roe spoke out Tuesday about the shooting, calling it “intolerable.”", "intolerable", Channel.UNKNOWN),
    ("“We know the risks,” the president told African-Americans.", "risks", Channel.UNKNOWN),
    ("“We know the risks,” she told the United Nations.", "risks", Channel.UNKNOWN),
    ("“We know the risks,” she told the Senate Armed Services Committee.", "risks", Channel.SPEECH),
]


@pytest.mark.parametrize(("text", "fragment", "channel"), TOLD_CASES)
def test_told(text: str, fragment: str, channel: Channel) -> None:
    assert channel_of(text, fragment) is channel
