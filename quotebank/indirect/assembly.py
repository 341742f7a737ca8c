"""Reported speech as quotes: one ``INDIRECT`` quote per reported clause, quoted fragments linked to it.

**Mixed quotes.** A reported clause that holds quotation marks (``He said the “historic decision” was necessary``)
is not returned as a separate ``INDIRECT`` quote: the quoted fragment stays a ``PARTIAL`` quote and carries the
whole clause as its ``reported`` span, with the clause's cue and speaker. The exact words are the quote; the clause
around them is their context, so the same statement is never counted twice. Marks around a term after ``so-called``
or ``known as`` are no one's words, and so are the marks around a title (``during a “Commander-in-Chief Forum”``):
the clause stays ``INDIRECT``. A headline's words in single marks (``Lawmakers Rip Trump As A ‘Fraud’``) stay
inside the headline's clause: the clause is returned, the fragment is kept on the Doc as a scare quote.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right

import attrs
from spacy.tokens import Doc, Span, Token

from ..classify import headline_words, names_title
from ..lexicons import Lexicon
from ..marks import SINGLE_MARKS, closing_width, opening_width
from ..model import Quote, QuoteKind, TextSpan
from ..syntax import indexed, sentence_of
from .content import content_span
from .hearsay import continued_report
from .overlaps import Taken, starts_sorted
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
    with indexed(doc):
        return _report_speech(doc, cues, quotes, lexicon, text)


def _report_speech(
    doc: Doc, cues: list[tuple[Token, Quote, Span | None]], quotes: list[Quote], lexicon: Lexicon, text: str
) -> list[Quote]:
    terms = _term_ids(doc, quotes, text, lexicon)
    marked = _Marked(_marked_quotes(quotes, terms, text), text)
    singles = _SingleMarked(quotes, text)
    found: list[Quote] = []
    mixed: list[Quote] = []
    taken = Taken(doc)
    # What follows a sentence depends on the sentence only: asked once per sentence, not once per cue in it.
    follows: dict[int, Span | None] = {}
    for verb, template, known in cues:
        span = _cue_content(verb, known, lexicon)
        if span is None:
            continue
        start, end = span.start_char, span.end_char
        if taken.covers_half(span):
            continue
        taken.add(span)
        cut_off = marked.cut_off_end(end)
        end = singles.clause_end(start, cut_off if cut_off is not None else end)
        clause = _clause_quote(template, start, end, text)
        if cut_off is not None or marked.within(start, end):
            mixed.append(clause)
        else:
            found.append(clause)
        follow = None
        if known is None:
            last = sentence_of(span[-1]).end
            if last not in follows:
                follows[last] = continued_report(span, lexicon)
            follow = follows[last]
        if follow is not None and not taken.touches(follow):
            taken.add(follow)
            found.append(_clause_quote(template, follow.start_char, follow.end_char, text))
    clauses = _Clauses(mixed + found)
    returned = {(c.start, c.end) for c in found}
    linked = [q if q.id in terms else _in_reported_clause(q, clauses, text) for q in quotes]
    return [_headline_words(q, returned, text) for q in linked] + found


def _term_ids(doc: Doc, quotes: list[Quote], text: str, lexicon: Lexicon) -> set[str]:
    """The ids of the scare quotes that mark a term or a title by its name.

    "called for taxing so-called ''pass through'' income", "stressed her record during a “Commander-in-Chief
    Forum”": marks around a term or a title are no one's words; the clause around it stays reported speech and
    the term a scare quote.
    """
    return {
        q.id
        for q in quotes
        if q.kind is QuoteKind.SCARE
        and (_is_term(q, text, lexicon) or names_title(doc, q.start, q.end, lexicon, text=text))
    }


def _marked_quotes(quotes: list[Quote], terms: set[str], text: str) -> list[Quote]:
    """The quotes whose marks make a reported clause around them their context rather than reported speech.

    Single quotation marks inside a reported clause are the headline and nested style (``Christie calls Clinton
    ‘a disgrace’``): the clause is still reported speech, with the fragment inside it. Double marks make the
    fragment the quote and the clause its context. A direct quote in single marks is a quote all the same
    (British style: 'This is a budget,' she said), unless it is the headline's words (``Warren to CEO: ‘You Should
    Be Investigated’``, see :func:`quotebank.classify.headline_words`).
    """
    return [
        q
        for q in quotes
        if q.kind is not QuoteKind.INDIRECT
        and q.id not in terms
        and (q.kind is QuoteKind.DIRECT or not _single_marked(q, text))
        and not headline_words(text, q.start, q.end, q.marks)
    ]


def _cue_content(verb: Token, known: Span | None, lexicon: Lexicon) -> Span | None:
    """What the cue reports: the content it came with, else its own when it reports speech where it stands."""
    if known is not None:
        return known
    if not reports_speech(verb, lexicon):
        return None
    return content_span(verb, lexicon)


class _Marked:
    """The quotes that make a clause around them mixed, sorted by start for bisection."""

    def __init__(self, marked: list[Quote], text: str) -> None:
        self._text = text
        by_start = sorted(marked, key=lambda q: q.start)
        self._starts = [q.start for q in by_start]
        self._ends = [q.end for q in by_start]
        # Quotation marks included, so that a clause that ends on a closing mark still counts as holding a quote.
        ranges = sorted(
            (max(0, q.start - opening_width(text, q.start)), q.end + closing_width(text, q.end)) for q in marked
        )
        self._range_starts = [s for s, _ in ranges]
        self._furthest: list[int] = []  # the furthest end of the ranges up to each, in order of start
        for _, e in ranges:
            self._furthest.append(max(e, self._furthest[-1]) if self._furthest else e)

    def cut_off_end(self, end: int) -> int | None:
        """The end of the quoted words right where the parser cut the clause off (``had taken “...”``), which
        belong to it; the furthest when there are several, None when there are none."""
        text = self._text
        ends = [
            self._ends[n]
            for n in range(bisect_left(self._starts, end), bisect_right(self._starts, end + 3))
            if not text[end : self._starts[n]].strip(QUOTE_CHARS)
        ]
        return max(ends) if ends else None

    def within(self, start: int, end: int) -> bool:
        """True when a quote's range, marks included, shares a character with ``start`` to ``end``."""
        n = bisect_left(self._range_starts, end)
        return n > 0 and self._furthest[n - 1] > start


