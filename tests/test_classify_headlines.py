"""Words a headline sets in single marks, and titles (inside reported speech, with numbers): not quotes."""

from __future__ import annotations

import pytest
from spacy.language import Language

import quotebank
from quotebank.classify import classify_kinds, headline_end, headline_words
from quotebank.detect import find_quotations
from quotebank.lexicons import get_lexicon
from quotebank.model import QuoteKind


@pytest.mark.parametrize(
    ("text", "words", "expected"),
    [
        # words in single marks built into the headline's own clause: the editor's summary, Title Cased or cut
        (
            "Black Lawmakers Rip Mayor As A ‘Disgusting Fraud.’\n\nThe critics spoke on Friday.",
            "Disgusting Fraud.",
            True,
        ),
        ("Senator to Bank Chief: ‘You Should Be Investigated.’\n\nThe senator grilled him.", "You Should Be", True),
        ("Governor says plan 'absolutely right'\n\nThe governor spoke on Friday.", "absolutely right", True),
        # negative cases: a headline that is the quote alone, a quote with its cue, no article after the line
        ("‘No-one can define new hunt ban’\n\nThe new law is poorly drafted, MPs say.", "No-one can", False),
        ("‘We will win,’ she said.\n\nThe vote is on Monday.", "We will win,", False),
        ("Mayor calls plan ‘a disaster’", "a disaster", False),
        # double marks are not the headline style; single marks in the body are a quote (British style)
        ("Mayor calls plan “a disaster”\n\nThe mayor spoke on Friday.", "a disaster", False),
        ("Mayor Speaks Out\n\nThe minister called the plan 'a disaster' on Monday.", "a disaster", False),
        # a first paragraph too long for a headline is the lede
        (
            "The minister, who spoke to reporters for almost an hour on Monday after a long and difficult cabinet "
            "meeting in the capital, called the plan 'a disaster' for the region.\n\nMore followed.",
            "a disaster",
            False,
        ),
    ],
)
def test_headline_words(text: str, words: str, expected: bool) -> None:
    (quote,) = [q for q in find_quotations(text)[0] if text[q.start : q.end].startswith(words)]
    assert headline_words(text, quote.start, quote.end, quote.marks) is expected


@pytest.mark.parametrize(
    ("text", "end"),
    [
        ("Mayor Calls Plan ‘A Disaster’\n\nThe mayor said so.", 29),
        ("Mayor Calls Plan ‘A Disaster’\n\n  ", -1),  # no article follows
        ("Partial transcript as follows:\n\nWALLACE: Hello.", -1),  # a line that introduces what follows
        ("Only one line.", -1),
    ],
)
def test_headline_end(text: str, end: int) -> None:
    assert headline_end(text) == end


def test_the_headline_clause_is_returned_once(nlp: Language) -> None:
    text = "Governor says plan 'absolutely right'\n\nThe governor spoke on Friday."
    quotes = quotebank.extract(text, nlp=nlp, include_scare=True)
    assert [(q.kind, q.text) for q in quotes] == [
        (QuoteKind.INDIRECT, "plan 'absolutely right'"),
        (QuoteKind.SCARE, "absolutely right"),
    ]


def test_headline_words_with_no_clause_found_are_the_report(nlp: Language) -> None:
    # no headline clause holds them: the fragment is all there is of the report, and stays
    text = "Mayor Speaks ‘Directly To Voters’ After Shooting\n\nThe mayor spoke on Friday."
    assert [(q.kind, q.text) for q in quotebank.extract(text, nlp=nlp)] == [(QuoteKind.PARTIAL, "Directly To Voters")]


@pytest.mark.parametrize(
    ("text", "title"),
    [
        (
            "She stressed her record during a “Commander-in-Chief Forum” sponsored by NBC News and said she was ready.",
            "Commander-in-Chief Forum",
        ),
        ("He said the talks could produce a bipartisan “Grand Bargain” on taxes.", "Grand Bargain"),
    ],
)
def test_a_title_inside_reported_speech_stays_a_name(nlp: Language, text: str, title: str) -> None:
    quotes = quotebank.extract(text, nlp=nlp, include_scare=True)
    assert [q.kind for q in quotes if q.text == title] == [QuoteKind.SCARE]
    # the clause around the title is reported speech, with the title inside it
    assert any(q.kind is QuoteKind.INDIRECT and title in q.text for q in quotes)


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        # negative cases: marked words in a reported clause that are no title stay the speaker's words
        ("Obama said the words “lump” the good Muslims with the bad.", "lump"),
        ("The mayor said the council was “completely out of touch” with voters.", "completely out of touch"),
    ],
)
def test_words_inside_reported_speech_stay_partial(nlp: Language, text: str, fragment: str) -> None:
    quotes = quotebank.extract(text, nlp=nlp)
    assert [q.kind for q in quotes if q.text == fragment] == [QuoteKind.PARTIAL]


def kinds(nlp: Language, text: str) -> list[QuoteKind]:
    with nlp.select_pipes(disable=["quotebank"]):
        doc = nlp(text)
    raws, _ = find_quotations(text)
    return classify_kinds(doc, raws, get_lexicon("en"), text=text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a number between the determiner and the title, as an adjective would be
        ("He said the party ran on its 1994 “Contract with America” that year.", QuoteKind.SCARE),
        # a title with a numeral (a word that starts with a digit has no case)
        ("The director said her new documentary “13th” explores the prison system.", QuoteKind.SCARE),
        # negative cases: numbers and counts someone gave are their words
        ("He said there were “3,210 shooting victims” this year.", QuoteKind.PARTIAL),
        ("Officials said “80 soldiers” were killed.", QuoteKind.PARTIAL),
        ("He said the plan would cost “1,000” jobs.", QuoteKind.PARTIAL),
        ("He said his 2 “very good” friends would come.", QuoteKind.PARTIAL),
    ],
)
def test_titles_with_numbers(nlp: Language, text: str, expected: QuoteKind) -> None:
    assert kinds(nlp, text)[0] is expected
