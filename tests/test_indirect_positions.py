"""Public positions on a policy, proposal or claim: ``supports the bill``, ``defended his remarks about ...``."""

from __future__ import annotations

import pytest
from reported import assert_one_report, indirect

# (text, the reported content, a word of the speaker's name)
CASES = [
    # A stand on a policy or proposal: the object names a position.
    ("Senator Kim has backed the proposed regulations on drones.", "the proposed regulations on drones", "Kim"),
    ("The governor supports the bill.", "the bill", "governor"),
    (
        "The minister defended the decision to close the hospital.",
        "the decision to close the hospital",
        "minister",
    ),
    ("The Treasury released its plan for bank reform on Monday.", "its plan for bank reform", "Treasury"),
    ("The company offered its assessment of the damage.", "its assessment of the damage", "company"),
    # In the passive the agent takes the stand on the subject.
    ("The plan is backed by most governors.", "The plan", "governors"),
    # Words said, described by the phrase: the stand is on them.
    ("Johnson defended his comments about the strike.", "his comments about the strike", "Johnson"),
    # A noun with its own that-clause is a claim.
    (
        "The union offered no evidence that the workers had been mistreated.",
        "no evidence that the workers had been mistreated",
        "union",
    ),
    # Someone joins two things: the object and what it is linked to.
    (
        "The mayor repeatedly linked the rise in crime to budget cuts.",
        "the rise in crime to budget cuts",
        "mayor",
    ),
]


def test_a_speech_participle_after_the_stand_is_a_report_of_its_own() -> None:
    text = "The health secretary defended plans to close two wards, telling MPs that the staff had been moved."
    assert [(q.text, q.cue.text if q.cue else None) for q in indirect(text)] == [
        ("plans to close two wards", "defended"),
        ("the staff had been moved", "telling"),
    ]


@pytest.mark.parametrize(("text", "content", "name"), CASES)
def test_a_stand_on_a_position_reports_it(text: str, content: str, name: str) -> None:
    q = assert_one_report(text, content, name)
    assert q.cue is not None


NOT_SPEECH = [
    # The same verbs as acts, or with a person, a thing or a title as their object.
    "She backed the car into the garage.",
    "The bank offered a loan to the farmers.",
    "The rebels released the hostages on Tuesday.",
    "Nadal defended the title in Paris.",
    "The beam supports the weight of the roof.",
    "Soldiers defended the city for three months.",
    "The club released the striker at the end of the season.",
    "Chelsea backed their manager.",
    "Arsenal offered a new deal to their captain.",
    # Only someone takes a stand.
    "The software supports the new rules for encryption.",
    # A bare said thing only points back at words reported elsewhere; an offered statement is the statement.
    "He then defended the remark.",
    "The chancellor offered an apology.",
    # Nobody links: a passive without a speaker, a thing as the subject.
    "Smith has been linked to the scandal.",
    "The bridge links the island to the mainland.",
]


@pytest.mark.parametrize("text", NOT_SPEECH)
def test_acts_and_people_are_not_positions(text: str) -> None:
    assert indirect(text) == []