class _SingleMarked:
    """The fragments in single quotation marks, which a clause that holds their start runs on over."""

    def __init__(self, quotes: list[Quote], text: str) -> None:
        self._quotes = [q for q in quotes if len(q.marks) > 1 and _single_marked(q, text)]
        self._starts = [q.start for q in self._quotes] if starts_sorted(self._quotes) else None

    def clause_end(self, start: int, end: int) -> int:
        """``end`` moved past the closing mark of a single-marked fragment inside the clause (``as a ‘disgrace’``).

        Each fragment in turn, in the quotes' order; in order of start, the first one past the (moved) end ends
        the search.
        """
        if self._starts is None:
            for inner in self._quotes:
                if start <= inner.start < end:
                    end = max(end, inner.end + 1)
            return end
        for n in range(bisect_left(self._starts, start), len(self._quotes)):
            inner = self._quotes[n]
            if inner.start >= end:
                break
            end = max(end, inner.end + 1)
        return end


class _Clauses:
    """The reported clauses, sorted by start, with the furthest end up to each, to find those around a point."""

    def __init__(self, clauses: list[Quote]) -> None:
        self._clauses = sorted(enumerate(clauses), key=lambda c: c[1].start)
        self._starts = [c.start for _, c in self._clauses]
        self._furthest: list[int] = []
        for _, c in self._clauses:
            self._furthest.append(max(c.end, self._furthest[-1]) if self._furthest else c.end)

    def around(self, quote: Quote) -> Quote | None:
        """The shortest clause (the first in the clauses' order among equals) that holds ``quote``'s start and ends
        at most two characters before it: ``c.start <= quote.start < c.end and quote.end <= c.end + 2``."""
        least = max(quote.start + 1, quote.end - 2)  # the least end such a clause may have
        best: tuple[int, int, Quote] | None = None
        n = bisect_right(self._starts, quote.start) - 1
        while n >= 0 and self._furthest[n] >= least:
            order, clause = self._clauses[n]
            if clause.end >= least:
                key = (clause.end - clause.start, order, clause)
                if best is None or key[:2] < best[:2]:
                    best = key
            n -= 1
        return best[2] if best is not None else None


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


def _headline_words(quote: Quote, returned: set[tuple[int, int]], text: str) -> Quote:
    """A fragment a headline sets in single marks, inside the headline clause returned as reported speech, as a
    scare quote: the clause is the report, returned once (``Lawmakers Rip Trump As A ‘Fraud’``); the article
    quotes the words again. See :func:`quotebank.classify.headline_words`. Without such a clause, the fragment
    is the report and stays."""
    reported = quote.reported
    if reported is None or (reported.start, reported.end) not in returned or quote.kind is QuoteKind.INDIRECT:
        return quote
    if not headline_words(text, quote.start, quote.end, quote.marks):
        return quote
    return attrs.evolve(quote, kind=QuoteKind.SCARE, speaker=None)


def _in_reported_clause(quote: Quote, clauses: _Clauses, text: str) -> Quote:
    """A quoted fragment inside a reported clause, linked to it; other quotes as they are."""
    if quote.kind not in (QuoteKind.PARTIAL, QuoteKind.DIRECT, QuoteKind.SCARE):
        return quote
    # The clause may stop short of the fragment's closing punctuation ("... in self-defense.”").
    clause = clauses.around(quote)
    if clause is None:
        return quote
    linked = attrs.evolve(quote, reported=TextSpan.of(text, clause.start, clause.end))
    if quote.kind is QuoteKind.SCARE:
        # Marked words inside what someone is reported to have said are that person's words, not the writer's.
        linked = attrs.evolve(linked, kind=QuoteKind.PARTIAL, speaker=None)
    if linked.speaker is None or clause.speaker is not None:
        linked = linked.attributed_like(clause)  # the verb that governs the clause is the fragment's own cue
    return linked
