"""Reported speech in headlines, and records (``the lawsuit``, ``the complaint``) that speak with no owner named."""

from __future__ import annotations

import pytest
from reported import indirect

import quotebank


def headline(text: str) -> list[quotebank.Quote]:
    """The reports found on the first line."""
    return [q for q in indirect(text) if q.end <= text.index("\n")]


# (text, the reported content, a word of the speaker's name)
HEADLINE_CASES = [
    # A speech participle after the main clause speaks for its subject, whatever the main verb.
    (
        "Apex Robotics sues Corvid Labs, alleging theft of trade secrets\n\n"
        "Apex Robotics filed suit against Corvid Labs in federal court on Thursday.",
        "theft of trade secrets",
        "Apex",
    ),
    (
        "Nordair fires chief pilot, citing safety lapses\n\nThe airline Nordair dismissed its chief pilot on Monday.",
        "safety lapses",
        "Nordair",
    ),
    (
        "Senator Warren blasts bank, calling fees a scam\n\nSen. Elizabeth Warren spoke at a hearing on Tuesday.",
        "fees a scam",
        "Warren",
    ),
    # deny + gerund.
    (
        "Kremlin denies shelling power plant\n\nThe Kremlin spoke on Friday after the plant lost power.",
        "shelling power plant",
        "Kremlin",
    ),
    # A study that links two things is the speaker, as a poll before a colon is.
    (
        "Study links night shifts to higher risk of diabetes\n\nNurses who worked nights for a decade were followed.",
        "night shifts to higher risk of diabetes",
        "Study",
    ),
    # A label before the colon is passed over; the surname is the person the article names.
    (
        "The Latest: Harris urges voters to check their registration\n\n"
        "Vice President Kamala Harris spoke in Atlanta on Sunday.",
        "voters to check their registration",
        "Kamala Harris",
    ),
    # "calls for X" reports X, as in running text.
    (
        "Macron calls for immediate ceasefire in Gaza; Netanyahu rejects truce plan\n\n"
        "French President Emmanuel Macron spoke on Monday.",
        "immediate ceasefire in Gaza",
        "Macron",
    ),
]


@pytest.mark.parametrize(("text", "content", "name"), HEADLINE_CASES)
def test_headline_report_and_its_speaker(text: str, content: str, name: str) -> None:
    found = [q for q in headline(text) if q.text == content]
    assert found, [q.text for q in headline(text)]
    (q,) = found
    assert text[q.start : q.end] == q.text
    assert q.speaker is not None and name in q.speaker.name


def test_two_reports_joined_by_a_semicolon_each_have_their_speaker() -> None:
    text = (
        "Kyiv says drones struck grain port; Moscow denies targeting civilians\n\n"
        "Ukrainian officials said the strike hit Odesa overnight."
    )
    found = [(q.text, q.speaker.name if q.speaker else None) for q in headline(text)]
    assert [c for c, _ in found] == ["drones struck grain port", "targeting civilians"]
    assert "Kyiv" in str(found[0][1]) and "Moscow" in str(found[1][1])


def test_what_a_headline_says_ends_at_a_semicolon() -> None:
    text = "Adams says budget is balanced; council to vote on Tuesday\n\nMayor Eric Adams presented the plan on Monday."
    assert [q.text for q in headline(text)] == ["budget is balanced"]


NOT_REPORTED = [
    # An act with no speech after it; a participle that is no speech.
    "Harlan Oil sues regulator over drilling permits\n\nHarlan Oil filed the case on Monday.",
    "Army shells border town, killing 12\n\nThe shelling began at dawn on Sunday.",
    "Senate passes budget bill, sending it to the governor\n\nThe vote was 31 to 7.",
    # A label, then no report; a person endorsed; a denial denied.
    "Opinion: The central bank is wrong on rates\n\nRates rose again on Tuesday.",
    "Cruz endorses Trump\n\nSen. Ted Cruz endorsed Donald Trump on Friday.",
    "Hale doesn't deny affair; lawyer calls claims false\n\nGovernor Tom Hale spoke on Monday.",
]


@pytest.mark.parametrize("text", NOT_REPORTED)
def test_acts_labels_and_persons_are_not_headline_reports(text: str) -> None:
    assert headline(text) == []


# Records with no owner named: the record is the source, not the nearest name.
RECORD_CASES = [
    (
        "Apex Robotics sued Corvid Labs on Thursday. The lawsuit, filed in federal court in Delaware, alleges that "
        "Corvid hired away engineers to copy its designs.",
        "Corvid hired away engineers to copy its designs",
        "lawsuit",
    ),
    (
        "The engineers resigned in March. According to the complaint, the engineers downloaded files before they left.",
        "the engineers downloaded files before they left",
        "complaint",
    ),
    # The one named before is the accused, not the author: the record speaks.
    (
        "Mayor Dana Ruiz was indicted on Tuesday. The indictment alleges that she took bribes from a contractor.",
        "she took bribes from a contractor",
        "indictment",
    ),
    (
        "The agency declined to comment. The report found that the agency had lost track of 2,000 laptops.",
        "the agency had lost track of 2,000 laptops",
        "report",
    ),
    # An owner, when there is one, still speaks through the record.
    (
        "Senator Maria Ortiz's lawsuit alleges that the county purged voters illegally.",
        "the county purged voters illegally",
        "Ortiz",
    ),
]


@pytest.mark.parametrize(("text", "content", "name"), RECORD_CASES)
def test_a_record_with_no_owner_speaks_for_itself(text: str, content: str, name: str) -> None:
    found = [q for q in indirect(text) if q.text == content]
    assert found, [q.text for q in indirect(text)]
    speaker = found[0].speaker
    assert speaker is not None and name in speaker.name
