"""A person's name in a headline: title case makes the recogniser take a word next to the name for part of it.

Docs are built by hand (entity labels set as a recogniser might); the first line is the headline when an article
follows it.
"""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc

from quotebank.coref import EntityIndex
from quotebank.lexicons import get_lexicon

LEXICON = get_lexicon("en")


def index(text: str, people: list[str]) -> EntityIndex:
    """``text`` split on spaces (``\\n`` a token of its own); each of ``people`` labelled PERSON where it occurs."""
    words = text.split(" ")
    ents = ["O"] * len(words)
    for person in people:
        parts = person.split(" ")
        for i in range(len(words) - len(parts) + 1):
            if words[i : i + len(parts)] == parts and all(e == "O" for e in ents[i : i + len(parts)]):
                ents[i : i + len(parts)] = ["B-PERSON"] + ["I-PERSON"] * (len(parts) - 1)
                break
    return EntityIndex(Doc(spacy.blank("en").vocab, words=words, ents=ents), LEXICON)


# (text, people as the recogniser labels them in order, the name of the entity of the first one)
CASES = [
    # an adjective opening the headline, which the article never writes before the surname
    ("Derelict Obama and Clinton ; \n President Obama spoke .", ["Derelict Obama", "Clinton", "Obama"], "Obama"),
    # a headline's speech verb
    ("Obama Says Museum Will Open \n President Obama spoke .", ["Obama Says", "Obama"], "Obama"),
    ("Sanders Warns Of Cuts \n Bernie Sanders spoke .", ["Sanders Warns", "Bernie Sanders"], "Bernie Sanders"),
    # a headline verb the article never writes as a name; the full name comes later
    ("Clinton Breaks With Party \n Hillary Clinton spoke .", ["Clinton Breaks", "Hillary Clinton"], "Hillary Clinton"),
    # negative: a common first name stays, though the article writes only the surname
    ("Hillary Clinton Wins Debate \n Mrs. Clinton spoke .", ["Hillary Clinton", "Clinton"], "Hillary Clinton"),
    # negative: the article writes the whole name
    ("Keir Starmer Visits Paris \n Keir Starmer spoke .", ["Keir Starmer", "Keir Starmer"], "Keir Starmer"),
    # negative: no name of the headline in the article (the headline is all the text has)
    ("Ingrid Vasko Wins \n The prize went abroad .", ["Ingrid Vasko"], "Ingrid Vasko"),
    # negative: a name opening a sentence of the article, not its headline
    ("Budget Passes \n Keir Starmer spoke . Starmer left .", ["Keir Starmer", "Starmer"], "Keir Starmer"),
    # negative: a first line in sentence case is the article's first sentence, not a headline
    ("Keir Starmer visited Paris on Monday . \n Starmer spoke .", ["Keir Starmer", "Starmer"], "Keir Starmer"),
    # negative: a one-line text has no headline
    ("Derelict Obama spoke .", ["Derelict Obama"], "Derelict Obama"),
    # negative: "Said" is a surname as well as a verb
    ("Edward Said wrote . \n Said spoke .", ["Edward Said", "Said"], "Edward Said"),
]


@pytest.mark.parametrize(("text", "people", "name"), CASES)
def test_a_headline_name_is_what_the_article_writes(text: str, people: list[str], name: str) -> None:
    idx = index(text, people)
    words, first = text.split(" "), people[0].split(" ")
    at = next(i for i in range(len(words)) if words[i : i + len(first)] == first)
    names = {e.name for i in range(at, at + len(first)) if (e := idx.entity_at(i)) is not None}
    assert names == {name}


def test_the_word_dropped_is_no_role() -> None:
    idx = index("Derelict Obama and Clinton ; \n President Obama spoke .", ["Derelict Obama", "Clinton", "Obama"])
    obama = idx.entity_at(1)
    assert obama is not None and all("Derelict" not in r for r in obama.roles)
    assert idx.entity_at(7) is obama


def test_a_speech_verb_after_a_headline_name_is_not_mapped_to_the_person() -> None:
    idx = index("Obama Says Museum Will Open \n President Obama spoke .", ["Obama Says", "Obama"])
    assert idx.entity_at(0) is idx.entity_at(7)
    assert idx.entity_at(1) is None


def org_index(words: list[str], orgs: list[int]) -> EntityIndex:
    """A Doc of ``words`` (each followed by a space, ``\\n`` ending a line) with one-word ORG labels at ``orgs``."""
    spaces = [w != "\n" for w in words]
    ents = ["B-ORG" if i in orgs else "O" for i in range(len(words))]
    return EntityIndex(Doc(spacy.blank("en").vocab, words=words, spaces=spaces, ents=ents), LEXICON)


# (words, ORG labels, the organisations indexed)
HEADLINE_ORGS = [
    # a description opening the headline, never written again
    (["Chipmaker", "warns", "of", "weaker", "sales", "\n", "Acme", "cut", "its", "forecast", "."], [0, 6], ["Acme"]),
    # negative: the name comes back in the article
    (["Apple", "warns", "of", "weaker", "sales", "\n", "Apple", "cut", "its", "forecast", "."], [0, 6], ["Apple"]),
    # negative: a first line that is a sentence, not a headline
    (["Chipmaker", "warned", "on", "Monday", ".", "\n", "Sales", "fell", "."], [0], ["Chipmaker"]),
]


@pytest.mark.parametrize(("words", "orgs", "expected"), HEADLINE_ORGS)
def test_a_word_opening_the_headline_and_never_written_again_is_no_organisation(
    words: list[str], orgs: list[int], expected: list[str]
) -> None:
    assert [e.name for e in org_index(words, orgs).entities] == expected
