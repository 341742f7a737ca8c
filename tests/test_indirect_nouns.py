"""Reported speech carried by speech nouns (``the judge's conclusion that ...``) and by headlines."""

from __future__ import annotations

import pytest
from reported import assert_one_report, indirect

import quotebank
from quotebank.model import QuoteKind

# (text, the reported content, a word of the speaker's name)
NOUN_CASES = [
    # Speech and finding nouns with an owner and a that-clause.
    (
        "The senator's acknowledgment that the bill would raise premiums surprised her colleagues.",
        "the bill would raise premiums",
        "senator",
    ),
    (
        "The judge's conclusion that the statute was unconstitutional drew sharp criticism from prosecutors.",
        "the statute was unconstitutional",
        "judge",
    ),
    (
        "Representative Maria Ortiz's admission that she had misused campaign funds ended her bid for reelection.",
        "she had misused campaign funds",
        "Ortiz",
    ),
    # A that-clause the parser read as a relative clause; an outlet whose name ends in a speech noun still owns.
    (
        "Hillary Clinton is seizing upon a Washington Post report that Donald Trump had a loss of more than "
        "$500 million in 1992.",
        "Donald Trump had a loss of more than $500 million in 1992",
        "Washington Post",
    ),
    # "his" owns the claim as "he" would.
    (
        "Governor Tom Hale defended his claim that the state budget was balanced.",
        "the state budget was balanced",
        "Hale",
    ),
    # The topic of remarks: a noun phrase, or a gerund clause with its own subject.
    (
        "The company's statement about the recall of its baby strollers came late on Friday.",
        "the recall of its baby strollers",
        "company",
    ),
    (
        "Senator Tom Hale apologized on Friday. His remark about immigrants taking American jobs had drawn "
        "criticism for days.",
        "immigrants taking American jobs",
        "Hale",
    ),
]

HEADLINE_CASES = [
    # "X on TOPIC:" and "X to ADDRESSEE:": the speaker comes first.
    (
        "Biden on Inflation: The Worst Is Behind Us.\n\nPresident Joe Biden spoke to reporters on Monday.",
        "The Worst Is Behind Us",
        "Joe Biden",
    ),
    # A verb the tagger took for a noun, with the source before it (after a comma) and a name it ran on into it.
    (
        "Facing Protests, Merkel Vows To Keep Borders Open To Refugees.\n\n"
        "German Chancellor Angela Merkel spoke on Sunday.",
        "To Keep Borders Open To Refugees",
        "Merkel",
    ),
    (
        "Democrats Rip Treasury Plan As A ‘Giveaway’ To Wall Street.\n\nHouse Democrats met on Tuesday.",
        "Treasury Plan As A ‘Giveaway’ To Wall Street",
        "Democrats",
    ),
]


@pytest.mark.parametrize(("text", "content", "name"), NOUN_CASES + HEADLINE_CASES)
def test_reported_content_and_speaker(text: str, content: str, name: str) -> None:
    q = assert_one_report(text, content, name)
    assert q.cue is not None


def test_a_single_quoted_fragment_stays_inside_the_headline_clause() -> None:
    # The headline's clause is the report, returned once: the fragment is not a quote of its own as well (the
    # headline's words; the article quotes them again). It stays on the Doc as a scare quote.
    text = "Democrats Rip Treasury Plan As A ‘Giveaway’ To Wall Street.\n\nHouse Democrats met on Tuesday."
    quotes = quotebank.extract(text, include_scare=True)
    assert [(q.kind, q.text) for q in quotes] == [
        (QuoteKind.INDIRECT, "Treasury Plan As A ‘Giveaway’ To Wall Street"),
        (QuoteKind.SCARE, "Giveaway"),
    ]


NOT_REPORTED = [
    # A speech given on an occasion: the anniversary is when, not what.
    "Senator Hale gave a speech on the anniversary of the march in Selma.",
    "Mr. Hale made his comments on Tuesday.",
    # A relative clause that says who made the claim is not what was claimed.
    "Governor Hale's claim that he made on Monday was quickly retracted.",
    # Headlines: a topic before the colon, a verb that is not speech, a person endorsed.
    "A Curious Plan to Fight Inflation: Buy Bonds, Sell Stocks.\n\nThe plan was published on Monday.",
    "Obama Signs Budget Bill Into Law.\n\nPresident Barack Obama signed the bill on Friday.",
    "Cruz Endorses Trump.\n\nSen. Ted Cruz endorsed Donald Trump on Friday.",
    "Hale Rallies Supporters In Ohio.\n\nSenator Tom Hale spoke in Columbus on Sunday.",
]


@pytest.mark.parametrize("text", NOT_REPORTED)
def test_occasions_relative_clauses_and_other_headlines_are_not_reports(text: str) -> None:
    assert indirect(text) == []
