"""The cues that may carry reported speech, each with a template quote holding its attribution.

:func:`quotebank.indirect.report_speech` finds their content and fills the templates.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from ..entity import clean_name
from ..indirect import content_within, headline_clauses, headline_reports, hearsay_reports, is_put_question
from ..model import Quote, QuoteKind, SpeakerKind, TextSpan
from .context import Context, CueEvent
from .cues import cue_words, is_speech_noun
from .entities import antecedent, resolve
from .events import noun_event, plain_event
from .mentions import mistagged_report, owner_of

__all__ = ["indirect_cues", "template"]

_OWNER_PRONOUNS = {"his": "he", "her": "she"}


def template(event: CueEvent) -> Quote:
    """An empty indirect quote carrying the event's attribution, for :func:`indirect_quotes` to fill."""
    return Quote(
        id="template",
        text="",
        start=0,
        end=0,
        kind=QuoteKind.INDIRECT,
        speaker=event.speaker,
        speaker_mention=event.mention,
        cue=event.cue,
        channel=event.channel,
        channel_evidence=event.evidence,
    )


def indirect_cues(ctx: Context) -> list[tuple[Token, Quote, Span | None]]:
    """Every cue that may carry reported content, with a template quote holding its attribution.

    A headline's cues come with their content (see :func:`quotebank.indirect.headline_reports`).
    """
    cues: list[tuple[Token, Quote, Span | None]] = []
    headlines = headline_reports(ctx.doc, text=ctx.text, lexicon=ctx.lexicon)
    # The parse's own event on a headline's verb stands when it found the speaker; the headline's when not.
    read = {cue.i for _, _, cue in headlines}
    clauses = headline_clauses(ctx.doc, text=ctx.text)
    for event in ctx.events:
        if event.verb in read and event.speaker is None:
            continue
        if event.speaker is None and event.mention is None and not is_put_question(ctx.doc[event.verb]):
            continue
        verb = ctx.doc[event.verb]
        clause = next((c for c in clauses if c.start <= verb.i < c.end), None)
        known = content_within(verb, clause, ctx.lexicon) if clause is not None else None
        if clause is None or known is not None:
            cues.append((verb, template(event), known))
    for tok in cue_words(ctx):
        if ctx.quoted(tok.idx):
            continue
        owner = owner_of(ctx, tok) if is_speech_noun(ctx, tok) else mistagged_report(ctx, tok)
        if owner is None:
            continue
        # "his claim that ...": a possessive pronoun owns the claim as its subject form would.
        pronoun = _OWNER_PRONOUNS.get(owner.text.lower()) if len(owner) == 1 else None
        entity, role = (antecedent(ctx, pronoun, tok), None) if pronoun else resolve(ctx, owner, tok)
        if entity is None and not is_speech_noun(ctx, tok):
            # The tagger that missed the verb missed the name too: only one the article has named will do.
            entity = ctx.index.find(clean_name(owner.text), before=owner.start_char)
        if entity is None:
            continue
        cues.append((tok, template(noun_event(ctx, tok, owner, entity, role)), None))
    # "He allegedly fired", "The campaign is reportedly ...": an account whose source the text does not name.
    for adverb, clause in hearsay_reports(ctx.doc):
        if not ctx.quoted(adverb.idx):
            marked = TextSpan.of(ctx.text, adverb.idx, adverb.idx + len(adverb.text))
            unsourced = Quote(id="template", text="", start=0, end=0, kind=QuoteKind.INDIRECT, cue=marked)
            cues.append((adverb, unsourced, clause))
    for source, content, cue in headlines:
        entity, role = resolve(ctx, source, cue)
        doc = ctx.doc
        crossing = (source.end < len(doc) and doc[source.end].ent_iob_ == "I") or doc[source.start].ent_iob_ == "I"
        if crossing or (entity is not None and ctx.index.entity_at(cue.i) is entity):
            # Title case makes the recogniser run a name into the verb ("Merkel Vows", "Lawmakers Rip Donald
            # Trump"): the source alone names the speaker.
            entity, role = ctx.index.find(clean_name(source.text)), None
        if entity is None:
            # "Trump urges ...": a bare surname the tagger took for a noun; the article names him in full.
            entity = ctx.index.find(clean_name(source.text)) or ctx.adhoc(
                clean_name(source.text) or source.text, SpeakerKind.UNKNOWN
            )
        cues.append((cue, template(plain_event(ctx, cue, source, entity, role)), content))
    return cues
