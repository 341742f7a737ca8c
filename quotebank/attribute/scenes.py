"""Scenes: the channel of a cue (interview, statement, post ...), from its own words or the speaker's last cue.

The channel words of the lexicon are matched by :mod:`quotebank.channel`; here they are gathered from the cue's
clause (:func:`evidence_tokens`), and a cue with none takes the channel of the same speaker's previous cue when no
other speaker spoke in between (:func:`running_channel`).
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from ..channel import classify_channel
from ..model import Channel, Speaker, TextSpan
from .context import Context, clause_start
from .cues import is_speech_noun

__all__ = ["evidence_tokens", "noun_channel", "running_channel", "verb_channel"]

_EVIDENCE_DEPS = frozenset({"prep", "agent", "dative", "npadvmod", "advmod", "acomp", "pobj", "dobj", "obj", "oprd"})
_SPEAKING_VERBS = frozenset({"speak", "appear", "talk", "write", "post", "address", "testify", "tweet", "interview"})


def verb_channel(
    ctx: Context, verb: Token, mention: Span | None, speaker: Speaker | None, key: int | None
) -> tuple[Channel, TextSpan | None]:
    """The channel of a reporting verb (or ``according to``) and the words that show it."""
    channel, decisive = classify_channel(
        verb if verb.lower_ != "according" else None,
        evidence_tokens(ctx, verb, mention),
        ctx.lexicon,
        speaker_kind=speaker.kind if speaker else None,
        speaker_words=[t.lower_ for t in mention] if mention is not None else (),
    )
    if channel is Channel.UNKNOWN and key is not None:
        return running_channel(ctx, key, verb.idx)
    return channel, TextSpan.of(ctx.text, decisive.idx, decisive.idx + len(decisive.text)) if decisive else None


def noun_channel(ctx: Context, noun: Token, speaker: Speaker) -> tuple[Channel, TextSpan | None]:
    """The channel a speech noun names (``her statement``, ``his tweet``) and the noun as evidence."""
    channel, decisive = classify_channel(None, [noun], ctx.lexicon, speaker_kind=speaker.kind)
    return channel, TextSpan.of(ctx.text, decisive.idx, decisive.idx + len(decisive.text)) if decisive else None


def running_channel(ctx: Context, key: int, before: int) -> tuple[Channel, TextSpan | None]:
    for event in reversed(ctx.events):
        if event.cue.start >= before or event.entity_key is None:
            continue
        if event.entity_key != key:
            return Channel.UNKNOWN, None
        if event.channel is not Channel.UNKNOWN:
            return event.channel, event.evidence
    return Channel.UNKNOWN, None


def evidence_tokens(ctx: Context, verb: Token, mention: Span | None) -> list[Token]:
    tokens: list[Token] = [verb]
    if mention is not None:
        tokens.extend(mention)
    for child in verb.children:
        # "Speaking on CNN's State of the Union, Sanders said": the participle names the channel.
        speaking = child.dep_ == "advcl" and child.lemma_.lower() in _SPEAKING_VERBS
        if child.dep_ == "prep" and child.lower_ in ctx.lexicon.content_prepositions.get(verb.lemma_.lower(), ()):
            continue  # "accused ministers of balancing the books": what was said names no channel
        if speaking or child.dep_ in _EVIDENCE_DEPS or (child.dep_ == "nsubj" and is_speech_noun(ctx, child)):
            tokens.extend(t for t in child.subtree if not ctx.quoted(t.idx))
    # The clause before the speaker may name the channel: "A letter from X ... had said", "In a statement, X said".
    start = clause_start(ctx, verb.idx)
    clause = ctx.doc.char_span(start, verb.idx, alignment_mode="expand") if start < verb.idx else None
    for k, tok in enumerate(t for t in (clause or ()) if not t.is_punct and t.i < verb.i):
        if ctx.quoted(tok.idx) or not is_speech_noun(ctx, tok):
            continue
        if k < 4 or (tok.dep_ in ("ROOT", "nsubj") and tok.head.i in (tok.i, verb.i)):
            tokens.append(tok)
    return tokens
