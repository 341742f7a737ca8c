"""Frames: where a scene opens or closes, read from the words of the article.

A *scene* (:class:`Scene`) is one speaker's setting from some point of the article on: a channel and the words
that show it. Most open at a cue that names a channel (:mod:`quotebank.attribute.scenes`); here are the two other
things that move a scene: a cue set at a time of its own (:func:`new_time`), and an occasion the article sets for
everyone present (:func:`occasions`: ``During a CNN town hall, ...``, ``At a forum with military leaders, ...``).
"""

from __future__ import annotations

import attrs
from spacy.tokens import Token

from ..channel import appearance_channel, classify_channel, is_time_expression, programme_on
from ..model import Channel, TextSpan
from .context import Context
from .cues import cue_words, is_speech_noun
from .entities import resolve
from .mentions import subject_of

__all__ = ["ANYONE", "Scene", "appearances", "new_time", "occasions", "settings"]

ANYONE = ""
"""The speaker of a scene the article sets for everyone present (an occasion)."""


@attrs.frozen(kw_only=True)
class Scene:
    """From ``start`` on, ``speaker`` speaks through ``channel`` (shown by ``evidence``), or, with
    ``Channel.UNKNOWN``, no longer through the channel of an earlier scene (the article moved to another time).
    """

    speaker: str
    """The speaker's name as the article resolves it (lower case): one person, one scene at a time."""
    start: int
    channel: Channel
    evidence: TextSpan | None
    fallback: bool = False
    """A channel only outside any scene of the speaker's (``X wrote``: a publication, unless X was writing a
    letter): it opens no scene while one with a channel goes on."""


_TIME_DEPS = frozenset({"npadvmod", "prep", "advmod", "advcl", "tmod", "obl"})
_TIME_PHRASE_TOKENS = 12
"""How far into a phrase of the cue a time expression is looked for (``on Tuesday night in Des Moines``)."""


def new_time(ctx: Context, verb: Token) -> bool:
    """True when the cue is set at a time of its own: ``said Tuesday``, ``Later, she told``, ``said last week``."""
    doc = ctx.doc
    for child in verb.children:
        if child.dep_ not in _TIME_DEPS:
            continue
        end = min(child.right_edge.i + 1, child.left_edge.i + _TIME_PHRASE_TOKENS)
        phrase = doc[child.left_edge.i : end]
        if any(is_time_expression(tok, ctx.lexicon) and not ctx.quoted(tok.idx) for tok in phrase):
            return True
    return False


_OPENING_TOKENS = 4
"""How far into a paragraph a time expression moves the article to another time (``On Tuesday night, ...``)."""
_OCCASION_CHANNELS = frozenset({Channel.SPEECH, Channel.PRESS_CONFERENCE})
"""Channels with an audience: the occasion is the same for everyone who speaks at it (an interview, a statement
or a letter has one speaker, and is never set for anyone else)."""


def occasions(ctx: Context) -> list[Scene]:
    """Scenes the article sets for everyone: a sentence opening with *at* or *during* an occasion with an audience
    that reports no one's words itself (``During a CNN town hall, a mother had a question for the president.``).
    It reaches the quotes of speakers with no scene of their own.

    The next paragraph that opens at another time (``On Tuesday, ...``, ``Later, ...``) closes it.
    """
    found: list[Scene] = []
    text = ctx.text
    cues = {event.verb for event in ctx.events}
    for sentence in ctx.doc.sents:
        first = sentence[0]
        if ctx.quoted(first.idx):
            continue
        # "During the hearings, Mr. Clarke said ...": a cue of its own makes it that speaker's frame, not everyone's.
        if first.lower_ in ctx.lexicon.occasion_prepositions and sentence.root.i not in cues:
            phrase = [t for t in first.subtree if t.i < first.i + _TIME_PHRASE_TOKENS]
            channel, decisive = classify_channel(None, phrase, ctx.lexicon)
            if channel in _OCCASION_CHANNELS and decisive is not None:
                evidence = TextSpan.of(text, decisive.idx, decisive.idx + len(decisive.text))
                found.append(Scene(speaker=ANYONE, start=first.idx, channel=channel, evidence=evidence))
                continue
        starts_paragraph = not text[text.rfind("\n", 0, first.idx) + 1 : first.idx].strip()
        if starts_paragraph and any(is_time_expression(t, ctx.lexicon) for t in sentence[:_OPENING_TOKENS]):
            found.append(Scene(speaker=ANYONE, start=first.idx, channel=Channel.UNKNOWN, evidence=None))
    return found


