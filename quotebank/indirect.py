"""Reported (indirect) speech: what was said, without quotation marks.

A cue event (see :mod:`quotebank.attribute`) reports speech when its verb
takes a content clause; the clause becomes a ``Quote(kind=INDIRECT)`` with the
cue's speaker, role and channel. Rules:

* **Content.** The complement clause of the reporting verb (``said that ...``,
  ``clarified to reporters that ...``; a leading ``that``/``whether`` is left
  out), the clause before a trailing attribution (``..., Hoffman said in an
  emailed statement.``), the rest of the sentence around ``according to X``,
  and the ``that``-clause of a speech noun (``Trump's claim that ...``).
* **Precision over recall.** Cognition verbs (``think``, ``believe``,
  ``hope``) are not in the reporting lexicon and never count. Evidential verbs
  (``find``, ``show``) count only for documents and polls (``a poll found
  that``), which report rather than think. A negated report (``did not say
  that``), a report inside a question, and a hypothetical one (``would say``,
  ``could claim``) are not attributions. A clause that is mostly inside
  quotation marks is left to the direct quote.
* **Mixed quotes.** A quoted fragment inside reported content (``He said the
  “historic decision” was necessary``) stays a ``PARTIAL`` quote; its
  ``parent`` is the indirect quote, and both share the cue and speaker.
"""

from __future__ import annotations

import attrs
from spacy.tokens import Doc, Span, Token

from .lexicons import Lexicon
from .model import Quote, QuoteKind

__all__ = ["content_span", "indirect_quotes", "link_fragments"]

_HYPOTHETICAL = frozenset({"would", "could", "might", "may", "should", "will", "can", "must"})
_EVIDENTIAL = frozenset({"find", "show", "indicate", "suggest", "reveal", "estimate", "project"})
_DOCUMENT_WORDS = frozenset(
    {"poll", "polls", "survey", "surveys", "study", "studies", "report", "reports", "analysis", "data", "research"}
    | {"review", "audit", "investigation", "memo", "document", "documents", "filing", "records", "figures"}
)
_CONTENT_DEPS = ("ccomp",)
_PARENTHETICAL_VERBS = frozenset(
    {"say", "tell", "add", "note", "write", "report", "explain", "argue", "insist", "claim", "state", "warn"}
)
_AS_VERBS = frozenset({"put", "say", "note", "write", "report", "state", "describe", "point", "explain", "tell"})
_REQUEST_VERBS = frozenset(
    {"urge", "vow", "promise", "pledge", "ask", "threaten", "demand", "warn", "offer", "agree", "propose", "call"}
    | {"plead", "beg", "implore", "advise", "tell", "encourage", "invite", "challenge", "dare", "swear"}
)
_MARKERS = frozenset({"that", "whether", "if"})
_QUOTE_CHARS = "“”\"'‘’«»„"


