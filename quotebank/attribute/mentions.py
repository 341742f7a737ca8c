"""Mentions: the noun phrase that names who speaks through a cue (its subject, agent, owner or a name nearby).

Everything here reads the parse only; which entity a mention refers to is :mod:`quotebank.attribute.entities`.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from ..indirect import DATELINE_DASHES, is_added_report
from ..roles import is_title_token
from .context import SUBJECT_DEPS, Context
from .cues import fragment_predicate, is_speech_noun

__all__ = [
    "after_dateline",
    "agentive",
    "appositive_after",
    "dateline_dash",
    "is_dateline",
    "may_own",
    "mistagged_report",
    "noun_phrase",
    "object_controller",
    "owner_of",
    "person_name",
    "subject_of",
    "surface_subject",
]

_NP_MODIFIERS = frozenset(
    {"compound", "amod", "poss", "det", "nmod", "nummod", "case", "quantmod", "predet", "cc", "conj", "npadvmod"}
)
# Verbs whose subject makes the speech noun they take as object ("filed papers", "made a comment").
_PRODUCING_VERBS = frozenset({"file", "make", "submit", "write", "draft"})
_OCCASION_PREPOSITIONS = frozenset({"at", "during", "in", "on"})
# What opens an appositive with a determiner ("Roe, a lawyer,"), and how far it may run.
_APPOSITIVE_OPENERS = frozenset({"a", "an", "the", "his", "her", "their", "several", "many"})
_APPOSITIVE_WORDS = 14
# Verbs whose object, not their subject, did what the infinitive after it says ("forced him to admit"). Requests
# ("urged him to say") and rules ("a law requiring candidates to disclose") say nothing was said.
_OBJECT_CONTROL = frozenset({"force", "compel", "prompt", "lead", "get", "cause", "drive", "spur", "push", "oblige"})


def noun_phrase(ctx: Context, head: Token) -> Span:
    """The head with its pre-modifiers (titles included), without clauses, appositives or line breaks."""
    doc = ctx.doc
    start = head.i
    for child in head.lefts:
        if child.dep_ in _NP_MODIFIERS:
            start = min(start, child.left_edge.i)
    end = head.i + 1
    for child in head.rights:
        # "a person familiar with the matter", "a source close to the campaign": who the source is.
        described = child.dep_ == "amod" and head.pos_ == "NOUN"
        if (
            child.dep_ in ("compound", "flat")
            or (child.dep_ == "prep" and child.lower_ in ("of", "from", "with"))
            or described
        ):
            end = max(end, child.right_edge.i + 1)
        else:
            break
    for i in range(head.i - 1, start - 1, -1):
        tok = doc[i]
        if "\n" in tok.text_with_ws or (tok.is_punct and tok.text not in ("-", "–", "&", ".")):
            start = i + 1
            break
    for i in range(head.i + 1, end):
        if "\n" in doc[i - 1].text_with_ws or ctx.quoted(doc[i].idx):
            end = i
            break
    return doc[start:end]


def subject_of(ctx: Context, verb: Token) -> Span | None:
    doc = ctx.doc
    if verb.lower_ == "according":
        to = doc[verb.i + 1]
        objects = [c for c in to.children if c.dep_ == "pobj"]
        return noun_phrase(ctx, objects[0]) if objects else None
    subjects = [
        c
        for c in verb.children
        if c.dep_ in SUBJECT_DEPS and not ctx.quoted(c.idx) and c.ent_type_ not in ("DATE", "TIME")
    ]
    if len(subjects) > 1:
        subjects = [s for s in subjects if not is_dateline(ctx, s)] or subjects
    agents = [g for a in verb.children if a.dep_ == "agent" for g in a.children if g.dep_ == "pobj"]
    if agents and all(s.dep_ == "nsubjpass" for s in subjects):
        # "The plan was criticized by Democrats": the agent speaks; the passive subject is what it spoke of.
        subjects = agents
    if not subjects and verb.dep_ == "conj" and is_added_report(verb, ctx.lexicon):
        # "China said it was opposed to the test and warned Pyongyang": China warned.
        reporter = verb.head.head
        reporters = [c for c in reporter.children if c.dep_ in ("nsubj", "nsubjpass")]
        return noun_phrase(ctx, reporters[0]) if reporters else None
    if not subjects and fragment_predicate(verb):
        # "“...,” a passenger posted on X": the parse made the noun the root; an appositive's noun is its head's
        # ("Senator Tom Hardy, a longtime critic of the agency, called for ...").
        noun = verb.head
        while noun.dep_ == "appos" and noun.head.i != noun.i:
            noun = noun.head
        return noun_phrase(ctx, noun)
    before = doc[verb.i - 1] if verb.i > 0 else None
    if not subjects and verb.tag_ == "VBG" and verb.dep_ in ("xcomp", "advcl") and before is not None:
        of_name = before.ent_type_ == "PERSON" and before.dep_ == "pobj" and before.head.lower_ == "of"
        if of_name and not ctx.quoted(before.idx):
            # "The ad uses footage of Hillary Clinton asking, “...”": the parse hung the participle on the verb;
            # the name right before it is who asks ("attacked Clinton saying" is not of this kind).
            return noun_phrase(ctx, before)
    if not subjects and verb.tag_ == "VBG" and verb.dep_ == "acl" and verb.head.pos_ in ("NOUN", "PROPN"):
        occasion = verb.head.head
        if (
            is_speech_noun(ctx, verb.head)
            and verb.head.dep_ == "pobj"
            and occasion.lower_ in _OCCASION_PREPOSITIONS
            and occasion.head.lemma_.lower() in ctx.lexicon.speech_verbs
            and occasion.head.i != verb.i
        ):
            # "she said at a news conference announcing ...": who spoke there held it.
            spoke = subject_of(ctx, occasion.head)
            if spoke is not None:
                return spoke
        # "footage of Hillary Clinton asking, “...”"
        return noun_phrase(ctx, verb.head)
    if (
        not subjects
        and verb.tag_ in ("VBG", "VB")
        and verb.dep_ in ("advcl", "xcomp", "conj", "pcomp")
        and verb.head.i != verb.i
    ):
        # "tweeted ..., adding", "took to Twitter to accuse", "aside from saying": the governing verb's
        # subject speaks.
        governor = verb.head
        controller = object_controller(ctx, verb)
        if controller is not None:
            return noun_phrase(ctx, controller)
        if verb.dep_ == "pcomp" and governor.dep_ == "prep" and governor.head.i != governor.i:
            governor = governor.head
        if (
            is_added_report(verb, ctx.lexicon)
            and governor.dep_ == "ccomp"
            and governor.head.lemma_.lower() in ctx.lexicon.speech_verbs
        ):
            # "Analysts said the factors have contributed ..., citing X": the analysts cite, not the factors.
            governor = governor.head
        for _ in range(3):
            head_subjects = [after_dateline(ctx, c) for c in governor.children if c.dep_ in ("nsubj", "nsubjpass")]
            head_subjects = [c for c in head_subjects if not is_dateline(ctx, c)]
            if head_subjects:
                return noun_phrase(ctx, head_subjects[0])
            if is_added_report(verb, ctx.lexicon) and governor.dep_ == "acl" and governor.head.dep_ == "dobj":
                # "defended plans to cut benefits, telling MPs that ...": the participle goes with the
                # sentence's verb, not with the infinitive the parser hung it on.
                governor = governor.head.head
                continue
            if governor.dep_ not in ("conj", "xcomp") or governor.head.i == governor.i:
                break
            # "Dean appeared on MSNBC and began by saying": up the coordination to the shared subject.
            governor = governor.head
    if not subjects and verb.dep_ == "conj" and verb.head.i != verb.i and verb.head.pos_ in ("VERB", "AUX"):
        # "Trump has used the phrase often, and criticized Obama for ...": coordinated verbs share the subject.
        head_subjects = [c for c in verb.head.children if c.dep_ in ("nsubj", "nsubjpass") and not ctx.quoted(c.idx)]
        if head_subjects:
            return noun_phrase(ctx, head_subjects[0])
    if not subjects and verb.dep_ == "relcl" and verb.head.pos_ in ("NOUN", "PROPN"):
        subjects = [verb.head]
    if not subjects:
        agents = [c for c in verb.children if c.dep_ == "agent"]
        objects = [g for a in agents for g in a.children if g.dep_ == "pobj"]
        subjects = objects
    if not subjects:
        # "read an IRGC statement": the speaker owns the object speech noun.
        objects = [c for c in verb.children if c.dep_ in ("dobj", "obj") and is_speech_noun(ctx, c)]
        if objects:
            return noun_phrase(ctx, objects[0])
        return surface_subject(ctx, verb)
    subject = min(subjects, key=lambda s: abs(s.i - verb.i))
    phrase = noun_phrase(ctx, subject)
    if len(subjects) > 1 and all(s.i < verb.i for s in subjects):
        start = min(s.left_edge.i for s in subjects)
        phrase = doc[start : phrase.end]
    return phrase


def object_controller(ctx: Context, verb: Token) -> Token | None:
    """``forced Stumpf to admit``, ``prompted his wife to make``: the object does what the infinitive says."""
    governor = verb.head
    if verb.dep_ != "xcomp" or verb.tag_ != "VB" or governor.lemma_.lower() not in _OBJECT_CONTROL:
        return None
    objects = [c for c in governor.children if c.dep_ in ("dobj", "obj") and c.i < verb.i]
    # Only someone can be made to speak: "used blunt language to denounce" leaves the subject speaking.
    if not objects or ctx.quoted(objects[0].idx):
        return None
    return objects[0] if agentive(ctx, objects[0]) else None


def agentive(ctx: Context, tok: Token) -> bool:
    """True for a word that names someone who can speak: a name, an organisation, a person pronoun or noun."""
    lemma = tok.lemma_.lower()
    if tok.pos_ == "PRON":
        return tok.lower_ in ("him", "her", "them", "me", "us")
    return (
        tok.ent_type_ in ("PERSON", "ORG", "NORP", "GPE")
        or person_name(ctx, tok)
        or lemma in ctx.lexicon.unnamed_heads
        or tok.lower_ in ctx.lexicon.unnamed_heads
        or lemma in ctx.lexicon.person_descriptions
        or lemma in ctx.lexicon.organization_words
        or is_title_token(tok, ctx.lexicon)
    )


def surface_subject(ctx: Context, verb: Token) -> Span | None:
    """A name right before or (after a quote) right after the verb, when the parse gives no subject."""
    doc = ctx.doc

    def namelike(tok: Token) -> bool:
        return (
            not tok.is_punct
            and tok.ent_type_ not in ("DATE", "TIME")  # "called Friday for": when, not who
            and "\n" not in tok.text_with_ws
            and not ctx.quoted(tok.idx)
            and (tok.pos_ in ("PROPN", "NOUN", "ADJ", "DET") or tok.text[:1].isupper() or tok.text in ("’s", "'s"))
        )

    i = verb.i - 1
    while i >= 0 and doc[i].pos_ in ("AUX", "ADV", "PART") and doc[i].text not in ("’s", "'s"):
        i -= 1
    if i > 0 and doc[i].text == ",":
        # "Flynn, a top Trump surrogate, said": the name before the appositive.
        k = i - 1
        while k > 0 and doc[k].text != "," and i - k < 16 and "\n" not in doc[k].text_with_ws:
            k -= 1
        if k > 2 and doc[k].text == "," and doc[k - 1].text == ")":
            # "Roy Cooper (D), the state's attorney general, called": the party tag follows the name.
            opening = next((j for j in range(k - 2, max(0, k - 8), -1) if doc[j].text == "("), None)
            if opening is not None and opening > 0 and doc[opening - 1].pos_ == "PROPN":
                k = opening
        if k > 0 and doc[k].text in (",", "(") and doc[k - 1].pos_ == "PROPN":
            name_end = k
            n = k - 1
            while n > 0 and namelike(doc[n - 1]) and name_end - n < 6:
                n -= 1
            return doc[n : i + 1]
    if i > 1 and doc[i].text == "," and doc[i - 1].pos_ == "PROPN" and not ctx.quoted(doc[i - 1].idx):
        # "“...,” shop owner Hayriye Evren, told AP": a comma put between the name after a quote and its verb.
        n = i - 1
        while n > 0 and namelike(doc[n - 1]) and i - n < 8:
            n -= 1
        if n > 0 and doc[n - 1].text in ("”", '"', "’", "'"):
            return doc[n:i]
    end = i + 1
    while i >= 0 and namelike(doc[i]) and end - i <= 8:
        i -= 1
    left = doc[i + 1 : end]
    if len(left) and any(t.pos_ == "PROPN" or t.ent_type_ in ("PERSON", "ORG") for t in left):
        return left
    if verb.i == 0 or doc[verb.i - 1].text in ("”", '"', "’", "'", ",") or doc[verb.i].is_sent_start:
        j = verb.i + 1
        while j < len(doc) and (namelike(doc[j]) or (doc[j].text == "." and j > verb.i + 1)) and j - verb.i <= 8:
            j += 1
        right = doc[verb.i + 1 : j]
        if len(right) and any(t.pos_ == "PROPN" or t.ent_type_ in ("PERSON", "ORG") for t in right):
            return right
    return None


def dateline_dash(ctx: Context, tok: Token) -> int | None:
    """``DES MOINES, Iowa — A judge ruled``: the dash after a place the parser took for a subject, if any."""
    if not (tok.text.isupper() and len(tok.text) > 1):
        return None
    return next((t.i for t in ctx.doc[tok.i + 1 : tok.i + 5] if t.text in DATELINE_DASHES), None)


def is_dateline(ctx: Context, tok: Token) -> bool:
    return dateline_dash(ctx, tok) is not None


def after_dateline(ctx: Context, subject: Token) -> Token:
    """``DES MOINES, Iowa — A state judge``: the parser may hang the real subject on the dateline."""
    dash = dateline_dash(ctx, subject)
    if dash is None:
        return subject
    after = [c for c in subject.children if c.dep_ == "appos" and c.i > dash and c.pos_ in ("NOUN", "PROPN")]
    return after[0] if after else subject


def mistagged_report(ctx: Context, tok: Token) -> Span | None:
    """``Trump charges that ...``: a reporting verb in ``-s`` the tagger took for a plural noun; its speaker.

    Heading the sentence, with a capitalised word right before it and a ``that`` clause after it, it is the
    verb; read as a speech noun, the name owns it and the clause is its content.
    """
    if tok.tag_ not in ("NNS", "NNPS") or tok.dep_ != "ROOT" or tok.lemma_.lower() not in ctx.lexicon.speech_verbs:
        return None  # "Manafort charges that prosecutors filed were dropped": a noun that heads no sentence
    clauses = [c for c in tok.children if c.dep_ in ("acl", "ccomp") and c.i > tok.i]
    if not any(m.dep_ == "mark" and m.lower_ == "that" for c in clauses for m in c.children):
        return None
    names = [c for c in tok.children if c.dep_ == "compound" and c.i == tok.i - 1 and c.is_title]
    return noun_phrase(ctx, names[0]) if names else None


def person_name(ctx: Context, tok: Token) -> bool:
    """True for the head of what reads as a person's name (``Kemi Badenoch``), whatever the recogniser said."""
    if tok.ent_type_ == "PERSON":
        return True
    if tok.pos_ != "PROPN" or tok.ent_type_ in ("DATE", "TIME") or tok.lower_ in ctx.lexicon.organization_words:
        return False
    words = [c for c in tok.lefts if c.dep_ in ("compound", "flat")] + [tok]
    return 2 <= len(words) <= 3 and all(w.text[:1].isupper() and w.text[1:].islower() for w in words)


