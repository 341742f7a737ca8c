"""Roles: every role the article gives a person, cleaned into title phrases, the most informative on every quote."""

from __future__ import annotations

import pytest

import quotebank
from quotebank.lexicons import get_lexicon
from quotebank.model import QuoteKind, SpeakerKind
from quotebank.roles import best_role, clean_role

EN = get_lexicon("en")

# (role text as read around a name, the clean role or None)
CLEAN_CASES = [
    ("Pentagon spokesman", "Pentagon spokesman"),
    (  # long, but one title phrase: kept whole
        "former State Department official now with the Center for a New American Security",
        "former State Department official now with the Center for a New American Security",
    ),
    ("secretary of state.", "secretary of state"),  # the sentence's full stop
    ("chief of staff of the campaign. Later", "chief of staff of the campaign"),  # never across a sentence
    ("strategy. Sen.", "senator"),  # the sentence before the title is dropped; the abbreviation written out
    ("Republican nominee’s disrespect for women.", "Republican nominee"),  # what the holder owns is no role
    ("Democratic presidential candidate's response to", "Democratic presidential candidate"),
    ("spokeswoman for", "spokeswoman"),  # a dangling preposition
    ("the chief economist", "chief economist"),
    ("media and rival", "rival"),  # a list before the title
    ("New Jersey Gov.", "New Jersey governor"),
    ("Rep.", "representative"),
    ("Dr.", "doctor"),
    ("SEC", "SEC"),  # an acronym is no abbreviated title
    ("France's finance minister", "France's finance minister"),
    ("motorcycle racer", "motorcycle racer"),
    ("but she has made clear her doubts about the plan", None),  # a clause
    ("who said that he would run", None),
    ("", None),
]


@pytest.mark.parametrize(("text", "expected"), CLEAN_CASES)
def test_clean_role(text: str, expected: str | None) -> None:
    assert clean_role(text, EN) == expected


# (roles, the most informative)
BEST_CASES = [
    (["rival", "Republican presidential nominee", "nominee"], "Republican presidential nominee"),
    (["attorney general", "New York state attorney general"], "New York state attorney general"),
    (["good old friends", "senator"], "senator"),  # a title beats words that name no position
    (["Chelsea boss"], "Chelsea boss"),
    ([], None),
]


@pytest.mark.parametrize(("roles", "expected"), BEST_CASES)
def test_best_role(roles: list[str], expected: str | None) -> None:
    assert best_role(roles, EN) == expected


def speakers(text: str) -> list[tuple[str, str | None, tuple[str, ...]]]:
    found = [q for q in quotebank.extract(text, indirect=False) if q.kind is not QuoteKind.SCARE]
    return [(q.speaker.name, q.speaker.role, q.speaker.roles) if q.speaker else ("", None, ()) for q in found]


def test_role_from_the_lede_reaches_every_quote() -> None:
    text = (
        "Republican presidential nominee Donald Trump held a rally in Ohio on Friday.\n\n"
        "“We are going to win this state,” Trump said.\n\n"
        "“Nobody thought we could do it,” he added."
    )
    found = speakers(text)
    assert [name for name, _, _ in found] == ["Donald Trump", "Donald Trump"]
    assert {role for _, role, _ in found} == {"Republican presidential nominee"}


def test_one_speaker_per_person() -> None:
    text = (
        "Jane Roe, the chief economist at Ledger Bank, spoke on Monday.\n\n"
        "“Rates will rise,” Roe said.\n\n"
        "“Prices are too high,” said bank economist Jane Roe."
    )
    found = speakers(text)
    assert len(found) == 2 and found[0] == found[1]
    name, role, roles = found[0]
    assert name == "Jane Roe"
    assert role == "chief economist at Ledger Bank"
    assert "bank economist" in roles


def test_title_never_spans_a_sentence() -> None:
    text = (
        "He did not have the record of John Kerry, who is now his secretary of state. Like many things with "
        "Mr. Obama, his view changed.\n\n“It is terrifying,” Mr. Obama said."
    )
    (found,) = speakers(text)
    assert found[0].endswith("Obama")
    assert found[1] is None or "secretary" not in found[1]


def test_object_of_a_preposition_has_no_title() -> None:
    text = (
        "The Democratic presidential candidate's response to Donald Trump came on Friday.\n\n"
        "“I am not worried,” Trump said."
    )
    (found,) = speakers(text)
    assert found[0] == "Donald Trump"
    assert found[1] is None or "Democratic" not in found[1]


def test_occupation_is_a_role() -> None:
    (found,) = speakers("“The cars have electronic brakes,” said rally driver Dave Hawkins.")
    assert found[:2] == ("Dave Hawkins", "rally driver")


# (article, the unnamed source's role): an anonymous source is described by its title, and stays unnamed
UNNAMED_CASES = [
    ("“The move was not about the new laws,” a Cabinet Office spokeswoman said.", "Cabinet Office spokeswoman"),
    ("“We will see,” a defense official said on Monday.", "defense official"),
]


@pytest.mark.parametrize(("text", "role"), UNNAMED_CASES)
def test_unnamed_source_role_is_its_description(text: str, role: str) -> None:
    (found,) = [q for q in quotebank.extract(text, indirect=False) if q.kind is not QuoteKind.SCARE]
    assert found.speaker is not None and found.speaker.kind is SpeakerKind.UNNAMED
    assert found.speaker.role == role
