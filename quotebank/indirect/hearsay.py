"""Reports with no verb of their own: ``reportedly``/``allegedly`` clauses and a report continued.

**Continued and unnamed reports.** A report goes on into the next sentence of its paragraph when that sentence has
no cue of its own and opens with ``But``/``However`` in the reported tense (``But it would also ...``) or elides its
verb (``Their bosses aren't.``); ``reportedly``/``allegedly`` make their clause an unnamed source's account (``after
he allegedly took the cash``), with no speaker.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from ..lexicons import Lexicon
from ..syntax import ELLIPSIS_DEPS, ends_in_question, sentence_of
from .spans import QUOTE_CHARS, paragraph_break, trim, words_of

__all__ = ["continued_report", "hearsay_reports"]

_ELLIPSIS_TOKENS = 8


def hearsay_reports(doc: Doc, *, lexicon: Lexicon | None = None) -> list[tuple[Token, Span]]:
    """Each ``reportedly``/``allegedly`` with the clause it marks as someone's account (``he allegedly fired``).

    The adverb attributes the clause to reports or accusers it does not name, so the content has no speaker. Only
    a clause counts (``the allegedly stolen car`` is a description), and a question reports nothing. The clause
    starts at its subject: ``after`` in ``after he allegedly brandished a pistol`` places the event.
    """
    strings = doc.vocab.strings
    wanted = {strings.add(w) for w in words_of(lexicon).hearsay_adverbs}
    out: list[tuple[Token, Span]] = []
    for i, lower in enumerate(doc.to_array(["LOWER"]).tolist()):
        if lower not in wanted:
            continue
        adverb = doc[i]
        verb = adverb.head
        if adverb.dep_ != "advmod" or verb.pos_ not in ("VERB", "AUX") or verb.dep_ in ("amod", "acl"):
            continue
        if ends_in_question(sentence_of(verb)):
            continue
        # A clause coordinated after it ("..., and police arrested him") is not covered by the adverb.
        left_out = {t.i for c in verb.rights if c.dep_ in ("conj", "cc") for t in c.subtree}
        left_out.update(c.i for c in verb.lefts if c.dep_ in ("mark", "cc"))
        parts = [t.i for t in verb.subtree if t.i not in left_out]
        start, end = trim(doc, parts[0], parts[-1] + 1, lexicon)
        if start == adverb.i and start + 1 < end and doc[start + 1].is_punct:
            start, end = trim(
                doc, start + 1, end, lexicon
            )  # "Reportedly, the deal is worth ...": the adverb is the cue
        if end - start >= 3:
            out.append((adverb, doc[start:end]))
    return out


def continued_report(content: Span, lexicon: Lexicon) -> Span | None:
    """The next sentence of the paragraph when it goes on with the report in ``content``, or None.

    A paraphrase often runs on into a sentence with no cue of its own, which still speaks in the reported tense:
    ``The museum, he said, would make visitors face hard truths. But it would also show ...``, ``The rank and file
    were punished, she said. The executives were not.`` Only two shapes count, since a sentence after a report is
    otherwise the writer's own: a contrast or addition (``But``, ``However``, ``Yet``, ``And``) kept in the
    reported tense (``would``, ``could``, ``might``, ``had`` done), and an elided verb phrase (``aren't``) that
    means nothing without the report before it. A sentence that quotes, reports or asks is not a continuation.
    """
    doc = content.doc
    sent = sentence_of(content[-1])
    start = sent.end
    while start < len(doc) and doc[start].is_space:
        start += 1
    if start >= len(doc) or paragraph_break(doc, start) or paragraph_break(doc, sent.end):
        return None
    nxt = sentence_of(doc[start])
    lo, hi = trim(doc, nxt.start, nxt.end, lexicon)
    if hi - lo < 2 or ends_in_question(nxt):
        return None
    for tok in nxt:
        lemma = tok.lemma_.lower()
        if tok.text in QUOTE_CHARS or tok.text in ("``", "''") or tok.lower_ == "according":
            return None
        if tok.pos_ in ("VERB", "AUX") and (lemma in lexicon.speech_verbs or lemma in lexicon.cognition_verbs):
            return None  # a report or a thought of its own, maybe someone else's
    root = nxt.root
    auxiliaries = [c for c in root.children if c.dep_ in ("aux", "auxpass")]
    backshifted = any(c.lower_ in lexicon.backshift_modals for c in auxiliaries) or (
        root.tag_ == "VBN" and any(c.lower_ == "had" for c in auxiliaries)
    )
    if doc[lo].lower_ in lexicon.continuing_conjunctions and backshifted:
        return doc[lo:hi]
    elided = (root.pos_ == "AUX" or root.lemma_ == "do") and all(c.dep_ in ELLIPSIS_DEPS for c in root.children)
    if elided and any(c.dep_ == "nsubj" for c in root.children) and hi - lo <= _ELLIPSIS_TOKENS:
        return doc[lo:hi]
    return None
