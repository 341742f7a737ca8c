"""What every attribution stage reads: the document, its quotes' extent, its entities and the cue events so far.

The stages are plain functions of a :class:`Context`. It holds the little state that attribution builds up as it
goes, each piece with one writer: the characters inside quotes (:meth:`Context.mark`, by the stages that add
quotes), the cue events (:func:`quotebank.attribute.events.find_events`), the identities of speakers
(:meth:`Context.key_of`, :meth:`Context.adhoc`) and the transcript turns (:mod:`quotebank.attribute.blocks`).
"""

from __future__ import annotations

import re

import attrs
from spacy.tokens import Doc, Token

from ..coref import Entity, EntityIndex
from ..lexicons import Lexicon
from ..marks import closing_width, opening_width
from ..model import Channel, Quote, QuoteKind, Speaker, SpeakerKind, TextSpan

__all__ = ["SUBJECT_DEPS", "Context", "CueEvent", "abbreviation", "clause_start"]

SUBJECT_DEPS = ("nsubj", "nsubjpass", "csubj", "expl")
"""Dependency labels of a verb's subject (``expl``: "There was no comment", the parser's choice)."""

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
        self.events: list[CueEvent] = []
        self.turns: dict[str, CueEvent] = {}
        """The transcript turn that speaks each quote, by quote id."""
        self.cue_word_cache: list[Token] | None = None
        self.named_speaker_cache: list[Entity] | None = None
        self._entity_keys: dict[int, int] = {}
        self._adhoc: dict[str, Entity] = {}

    def mark(self, start: int, end: int) -> None:
        """Characters ``start`` to ``end`` are quoted material: no cue is read there."""
        self._quoted[start:end] = b"\x01" * (end - start)

    def quoted(self, pos: int) -> bool:
        """True when character ``pos`` is inside a quote (its marks included)."""
        return 0 <= pos < len(self._quoted) and bool(self._quoted[pos])

    def key_of(self, entity: Entity) -> int:
        """The entity's identity within the document (the same for every mention resolved to it)."""
        return self._entity_keys.setdefault(id(entity), len(self._entity_keys))

    def adhoc(self, name: str, kind: SpeakerKind) -> Entity:
        """The entity for a speaker the index does not know (one per name, whatever the case)."""
        key = name.lower()
        if key not in self._adhoc:
            self._adhoc[key] = Entity(kind=kind, name=name)
        return self._adhoc[key]

    def entity_by_key(self, key: int) -> Entity | None:
        for entity in [*self.index.entities, *self._adhoc.values()]:
            if self._entity_keys.get(id(entity)) == key:
                return entity
        return None

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


def clause_start(ctx: Context, pos: int) -> int:
    """The start of the sentence that contains ``pos``, ignoring full stops inside quotes and abbreviations."""
    text = ctx.text
    base = text.rfind("\n", 0, pos) + 1
    start = base
    for match in re.finditer(r"[.!?](?=[\s\"“”'‘’A-Z]|$)", text[base:pos]):
        at = base + match.start()
        if not ctx.quoted(at) and not abbreviation(text, at):
            start = at + 1
    for s, e in ctx.quote_ranges:
        # A previous quote that ends a sentence ends it here too.
        if start <= e <= pos and re.search(r"[.!?][\"”’']?$", text[s:e]):
            start = e
    return start
