"""Quotes whose paragraph breaks were lost in scraping: ``"First paragraph. "Second paragraph."`` (issue #17).

Made-up sentences in the style of scraped BBC, wire and web text. Each piece of such a quote is returned as
the paragraphs of a news-style quote are: its own offsets (no trailing space), one ``group``, and the speaker
and channel of the first piece. The negative cases are the ones that must read as before.
"""

from __future__ import annotations

import pytest

import quotebank
from quotebank.detect import find_quotations

# (text, [(piece, group)], notice codes) -- the group is the index of the first piece, or None.
RUN_TOGETHER = [
    # BBC: the cue before, two pieces, the last one closed
    (
        'The minister said: "We have listened to farmers and we will act. "The new rules start in April." '
        "Farmers welcomed the move.",
        [("We have listened to farmers and we will act.", None), ("The new rules start in April.", 0)],
        [],
    ),
    # BBC sport: a closed quote with its cue, then a quote of three paragraphs
    (
        '"It was a tough game," said the coach. "We struggled early on. "Italy played really well. '
        'They kicked well. "We knew it would take time." The side travel to Paris next.',
        [
            ("It was a tough game,", None),
            ("We struggled early on.", None),
            ("Italy played really well. They kicked well.", 1),
            ("We knew it would take time.", 1),
        ],
        [],
    ),
    # a question and an exclamation end the pieces
    (
        'She asked: "Why now? "Nobody asked us!" The vote is on Monday.',
        [("Why now?", None), ("Nobody asked us!", 0)],
        [],
    ),
    # wire copy in curly marks
    (
        "He told reporters: “We will appeal. “The ruling is wrong.”",
        [("We will appeal.", None), ("The ruling is wrong.", 0)],
        [],
    ),
    # the next paragraph opens with a digit
    (
        'Mr Frost added: "Sales rose. "20% more people came in December."',
        [("Sales rose.", None), ("20% more people came in December.", 0)],
        [],
    ),
    # the cue after the last piece: the first piece opens a sentence of its own, as a paragraph does
    (
        'City led at the break. "We never stopped believing. "The lads were superb," Holt said.',
        [("We never stopped believing.", None), ("The lads were superb,", 0)],
        [],
    ),
    (
        '"We never stopped believing. "The lads were superb," Holt said.',
        [("We never stopped believing.", None), ("The lads were superb,", 0)],
        [],
    ),
    # an ellipsis ends the first piece
    ('He said: "We waited… "Then the call came."', [("We waited…", None), ("Then the call came.", 0)], []),
    # typewriter marks of an archive
    ("''We are ready. ''The team is fit.'' He left.", [("We are ready.", None), ("The team is fit.", 0)], []),
    # a run-together quote that goes on past a real paragraph break, news style
    (
        'Jones said: "First point. "Second point.\n\n"Third paragraph."',
        [("First point.", None), ("Second point.", 0), ("Third paragraph.", 0)],
        [],
    ),
    # web text: a dash-and-name line before the quote
    (
        '- Bolton boss Sam Allardyce "I am disappointed. "We had chances." - Newcastle boss Graeme Souness "We deserved it."',
        [("I am disappointed.", None), ("We had chances.", 0), ("We deserved it.", None)],
        [],
    ),
]

