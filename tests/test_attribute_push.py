"""Speaker rules of the #13 push, each with made-up sentences (negative cases included).

These run the real pipeline (the small English model): attribution depends on the parse.
"""

from __future__ import annotations

import pytest
from quoted import speaker_of

import quotebank
from quotebank.attribute.context import Context
from quotebank.attribute.descriptions import described_roles
from quotebank.lexicons import get_lexicon
from quotebank.model import QuoteKind

# A pronoun cue goes on with the person the sentence before brought in as its subject, not with whoever spoke
# last: (text, fragment of the quote, the speaker's name must contain).
PREVIOUS_SUBJECT_CASES = [
    (
        "“We trained hard all winter,” said coach Daniel Brooks. Goalkeeper Tom Fairley was also pleased with "
        "the draw. “It was a hard afternoon for the defence,” he said.",
        "hard afternoon for the defence",
        "Tom Fairley",
    ),
    (
        "“The lease ends in March,” said landlord Peter Hale. Council leader Martin Webb is no fan of the plan. "
        "“Nobody asked the residents,” he said.",
        "Nobody asked the residents",
        "Martin Webb",
    ),
    (
        "“Prices will rise again,” said analyst Joan Pike. Retailer Sarah Lomax has already cut her orders. "
        "“We cannot wait for the spring,” she told reporters.",
        "cannot wait for the spring",
        "Sarah Lomax",
    ),
]

# Negative cases: the subject before does not fit the pronoun, or is no person named outside the quote, so the
# last speaker keeps the quote.
PREVIOUS_SUBJECT_NEGATIVE = [
    # "she" does not fit a man named as the subject: the last speaker, a woman, goes on
    (
        "“The lease ends in March,” said landlord Helen Marsh. Council leader David Webb is no fan of the plan. "
        "“Nobody asked the residents,” she said.",
        "Nobody asked the residents",
        "Helen Marsh",
    ),
    # the sentence before has a pronoun subject: no one new was brought in
    (
        "“The lease ends in March,” said landlord Peter Hale. He has owned the building since 1990. "
        "“Nobody asked the residents,” he said.",
        "Nobody asked the residents",
        "Peter Hale",
    ),
    # the subject before is an organisation, not a person
    (
        "“The lease ends in March,” said landlord Peter Hale. The city council has not replied. "
        "“Nobody asked the residents,” he said.",
        "Nobody asked the residents",
        "Peter Hale",
    ),
]


@pytest.mark.parametrize(("text", "fragment", "expected"), PREVIOUS_SUBJECT_CASES + PREVIOUS_SUBJECT_NEGATIVE)
def test_pronoun_goes_on_with_the_subject_just_brought_in(text: str, fragment: str, expected: str) -> None:
    name = speaker_of(text, fragment)
    assert name is not None and expected in name


def role_of(text: str, fragment: str) -> str | None:
    """The speaker's role of the one quoted run whose text contains ``fragment``."""
    matches = [q for q in quotebank.extract(text) if fragment in q.text and q.kind is not QuoteKind.INDIRECT]
    assert len(matches) == 1, [(q.kind.value, q.text) for q in quotebank.extract(text)]
    speaker = matches[0].speaker
    return speaker.role if speaker is not None else None


# A definite description as the owner of a noun refers back to the person just named as subject or owner, and
# gives that person its role: (text, fragment of the quote, the role must contain; None: no role).
OWNER_DESCRIPTION_CASES = [
    (
        "Jane Roe's lead in the polls may fade if the Democratic nominee's stance on trade hurts her in the north. "
        "“We will win the north,” Roe said.",
        "We will win the north",
        "Democratic nominee",
    ),
    (
        "David Hale was cheered on Tuesday. The union leader's speech ran for an hour. "
        "“The strike goes on,” Hale said.",
        "The strike goes on",
        "union leader",
    ),
]


@pytest.mark.parametrize(("text", "fragment", "expected"), OWNER_DESCRIPTION_CASES)
def test_owner_description_gives_the_role(text: str, fragment: str, expected: str | None) -> None:
    role = role_of(text, fragment)
    if expected is None:
        assert role is None
    else:
        assert role is not None and expected in role


