"""Reported speech as quotes: one ``INDIRECT`` quote per reported clause, quoted fragments linked to it.

**Mixed quotes.** A reported clause that holds quotation marks (``He said the “historic decision” was necessary``)
is not returned as a separate ``INDIRECT`` quote: the quoted fragment stays a ``PARTIAL`` quote and carries the
whole clause as its ``reported`` span, with the clause's cue and speaker. The exact words are the quote; the clause
around them is their context, so the same statement is never counted twice. Marks around a term after ``so-called``
or ``known as`` are no one's words: the clause stays ``INDIRECT``.
"""

from __future__ import annotations

import attrs
from spacy.tokens import Doc, Span, Token

from ..lexicons import Lexicon
from ..marks import SINGLE_MARKS, closing_width, opening_width
from ..model import Quote, QuoteKind, TextSpan
from .content import content_span
from .hearsay import continued_report
from .reporting import reports_speech
from .spans import QUOTE_CHARS

__all__ = ["report_speech"]


def report_speech(
    doc: Doc,
    cues: list[tuple[Token, Quote, Span | None]],
    quotes: list[Quote],
    lexicon: Lexicon,
    *,
    text: str | None = None,
) -> list[Quote]:
    """``quotes`` with the reported speech of ``cues`` added.

    Args:
        doc: The parsed document.
        cues: (cue token, a template quote carrying speaker, mention, cue and channel, the content when the cue
            already knows it) triples.
        quotes: The document's quotes in quotation marks, attributed.
        lexicon: The language's lexicon.
        text: ``doc.text``, when the caller has it.

    Returns:
        The quotes, each quoted fragment of a reported clause with that clause as its ``reported`` span and the
        clause's speaker and cue, followed by one ``INDIRECT`` quote per reported clause without double quotation
        marks. A content that overlaps an earlier one by more than half is kept once (the first cue
        wins).
    """
    text = doc.text if text is None else text
    terms = _term_ids(quotes, text, lexicon)
    marked = _marked_quotes(quotes, terms, text)
    # Quotation marks included, so that a clause that ends on a closing mark still counts as holding a quote.
    marked_ranges = [
        (
            max(0, q.start - opening_width(text, q.start)),
            q.end + closing_width(text, q.end),
        )
        for q in marked
    ]
    found: list[Quote] = []
    mixed: list[Quote] = []
    taken: list[tuple[int, int]] = []
    for verb, template, known in cues:
        span = _cue_content(verb, known, lexicon)
        if span is None:
            continue
        start, end = span.start_char, span.end_char
        if any(min(end, e) - max(start, s) > 0.5 * (end - start) for s, e in taken):
            continue
        taken.append((start, end))
        cut_off = _cut_off_ends(marked, end, text)
        end = _clause_end(quotes, start, max(cut_off) if cut_off else end, text)
        clause = _clause_quote(template, start, end, text)
        if cut_off or any(s < end and start < e for s, e in marked_ranges):
            mixed.append(clause)
        else:
            found.append(clause)
        follow = continued_report(span, lexicon) if known is None else None
        if follow is not None and not any(min(follow.end_char, e) > max(follow.start_char, s) for s, e in taken):
            taken.append((follow.start_char, follow.end_char))
            found.append(_clause_quote(template, follow.start_char, follow.end_char, text))
    return [q if q.id in terms else _in_reported_clause(q, mixed + found, text) for q in quotes] + found


def _term_ids(quotes: list[Quote], text: str, lexicon: Lexicon) -> set[str]:
    """The ids of the scare quotes that mark a term by its name.

    "called for taxing so-called ''pass through'' income": marks around a term are no one's words; the clause
    around it stays reported speech and the term a scare quote.
    """
    return {q.id for q in quotes if q.kind is QuoteKind.SCARE and _is_term(q, text, lexicon)}


def _marked_quotes(quotes: list[Quote], terms: set[str], text: str) -> list[Quote]:
    """The quotes whose marks make a reported clause around them their context rather than reported speech.

    Single quotation marks inside a reported clause are the headline and nested style (``Christie calls Clinton
    ‘a disgrace’``): the clause is still reported speech, with the fragment inside it. Double marks make the
    fragment the quote and the clause its context. A direct quote in single marks is a quote all the same
    (British style: 'This is a budget,' she said).
    """
    return [
        q
        for q in quotes
        if q.kind is not QuoteKind.INDIRECT
        and q.id not in terms
        and (q.kind is QuoteKind.DIRECT or not _single_marked(q, text))
    ]


def _cue_content(verb: Token, known: Span | None, lexicon: Lexicon) -> Span | None:
    """What the cue reports: the content it came with, else its own when it reports speech where it stands."""
    if known is not None:
        return known
    if not reports_speech(verb, lexicon):
        return None
    return content_span(verb, lexicon)


def _cut_off_ends(marked: list[Quote], end: int, text: str) -> list[int]:
    """The ends of the quoted words right where the parser cut the clause off (``had taken “...”``): they belong to
    it."""
    return [q.end for q in marked if end <= q.start <= end + 3 and not text[end : q.start].strip(QUOTE_CHARS)]


def _clause_end(quotes: list[Quote], start: int, end: int, text: str) -> int:
    """``end`` moved past the closing mark of a single-marked fragment inside the clause (``as a ‘disgrace’``)."""
    for inner in quotes:
        if start <= inner.start < end and len(inner.marks) > 1 and _single_marked(inner, text):
            end = max(end, inner.end + 1)
    return end


def _clause_quote(template: Quote, start: int, end: int, text: str) -> Quote:
    """The ``INDIRECT`` quote of ``text[start:end]``, attributed as the cue's template is."""
    return attrs.evolve(template, id=f"i{start}", text=text[start:end], start=start, end=end, marks="")


def _is_term(quote: Quote, text: str, lexicon: Lexicon) -> bool:
    """True for a quote that marks a term by its name: ``so-called “pass through” income``, ``known as “X”``."""
    before = text[
        max(0, quote.start - opening_width(text, quote.start) - 12) : quote.start - opening_width(text, quote.start)
    ]
    return before.rstrip().lower().endswith(lexicon.term_markers)


def _single_marked(quote: Quote, text: str) -> bool:
    """True for a quote in single quotation marks (‘...’ or '...'), not in typewriter double ones (''...'')."""
    return bool(quote.marks) and quote.marks[0] in SINGLE_MARKS and opening_width(text, quote.start) == 1


def _in_reported_clause(quote: Quote, clauses: list[Quote], text: str) -> Quote:
    """A quoted fragment inside a reported clause, linked to it; other quotes as they are."""
    if quote.kind not in (QuoteKind.PARTIAL, QuoteKind.DIRECT, QuoteKind.SCARE):
        return quote
    # The clause may stop short of the fragment's closing punctuation ("... in self-defense.”").
    around = [c for c in clauses if c.start <= quote.start < c.end and quote.end <= c.end + 2]
    if not around:
        return quote
    clause = min(around, key=lambda c: c.end - c.start)
    linked = attrs.evolve(quote, reported=TextSpan.of(text, clause.start, clause.end))
    if quote.kind is QuoteKind.SCARE:
        # Marked words inside what someone is reported to have said are that person's words, not the writer's.
        linked = attrs.evolve(linked, kind=QuoteKind.PARTIAL, speaker=None)
    if linked.speaker is None or clause.speaker is not None:
        linked = linked.attributed_like(clause)  # the verb that governs the clause is the fragment's own cue
    return linked
