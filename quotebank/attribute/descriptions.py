"""Roles the article states away from a name: predicate nominals, ``as`` phrases, fronted descriptions, and
definite descriptions that refer back to the person just named.

The entity index reads the titles written next to a name (``Pentagon spokesman Jonathan Hoffman``,
``Goldenberg, a former official,``); news states as many elsewhere:

* ``Now the highest-ranking prosecutor in the country, Lynch rose ...``: a description put before the name;
* ``Roe is the chief economist at Ledger Bank``: a predicate nominal of a named person, in a main clause with
  no modal, negation or condition (``if Kaine becomes vice president``, ``he would be a great senator`` state no
  role);
* ``Lynch served as the attorney general``: a title introduced by ``as`` on the person's verb;
* ``Ava DuVernay spent years on the film ... The director makes this clear``: a definite description as the
  subject of a sentence, referring back to the person who was the subject (or its owner) last, in the two
  sentences before; or as an owner (``Roe's lead may fade if the Democratic nominee's stance hurts her``),
  referring back only to the subject of a main clause or its owner.

Only the fronted description is written next to the name. The others are *guesses* (``X is the only
candidate`` is an opinion, ``as president`` may be a hope, ``the director`` may be someone else): they count
only for a person with no role written next to a name (:func:`quotebank.attribute.speakers.one_speaker_each`).

:func:`described_roles` reads them all, before any quote is linked to a speaker, without writing anything.
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Span, Token

from ..entity import Entity, first_name_gender
from ..model import SpeakerKind
from ..roles import is_title_token
from .context import Context
from .entities import antecedent
from .mentions import appositive_after, noun_phrase

__all__ = ["DescribedRole", "described_roles"]

DescribedRole = tuple[str, str, bool]
"""(name of the person, role as written, guessed): one role the article gives a person away from the name."""

_COPULAS = frozenset({"be"})
_PERSON_PRONOUNS = frozenset({"he", "she"})
_RELATIVES = frozenset({"who", "that"})
# A definite description refers back this many sentences at most.
_DESCRIPTION_SENTENCES = 2
# Where a definite description and the name it refers back to stand: the subject, or the owner of the subject or
# of any noun ("Roe's recent gains ... if the Republican nominee's stance").
_DESCRIPTION_DEPS = frozenset({"nsubj", "nsubjpass", "poss"})
_GENDERED_TITLES = {"spokeswoman": "she", "spokesman": "he", "chairwoman": "she", "chairman": "he"}


def described_roles(ctx: Context) -> list[DescribedRole]:
    """Every role the article gives a named person away from the name, in text order.

    Example (a predicate nominal and a fronted description)::

        Jane Roe is the chief economist at Ledger Bank.   -> ("Jane Roe", "the chief economist at Ledger Bank", True)
        A former banker, Roe now teaches.                 -> ("Jane Roe", "A former banker", False)
    """
    found: list[DescribedRole] = [(person.name, role.text, False) for role, person in _appositives(ctx)]
    for sentence in ctx.doc.sents:
        for role, person, guessed in _in_sentence(ctx, sentence):
            if person.kind is SpeakerKind.PERSON:
                found.append((person.name, role.text, guessed))
    return found


def _in_sentence(ctx: Context, sentence: Span) -> Iterator[tuple[Span, Entity, bool]]:
    for tok in sentence:
        if ctx.quoted(tok.idx) or not is_title_token(tok, ctx.lexicon) or tok.pos_ not in ("NOUN", "PROPN"):
            continue
        if ctx.index.entity_at(tok.i) is not None:
            continue  # part of a name ("President Obama"): the index has read it
        if tok.dep_ == "attr" and tok.head.lemma_.lower() in _COPULAS and _factual(tok.head):
            # "Roe is the chief economist at Ledger Bank"; a statement of fact, not a wish ("will be president")
            holder = _subject_person(ctx, tok.head, pronouns=False)
            if holder is not None:
                yield _phrase(ctx, tok), holder, True
        elif (
            tok.dep_ == "pobj"
            and tok.head.lower_ == "as"
            and tok.head.head.pos_ in ("VERB", "AUX")
            and tok.head.head.lemma_.lower() not in ctx.lexicon.portraying_verbs
        ):
            # "Lynch served as the attorney general"; or hoped to serve ("could embrace it as president")
            holder = _subject_person(ctx, tok.head.head)
            if holder is not None:
                yield _phrase(ctx, tok), holder, True
        elif (fronted := _fronted(ctx, tok, sentence)) is not None:
            yield _phrase(ctx, tok), fronted, False
        elif tok.dep_ in _DESCRIPTION_DEPS and _definite(tok):
            holder = _named_before(ctx, tok, sentence)
            if holder is not None:
                yield _phrase(ctx, tok), holder, True


def _appositives(ctx: Context) -> Iterator[tuple[Span, Entity]]:
    """``Victor Cha, a Korea scholar at the Center for ...,``, ``Rakeyia Scott, his wife,``: a noun phrase set
    off after a person's name describes the person, whether or not its head is a known title
    (:func:`quotebank.attribute.mentions.appositive_after`)."""
    doc = ctx.doc
    for i, person in ctx.index.entities_back_from(len(doc)):
        if person.kind is not SpeakerKind.PERSON or ctx.index.entity_at(i + 1) is person or ctx.quoted(doc[i].idx):
            continue
        phrase = appositive_after(ctx, i)
        if phrase is not None:
            yield phrase, person


def _phrase(ctx: Context, head: Token) -> Span:
    return noun_phrase(ctx, head)


def _factual(verb: Token) -> bool:
    """``is``/``was`` in a main clause: no modal, no negation, no condition (``if Kaine becomes vice president``)."""
    if any(c.dep_ in ("aux", "neg", "mark") for c in verb.children):
        return False
    return verb.dep_ in ("ROOT", "conj")


def _subject_person(ctx: Context, verb: Token, *, pronouns: bool = True) -> Entity | None:
    """The person that ``verb``'s subject names, directly or (with ``pronouns``) through ``he``/``she``."""
    for child in verb.children:
        if child.dep_ not in ("nsubj", "nsubjpass") or ctx.quoted(child.idx):
            continue
        if child.lower_ in _PERSON_PRONOUNS and pronouns:
            return antecedent(ctx, child.lower_, verb)
        if child.lower_ in _RELATIVES and verb.dep_ == "relcl" and verb.head.i < child.i:
            # "Derek Mitchell, who served as U.S. ambassador to Burma,": the person the clause is about
            child = verb.head
        entity = ctx.index.entity_at(child.i)
        return entity if entity is not None and entity.kind is SpeakerKind.PERSON else None
    return None


