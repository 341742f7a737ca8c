"""Named sets of dependency labels and entity types, and the small parse helpers the rules share.

The labels are those of spaCy's English pipelines (ClearNLP dependencies, OntoNotes entity types). Words live in
the lexicon (:mod:`quotebank.lexicons`); what is here is grammar, the same whatever the words.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

__all__ = [
    "AUXILIARY_DEPS",
    "CLAUSE_SUBJECT_DEPS",
    "COMPLEMENT_DEPS",
    "ELLIPSIS_DEPS",
    "NAME_ENTITIES",
    "NOT_CONTENT_ENTITIES",
    "OWN_CONTENT_DEPS",
    "PREDICATE_DEPS",
    "SETTING_ENTITIES",
    "SUBJECT_DEPS",
    "TIME_ENTITIES",
    "ends_in_question",
    "has_subject",
    "subjects_of",
]

SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
"""A verb's subject, active or passive."""
CLAUSE_SUBJECT_DEPS = SUBJECT_DEPS | {"expl"}
"""What gives a clause a subject of its own, expletive ``there``/``it`` included."""
AUXILIARY_DEPS = frozenset({"aux", "auxpass"})
COMPLEMENT_DEPS = frozenset({"ccomp"})
"""A reporting verb's clause: what was said."""
OWN_CONTENT_DEPS = frozenset({"xcomp", "oprd", "attr", "acomp"})
"""Complements that give a verb content of its own, so that it is no parenthetical cue."""
PREDICATE_DEPS = frozenset({"prep", "advmod", "acomp", "oprd", "xcomp", "dobj", "attr"})
"""What may follow an object as its predicate (``shows him with his hands in the air``)."""
ELLIPSIS_DEPS = frozenset({"nsubj", "neg", "punct", "cc", "advmod"})
"""All a verb phrase elided leaves: subject, auxiliary and negation (``Their bosses aren't.``)."""

NAME_ENTITIES = frozenset({"PERSON", "ORG", "NORP", "GPE"})
"""Entity types of those who may speak."""
TIME_ENTITIES = frozenset({"DATE", "TIME"})
SETTING_ENTITIES = TIME_ENTITIES | {"GPE", "LOC", "FAC", "EVENT"}
"""Entity types that say where or when something was said."""
NOT_CONTENT_ENTITIES = TIME_ENTITIES | NAME_ENTITIES | {"CARDINAL", "ORDINAL"}
"""Entity types that are never what was said: its time, its target, a number."""

_QUESTION_TAIL = " \n\"”’'"


def subjects_of(tok: Token) -> list[Token]:
    """The subjects of ``tok`` (active or passive), in text order."""
    return [c for c in tok.children if c.dep_ in SUBJECT_DEPS]


def has_subject(tok: Token) -> bool:
    """True when ``tok`` heads a clause with a subject of its own, expletive included."""
    return any(c.dep_ in CLAUSE_SUBJECT_DEPS for c in tok.children)


def ends_in_question(sent: Span) -> bool:
    """True for a sentence that ends in a question mark, closing quotation marks aside."""
    return sent.text.rstrip(_QUESTION_TAIL).endswith("?")
