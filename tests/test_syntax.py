"""The shared parse helpers of quotebank.syntax, on hand-built parses."""

from __future__ import annotations

import spacy
from spacy.tokens import Doc

from quotebank.syntax import NOT_CONTENT_ENTITIES, SETTING_ENTITIES, ends_in_question, has_subject, subjects_of


def _doc(words: list[str], heads: list[int], deps: list[str]) -> Doc:
    return Doc(spacy.blank("en").vocab, words=words, heads=heads, deps=deps)


def test_subjects_active_and_passive_but_not_expletives() -> None:
    doc = _doc(
        ["The", "plan", "was", "praised", "."], [1, 3, 3, 3, 3], ["det", "nsubjpass", "auxpass", "ROOT", "punct"]
    )
    assert [t.text for t in subjects_of(doc[3])] == ["plan"]
    there = _doc(["There", "is", "hope", "."], [1, 1, 1, 1], ["expl", "ROOT", "attr", "punct"])
    assert subjects_of(there[1]) == [] and has_subject(there[1])


def test_a_subjectless_verb_has_no_subject() -> None:
    doc = _doc(["He", "agreed", "to", "leave", "."], [1, 1, 3, 1, 1], ["nsubj", "ROOT", "aux", "xcomp", "punct"])
    assert has_subject(doc[1]) and not has_subject(doc[3])


def test_a_question_mark_before_closing_marks_ends_a_question() -> None:
    asked = _doc(["“", "Why", "?", "”"], [2, 2, 2, 2], ["punct", "advmod", "ROOT", "punct"])
    told = _doc(["He", "left", "."], [1, 1, 1], ["nsubj", "ROOT", "punct"])
    assert ends_in_question(asked[:]) and not ends_in_question(told[:])


def test_entity_classes() -> None:
    assert {"PERSON", "DATE", "CARDINAL"} <= NOT_CONTENT_ENTITIES and "EVENT" not in NOT_CONTENT_ENTITIES
    assert {"DATE", "GPE", "EVENT"} <= SETTING_ENTITIES and "PERSON" not in SETTING_ENTITIES
