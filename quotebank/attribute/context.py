"""What every attribution stage reads: the document, its quotes' extent, its entities and the cue events so far.

The stages are plain functions of a :class:`Context`. It holds the little state that attribution builds up as it
goes, each piece with one writer: the characters inside quotes (:meth:`Context.mark`, by the stages that add
quotes), the cue events (:func:`quotebank.attribute.events.find_events`), the identities of speakers
(:meth:`Context.key_of`, :meth:`Context.adhoc`) and the transcript turns (:mod:`quotebank.attribute.blocks`).
"""

from __future__ import annotations

import re
import weakref
from bisect import bisect_left, bisect_right
from collections.abc import Iterator

import attrs
from spacy.tokens import Doc, Token

from ..coref import EntityIndex
from ..entity import Entity
from ..lexicons import Lexicon
from ..marks import closing_width, opening_width
from ..model import Channel, Quote, QuoteKind, Speaker, SpeakerKind, TextSpan

__all__ = ["SUBJECT_DEPS", "Context", "CueEvent", "abbreviation", "clause_start", "clause_words"]

SUBJECT_DEPS = ("nsubj", "nsubjpass", "csubj", "expl")
"""Dependency labels of a verb's subject (``expl``: "There was no comment", the parser's choice)."""

_SENTENCE_END = re.compile(r"[.!?](?=[\s\"“”'‘’A-Z]|$)")
_ENDS_SENTENCE = re.compile(r"[.!?][\"”’']?$")
_ABBREVIATIONS = frozenset(
    {"mr", "mrs", "ms", "dr", "gen", "sen", "rep", "gov", "lt", "col", "sgt", "capt", "maj", "adm", "st", "jr", "sr"}
    | {"prof", "rev", "no", "vs", "etc", "inc", "corp", "co", "ltd", "u.s", "u.k", "u.n"}
)


@attrs.frozen(kw_only=True)
class CueEvent:
    """A reporting verb (or ``according to``) with its resolved speaker and channel."""

    verb: int
    """Token index of the cue word."""
    cue: TextSpan
    mention: TextSpan | None
    speaker: Speaker | None
    entity_key: int | None
    """Identity of the speaker within the document (for follow-on and channel decisions)."""
    channel: Channel
    evidence: TextSpan | None


