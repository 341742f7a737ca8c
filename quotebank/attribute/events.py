"""Cue events: each cue word with its mention, resolved speaker and channel."""

from __future__ import annotations

from spacy.tokens import Span, Token

from ..entity import Entity
from ..model import Channel, SpeakerKind, TextSpan
from ..roles import is_title_token
from ..transcript import Turn
from .context import Context, CueEvent
from .cues import cue_words, is_cue, is_speech_noun
from .entities import resolve
from .mentions import owner_of, subject_of
from .scenes import noun_channel, verb_channel

__all__ = ["event_for", "find_events", "noun_event", "plain_event", "turn_event"]


def find_events(ctx: Context) -> list[CueEvent]:
    """Every cue event of the document, in token order, appended to ``ctx.events`` (which later stages read)."""
    for tok in cue_words(ctx):
        if is_cue(ctx, tok):
            event = event_for(ctx, tok)
            if event is not None:
                ctx.add_event(event)
    return ctx.events


def event_for(ctx: Context, verb: Token) -> CueEvent | None:
    """The event of one cue word: its mention, speaker and channel (a verb with no subject takes its head's)."""
    subject = subject_of(ctx, verb)
    entity: Entity | None = None
    mention: Span | None = None
    role: str | None = None
    handled_by: CueEvent | None = None
    cue_end = -1
    if subject is not None:
        mention = subject
        entity, role = resolve(ctx, subject, verb)
        if (
            is_speech_noun(ctx, subject.root)
            and not is_title_token(subject.root, ctx.lexicon)
            and (owner := owner_of(ctx, subject.root)) is not None
        ):
            # "read an IRGC statement": the owner is the mention, the verb and its object the cue.
            mention = owner
            if subject.root.head.i == verb.i and subject.start > verb.i:
                cue_end = subject.end_char
    elif verb.dep_ in ("conj", "xcomp", "advcl", "ccomp") and verb.head.i != verb.i:
        handled_by = ctx.by_verb.get(verb.head.i)
    cue = TextSpan.of(ctx.text, verb.idx, verb.idx + len(verb.text))
    if cue_end > verb.idx:
        cue = TextSpan.of(ctx.text, verb.idx, cue_end)
    if verb.lower_ == "according":
        cue = TextSpan.of(ctx.text, verb.idx, ctx.doc[verb.i + 1].idx + len(ctx.doc[verb.i + 1].text))
    if handled_by is not None:
        return CueEvent(
            verb=verb.i,
            cue=cue,
            mention=handled_by.mention,
            speaker=handled_by.speaker,
            entity_key=handled_by.entity_key,
            channel=handled_by.channel,
            evidence=handled_by.evidence,
        )
    speaker = entity.speaker(role=role) if entity is not None else None
    key = ctx.key_of(entity) if entity is not None else None
    channel, evidence = verb_channel(ctx, verb, mention, speaker, key)
    return CueEvent(
        verb=verb.i,
        cue=cue,
        mention=TextSpan.of(ctx.text, mention.start_char, mention.end_char) if mention is not None else None,
        speaker=speaker,
        entity_key=key,
        channel=channel,
        evidence=evidence,
    )


def plain_event(ctx: Context, cue: Token, mention: Span, entity: Entity, role: str | None = None) -> CueEvent:
    """A cue event with no channel evidence: the cue word, the mention and its entity."""
    return CueEvent(
        verb=cue.i,
        cue=TextSpan.of(ctx.text, cue.idx, cue.idx + len(cue.text)),
        mention=TextSpan.of(ctx.text, mention.start_char, mention.end_char),
        speaker=entity.speaker(role=role),
        entity_key=ctx.key_of(entity),
        channel=Channel.UNKNOWN,
        evidence=None,
    )


def noun_event(ctx: Context, noun: Token, owner: Span, entity: Entity, role: str | None) -> CueEvent:
    """A cue carried by a speech noun (``Trump's claim that``, ``her statement``)."""
    speaker = entity.speaker(role=role)
    channel, evidence = noun_channel(ctx, noun, speaker)
    return CueEvent(
        verb=noun.i,
        cue=TextSpan.of(ctx.text, noun.idx, noun.idx + len(noun.text)),
        mention=TextSpan.of(ctx.text, owner.start_char, owner.end_char),
        speaker=speaker,
        entity_key=ctx.key_of(entity),
        channel=channel,
        evidence=evidence,
    )


def turn_event(ctx: Context, turn: Turn) -> CueEvent:
    """The event of a transcript turn (``PENCE:``): the person the label names, or one by that name."""
    name = turn.label.title()
    entity = ctx.index.find(name, before=turn.label_start) or ctx.index.find(name.split()[-1])
    if entity is None or entity.kind is not SpeakerKind.PERSON:
        entity = ctx.adhoc(name, SpeakerKind.PERSON)
    return CueEvent(
        verb=-1,
        cue=TextSpan.of(ctx.text, turn.label_end, turn.label_end + 1),
        mention=TextSpan.of(ctx.text, turn.label_start, turn.label_end),
        speaker=entity.speaker(),
        entity_key=ctx.key_of(entity),
        channel=Channel.UNKNOWN,
        evidence=None,
    )