def settings(ctx: Context) -> list[Scene]:
    """Scenes opened by a sentence that sets its subject speaking without quoting them.

    ``In a statement issued Tuesday, Clinton was more circumspect``, ``Obama issued a statement``: the channel
    noun is the setting of the verb (in, at, during) or what a delivery verb hands out, and the verb's subject
    is who speaks there. A verb that is itself a cue opens its scene as a cue event.
    """
    cue_verbs = {event.verb for event in ctx.events}
    found: list[Scene] = []
    for noun in cue_words(ctx):
        if ctx.quoted(noun.idx) or not is_speech_noun(ctx, noun):
            continue
        if noun.dep_ == "pobj" and noun.head.lower_ in ctx.lexicon.occasion_prepositions | {"in"}:
            verb = noun.head.head
        elif noun.dep_ in ("dobj", "obj") and noun.head.lemma_.lower() in ctx.lexicon.delivery_verbs:
            verb = noun.head
        else:
            continue
        if verb.pos_ not in ("VERB", "AUX") or verb.i in cue_verbs:
            continue
        if any(c.dep_ == "poss" and c.pos_ == "PRON" for c in noun.children):
            continue  # "did not name a place in his remarks": the remarks the article already set, not new ones
        channel, decisive = classify_channel(None, [noun], ctx.lexicon)
        subject = subject_of(ctx, verb)
        if channel is Channel.UNKNOWN or decisive is None or subject is None:
            continue
        entity, _ = resolve(ctx, subject, verb)
        if entity is not None:
            evidence = TextSpan.of(ctx.text, decisive.idx, decisive.idx + len(decisive.text))
            start = min(noun.idx, verb.idx)
            found.append(Scene(speaker=entity.name.lower(), start=start, channel=channel, evidence=evidence))
    return found


def appearances(ctx: Context) -> list[Scene]:
    """Scenes opened by a sentence that sets its subject on a broadcast programme without quoting them.

    ``Dean then appeared on MSNBC``, ``On "Face the Nation," Sen. Jane Roe identified ...``: the quotes of the
    subject that follow are from that appearance, an interview for a guest (a broadcast for the host, see
    :func:`quotebank.channel.appearance_channel`). A verb that is itself a cue opens its scene as a cue event.
    """
    cue_verbs = {event.verb for event in ctx.events}
    found: list[Scene] = []
    # Read from the Doc's array, like cue_words: a Token object only for each "on".
    rows = ctx.doc.to_array(["LOWER"])
    for i in (int(k) for k in (rows == ctx.doc.vocab.strings.add("on")).nonzero()[0]):
        on = ctx.doc[i]
        verb = on.head
        if ctx.quoted(on.idx) or verb.pos_ not in ("VERB", "AUX") or verb.i in cue_verbs:
            continue
        programme = programme_on(on, ctx.lexicon)
        subject = subject_of(ctx, verb) if programme else None
        if subject is None or subject.root.dep_ == "nsubjpass":
            continue  # "he was criticised on Fox News": someone else spoke there
        entity, _ = resolve(ctx, subject, verb)
        if entity is None:
            continue
        words = [t.lower_ for t in subject]
        channel = appearance_channel(
            programme, ctx.lexicon, speaker_kind=entity.kind, speaker_words=words, speaker_name=entity.name
        )
        decisive = programme[0]
        evidence = TextSpan.of(ctx.text, decisive.idx, decisive.idx + len(decisive.text))
        found.append(
            Scene(speaker=entity.name.lower(), start=min(on.idx, verb.idx), channel=channel, evidence=evidence)
        )
    return found
