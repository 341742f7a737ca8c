"""Speakers: each quote attributed, in order, from its cue event or from what came before it.

Transcript turns and embedded posts speak for themselves; pieces of a split quote share the first piece's cue; a
quote with no cue of its own goes on with the previous quote's speaker, or with the person the sentence before
introduced (:mod:`quotebank.attribute.link`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

import attrs

from ..entity import FEMININE_WORDS, MASCULINE_WORDS, first_name_gender
from ..model import Channel, Quote, QuoteKind, Speaker, SpeakerKind, TextSpan
from ..roles import best_role, clean_role, role_head, weak_role
from .context import Context, CueEvent
from .events import find_events
from .link import (
    clause_subject,
    event_for_quote,
    follows_on,
    paragraph_closing_cue,
    paragraph_person,
    preceding_speech,
    preceding_subject,
    signed_or_introduced,
)

__all__ = ["attribute", "attribute_post", "one_speaker_each", "said_at"]


def said_at(quote: Quote, event: CueEvent, *, confidence: float) -> Quote:
    """``quote`` attributed through ``event``: its speaker, mention, cue and channel."""
    return attrs.evolve(
        quote,
        speaker=event.speaker,
        speaker_mention=event.mention,
        cue=event.cue,
        channel=event.channel,
        channel_evidence=event.evidence,
        confidence=confidence,
    )


def attribute(ctx: Context, quotes: list[Quote]) -> list[Quote]:
    find_events(ctx)
    groups: dict[str, list[Quote]] = {}
    for quote in quotes:
        if quote.group is not None:
            groups.setdefault(quote.group, []).append(quote)
    out: list[Quote] = []
    by_id: dict[str, Quote] = {}
    previous: Quote | None = None
    previous_key: int | None = None
    for quote in quotes:
        if quote.kind is QuoteKind.SCARE:
            out.append(quote)
            by_id[quote.id] = quote
            continue
        key: int | None = None
        if quote.id in ctx.turns:
            turn = ctx.turns[quote.id]
            updated, key = said_at(quote, turn, confidence=0.9), turn.entity_key
        elif quote.post is not None:
            updated, key = attribute_post(ctx, quote)
        elif quote.group is not None and quote.group in by_id:
            head = by_id[quote.group]
            updated = quote.attributed_like(head, confidence=head.confidence)
            key = previous_key if previous is not None and previous.id == quote.group else None
        else:
            # A quote in pieces takes the cue of whichever piece has one ("“...” \n“...,” added X").
            event = None
            for piece in [quote, *groups.get(quote.id, [])]:
                event = event_for_quote(ctx, piece)
                if event is not None and event.speaker is not None:
                    break
            if event is None or event.speaker is None:
                event = signed_or_introduced(ctx, quote) or event
            if (event is None or event.speaker is None) and (
                previous is None or not follows_on(ctx, previous, previous_key, quote)
            ):
                event = paragraph_closing_cue(ctx, quote) or event
            if event is not None and (event.speaker is not None or event.mention is not None):
                updated = said_at(quote, event, confidence=1.0 if event.speaker is not None else 0.5)
                key = event.entity_key
            elif quote.kind is QuoteKind.DIRECT and (introduced := preceding_subject(ctx, quote, previous_key)):
                # No reporting verb: the speaker and mention, but no cue.
                updated = attrs.evolve(said_at(quote, introduced, confidence=0.6), cue=None)
                key = introduced.entity_key
            elif previous is not None and follows_on(ctx, previous, previous_key, quote):
                updated = attrs.evolve(
                    quote,
                    speaker=previous.speaker,
                    speaker_mention=previous.speaker_mention,
                    channel=previous.channel,
                    channel_evidence=previous.channel_evidence,
                    confidence=0.8,
                )
                key = previous_key
            elif quote.kind is QuoteKind.DIRECT and (spoken := preceding_speech(ctx, quote)) is not None:
                updated = said_at(quote, spoken, confidence=0.7)
                key = spoken.entity_key
            elif quote.kind is QuoteKind.DIRECT and (about := paragraph_person(ctx, quote)) is not None:
                updated = attrs.evolve(said_at(quote, about, confidence=0.6), cue=None)
                key = about.entity_key
            elif quote.kind is QuoteKind.PARTIAL and (fallback := clause_subject(ctx, quote)) is not None:
                updated = attrs.evolve(
                    quote, speaker=fallback.speaker, speaker_mention=fallback.mention, confidence=0.6
                )
                key = fallback.entity_key
            elif event is not None:
                updated = attrs.evolve(quote, cue=event.cue, channel=event.channel, channel_evidence=event.evidence)
            else:
                updated = quote
        out.append(updated)
        by_id[quote.id] = updated
        if updated.speaker is not None and quote.parent is None:
            previous, previous_key = updated, key
    return out


def attribute_post(ctx: Context, quote: Quote) -> tuple[Quote, int | None]:
    """An embedded post, signed by its author: the entity the article names so, else a speaker by that name.

    A signature with a handle but no name (``— (@x) January 8, 2020``) gives the handle as the speaker, of unknown
    kind; one with neither leaves the post unattributed (a tweet all the same).
    """
    post = quote.post
    assert post is not None
    author = post.author
    channel = Channel.TWEET if post.platform == "twitter" else Channel.SOCIAL_POST
    signature = post.signature
    handle_only = not author.strip()
    if handle_only:
        author = f"@{post.handle.lstrip('@')}" if post.handle and post.handle.strip("@ ") else ""
    if not author:
        return attrs.evolve(quote, cue=signature, channel=channel, channel_evidence=signature), None
    entity = None if handle_only else ctx.index.find(author)
    if entity is None and not handle_only:
        base = re.split(r"[.\s_]", author)[0]
        for candidate in ctx.index.entities:
            if candidate.kind is SpeakerKind.PERSON and base and base in (candidate.surname, candidate.name):
                entity = candidate
                break
    if entity is not None:
        entity.add_alias(author)
        speaker = entity.speaker(handle=post.handle)
        key: int | None = ctx.key_of(entity)
    else:
        kind = SpeakerKind.MEDIA if ctx.index.is_media(author) else SpeakerKind.PERSON
        if handle_only:
            kind = SpeakerKind.UNKNOWN  # a handle alone says nothing of who holds it
        speaker = Speaker(name=author, kind=kind, handle=post.handle)
        key = ctx.key_of(ctx.adhoc(author, kind))
    mention = None
    if signature is not None:
        offset = signature.text.find(author)
        if offset >= 0:
            mention = TextSpan.of(ctx.text, signature.start + offset, signature.start + offset + len(author))
    return (
        attrs.evolve(
            quote,
            speaker=speaker,
            speaker_mention=mention,
            cue=signature,
            channel=channel,
            channel_evidence=signature,
        ),
        key,
    )


def one_speaker_each(ctx: Context, quotes: list[Quote], described: Iterable[tuple[str, str, bool]] = ()) -> list[Quote]:
    """``quotes`` with one :class:`Speaker` per person: every role the article gives them, the best as ``role``.

    Roles are gathered from the whole article, not only from the mention next to each quote: every title the
    entity index read around the person's names, every role a description or appositive gave at a cue, every
    role a quote's own mention gave, and the ``described`` roles (name, role, guessed) the article states away
    from the name (:mod:`quotebank.attribute.descriptions`). Each is cleaned into a short title phrase
    (:func:`quotebank.roles.clean_role`).
    ``role`` is the most informative (:func:`quotebank.roles.best_role`) of the roles written next to a name, or
    when there are none, of those a description gave; ``roles`` holds all of them, that one first. Speakers are
    the same person when they carry the same name.
    """
    lexicon = ctx.lexicon
    gathered: dict[str, list[tuple[str, bool]]] = {}

    def gather(name: str, roles: Iterable[str], guess: bool = False) -> None:
        kept = gathered.setdefault(name, [])
        for role in roles:
            cleaned = clean_role(role, lexicon)
            guessed = guess or (name, role.lower()) in ctx.guessed_roles
            if cleaned is None:
                continue
            same = next((n for n, (k, _) in enumerate(kept) if k.lower() == cleaned.lower()), None)
            if same is None:
                kept.append((cleaned, guessed))
            elif not guessed:
                kept[same] = (cleaned, False)  # stated by the name too: no guess

    for entity in ctx.entities():
        gather(entity.name, entity.roles)
    for quote in quotes:
        if quote.speaker is not None:
            gather(quote.speaker.name, quote.speaker.roles)
    for name, stated, guessed in described:
        gather(name, [stated], guessed)
    out = []
    for quote in quotes:
        speaker = quote.speaker
        if speaker is not None:
            if (named := _by_surname(ctx, speaker)) is not None:
                speaker = attrs.evolve(speaker, name=named)  # "said Mr Gaymard" is the Herve Gaymard named before
            roles = gathered.get(speaker.name, [])
            if not roles and speaker.kind in (SpeakerKind.UNNAMED, SpeakerKind.PERSON):
                # "a Cabinet Office spokeswoman said": an unnamed source's description holds its title
                own = _own_title(ctx, speaker)
                roles = [(own, False)] if own else []
            sure = [r for r, guessed in roles if not guessed]
            if all(weak_role(r, lexicon) or not role_head(r, lexicon) for r in sure):
                # "rival Donald Trump ... The Republican presidential nominee noted": a relation or a party written
                # next to the name says less than a position the article states away from it.
                sure += [r for r, guessed in roles if guessed and role_head(r, lexicon) and not weak_role(r, lexicon)]
            role = best_role(sure, lexicon) or best_role([r for r, _ in roles], lexicon)
            others = [r for r, _ in roles if r != role]
            speaker = attrs.evolve(speaker, role=role, roles=(role, *others) if role else tuple(others))
            quote = attrs.evolve(quote, speaker=speaker)
        out.append(quote)
    return out


def _own_title(ctx: Context, speaker: Speaker) -> str | None:
    """The title a speaker's own words hold: ``a Cabinet Office spokeswoman`` is one; ``Lib Dem MP Lembit Opik``
    holds ``Lib Dem MP`` before the name; ``Howard Dean`` and ``Mr. King`` hold none, though ``dean`` and
    ``king`` are titles (a name the index knows as a person's, or one led by an honorific, is a name)."""
    own = clean_role(speaker.name, ctx.lexicon)
    head = role_head(own, ctx.lexicon) if own else None
    if own is None or head is None:
        return None
    words = own.split()
    # The last word that is a title, or ends a two-word one ("Lib Dem MP Lembit Opik" -> "MP").
    last = max(
        (
            n
            for n, w in enumerate(words)
            if role_head(w, ctx.lexicon) or role_head(" ".join(words[n - 1 : n + 1]), ctx.lexicon) == head
        ),
        default=len(words) - 1,
    )
    if last < len(words) - 1 and words[last + 1][:1].isupper() and speaker.kind is SpeakerKind.PERSON:
        return " ".join(words[: last + 1])  # the name after the title is no part of it
    if words[0].lower().rstrip(".") in ctx.lexicon.honorifics:
        return None
    entity = ctx.index.find(speaker.name)
    return None if entity is not None and entity.kind is SpeakerKind.PERSON and words[-1][:1].isupper() else own


def _by_surname(ctx: Context, speaker: Speaker) -> str | None:
    """The full name of the one person the index knows by the surname that follows a speaker's honorific
    (``Mr Gaymard`` -> ``Herve Gaymard``), when the speaker was not resolved to that person."""
    words = speaker.name.split()
    if speaker.kind is not SpeakerKind.PERSON or len(words) != 2:
        return None
    if words[0].lower().rstrip(".") not in ctx.lexicon.honorifics:
        return None
    people = [e for e in ctx.index.entities if e.kind is SpeakerKind.PERSON and e.surname == words[1]]
    if len(people) != 1 or people[0].name == speaker.name:
        return None
    honorific = words[0].lower().rstrip(".")
    gender = "she" if honorific in FEMININE_WORDS else "he" if honorific in MASCULINE_WORDS else None
    known = first_name_gender(people[0], ctx.lexicon)
    return None if gender and known and gender != known else people[0].name  # "Mrs Smith" is not John Smith
