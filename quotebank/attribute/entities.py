"""Entities: which person or organisation of the article a mention refers to, and the role it gives there.

Names go to the document's entity (:mod:`quotebank.coref`); pronouns to the most recent compatible speaker or a
person named earlier in the sentence; definite descriptions to the one holder of that role; anonymous sources stay
unnamed.
"""

from __future__ import annotations

import re

from spacy.tokens import Span, Token

from ..entity import Entity, clean_name
from ..lexicons import Lexicon
from ..model import SpeakerKind
from ..roles import appositive_role, clean_role, is_title_token, other_qualifier, role_head
from .context import SUBJECT_DEPS, Context
from .cues import cue_words, is_cue, is_speech_noun
from .kinds import kind_description
from .mentions import appositive_after, noun_phrase, owner_of, person_name

# Pronoun resolution lives in .pronouns; its functions stay importable from here, as before the move.
from .pronouns import (
    GENDERED,
    PERSON_PRONOUNS,
    PLURAL_PRONOUNS,
    THING_PRONOUNS,
    cataphora,
    fits,
    gender_of,
    introduced_in,
    nearest_antecedent,
    organisation_subjects,
    previous_subject,
    sentence_subjects,
    subordinate,
)

__all__ = [
    "antecedent",
    "cataphora",
    "described_subject",
    "description",
    "find_named_speakers",
    "fits",
    "gender_of",
    "holds",
    "introduced_in",
    "kind_description",
    "late_appositive",
    "named_after",
    "named_speakers_without_role",
    "previous_subject",
    "resolve",
    "role_at",
    "role_text",
    "sentence_subjects",
    "subordinate",
    "unowned_record",
]

_RELATIVE_PRONOUNS = frozenset({"who", "that", "which", "whom"})
_INDEFINITE = frozenset({"a", "an", "some", "several", "many", "two", "three", "four", "other", "another", "one"})
_POSSESSIVE_PRONOUNS = {"its": "it", "their": "they"}
_FORMER_WORDS = frozenset({"former", "ex", "onetime", "one-time"})
# A description that speaks refers back this many sentences at most.
_DESCRIPTION_SENTENCES = 2
_GENDERED_TITLES = {"spokeswoman": "she", "spokesman": "he", "chairwoman": "she", "chairman": "he"}