def _fronted(ctx: Context, head: Token, sentence: Span) -> Entity | None:
    """``Now the highest-ranking prosecutor in the country, Lynch rose``: the description before a subject name."""
    phrase = noun_phrase(ctx, head)
    start = phrase.start
    while start > sentence.start and ctx.doc[start - 1].pos_ in ("ADV", "DET", "ADJ", "ADP") and start - 1 >= 0:
        start -= 1
    if start != sentence.start:
        return None
    end = phrase.end
    if end >= sentence.end - 1 or ctx.doc[end].text != ",":
        return None
    if any(t.pos_ in ("VERB", "AUX") for t in ctx.doc[phrase.start : end]):
        return None
    name = ctx.doc[end + 1]
    entity = ctx.index.entity_at(name.i)
    if entity is None or entity.kind is not SpeakerKind.PERSON:
        return None
    last = name.i
    while last + 1 < sentence.end and ctx.index.entity_at(last + 1) is entity:
        last += 1
    # The name is the subject, or the parser hung it on the description as its appositive.
    subject = ctx.doc[last].dep_ in ("nsubj", "nsubjpass")
    return entity if subject or (ctx.doc[last].dep_ == "appos" and ctx.doc[last].head.i == head.i) else None


def _definite(head: Token) -> bool:
    """``The director``, ``the Republican nominee``: a definite description with no name of its own."""
    determiners = [c for c in head.children if c.dep_ == "det"]
    if not determiners or determiners[0].lower_ != "the":
        return False
    return not any(
        c.dep_ in ("poss", "appos") or (c.pos_ == "PROPN" and c.ent_type_ == "PERSON") for c in head.children
    )


def _named_before(ctx: Context, head: Token, sentence: Span) -> Entity | None:
    """The person last named as a subject before ``head``, in its sentence or the two before, if the title fits."""
    first = sentence.start
    for _ in range(_DESCRIPTION_SENTENCES):
        if first == 0:
            break
        first = ctx.doc[first - 1].sent.start
    # Names inside the description ("The GOP candidate") are not what it refers back to.
    owner: Entity | None = None
    for i, entity in ctx.index.entities_back_from(noun_phrase(ctx, head).start, first):
        if ctx.quoted(ctx.doc[i].idx) or ctx.doc[i].dep_ not in _DESCRIPTION_DEPS:
            continue  # the description goes on with the subject before it, not with whom that subject named
        if head.dep_ == "poss" and not _main_subject(ctx.doc[i]):
            continue  # an owner ("the chairman's letter") is read more strictly: only what a main clause is about
        if _described_sentence(ctx, ctx.doc[i]):
            continue  # "The nominee was speaking hours after Trump unleashed ...": the sentence is not about Trump
        if head.dep_ != "poss" and ctx.doc[i].dep_ == "poss" and ctx.doc[i].head.dep_ not in ("nsubj", "nsubjpass"):
            # "Pence says too much is made of Trump's tweets. The governor said": a subject before the owner of
            # some other word goes first; that owner only when there is none
            owner = owner or (entity if entity.kind is SpeakerKind.PERSON else None)
            continue
        if entity.kind is not SpeakerKind.PERSON:
            return owner  # the last subject is an organisation: "the chairman" may be its
        # "The New York businessman" is not Hillary Clinton.
        gender = _GENDERED_TITLES.get(head.lower_) or ctx.lexicon.person_descriptions.get(head.lower_)
        known = first_name_gender(entity, ctx.lexicon)
        if gender is not None and known is not None and gender != known:
            return None
        return entity
    return owner


def _described_sentence(ctx: Context, tok: Token) -> bool:
    """The subject of an adverbial clause (``hours after Trump unleashed``) in a sentence whose main clause is
    about someone a definite title gives (``The Republican vice presidential nominee was speaking``)."""
    if tok.dep_ not in ("nsubj", "nsubjpass") or tok.head.dep_ != "advcl":
        return False
    return any(
        c.dep_ in ("nsubj", "nsubjpass") and _definite(c) and is_title_token(c, ctx.lexicon)
        for c in tok.sent.root.children
    )


def _main_subject(tok: Token) -> bool:
    """The subject of a main clause or its owner (``Roe's lead ... may fade``); not the subject of a clause put
    inside another (``Acme cut jobs after Roe left``), which the sentence is not about."""
    if tok.dep_ == "poss":
        tok = tok.head
    return tok.dep_ in ("nsubj", "nsubjpass") and tok.head.dep_ in ("ROOT", "conj")
