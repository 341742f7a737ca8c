"""Roles stated away from the name: predicate nominals, ``as`` titles, fronted and definite descriptions."""

from __future__ import annotations

import pytest

import quotebank
from quotebank.model import QuoteKind


def role_of(text: str, name: str) -> str | None:
    """The role on the one quote of ``text`` whose speaker's name contains ``name``."""
    found = [
        q
        for q in quotebank.extract(text, indirect=False)
        if q.kind is not QuoteKind.SCARE and q.speaker is not None and name in q.speaker.name
    ]
    assert len(found) == 1, [(q.text, q.speaker) for q in quotebank.extract(text, indirect=False)]
    assert found[0].speaker is not None
    return found[0].speaker.role


# (article, speaker, words the role must contain)
STATED = [
    # a predicate nominal in a main clause
    (
        "Jane Roe is the chief economist at Ledger Bank.\n\n“Rates will rise,” Roe said.",
        "Roe",
        "chief economist",
    ),
    # a description put before the name
    (
        "A former banker, Jane Roe now teaches economics in Leeds.\n\n“Banks are slow,” Roe said.",
        "Roe",
        "former banker",
    ),
    # a definite description refers back to the person who was the subject just before
    (
        "Ava Lane spent five years on her new film. The director says it opens on Friday.\n\n"
        "“This is a movement,” Lane said.",
        "Lane",
        "director",
    ),
    # an appositive after the name, whatever its head
    (
        "“The test will come soon,” said Victor Lane, a Korea scholar at the Center for Policy Studies.",
        "Lane",
        "Korea scholar at the Center for Policy Studies",
    ),
    (
        "“We could use the money,” said Rosa Diaz, his wife, on Tuesday.",
        "Diaz",
        "wife",
    ),
    # no article: an appositive only when a comma closes it
    (
        "Jane Lush, controller of entertainment commissioning, said the shows would go on tour.\n\n"
        "“Comedy matters,” Lush said.",
        "Lush",
        "controller of entertainment commissioning",
    ),
    # a title written next to the name beats a guess
    (
        "Senator Jane Roe spoke in Ohio. Roe is the only candidate with a plan.\n\n“We will win,” Roe said.",
        "Roe",
        "Senator",
    ),
]


@pytest.mark.parametrize(("text", "name", "role"), STATED)
def test_role_stated_away_from_the_name(text: str, name: str, role: str) -> None:
    found = role_of(text, name)
    assert found is not None and role in found


# (article, speaker): no role may come from these
NOT_STATED = [
    # a wish, not a position
    ("Tim Kane would be a great senator, his allies say.\n\n“I am ready,” Kane said.", "Kane"),
    # a condition
    ("If Tim Kane becomes vice president, the state must hold an election.\n\n“I am ready,” Kane said.", "Kane"),
    # the last name before the description is someone else's, two sentences away is the limit
    (
        "Jane Roe left the hall. Rain fell on the city. Crowds waited for hours. Traffic stopped. "
        "The director arrived late.\n\n“It went well,” Roe said.",
        "Roe",
    ),
]


NOT_STATED += [
    # the person named before the description is an object, not the subject it goes on with
    ("Critics praised Jane Roe on Monday. The director was not there.\n\n“It went well,” Roe said.", "Roe"),
    # a list of names is no appositive
    ("Jane Roe, Tim Kane and others met on Monday.\n\n“It went well,” Roe said.", "Roe"),
    # a relative clause is no role
    ("“It went well,” said Jane Roe, who led the talks.", "Roe"),
]


@pytest.mark.parametrize(("text", "name"), NOT_STATED)
def test_no_role_from_what_states_none(text: str, name: str) -> None:
    assert role_of(text, name) is None
