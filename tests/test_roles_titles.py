"""Roles (#13): which words are a person's title, and which of a person's roles is the one shown.

Each table holds made-up sentences where a rule must fire and sentences where it must not.
"""

from __future__ import annotations

import pytest

import quotebank
from quotebank.lexicons import get_lexicon
from quotebank.model import QuoteKind
from quotebank.roles import best_role, clean_role, weak_role

EN = get_lexicon("en")


def role_of(text: str, name: str) -> str | None:
    """The role every quote of ``text`` whose speaker's name contains ``name`` carries (one and the same)."""
    found = [
        q.speaker
        for q in quotebank.extract(text, indirect=False)
        if q.kind is not QuoteKind.SCARE and q.speaker is not None and name in q.speaker.name
    ]
    assert found, [(q.text, q.speaker) for q in quotebank.extract(text, indirect=False)]
    assert len({s.role for s in found}) == 1  # one person, one speaker
    return found[0].role


# (article, speaker, words the role must contain or None for no role, words it must not contain)
PRE_TITLES = [
    # a lower-case rank that is an adjective before a word naming no position is no title
    (
        "Tom Vale, a nursing home owner, bought the mine. It was a major piece of Mr. Vale's plan.\n\n"
        "“Coal is not the villain,” Mr. Vale said.",
        "Vale",
        "nursing home owner",
        "piece",
    ),
    # ... while the capitalised rank is one
    ("“We hold the line,” said Major Tom Vale.", "Vale", None, None),
    # a title never comes from the sentence before the name
    (
        "Rosa Lind will visit on Sunday, according to a campaign aide. Jon Hale, her opponent, said he would stay.\n\n"
        "“It is a sad day,” Hale said.",
        "Hale",
        "opponent",
        "aide",
    ),
    # an abbreviated title the tokenizer split from its full stop, shared by a coordination of names
    (
        "The losses led Sens. Jon Terry (D-Mont.) to ask for a hearing.\n\n“Every time you say that,” Terry said.",
        "Terry",
        "senator",
        None,
    ),
    # an abbreviated title the lexicon writes out, with its full stop
    ("“This is a waste of time,” said Del. Stacey Plum of the Virgin Islands.", "Plum", "delegate", None),
    # a title never comes from the sentence before, nor holds another person's name
    ("“We will strike,” said union leader Tom Baker. “It is over,” Stone said.", "Stone", None, "Baker"),
    # a party member named like a title
    ("“We will win,” said Liberal Democrat Alan Brook.", "Brook", "Liberal Democrat", None),
    ("“It is a scandal,” said fellow Lib Dem Norman Hale.", "Hale", "Lib Dem", None),
]


@pytest.mark.parametrize(("text", "name", "want", "never"), PRE_TITLES)
def test_pre_title(text: str, name: str, want: str | None, never: str | None) -> None:
    role = role_of(text, name)
    if want is None:
        assert role is None or "major" in role.lower()
    else:
        assert role is not None and want in role
    if never is not None:
        assert role is None or never not in role


# (article, speaker): a person's name is never its own role, though its words are titles
NAMES = [
    ("“He should apologize,” said Howard Dean, speaking on MSNBC.", "Dean"),
    ("Howard Dean spoke on Monday.\n\n“He should apologize,” Dean said.", "Dean"),
    ("Tim King spoke on Monday.\n\n“We are ready,” Mr. King said.", "King"),
]


@pytest.mark.parametrize(("text", "name"), NAMES)
def test_name_is_no_role(text: str, name: str) -> None:
    role = role_of(text, name)
    assert role is None or name not in role


# (article, speaker, words the role must contain)
STATED_AWAY = [
    # a relative clause on the name: "who served as"
    (
        "“It was a hard choice,” said Derek Moss, who served as U.S. ambassador to Peru until May.",
        "Moss",
        "ambassador",
    ),
    # a stated position beats a relation written next to the name
    (
        "Rival Donald Hale attacked the plan on Monday.\n\n"
        "The Republican presidential nominee noted that his campaign had not spent much.\n\n"
        "“We will spend it well,” Hale said.",
        "Hale",
        "Republican presidential nominee",
    ),
    # a subject before the owner of another word: "Pence says ... Trump's tweets. The governor"
    (
        "Mike Penn says too much is made of Donald Hale’s tweets.\n\n"
        "The Indiana governor said Democrats are to blame.\n\n"
        "“I like the tweets,” Hale said.",
        "Hale",
        None,
    ),
]