def resolve(ctx: Context, mention: Span, verb: Token) -> tuple[Entity | None, str | None]:
    """The entity a subject mention refers to, and the role given at this mention."""
    doc = ctx.doc
    head = mention.root
    lower = head.lower_
    if lower in _RELATIVE_PRONOUNS and verb.dep_ == "relcl" and verb.head.pos_ in ("NOUN", "PROPN"):
        described = verb.head
        while described.dep_ == "appos" and described.head.i != described.i:
            # "Elizabeth Warren, a Massachusetts Democrat, who said": the person, not the description.
            described = described.head
        return resolve(ctx, noun_phrase(ctx, described), described)
    if lower in ("who", "which") and head.i > 0 and doc[head.i - 1].pos_ == "PROPN" and verb.dep_ != "relcl":
        # "turned to the Chicago Police Department which reported “...”": a relative clause the parse took for
        # an adverbial one; the name right before the pronoun is who it stands for.
        return resolve(ctx, noun_phrase(ctx, doc[head.i - 1]), doc[head.i - 1])
    if lower in PERSON_PRONOUNS | THING_PRONOUNS | PLURAL_PRONOUNS:
        found = antecedent(ctx, lower, verb)
        if lower in GENDERED and found is not None and found.kind is SpeakerKind.PERSON and not gender_of(ctx, found):
            # "“You winning?” she said ... “I love you,” he said": a person the text has called "she" is not
            # the "he" of a later cue, whatever the first name says (or does not).
            found.gender = GENDERED[lower]
        return found, None
    if head.pos_ == "PRON":
        return None, None
    if (named := kind_description(ctx, mention)) is not None:
        return named, None
    appositive = next((c for c in head.children if c.dep_ == "appos" and person_name(ctx, c)), None)
    if appositive is None and head.pos_ == "NOUN":
        appositive = late_appositive(ctx, head, verb)
    dateline = head.text.isupper() and head.ent_type_ == "GPE"
    # "Charlie King, a prominent New York Democrat": a surname that is also a title word is a name.
    titled = is_title_token(head, ctx.lexicon) and head.ent_type_ != "PERSON"
    if appositive is not None and head.pos_ == "NOUN" and not (titled or dateline):
        # "The player's mother, Angela Brooks, told the AP": the name speaks; the description is no title.
        holder = ctx.index.entity_at(appositive.i)
        if holder is None or holder.kind is not SpeakerKind.PERSON:
            holder = ctx.adhoc(clean_name(noun_phrase(ctx, appositive).text), SpeakerKind.PERSON)
        return holder, None
    if appositive is not None and (titled or dateline):
        # "The Kremlin's spokesman, Dmitry Peskov, told reporters": the name is the speaker, the rest the role.
        # "LONDON — Prime Minister Keir Starmer announced": the dateline is no speaker.
        holder = ctx.index.entity_at(appositive.i)
        if holder is None or holder.kind is not SpeakerKind.PERSON:
            holder = ctx.adhoc(clean_name(noun_phrase(ctx, appositive).text), SpeakerKind.PERSON)
        if dateline:
            return holder, None
        role = role_text(ctx, mention)
        holder.add_role(role)
        return holder, role
    # A subject cut off from its name by the parser: "X, the commander of ..., said".
    after = mention.root.right_edge.i + 1
    if mention.start >= 2 and doc[mention.start - 1].text == "," and after < len(doc) and doc[after].text == ",":
        named = ctx.index.entity_at(mention.start - 2)
        if named is not None and named.kind is SpeakerKind.PERSON:
            return named, None
    if any(
        t.lower_ in ctx.lexicon.broadcast_media_words or t.lower_ in ("agency", "outlets", "outlet")
        for t in mention[-2:]
    ) and not any(ctx.index.entity_at(t.i) is not None and t.ent_type_ == "PERSON" for t in mention):
        return ctx.adhoc(clean_name(mention.text), SpeakerKind.MEDIA), None
    if is_speech_noun(ctx, head) and not is_title_token(head, ctx.lexicon):
        # "an IRGC statement" speaks for the IRGC; "a spokeswoman for the company" is a person.
        owner = owner_of(ctx, head)
        if owner is None and mention[0].lower_ == "the":
            owner = _owned_before(ctx, head)  # "a Times article hailed ... the article read"
        return resolve(ctx, owner, verb) if owner is not None else unowned_record(ctx, mention)
    entity = ctx.index.entity_in(mention)
    if entity is not None:
        return _described_here(ctx, mention, entity), role_at(ctx, mention, entity)
    if mention[0].lower_ == "the" and lower in ctx.lexicon.person_descriptions and head.pos_ == "NOUN":
        # "the 34-year-old mother of three replied": someone the text has named, like a pronoun would.
        return antecedent(ctx, ctx.lexicon.person_descriptions[lower] or "he or she", verb), None
    name = clean_name(mention.text)
    if not name:
        return None, None
    words = [t for t in mention if not t.is_punct]
    determiner = words[0].lower_ if words else ""
    # Two-word titles ("first lady") have no title word of their own.
    has_title = any(is_title_token(t, ctx.lexicon) for t in mention) or bool(role_head(mention.text, ctx.lexicon))
    if lower in ctx.lexicon.media_words or (
        ctx.index.is_media(name) and head.pos_ != "PROPN" and not is_title_token(head, ctx.lexicon)
    ):
        # "the White House press secretary" is a person with a title, not the press.
        return ctx.adhoc(name, SpeakerKind.MEDIA), None
    if head.pos_ == "PROPN" and not has_title:
        found = ctx.index.find(name, before=mention.start_char)
        if found is not None:
            return found, None
        kind = SpeakerKind.PERSON if len(name.split()) >= 2 or head.ent_type_ == "PERSON" else SpeakerKind.UNKNOWN
        if head.ent_type_ in ("ORG", "GPE", "NORP"):
            kind = SpeakerKind.ORGANIZATION
        return _described_here(ctx, mention, ctx.adhoc(name, kind)), None
    plural = head.tag_ in ("NNS", "NNPS")
    lede_noun = lower in ctx.lexicon.organization_words or lower in ctx.lexicon.lede_nouns
    if determiner in ("a", "an") and (has_title or lede_noun) and (named := named_after(ctx, mention)) is not None:
        named.add_role(role_text(ctx, mention))
        return named, None
    if determiner in _INDEFINITE or plural or (lower in ctx.lexicon.unnamed_heads and not has_title):
        if determiner not in _INDEFINITE and not plural and (introduced := _introduced_unnamed(ctx, mention)):
            return introduced, None
        return ctx.adhoc(mention.text.strip(), SpeakerKind.UNNAMED), None
    if has_title:
        return description(ctx, mention), role_text(ctx, mention)
    if head.ent_type_ in ("ORG", "GPE", "NORP") or lower in ctx.lexicon.organization_words:
        return ctx.adhoc(name, SpeakerKind.ORGANIZATION), None
    if (kind_word := ctx.lexicon.kind_nouns.get(lower)) is not None:
        # "the airline said" with two airlines named, or none: the description speaks, unnamed but not nobody
        return ctx.adhoc(name, SpeakerKind(kind_word)), None
    return unowned_record(ctx, mention)


