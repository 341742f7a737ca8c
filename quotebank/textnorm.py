"""Text normalisation for matching: quotations across articles, names and roles across speakers.

Only for *comparing* text: offsets and stored text are never normalised. The
heavy lifting is textacy's preprocessing (``normalize.unicode`` in NFKC form,
``quotation_marks``, ``hyphenated_words``, ``whitespace``); textacy is imported
on first use, so ``import quotebank`` stays fast.

Example:
    >>> quote_key("“So far, so good!”")
    'so far so good'
    >>> quote_key("& concluded proportionate measures in self‑defense,")
    'and concluded proportionate measures in self defense'
    >>> fold("Iran’s  foreign minister")
    "iran's foreign minister"
"""

from __future__ import annotations

import functools
import re
from typing import Any

__all__ = ["fold", "quote_key", "word_tokens"]

# What textacy's quotation_marks leaves alone: guillemets, low-9 marks, primes.
_MARKS = str.maketrans(
    {
        "«": '"',
        "»": '"',
        "„": '"',
        "‟": '"',
        "″": '"',
        "‹": "'",
        "›": "'",
        "‚": "'",
        "‛": "'",
        "′": "'",
        "`": "'",
        "´": "'",
    }
)
# Hyphens and dashes of every width become "-".
_DASHES = re.compile(r"[\u2010-\u2015\u2212\u2043\ufe58\ufe63\uff0d]")
_WORD = re.compile(r"\w+")


@functools.cache
def _normalize() -> Any:
    import textacy.preprocessing.normalize as normalize

    return normalize


def fold(text: str) -> str:
    """``text`` normalised for comparison: NFKC, ASCII quotation marks and dashes, ``&`` as ``and``, case-folded."""
    normalize = _normalize()
    text = normalize.unicode(text, form="NFKC")
    text = normalize.quotation_marks(text).translate(_MARKS)
    text = _DASHES.sub("-", text)
    text = normalize.hyphenated_words(text)
    text = normalize.whitespace(text)
    return re.sub(r"\s+", " ", text.replace("&", " and ")).strip().casefold()


def word_tokens(text: str) -> list[str]:
    """The words of :func:`fold` (``text``): punctuation, quotation marks and dashes dropped."""
    return _WORD.findall(fold(text))


def quote_key(text: str) -> str:
    """The words of a quotation, for merging: case, marks, dashes, ``&`` and punctuation do not count."""
    return " ".join(word_tokens(text))
