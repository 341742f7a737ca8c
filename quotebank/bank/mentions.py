"""The records speaker linking works on and returns: one :class:`MentionRecord` per speaker per article, one
:class:`LinkRecord` per mention, one :class:`EntityRecord` per bank-wide speaker (the rules that link them:
:mod:`quotebank.bank.linking`).

They are plain values, with no database behind them: :class:`~quotebank.bank.QuoteBank` builds the mentions from
its tables and stores what linking returns.
"""

from __future__ import annotations

from collections.abc import Iterable

import attrs

from ..model import SpeakerKind
from .names import fold, is_role_only

__all__ = ["EntityRecord", "LinkRecord", "Linking", "MentionRecord", "mention_label", "mention_roles"]


def _strings(values: Iterable[str]) -> tuple[str, ...]:
    return tuple(values)


@attrs.frozen(kw_only=True)
class MentionRecord:
    """One speaker as one article names them (all that article's quotes by that speaker)."""

    id: int
    doc: int
    """The article's sequence number in the bank."""
    doc_id: str = ""
    date: str | None = None
    name: str
    kind: SpeakerKind = attrs.field(converter=SpeakerKind)
    handle: str | None = None
    roles: tuple[str, ...] = attrs.field(default=(), converter=_strings)
    aliases: tuple[str, ...] = attrs.field(default=(), converter=_strings)
    spelled: tuple[str, ...] = attrs.field(default=(), converter=_strings)
    """For a bare surname: the full names with that surname its article spells out (:func:`.names.spelled_names`)."""


@attrs.frozen(kw_only=True)
class LinkRecord:
    """How a mention joined its entity: ``own`` (it founded it), or the steps' methods joined by ``+``."""

    mention: int
    entity: int
    method: str
    probability: float
    evidence: tuple[str, ...] = ()


@attrs.frozen(kw_only=True)
class EntityRecord:
    """A bank-wide speaker: ``id`` is the smallest member mention id (stable as articles are added)."""

    id: int
    name: str
    kind: SpeakerKind
    members: tuple[int, ...]
    names: tuple[str, ...]
    """Every other name and alias, most frequent first."""
    roles: tuple[str, ...]
    """Every role, most frequent (then most specific) first."""
    handles: tuple[str, ...]
    keys: tuple[str, ...]
    """Normalised names, aliases, handles and (for people) surname, for look-ups."""


@attrs.frozen
class Linking:
    """What :func:`~quotebank.bank.linking.link_speakers` returns: one link per mention, one record per entity."""

    links: dict[int, LinkRecord]
    entities: list[EntityRecord]


def mention_roles(m: MentionRecord) -> list[str]:
    """The mention's roles; a "role" that is its name again (``Mr. King`` for ``Mr. King``) is none, unless the
    speaker is named by that role (``Iran's foreign minister``)."""
    if not m.roles or is_role_only(m.name, m.roles[0], m.kind):
        return list(m.roles)
    name = fold(m.name)
    return [r for r in m.roles if fold(r) != name]


def mention_label(m: MentionRecord) -> str:
    """The mention as a link's evidence names it: its name, and its article when known."""
    return f"{m.name!r} ({m.doc_id})" if m.doc_id else repr(m.name)
