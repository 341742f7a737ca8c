"""Evidential sources: what a poll, study, video or record shows, finds, indicates or documents."""

from __future__ import annotations

import pytest
import spacy
from reported import indirect
from spacy.tokens import Doc

from quotebank.indirect import content_span
from quotebank.lexicons import get_lexicon

# (text, the reported content, a word of the speaker's name or None when the source names no one)
CASES = [
    (
        "The survey indicates a widening gap between rural and urban voters.",
        "a widening gap between rural and urban voters",
        "survey",
    ),
    (
        "The report indicates a steep decline in enrollment at rural schools.",
        "a steep decline in enrollment at rural schools",
        None,
    ),
    # A person object with the predicate after it: what the source shows is the whole small clause.
    ("The latest Gallup poll shows Warren ahead by six points.", "Warren ahead by six points", "poll"),
    (
        "Polling averages show Warren with a narrow lead in the swing states.",
        "Warren with a narrow lead in the swing states",
        "averages",
    ),
    (
        "Security camera footage shows him with a backpack near the entrance.",
        "him with a backpack near the entrance",
        None,
    ),
    (
        "Bank records show him with more than $2 million in offshore accounts.",
        "him with more than $2 million in offshore accounts",
        "records",
    ),
    (
        "The audit documented serious lapses in the agency's oversight of contractors.",
        "serious lapses in the agency's oversight of contractors",
        None,
    ),
    # Those whose work is to rule or measure find as a study does.
    (
        "Researchers found a strong link between air pollution and asthma.",
        "a strong link between air pollution and asthma",
        "Researchers",
    ),
    ("A federal judge found the new districts unconstitutional.", "the new districts unconstitutional", "judge"),
    # A subjectless participle shares the subject of the verb it hangs on.
    (
        "The mayor faced new scrutiny after a video surfaced showing Senator Carl Mason shouting at a waiter.",
        "Senator Carl Mason shouting at a waiter",
        "video",
    ),
    # The object before the participle is what shows it; the campaign that released it speaks.
    (
        "The senator's campaign released an ad on Monday showing Governor Lee mocking veterans.",
        "Governor Lee mocking veterans",
        "campaign",
    ),
]


@pytest.mark.parametrize(("text", "content", "name"), CASES)
def test_what_a_source_shows_is_reported(text: str, content: str, name: str | None) -> None:
    found = indirect(text)
    assert [q.text for q in found] == [content]
    (q,) = found
    assert text[q.start : q.end] == q.text
    if name is not None:
        assert q.speaker is not None and name in q.speaker.name


NOT_SPEECH = [
    "She showed up late.",
    "Police found the car.",
    "He found the keys under the sofa.",
    "Rescuers found two survivors in the rubble.",
    "The children showed their drawings to the teacher.",
    # A poll that shows a name alone says nothing about it.
    "The poll shows Clinton.",
]


@pytest.mark.parametrize("text", NOT_SPEECH)
def test_finding_and_showing_by_people_or_things_report_nothing(text: str) -> None:
    assert indirect(text) == []


def test_a_speech_sense_without_a_source_keeps_its_nominal_content() -> None:
    assert [q.text for q in indirect("The minister suggested a compromise on the budget.")] == [
        "a compromise on the budget"
    ]


# Rule logic on hand-built parses, so that it does not depend on the statistical model.
def _doc(words: list[str], heads: list[int], deps: list[str], pos: list[str]) -> Doc:
    lemmas = [{"found": "find", "shows": "show", "records": "record"}.get(w, w.lower()) for w in words]
    return Doc(spacy.blank("en").vocab, words=words, heads=heads, deps=deps, pos=pos, lemmas=lemmas)


@pytest.mark.parametrize(("subject", "content"), [("study", "a sharp rise"), ("police", None)])
def test_the_object_counts_only_for_an_evidence_source(subject: str, content: str | None) -> None:
    doc = _doc(
        ["The", subject, "found", "a", "sharp", "rise", "."],
        [1, 2, 2, 5, 5, 2, 2],
        ["det", "nsubj", "ROOT", "det", "amod", "dobj", "punct"],
        ["DET", "NOUN", "VERB", "DET", "ADJ", "NOUN", "PUNCT"],
    )
    span = content_span(doc[2], get_lexicon("en"))
    assert (span.text if span is not None else None) == content


def test_a_relative_pronoun_stands_for_its_source() -> None:
    doc = _doc(
        ["records", "that", "shows", "a", "large", "loss"],
        [0, 2, 0, 5, 5, 2],
        ["ROOT", "nsubj", "relcl", "det", "amod", "dobj"],
        ["NOUN", "PRON", "VERB", "DET", "ADJ", "NOUN"],
    )
    span = content_span(doc[2], get_lexicon("en"))
    assert span is not None and span.text == "a large loss"
