"""Rows: a quote as one flat, JSON- and CSV-ready dict, and the one list of their columns."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ..model import Quote

if TYPE_CHECKING:
    from .streaming import Extraction

__all__ = ["ROW_COLUMNS", "quote_row"]

ROW_COLUMNS = (
    "doc_id",
    "quote_id",
    "start",
    "end",
    "kind",
    "text",
    "speaker",
    "role",
    "speaker_kind",
    "channel",
    "cue",
    "parent",
    "group",
    "marks",
    "post_author",
    "post_handle",
    "post_date",
    "confidence",
    "date",
    "url",
)
"""The columns of :func:`quote_row`, in order."""


def quote_row(quote: Quote, extraction: Extraction | None = None) -> dict[str, Any]:
    """A flat, JSON- and CSV-ready view of ``quote`` (plus its document's date and url).

    Example:
        >>> row = quote_row(Quote(id="q0", text="Hi", start=1, end=3, doc_id="d1"))
        >>> row["doc_id"], row["quote_id"], row["kind"], row["speaker"]
        ('d1', 'q0', 'direct', None)
    """
    speaker, post = quote.speaker, quote.post
    return {
        "doc_id": quote.doc_id,
        "quote_id": quote.id,
        "start": quote.start,
        "end": quote.end,
        "kind": quote.kind.value,
        "text": quote.text,
        "speaker": speaker.name if speaker else None,
        "role": speaker.role if speaker else None,
        "speaker_kind": speaker.kind.value if speaker else None,
        "channel": quote.channel.value,
        "cue": quote.cue.text if quote.cue else None,
        "parent": quote.parent,
        "group": quote.group,
        "marks": quote.marks,
        "post_author": post.author if post else None,
        "post_handle": post.handle if post else None,
        "post_date": post.date if post else None,
        "confidence": quote.confidence,
        "date": extraction.date if extraction else None,
        "url": extraction.url if extraction else None,
    }
