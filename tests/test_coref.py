"""Who is who: the entity index on hand-built Docs (entity labels set by hand, as a recogniser might)."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc

import quotebank
from quotebank.coref import EntityIndex
from quotebank.lexicons import get_lexicon
from quotebank.model import SpeakerKind

LEXICON = get_lexicon("en")


def index(words: list[str], ents: list[str]) -> EntityIndex:
    doc = Doc(spacy.blank("en").vocab, words=words, ents=ents)
    return EntityIndex(doc, LEXICON)


def test_a_surname_the_recogniser_took_for_an_organisation_is_the_person() -> None:
    words = ["Ava", "DuVernay", "directed", "it", ".", "DuVernay", "said", "so", "."]
    ents = ["B-PERSON", "I-PERSON", "O", "O", "O", "B-ORG", "O", "O", "O"]
    idx = index(words, ents)
    person = idx.entity_at(0)
    assert person is not None and person.name == "Ava DuVernay"
    assert idx.entity_at(5) is person
    assert [e.kind for e in idx.entities] == [SpeakerKind.PERSON]


def test_an_acronym_is_not_taken_for_a_surname() -> None:
    words = ["Tom", "Nato", "spoke", ".", "NATO", "said", "no", "."]
    ents = ["B-PERSON", "I-PERSON", "O", "O", "B-ORG", "O", "O", "O"]
    idx = index(words, ents)
    org = idx.entity_at(4)
    assert org is not None and org.kind is SpeakerKind.ORGANIZATION


def test_a_surname_goes_to_the_namesake_its_honorific_fits() -> None:
    words = ["Bill", "Clinton", "and", "Hillary", "Clinton", "arrived", ".", "Mrs.", "Clinton", "spoke", "."]
    ents = ["B-PERSON", "I-PERSON", "O", "B-PERSON", "I-PERSON", "O", "O", "O", "B-PERSON", "O", "O"]
    idx = index(words, ents)
    hillary = idx.entity_at(8)
    assert hillary is not None and hillary.name == "Hillary Clinton"


def test_a_bare_surname_far_from_both_namesakes_goes_to_the_one_named_most() -> None:
    filler = ["and", "then", "more", "words", "followed"] * 20
    words = [
        *["Hillary", "Clinton", "spoke", ".", "Clinton", "smiled", ".", "Bill", "Clinton", "waved", "."],
        *filler,
        *[".", "Clinton", "left", "."],
    ]
    ents = ["O"] * len(words)
    for start in (0, 7):
        ents[start], ents[start + 1] = "B-PERSON", "I-PERSON"
    ents[4] = ents[len(words) - 3] = "B-PERSON"
    idx = index(words, ents)
    last = idx.entity_at(len(words) - 3)
    assert last is not None and last.name == "Hillary Clinton"


def test_a_surname_first_and_a_namesake_of_the_other_gender_later_stay_two_people() -> None:
    words = ["Mr.", "Obama", "spoke", ".", "The", "first", "lady", ",", "Michelle", "Obama", ",", "waved", "."]
    ents = ["O", "B-PERSON", "O", "O", "O", "O", "O", "O", "B-PERSON", "I-PERSON", "O", "O", "O"]
    idx = index(words, ents)
    president, michelle = idx.entity_at(1), idx.entity_at(8)
    assert president is not None and michelle is not None
    assert president is not michelle


@pytest.mark.parametrize(
    ("role", "pronoun"),
    [("widow", "She"), ("mother", "She"), ("actress", "She"), ("husband", "He"), ("father", "He")],
)
def test_a_gendered_role_tells_the_pronoun(role: str, pronoun: str) -> None:
    # "Terry" alone reads as a man's name; the role the article gives says otherwise
    other = "Jane Doe" if pronoun == "He" else "John Doe"
    text = (
        f"“The veto is wrong,” said {other}.\n\n"
        f"“It must be overturned,” said {role} Terry Strada.\n\n"
        f"{pronoun} continued, “We are tired of waiting.”"
    )
    quotes = [q for q in quotebank.extract(text, indirect=False) if q.text.startswith("We are tired")]
    assert len(quotes) == 1 and quotes[0].speaker is not None
    assert quotes[0].speaker.name == "Terry Strada"


# A name the recogniser labelled an organisation is a person's when the text calls its last word Mr or Ms
# somewhere; a name never so called, or one with an organisation word, stays an organisation.
HONOURED_CASES = [
    (["Herve", "Gaymard", "said", "so", ".", "Mr", "Gaymard", "left", "."], SpeakerKind.PERSON),
    (["Herve", "Gaymard", "said", "so", ".", "Ms.", "Gaymard", "left", "."], SpeakerKind.PERSON),
    (["Banque", "Lefort", "said", "so", ".", "It", "later", "left", "."], SpeakerKind.ORGANIZATION),
    (["Lefort", "Bank", "said", "so", ".", "Mr", "Bank", "left", "."], SpeakerKind.ORGANIZATION),
]


@pytest.mark.parametrize(("words", "kind"), HONOURED_CASES)
def test_a_name_the_text_calls_mr_is_a_person(words: list[str], kind: SpeakerKind) -> None:
    ents = ["B-ORG", "I-ORG"] + ["O"] * (len(words) - 2)
    idx = index(words, ents)
    entity = idx.entity_at(0)
    assert entity is not None and entity.kind is kind


# "the" and the last word of an organisation's name, a word for a kind of organisation or outlet, is that
# organisation (the one named last when several end so); a name of its own, or the word without "the", is not.
SHORT_FORM_CASES = [
    ("a New York Times article ran . The Times wrote so .", ["New York Times", "Times"], True),
    (
        "the Los Angeles Times and the Tampa Bay Times ran it . The Times wrote so .",
        ["Los Angeles Times", "Tampa Bay Times", "Times"],
        True,
    ),
    ("the Security Council met . The Council voted .", ["Security Council", "Council"], True),
    ("the Library of Congress opened . Congress voted .", ["Library of Congress", "Congress"], False),
    ("the Washington Post ran it . Times wrote so .", ["Washington Post", "Times"], False),
    ("the Washington Post ran it . The Times wrote so .", ["Washington Post", "Times"], False),
]


@pytest.mark.parametrize(("text", "orgs", "same"), SHORT_FORM_CASES)
def test_the_last_word_of_an_organisations_name_is_that_organisation(text: str, orgs: list[str], same: bool) -> None:
    words = text.split(" ")
    ents = ["O"] * len(words)
    starts = []
    at = 0
    for org in orgs:
        parts = org.split(" ")
        at = next(i for i in range(at, len(words)) if words[i : i + len(parts)] == parts)
        ents[at : at + len(parts)] = ["B-ORG"] + ["I-ORG"] * (len(parts) - 1)
        starts.append(at)
        at += len(parts)
    idx = index(words, ents)
    short, named = idx.entity_at(starts[-1]), idx.entity_at(starts[-2])
    assert short is not None and named is not None
    assert (short is named) is same


# (words, entity labels, the index of a later one-word mention, the name of its entity or None for a new person)
INNER_NAMES = [
    (
        ["Luiz", "Inacio", "Lula", "da", "Silva", "spoke", ".", "Lula", "said", "so", "."],
        ["B-PERSON", "I-PERSON", "I-PERSON", "I-PERSON", "I-PERSON", "O", "O", "B-PERSON", "O", "O", "O"],
        7,
        "Luiz Inacio Lula da Silva",
    ),
    # negative: two people hold the word inside their names
    (
        ["Ana", "Maria", "Costa", "Lima", "and", "Rui", "Maria", "Costa", "Neves", "spoke", ".", "Costa", "said", "."],
        [
            *("B-PERSON", "I-PERSON", "I-PERSON", "I-PERSON", "O"),
            *("B-PERSON", "I-PERSON", "I-PERSON", "I-PERSON"),
            *("O", "O", "B-PERSON", "O", "O"),
        ],
        11,
        None,
    ),
    # negative: a two-word name has no inside word (a first name is not taken for the person)
    (
        ["Tom", "Hale", "spoke", ".", "Tom", "said", "so", "."],
        ["B-PERSON", "I-PERSON", "O", "O", "B-PERSON", "O", "O", "O"],
        4,
        None,
    ),
]


@pytest.mark.parametrize(("words", "ents", "at", "name"), INNER_NAMES)
def test_a_word_inside_one_long_name_is_that_person(
    words: list[str], ents: list[str], at: int, name: str | None
) -> None:
    idx = index(words, ents)
    entity = idx.entity_at(at)
    assert entity is not None
    if name is None:
        assert len(entity.name.split()) == 1
    else:
        assert entity.name == name