class Context:
    """One document under attribution: its text, parse, lexicon, entities, quote extents and cue events."""

    def __init__(self, doc: Doc, quotes: list[Quote], lexicon: Lexicon, text: str | None = None) -> None:
        self.doc = doc
        self.text = doc.text if text is None else text
        self.lexicon = lexicon
        self.index = EntityIndex(doc, lexicon)
        # Quotation marks included, so that a cue is never read inside a quote.
        self.quote_ranges = [
            (
                max(0, self.opening_mark(q) if q.marks else q.start - 1),
                self.after_closing_mark(q) if len(q.marks) > 1 else q.end + 1,
            )
            for q in quotes
            if q.kind is not QuoteKind.INDIRECT
        ]
        self._quoted = bytearray(len(self.text) + 2)
        for start, end in self.quote_ranges:
            self.mark(start, end)
        # Indexes that keep every lookup by position logarithmic (a scan per quote or per cue was quadratic).
        by_start = sorted(self.quote_ranges)
        self._range_starts = [start for start, _ in by_start]
        self._ranges_by_start = by_start
        self._min_end_from = [0] * (len(by_start) + 1)
        self._min_end_from[-1] = len(self.text) + 2
        for n in range(len(by_start) - 1, -1, -1):
            self._min_end_from[n] = min(by_start[n][1], self._min_end_from[n + 1])
        self.closing_ends = sorted(e for s, e in self.quote_ranges if _ENDS_SENTENCE.search(self.text[s:e]))
        """Where each quote that ends a sentence (``“... now.”``) ends, in order."""
        self.sentence_ends = [m.start() for m in _SENTENCE_END.finditer(self.text)]
        """Every full stop, question or exclamation mark that may end a sentence (quotes and abbreviations too)."""
        self._token_starts: list[int] | None = None
        self._roots: list[int] | None = None
        self.events: list[CueEvent] = []
        """The cue events found so far, in text order (:meth:`add_event`)."""
        self.by_verb: dict[int, CueEvent] = {}
        """The event of each cue word, by token index."""
        self._event_starts: list[int] = []
        self._keyed: list[CueEvent] = []
        self._keyed_starts: list[int] = []
        # For each event with a speaker: the nearest one at or before it, in the same speaker's unbroken run of
        # events, whose channel is known (-1: none). Filled lazily, so that an event put in place stays right.
        self._run_channel: list[int] = []
        self.turns: dict[str, CueEvent] = {}
        """The transcript turn that speaks each quote, by quote id."""
        self.cue_word_cache: list[Token] | None = None
        self.named_speaker_cache: list[Entity] | None = None
        self.guessed_roles: set[tuple[str, str]] = set()
        """(name, role) of the roles given by a description resolved to a holder (:meth:`guess_role`)."""
        self._entity_keys: dict[int, int] = {}
        self._keyed_entities: dict[int, Entity] = {}
        self._adhoc: dict[str, Entity] = {}

    def mark(self, start: int, end: int) -> None:
        """Characters ``start`` to ``end`` are quoted material: no cue is read there."""
        self._quoted[start:end] = b"\x01" * (end - start)

    def add_event(self, event: CueEvent) -> None:
        """Record a cue event (events come in text order; one out of order is put in its place)."""
        at = bisect_right(self._event_starts, event.cue.start)
        self.events.insert(at, event)
        self._event_starts.insert(at, event.cue.start)
        self.by_verb[event.verb] = event
        if event.entity_key is not None:
            at = bisect_right(self._keyed_starts, event.cue.start)
            self._keyed.insert(at, event)
            self._keyed_starts.insert(at, event.cue.start)
            del self._run_channel[at:]

    def events_between(self, start: int, end: int) -> list[CueEvent]:
        """The events whose cue starts at character ``start`` or after, and before ``end``, in text order."""
        return self.events[bisect_left(self._event_starts, start) : bisect_left(self._event_starts, end)]

    def events_back_from(self, end: int) -> Iterator[CueEvent]:
        """The events whose cue starts before character ``end``, nearest first."""
        for n in range(bisect_left(self._event_starts, end) - 1, -1, -1):
            yield self.events[n]

    def speaking_back_from(self, end: int) -> Iterator[CueEvent]:
        """The events with a speaker whose cue starts before character ``end``, nearest first."""
        for n in range(bisect_left(self._keyed_starts, end) - 1, -1, -1):
            yield self._keyed[n]

    def run_channel_before(self, end: int, key: int) -> CueEvent | None:
        """The nearest event before character ``end`` with a known channel, if only speaker ``key`` spoke since.

        None when the last speaker before ``end`` is someone else, or when the speaker's run names no channel.
        """
        last = bisect_left(self._keyed_starts, end) - 1
        if last < 0 or self._keyed[last].entity_key != key:
            return None
        run = self._run_channel
        for n in range(len(run), last + 1):
            event = self._keyed[n]
            if event.channel is not Channel.UNKNOWN:
                run.append(n)
            elif n > 0 and self._keyed[n - 1].entity_key == event.entity_key:
                run.append(run[n - 1])
            else:
                run.append(-1)
        return self._keyed[run[last]] if run[last] >= 0 else None

    def quote_within(self, start: int, end: int) -> bool:
        """True when a whole quote (marks included) lies between characters ``start`` and ``end``."""
        return self._min_end_from[bisect_left(self._range_starts, start)] <= end

    def quotes_starting(self, start: int, end: int) -> list[tuple[int, int]]:
        """The (start, end) of the quotes (marks included) that open from character ``start`` to before ``end``."""
        return self._ranges_by_start[bisect_left(self._range_starts, start) : bisect_left(self._range_starts, end)]

    def tokens_from(self, start: int, end: int) -> range:
        """Indexes of the tokens that start from character ``start`` to before ``end``."""
        if self._token_starts is None:
            self._token_starts = self.doc.to_array("IDX").tolist() if len(self.doc) else []
        return range(bisect_left(self._token_starts, start), bisect_left(self._token_starts, end))

    def roots_between(self, start: int, end: int) -> list[int]:
        """Indexes of the tokens from ``start`` to before ``end`` that head their sentence in the parse."""
        if self._roots is None:
            heads = self.doc.to_array("HEAD").tolist() if len(self.doc) else []
            self._roots = [i for i, offset in enumerate(heads) if offset == 0]
        return self._roots[bisect_left(self._roots, start) : bisect_left(self._roots, end)]

    def quoted(self, pos: int) -> bool:
        """True when character ``pos`` is inside a quote (its marks included)."""
        return 0 <= pos < len(self._quoted) and bool(self._quoted[pos])

    def key_of(self, entity: Entity) -> int:
        """The entity's identity within the document (the same for every mention resolved to it)."""
        key = self._entity_keys.setdefault(id(entity), len(self._entity_keys))
        self._keyed_entities.setdefault(key, entity)
        return key

    def adhoc(self, name: str, kind: SpeakerKind) -> Entity:
        """The entity for a speaker the index does not know (one per name, whatever the case)."""
        key = name.lower()
        if key not in self._adhoc:
            self._adhoc[key] = Entity(kind=kind, name=name)
        return self._adhoc[key]

    def guess_role(self, entity: Entity, role: str) -> None:
        """``role`` came to ``entity`` through a description the article did not tie to its name."""
        self.guessed_roles.add((entity.name, role.lower()))

    def entities(self) -> list[Entity]:
        """Every entity of the document: the index's, then those made for speakers it did not know."""
        return [*self.index.entities, *self._adhoc.values()]

    def entity_by_key(self, key: int) -> Entity | None:
        """The entity that :meth:`key_of` gave ``key``."""
        return self._keyed_entities.get(key)

    def opening_mark(self, quote: Quote) -> int:
        """Where the quote's opening mark starts (the quote's start when it has none)."""
        return quote.start - opening_width(self.text, quote.start) if quote.marks else quote.start

    def after_closing_mark(self, quote: Quote) -> int:
        """Where the quote's closing mark ends (the quote's end when it has none)."""
        return quote.end + closing_width(self.text, quote.end) if len(quote.marks) > 1 else quote.end


