"""Token ranges shared by the reported-speech rules: trimming, datelines, tense and paragraph breaks."""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from ..lexicons import Lexicon, get_lexicon
from ..syntax import subjects_of

__all__ = [
    "ASIDE_DASHES",
    "ATTRIBUTION_BREAKS",
    "DATELINE_DASHES",
    "QUOTE_CHARS",
    "attribution_start",
    "conjunct_start",
    "holds_quote",
    "is_marker",
    "is_that_mark",
    "paragraph_break",
    "past_tense",
    "present_tense",
    "trim",
    "trimmed",
    "words_of",
]

_DATELINE_TOKENS = 12
DATELINE_DASHES = frozenset({"—", "–", "--", "-", "―"})
ATTRIBUTION_BREAKS = frozenset({",", "—", "–", "--", ";"})
ASIDE_DASHES = frozenset({"—", "–", "--", "―"})
QUOTE_CHARS = "“”\"'‘’«»„"
"""The quotation marks trimmed from a content's edges and that keep a sentence out of a report."""


def words_of(lexicon: Lexicon | None) -> Lexicon:
    """``lexicon``, or the English one when a rule is given none.

    Without a lexicon the rules find clauses only (see :func:`quotebank.indirect.content_span`), but they still
    read closed word classes (``that``, ``whether``, modals): the English lists, as before those were data.
    """
    return lexicon if lexicon is not None else get_lexicon("en")


def trim(doc: Doc, start: int, end: int, lexicon: Lexicon | None) -> tuple[int, int]:
    """Token bounds without leading markers or dateline and surrounding punctuation or quotation marks."""
    start = _after_dateline(doc, start, end)
    while start < end and (doc[start].is_punct or is_marker(doc[start], lexicon) or doc[start].is_space):
        start += 1
    while end > start and (doc[end - 1].is_punct or doc[end - 1].is_space or doc[end - 1].text in QUOTE_CHARS):
        end -= 1
    return start, end


def is_marker(tok: Token, lexicon: Lexicon | None) -> bool:
    """A word that opens a reported clause (``that``, ``whether``), not ``that`` the determiner (``that claim``)."""
    return tok.lower_ in words_of(lexicon).complementizers and not (
        tok.pos_ in ("DET", "PRON") and tok.dep_ in ("det", "nsubj", "nsubjpass")
    )


def _after_dateline(doc: Doc, start: int, end: int) -> int:
    """``start`` moved past a dateline (``JERUSALEM (AP) —``, ``KYIV, Nov 29 (Reuters) -``), if one opens there."""
    i, capitals = start, 0
    while i < min(end, start + _DATELINE_TOKENS):
        tok = doc[i]
        if tok.text in DATELINE_DASHES:
            return i + 1 if capitals else start
        if tok.is_alpha and tok.is_upper and len(tok.text) > 1:
            capitals += 1
        elif not (tok.is_punct or tok.like_num or tok.is_space or (tok.is_title and capitals) or tok.text == "."):
            return start
        i += 1
    return start


def past_tense(root: Token) -> bool:
    """True for a clause in the simple past (``its shares dropped``, ``it was not``, ``did not help``)."""
    auxiliaries = [c for c in root.children if c.dep_ in ("aux", "auxpass")]
    if auxiliaries:
        return auxiliaries[0].tag_ == "VBD"
    return root.tag_ == "VBD"


def is_that_mark(tok: Token) -> bool:
    return tok.lower_ == "that" and tok.dep_ == "mark"


def conjunct_start(conjunct: Token) -> int:
    """Where a conjunct starts, its conjunction and the comma before it included."""
    start = conjunct.left_edge.i
    doc = conjunct.doc
    while start > conjunct.head.i + 1 and (doc[start - 1].dep_ == "cc" or doc[start - 1].text == ","):
        start -= 1
    return start


def trimmed(span: Span, lexicon: Lexicon | None) -> Span:
    start, end = trim(span.doc, span.start, span.end, lexicon)
    return span.doc[start:end]


def attribution_start(verb: Token) -> int:
    """The first token of the attribution around ``verb`` (its subject, or the verb in ``said Hoffman``)."""
    subjects = [c.left_edge.i for c in subjects_of(verb)]
    return min([*subjects, verb.i])


def paragraph_break(doc: Doc, i: int) -> bool:
    """True when a paragraph ends before token ``i``: a line break, or sentences run together (``risk.The``)."""
    if i >= len(doc) or i == 0:
        return True
    before = doc[i - 1]
    if "\n" in before.text_with_ws:
        return True
    end = before.i if not before.is_space else before.i - 1
    return end >= 0 and not doc[end].whitespace_ and doc[end].text in (".", "!", "?") and doc[i].is_title


def present_tense(root: Token) -> bool:
    """True for a clause in the present tense (``The trees soak up carbon``, ``It can hold``, ``It has grown``)."""
    return any(
        t.tag_ in ("VBZ", "VBP", "MD") for t in (root, *(c for c in root.children if c.dep_ in ("aux", "auxpass")))
    )


def holds_quote(span: Span) -> bool:
    """True when the span holds a quotation mark."""
    return any(t.text in QUOTE_CHARS or t.text in ("``", "''") for t in span)
