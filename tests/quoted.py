"""Shared helpers for the attribution tests: the one quoted run of a made-up text that holds a fragment."""

from __future__ import annotations

import quotebank
from quotebank.model import Channel, QuoteKind


def quoted_run(text: str, fragment: str) -> quotebank.Quote:
    """The one quote of ``text`` in marks (no scare quote, no reported speech) whose words hold ``fragment``."""
    quotes = quotebank.extract(text)
    matches = [q for q in quotes if fragment in q.text and q.kind not in (QuoteKind.SCARE, QuoteKind.INDIRECT)]
    assert len(matches) == 1, [(q.kind.value, q.text, q.channel) for q in quotes]
    return matches[0]


def speaker_of(text: str, fragment: str) -> str | None:
    """The speaker's name of the one quoted run whose text contains ``fragment``."""
    speaker = quoted_run(text, fragment).speaker
    return speaker.name if speaker is not None else None


def channel_of(text: str, fragment: str) -> Channel:
    """The channel of the one quoted run whose text contains ``fragment``; its evidence at exact offsets."""
    quote = quoted_run(text, fragment)
    evidence = quote.channel_evidence
    if evidence is not None:
        assert text[evidence.start : evidence.end] == evidence.text
    return quote.channel