def abbreviation(text: str, dot: int) -> bool:
    """True when the full stop at ``dot`` ends an initial or an abbreviation (``H.``, ``Gen.``, ``U.S.``).

    >>> abbreviation("Gen. Milley", 3), abbreviation("He left. Then", 7)
    (True, False)
    """
    if text[dot] != ".":
        return False
    match = re.search(r"([A-Za-z.]+)$", text[max(0, dot - 8) : dot])
    if match is None:
        return False
    word = match.group(1).lower().strip(".")
    return len(word) == 1 or word in _ABBREVIATIONS


_LINE_STARTS: weakref.WeakKeyDictionary[Context, list[int]] = weakref.WeakKeyDictionary()
"""Where each line of a context's text starts, found once: a search back for the line break was as long as the
line, for each cue in it."""


def clause_start(ctx: Context, pos: int) -> int:
    """The start of the sentence that contains ``pos``, ignoring full stops inside quotes and abbreviations.

    That is the latest of: the start of the line, the character after the last full stop before ``pos`` that is
    neither quoted nor an abbreviation, and the end of the last quote before ``pos`` that ends a sentence.
    """
    text = ctx.text
    lines = _LINE_STARTS.get(ctx)
    if lines is None:
        lines = _LINE_STARTS[ctx] = [0, *(m.end() for m in re.finditer("\n", text))]
    base = lines[bisect_right(lines, pos) - 1]  # after the last line break before ``pos``
    # A previous quote that ends a sentence ends it here too.
    ends = bisect_right(ctx.closing_ends, pos)
    start = max(base, ctx.closing_ends[ends - 1]) if ends else base
    # A mark right before pos ends the sentence whatever follows it; the others were read with what follows. Only
    # the marks after ``start`` can move it: the walk back stops there.
    last = pos - 1
    stops = ctx.sentence_ends
    if last >= start and text[last] in ".!?" and not ctx.quoted(last) and not abbreviation(text, last):
        return last + 1
    for n in range(bisect_left(stops, last) - 1, bisect_left(stops, start) - 1, -1):
        at = stops[n]
        if not ctx.quoted(at) and not abbreviation(text, at):
            return max(start, at + 1)
    return start


def clause_words(ctx: Context, verb: Token, *, leading: int) -> list[tuple[int, Token]]:
    """Words of the sentence before ``verb`` (from :func:`clause_start`), punctuation left out, with their rank.

    Only the first ``leading`` words, the sentence roots and the verb's own dependents are given (with rank
    ``leading`` or more for the latter two): all that is read there, found without walking a long sentence.
    """
    start = clause_start(ctx, verb.idx)
    clause = ctx.doc.char_span(start, verb.idx, alignment_mode="expand") if start < verb.idx else None
    if clause is None:
        return []
    end = min(clause.end, verb.i)
    found: list[tuple[int, Token]] = []
    i = clause.start
    while i < end and len(found) < leading:
        if not ctx.doc[i].is_punct:
            found.append((len(found), ctx.doc[i]))
        i += 1
    later = {*ctx.roots_between(i, end), *(c.i for c in verb.children if i <= c.i < end)}
    found.extend((leading, ctx.doc[k]) for k in sorted(later) if not ctx.doc[k].is_punct)
    return found
