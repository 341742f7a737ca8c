"""Parenthetical and trailing attributions: ``X, she concedes, could ...`` and ``... . Y, Dr. Patel said.``."""

from __future__ import annotations

import pytest
from reported import assert_one_report, indirect

# (text, the reported content, a word of the speaker's name)
CASES = [
    # Any reporting verb of the lexicon may stand between the commas, not only "said".
    (
        "Governor Ruth Alvarez spoke at length about the budget. Most of the savings, Alvarez admits, will not "
        "reach taxpayers for years.",
        "Most of the savings, Alvarez admits, will not reach taxpayers for years",
        "Alvarez",
    ),
    (
        "Senator Tom Reyes has defended the grant. Much of the new funding, Reyes concedes, could disappear after "
        "the next election.",
        "Much of the new funding, Reyes concedes, could disappear after the next election",
        "Reyes",
    ),
    # A clause before the speaker, which the parser hangs on the cue, is part of what was said, "If" and all.
    (
        "If the talks collapse, Ms. Ortiz contends, the union has other ways to apply pressure.",
        "If the talks collapse, Ms. Ortiz contends, the union has other ways to apply pressure",
        "Ortiz",
    ),
    (
        "If the merger fails, the chief executive warns, the company will need to cut jobs.",
        "If the merger fails, the chief executive warns, the company will need to cut jobs",
        "executive",
    ),
    # Quoted words after "and" are a quote of their own: the paraphrase before the cue is the reported clause.
    (
        "Maria Lopez runs the shelter. Many of the volunteers were retirees, Lopez said, and “they kept the whole "
        "place running.”",
        "Many of the volunteers were retirees",
        "Lopez",
    ),
    # A clause coordinated with the saying is the writer's narration.
    (
        "The economy is failing, Senator Hale tweeted, and his aides agreed.",
        "The economy is failing",
        "Hale",
    ),
    # An attribution that closes a paragraph covers the paraphrase before it in that paragraph.
    (
        "The clinic treats about 300 patients a week. Most of them have no insurance. Demand keeps rising, "
        "Dr. Patel said.\n\nAnother clinic opened in March.",
        "The clinic treats about 300 patients a week. Most of them have no insurance. Demand keeps rising",
        "Patel",
    ),
]


@pytest.mark.parametrize(("text", "content", "name"), CASES)
def test_parenthetical_and_trailing_content(text: str, content: str, name: str) -> None:
    assert_one_report(text, content, name)


# (text, the reported content): where the content stops.
BOUNDED = [
    # Narration with a date is the writer's, not the clerk's.
    (
        "The council met for three hours on Tuesday. Turnout at the meeting was low, the county clerk said.\n\n"
        "A vote is expected next week.",
        "Turnout at the meeting was low",
    ),
    # Inside a paragraph, a trailing attribution covers its own sentence only.
    (
        "The plant employs 900 people. It is the largest employer in the county, Mayor Ann Cole said. Its owners "
        "plan to expand it.\n\nTalks continue.",
        "It is the largest employer in the county",
    ),
    # Another report before it ends the run.
    (
        "Analysts said the plant employs 900 people. It is the largest employer in the county, Mayor Ann Cole "
        "said.\n\nTalks continue.",
        "It is the largest employer in the county",
    ),
]


@pytest.mark.parametrize(("text", "content"), BOUNDED)
def test_trailing_attribution_stops_at_narration(text: str, content: str) -> None:
    assert content in [q.text for q in indirect(text)]
    assert not any(q.text.endswith(content) and q.text != content for q in indirect(text))


NOT_PARENTHETICAL = [
    # No speaker between the commas.
    "Trump walked onto the stage, chanting a slogan.",
    # A subordinate clause about someone's words, not an aside.
    "The deal went ahead, though one critic disputed it.",
]


@pytest.mark.parametrize("text", NOT_PARENTHETICAL)
def test_not_a_parenthetical_cue(text: str) -> None:
    assert indirect(text) == []


def test_a_verb_with_its_own_object_reports_that_not_the_phrase_before_it() -> None:
    # "cited the new figures" says what was cited; "At the rally" is where.
    found = indirect("At the rally, Senator Clinton cited the new figures.")
    assert [q.text for q in found] == ["the new figures"]
