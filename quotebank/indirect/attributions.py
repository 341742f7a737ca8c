"""Parenthetical and trailing attributions: ``X, she concedes, could ...`` and ``... . Y, Dr. Patel said.``

**Parenthetical and trailing cues.** Any reporting verb between commas with its speaker and no object of its own
(``Most of the savings, she concedes, will ...``) gives the sentence, or the clause it interrupts, a fronted ``If``
clause included; a quote or a clause coordinated after the cue is not part of it. A trailing attribution that closes
a paragraph covers the paragraph's earlier present-tense sentences that quote, report, date or name no one.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from ..lexicons import Lexicon
from ..syntax import OWN_CONTENT_DEPS, has_subject, sentence_of
from .frames import nominal_content
from .spans import (
    ATTRIBUTION_BREAKS,
    QUOTE_CHARS,
    attribution_start,
    holds_quote,
    is_marker,
    paragraph_break,
    present_tense,
    trim,
    words_of,
)

__all__ = ["paragraph_lead", "parenthetical_content"]


def paragraph_lead(sent: Span, lexicon: Lexicon | None) -> int:
    """The start of the sentences a paragraph-closing attribution covers (``... . An acre holds 150 tons, he said.``).

    News attributes a paragraph of paraphrase once, at its end: earlier sentences of the paragraph belong to the
    content while none of them quotes, reports or names anyone, which would make it the writer's own narration or
    another source's. An attribution inside a paragraph covers its own sentence only.
    """
    doc = sent.doc
    start = sent.start
    if lexicon is None or not paragraph_break(doc, sent.end):
        return start
    own = [t for t in sent if t.dep_ in ("ccomp", "parataxis") and t.head.lemma_.lower() in lexicon.speech_verbs]
    if own and not present_tense(own[0]):
        return start  # "Wednesday's attacks killed some Iraqis, CNN reported.": news of an event, not an explanation
    while start > 0 and not paragraph_break(doc, start):
        previous = sentence_of(doc[start - 1])
        if any(t.text in QUOTE_CHARS or t.lower_ == "according" or _stops_lead(t, lexicon) for t in previous):
            break
        if not present_tense(previous.root):
            break  # "The council met on Tuesday.": the writer narrating events, not the source explaining
        start = previous.start
    return start


def _stops_lead(tok: Token, lexicon: Lexicon) -> bool:
    """A word that makes its sentence something other than more of a trailing attribution's content.

    A verb of saying or thinking is another attribution (``environmentalists worry that``), and a named
    person is the writer introducing or describing someone (``One of his backers is Chandler Smith``), and a
    date or time places an event the writer narrates.
    """
    if tok.ent_type_ in ("PERSON", "DATE", "TIME") or (
        tok.dep_ == "ccomp" and any(is_marker(c, lexicon) for c in tok.children)
    ):
        return True  # a that-clause: someone's claim or thought, even where the lemma is wrong ("hoping" -> "hop")
    if tok.pos_ not in ("VERB", "AUX"):
        return False
    lemma = tok.lemma_.lower()
    return lemma in lexicon.speech_verbs or lemma in lexicon.cognition_verbs


def parenthetical_content(verb: Token, lexicon: Lexicon | None = None) -> Span | None:
    """The sentence around a parenthetical or trailing cue (``The truth, the senator said, was ...``).

    ``As X put it, ...`` gives the main clause. With a lexicon, any of its reporting verbs may stand between the
    commas (``All of this, he concedes, could be undone``); without one, only the common ones.
    """
    doc = verb.doc
    sent = sentence_of(verb)
    lemma = verb.lemma_.lower()
    words = words_of(lexicon)
    marked_as = lemma in words.as_verbs and any(c.dep_ == "mark" and c.lower_ == "as" for c in verb.children)
    if not marked_as and _has_own_content(verb, lexicon):
        return None  # "At the debate, Clinton cited her remarks": the verb says something of its own
    if not marked_as and not any(c.dep_ == "nsubj" for c in verb.children):
        return None  # "walked onto the stage, chanting", "one soon to be answered": no speaker between the commas
    if any(c.dep_ == "mark" and c.lower_ != "as" for c in verb.children):
        return None  # "because she said", "though he admits": a clause about the saying, not an aside
    # Inside a sentence, a phrase set off by a comma before the speaker is content the parser hung on the verb
    # ("If it fails, Mr. X argues, there are other tools"). A sentence's own root keeps its modifiers.
    attribution = attribution_start(verb)
    fronted: set[int] = set()  # tokens of the verb's subtree that are not part of the cue
    if verb.dep_ != "ROOT":
        for child in verb.lefts:
            after = child.right_edge.i + 1
            if child.i < attribution and after < attribution and doc[after].text in ATTRIBUTION_BREAKS:
                fronted.update(t.i for t in child.subtree)
    for child in verb.rights:
        if child.dep_ == "conj" or (child.dep_ == "cc" and child.i > verb.i):
            fronted.update(t.i for t in child.subtree)  # "..., she said, and “they kept ...”": a clause of its own
    cue_tokens = sorted(t.i for t in verb.subtree if t.i not in fronted and not (t.is_punct and t.head.i == verb.i))
    first, last = cue_tokens[0], cue_tokens[-1]
    parenthetical = lemma in words.parenthetical_verbs or (
        lexicon is not None and lemma in lexicon.speech_verbs and lemma not in lexicon.cognition_verbs
    )
    if not marked_as and (last - first > 6 or not parenthetical):
        return None
    before_comma = first > sent.start and doc[first - 1].text in ATTRIBUTION_BREAKS
    after_comma = last + 1 >= sent.end or doc[last + 1].text in (",", ".", ";", "!") or doc[last + 1].is_space
    if not (
        marked_as or (verb.dep_ in ("parataxis", "ccomp", "advcl", "conj", "ROOT") and before_comma and after_comma)
    ):
        return None
    if verb.head.i != verb.i and sent.start <= verb.head.i < sent.end and first <= verb.head.i <= last:
        return None
    lo, hi = sent.start, sent.end
    head = verb.head
    if head.i != verb.i and head.pos_ in ("VERB", "AUX") and lo <= head.i < hi:
        # "If, as I've suggested, developers benefit from ..., he has proposed nothing": an aside inside a clause
        # is about that clause only.
        inner = max(lo, head.left_edge.i), min(hi, head.right_edge.i + 1)
        inner_left, inner_right = trim(doc, inner[0], first, lexicon), trim(doc, last + 1, inner[1], lexicon)
        if inner_left[1] - inner_left[0] >= 2 and inner_right[1] - inner_right[0] >= 2:
            lo, hi = inner
    left = _with_opening_word(doc, lo, trim(doc, lo, first, lexicon), lexicon)
    right = trim(doc, last + 1, hi, lexicon)
    # "Many visitors were older, she said, and “I had to step back”", "..., Trump tweeted, and his aides agreed":
    # a clause coordinated with the saying, or a quote of its own, is not more of the paraphrase.
    if _new_statement(verb, doc[right[0] : right[1]]):
        right = (right[0], right[0])
    if left[1] - left[0] >= 2 and right[1] - right[0] >= 2 and not marked_as:
        # The cue sits inside the content: all of it (spans are contiguous, so the cue stays in).
        start, end = _with_opening_word(doc, lo, trim(doc, lo, hi, lexicon), lexicon)
        return doc[start:end]
    start, end = max((left, right), key=lambda b: b[1] - b[0])
    return doc[start:end] if end - start >= 3 else None


def _with_opening_word(doc: Doc, lo: int, bounds: tuple[int, int], lexicon: Lexicon | None) -> tuple[int, int]:
    """``bounds`` with the sentence's first word back when trimming took it as a complementizer.

    Before a parenthetical cue, ``If``, ``Whether`` or ``That`` opens the content itself (``If the talks
    collapse, she argues, ...``, ``That's why, he said, ...``), not a clause of the reporting verb.
    """
    start, end = bounds
    opening = start - 1
    while opening >= lo and doc[opening].is_punct:
        opening -= 1
    if opening >= lo and is_marker(doc[opening], lexicon) and start <= doc[opening].head.i < end:
        return opening, end
    return start, end


def _new_statement(verb: Token, after: Span) -> bool:
    """True when what follows a parenthetical cue opens a clause of its own, coordinated with the cue or quoted."""
    if not len(after) or not _opens_new_clause(after[0]):
        return False
    return after[0].head.i == verb.i or holds_quote(after)


def _opens_new_clause(tok: Token) -> bool:
    """True for a conjunction that opens a clause with a subject of its own (``..., and I had to ...``)."""
    if tok.pos_ != "CCONJ":
        return False
    return any(c.dep_ == "conj" and c.i > tok.i and has_subject(c) for c in tok.head.children)


def _has_own_content(verb: Token, lexicon: Lexicon | None) -> bool:
    """True when the verb has a complement or an object that is what was said (not ``told me``)."""
    words = words_of(lexicon)
    for child in verb.children:
        if child.dep_ in OWN_CONTENT_DEPS:
            return True
        if child.dep_ == "dobj" and not (child.pos_ == "PROPN" or child.lower_ in words.object_pronouns):
            return True  # "report it", "cited her remarks"; "told me", "told Smith" name whom it was said to
    return lexicon is not None and nominal_content(verb, lexicon) is not None