@pytest.mark.parametrize(("text", "name", "want"), STATED_AWAY)
def test_role_stated_away_from_the_name(text: str, name: str, want: str | None) -> None:
    role = role_of(text, name)
    if want is None:
        assert role is None or "governor" not in role
    else:
        assert role is not None and want in role


def test_surname_that_is_a_title_keeps_its_appositive() -> None:
    text = (
        "David Axe called on Howard Dean to apologize.\n\n"
        "Dean, a former party chairman and presidential candidate, poked at Trump on Monday.\n\n"
        "“It was a joke,” Dean said."
    )
    role = role_of(text, "Dean")
    assert role is not None and "chairman" in role


# (article, speaker, words the role must contain): an appositive set off by commas after the name
APPOSITIVES = [
    # an adjective may lead a bare appositive, and a participle goes on with it
    (
        "But Megan Hale, senior associate for education organizing at the Brook Institute, said schools matter.\n\n"
        "“Nobody wants that,” Hale said.",
        "Hale",
        "senior associate",
    ),
    (
        "Jo Coel, a retired Belgian general who works on defense policy, said so.\n\n“It is late,” Coel said.",
        "Coel",
        "retired Belgian general",
    ),
    # "one of" and its quantifier are no part of the description
    (
        "“Tom is a real visionary,” said Robert Mack, one of several coal industry veterans who work with him.",
        "Mack",
        "coal industry veteran",
    ),
    # what a title owns is no role, but a person it owns is one: "the nominee's eldest daughter"
    (
        "Ivanka Hale, the Republican presidential nominee's eldest daughter, noted the rule last week.\n\n"
        "“It is meant to help mothers,” she said.",
        "Hale",
        "eldest daughter",
    ),
    # a name with an initial and a suffix, which the recogniser may take for an organisation's
    (
        "“Black folks have done their part,” Vann R. Newman II, a writer for The Atlantic, said on Twitter.",
        "Newman",
        "writer for The Atlantic",
    ),
]


@pytest.mark.parametrize(("text", "name", "want"), APPOSITIVES)
def test_appositive_role(text: str, name: str, want: str) -> None:
    role = role_of(text, name)
    assert role is not None and want in role


# (article, speaker): no appositive, no role
NOT_APPOSITIVES = [
    ("Trump, Clinton and Sanders spoke on Monday.\n\n“We are ready,” Trump said.", "Trump"),
    ("Jane Lake, smiling broadly, said it was over.\n\n“We won,” Lake said.", "Lake"),
]


@pytest.mark.parametrize(("text", "name"), NOT_APPOSITIVES)
def test_no_appositive_role(text: str, name: str) -> None:
    assert role_of(text, name) is None


# (article, speaker): a portrayal is no role
def test_portrayal_is_no_role() -> None:
    text = "Democrats want Jon Hale painted as a greedy Republican.\n\n“That makes me smart,” Hale said."
    role = role_of(text, "Hale")
    assert role is None or "greedy" not in role


def test_honorific_and_surname_is_the_person_named_before() -> None:
    text = (
        "Finance minister Herve Galt met his colleagues on Monday.\n\n“We need coordinated management,” said Mr Galt."
    )
    found = [q.speaker for q in quotebank.extract(text, indirect=False) if q.speaker is not None]
    assert [s.name for s in found] == ["Herve Galt"]
    assert found[0].role is not None and "minister" in found[0].role


# (role text, clean role)
@pytest.mark.parametrize(
    ("text", "expected"),
    [("Sens.", "senator"), ("Rev.", "reverend"), ("Reps.", "representative"), ("Revenue", "Revenue")],
)
def test_abbreviations_written_out(text: str, expected: str) -> None:
    assert clean_role(text, EN) == expected


# (role, weak)
@pytest.mark.parametrize(
    ("role", "weak"),
    [
        ("rival", True),
        ("her Republican opponent", True),
        ("Democrat", True),
        ("Fellow Lib Dem", True),
        ("top Democrat on the House Intelligence Committee", False),
        ("ranking Democrat on the committee", False),
        ("senator", False),
        ("democrat", False),  # lower case: no party
    ],
)
def test_weak_role(role: str, weak: bool) -> None:
    assert weak_role(role, EN) is weak


