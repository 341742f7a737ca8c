"""A definite description that speaks goes on with the person just named (``Clinton ... The former first lady
said``): two-word titles, and posts held before, which conflict with no other title."""

from __future__ import annotations

import pytest
from spacy.language import Language

import quotebank
from quotebank.attribute.context import Context
from quotebank.attribute.descriptions import described_roles
from quotebank.lexicons import get_lexicon

# (text, the speaker of the quote or None for a role-only speaker)
CASES = [
    # a two-word title ("first lady" has no title word of its own), the person given no other title
    ("Jane Roe spoke in Ohio on Monday. The first lady said it was “a grave mistake” to wait.", "Jane Roe"),
    # a former post: the person's other posts do not conflict
    (
        "Jane Roe, the former secretary of labor, spoke in Ohio on Monday. "
        "The former first lady said it was “a grave mistake” to wait.",
        "Jane Roe",
    ),
    # negative: a current post the person does not hold
    (
        "Jane Roe, the secretary of labor, spoke in Ohio on Monday. "
        "The first lady said it was “a grave mistake” to wait.",
        None,
    ),
    # negative: another current title
    ("President Tom Hale spoke in Ohio on Monday. The prime minister said it was “a grave mistake” to wait.", None),
    # negative: the person named is no subject of the sentences before
    (
        "Voters in Ohio cheered Jane Roe on Monday. Then it rained. "
        "The former first lady said it was “a grave mistake” to wait.",
        None,
    ),
]


@pytest.mark.parametrize(("text", "speaker"), CASES)
def test_a_described_speaker_is_the_person_just_named(text: str, speaker: str | None) -> None:
    quotes = [q for q in quotebank.extract(text, indirect=False) if q.text.startswith("a grave")]
    assert len(quotes) == 1
    found = quotes[0].speaker
    if speaker is None:
        assert found is None or found.name not in ("Jane Roe", "Tom Hale")
    else:
        assert found is not None and found.name == speaker


# The roles a definite description gives back to the person last named as a subject: a subject inside an adverbial
# clause does not count when the main clause is about someone a definite title gives.
ROLE_CASES = [
    (
        "Jane Roe says too much is made of John Doe's posts. "
        "The vice presidential nominee was speaking on Friday, hours after Doe unleashed a flurry of posts. "
        "The Ohio governor said the media are to blame.",
        "Jane Roe",
    ),
    # negative: the main clause is about no one ("The question"): the subject inside the clause is who it means
    (
        "Jane Roe spoke on Friday. The question is why it took so long for John Doe to answer. "
        "The Ohio governor said the media are to blame.",
        "John Doe",
    ),
]


@pytest.mark.parametrize(("text", "holder"), ROLE_CASES)
def test_a_description_goes_back_to_what_the_sentence_is_about(nlp: Language, text: str, holder: str) -> None:
    ctx = Context(nlp(text), [], get_lexicon("en"), None)
    holders = [name for name, role, _ in described_roles(ctx) if role == "The Ohio governor"]
    assert holders == [holder]


# A definite description of an unnamed source is the one the text brought in before with "a" and the same noun.
UNNAMED_CASES = [
    (
        "The campaign released a new ad on Monday. “You work hard,” a narrator asks. The ad then shows a rally. "
        "“If he thinks that makes him smart,” the ad’s narrator says.",
        "a narrator",
    ),
    # negative: a name is part of the description
    (
        "“We will respond,” a spokesman for the Pentagon said on Monday. "
        "“We disagree with that,” the State Department’s spokesman said.",
        None,
    ),
    # negative: two sources with that noun before
    (
        "“We are ready,” a military source said on Monday. “We are not,” a police source said. "
        "“Nothing is settled yet,” the source added.",
        None,
    ),
]


@pytest.mark.parametrize(("text", "speaker"), UNNAMED_CASES)
def test_the_unnamed_source_brought_in_before(text: str, speaker: str | None) -> None:
    quotes = list(quotebank.extract(text, indirect=False))
    first, last = quotes[0].speaker, quotes[-1].speaker
    assert first is not None and last is not None
    if speaker is None:
        assert last.name != first.name and not last.name.lower().startswith(("a ", "an "))
    else:
        assert first.name == last.name == speaker


# "the" and a speech noun with no owner go on with the last mention of that noun, in its sentence or the two
# before, that had one.
RECORD_CASES = [
    (
        "In late September, a group of parents sent a letter to the school board. "
        "“We want our schools back,” the letter reads.",
        "a group of parents",
    ),
    (
        "Twenty years ago, a Boston Globe article praised the mayor. “The city has never looked better,” the article read.",
        "Boston Globe",
    ),
    # negative: the earlier mention has no owner either
    ("A report came out on Monday. “Prices will rise,” the report said.", "report"),
    # negative: too far back
    (
        "In late September, a group of parents sent a letter to the school board. The board met on Monday. "
        "It voted on Tuesday. Nothing changed. “We want our schools back,” the letter reads.",
        "letter",
    ),
]


@pytest.mark.parametrize(("text", "speaker"), RECORD_CASES)
def test_the_record_goes_on_with_its_owner(text: str, speaker: str) -> None:
    quotes = list(quotebank.extract(text, indirect=False))
    assert len(quotes) == 1 and quotes[0].speaker is not None
    assert quotes[0].speaker.name == speaker


# A description goes to the one holder of its title, unless both name different teams, places or bodies before it.
QUALIFIED = [
    ("City boss Maria Santos was unhappy. “We lost,” the City boss said.", "Maria Santos"),
    ("Iranian Foreign Minister Ali Reza spoke first. “We will respond,” Iran's foreign minister said.", "Ali Reza"),
    ("Foreign minister Ali Reza spoke first. “We will respond,” Iran's foreign minister said.", "Ali Reza"),
    # a determiner opening the sentence is no qualifier: the lede's judge is the judge named next
    (
        "A federal judge on Friday blocked the law, saying “We see an undue burden on voters.” "
        "In her ruling, U.S. District Judge Karen Hale wrote that the state had “no evidence” of fraud.",
        "Karen Hale",
    ),
    # negative: another team's boss is someone else
    ("City boss Maria Santos was unhappy. Rovers won. “We deserved it,” the Rovers boss said.", None),
]


@pytest.mark.parametrize(("text", "speaker"), QUALIFIED)
def test_a_description_of_another_team_is_someone_else(text: str, speaker: str | None) -> None:
    quote = next(q for q in quotebank.extract(text, indirect=False) if q.text.startswith("We"))
    assert quote.speaker is not None
    if speaker is None:
        assert "Santos" not in quote.speaker.name
    else:
        assert quote.speaker.name == speaker


def test_the_spokesman_is_never_a_named_speaker_without_a_role() -> None:
    # "the country's outgoing prime minister" may be the one named speaker with no role; a spokesman stays unnamed
    text = (
        "A Downing Street spokesman said the resignation was accepted. Asked about an inquiry, the spokesman said: "
        "“That is a matter for the commissioner.”\n\nLater, Jane Roe said: “Fine.”"
    )
    quote = next(q for q in quotebank.extract(text, indirect=False) if q.text.startswith("That"))
    assert quote.speaker is not None and "Roe" not in quote.speaker.name
