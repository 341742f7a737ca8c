"""Reported speech without quotation marks (kind=INDIRECT)."""

from __future__ import annotations

import pytest

import quotebank
from quotebank.model import Channel, QuoteKind


def indirect(text: str, **options: bool) -> list[quotebank.Quote]:
    options.setdefault("indirect", True)
    return [q for q in quotebank.extract(text, **options) if q.kind is QuoteKind.INDIRECT]


# (text, the reported content, a word of the speaker's name)
CASES = [
    (
        "Trump monitored the situation, White House press secretary Stephanie Grisham said.",
        "Trump monitored the situation",
        "Grisham",
    ),
    (
        "US defence secretary Mark Esper later clarified to reporters that there were no plans for American troops to leave Iraq.",
        "there were no plans for American troops to leave Iraq",
        "Esper",
    ),
    (
        "The Iranians targeted al-Asad airbase, Pentagon spokesman Jonathan Hoffman said in an emailed statement to journalists.",
        "The Iranians targeted al-Asad airbase",
        "Hoffman",
    ),
    (
        "The offensive did not cause any casualties, AP reported Wednesday.",
        "The offensive did not cause any casualties",
        "AP",
    ),
    (
        "According to the Pentagon, the missiles were launched from three sites.",
        "the missiles were launched from three sites",
        "Pentagon",
    ),
]


@pytest.mark.parametrize(("text", "content", "name"), CASES)
def test_reported_content_and_speaker(text: str, content: str, name: str) -> None:
    found = indirect(text)
    assert [q.text for q in found] == [content]
    (q,) = found
    assert text[q.start : q.end] == q.text
    assert q.speaker is not None and name in q.speaker.name
    assert q.cue is not None


def test_channel_comes_with_the_cue() -> None:
    (q,) = indirect(CASES[2][0])
    assert q.channel is Channel.STATEMENT


NOT_SPEECH = [
    "Officials think the missiles were launched from three sites.",
    "She believes the strikes were a mistake.",
    "Hoffman did not say that the bases were hit.",
    "Did Hoffman say that the bases were hit?",
    "He would say that the bases were hit, if asked.",
]


@pytest.mark.parametrize("text", NOT_SPEECH)
def test_cognition_negation_questions_and_hypotheticals_are_not_reports(text: str) -> None:
    assert indirect(text) == []


def test_mixed_quote_links_fragment_to_reported_content() -> None:
    text = "He said the “historic decision” was necessary to avoid escalation."
    quotes = quotebank.extract(text, indirect=True)
    (outer,) = [q for q in quotes if q.kind is QuoteKind.INDIRECT]
    (inner,) = [q for q in quotes if q.kind is QuoteKind.PARTIAL]
    assert outer.start <= inner.start and inner.end <= outer.end
    assert inner.parent == outer.id
    assert inner.cue == outer.cue


def test_indirect_is_opt_in_and_fragments_lose_their_hidden_parent() -> None:
    text = CASES[0][0]
    assert indirect(text)
    assert [q for q in quotebank.extract(text) if q.kind is QuoteKind.INDIRECT] == []
    mixed = "He said the “historic decision” was necessary to avoid escalation."
    (fragment,) = quotebank.extract(mixed)
    assert fragment.kind is QuoteKind.PARTIAL and fragment.parent is None
