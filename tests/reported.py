"""Shared helpers for the reported-speech tests (``kind=INDIRECT``)."""

from __future__ import annotations

import quotebank
from quotebank.model import QuoteKind


def indirect(text: str, **options: bool) -> list[quotebank.Quote]:
    """The reported speech ``extract`` finds in ``text``."""
    return [q for q in quotebank.extract(text, **options) if q.kind is QuoteKind.INDIRECT]


def assert_one_report(text: str, content: str, name: str) -> quotebank.Quote:
    """``text`` reports exactly ``content``, at exact offsets, by a speaker whose name holds ``name``."""
    found = indirect(text)
    assert [q.text for q in found] == [content]
    (q,) = found
    assert text[q.start : q.end] == q.text
    assert q.speaker is not None and name in q.speaker.name
    return q
