"""Cue words: which tokens may report speech (a reporting verb, ``according to``, a speech noun)."""

from __future__ import annotations

from spacy.tokens import Token

from .context import Context

__all__ = ["cue_words", "fragment_predicate", "is_cue", "is_speech_noun"]

# Ambiguous reporting verbs: cues in every use, participles included (see is_cue).
_AMBIGUOUS_VERBS = frozenset(
    {"add", "continue", "read", "answer", "write", "post", "call", "describe", "note", "order"}
)


def is_cue(ctx: Context, tok: Token) -> bool:
    if ctx.quoted(tok.idx):
        return False
    lemma = tok.lemma_.lower()
    if tok.lower_ == "according" and tok.i + 1 < len(ctx.doc) and ctx.doc[tok.i + 1].lower_ == "to":
        return True
    if lemma == "make" and any(
        c.lower_ in ("clear", "plain") and c.dep_ in ("acomp", "oprd", "ccomp") for c in tok.children
    ):
        # "has made clear that ...": a statement, whoever makes it.
        return True
    if tok.pos_ not in ("VERB", "AUX") or lemma not in ctx.lexicon.speech_verbs:
        return False
    if lemma in _AMBIGUOUS_VERBS:
        # Ambiguous verbs ("added", "wrote", "called") are cues in every use, participles included: whether one
        # reports speech is left to the speaker found for it (a cue event with no speaker attributes no quote).
        return True
    # "the statement issued on Monday" modifies a noun; "officials who have argued that" is a report.
    participle = tok.tag_ == "VBN" and tok.dep_ in ("acl", "relcl") and not any(c.dep_ == "aux" for c in tok.children)
    return not (tok.dep_ == "amod" or (participle and not fragment_predicate(tok)))


def fragment_predicate(tok: Token) -> bool:
    """True for a past tense the parser read as a participle in a sentence with no verb of its own: ``“...,” a
    passenger posted on X`` parses as the noun ``passenger`` (the root) modified by ``posted``; the sentence needs a
    predicate, and the participle is it, its noun the subject. ``The statement issued on Monday was short`` has
    a verb, and ``posted`` stays a participle there."""
    head = tok.head
    if not (
        tok.tag_ == "VBN"
        and tok.dep_ == "acl"
        and head.pos_ in ("NOUN", "PROPN")
        and head.i < tok.i
        and not any(c.dep_ in ("agent", "auxpass", "aux") for c in tok.children)
    ):
        return False
    # No verb above the noun: it is the root, or joined to a verbless root ("“Stuck for hours,” one traveler posted").
    return not any(a.pos_ in ("VERB", "AUX") for a in head.ancestors)


def cue_words(ctx: Context) -> list[Token]:
    """The tokens whose word or lemma is in the cue lexicons: the only ones worth a closer look.

    Read from the Doc's arrays, so that a Token object is built only for these (building one for every token
    of the document, several times over, was most of quotebank's own time).
    """
    if ctx.cue_word_cache is None:
        strings = ctx.doc.vocab.strings
        lexicon = ctx.lexicon
        words = {*lexicon.speech_verbs, *lexicon.speech_nouns, *lexicon.cue_nouns, "according", "make"}
        wanted = {strings.add(w) for w in words}
        rows = ctx.doc.to_array(["LEMMA", "LOWER"])
        ctx.cue_word_cache = [ctx.doc[i] for i, (lemma, lower) in enumerate(rows) if lemma in wanted or lower in wanted]
    return ctx.cue_word_cache


def is_speech_noun(ctx: Context, tok: Token) -> bool:
    words = (tok.lower_, tok.lemma_.lower())
    return tok.pos_ in ("NOUN", "PROPN") and any(
        w in ctx.lexicon.speech_nouns or w in ctx.lexicon.cue_nouns for w in words
    )
