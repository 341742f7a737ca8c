"""Wrong speakers: constructions where the nearest noun or the last speaker is not the one who spoke.

These run the real pipeline (the small English model): attribution depends on
the parse, and the point is to check what users get.
"""

from __future__ import annotations

import pytest

import quotebank
from quotebank.model import QuoteKind


def speaker_of(text: str, fragment: str) -> str | None:
    """The speaker's name of the one quote or report whose text contains ``fragment``."""
    matches = [q for q in quotebank.extract(text) if fragment in q.text and q.kind is not QuoteKind.SCARE]
    assert len(matches) == 1, [(q.kind.value, q.text) for q in quotebank.extract(text)]
    speaker = matches[0].speaker
    return speaker.name if speaker is not None else None


# (text, a fragment of the quote or report, the speaker's name must contain)
SPEAKER_CASES = [
    # the object of "forced ... to admit" admits, not the one who forced him
    (
        "The committee chairman also forced Marsh, who had been summoned over the bank's losses, "
        "to admit that no board member had been disciplined for the failures.",
        "no board member had been disciplined",
        "Marsh",
    ),
    # who files the papers speaks through them
    (
        "Last week, lawyers for the former mayor filed court papers arguing that the recordings should stay sealed.",
        "the recordings should stay sealed",
        "lawyers",
    ),
    # who spoke at the news conference held it
    (
        "“We will not stand by while this happens,” Governor Ellen Marsh said at a news conference announcing "
        "that the state was suing the manufacturer.",
        "the state was suing the manufacturer",
        "Ellen Marsh",
    ),
    # a date after the cue is no speaker; the name before the party tag and the appositive is
    (
        "Senator Tom Hardy (D), a longtime critic of the agency, called Tuesday for releasing the audit in full.",
        "releasing the audit",
        "Tom Hardy",
    ),
    # a pronoun in a clause put before the main subject names that subject, not the last speaker
    (
        "“The rules need to change,” said Michael Grant, a union organiser. "
        "Though she called the layoffs “shameful,” Sarah Collins stopped short of backing a strike.",
        "shameful",
        "Sarah Collins",
    ),
]


@pytest.mark.parametrize(("text", "fragment", "speaker"), SPEAKER_CASES)
def test_speaker(text: str, fragment: str, speaker: str) -> None:
    name = speaker_of(text, fragment)
    assert name is not None and speaker in name, name


# (text, a fragment of the quote or report, the speaker that must NOT be given)
NOT_SPEAKER_CASES = [
    # a request or a rule says nothing was said: its object is not made the speaker
    (
        "There is no law requiring candidates to disclose their medical records, the senator said.",
        "candidates",
    ),
    # an instrument is never the one who speaks: the leaders denounce
    (
        "Other leaders used unusually blunt language to denounce the strike on the port.",
        "language",
    ),
]


@pytest.mark.parametrize(("text", "wrong"), NOT_SPEAKER_CASES)
def test_not_speaker(text: str, wrong: str) -> None:
    for quote in quotebank.extract(text):
        name = quote.speaker.name if quote.speaker is not None else ""
        assert wrong not in name, (quote.text, name)


def test_surname_that_is_a_title_word_stays_a_name() -> None:
    # "King" is a title word; with an appositive after it the name still speaks, the appositive is the role
    text = "“Turnout makes a difference,” said Charlie King, a prominent New York Democrat."
    quotes = [q for q in quotebank.extract(text, indirect=False) if q.kind is not QuoteKind.SCARE]
    assert len(quotes) == 1 and quotes[0].speaker is not None
    assert quotes[0].speaker.name == "Charlie King"


