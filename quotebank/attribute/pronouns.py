"""Pronouns: which person or organisation of the article a pronoun subject goes back to.

``she`` skips a person known as ``he``; a pronoun before its sentence's subject names that subject (cataphora);
a pronoun cue goes on with the person the sentence before brought in; otherwise the most recent compatible
speaker, then the nearest compatible name. An organisation subject just named (:func:`organisation_subjects`)
comes first for ``it`` and ``they``: :func:`quotebank.attribute.entities.antecedent` resolves those noun phrases
and falls back to :func:`nearest_antecedent`.
"""

from __future__ import annotations

from collections.abc import Iterator
from itertools import islice

from spacy.tokens import Span, Token

from ..entity import Entity, first_name_gender
from ..model import SpeakerKind
from ..roles import appositive_role
from .context import SUBJECT_DEPS, Context

__all__ = [
    "GENDERED",
    "PERSON_PRONOUNS",
    "PLURAL_PRONOUNS",
    "THING_PRONOUNS",
    "cataphora",
    "fits",
    "gender_of",
    "introduced_in",
    "nearest_antecedent",
    "organisation_subjects",
    "previous_subject",
    "sentence_subjects",
    "subordinate",
]

PERSON_PRONOUNS = frozenset({"he", "she", "him", "her", "he or she"})
THING_PRONOUNS = frozenset({"it"})
PLURAL_PRONOUNS = frozenset({"they", "them"})
GENDERED = {"he": "he", "him": "he", "she": "she", "her": "she"}
_SUBORDINATORS = frozenset(
    {"when", "while", "after", "before", "because", "since", "if", "although", "though", "until", "unless", "whenever"}
)
# How far back a pronoun looks for its antecedent: so many earlier speakers, then so many earlier mentions of a
# name. Far more than an article's pronoun reaches; a bound keeps a document of thousands of them linear.
_ANTECEDENT_SPEAKERS = 200
_ANTECEDENT_MENTIONS = 2000
# How many sentences of a quote the parse cut up a pronoun cue looks back over for the sentence before it.
_QUOTED_SENTENCES = 12


def gender_of(ctx: Context, entity: Entity) -> str | None:
    """``"he"``, ``"she"`` or None, from the entity's honorific, a gendered title or a common first name."""
    return first_name_gender(entity, ctx.lexicon)


def fits(ctx: Context, pronoun: str, entity: Entity) -> bool:
    """False when the entity is known to be referred to by the other gendered pronoun."""
    if pronoun not in GENDERED:
        return True
    gender = gender_of(ctx, entity)
    return gender is None or gender == GENDERED[pronoun]


def organisation_subjects(ctx: Context, pronoun: str, verb: Token) -> Iterator[Token]:
    """The subjects an ``it`` or ``they`` may go back to first, nearest sentence first: an organisation just named
    (``Donald Trump's campaign is defending ... It's denouncing what it calls``), or a group the writer just named
    in the sentence before (``The researchers followed 100,000 people. ..., they cautioned.``)."""
    if pronoun in PERSON_PRONOUNS:
        return
    sent = verb.sent
    previous = ctx.doc[sent.start - 1].sent if sent.start > 0 else None
    for candidate in (sent, previous):
        if candidate is None:
            continue
        for tok in candidate:
            if tok.i >= verb.i or tok.dep_ not in ("nsubj", "nsubjpass") or tok.pos_ == "PRON":
                continue
            # Only in the sentence before: in the same sentence a plural subject before "they said" is what they said.
            group = candidate is previous and pronoun in PLURAL_PRONOUNS and tok.tag_ == "NNS" and not tok.ent_type_
            if (
                tok.lemma_.lower() in ctx.lexicon.organization_words
                or tok.ent_type_ == "ORG"
                or group
                or _bare_one_word_name(ctx, tok)
            ):
                yield tok


