"""Transcript turns: which paragraph openings are speaker labels."""

from __future__ import annotations

import pytest

from quotebank.lexicons import get_lexicon
from quotebank.transcript import find_turns

HEADINGS = get_lexicon("en").headline_labels

# (text, the labels of the turns found)
CASES = [
    # a debate transcript, each turn in its own paragraph
    (
        "Transcript:\n\nWALLACE: Will she be there?\n\nPENCE: She will not.\n\nWALLACE: Why not?",
        ["WALLACE", "PENCE", "WALLACE"],
    ),
    # turns opened by a quotation mark, as when a transcript is quoted whole
    ('"WALLACE: Will she be there?\n\n"PENCE: She will not.\n\n"WALLACE: Why not?"', ["WALLACE", "PENCE", "WALLACE"]),
    # two-word labels and titles
    ("SEN. WARREN: No.\n\nMR. DIMON: Yes.\n\nSEN. WARREN: No again.", ["SEN. WARREN", "MR. DIMON", "SEN. WARREN"]),
    # a live blog: headings, not speakers
    ("UPDATE: Polls close at 8.\n\nUPDATE: Turnout is high.\n\nWATCH: The speech.", []),
    # one labelled line is no dialogue
    ("WASHINGTON: The Senate voted on Monday.\n\nThe bill passed.", []),
    # one speaker label coming back is still no dialogue
    ("PENCE: We will win.\n\nPENCE: We will win again.", []),
    # a Q&A's labels name no one: read apart (tests/test_transcript_qa.py)
    ("Q: Will she be there?\n\nA: She will not.\n\nQ: Why not?", []),
    # lower-case words before a colon are prose
    ("He said this: we will win.\n\nShe said that: we will lose.", []),
]


@pytest.mark.parametrize(("text", "labels"), CASES)
def test_find_turns(text: str, labels: list[str]) -> None:
    turns = find_turns(text, headings=HEADINGS)
    assert [t.label for t in turns] == labels
    for turn in turns:
        assert text[turn.label_start : turn.label_end] == turn.label
        assert not text[turn.start : turn.end].startswith(" ") and "\n" not in text[turn.start : turn.end]


def test_a_label_that_names_a_person_of_the_text_counts_once() -> None:
    text = "WALLACE: Will she be there?\n\nPENCE: She will not.\n\nWALLACE: Why not?"
    assert [t.label for t in find_turns(text, people=frozenset({"PENCE"}))] == ["WALLACE", "PENCE", "WALLACE"]
    text = "WALLACE: Will she be there?\n\nPENCE: She will not."
    assert find_turns(text) == []
    assert [t.label for t in find_turns(text, people=frozenset({"PENCE", "WALLACE"}))] == ["WALLACE", "PENCE"]
