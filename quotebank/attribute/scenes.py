"""Scenes: the channel of a cue (interview, statement, post ...), from its own words or the scene it is part of.

The channel words of the lexicon are matched by :mod:`quotebank.channel`; here they are gathered from the cue's
clause (:func:`evidence_tokens`). A cue that names a channel (``in an interview with Reuters``, ``speaking at a
rally``, ``wrote in an email``, an embedded post) opens a *scene* for its speaker, and every later quote of that
speaker with no channel of its own is part of it (:func:`apply_scenes`), until the article moves that speaker to
another setting or time: a cue of theirs that names another channel, or one set at a time of its own (``he said
Tuesday``, ``Later, she told ...``). The quote keeps the words that opened the scene as its evidence.

Two more kinds of frame are read in :mod:`~quotebank.attribute.frames`: a sentence that sets its subject speaking
without quoting them (``In a statement issued Tuesday, X was more careful``, ``X issued a statement``), and an
occasion the article sets for everyone present (``During a CNN town hall, a mother asked ...``), which reaches
speakers with no scene of their own. The entry point is :func:`apply_scenes`, called once on the attributed quotes.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence

import attrs
from spacy.tokens import Doc, Span, Token

from ..channel import classify_channel
from ..model import Channel, Quote, QuoteKind, Speaker, TextSpan
from .context import Context, clause_start
from .cues import is_speech_noun
from .frames import ANYONE, Scene, appearances, new_time, occasions, settings

__all__ = [
    "Scene",
    "apply_scenes",
    "evidence_tokens",
    "noun_channel",
    "scenes_of",
    "verb_channel",
]

_EVIDENCE_DEPS = frozenset({"prep", "agent", "dative", "npadvmod", "advmod", "acomp", "pobj", "dobj", "obj", "oprd"})
_NOUN_MODS = frozenset({"compound", "amod", "nmod", "poss"})
_SOURCE_PARTICIPLES = frozenset({"base", "follow"})
"""Participles heading a phrase of the cue that names what the speaker spoke from or after (``Based on a report``,
``Following the speech``): not the channel."""
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
        speaker_words=[t.lower_ for t in head_phrase(mention)] if mention is not None else (),
        speaker_name=speaker.name if speaker is not None else "",
    )
    return channel, TextSpan.of(ctx.text, decisive.idx, decisive.idx + len(decisive.text)) if decisive else None


def noun_channel(ctx: Context, noun: Token, speaker: Speaker) -> tuple[Channel, TextSpan | None]:
    """The channel a speech noun names (``her statement``, ``his tweet``) and the noun as evidence."""
    channel, decisive = classify_channel(None, [noun], ctx.lexicon, speaker_kind=speaker.kind)
    return channel, TextSpan.of(ctx.text, decisive.idx, decisive.idx + len(decisive.text)) if decisive else None


def head_phrase(mention: Span) -> list[Token]:
    """The mention's head noun with the words that make it up (``Iran state TV``), not those describing it.

    In ``Director of television Jane Roe`` that is ``Jane Roe``: she is no broadcast.
    """
    root = mention.root
    return [t for t in mention if t.i == root.i or (t.head.i == root.i and t.dep_ in _NOUN_MODS)]


def evidence_tokens(ctx: Context, verb: Token, mention: Span | None) -> list[Token]:
    tokens: list[Token] = [verb]
    if mention is not None:
        tokens.extend(head_phrase(mention))
    for child in verb.children:
        # "Speaking on CNN's State of the Union, Sanders said": the participle names the channel.
        speaking = child.dep_ == "advcl" and child.lemma_.lower() in _SPEAKING_VERBS
        if child.dep_ == "prep" and child.lower_ in ctx.lexicon.content_prepositions.get(verb.lemma_.lower(), ()):
            continue  # "accused ministers of balancing the books": what was said names no channel
        if child.dep_ == "prep" and child.lemma_.lower() in _SOURCE_PARTICIPLES:
            continue  # "Based on a New York Times article, Sanders said": his source, not his channel
        if speaking or child.dep_ in _EVIDENCE_DEPS or (child.dep_ == "nsubj" and is_speech_noun(ctx, child)):
            if child.dep_ in ("dobj", "obj") and verb.lemma_.lower() in ctx.lexicon.object_content_verbs:
                continue  # "criticised the statement": what was said is about the statement, not in it
            if child.dep_ in ("dobj", "obj"):
                # "issued a statement", "wrote a letter": the object's noun; what it goes on to say is content.
                of = [g for p in child.children if p.lower_ == "of" for g in p.children]  # "the House of Commons"
                tokens.extend(t for t in (child, *child.children, *of) if t.dep_ in _NOUN_MODS or t.i == child.i)
                tokens.extend(t for t in of if t.dep_ == "pobj")
            else:
                # ... but not a relative clause: "said to the nominee, who began his speech" is no speech of hers.
                described = [(r.left_edge.i, r.right_edge.i) for r in child.subtree if r.dep_ == "relcl"]
                tokens.extend(
                    t for t in child.subtree if not ctx.quoted(t.idx) and not any(a <= t.i <= b for a, b in described)
                )
    # The clause before the speaker may name the channel: "A letter from X ... had said", "In a statement, X said".
    # ... but not through the words that describe the speaker ("Q magazine reviews editor Ted Kessler said").
    # Nor through what was said, fronted: "Its first television ad could start this week, said Brian Baker".
    described = [
        (c.left_edge.i, c.right_edge.i)
        for c in verb.children
        if (c.dep_ in ("nsubj", "nsubjpass") and not is_speech_noun(ctx, c)) or c.dep_ in ("ccomp", "parataxis")
    ]
    tokens.extend(
        t
        for t in clause_openers(ctx, verb)
        if not ctx.quoted(t.idx) and is_speech_noun(ctx, t) and not any(a <= t.i <= b for a, b in described)
    )
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
    # The root of each parse tree in the rest of the clause, from the context's index: walking the clause's
    # sentences with ``Token.sent`` cost the whole clause per cue, quadratic in a text with no full stops.
    rest.update(ctx.roots_between(i, end))
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


_PARAGRAPH_BREAK = re.compile(r"\n\s*")


def apply_scenes(ctx: Context, quotes: Sequence[Quote]) -> list[Quote]:
    """``quotes`` (speakers set) with the channel of the scene each is part of, where a quote names none itself.

    A quote belongs to the latest scene of its speaker that opened at or before its cue (or, with no cue, before
    the quote). Quotes that name their own channel, and quotes with no speaker, are left as they are.
    """
    by_speaker: dict[str, list[Scene]] = {}
    frames = [*scenes_of(ctx, quotes), *settings(ctx), *appearances(ctx), *occasions(ctx)]
    for scene in sorted(frames, key=lambda scene: scene.start):
        before = by_speaker.setdefault(scene.speaker, [])
        if scene.fallback and before and before[-1].channel is not Channel.UNKNOWN:
            continue  # "In a letter, X said ... X wrote": still the letter
        before.append(scene)
    starts = {speaker: [scene.start for scene in scenes] for speaker, scenes in by_speaker.items()}

    def latest(speaker: str, anchor: int) -> Scene | None:
        at = bisect_right(starts.get(speaker, []), anchor) - 1
        return by_speaker[speaker][at] if at >= 0 else None

    def ahead(speaker: str, quote: Quote) -> Scene | None:
        """The speaker's first scene, when it opens just after a quote of theirs that comes before any: a lead
        sums up what the next paragraphs report (``X called Y a "disgrace." // X told Z on Wednesday, ...``)."""
        scenes = by_speaker.get(speaker, [])
        first = scenes[0] if scenes else None
        if first is None or first.start < quote.end or first.channel is Channel.UNKNOWN:
            return None
        # The next paragraph: one that names its channel in the same paragraph tells of something else ("...,"
        # Renzi said after the meeting. He added on Twitter, ...).
        return first if len(_PARAGRAPH_BREAK.findall(ctx.text, quote.end, first.start)) == 1 else None

    out: list[Quote] = []
    for quote in quotes:
        key = speaker_key(quote.speaker)
        if quote.channel is not Channel.UNKNOWN or key is None or quote.kind is QuoteKind.SCARE:
            out.append(quote)
            continue
        anchor = quote.cue.start if quote.cue is not None else quote.start
        # The speaker's own scene; a speaker with none is at the occasion the article last set, if any (a new time
        # ends an occasion, never the speaker's own interview: "In 2014, ..." is the story, not the quotes' source).
        current = latest(key, anchor) or latest(ANYONE, anchor) or ahead(key, quote) or ahead(ANYONE, quote)
        if current is not None and current.channel is not Channel.UNKNOWN:
            quote = attrs.evolve(quote, channel=current.channel, channel_evidence=current.evidence)
        out.append(quote)
    return out


def scenes_of(ctx: Context, quotes: Sequence[Quote]) -> list[Scene]:
    """Every point where a speaker's scene opens or closes, in text order.

    A cue event that names a channel opens one; so does an embedded post. A cue event of the speaker that names
    no channel but is set at a time of its own (``said Tuesday``, ``Earlier, he told``) closes the one before.
    """
    found: list[Scene] = []
    # Only a quote's own cue moves its speaker in time: "In 2014, Obama unveiled the plan" is the story the
    # article tells, while the interview it quotes him from goes on.
    quoting = {q.cue.start for q in quotes if q.cue is not None and q.kind is not QuoteKind.INDIRECT}
    cues = {q.cue.start for q in quotes if q.cue is not None}
    for event in ctx.events:
        key = speaker_key(event.speaker)
        if key is None:
            continue
        if event.channel is not Channel.UNKNOWN:
            found.append(Scene(speaker=key, start=event.cue.start, channel=event.channel, evidence=event.evidence))
            continue
        verb = ctx.doc[event.verb] if event.verb >= 0 else None
        moved = verb is not None and event.cue.start in quoting and new_time(ctx, verb)
        fallback = ctx.lexicon.fallback_verb_channels.get(verb.lemma_.lower()) if verb is not None else None
        if fallback is not None and event.cue.start in cues:
            # "Nervo wrote": a publication, unless Nervo is writing a letter (at a time of its own, whatever came
            # before). Only where it reports words: "Roe, who wrote the law, said" is a speaker's description.
            scene = Scene(speaker=key, start=event.cue.start, channel=Channel(fallback), evidence=event.cue)
            found.append(attrs.evolve(scene, fallback=not moved))
        elif moved:
            found.append(Scene(speaker=key, start=event.cue.start, channel=Channel.UNKNOWN, evidence=None))
    for quote in quotes:
        key = speaker_key(quote.speaker)
        if quote.post is not None and key is not None and quote.channel is not Channel.UNKNOWN:
            found.append(Scene(speaker=key, start=quote.start, channel=quote.channel, evidence=quote.channel_evidence))
    return sorted(found, key=lambda scene: scene.start)


def speaker_key(speaker: Speaker | None) -> str | None:
    """Who a scene belongs to: the speaker's name, whatever the case (None for no speaker)."""
    return speaker.name.lower() if speaker is not None else None
