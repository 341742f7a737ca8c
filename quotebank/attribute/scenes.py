"""Scenes: the channel of a cue (interview, statement, post ...), from its own words or the speaker's last cue.

The channel words of the lexicon are matched by :mod:`quotebank.channel`; here they are gathered from the cue's
clause (:func:`evidence_tokens`), and a cue with none takes the channel of the same speaker's previous cue when no
other speaker spoke in between (:func:`running_channel`).
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

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
    tokens.extend(t for t in clause_openers(ctx, verb) if not ctx.quoted(t.idx) and is_speech_noun(ctx, t))
    return tokens


def clause_openers(ctx: Context, verb: Token) -> list[Token]:
    """The words of the clause before ``verb`` that may name its channel, in order.

    Its first four words (``In a statement, X said``), and beyond them only the clause's root or the verb's
    subject (``A letter from X to Y ... had said``): whatever else stands between is what the clause is about.
    Only those are looked at, so a cue deep in a very long sentence costs no more than one near its start.
    """
    doc = ctx.doc
    start = clause_start(ctx, verb.idx)
    if start >= verb.idx:
        return []
    # The tokens Doc.char_span(start, verb.idx, alignment_mode="expand") would give, without rebuilding doc.text.
    first, last = token_at(doc, start), token_at(doc, verb.idx - 1)
    if first < 0 or last < 0:
        return []
    if start == doc[first].idx + len(doc[first]):
        first += 1  # the whitespace after a token is not that token
    end = min(last + 1, verb.i)
    openers: list[Token] = []
    i = first
    while i < end and len(openers) < 4:
        if not doc[i].is_punct:
            openers.append(doc[i])
        i += 1
    rest = {t.i for t in verb.lefts if t.i >= i}
    j = end - 1
    while j >= i:  # the root of each parse tree in the rest of the clause
        sentence = doc[j].sent
        if i <= sentence.root.i < end:
            rest.add(sentence.root.i)
        j = sentence.start - 1
    for tok in (doc[k] for k in sorted(rest)):
        if not tok.is_punct and tok.dep_ in ("ROOT", "nsubj") and tok.head.i in (tok.i, verb.i):
            openers.append(tok)
    return openers


def token_at(doc: Doc, char: int) -> int:
    """The index of the token whose text or trailing whitespace holds character ``char``, or -1 (spaCy's rule).

    >>> import spacy
    >>> doc = spacy.blank("en")("In a statement, X said")
    >>> token_at(doc, 0), token_at(doc, 2), token_at(doc, 5), token_at(doc, 99)
    (0, 0, 2, -1)
    """
    low, high = 0, len(doc) - 1
    while low <= high:
        mid = (low + high) // 2
        tok = doc[mid]
        if char < tok.idx:
            high = mid - 1
        elif char >= tok.idx + len(tok) + len(tok.whitespace_):
            low = mid + 1
        else:
            return mid
    return -1