def owner_of(ctx: Context, noun: Token) -> Span | None:
    for child in noun.children:
        if child.dep_ == "poss" or (
            # "an IRGC statement", not "a campaign message": a common noun in front classifies, it does not own
            child.dep_ == "compound"
            and (not is_speech_noun(ctx, child) or child.ent_type_ in ("ORG", "PERSON"))  # "a Post report"
            and may_own(ctx, child)
        ):
            return noun_phrase(ctx, child)
        if child.dep_ == "prep" and child.lower_ in ("from", "by", "of"):
            objects = [g for g in child.children if g.dep_ == "pobj"]
            if objects:
                return noun_phrase(ctx, objects[0])
    for child in noun.children:
        if child.dep_ == "amod" and (child.ent_type_ in ("ORG", "NORP", "GPE")):
            return noun_phrase(ctx, child)
    verb = noun.head
    producing = verb.lemma_.lower() in ctx.lexicon.delivery_verbs or verb.lemma_.lower() in _PRODUCING_VERBS
    if noun.dep_ in ("dobj", "obj") and producing:
        # "the Security Council issued a statement calling ...": who issues the statement speaks through it;
        # "lawyers filed papers opposing ...", "prompted her to make a comment that ...": so do the filer and
        # the maker.
        subject = subject_of(ctx, verb)
        if subject is not None and subject.root.i != noun.i:
            return subject
    return None


