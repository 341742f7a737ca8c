"""Roles and titles around a name: ``Pentagon spokesman Jonathan Hoffman``, ``Goldenberg, a former ... official``.

Two places give a role in news style, and both are read here from the surface
tokens with the help of the title lexicon (the small parser is unreliable on
long pre-nominal titles):

* the *pre-nominal title*: the noun phrase glued to the left of a name. It is
  split at prepositions and kept from the first chunk that holds a title word,
  so ``the killing of Revolutionary Guard General Qassem Soleimani`` gives
  ``Revolutionary Guard General`` while ``Assistant to the Secretary of Defense
  for Public Affairs Jonathan Hoffman`` keeps the whole title;
* the *appositive*: ``, a former State Department official now with X,`` or
  ``, chairman of the Joint Chiefs of Staff,`` right after the name.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from .lexicons import Lexicon

__all__ = ["appositive_role", "is_title_token", "pre_title", "role_head"]

_STOP_POS = frozenset({"VERB", "AUX", "CCONJ", "SCONJ", "PRON", "NUM", "INTJ", "SYM", "X"})
_LINKING_WORDS = frozenset({"of", "to", "for", "at", "on", "in", "'s", "’s", "the", "and", "&"})
_QUOTE_CHARS = "“”\"'‘’«»„"


def is_title_token(token: Token, lexicon: Lexicon) -> bool:
    """True for a word that names a role or title (``spokesman``, ``Minister``, ``Gen.``)."""
    return token.lower_ in lexicon.titles or token.lemma_.lower() in lexicon.titles


def role_head(text: str, lexicon: Lexicon) -> str | None:
    """The last title word in ``text`` (lower case), e.g. ``'minister'`` for ``Iran's foreign minister``."""
    words = [w.strip(",.").lower() for w in text.split()]
    for i in range(len(words) - 1, -1, -1):
        if i > 0 and f"{words[i - 1]} {words[i]}" in lexicon.titles:
            return f"{words[i - 1]} {words[i]}"
        if words[i] in lexicon.titles:
            return words[i]
    return None


def pre_title(doc: Doc, name_start: int, lexicon: Lexicon) -> Span | None:
    """The title written just before the name that starts at token ``name_start``."""
    i = name_start - 1
    tokens: list[Token] = []
    while i >= 0:
        tok = doc[i]
        if tok.is_space or "\n" in tok.text_with_ws:
            break
        if tok.pos_ in _STOP_POS and tok.lower_ not in _LINKING_WORDS:
            break
        if tok.pos_ == "CCONJ" and i > 0 and doc[i - 1].ent_type_ in ("PERSON", "GPE"):
            break  # "Both Trump and Iranian Foreign Minister Javad Zarif": the title starts after "and"
        if (tok.is_punct and tok.text not in ("-", "–", ".", "’s", "'s")) or tok.text in _QUOTE_CHARS:
            break
        tokens.append(tok)
        i -= 1
    if not tokens:
        return None
    tokens.reverse()
    # Split into chunks at prepositions; keep from the first chunk that holds a title word.
    chunks: list[list[Token]] = [[]]
    for tok in tokens:
        if tok.pos_ == "ADP" or tok.lower_ in ("of", "to", "for", "at", "on", "in"):
            chunks.append([tok])
        else:
            chunks[-1].append(tok)
    first = next((k for k, chunk in enumerate(chunks) if any(is_title_token(t, lexicon) for t in chunk)), None)
    if first is None:
        return None
    kept = [t for chunk in chunks[first:] for t in chunk]
    while kept and (kept[0].pos_ in ("DET", "ADP") or kept[0].is_punct):
        kept = kept[1:]
    if not kept:
        return None
    return doc[kept[0].i : kept[-1].i + 1]


def appositive_role(doc: Doc, name_end: int, lexicon: Lexicon) -> Span | None:
    """The appositive after the name that ends before token ``name_end``: ``, chairman of X,``."""
    if name_end >= len(doc) or doc[name_end].text != ",":
        return None
    start = name_end + 1
    end = start
    while end < len(doc):
        tok = doc[end]
        if tok.text in (",", ";", ".", "—", "–", "(", ")") or tok.text in _QUOTE_CHARS or "\n" in tok.text_with_ws:
            break
        if tok.pos_ in ("VERB", "AUX") and tok.dep_ in ("ROOT", "ccomp") and end > start:
            break
        end += 1
    if end == start or start >= len(doc):
        return None
    first = doc[start]
    if first.lower_ in ("who", "which", "that", "whose", "where", "when", "he", "she", "they", "it"):
        return None
    if first.pos_ in ("VERB", "AUX"):
        return None  # "Dmitry Peskov, told reporters": the clause goes on, there is no appositive
    if end - start > 16 or not any(is_title_token(t, lexicon) for t in doc[start:end]):
        return None
    while start < end and doc[start].pos_ == "DET":
        start += 1
    return doc[start:end] if start < end else None
