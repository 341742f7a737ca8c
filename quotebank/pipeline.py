"""From a parsed Doc to Quote objects: detection, kinds, attribution.

:func:`analyze` is a plain function that reads a Doc and returns quotes and
notices without touching the Doc; the spaCy component
(:mod:`quotebank.component`) is the only place that writes results onto it.
"""

from __future__ import annotations

import attrs
from spacy.tokens import Doc

from .attribute import attribute_quotes
from .classify import classify_kinds
from .detect import find_quotations
from .errors import Code, Notice
from .lexicons import get_lexicon
from .model import Quote, QuoteKind, TextSpan

__all__ = ["analyze", "renumber"]


def analyze(
    doc: Doc,
    *,
    language: str = "en",
    attribute: bool = True,
    indirect: bool = True,
) -> tuple[list[Quote], list[Notice]]:
    """Every quote in ``doc``, scare quotes included, with the notices met on the way.

    Args:
        doc: A parsed Doc (tagger, parser and NER are used when present).
        language: Which lexicon to use.
        attribute: Fill speaker, role, cue and channel.
        indirect: Also find reported speech without quotation marks.

    Returns:
        Quotes sorted by position, with ids ``q0``, ``q1`` ... in that order.
    """
    lexicon = get_lexicon(language)
    text = doc.text  # spaCy rebuilds Doc.text on every access
    raws, notices = find_quotations(text)
    kinds = classify_kinds(doc, raws, lexicon, text=text)
    quotes: list[Quote] = []
    for index, (raw, kind) in enumerate(zip(raws, kinds, strict=True)):
        try:
            quotes.append(
                Quote(
                    id=f"q{index}",
                    text=text[raw.start : raw.end],
                    start=raw.start,
                    end=raw.end,
                    kind=kind,
                    parent=f"q{raw.parent}" if raw.parent is not None else None,
                    group=f"q{raw.group}" if raw.group is not None else None,
                    post=raw.post,
                    marks=raw.marks,
                )
            )
        except (ValueError, TypeError) as exc:  # pragma: no cover - a bug, reported rather than raised
            notices.append(Notice(code=Code.BAD_QUOTE, offset=raw.start, message=str(exc)))
    if attribute:
        quotes = attribute_quotes(doc, quotes, lexicon=lexicon, indirect=indirect, text=text)
    return renumber(quotes), notices


def renumber(quotes: list[Quote], *, shift: int = 0, prefix: str = "q", first: int = 0) -> list[Quote]:
    """Sort ``quotes``, give them ids ``q0``, ``q1`` ... and move every offset by ``shift``.

    ``parent`` and ``group`` references follow the new ids.
    """
    ordered = sorted(quotes, key=lambda q: (q.start, -q.end, q.kind is QuoteKind.INDIRECT))
    new_ids = {q.id: f"{prefix}{first + i}" for i, q in enumerate(ordered)}

    def moved(span: TextSpan | None) -> TextSpan | None:
        if span is None or shift == 0:
            return span
        return attrs.evolve(span, start=span.start + shift, end=span.end + shift)

    out = []
    for q in ordered:
        post = q.post
        if post is not None and post.signature is not None and shift:
            post = attrs.evolve(post, signature=moved(post.signature))
        out.append(
            attrs.evolve(
                q,
                id=new_ids[q.id],
                start=q.start + shift,
                end=q.end + shift,
                parent=new_ids.get(q.parent) if q.parent else None,
                group=new_ids.get(q.group) if q.group else None,
                speaker_mention=moved(q.speaker_mention),
                cue=moved(q.cue),
                channel_evidence=moved(q.channel_evidence),
                reported=moved(q.reported),
                post=post,
            )
        )
    return out
