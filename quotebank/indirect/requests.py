"""Naming (``called it a hoax``), requests (``urged Congress to act``) and questions put to a speaker.

**Naming.** ``called climate change a hoax`` reports the whole predication, with the phrase after the predicate but
not the setting (``called him a master at closing deals``); in the passive the agent speaks (``was called a fraud by
critics``).

**Requests and questions.** ``urged Congress to act`` reports the addressee and the request, also when the parser
reads ``on`` as a particle (``called on police to act``); a request stops at a dash. The object of a demand before a
subjunctive clause is its subject (``demanding Obama make a pledge``); a bare infinitive the parser coordinated
under the verb is a second request (``agreed to share a currency and rely on ...``), a finite verb is not (``agreed
to step down and left``); a second ``that`` clause is more of the same report (``but that it would add ...``). A
question put to the speaker (``Asked to describe the device, O'Neill said``) is reported with the asker, mostly
unnamed, as its speaker; a conditional one (``If asked``) is not.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from ..lexicons import Lexicon, get_lexicon
from ..syntax import AUXILIARY_DEPS, SUBJECT_DEPS, has_subject
from .frames import continued_end, is_setting
from .spans import ASIDE_DASHES, conjunct_start, trim, words_of

__all__ = ["NAMING_VERBS", "is_put_question", "naming_content", "request_content"]

NAMING_VERBS = get_lexicon("en").naming_verbs
"""English naming verbs, kept for the code that imported them before they were lexicon data; read
``lexicon.naming_verbs``."""


def request_content(verb: Token, request: Token, lexicon: Lexicon | None) -> Span | None:
    """``urged Congress to act``, ``called on Republicans to withdraw``: the addressee and the request."""
    doc = verb.doc
    if request.lemma_.lower() in words_of(lexicon).anonymity_verbs and any(
        c.dep_ == "auxpass" for c in request.children
    ):
        return None  # "who asked not to be named": the terms of speaking, not something said
    start = request.left_edge.i
    for child in verb.children:
        if not (verb.i < child.i < request.i):
            continue
        if child.dep_ == "dobj":
            start = min(start, child.left_edge.i)
        elif child.dep_ in ("prep", "prt") and child.lower_ in ("for", "on", "upon"):
            # "called on Republicans to withdraw": the parser may read "on" as a particle, the addressee still under it
            objects = [o for o in child.children if o.dep_ == "pobj"]
            start = min([start, *(o.left_edge.i for o in objects)])
    end = request.right_edge.i + 1
    for conjunct in request.children:
        # "agreed to step down and left the building": a finite verb cannot continue the infinitive; it is what
        # the speaker did next.
        if conjunct.dep_ == "conj" and conjunct.tag_ in ("VBD", "VBZ") and not has_subject(conjunct):
            end = min(end, conjunct_start(conjunct))
    for conjunct in verb.children:
        # "agreed to share a currency and rely on one another": the parser hangs the second request on the verb;
        # a bare infinitive cannot be coordinated with a finite or participial reporting verb.
        if conjunct.dep_ == "conj" and conjunct.i > request.i and _bare_request(verb, conjunct):
            end = max(end, conjunct.right_edge.i + 1)
    # "to retaliate against Russia -- meddling the congressman said is designed to ...": what follows a dash is
    # the writer's aside on the request.
    end = next((t.i for t in doc[request.i + 1 : end] if t.text in ASIDE_DASHES and t.head.i == request.i), end)
    start, end = trim(doc, start, end, lexicon)
    return doc[start:end] if end - start >= 2 else None


def _bare_request(verb: Token, conjunct: Token) -> bool:
    """A subjectless bare infinitive coordinated under a reporting verb that is neither one nor a present form."""
    return conjunct.tag_ == "VB" and verb.tag_ not in ("VB", "VBP") and not has_subject(conjunct)


def is_put_question(verb: Token, *, lexicon: Lexicon | None = None) -> bool:
    """``Asked to describe the device, O'Neill said``: a question put to the speaker of the clause.

    The participle has no subject: the one who asked (a reporter, mostly) goes unnamed, and the one asked is the
    clause's subject, who said nothing of it. The question is reported speech with no known speaker.
    """
    return (
        verb.lemma_.lower() == "ask"
        and verb.tag_ == "VBN"
        and verb.dep_ == "advcl"
        and not any(c.dep_ in SUBJECT_DEPS or c.dep_ in AUXILIARY_DEPS for c in verb.children)
        # "If asked to testify, he would refuse": a question that may never be put.
        and not any(c.dep_ == "mark" and c.lower_ in words_of(lexicon).conditional_conjunctions for c in verb.children)
    )


def naming_content(verb: Token, lexicon: Lexicon | None = None) -> Span | None:
    """``called climate change a hoax``, ``described the strikes as proportionate``: the whole predication.

    With the lexicon, a phrase the parser hung on the verb after the predicate belongs to it (``called him a
    master at closing deals``), unless it says where or when (``called it a hoax at a rally``).
    """
    doc = verb.doc
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    predicates = [
        c for c in verb.children if c.dep_ in ("oprd", "ccomp", "xcomp") or (c.dep_ == "prep" and c.lower_ == "as")
    ]
    if objects and not predicates:
        # The parser often hangs the predicate on the object: "called [climate change [a hoax]]".
        predicates = [c for c in objects[0].rights if c.dep_ in ("dobj", "oprd", "attr")]
        if not predicates and len(objects) == 2:
            # "calling fees a scam": the parser may take the predicate for a second object of the verb.
            objects, predicates = objects[:1], objects[1:]
    if not objects and predicates and any(c.dep_ == "agent" for c in verb.children):
        # "Oz has been called a charlatan by fellow physicians": the agent speaks; what they called him is the
        # predicate alone, the subject stands before the verb.
        first = predicates[0]
        if first.i < verb.i or first.dep_ not in ("oprd", "prep") or first.right_edge.i > _agent(verb).i:
            return None
        start, end = trim(
            doc, first.i + 1 if first.dep_ == "prep" else first.left_edge.i, first.right_edge.i + 1, lexicon
        )
        return doc[start:end] if sum(not t.is_punct for t in doc[start:end]) >= 2 else None
    if not objects or not predicates or predicates[-1].i < objects[0].i:
        return None
    end = predicates[-1].right_edge.i + 1
    if lexicon is not None:
        # "called her a liar at a news conference": the setting may hang on the predicate, and still is not content
        settings = [c.i for c in predicates[-1].rights if c.dep_ == "prep" and is_setting(c, lexicon)]
        end = min([end, *settings]) if settings else continued_end(verb, end, lexicon)
    start, end = trim(doc, objects[0].left_edge.i, end, lexicon)
    return doc[start:end] if end - start >= 3 else None


def _agent(verb: Token) -> Token:
    return next(c for c in verb.children if c.dep_ == "agent")