def nearest_antecedent(ctx: Context, pronoun: str, verb: Token) -> Entity | None:
    """The entity a pronoun subject refers to (``she`` skips a person known as ``he``, and back), an organisation
    subject just named aside (:func:`organisation_subjects`, which the caller resolves first)."""
    want_person = pronoun in PERSON_PRONOUNS
    sent = verb.sent
    if want_person and (named := cataphora(ctx, pronoun, verb)) is not None:
        return named
    for i, entity in ctx.index.entities_back_from(verb.i, sent.start):
        if ctx.doc[i].dep_ not in SUBJECT_DEPS or ctx.quoted(ctx.doc[i].idx):
            continue  # a name inside the quote is never who says it ("“Hillary has nobody,” he said")
        same_kind = want_person == (entity.kind is SpeakerKind.PERSON)
        if same_kind and pronoun not in PLURAL_PRONOUNS and fits(ctx, pronoun, entity):
            if pronoun in GENDERED and gender_of(ctx, entity) is None:
                # "Gov. Chris Christie described Hillary Clinton as a disgrace after she attacked": a subject
                # that might be either is passed over for the one person of the sentence known to be a "she".
                return _known_gender_in(ctx, pronoun, verb) or entity
            return entity
    if want_person and pronoun in GENDERED and (introduced := previous_subject(ctx, pronoun, sent)) is not None:
        return introduced
    # Speech nouns are read after every verb: a report later in the text is not an antecedent.
    for event in islice(ctx.speaking_back_from(verb.idx + 1), _ANTECEDENT_SPEAKERS):
        if event.speaker is None or event.entity_key is None:
            continue
        kind = event.speaker.kind
        if want_person and kind is SpeakerKind.PERSON:
            holder = ctx.entity_by_key(event.entity_key)
            if holder is not None and not fits(ctx, pronoun, holder):
                continue
            return holder
        if pronoun in THING_PRONOUNS and kind in (SpeakerKind.ORGANIZATION, SpeakerKind.MEDIA):
            return ctx.entity_by_key(event.entity_key)
        if pronoun in PLURAL_PRONOUNS and kind in (SpeakerKind.ORGANIZATION, SpeakerKind.UNNAMED):
            return ctx.entity_by_key(event.entity_key)
    # No speaker yet: the nearest compatible entity named before.
    for i, entity in islice(ctx.index.entities_back_from(verb.i), _ANTECEDENT_MENTIONS):
        if ctx.quoted(ctx.doc[i].idx):
            continue
        if want_person == (entity.kind is SpeakerKind.PERSON) and fits(ctx, pronoun, entity):
            return entity
    return None


def _known_gender_in(ctx: Context, pronoun: str, verb: Token) -> Entity | None:
    """The one person named before ``verb`` in its sentence, outside quotation marks, whom the text shows to be
    what the gendered pronoun says (an honorific, a gendered title, a common first name)."""
    want = GENDERED[pronoun]
    found: list[Entity] = []
    for i, entity in ctx.index.entities_back_from(verb.i, verb.sent.start):
        if entity.kind is not SpeakerKind.PERSON or ctx.quoted(ctx.doc[i].idx) or any(e is entity for e in found):
            continue
        if gender_of(ctx, entity) == want:
            found.append(entity)
    return found[0] if len(found) == 1 else None


def _bare_one_word_name(ctx: Context, tok: Token) -> bool:
    """``Politifact did a fact-check ... they published``: a one-word name the recogniser took for a person's,
    which the text never gives a first name, an honorific, a title or a gendered pronoun, may be an organisation's
    as well."""
    entity = ctx.index.entity_at(tok.i)
    if entity is None or entity.kind is not SpeakerKind.PERSON or len(entity.name.split()) != 1:
        return False
    return not entity.roles and not entity.aliases and gender_of(ctx, entity) is None