def _introduced_unnamed(ctx: Context, mention: Span) -> Entity | None:
    """``“...,” a narrator asks. ... “...,” the ad's narrator says``: a definite description of an unnamed source is
    the one source the text brought in before with ``a`` and the same noun, unless a name is part of it (``the
    State Department's spokesman`` is not ``a spokesman for the Pentagon``)."""
    if any(ctx.index.entity_at(t.i) is not None or t.ent_type_ or t.pos_ == "PROPN" for t in mention):
        return None  # "the Reuters/Ipsos poll" names its source
    head = mention.root.lower_
    found = [
        e
        for e in ctx.entities()
        if e.kind is SpeakerKind.UNNAMED
        and len(words := e.name.lower().split()) >= 2
        and words[0] in ("a", "an")
        and words[-1] == head
    ]
    return found[0] if len(found) == 1 else None


def _owned_before(ctx: Context, head: Token) -> Span | None:
    """``Twenty-two years ago, a Times article hailed Trump ... “...,” the article read``: ``the`` and a speech
    noun with no owner go on with the last mention of that noun, in its sentence or the two before, that had one
    (outside quotation marks)."""
    start = head.sent.start
    for _ in range(_DESCRIPTION_SENTENCES):
        if start > 0:
            start = ctx.doc[start - 1].sent.start
    lemma = head.lemma_.lower()
    for tok in reversed(ctx.doc[start : head.i]):
        if tok.lemma_.lower() == lemma and tok.pos_ == "NOUN" and not ctx.quoted(tok.idx):
            return owner_of(ctx, tok)
    return None


def late_appositive(ctx: Context, head: Token, verb: Token) -> Token | None:
    """``His former business partner at Lenox, Lawrence B. Cummings, called``: the name set off by commas right
    before the verb, which the parse hung on the last noun of the description rather than on its head."""
    for tok in ctx.doc[head.i + 1 : verb.i]:
        if tok.dep_ != "appos" or not person_name(ctx, tok) or tok.head.i == head.i:
            continue
        inside = head.i < tok.head.i and tok.head.i in {t.i for t in head.subtree}
        after = tok.right_edge.i + 1
        closed = (
            after < verb.i
            and ctx.doc[after].text == ","
            and all(t.dep_ in ("aux", "auxpass", "neg", "advmod") for t in ctx.doc[after + 1 : verb.i])
        )
        if inside and closed:
            return tok
    return None


def _described_here(ctx: Context, mention: Span, entity: Entity) -> Entity:
    """``entity``, with the appositive after this mention of its name as a role when the entity index did not
    read the mention (``Vann R. Newkirk II, a writer for The Atlantic, said``: the recogniser missed the name,
    or took it for an organisation's)."""
    if entity.kind is SpeakerKind.PERSON and ctx.index.entity_at(mention.end - 1) is not entity:
        described = appositive_after(ctx, mention.end - 1)
        if described is not None:
            entity.add_role(described.text)
    return entity


def unowned_record(ctx: Context, mention: Span) -> tuple[Entity | None, str | None]:
    """``The lawsuit alleges``, ``according to the complaint``: a record with no owner named speaks for itself.

    Its filer is often named a sentence before (``xAI sued OpenAI. The lawsuit alleges ...``), but the text
    does not say so, and the nearest name is as often the one accused (``Smith was indicted. The indictment
    says ...``): the record is the source the text cites, as attribution corpora annotate it.
    """
    head = mention.root
    if head.lemma_.lower() not in ctx.lexicon.record_nouns and head.lower_ not in ctx.lexicon.record_nouns:
        return None, None
    name = " ".join(clean_name(ctx.doc[mention.start : head.i + 1].text).split())
    return (ctx.adhoc(name, SpeakerKind.UNKNOWN), None) if name else (None, None)