# Negative cases, read on the described roles themselves (the one named speaker may still take an unnamed
# description later, by another rule): (text, name, role that must not be described for that name).
OWNER_DESCRIPTION_NEGATIVE = [
    # a chairwoman is not the man named before
    ("David Hale was cheered on Tuesday. The chairwoman's speech ran for an hour.", "David Hale", "chairwoman"),
    # the subject before is an organisation, so the chairman may be its
    ("Acme Mills cut 300 jobs after David Hale left. The chairman's letter blamed imports.", "David Hale", "chairman"),
    # the owner is named inside the description's own noun phrase: no reference back
    ("David Hale met the press. The governor's own spokesman declined to comment.", "David Hale", "spokesman"),
]


@pytest.mark.parametrize(("text", "name", "role"), OWNER_DESCRIPTION_NEGATIVE)
def test_owner_description_negative(nlp, text: str, name: str, role: str) -> None:
    doc = nlp(text)
    described = described_roles(Context(doc, [], get_lexicon("en")))
    assert not any(n == name and role in r for n, r, _ in described), described


# A definite description that speaks goes on with the person just named as a subject (news style varies the
# name): (text, fragment of the quote, the speaker's name must contain; None: must not be that person).
DESCRIBED_SUBJECT_CASES = [
    (
        "“The water came fast,” John Perry said. Mary Collins toured the flooded district on Monday. "
        "“We will rebuild every house,” the mayor said.",
        "rebuild every house",
        "Mary Collins",
    ),
    (
        "“Sales fell,” John Perry said. Mary Collins met investors in Boston on Monday. "
        "“We will recover by the summer,” Acme's chief executive said.",
        "recover by the summer",
        "Mary Collins",
    ),
]

DESCRIBED_SUBJECT_NEGATIVE = [
    # an owner pronoun names someone else: her doctor is not she
    (
        "“I feel fine,” John Perry said. Mary Collins visited the clinic on Monday. "
        "“The treatment is working,” her doctor said.",
        "treatment is working",
        "Mary Collins",
    ),
    # a gendered title that does not fit
    (
        "“The water came fast,” John Perry said. Mary Collins toured the flooded district on Monday. "
        "“We will rebuild every house,” the spokesman said.",
        "rebuild every house",
        "Mary Collins",
    ),
    # a person the article gives another title
    (
        "“The water came fast,” John Perry said. Governor Mary Collins toured the flooded district on Monday. "
        "“We will rebuild every house,” the mayor said.",
        "rebuild every house",
        "Mary Collins",
    ),
]


@pytest.mark.parametrize(("text", "fragment", "expected"), DESCRIBED_SUBJECT_CASES)
def test_described_subject(text: str, fragment: str, expected: str) -> None:
    name = speaker_of(text, fragment)
    assert name is not None and expected in name


@pytest.mark.parametrize(("text", "fragment", "other"), DESCRIBED_SUBJECT_NEGATIVE)
def test_described_subject_negative(text: str, fragment: str, other: str) -> None:
    name = speaker_of(text, fragment)
    assert name is None or other not in name


# A verb after a quote that ends its sentence is its cue only when it says nothing of its own; a quoted object
# or clause after the verb is another quote, so it is content too: (text, fragment, speaker must contain).
TRAILING_CUE_CASES = [
    (
        "“We will rebuild every house,” said mayor Mary Collins. “The money is already there.” "
        "The council has called on residents not to “panic” over the repairs.",
        "money is already there",
        "Mary Collins",
    ),
    (
        "“Prices will rise,” said analyst John Perry. “Nobody can stop that now.” "
        "The union has called on members to “hold the line” until March.",
        "Nobody can stop that now",
        "John Perry",
    ),
    # negative: a short cue with nothing of its own still speaks the quote before it
    (
        "The vote ended late on Tuesday. “We did it!” Mary Collins tweeted on Tuesday evening.",
        "We did it",
        "Mary Collins",
    ),
]