def appositive_after(ctx: Context, last: int) -> Span | None:
    """The noun phrase set off by a comma after the name that ends at token ``last``: ``, a writer for The
    Atlantic,``, ``, his wife,``, ``, senior associate for education organizing at X,``, ``, one of several coal
    industry veterans who``; None for a list of names (``Trump, Clinton and Sanders``) or a clause.

    With no article, only a phrase closed by a comma and headed by a common noun (an adjective may lead it) is
    an appositive; ``one of`` and its quantifier are no part of the description.
    """
    doc = ctx.doc
    i = last
    if i + 3 >= len(doc) or doc[i + 1].text != ",":
        return None
    start = i + 2
    if doc[start].lower_ == "one" and doc[start + 1].lower_ == "of" and start + 2 < len(doc):
        start += 2  # "Robert McAtee, one of several coal industry veterans who": the veterans describe him
        if doc[start].pos_ not in ("DET", "ADJ", "PRON") or start + 1 >= len(doc):
            return None
    lead = start + 1 if doc[start].pos_ == "ADJ" and doc[start].is_lower and start + 1 < len(doc) else start
    opened = doc[start].lower_ in _APPOSITIVE_OPENERS
    bare = not opened and doc[lead].pos_ == "NOUN" and doc[lead].is_lower and doc[start].is_lower
    if not opened and not bare:
        return None
    if opened:
        start += 1
    end = start
    while end < len(doc) and end - i <= _APPOSITIVE_WORDS and not _closes_appositive(doc[end]):
        end += 1
    if bare and (end >= len(doc) or doc[end].text != ","):
        return None
    phrase = doc[start:end]
    if not len(phrase) or not any(t.pos_ in ("NOUN", "PROPN") for t in phrase) or ctx.quoted(doc[end - 1].idx):
        return None
    return phrase


def _closes_appositive(tok: Token) -> bool:
    if tok.text in (",", ".", ";", ":", "(", ")", "—", "–") or "\n" in tok.text_with_ws:
        return True
    # "senior associate for education organizing at X": a participle goes on with the phrase; a finite verb
    # ("Roe, a lawyer, said") or a relative pronoun starts a clause.
    finite = tok.pos_ in ("VERB", "AUX") and tok.tag_ not in ("VBG", "VBN")
    return finite or tok.lower_ in ("who", "which", "that", "whose")


def may_own(ctx: Context, modifier: Token) -> bool:
    return modifier.pos_ == "PROPN" or modifier.ent_type_ != "" or modifier.is_upper