def role_text(ctx: Context, mention: Span) -> str:
    words = [t for t in mention if t.pos_ != "DET"]
    role = ctx.text[words[0].idx : mention.end_char] if words else mention.text
    if words and words[0].lower_ in _POSSESSIVE_PRONOUNS and len(words) > 1:
        # "Its spokesman, Nasser Kanaani": the spokesman of the organisation just named.
        owner = antecedent(ctx, _POSSESSIVE_PRONOUNS[words[0].lower_], words[0])
        if owner is not None and owner.kind is not SpeakerKind.PERSON:
            role = f"{owner.name} {ctx.text[words[1].idx : mention.end_char]}"
    return role


def role_at(ctx: Context, mention: Span, entity: Entity) -> str | None:
    if entity.kind is not SpeakerKind.PERSON:
        return None
    before = [t for t in mention if ctx.index.entity_at(t.i) is not entity]
    titled = [t for t in before if t.i < mention.root.i and (is_title_token(t, ctx.lexicon))]
    if not titled:
        return None
    first = next(t for t in mention if t.pos_ != "DET")
    last = max(t.i for t in before if t.i < mention.root.i)
    role = ctx.doc[first.i : last + 1].text
    entity.add_role(role)
    if " " not in role and role.endswith("."):
        # "Gen. Mark Milley, the chairman of the Joint Chiefs,": the appositive says more than a bare rank.
        after = appositive_role(ctx.doc, mention.end, ctx.lexicon)
        if after is not None:
            return after.text
    return role


def description(ctx: Context, mention: Span) -> Entity:
    """A role-only mention: the person holding the role in this document, else a role-only speaker."""
    role = role_text(ctx, mention)
    head_word = role_head(role, ctx.lexicon)
    if head_word:
        holders = [
            e
            for e in ctx.index.entities
            if e.kind is SpeakerKind.PERSON
            and holds(e, head_word, ctx.lexicon)
            and not other_qualifier(role, e.roles, head_word, ctx.lexicon)
        ]
        if len(holders) == 1:
            holders[0].add_role(role)
            ctx.guess_role(holders[0], role)
            return holders[0]
    if (named := described_subject(ctx, mention)) is not None:
        named.add_role(role)  # stated at the cue, as sure as the reference itself
        return named
    if mention[0].dep_ == "poss" and mention[0].pos_ == "PROPN" and (named := named_after(ctx, mention)) is not None:
        named.add_role(role)  # "France's finance minister has said ... Herve Gaymard said"
        return named
    if mention[0].lower_ == "the" and mention.root.lower_ not in ctx.lexicon.spokesperson_nouns:
        # "the country's outgoing prime minister": the one named speaker the text gives no role. Not "the
        # spokesman": a spokesperson the article does not name stays unnamed, whoever else speaks.
        speakers = named_speakers_without_role(ctx)
        if len(speakers) == 1:
            speakers[0].add_role(role)
            ctx.guess_role(speakers[0], role)
            return speakers[0]
    entity = ctx.adhoc(role, SpeakerKind.PERSON)
    entity.add_role(role)
    return entity


def holds(entity: Entity, title: str, lexicon: Lexicon) -> bool:
    """True when one of ``entity``'s roles has the word ``title`` (``president`` is not in ``presidential``),
    abbreviations written out (``Vermont Sen.`` holds ``senator``)."""
    pattern = re.compile(rf"\b{re.escape(title)}\b")
    return any(
        pattern.search(r.lower()) or pattern.search((clean_role(r, lexicon) or "").lower()) for r in entity.roles
    )


def described_subject(ctx: Context, mention: Span) -> Entity | None:
    """``Mike Pence says too much is made of it. ... The Indiana governor said``: a definite description (``the``
    or an owner's: ``Obama's former campaign strategist``) that speaks goes on with the person last named as a
    subject, in its sentence or the two before, as news style varies the name; an organisation as that subject
    stops the search (the description may be its officer), and so does a gendered title that does not fit.
    """
    first_word = mention[0]
    owned = first_word.dep_ == "poss" and first_word.pos_ != "PRON"  # "his doctor" is not he
    head_word = role_head(mention.text, ctx.lexicon)
    # A two-word title has no title word of its own ("the former first lady").
    titled = is_title_token(mention.root, ctx.lexicon) or (head_word is not None and " " in head_word)
    if (first_word.lower_ != "the" and not owned) or not titled:
        return None  # "Obama's evolution on climate" names no one
    start = mention.sent.start
    for _ in range(_DESCRIPTION_SENTENCES):
        if start > 0:
            start = ctx.doc[start - 1].sent.start
    owners = [e for t in mention if (e := ctx.index.entity_at(t.i)) is not None]
    for i, entity in ctx.index.entities_back_from(mention.start, start):
        tok = ctx.doc[i]
        if tok.dep_ not in ("nsubj", "nsubjpass") or ctx.quoted(tok.idx) or any(e is entity for e in owners):
            continue
        if entity.kind is not SpeakerKind.PERSON:
            return None
        gender = ctx.lexicon.person_descriptions.get(mention.root.lower_) or _GENDERED_TITLES.get(mention.root.lower_)
        if gender is not None and not fits(ctx, gender, entity):
            return None
        # A person the article gives other titles is not this one ("President Trump ... the prime minister"); a
        # post held before conflicts with none ("Clinton, the former secretary of State, ... The former first lady
        # said"): people gather former posts.
        stated = not entity.roles or (head_word is not None and holds(entity, head_word, ctx.lexicon))
        if head_word is not None and other_qualifier(mention.text, entity.roles, head_word, ctx.lexicon):
            return None  # "City boss Maria Santos ... the Rovers boss said"
        return entity if stated or _former(mention) else None
    return None


