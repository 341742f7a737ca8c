"""Reported speech in requests, naming and nominal frames (kind=INDIRECT)."""

from __future__ import annotations

import pytest
import spacy
from reported import assert_one_report, indirect
from spacy.tokens import Doc

from quotebank.indirect import content_span
from quotebank.lexicons import get_lexicon

# (text, the reported content, a word of the speaker's name)
CASES = [
    # "on" read as a particle still introduces the addressee of the request.
    ("The union has called on police to release the footage.", "police to release the footage", "union"),
    # A gerund object of "called for" is an action asked for, even when its verb is also a speech noun.
    ("The chairman called for releasing the documents.", "releasing the documents", "chairman"),
    # The date the parser took for the verb's object is when it was said, not what.
    ("Senator Warren called Friday for releasing the full report.", "releasing the full report", "Warren"),
    # A naming predicate keeps the phrase the parser hung on the verb after it ...
    (
        "Her business partner called him a master at closing impossible deals.",
        "him a master at closing impossible deals",
        "partner",
    ),
    # ... but not the setting hung on the predicate.
    ("The coach called her a liar at a news conference in Denver.", "her a liar", "coach"),
    # A gerund coordinated with the reporting verb is a second thing mentioned.
    (
        "The senator has mentioned raising the gas tax and forcing airlines to refund canceled flights.",
        "raising the gas tax and forcing airlines to refund canceled flights",
        "senator",
    ),
    # The parser makes a gerund object an open complement.
    (
        "The chief executive has often cited improving customer service as a top priority.",
        "improving customer service as a top priority",
        "executive",
    ),
    (
        "The senator admitted using campaign funds for family travel.",
        "using campaign funds for family travel",
        "senator",
    ),
    # "point to" takes what was pointed to.
    (
        "The governor pointed to the rising cost of housing as evidence of the policy's failure.",
        "the rising cost of housing as evidence of the policy's failure",
        "governor",
    ),
    # Passive naming: the agent speaks, the predicate is what was said.
    ("The plan was called a giveaway to developers by critics.", "a giveaway to developers", "critics"),
]


@pytest.mark.parametrize(("text", "content", "name"), CASES)
def test_reported_content_and_speaker(text: str, content: str, name: str) -> None:
    assert_one_report(text, content, name)


NOT_SPEECH = [
    # Calling on someone with no request is a visit.
    "The plumber called on the neighbors before lunch.",
    # A passive naming without an agent has no speaker.
    "He was called a liar.",
    # Nothing asked for.
    "Senator Warren called Friday.",
]


@pytest.mark.parametrize("text", NOT_SPEECH)
def test_frames_without_content_or_speaker_report_nothing(text: str) -> None:
    assert indirect(text) == []


def test_a_reporting_gerund_beside_the_verb_is_a_report_of_its_own() -> None:
    found = indirect("The senator was touting her record on wages and saying the governor lacks a plan.")
    assert [q.text for q in found] == ["her record on wages", "the governor lacks a plan"]


# Rule logic on hand-built parses, so that it does not depend on the statistical model.
_LEMMAS = {"cited": "cite", "mentioned": "mention", "remarks": "remark", "raising": "raise", "cutting": "cut"}


def _doc(words: list[str], heads: list[int], deps: list[str], pos: list[str], tags: list[str] | None = None) -> Doc:
    lemmas = [_LEMMAS.get(w, w.lower()) for w in words]
    return Doc(spacy.blank("en").vocab, words=words, heads=heads, deps=deps, pos=pos, tags=tags, lemmas=lemmas)


def test_the_addressee_under_a_particle() -> None:
    doc = _doc(
        ["Unions", "call", "on", "police", "to", "act", "."],
        [1, 1, 1, 2, 5, 1, 1],
        ["nsubj", "ROOT", "prt", "pobj", "aux", "xcomp", "punct"],
        ["NOUN", "VERB", "ADP", "NOUN", "PART", "VERB", "PUNCT"],
    )
    span = content_span(doc[1], get_lexicon("en"))
    assert span is not None and span.text == "police to act"


def test_a_request_ends_at_a_dash() -> None:
    doc = _doc(
        ["Aides", "call", "on", "Congress", "to", "act", "--", "a", "step", "few", "expect", "."],
        [1, 1, 1, 2, 5, 1, 5, 8, 5, 10, 8, 1],
        ["nsubj", "ROOT", "prep", "pobj", "aux", "xcomp", "punct", "det", "appos", "nsubj", "relcl", "punct"],
        ["NOUN", "VERB", "ADP", "PROPN", "PART", "VERB", "PUNCT", "DET", "NOUN", "ADJ", "VERB", "PUNCT"],
    )
    span = content_span(doc[1], get_lexicon("en"))
    assert span is not None and span.text == "Congress to act"


def test_nominal_content_runs_on_over_a_sentence_break_without_punctuation() -> None:
    # The parser ended the first sentence after "remarks", in the middle of the line.
    doc = _doc(
        ["She", "cited", "rude", "remarks", "he", "had", "made", "about", "her", "as", "examples", "."],
        [1, 1, 3, 1, 6, 6, 6, 6, 7, 6, 9, 6],
        ["nsubj", "ROOT", "amod", "dobj", "nsubj", "aux", "ROOT", "prep", "pobj", "prep", "pobj", "punct"],
        ["PRON", "VERB", "ADJ", "NOUN", "PRON", "AUX", "VERB", "ADP", "PRON", "ADP", "NOUN", "PUNCT"],
    )
    assert len(list(doc.sents)) == 2
    span = content_span(doc[1], get_lexicon("en"))
    assert span is not None and span.text == "rude remarks he had made about her as examples"


def test_a_sentence_that_ends_with_punctuation_is_not_run_on() -> None:
    doc = _doc(
        ["She", "cited", "rude", "remarks", ".", "He", "had", "made", "them", "."],
        [1, 1, 3, 1, 1, 7, 7, 7, 7, 7],
        ["nsubj", "ROOT", "amod", "dobj", "punct", "nsubj", "aux", "ROOT", "dobj", "punct"],
        ["PRON", "VERB", "ADJ", "NOUN", "PUNCT", "PRON", "AUX", "VERB", "PRON", "PUNCT"],
    )
    span = content_span(doc[1], get_lexicon("en"))
    assert span is not None and span.text == "rude remarks"


def test_a_finite_conjunct_ends_the_nominal_content() -> None:
    words = ["She", "mentioned", "raising", "taxes", "and", "cutting", "fees", "."]
    heads = [1, 1, 1, 2, 1, 1, 5, 1]
    deps = ["nsubj", "ROOT", "xcomp", "dobj", "cc", "conj", "dobj", "punct"]
    pos = ["PRON", "VERB", "VERB", "NOUN", "CCONJ", "VERB", "NOUN", "PUNCT"]
    gerund = _doc(words, heads, deps, pos, ["PRP", "VBD", "VBG", "NNS", "CC", "VBG", "NNS", "."])
    span = content_span(gerund[1], get_lexicon("en"))
    assert span is not None and span.text == "raising taxes and cutting fees"
    finite = _doc(words, heads, deps, pos, ["PRP", "VBD", "VBG", "NNS", "CC", "VBD", "NNS", "."])
    span = content_span(finite[1], get_lexicon("en"))
    assert span is not None and span.text == "raising taxes"