def previous_subject(ctx: Context, pronoun: str, sent: Span) -> Entity | None:
    """``Celtic manager O'Neill is no respecter of reputations. “...,” he said``: the person named as the subject
    of the sentence before, outside quotation marks, is who the pronoun goes on with, even when someone else
    spoke last (the writer has just brought that person in).
    """
    if sent.start == 0:
        return None
    previous = ctx.doc[sent.start - 1].sent
    for _ in range(_QUOTED_SENTENCES):
        # "“No one is writing songs for her. Obama had will.i.am. Hillary has nobody,” he said": the sentence
        # before is the one before the quote, not one the parse cut inside it.
        words = [t for t in previous if not t.is_space]
        if previous.start == 0 or not words or not (ctx.quoted(words[0].idx) and ctx.quoted(words[-1].idx)):
            break
        previous = ctx.doc[previous.start - 1].sent
    subjects = sentence_subjects(ctx, previous)
    if not subjects and previous.start > 0 and previous.root.pos_ == "VERB":
        # "Alison Howe, producer of TV show Later... With Jools Holland, booked": the parse cut the sentence at a
        # title's dots, leaving its verb no subject; the subject is in the piece before.
        subjects = sentence_subjects(ctx, ctx.doc[previous.start - 1].sent)
    for child in subjects:
        if child.pos_ == "PRON" or ctx.quoted(child.idx):
            continue
        entity = ctx.index.entity_at(child.i)
        if entity is not None and entity.kind is SpeakerKind.PERSON and fits(ctx, pronoun, entity):
            return entity
    newcomer = introduced_in(ctx, previous)
    return newcomer if newcomer is not None and fits(ctx, pronoun, newcomer) else None


def introduced_in(ctx: Context, sentence: Span) -> Entity | None:
    """The one person the sentence introduces, named for the first time with a role in apposition, wherever the
    name stands (``..., something that concerns Henry Crespo, president of the Florida Democratic Black Caucus.``):
    news brings a new source in that way right before their words."""
    found: list[Entity] = []
    for i, entity in ctx.index.entities_back_from(sentence.end, sentence.start):
        if entity.kind is not SpeakerKind.PERSON or ctx.quoted(ctx.doc[i].idx) or ctx.index.entity_at(i + 1) is entity:
            continue
        first = not entity.mentions or entity.mentions[0] >= sentence.start_char
        described = any(c.dep_ == "appos" for c in ctx.doc[i].children)
        if first and described and entity not in found and appositive_role(ctx.doc, i + 1, ctx.lexicon) is not None:
            found.append(entity)
    # Two people brought in: the pronoun does not say which.
    return found[0] if len(found) == 1 else None


def sentence_subjects(ctx: Context, sentence: Span) -> list[Token]:
    """The subjects of the sentence's main verb, and a name that opens the sentence whatever the parse made of it
    (``Scott bristles at ...`` read as a compound noun, ``Alison Howe, producer of ...`` as the root)."""
    subjects = [c for c in sentence.root.children if c.dep_ in ("nsubj", "nsubjpass")]
    opening = sentence[0]
    if opening.pos_ == "PROPN" and (named := ctx.index.entity_at(opening.i)) is not None:
        last = opening
        while last.i + 1 < sentence.end and ctx.index.entity_at(last.i + 1) is named:
            last = ctx.doc[last.i + 1]
        if last.dep_ == "ROOT" or (last.dep_ == "compound" and last.head.pos_ == "VERB"):
            subjects.append(last)
    return subjects


def cataphora(ctx: Context, pronoun: str, verb: Token) -> Entity | None:
    """``Though she called it “outrageous,” Clinton said``: a pronoun in a clause put before the sentence's
    subject names that subject, as news writing puts the name in the main clause."""
    clause = verb
    while clause.dep_ in ("conj", "xcomp") and clause.head.i != clause.i and clause.head.i < clause.i:
        clause = clause.head
    main = clause.head
    if clause.dep_ != "advcl" or main.i <= clause.i or not subordinate(ctx, clause):
        return None
    subjects = [c for c in main.children if c.dep_ in ("nsubj", "nsubjpass") and c.i > verb.i]
    if not subjects or subjects[0].pos_ == "PRON":
        return None
    entity = ctx.index.entity_at(subjects[0].i)
    if entity is None or entity.kind is not SpeakerKind.PERSON or not fits(ctx, pronoun, entity):
        return None
    return entity


def subordinate(ctx: Context, verb: Token) -> bool:
    """True for a verb in an adverbial clause (``“...,” when Clinton blasted him``): it sets a scene."""
    return any(c.dep_ in ("mark", "advmod") and c.lower_ in _SUBORDINATORS for c in verb.children)
