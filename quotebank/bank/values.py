"""The bank's public value objects: an article, a speaker entity and its links, a quotation, what an add did."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from typing import Any

import attrs

from ..model import Channel, Quote, Speaker, SpeakerKind

__all__ = ["PHASE", "AddStats", "Document", "Quotation", "SpeakerEntity", "SpeakerLink", "epfl_date"]

# --------------------------------------------------------------------------- public value objects


@attrs.frozen(kw_only=True)
class Document:
    """An article as stored in the bank."""

    doc_id: str
    text: str = attrs.field(repr=False)
    date: str | None = None
    url: str | None = None
    source: str | None = None


@attrs.frozen(kw_only=True)
class SpeakerLink:
    """The evidence for one article's speaker being part of an entity.

    ``method`` is ``own`` for a mention that needed no linking (its name makes
    the entity), else the steps that linked it (``name``, ``handle``,
    ``role``, ``surname``, ``account``... joined by ``+``); ``probability`` is
    the product of the steps' probabilities.
    """

    doc_id: str
    name: str
    roles: tuple[str, ...]
    method: str
    probability: float
    evidence: tuple[str, ...]


@attrs.frozen(kw_only=True, repr=False)
class SpeakerEntity:
    """One speaker across the bank: every name, role and handle the articles give them, and the evidence."""

    id: str
    name: str
    kind: SpeakerKind
    aliases: tuple[str, ...] = ()
    roles: tuple[str, ...] = ()
    handles: tuple[str, ...] = ()
    doc_ids: tuple[str, ...] = ()
    n_quotes: int = 0
    links: tuple[SpeakerLink, ...] = ()

    def __repr__(self) -> str:
        role = f", roles={list(self.roles)!r}" if self.roles else ""
        return f"SpeakerEntity({self.id} {self.name!r}, {self.kind.value}{role}, {self.n_quotes} quotes)"

    @property
    def role(self) -> str | None:
        """The most frequent role."""
        return self.roles[0] if self.roles else None

    def as_speaker(self, role: str | None = None, handle: str | None = None) -> Speaker:
        """This entity as a :class:`Speaker` (with ``role``, else its most frequent one)."""
        return Speaker(
            name=self.name,
            role=role or self.role,
            roles=self.roles,
            kind=self.kind,
            aliases=self.aliases,
            handle=handle or (self.handles[0] if self.handles else None),
        )


@attrs.frozen(kw_only=True, repr=False)
class Quotation:
    """One quotation: the same words wherever they were reported, with every occurrence.

    ``probas`` are ``(speaker name, probability)`` pairs, most probable first,
    ``"None"`` standing for *unattributed*, as in EPFL's Quotebank.
    """

    id: str
    text: str
    speaker: Speaker | None
    speaker_id: str | None
    probas: tuple[tuple[str, float], ...]
    date: str | None
    occurrences: tuple[Quote, ...]
    urls: tuple[str, ...] = ()

    def __repr__(self) -> str:
        text = self.text if len(self.text) <= 50 else self.text[:47] + "..."
        who = self.speaker.name if self.speaker else None
        return f"Quotation({self.id} {text!r} speaker={who!r} x{self.num_occurrences})"

    @property
    def num_occurrences(self) -> int:
        return len(self.occurrences)

    @property
    def doc_ids(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(q.doc_id for q in self.occurrences if q.doc_id))

    def to_dict(self, *, extras: bool = True) -> dict[str, Any]:
        """A record in the format of EPFL's Quotebank (quotation-centric version), then quotebank's own fields.

        EPFL's keys and types, in EPFL's order: ``quoteID`` (``YYYY-MM-DD-NNNNNN``), ``quotation``, ``speaker``
        (``"None"`` when unattributed: EPFL's convention), ``qids`` (Wikidata ids: always empty, quotebank does
        not link to Wikidata), ``date`` (``YYYY-MM-DD HH:MM:SS``; None when no article gave a date), ``numOccurrences``,
        ``probas`` (``[name, "0.9000"]`` pairs, probabilities as strings with four decimals), ``urls`` and ``phase``
        (a letter naming the collection; :data:`PHASE` for quotebank's own). With ``extras``, quotebank's ``role``,
        ``roles``, ``channel``, ``channels``, ``kind``, ``speakerID``, ``speakerKind`` and ``docIDs`` follow.
        """
        top = self.speaker.name if self.speaker else "None"
        record: dict[str, Any] = {
            "quoteID": self.id,
            "quotation": self.text,
            "speaker": top,
            "qids": [],
            "date": epfl_date(self.date),
            "numOccurrences": self.num_occurrences,
            "probas": [[name, f"{p:.4f}"] for name, p in self.probas],
            "urls": list(self.urls),
            "phase": PHASE,
        }
        if not extras:
            return record
        ours = [q for q in self.occurrences if q.speaker is not None and q.speaker.name == top]
        roles = Counter(q.speaker.role for q in ours if q.speaker and q.speaker.role)
        channels = Counter(q.channel.value for q in self.occurrences if q.channel is not Channel.UNKNOWN)
        kinds = Counter(q.kind.value for q in self.occurrences)
        record.update(
            role=roles.most_common(1)[0][0] if roles else None,
            roles=list(self.speaker.roles) if self.speaker else [],
            channel=channels.most_common(1)[0][0] if channels else Channel.UNKNOWN.value,
            channels=sorted(channels),
            kind=kinds.most_common(1)[0][0],
            speakerID=self.speaker_id,
            speakerKind=self.speaker.kind.value if self.speaker else None,
            docIDs=list(self.doc_ids),
        )
        return record


PHASE = "Q"
"""The ``phase`` of quotebank's records in EPFL's format (EPFL's own collections are phases ``A`` to ``E``)."""


def epfl_date(date: str | None) -> str | None:
    """A stored date (``YYYY-MM-DD``, or with a time) as EPFL writes it: ``YYYY-MM-DD HH:MM:SS``.

    Example:
        >>> epfl_date("2020-01-08"), epfl_date("2020-01-08T09:30"), epfl_date(None)
        ('2020-01-08 00:00:00', '2020-01-08 09:30:00', None)
    """
    if not date:
        return None
    when = dt.datetime.fromisoformat(date) if len(date) > 10 else dt.datetime.fromisoformat(date[:10])
    return when.replace(tzinfo=None).isoformat(sep=" ", timespec="seconds")


@attrs.frozen(kw_only=True)
class AddStats:
    """What :meth:`QuoteBank.add_many` did: articles added, replaced by a new text (with ``replace=True``), left
    as they were, skipped (a new text for a stored id without ``replace=True``: each one logged as a warning),
    failed (``(doc_id, reason)``), and quotes stored."""

    added: int = 0
    replaced: int = 0
    unchanged: int = 0
    skipped: int = 0
    failed: tuple[tuple[str, str], ...] = ()
    quotes: int = 0