# (roles, the most informative)
@pytest.mark.parametrize(
    ("roles", "expected"),
    [
        (["Democrat", "secretary of state"], "secretary of state"),  # a position over a party
        (["rival", "nominee"], "nominee"),  # ... and over a relation
        (
            ["representative", "top Democrat on the House Intelligence Committee"],
            "top Democrat on the House Intelligence Committee",
        ),
        (["Fellow", "Fellow Lib Dem"], "Fellow Lib Dem"),  # the longer of one statement
        (["rival"], "rival"),  # a relation when nothing else is known
    ],
)
def test_best_role_ranks_positions(roles: list[str], expected: str) -> None:
    assert best_role(roles, EN) == expected


def test_description_refers_to_the_holder_of_the_title_word() -> None:
    # "president" is no word of "presidential": the one president is Obama, not the presidential nominee
    text = (
        "President Barack Obama criticized Republican presidential nominee Donald Hale on Monday.\n\n"
        "At a town hall, Tina Hope had a question for the president.\n\n"
        "“This is a manufactured issue,” the president said."
    )
    found = [q.speaker for q in quotebank.extract(text, indirect=False) if q.speaker is not None]
    assert [s.name for s in found] == ["Barack Obama"]


def test_unnamed_source_keeps_its_whole_description() -> None:
    found = [q.speaker for q in quotebank.extract("“We are worried,” fellow Republicans said.", indirect=False)]
    assert found and found[0] is not None
    assert found[0].role is None or found[0].role.lower() != "fellow"


def test_description_finds_the_holder_of_an_abbreviated_title() -> None:
    # "Vermont Sen." holds "senator": the senator is Sands, not the subject named before him
    text = (
        "If Donald Hale could make money doing it, Vermont Sen. Bernie Sands is against it.\n\n"
        "The senator said he would “introduce legislation” next year."
    )
    found = [q.speaker for q in quotebank.extract(text, indirect=False) if q.speaker is not None]
    assert found and {s.name for s in found} == {"Bernie Sands"}
    assert found[0].role == "Vermont senator"


def test_one_person_whatever_the_apostrophe() -> None:
    # "O’Neill" and "O'Neill" in one article are one person, with one speaker and one role
    text = (
        "The explosion went off at 8:30 p.m., according to NYPD Commissioner James O’Neill.\n\n"
        "“The cause has not been determined,” said O'Neill.\n\n"
        "“Not going to go into that,” O'Neill said."
    )
    found = [q.speaker for q in quotebank.extract(text, indirect=False) if q.speaker is not None]
    assert len(found) == 2 and found[0] == found[1]
    assert found[0].role == "NYPD Commissioner"


# (article, the speaker's name): an honorific and a surname are the one person of that surname named before
SURNAMES = [
    ("Finance minister Herve Galt met his colleagues.\n\n“We need a plan,” said Mr Galt.", "Herve Galt"),
]


@pytest.mark.parametrize(("text", "name"), SURNAMES)
def test_honorific_and_surname(text: str, name: str) -> None:
    found = [q.speaker for q in quotebank.extract(text, indirect=False) if q.speaker is not None]
    assert [s.name for s in found] == [name]


# A title that is also a given name opens a two-word name before its surname; otherwise it is the title.
GIVEN_NAME_TITLES = [
    ('Rovers manager Dean Holt praised his side. "We never stopped," Holt said.', "Dean Holt", "Rovers manager"),
    ('Club captain Dean Smith said: "We never stopped."', "Dean Smith", "Club captain"),
    ('Earl Thomas, the Seahawks safety, said: "We never stopped."', "Earl Thomas", "Seahawks safety"),
    # negative: a full name after the title
    ('Dean Jane Roe of the law school said: "We never stopped."', "Jane Roe", "Dean"),
]


@pytest.mark.parametrize(("text", "name", "role"), GIVEN_NAME_TITLES)
def test_title_that_is_a_given_name(text: str, name: str, role: str) -> None:
    speakers = [q.speaker for q in quotebank.extract(text, indirect=False) if q.speaker is not None]
    assert [(s.name, s.role) for s in speakers] == [(name, role)] * len(speakers)
