"""Quote kinds where one sentence or one document holds many quotes: the same answers, read once per sentence."""

from __future__ import annotations

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