def _former(mention: Span) -> bool:
    """True for a description of a post held before (``the former first lady``, ``the ex-president``)."""
    return any(t.lower_ in _FORMER_WORDS or t.lower_.startswith("ex-") for t in mention)


def named_after(ctx: Context, mention: Span) -> Entity | None:
    """``A former party chairman says the party needs a plan. ... “...,” said Don Fowler``: an indefinite title
    that speaks, then a named person who speaks in the next two sentences, is that person (the lede's way of
    holding the name back). Never an anonymous head (``a senior official``), a person with another title, or one
    the gendered title does not fit."""
    head = mention.root
    if head.lower_ in ctx.lexicon.unnamed_heads or head.tag_ != "NN":
        return None
    sentence = mention.sent
    end = sentence.end
    for _ in range(_DESCRIPTION_SENTENCES):
        if end < len(ctx.doc):
            end = ctx.doc[end].sent.end
    head_word = role_head(mention.text, ctx.lexicon)
    gender = ctx.lexicon.person_descriptions.get(head.lower_) or _GENDERED_TITLES.get(head.lower_)
    # "Millions will lose their jobs, a charity has warned. ... Christian Aid condemned the move": a kind of
    # organisation held back the same way is the organisation named next.
    kind = SpeakerKind.ORGANIZATION if head.lower_ in ctx.lexicon.organization_words else SpeakerKind.PERSON
    for tok in ctx.doc[sentence.end : end]:
        if tok.dep_ not in ("nsubj", "nsubjpass") or ctx.quoted(tok.idx) or not is_cue(ctx, tok.head):
            continue
        entity = ctx.index.entity_at(tok.i)
        if entity is None or entity.kind is not kind:
            return None  # the next one to speak is not named: the description stays unnamed
        if gender is not None and not fits(ctx, gender, entity):
            return None
        # A description with no title of its own ("a leading industry figure") conflicts with no stated title.
        stated = head_word is None or not entity.roles or holds(entity, head_word, ctx.lexicon)
        if head_word is not None and other_qualifier(mention.text, entity.roles, head_word, ctx.lexicon):
            return None
        return entity if stated else None
    return None


def named_speakers_without_role(ctx: Context) -> list[Entity]:
    if ctx.named_speaker_cache is None:
        ctx.named_speaker_cache = find_named_speakers(ctx)
    return [e for e in ctx.named_speaker_cache if not e.roles]


def find_named_speakers(ctx: Context) -> list[Entity]:
    found: list[Entity] = []
    for tok in cue_words(ctx):
        if not is_cue(ctx, tok):
            continue
        for child in tok.children:
            if child.dep_ in SUBJECT_DEPS:
                entity = ctx.index.entity_at(child.i)
                if entity is not None and entity.kind is SpeakerKind.PERSON and entity not in found:
                    found.append(entity)
    return found


def antecedent(ctx: Context, pronoun: str, verb: Token) -> Entity | None:
    """The entity a pronoun subject refers to: an organisation subject just named, for ``it`` and ``they``
    (:func:`quotebank.attribute.pronouns.organisation_subjects`), else
    :func:`quotebank.attribute.pronouns.nearest_antecedent`."""
    for tok in organisation_subjects(ctx, pronoun, verb):
        entity, _ = resolve(ctx, noun_phrase(ctx, tok), verb)
        if entity is not None:
            return entity
    return nearest_antecedent(ctx, pronoun, verb)
