"""Short names across articles: a bare surname links only when one person fits, its own article's text included;
an honorific or a title-like surname (``Mr. Bishop``, ``Nora Bishop``) does not make a name a role.

Every name here is made up. Each table has cases where the rule must not fire.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from quotebank import Quote, QuoteBank, Speaker, SpeakerKind
from quotebank.bank.names import is_role_only, spelled_names

PERSON = SpeakerKind.PERSON


def person(name: str, role: str | None = None, **fields: object) -> Speaker:
    return Speaker(name=name, role=role, kind=PERSON, **fields)  # type: ignore[arg-type]


def add(bank: QuoteBank, doc_id: str, prose: str, words: str, speaker: Speaker, date: str | None = None) -> None:
    """One article: ``prose`` then one quote by ``speaker``."""
    text = f"{prose} “{words}” "
    start = text.index(words)
    quote = Quote(id="q0", text=words, start=start, end=start + len(words), speaker=speaker)
    bank.add_quotes(text, [quote], doc_id=doc_id, date=date)


def speaker_of(bank: QuoteBank, doc_id: str) -> str:
    (quote,) = bank.find(doc_id=doc_id)
    assert quote.speaker is not None
    return quote.speaker.name


@pytest.fixture
def bank() -> Iterator[QuoteBank]:
    with QuoteBank() as b:
        yield b


# --------------------------------------------------------------------------- names or roles


@pytest.mark.parametrize(
    ("name", "role", "role_only"),
    [
        # an honorific or a title before a capitalised word names someone, even when the role repeats the name
        ("Mr. Bishop", "Mr. Bishop", False),
        ("Ms. Quill", None, False),
        ("Dr. Pellow", "Dr. Pellow", False),
        ("Green MP Tamsin Vry", "Green MP Tamsin Vry", False),
        ("Senator Ada Morrow", "Senator", False),
        # a title-like surname after a given name, when the article gives another role
        ("Nora Bishop", "city councillor", False),
        ("Hal Dean", "owner of the Lakeside bakery", False),
        # ... but not when the role is that title, or when there is no role to tell
        ("Hal Dean", "Hal Dean", True),
        ("Nora Bishop", None, True),
        ("Ruritanian Foreign Minister", "Ruritanian Foreign Minister", True),
        ("Retired General", "Retired General", True),
        ("Former Harbour Doctor", "Former Harbour Doctor", True),
        # roles as before
        ("Ruritania's foreign minister", "foreign minister", True),
        ("the senator", None, True),
        ("a spokesman", "spokesman", True),
        ("Mr.", None, False),
    ],
)
def test_names_and_roles(name: str, role: str | None, role_only: bool) -> None:
    assert is_role_only(name, role, PERSON) is role_only


@pytest.mark.parametrize(
    ("text", "name", "spelled"),
    [
        ("Last week I caught Larkin Quill on the radio. Mr. Quill said no.", "Mr. Quill", ("Larkin Quill",)),
        ("It owns Mr. Quill's show, said Vice President Dora P. Quill.", "Quill", ("Vice President Dora P. Quill",)),
        ("They invoked “Odo Quill Day” in the debate.", "Quill", ("Odo Quill",)),
        ("The O’Marr brothers met Commissioner Jem O’Marr.", "O'Marr", ("Commissioner Jem O’Marr",)),
        # a capitalised word that opens a sentence may be any word: no name there without a title first
        ("But Quill said no. Quill left.", "Quill", ()),
        ("Derelict Quill and friends.\nQuill spoke.", "Quill", ()),
        ("Larkin Quill, a writer, spoke.", "Quill", ()),
        ("President Larkin Quill spoke.", "Quill", ("President Larkin Quill",)),
        # words cut by a sentence end, a comma or a line are not one name
        ("Was it you? Larkin Quill asked.", "Quill", ()),
        ("They met Sam, Quill and Tom.", "Quill", ()),
        # a full name, or nothing with that surname, needs nothing
        ("They met Larkin Quill.", "Larkin Quill", ()),
        ("They met Larkin Quill.", "Mr. Pellow", ()),
    ],
)
def test_spelled_names(text: str, name: str, spelled: tuple[str, ...]) -> None:
    assert spelled_names(text, name) == spelled


# --------------------------------------------------------------------------- bare surnames across articles


def test_a_bare_surname_is_not_given_to_the_only_namesake_when_its_article_names_another(bank: QuoteBank) -> None:
    add(bank, "a", "Nell Quill, a fisher, spoke.", "The nets are empty.", person("Nell Quill", "fisher"))
    add(bank, "b", "On air, host Larkin Quill grilled the mayor.", "We asked twice.", person("Mr. Quill"))
    assert speaker_of(bank, "b") == "Mr. Quill"
    (entity,) = [s for s in bank.speakers if s.name == "Mr. Quill"]
    assert "its article names Larkin Quill" in entity.links[0].evidence[0]


@pytest.mark.parametrize(
    ("prose", "quoted", "linked"),
    [
        # the article spells out the bank's person, or no Quill at all: the only Quill fits
        ("Yesterday the fisher Nell Quill spoke again.", person("Ms. Quill"), True),
        ("The harbour was quiet.", person("Ms. Quill"), True),
        # it spells out someone else: not linked
        ("Her cousin Dora Quill was there.", person("Ms. Quill"), False),
        # ... unless the quote's speaker holds the bank's person's title
        ("Her cousin Dora Quill was there.", person("Quill", "Mayor"), True),
        ("Her cousin Dora Quill was there.", person("Quill", "senator"), False),
        ("Her cousin Dora Quill was there.", person("Quill", "Quill"), False),
    ],
)
def test_a_bare_surname_and_the_names_its_article_spells(
    bank: QuoteBank, prose: str, quoted: Speaker, linked: bool
) -> None:
    add(bank, "a", "Nell Quill, the mayor, spoke.", "The nets are empty.", person("Nell Quill", "harbour mayor"))
    add(bank, "b", prose, "Nothing is biting.", quoted)
    assert (speaker_of(bank, "b") == "Nell Quill") is linked


def test_the_decision_is_the_same_whatever_came_first(bank: QuoteBank) -> None:
    add(bank, "b", "On air, host Larkin Quill grilled the mayor.", "We asked twice.", person("Mr. Quill"))
    add(bank, "a", "Nell Quill, a fisher, spoke.", "The nets are empty.", person("Nell Quill", "fisher"))
    assert speaker_of(bank, "b") == "Mr. Quill"
    add(bank, "c", "They met Larkin Quill, a radio host.", "Call in now.", person("Larkin Quill", "radio host"))
    assert speaker_of(bank, "b") == "Mr. Quill"  # two Quills in the bank: a bare surname stays bare


def test_two_namesakes_never_merge_and_an_honorific_or_initial_does_not_split(bank: QuoteBank) -> None:
    add(bank, "a", "", "One.", person("Tess Marrow", "mayor"))
    add(bank, "b", "", "Two.", person("Owen Marrow", "fisher"))
    add(bank, "c", "", "Three.", person("Mayor Tess J. Marrow"))
    add(bank, "d", "", "Four.", person("Dr. Owen Marrow"))
    names = {doc: speaker_of(bank, doc) for doc in "abcd"}
    assert names["a"] == names["c"] != names["b"]
    assert names["b"] == names["d"] == "Owen Marrow"


def test_an_honorific_speaker_whose_role_repeats_the_name_is_linked_in_its_article(bank: QuoteBank) -> None:
    text = "“Vote early,” said Nora Bishop, a city councillor. Later Mr. Bishop's wife spoke. “Go,” said Ms. Bishop."
    first, second = "Vote early,", "Go,"
    quotes = [
        Quote(
            id="q0",
            text=first,
            start=text.index(first),
            end=text.index(first) + len(first),
            speaker=person("Nora Bishop", "city councillor"),
        ),
        Quote(
            id="q1",
            text=second,
            start=text.index(second),
            end=text.index(second) + len(second),
            speaker=person("Ms. Bishop", "Ms. Bishop"),
        ),
    ]
    bank.add_quotes(text, quotes, doc_id="a")
    assert {q.speaker.name for q in bank.find(doc_id="a") if q.speaker} == {"Nora Bishop"}
    (entity,) = bank.speakers
    assert entity.roles == ("city councillor",)  # "Ms. Bishop" was the article's name again, not a role
