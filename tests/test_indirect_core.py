"""Reported speech of the core reporting verbs where the parser slips (kind=INDIRECT)."""

from __future__ import annotations

import pytest
import spacy
from reported import assert_one_report, indirect
from spacy.tokens import Doc

import quotebank
from quotebank.indirect import content_span
from quotebank.model import QuoteKind

# (text, the reported content, a word of the speaker's name)
CASES = [
    # The parser takes the subject of a subjectless clause for the reporting verb's object.
    (
        "The union has said part-time workers and contractors - cleaners, porters, cooks and drivers - would "
        "receive the same raise under the new agreement.",
        "part-time workers and contractors - cleaners, porters, cooks and drivers - would receive the same raise "
        "under the new agreement",
        "union",
    ),
    (
        "The ministry has said small farms and cooperatives - dairy, arable, organic and mixed - would qualify for "
        "the grants under the revised scheme.",
        "small farms and cooperatives - dairy, arable, organic and mixed - would qualify for the grants under the "
        "revised scheme",
        "ministry",
    ),
    # A "because" clause the parser hangs on the reporting verb, right after the content, is the speaker's reason.
    (
        "The senator said the ruling smacked of hypocrisy, because the court had blocked the same kind of appeal "
        "in 2019.",
        "the ruling smacked of hypocrisy, because the court had blocked the same kind of appeal in 2019",
        "senator",
    ),
    # A closing ", but" phrase qualifies what was called for.
    (
        "Labour has called for scrapping the tax on pensions, but on a much slower timetable.",
        "scrapping the tax on pensions, but on a much slower timetable",
        "Labour",
    ),
    (
        "The council called for a ban on diesel cars, but in the city centre only.",
        "a ban on diesel cars, but in the city centre only",
        "council",
    ),
    # A fronted condition, or a present-tense "when" before a past reporting verb, belongs to the content.
    (
        "If re-elected, the mayor said he would freeze council tax for two years.",
        "If re-elected, the mayor said he would freeze council tax for two years",
        "mayor",
    ),
    (
        "Unless the board approves the loan, the company said it will close the plant in March.",
        "Unless the board approves the loan, the company said it will close the plant in March",
        "company",
    ),
    # A past "when" clause is when it was said.
    (
        "When he arrived at the scene, the officer said the building was already empty.",
        "the building was already empty",
        "officer",
    ),
    # "charges" tagged as a plural noun heading the sentence, after a name the article knows.
    (
        "Donald Trump toured a steel mill in Ohio on Monday. Trump charges that the plant lost its orders because "
        "of a bad trade deal.",
        "the plant lost its orders because of a bad trade deal",
        "Trump",
    ),
    # A term marked after "so-called" is no one's words: the clause stays reported speech.
    (
        'The chancellor has called for taxing so-called "carried interest" at the same rate as ordinary income.',
        'taxing so-called "carried interest" at the same rate as ordinary income',
        "chancellor",
    ),
    (
        'The regulator said it would examine so-called "buy now, pay later" loans more closely next year.',
        'it would examine so-called "buy now, pay later" loans more closely next year',
        "regulator",
    ),
]


@pytest.mark.parametrize(("text", "content", "name"), CASES)
def test_reported_content_and_speaker(text: str, content: str, name: str) -> None:
    assert_one_report(text, content, name)


def test_a_term_after_so_called_is_not_a_partial_quote() -> None:
    quotes = quotebank.extract(
        'The chancellor has called for taxing so-called "carried interest" at the same rate as ordinary income.'
    )
    assert [q.kind for q in quotes] == [QuoteKind.INDIRECT]


def test_words_of_the_speaker_still_make_a_mixed_quote() -> None:
    quotes = quotebank.extract("The senator said the plan would “gut” rural hospitals.")
    assert [q.kind for q in quotes] == [QuoteKind.PARTIAL]
    assert quotes[0].reported is not None and quotes[0].reported.text == "the plan would “gut” rural hospitals"


NOT_SPEECH = [
    # "charges" that heads no sentence is a noun: the relative clause is not what anyone charged.
    "Paul Manafort was indicted last year. Manafort charges that prosecutors filed in October were later dropped.",
    # No clause to give a reason for.
    "She said nothing because she was tired.",
    # A term in a sentence that reports nothing.
    'The so-called "pass-through" income is taxed at a lower rate than wages.',
    # Negated and hypothetical reports stay out, qualifier and fronted condition or not.
    "Labour did not call for scrapping the tax, but on a slower timetable.",
    "If the board had approved the loan, the company would have said it would keep the plant open.",
]


@pytest.mark.parametrize("text", NOT_SPEECH)
def test_not_reported_speech(text: str) -> None:
    assert indirect(text) == []


@pytest.mark.parametrize("language", ["en", "xx"])
def test_content_without_a_lexicon_reads_the_english_word_classes_whatever_the_doc_language(language: str) -> None:
    # The word classes are lexicon data now; a rule given no lexicon still knows "that" opens the clause, and
    # does not look one up by the Doc's language (a multilingual pipeline has no lexicon of its own).
    words = ["He", "said", "that", "troops", "would", "leave", "."]
    deps = ["nsubj", "ROOT", "mark", "nsubj", "aux", "ccomp", "punct"]
    doc = Doc(spacy.blank(language).vocab, words=words, heads=[1, 1, 5, 5, 5, 1, 1], deps=deps)
    span = content_span(doc[1])
    assert span is not None and span.text == "troops would leave"
