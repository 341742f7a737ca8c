"""Tokenizer adjustments for scraped news text.

Scraped articles often lose the space after a sentence (``said.It launched``,
``journalists.“We are``, ``self-defense.”Zarif``). spaCy's English tokenizer
then keeps ``”Zarif`` or ``said.It`` as one token, which hides the speaker
from the parser and the entity recogniser. :func:`split_glued_quotes` adds two
infix rules: double quotation marks always split from letters, and a full stop
between a lower-case letter and a capitalised word splits (``U.S.`` and
``e.g.`` are untouched).
"""

from __future__ import annotations

from typing import Any

from spacy.language import Language
from spacy.util import compile_infix_regex

__all__ = ["split_glued_quotes"]

_EXTRA_INFIXES = (r"[“”„«»\"]", r"(?<=[a-z])\.(?=[A-Z][a-z])")


def split_glued_quotes(nlp: Language) -> None:
    """Add the infix rules above to ``nlp``'s tokenizer (idempotent).

    Example:
        >>> import spacy
        >>> nlp = spacy.blank("en")
        >>> split_glued_quotes(nlp)
        >>> [t.text for t in nlp("officials said.It launched")]
        ['officials', 'said', '.', 'It', 'launched']
    """
    tokenizer: Any = nlp.tokenizer
    if not hasattr(tokenizer, "infix_finditer"):
        return  # a custom tokenizer: leave it alone
    compiled = getattr(tokenizer.infix_finditer, "__self__", None)
    if compiled is not None and all(rule in compiled.pattern for rule in _EXTRA_INFIXES):
        return
    infixes = list(nlp.Defaults.infixes or ()) + list(_EXTRA_INFIXES)
    tokenizer.infix_finditer = compile_infix_regex(infixes).finditer
