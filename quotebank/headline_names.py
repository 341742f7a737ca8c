"""Names in headlines: headline capitals make the recogniser read words next to a name, or a description, as
names.

:func:`headline_name` trims a person's name in a title-case headline to the words the article writes as names
(``Derelict Obama and Clinton``: ``Obama``); :func:`verb_after_name` tells a headline's speech verb from a name
(``Obama Says ...``); :func:`headline_description` tells a description opening the headline from an
organisation's name (``Chipmaker warns ...``). :class:`quotebank.coref.EntityIndex` uses them while it builds.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span, Token

from .lexicons import Lexicon

__all__ = [
    "INITIAL",
    "NAME_SUFFIXES",
    "headline_description",
    "headline_name",
    "title_case_headline_end",
    "verb_after_name",
]

_HEADLINE_TOKENS = 30
"""A first line of at most this many tokens, with no full stop, is a headline."""
INITIAL = re.compile(r"[A-Z]\.")
"""An initial in a name (``R.``)."""
NAME_SUFFIXES = frozenset({"Jr.", "Sr.", "II", "III", "IV"})
"""Words that end a name and are no surname."""


def verb_after_name(tok: Token, lexicon: Lexicon) -> bool:
    """``Obama Says African-American Museum Will ...``: a headline's present-tense speech verb, which title case
    joins to the name before it, is never part of a name (``Said`` may be: Edward Said)."""
    if tok.i == 0 or not tok.text[:1].isupper():
        return False
    lower = tok.lower_
    if lower in lexicon.headline_say_forms and lower != "said":
        return True
    stem = lower[:-2] if lower.endswith("es") else lower[:-1] if lower.endswith("s") else ""
    return tok.tag_ == "VBZ" and (stem in lexicon.speech_verbs or lower[:-1] in lexicon.speech_verbs)


def _first_line_end(doc: Doc) -> int | None:
    """The index of the token the document's first line ends with (its whitespace holds the line break)."""
    return next((t.i for t in doc if "\n" in t.text_with_ws), None)


def title_case_headline_end(doc: Doc) -> int:
    """The token index where the document's first line ends, when it is a headline in title case (every word
    of four letters or more capitalised) and an article follows it (else 0)."""
    end = _first_line_end(doc)
    if end is None:
        return 0
    words = [t.text for t in doc[: end + 1] if t.is_alpha and len(t.text) >= 4]
    titled = bool(words) and all(w[:1].isupper() for w in words)
    return end if titled and any(not t.is_space for t in doc[end + 1 :]) else 0


def headline_name(span: Span, words: frozenset[str], lexicon: Lexicon) -> Span:
    """A person's name in the headline without the title-case words around it that the article never writes
    as part of a name: ``Derelict Obama and Clinton``, ``Clinton Breaks With ...`` (the recogniser takes a
    capitalised word next to a name for part of it). A common first name and an initial stay; the words are
    kept when none of them is a name the article writes (the headline is all the text has). ``words`` are the
    words of the people's names the article writes after its headline, and those whole names."""
    if span.text in words:
        return span

    def kept(tok: Token) -> bool:
        lower = tok.lower_
        return (
            tok.text in words
            or lower in lexicon.feminine_names
            or lower in lexicon.masculine_names
            or bool(INITIAL.fullmatch(tok.text))
            or tok.text in NAME_SUFFIXES
        )

    start, end = span.start, span.end
    while start < end and not kept(span.doc[start]):
        start += 1
    while end > start and not kept(span.doc[end - 1]):
        end -= 1
    if not any(t.text in words for t in span.doc[start:end]):
        return span
    return span.doc[start:end]


def headline_description(ent: Span) -> bool:
    """``Chipmaker warns of weaker sales``: one capitalised word opening the headline that the article never writes
    again is a description in headline capitals, not an organisation's name (``Apple warns ...`` is written
    again)."""
    if len(ent) != 1 or ent.start != 0:
        return False
    doc = ent.doc
    end = _first_line_end(doc)
    last = next((t for t in reversed(doc[: end + 1]) if not t.is_space), None) if end is not None else None
    if end is None or end > _HEADLINE_TOKENS or last is None or last.text in (".", ":"):
        return False  # no first line, or one that is a sentence or a label
    return not any(t.text == ent.text for t in doc[end + 1 :])
