"""Kinds: ``the newspaper``, ``the company`` name the one organisation of that kind the article named before.

A name the article gave with that very noun (``the newspaper Folha de S.Paulo``) comes first, whatever the name
says; the agency of a dateline (``LONDON (Reuters) -``) is the article's source, never a candidate.
"""

from __future__ import annotations

import re

from spacy.tokens import Span

from ..entity import Entity
from ..model import SpeakerKind
from .context import Context

__all__ = ["kind_description"]


def kind_description(ctx: Context, mention: Span) -> Entity | None:
    """``The Daily Ledger endorsed ... The paper wrote``: ``the`` and a word for a kind of organisation name the
    one organisation of that kind the article has named before; with two or none, nothing is guessed. ``the
    commission``, ``the ministry`` name the one organisation named before whose name holds the word."""
    words = [t for t in mention if not t.is_punct]
    if len(words) != 2 or words[0].lower_ != "the":
        return None
    before = mention.start_char
    noun = words[1].lower_
    kind = ctx.lexicon.kind_nouns.get(noun)
    if kind is None:
        return _by_name_word(ctx, noun, before) if noun in ctx.lexicon.organization_words else None
    # "the newspaper Folha de S.Paulo": a name the article gave with that very noun is of that kind, whatever
    # the name itself says (an agency of the dateline is a medium too, but no newspaper).
    introduced = [e for e in ctx.index.entities if e.kind is not SpeakerKind.PERSON and _named_as(ctx, e, noun, before)]
    if len(introduced) == 1:
        return introduced[0]
    named = [
        e
        for e in ctx.index.entities
        if e.kind.value == kind and e.last_before(before) >= 0 and not _dateline_only(ctx, e, before)
    ]
    return named[0] if len(named) == 1 else None


def _by_name_word(ctx: Context, noun: str, before: int) -> Entity | None:
    """``The Kenya Human Rights Commission said ... the commission wrote``: ``the`` and the word that makes a name
    an organisation's is the one organisation named before whose name holds that word."""
    named = [
        e
        for e in ctx.index.entities
        if e.kind is SpeakerKind.ORGANIZATION
        and noun in e.name.lower().split()
        and e.last_before(before) >= 0
        and not _dateline_only(ctx, e, before)
    ]
    return named[0] if len(named) == 1 else None


_DATELINE = re.compile(r"(?:^|\n)[A-Z][A-Z .,'-]*\($")


def _dateline_only(ctx: Context, entity: Entity, before: int) -> bool:
    """True when every mention of ``entity`` before ``before`` is the agency of a dateline (``LONDON (Reuters) -``):
    the article's source, not an outlet it writes about."""
    mentions = [m for m in entity.mentions if m < before]
    return bool(mentions) and all(_DATELINE.search(ctx.text[max(0, m - 60) : m]) for m in mentions)


def _named_as(ctx: Context, entity: Entity, noun: str, before: int) -> bool:
    """True when a mention of ``entity`` before ``before`` follows ``noun`` (``the newspaper Folha``)."""
    return any(
        re.search(rf"\b{re.escape(noun)},?\s+$", ctx.text[max(0, m - len(noun) - 3) : m], re.IGNORECASE)
        for m in entity.mentions
        if m < before
    )
