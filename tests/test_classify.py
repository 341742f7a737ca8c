"""Quote kinds where one sentence or one document holds many quotes: the same answers, read once per sentence."""

from __future__ import annotations

import pytest
from spacy.language import Language

from quotebank.classify import classify_kinds, sentence_has_cue
from quotebank.detect import find_quotations
from quotebank.lexicons import get_lexicon
from quotebank.model import QuoteKind


def kinds(nlp: Language, text: str) -> list[QuoteKind]:
    with nlp.select_pipes(disable=["quotebank"]):
        doc = nlp(text)
    raws, _ = find_quotations(text)
    return classify_kinds(doc, raws, get_lexicon("en"), text=text)


def test_every_short_quote_of_a_long_document_keeps_its_cue(nlp: Language) -> None:
    text = "\n\n".join(f"“Point {i},” she said." for i in range(60))
    assert kinds(nlp, text) == [QuoteKind.DIRECT] * 60


def test_sentence_has_cue_skips_only_the_excluded_ranges(nlp: Language) -> None:
    text = "The “new plan” was said to work."
    with nlp.select_pipes(disable=["quotebank"]):
        doc = nlp(text)
    span = doc.char_span(5, 13)
    assert span is not None
    said = text.index("said")
    assert sentence_has_cue(doc, span, get_lexicon("en"), [(5, 13)])
    assert not sentence_has_cue(doc, span, get_lexicon("en"), [(5, 13), (said - 1, said + 4)])
    assert not sentence_has_cue(doc, span, get_lexicon("en"), [(0, said), (said - 2, said + 6)])


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the title of a work after its noun, with a comma between
        ("In his 2009 book, “Raise Your Own Chickens,” Mr. Dole suggested saving more.", QuoteKind.SCARE),
        ("She ended her set with the old hymn, “Rock of Ages,” and thanked the crowd.", QuoteKind.SCARE),
        # a name after a determiner (and adjectives), in a sentence that reports speech elsewhere
        ("He said a bipartisan “Grand Compromise” was possible.", QuoteKind.SCARE),
        ("She spoke during a “Town Hall Forum” and said she would win.", QuoteKind.SCARE),
        # a Title Case paragraph of its own is a section heading
        ("The mayor spoke first.\n\n‘Nothing Left to Lose.’\n\nThe vote came at noon.", QuoteKind.SCARE),
        # negative cases: speech stays speech
        ("He said, “We Will Win.”", QuoteKind.DIRECT),
        ("The governor told the crowd, “Thank You, Ohio,” and left.", QuoteKind.DIRECT),
        ("She called the plan a “disaster for the middle class,” aides said.", QuoteKind.PARTIAL),
        (
            "The mayor spoke first.\n\n“We will not lose this vote,” he said.\n\nThe vote came at noon.",
            QuoteKind.DIRECT,
        ),
    ],
)
def test_titles_and_headings_are_not_speech(nlp: Language, text: str, expected: QuoteKind) -> None:
    assert kinds(nlp, text)[0] is expected
