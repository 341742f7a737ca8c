"""Scenes: a channel frame opens a scene for its speaker; later quotes of that speaker inherit it until a new
frame or a new time. Made-up articles, one per construction, negatives included."""

from __future__ import annotations

import pytest

import quotebank
from quotebank.model import Channel, QuoteKind


def channels(text: str) -> list[tuple[str, Channel, str | None]]:
    """(first word of each quote, its channel, the words that show it)."""
    out = []
    for q in quotebank.extract(text):
        if q.kind is QuoteKind.INDIRECT:
            continue
        evidence = q.channel_evidence
        if evidence is not None:
            assert text[evidence.start : evidence.end] == evidence.text
        out.append((q.text.split()[0].strip(",."), q.channel, evidence.text if evidence else None))
    return out


def channel_of(text: str, first_word: str) -> Channel:
    found = [c for w, c, _ in channels(text) if w == first_word]
    assert len(found) == 1, channels(text)
    return found[0]


INTERVIEW = (
    "In an interview with Reuters on Tuesday, Senator Jane Roe said, “Alpha is the word.”\n\n"
    "Roe has led the committee since 2019.\n\n"
    "“Bravo is the next one,” she said.\n\n"
    "“Charlie comes third,” Roe added."
)

# (article, first word of the quote, channel)
SCENE_CASES = [
    # an interview goes on for its speaker
    (INTERVIEW, "Alpha", Channel.INTERVIEW),
    (INTERVIEW, "Bravo", Channel.INTERVIEW),
    (INTERVIEW, "Charlie", Channel.INTERVIEW),
    # a new time ends it
    (INTERVIEW + "\n\n“Delta was wrong,” Roe said on Friday.", "Delta", Channel.UNKNOWN),
    # a new frame replaces it
    (
        INTERVIEW + "\n\n“Echo for all,” Roe said at a rally in Ohio.\n\n“Foxtrot too,” she said.",
        "Foxtrot",
        Channel.SPEECH,
    ),
    # the story the article tells about the past does not move the quotes in time
    (
        "“Alpha is the word,” Senator Jane Roe said in an interview.\n\n"
        "In 2014, Roe announced a plan to cut taxes.\n\n“Bravo is the next one,” she said.",
        "Bravo",
        Channel.INTERVIEW,
    ),
    # someone else's quote is not part of the scene
    (
        "“Alpha is the word,” Senator Jane Roe said in an interview.\n\n“Bravo is wrong,” said John Smith, a rival.",
        "Bravo",
        Channel.UNKNOWN,
    ),
    # a debate, an appearance on a show (the guest is interviewed), a letter
    (
        "During Sunday's debate, Donald Trump said, “Alpha is the word.”\n\n“Bravo is the next one,” Trump said.",
        "Bravo",
        Channel.SPEECH,
    ),
    (
        "Appearing on Fox News Sunday, Governor Jane Roe said: “Alpha is the word.”\n\n"
        "“Bravo is the next one,” Roe said.",
        "Bravo",
        Channel.INTERVIEW,
    ),
    (
        "“Alpha is the word,” Jane Roe wrote in a letter to the board.\n\n“Bravo is the next one,” Roe wrote.",
        "Bravo",
        Channel.LETTER,
    ),
    # told the BBC is an interview, and stays one
    (
        "“Alpha is the word,” the minister told the BBC.\n\n“Bravo is the next one,” the minister said.",
        "Bravo",
        Channel.INTERVIEW,
    ),
]


TOWN_HALL = (
    "During a town hall on CNN, a retired teacher had a question for the senator.\n\n"
    "“Why now?” the teacher asked.\n\n“Because it matters,” Senator Jane Roe said."
)
SCENE_CASES += [
    # an occasion the article sets reaches everyone there who has no scene of their own
    (TOWN_HALL, "Because", Channel.SPEECH),
    # ... but not someone whose own scene is an interview
    (
        "“Alpha is the word,” Senator Jane Roe said in an interview.\n\n" + TOWN_HALL.replace("Because", "Bravo"),
        "Bravo",
        Channel.INTERVIEW,
    ),
    # a sentence that quotes someone at an occasion is that speaker's frame, not everyone's
    (
        "During the bankruptcy hearings, John Smith said he was in Richmond for a meeting.\n\n"
        "“It was the least bad outcome,” said Peter Morgan, a lawyer.",
        "It",
        Channel.UNKNOWN,
    ),
    # a new paragraph at another time ends the occasion
    (
        TOWN_HALL + "\n\nOn Friday, the senator flew home.\n\n“Charlie was there,” said John Smith.",
        "Charlie",
        Channel.UNKNOWN,
    ),
]


SCENE_CASES += [
    # a sentence that sets its subject speaking without quoting them opens the scene
    (
        "In a statement issued Tuesday, Senator Jane Roe was more careful than her colleagues. "
        "She called the deal “Alpha at best”.",
        "Alpha",
        Channel.STATEMENT,
    ),
    (
        "Senator Jane Roe issued a statement on the holiday.\n\nRoe called it “Alpha for all of us”.",
        "Alpha",
        Channel.STATEMENT,
    ),
    # ... but not the remarks it refers back to, nor a channel noun that is what the verb is about
    (
        "Senator Jane Roe did not name the state in her remarks.\n\n“Alpha is not a place,” Roe said.",
        "Alpha",
        Channel.UNKNOWN,
    ),
    (
        "Senator Jane Roe criticised the statement of the board.\n\n“Alpha is wrong,” Roe said.",
        "Alpha",
        Channel.UNKNOWN,
    ),
    # a conference is a speech; a news conference is a press conference
    ("“Alpha is the word,” Jane Roe said at a veterans conference in Virginia.", "Alpha", Channel.SPEECH),
    ("“Alpha is the word,” Jane Roe said at a news conference in Virginia.", "Alpha", Channel.PRESS_CONFERENCE),
]


@pytest.mark.parametrize(("text", "first_word", "channel"), SCENE_CASES)
def test_scene(text: str, first_word: str, channel: Channel) -> None:
    assert channel_of(text, first_word) is channel


def test_an_inherited_channel_shows_the_words_that_opened_the_scene() -> None:
    found = {w: (c, e) for w, c, e in channels(INTERVIEW)}
    assert found["Charlie"] == (Channel.INTERVIEW, "interview")


# a spokesman is who speaks, not how
SPOKESPERSON_CASES = [
    ("“We are reviewing it,” a spokesman for the company said.", Channel.UNKNOWN),
    ("“We are reviewing it,” a spokeswoman for the company said in a statement.", Channel.STATEMENT),
    ("“We are reviewing it,” a spokesman for the company told reporters.", Channel.PRESS_CONFERENCE),
]


@pytest.mark.parametrize(("text", "channel"), SPOKESPERSON_CASES)
def test_spokesperson(text: str, channel: Channel) -> None:
    assert channel_of(text, "We") is channel


# content words and descriptions of the speaker never count
CONTENT_CASES = [
    ("“We will grow,” Director of television Jane Roe said.", Channel.UNKNOWN),
    ("“We will grow,” Iran state TV said.", Channel.BROADCAST),
    ("Jane Roe said the program had failed. “We will grow,” she said.", Channel.UNKNOWN),
    ("Weekly magazine editor Jane Roe said the album was “We at our best”.", Channel.UNKNOWN),
    ("In a magazine interview, Jane Roe said the album was “We at our best”.", Channel.INTERVIEW),
]


@pytest.mark.parametrize(("text", "channel"), CONTENT_CASES)
def test_content_words_are_not_evidence(text: str, channel: Channel) -> None:
    assert channel_of(text, "We") is channel