KEPT = [
    # really unclosed: never closed at all
    ('He said: "We will act. "The rules start in April.', [], ["W001", "W001"]),
    # really unclosed: the second quote has a cue of its own
    ('He said "this never closes. "A real quote," she said.', [("A real quote,", None)], ["W001"]),
    # the second mark does not follow a sentence end
    ('He said "this never closes, "a real quote" came later.', [("a real quote", None)], ["W001"]),
    # lower case after the mark: not a new paragraph
    ('He said "this is odd. "and this" too.', [("and this", None)], ["W001"]),
    # a quote inside a quote, after a colon
    ('"He told me: "Go home." Then he left," she said.', [("Go home.", None)], ["W001", "W002"]),
    # a different mark style is not the same quote
    ('He said: "We will act. “The rules start in April.”', [("The rules start in April.", None)], ["W001"]),
    # alternating dialogue: every quote closed, two speakers
    ('"We are ready," he said. "So are we," she replied.', [("We are ready,", None), ("So are we,", None)], []),
    # a quoted word in a headline glued to the first sentence
    (
        'Blair "sorry" over Iraq claims Prime Minister Tony Blair said: "We got it wrong. "I apologise."',
        [("sorry", None), ("We got it wrong.", None), ("I apologise.", 1)],
        [],
    ),
    # a single-quoted headline glued to the first sentence
    (
        "Millions 'to lose textile jobs' Millions of workers will lose their jobs, a charity says. "
        '"It will hurt. "Many will suffer."',
        [("to lose textile jobs", None), ("It will hurt.", None), ("Many will suffer.", 1)],
        [],
    ),
    # single marks never run together: apostrophes make them too uncertain
    ("He said: 'We will act. 'The rules start in April.'", [("The rules start in April.", None)], []),
]


def pieces(text: str) -> tuple[list[tuple[str, int | None]], list[str]]:
    quotes, notices = find_quotations(text)
    return [(text[q.start : q.end], q.group) for q in quotes if q.parent is None], [n.code.value for n in notices]


@pytest.mark.parametrize(("text", "expected", "codes"), RUN_TOGETHER + KEPT)
def test_run_together_paragraphs(text: str, expected: list[tuple[str, int | None]], codes: list[str]) -> None:
    assert pieces(text) == (expected, codes)


def test_pieces_are_continued_and_exact() -> None:
    text = 'The minister said: "We have listened. "The new rules start in April."'
    quotes, _ = find_quotations(text)
    first, second = quotes
    assert text[first.start : first.end] == "We have listened."
    assert text[first.end] == " " and text[first.end + 1] == '"'
    assert (first.continued, second.continued) == (False, True)
    assert first.marks == '"' and second.marks == '""'


def test_closing_glyph_opening_a_paragraph_opens_the_quote() -> None:
    text = "Mark Barabak noted his success.\n\n” … he delivered a mix of orthodoxy and polish,” Barabak wrote."
    assert pieces(text) == ([("… he delivered a mix of orthodoxy and polish,", None)], [])


def test_closing_glyph_inside_a_paragraph_is_still_unopened() -> None:
    text = "It ended here.” Then “a quote” came."
    assert pieces(text) == ([("a quote", None)], ["W002"])


# (text, speaker expected of every piece) -- attribution follows the first piece's cue.
ATTRIBUTED = [
    ('The minister, Jane Roe, said: "We have listened to farmers. "The new rules start in April."', "Jane Roe"),
    (
        'Coach Eddie Smith praised his side. "It was tough," said Smith. "We struggled early on. '
        '"Italy played really well."',
        "Eddie Smith",
    ),
    ('Senior manager Jon Walton told the BBC: "It has been phenomenal. "Every week footfall has grown."', "Jon Walton"),
    ('City led at the break. "We never stopped believing. "The lads were superb," Holt said.', "Holt"),
]


@pytest.mark.parametrize(("text", "speaker"), ATTRIBUTED)
def test_every_piece_gets_the_first_pieces_speaker_and_channel(nlp: object, text: str, speaker: str) -> None:
    quotes = quotebank.extract(text, nlp=nlp, indirect=False)
    last = quotes[-1]
    assert last.group is not None  # the last piece names the first piece of its quote
    run = [q for q in quotes if last.group in (q.id, q.group)]
    assert len(run) >= 2
    assert {q.speaker.name if q.speaker else None for q in run} == {speaker}
    assert len({q.channel for q in run}) == 1
    for q in quotes:
        assert text[q.start : q.end] == q.text
