"""Reported speech in requests, promises, agreements and questions put to a speaker (kind=INDIRECT)."""

from __future__ import annotations

import pytest
import spacy
from reported import assert_one_report, indirect
from spacy.tokens import Doc

from quotebank.indirect import content_span
from quotebank.lexicons import get_lexicon

# (text, the reported content, a word of the speaker's name)
CASES = [
    # A finite verb after the request is what the speaker did next, not more of what was agreed.
    ("The chairman agreed to step down and left the building.", "to step down", "chairman"),
    ("The senator vowed to fight the closure and won the vote a week later.", "to fight the closure", "senator"),
    # A second "that" clause is more of the same report, even when its verb ("add") can report speech.
    (
        "Analysts agreed that the plan would raise revenue but that it would add new paperwork for small firms.",
        "the plan would raise revenue but that it would add new paperwork for small firms",
        "Analysts",
    ),
]


@pytest.mark.parametrize(("text", "content", "name"), CASES)
def test_reported_content_and_speaker(text: str, content: str, name: str) -> None:
    assert_one_report(text, content, name)


# (text, the question put to the speaker)
QUESTIONS = [
    (
        "Asked to explain the delay in the audit, Moreno said the auditors needed more time.",
        "to explain the delay in the audit",
    ),
    ("Asked whether she would run again, the senator said she had not decided.", "she would run again"),
]


@pytest.mark.parametrize(("text", "question"), QUESTIONS)
def test_a_question_put_to_the_speaker_is_reported_with_no_speaker(text: str, question: str) -> None:
    found = {q.text: q for q in indirect(text)}
    assert question in found
    # The one asked answers; the one who asked goes unnamed.
    assert found[question].speaker is None
    answers = [q for q in found.values() if q.text != question]
    assert answers and all(q.speaker is not None for q in answers)


def test_a_question_asked_by_a_named_party_is_theirs() -> None:
    found = indirect("When asked by reporters whether he would resign, the mayor said no.")
    assert [(q.text, q.speaker and q.speaker.name) for q in found] == [("he would resign", "reporters")]


NOT_SPEECH = [
    # A question that may never be put.
    "If asked to testify, the auditor would refuse.",
    "Unless asked about the merger, the chief executive will not discuss it.",
    # A negated and a questioned demand.
    "The senator did not demand the agency release the files.",
    "Will the senator demand the agency release the files?",
]


@pytest.mark.parametrize("text", NOT_SPEECH)
def test_hypothetical_negated_or_questioned_requests_report_nothing(text: str) -> None:
    assert indirect(text) == []


# Rule logic on hand-built parses, so that it does not depend on the statistical model.
_LEMMAS = {"demanding": "demand", "told": "tell", "agreed": "agree", "agree": "agree", "left": "leave"}


def _doc(words: list[str], heads: list[int], deps: list[str], tags: list[str]) -> Doc:
    pos = [
        {"VB": "VERB", "VBP": "VERB", "VBD": "VERB", "VBG": "VERB", "TO": "PART", "CC": "CCONJ"}.get(t, "NOUN")
        for t in tags
    ]
    pos = ["PUNCT" if w == "." else p for w, p in zip(words, pos, strict=True)]
    lemmas = [_LEMMAS.get(w, w.lower()) for w in words]
    return Doc(spacy.blank("en").vocab, words=words, heads=heads, deps=deps, pos=pos, tags=tags, lemmas=lemmas)


def test_the_object_before_a_subjunctive_clause_is_its_subject() -> None:
    # The parser makes "Obama" the object of "demanding" and leaves "make" without a subject.
    words = ["Trump", "is", "demanding", "President", "Obama", "make", "a", "pledge", "."]
    heads = [2, 2, 2, 4, 2, 2, 7, 5, 2]
    deps = ["nsubj", "aux", "ROOT", "compound", "dobj", "ccomp", "det", "dobj", "punct"]
    tags = ["NNP", "VBZ", "VBG", "NNP", "NNP", "VBP", "DT", "NN", "."]
    doc = _doc(words, heads, deps, tags)
    span = content_span(doc[2], get_lexicon("en"))
    assert span is not None and span.text == "President Obama make a pledge"


def test_the_addressee_of_a_telling_is_not_the_clause_subject() -> None:
    words = ["She", "told", "the", "crowd", "would", "be", "safe", "."]
    heads = [1, 1, 3, 1, 5, 1, 5, 1]
    deps = ["nsubj", "ROOT", "det", "dobj", "aux", "ccomp", "acomp", "punct"]
    tags = ["PRP", "VBD", "DT", "NN", "MD", "VB", "JJ", "."]
    doc = _doc(words, heads, deps, tags)
    span = content_span(doc[1], get_lexicon("en"))
    assert span is not None and span.text == "would be safe"


def _agreed(verb_tag: str, second: str, second_tag: str) -> Doc:
    # The parser hangs the second verb on "agreed", not on the first infinitive.
    words = ["Countries", "agreed", "to", "share", "a", "currency", "and", second, "on", "allies", "."]
    heads = [1, 1, 3, 1, 5, 3, 1, 1, 7, 8, 1]
    deps = ["nsubj", "ROOT", "aux", "xcomp", "det", "dobj", "cc", "conj", "prep", "pobj", "punct"]
    tags = ["NNS", verb_tag, "TO", "VB", "DT", "NN", "CC", second_tag, "IN", "NNS", "."]
    return _doc(words, heads, deps, tags)


def test_a_bare_infinitive_coordinated_under_the_verb_is_a_second_request() -> None:
    doc = _agreed("VBD", "rely", "VB")
    span = content_span(doc[1], get_lexicon("en"))
    assert span is not None and span.text == "to share a currency and rely on allies"


@pytest.mark.parametrize(
    ("verb_tag", "second", "second_tag"),
    [
        ("VBD", "relied", "VBD"),  # a finite verb: what they did next
        ("VBP", "rely", "VB"),  # "they agree ... and rely": may be coordinated with the reporting verb itself
    ],
)
def test_other_conjuncts_of_the_verb_are_not_requests(verb_tag: str, second: str, second_tag: str) -> None:
    doc = _agreed(verb_tag, second, second_tag)
    span = content_span(doc[1], get_lexicon("en"))
    assert span is not None and span.text == "to share a currency"