@pytest.mark.parametrize(("text", "fragment", "expected"), TRAILING_CUE_CASES)
def test_trailing_cue_with_quoted_content(text: str, fragment: str, expected: str) -> None:
    name = speaker_of(text, fragment)
    assert name is not None and expected in name


# A singular common noun glued to a name as its modifier is the person's role, known title word or not:
# (text, fragment, the role must contain; None: no role).
COMMON_NOUN_TITLE_CASES = [
    ("“The bees are dying,” said Devon beekeeper Tom Fairley.", "bees are dying", "beekeeper"),
    ("“The rent doubled in a year,” said hairdresser Mary Collins.", "rent doubled", "hairdresser"),
    ("“Nobody warned us,” said Bath prop David Hale.", "Nobody warned us", "Bath prop"),
    # negative: a plural noun before the name is what someone told, not a role
    (
        "On Monday the board told shareholders David Hale would step down. “It was time,” Hale said.",
        "It was time",
        None,
    ),
]


@pytest.mark.parametrize(("text", "fragment", "expected"), COMMON_NOUN_TITLE_CASES)
def test_common_noun_title(text: str, fragment: str, expected: str | None) -> None:
    role = role_of(text, fragment)
    if expected is None:
        assert role is None
    else:
        assert role is not None and expected in role


# An indefinite title (or a place's title) that speaks, then a named person who speaks in the next two
# sentences: the lede held the name back. (text, fragment, name must contain; negatives: must not).
NAMED_AFTER_CASES = [
    (
        "“The strike will fail,” a former union chairman said on Monday. "
        "David Hale, who led the union until 2010, said members were tired.",
        "strike will fail",
        "David Hale",
    ),
    (
        "“The budget is safe,” Ruritania's finance minister said. David Hale said he would present it on Monday.",
        "budget is safe",
        "David Hale",
    ),
]

NAMED_AFTER_NEGATIVE = [
    # an anonymous source stays anonymous
    ("“The plan is dead,” a senior official said. David Hale said he disagreed.", "plan is dead", "David Hale"),
    # a person the article gives another title
    ("“The plan is dead,” a former union chairman said. Mayor David Hale said he disagreed.", "plan is dead", "Hale"),
    # a gendered title that does not fit
    ("“The plan is dead,” a former union chairwoman said. David Hale said he disagreed.", "plan is dead", "Hale"),
]


@pytest.mark.parametrize(("text", "fragment", "expected"), NAMED_AFTER_CASES)
def test_named_after(text: str, fragment: str, expected: str) -> None:
    name = speaker_of(text, fragment)
    assert name is not None and expected in name


@pytest.mark.parametrize(("text", "fragment", "other"), NAMED_AFTER_NEGATIVE)
def test_named_after_negative(text: str, fragment: str, other: str) -> None:
    name = speaker_of(text, fragment)
    assert name is None or other not in name


# With no title, the organisation a name is written with is the person's role: (text, fragment, role must
# contain; None: no role).
AFFILIATION_CASES = [
    ("“Turnout will be low,” said David Hale of Harmon Research.", "Turnout will be low", "Harmon Research"),
    ("“Turnout will be low,” noted CNN’s David Hale.", "Turnout will be low", "CNN"),
    (
        "David Hale at the Brookings Institution agreed. “Turnout will be low,” Hale said.",
        "Turnout will be low",
        "Brookings",
    ),
    # negative: a place is no affiliation
    ("“We won the county,” said David Hale of Texas.", "We won the county", None),
    # negative: a title comes first
    ("“Turnout will be low,” said pollster David Hale of Harmon Research.", "Turnout will be low", "pollster"),
]


@pytest.mark.parametrize(("text", "fragment", "expected"), AFFILIATION_CASES)
def test_affiliation(text: str, fragment: str, expected: str | None) -> None:
    role = role_of(text, fragment)
    if expected is None:
        assert role is None
    else:
        assert role is not None and expected in role