def _trim(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """Token bounds without leading markers and surrounding punctuation or quotation marks."""
    while start < end and (doc[start].is_punct or doc[start].lower_ in _MARKERS or doc[start].is_space):
        start += 1
    while end > start and (doc[end - 1].is_punct or doc[end - 1].is_space or doc[end - 1].text in _QUOTE_CHARS):
        end -= 1
    return start, end


def content_span(verb: Token) -> Span | None:
    """The reported content of a reporting verb or speech noun, or None.

    Example:
        >>> import spacy
        >>> from spacy.tokens import Doc
        >>> nlp = spacy.blank("en")
        >>> words = ["He", "said", "that", "troops", "would", "leave", "."]
        >>> doc = Doc(nlp.vocab, words=words, heads=[1, 1, 5, 5, 5, 1, 1],
        ...           deps=["nsubj", "ROOT", "mark", "nsubj", "aux", "ccomp", "punct"])
        >>> content_span(doc[1]).text
        'troops would leave'
    """
    doc = verb.doc
    sent = verb.sent
    if verb.lower_ == "according":
        phrase = list(verb.subtree)
        first, last = phrase[0].i, phrase[-1].i
        before = _trim(doc, sent.start, first)
        after = _trim(doc, last + 1, sent.end)
        start, end = max((before, after), key=lambda b: b[1] - b[0])
        return doc[start:end] if end - start >= 2 else None
    clauses = [c for c in verb.children if c.dep_ in _CONTENT_DEPS]
    if not clauses and verb.pos_ in ("VERB", "AUX"):
        around = _parenthetical_content(verb)
        if around is not None:
            return around
    if not clauses and verb.lemma_.lower() in _REQUEST_VERBS:
        clauses = [c for c in verb.children if c.dep_ == "xcomp"]
    if verb.pos_ in ("NOUN", "PROPN"):
        clauses = [
            c for c in verb.children if c.dep_ in ("acl", "ccomp") and any(m.lower_ == "that" for m in c.children)
        ]
    if not clauses:
        return None
    clause = max(clauses, key=lambda c: len(list(c.subtree)))
    start, end = clause.left_edge.i, clause.right_edge.i + 1
    if clause.i < verb.i:
        # "..., Hoffman said": the content ends before the comma that opens the attribution.
        start = max(start, sent.start)
        subject_start = min([c.left_edge.i for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")] + [verb.i])
        end = min(end, subject_start)
    start, end = _trim(doc, start, end)
    if end - start < 2:
        return None
    return doc[start:end]


def _parenthetical_content(verb: Token) -> Span | None:
    """The sentence around a parenthetical cue (``The truth, the senator said, was ...``) or an ``as``-cue.

    ``As X put it, ...`` gives the main clause.
    """
    doc = verb.doc
    sent = verb.sent
    cue_tokens = sorted(t.i for t in verb.subtree)
    first, last = cue_tokens[0], cue_tokens[-1]
    marked_as = verb.lemma_.lower() in _AS_VERBS and any(c.dep_ == "mark" and c.lower_ == "as" for c in verb.children)
    if not marked_as and (last - first > 6 or verb.lemma_.lower() not in _PARENTHETICAL_VERBS):
        return None
    before_comma = first > sent.start and doc[first - 1].text == ","
    after_comma = last + 1 < sent.end and doc[last + 1].text in (",", ".")
    if not (marked_as or (verb.dep_ in ("parataxis", "ccomp", "advcl", "conj") and before_comma and after_comma)):
        return None
    if verb.head.i == verb.i or (sent.start <= verb.head.i < sent.end and first <= verb.head.i <= last):
        return None
    left = _trim(doc, sent.start, first)
    right = _trim(doc, last + 1, sent.end)
    if left[1] - left[0] >= 2 and right[1] - right[0] >= 2 and not marked_as:
        # The cue sits inside the content: the whole sentence (spans are contiguous, so the cue stays in).
        start, end = _trim(doc, sent.start, sent.end)
        return doc[start:end]
    start, end = max((left, right), key=lambda b: b[1] - b[0])
    return doc[start:end] if end - start >= 3 else None


def _reports(verb: Token, subject_words: set[str], lexicon: Lexicon) -> bool:
    """True when the verb reports speech here (not negated, questioned or hypothetical)."""
    lemma = verb.lemma_.lower()
    if verb.lower_ == "according":
        return True
    if lemma in lexicon.cognition_verbs and lemma not in _EVIDENTIAL:
        return False
    if lemma in _EVIDENTIAL and not subject_words & _DOCUMENT_WORDS:
        return False
    if any(c.dep_ == "neg" for c in verb.children):
        return False
    if any(c.dep_ == "aux" and c.lower_ in _HYPOTHETICAL for c in verb.children):
        return False
    sent_text = verb.sent.text.rstrip(" \n\"”’'")
    return not sent_text.endswith("?")


def indirect_quotes(
    doc: Doc,
    cues: list[tuple[Token, Quote]],
    quote_ranges: list[tuple[int, int]],
    lexicon: Lexicon,
) -> list[Quote]:
    """Indirect quotes for ``cues``: (cue token, a template quote carrying speaker, mention, cue, channel).

    Contents that overlap another indirect quote are kept once (the first, longest cue wins).
    """
    text = doc.text
    found: list[Quote] = []
    taken: list[tuple[int, int]] = []
    for verb, template in cues:
        subject_words = set(template.speaker_mention.text.lower().split()) if template.speaker_mention else set()
        if not _reports(verb, subject_words, lexicon):
            continue
        span = content_span(verb)
        if span is None:
            continue
        start, end = span.start_char, span.end_char
        quoted = sum(max(0, min(end, e) - max(start, s)) for s, e in quote_ranges)
        if quoted >= 0.6 * (end - start):
            continue
        if any(min(end, e) - max(start, s) > 0.5 * (end - start) for s, e in taken):
            continue
        taken.append((start, end))
        found.append(
            attrs.evolve(
                template,
                id=f"i{start}",
                text=text[start:end],
                start=start,
                end=end,
                kind=QuoteKind.INDIRECT,
                marks="",
            )
        )
    return found


def link_fragments(quotes: list[Quote]) -> list[Quote]:
    """Make each quoted fragment inside an indirect quote its child (``parent``)."""
    indirect = [q for q in quotes if q.kind is QuoteKind.INDIRECT]
    if not indirect:
        return quotes
    out = []
    for q in quotes:
        if q.kind in (QuoteKind.PARTIAL, QuoteKind.DIRECT) and q.parent is None:
            outer = next((i for i in indirect if i.start <= q.start and q.end <= i.end), None)
            if outer is not None:
                q = attrs.evolve(q, parent=outer.id)
        out.append(q)
    return out