# (article, speakers of its quotes in order): a quote paragraph after a paragraph about one person
PARAGRAPH_PERSON_CASES = [
    (
        "Jane Roe, the mayor, spoke at length on Monday about the budget and the strike.\n\n"
        "“We will not back down.”\n\n“The city cannot pay more.”",
        ["Jane Roe", "Jane Roe"],
    ),
    # nobody named before: unattributed
    ("The strike entered its third week on Monday.\n\n“We will not back down.”", [None]),
    # the paragraph before has a quote of its own: it is not about one person's words to come
    (
        "Jane Roe spoke on Monday. “It must end,” a union official said.\n\n“We will not back down.”",
        ["a union official", "a union official"],
    ),
]


@pytest.mark.parametrize(("text", "expected"), PARAGRAPH_PERSON_CASES)
def test_quote_paragraph_after_a_paragraph_about_one_person(text: str, expected: list[str | None]) -> None:
    quotes = [q for q in quotebank.extract(text, indirect=False) if q.kind is not QuoteKind.SCARE]
    assert [q.speaker.name if q.speaker else None for q in quotes] == expected


# (article, speaker of its one quote): "the paper", "the company" name the one of that kind named before
KIND_CASES = [
    ("The Daily Ledger endorsed Clinton on Sunday. The paper wrote, “She is ready.”", "Daily Ledger"),
    ("Acme Corp. cut 500 jobs on Monday. “We regret it,” the company said.", "Acme Corp."),
    # two companies named: nothing is guessed
    ("Acme Corp. and Globex Inc. cut 500 jobs on Monday. “We regret it,” the company said.", "company"),
    # a description with more words is not a bare kind
    ("Acme Corp. cut 500 jobs on Monday. “We regret it,” the parent company said.", "parent company"),
    # the outlet the article named with that very noun, whatever its name says
    (
        "BRASILIA (Reuters) - The governor spoke to the newspaper Folha de S.Paulo on Monday. "
        "The newspaper wrote, “Rescue teams reached three towns.”",
        "Folha de S.Paulo",
    ),
    # the word that makes a name an organisation's: the one organisation named before whose name holds it
    (
        "The Kenya Human Rights Commission counted the injured. “This is unacceptable,” the commission said.",
        "Kenya Human Rights Commission",
    ),
    (
        "The Ministry of Health and the Electoral Commission met. “We agree,” the commission said.",
        "Electoral Commission",
    ),
    # two of them: nothing is guessed
    (
        "The Electoral Commission and the Trade Commission met. “We agree,” the commission said.",
        "commission",
    ),
    # two organisations named, or none: the description speaks, never an earlier cue's source (the FAA here)
    (
        "SkyWest Air cancelled 400 flights, according to the Federal Aviation Administration.\n\n"
        "“We apologize to our customers,” the airline said in a statement.",
        "airline",
    ),
    ("“We apologize to our customers,” the airline said in a statement.", "airline"),
    # the agency of the dateline is the article's source, no paper it writes about
    (
        "LONDON (Reuters) - The Daily Ledger endorsed Clinton on Sunday. The paper wrote, “She is ready.”",
        "Daily Ledger",
    ),
    (
        "LONDON (Reuters) - The Daily Ledger and the Morning Star endorsed Clinton. The paper wrote, “She is ready.”",
        "paper",
    ),
]


@pytest.mark.parametrize(("text", "expected"), KIND_CASES)
def test_the_paper_is_the_one_paper_named(text: str, expected: str) -> None:
    quotes = [q for q in quotebank.extract(text, indirect=False) if q.kind is not QuoteKind.SCARE]
    assert [q.speaker.name if q.speaker else None for q in quotes] == [expected]


def test_a_name_inside_the_quote_never_speaks_it() -> None:
    text = (
        "The lack of songs for Clinton concerns Henry Crespo, president of a Miami caucus.\n\n"
        "“No one is writing songs for Hillary. Hillary has nobody like that,” he said."
    )
    quotes = [q for q in quotebank.extract(text, indirect=False) if q.text.startswith("No one")]
    assert len(quotes) == 1 and quotes[0].speaker is not None
    assert quotes[0].speaker.name == "Henry Crespo"
