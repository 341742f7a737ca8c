"""Indexes over the ranges :func:`quotebank.indirect.report_speech` compares, so that each comparison is a lookup.

Each cue's content was compared with every content taken before it, and with every quote of the document: fine
for an article, quadratic for a document with thousands of cues. The answers here are the same as those loops',
found by bisection and range maxima.
"""

from __future__ import annotations

from array import array
from bisect import bisect_left, bisect_right
from itertools import pairwise

from spacy.tokens import Doc, Span

from ..model import Quote

__all__ = ["Taken", "starts_sorted"]


class Taken:
    """The character ranges of the contents taken so far (each a span of ``doc``).

    Two range-maximum trees over the token where a range starts: the furthest end, and the longest range.
    """

    def __init__(self, doc: Doc) -> None:
        self._token_starts: list[int] = doc.to_array("IDX").tolist() if len(doc) else []
        size = 1
        while size < len(doc) + 1:
            size *= 2
        self._size = size
        self._ends = array("q", [-1]) * (2 * size)
        self._lengths = array("q", [-1]) * (2 * size)

    def add(self, span: Span) -> None:
        self._raise(self._ends, span.start, span.end_char)
        self._raise(self._lengths, span.start, span.end_char - span.start_char)

    def covers_half(self, span: Span) -> bool:
        """True when a range taken overlaps ``span`` by more than half of ``span``'s characters.

        That is ``any(min(end, e) - max(start, s) > 0.5 * (end - start) for s, e in taken)``: a range that starts
        before ``span`` must end past its middle; one that starts in its first half must be longer than half of it.
        """
        start, end = span.start_char, span.end_char
        length = end - start
        if length <= 0:
            return False
        if 2 * (self._max(self._ends, 0, span.start) - start) > length:
            return True
        last = bisect_right(self._token_starts, (start + end - 1) // 2)
        return 2 * self._max(self._lengths, span.start, last) > length

    def touches(self, span: Span) -> bool:
        """True when a range taken shares a character with ``span``."""
        start, end = span.start_char, span.end_char
        if end <= start:
            return False
        if self._max(self._ends, 0, span.start) > start:
            return True
        return self._max(self._lengths, span.start, bisect_left(self._token_starts, end)) > 0

    def _raise(self, tree: array[int], slot: int, value: int) -> None:
        at = slot + self._size
        while at and tree[at] < value:
            tree[at] = value
            at >>= 1

    def _max(self, tree: array[int], lo: int, hi: int) -> int:
        """The maximum over slots ``lo`` to before ``hi`` (-1 for none)."""
        best = -1
        lo, hi = lo + self._size, hi + self._size
        while lo < hi:
            if lo & 1:
                best = max(best, tree[lo])
                lo += 1
            if hi & 1:
                hi -= 1
                best = max(best, tree[hi])
            lo >>= 1
            hi >>= 1
        return best


def starts_sorted(quotes: list[Quote]) -> bool:
    """True when ``quotes`` are in the order of their starts."""
    return all(a.start <= b.start for a, b in pairwise(quotes))
