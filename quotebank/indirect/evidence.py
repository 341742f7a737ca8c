"""Evidential sources: what a poll, study, video or record shows, finds, indicates or documents.

**Evidential sources.** What a poll, study, video or record shows, finds, indicates or documents is reported (``a
poll found that ...``, ``The poll indicates a tightening race``, ``video surfaced showing Clinton stumbling``), but
only for a source the lexicon lists: ``Police found the car`` and ``She showed up late`` report nothing.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from ..lexicons import Lexicon
from ..syntax import NOT_CONTENT_ENTITIES, PREDICATE_DEPS, TIME_ENTITIES, subjects_of
from .frames import is_setting, nominal_content
from .spans import trim

__all__ = ["evidential_content"]


def evidential_content(verb: Token, lexicon: Lexicon) -> Span | None:
    """What a poll, study, video or record shows: ``The poll indicates a tightening race``.

    The object counts only when the source is a thing that carries findings (the lexicon's evidence nouns); a
    person or pronoun object needs the predicate after it (``shows him with his hands in the air``, ``show
    Clinton ahead by 3 points``), since ``the poll shows Clinton`` says nothing. Without such a source the verb
    is an ordinary act (``found the keys``) or, for a speech sense (``suggested a compromise``), nominal content.
    """
    doc = verb.doc
    if any(c.dep_ == "prt" for c in verb.children):
        return None  # "showed up", "found out"
    if not _evidence_source(verb, lexicon):
        return None if verb.lemma_.lower() in lexicon.finding_verbs else nominal_content(verb, lexicon)
    objects = [c for c in verb.children if c.dep_ == "dobj" and c.i > verb.i]
    if not objects or objects[0].lemma_.lower() in lexicon.empty_nouns:
        return None
    obj = objects[0]
    end = obj.right_edge.i + 1
    for child in verb.rights:
        if child.i < end:
            continue
        # "indicates a tightening race as Trump consolidates ...", "shows X, but ...": the source's finding ends.
        # "shows him with his hands up before he was shot": a time clause places what is shown.
        timed = child.dep_ == "advcl" and any(
            m.dep_ == "mark" and m.lower_ in lexicon.time_conjunctions for m in child.children
        )
        if child.is_punct or (child.dep_ not in PREDICATE_DEPS and not timed):
            break
        if child.ent_type_ in TIME_ENTITIES or (child.dep_ == "prep" and is_setting(child, lexicon)):
            break
        end = child.right_edge.i + 1
    named = obj.pos_ in ("PRON", "PROPN") or obj.ent_type_ in NOT_CONTENT_ENTITIES
    if named and end == obj.right_edge.i + 1 and not any(c.dep_ in ("acl", "relcl") for c in obj.children):
        return None
    start, end = trim(doc, obj.left_edge.i, end, lexicon)
    return doc[start:end] if sum(not t.is_punct for t in doc[start:end]) >= 2 else None


def _evidence_source(verb: Token, lexicon: Lexicon) -> bool:
    """True when what shows or finds is a poll, a study, footage, records: not a person.

    The source is the verb's subject, the noun a relative clause or participle hangs on (``video that shows``,
    ``an ad this week showing``), the subject a subjectless participle shares (``video surfaced showing``), or a
    fronted ``In her book, ...``.
    """
    current = verb
    for _ in range(3):
        sources = subjects_of(current)
        sources += [
            o
            for p in current.children
            if p.dep_ == "prep" and p.i < current.i and p.lower_ in ("in", "with")
            for o in p.children
            if o.dep_ == "pobj"
        ]
        if current.dep_ in ("relcl", "acl") and all(s.lower_ in lexicon.subject_relatives for s in sources):
            sources.append(current.head)
        if any(_is_evidence(s, lexicon) for s in sources):
            return True
        if any(s.dep_ == "nsubj" for s in sources) or current.dep_ not in ("xcomp", "advcl", "pcomp", "conj"):
            return False
        governor = current.head
        # "released an ad this week showing ...": the object before the participle is what shows it.
        if current.dep_ in ("xcomp", "advcl") and any(
            o.dep_ == "dobj" and o.i < current.i and _is_evidence(o, lexicon) for o in governor.children
        ):
            return True
        if current.dep_ == "pcomp" and governor.dep_ == "prep":
            governor = governor.head
        if governor.i == current.i:
            return False
        current = governor
    return False


def _is_evidence(noun: Token, lexicon: Lexicon) -> bool:
    """A noun for a thing that carries findings, or a part of one (``portions of his tax returns``)."""
    if noun.lemma_.lower() in lexicon.evidence_nouns or noun.lower_ in lexicon.evidence_nouns:
        return True
    return any(
        o.dep_ == "pobj" and o.lemma_.lower() in lexicon.evidence_nouns
        for p in noun.children
        if p.dep_ == "prep" and p.lower_ == "of"
        for o in p.children
    )
