"""Attribution: link each quote to its cue, its speaker (with role) and its channel.

How it decides, in order:

1. **Cue events.** Every reporting verb of the lexicon outside quotation marks
   (``said``, ``tweeted``, ``described ... as``, ``read an IRGC statement``)
   and every ``according to X`` is a cue event. Its speaker is found through
   the parse: the subject (``Hoffman said``, ``said Hoffman``), the passive
   agent, the object of ``according to``, the owner of a speech noun that is
   the subject or object (``an IRGC statement``, ``a letter from X``), or the
   speaker of the verb it hangs from (``tweeted ..., adding``). A subject that
   is an appositive cut off by the parser (``X, the commander of ..., said``)
   goes back to X. The object of a verb that makes someone speak does so
   (``forced Stumpf to admit``); who files or makes a speech noun speaks
   through it (``lawyers filed papers opposing``), and who spoke at an
   occasion holds it (``said at a news conference announcing``).
2. **Resolving the mention.** Names go to the document's entity (full name,
   aliases, roles; :mod:`quotebank.coref`). Pronouns go to the most recent
   compatible speaker (``he``/``she``: a person; ``it``: an organisation or
   outlet), or to a person named earlier in the same sentence; in a clause put
   before the sentence's subject they name that subject (``Though she called
   it “outrageous,” Clinton said``). Definite
   descriptions (``the country's outgoing prime minister``) go to the person
   who holds that role in the document, or else to the one named speaker with
   no stated role; otherwise they stay role-only speakers. Anonymous sources
   (``a defense official``, ``US and Iraqi officials``) stay unnamed: a name is
   never guessed.
3. **Linking quotes to cues.** A quote takes the cue event in its own sentence:
   before the opening mark (``He said: “...”``, ``claim that "..."``), or after
   the closing mark (``“...,” he said``). After a quote that ends a sentence,
   only a short cue with no content of its own counts (``“...!” Trump tweeted
   Tuesday evening``), so the next sentence's speaker is not taken by mistake.
   Pieces of a split quote share the first piece's cue. An embedded post is
   signed by its author, linked to the person the article names.
4. **Follow-on quotes.** A quote with no cue of its own continues the previous
   quote's speaker when it follows within two paragraphs and no other speaker
   has spoken in between. A sentence-opening quote that follows, in the same
   paragraph, a sentence reporting someone's words without quotation marks
   (``X called him a master at deals. “He showed ...”``) goes on with that
   speaker. Otherwise it stays unattributed.
5. **Channels** come from the cue's own words (:mod:`quotebank.channel`), or
   from the scene the quote is part of (:mod:`~quotebank.attribute.scenes`):
   a frame (``said in an emailed statement``, ``at a rally``) opens a scene
   for its speaker that later quotes of theirs inherit (``Hoffman added``)
   until a new frame or a new time.

The stages, one module each, all plain functions of a :class:`~quotebank.attribute.context.Context`:
:mod:`~quotebank.attribute.cues` (which words report speech), :mod:`~quotebank.attribute.mentions` (who the parse
says speaks), :mod:`~quotebank.attribute.entities` (which person or organisation that is; pronouns in
:mod:`~quotebank.attribute.pronouns`, ``the newspaper`` in :mod:`~quotebank.attribute.kinds`, roles stated away
from a name in :mod:`~quotebank.attribute.descriptions`), :mod:`~quotebank.attribute.scenes` and
:mod:`~quotebank.attribute.frames` (channels), :mod:`~quotebank.attribute.events` (cue events),
:mod:`~quotebank.attribute.blocks` (transcript turns and block quotes; interview Q&As in
:mod:`~quotebank.attribute.interviews`), :mod:`~quotebank.attribute.link` (the event that speaks each quote),
:mod:`~quotebank.attribute.speakers` (the attributed quotes, one speaker per person, with
:mod:`~quotebank.attribute.identity`) and :mod:`~quotebank.attribute.reported` (the cues handed to
:mod:`quotebank.indirect`).
"""

from __future__ import annotations

from collections.abc import Iterable

from spacy.tokens import Doc

from ..indirect import report_speech
from ..lexicons import Lexicon
from ..model import Quote
from .blocks import block_quotes, transcript
from .context import Context, CueEvent
from .descriptions import described_roles
from .events import find_events
from .identity import one_identity_each
from .reported import indirect_cues
from .scenes import apply_scenes
from .speakers import attribute, one_speaker_each

__all__ = ["CueEvent", "attribute_quotes", "find_cue_events"]


def find_cue_events(doc: Doc, *, lexicon: Lexicon, quotes: Iterable[Quote] = ()) -> list[CueEvent]:
    """Every reporting verb of ``doc`` with its speaker and channel (quotes mask their insides)."""
    return find_events(Context(doc, list(quotes), lexicon))


def attribute_quotes(
    doc: Doc, quotes: list[Quote], *, lexicon: Lexicon, indirect: bool = True, text: str | None = None
) -> list[Quote]:
    """``quotes`` with speaker, speaker mention, cue and channel filled where the text tells.

    Args:
        doc: The parsed document the quotes come from.
        quotes: Quotes from detection, sorted by position.
        lexicon: The language's lexicon.
        indirect: Also add reported speech (:mod:`quotebank.indirect`).
    """
    if not doc.has_annotation("DEP"):
        return quotes
    ctx = Context(doc, quotes, lexicon, text)
    quotes = transcript(ctx, quotes)
    quotes = block_quotes(ctx, quotes)
    attributed = attribute(ctx, quotes)
    if indirect:
        attributed = report_speech(doc, indirect_cues(ctx), attributed, lexicon, text=ctx.text)
    # One speaker per person first, so that a scene follows the person under every name the article uses.
    attributed = one_identity_each(one_speaker_each(ctx, attributed, described_roles(ctx)))
    return apply_scenes(ctx, attributed)
