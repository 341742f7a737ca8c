"""Text normalisation for matching: quotations across articles, names and roles across speakers.

Only for *comparing* text: offsets and stored text are never normalised. NFKC, ASCII quotation marks and dashes,
words hyphenated across a line break joined, ``&`` as ``and``, case-folded: what textacy's preprocessing
(``normalize.unicode``, ``quotation_marks``, ``hyphenated_words``, ``whitespace``) gives, written with the
standard library so that ``quotebank bank query`` needs neither spaCy nor textacy, and linear in the text:
textacy's ``hyphenated_words`` pattern backtracks over every start position of a long word (40,000 letters took
29 s); here a word can only start a match at its first letter.

Example:
    >>> quote_key("“So far, so good!”")
    'so far so good'
    >>> quote_key("& concluded proportionate measures in self‑defense,")
    'and concluded proportionate measures in self defense'
    >>> fold("Iran’s  foreign minister")
    "iran's foreign minister"
    >>> fold("self-\\ndefense")
    'selfdefense'
"""

from __future__ import annotations

import re
import unicodedata

__all__ = ["fold", "quote_key", "word_tokens"]

_QUOTES = str.maketrans(
    {
        "ʼ": "'",
        "‘": "'",
        "’": "'",
        "´": "'",
        "`": "'",
        "“": '"',
        "”": '"',
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
    }
)
_DASHES = re.compile(r"[\u2010-\u2015\u2212\u2043\ufe58\ufe63\uff0d]")
# textacy's RE_HYPHENATED_WORD, anchored at the start of a word and possessive, so that it is linear.
_HYPHENATED = re.compile(r"(?<!\w)(\w{2,}+)(?<!\d)-\s+((?!\d)\w{2,})", re.IGNORECASE)
_ZWSP = re.compile(r"[\u200B\u2060\uFEFF]+")
_SPACES = re.compile(r"\s+")
_WORD = re.compile(r"\w+")


def fold(text: str) -> str:
    """``text`` normalised for comparison: NFKC, ASCII quotation marks and dashes, ``&`` as ``and``, case-folded."""
    text = unicodedata.normalize("NFKC", text).translate(_QUOTES)
    text = _DASHES.sub("-", text)
    text = _HYPHENATED.sub(r"\1\2", text)
    text = _ZWSP.sub("", text)
    return _SPACES.sub(" ", text.replace("&", " and ")).strip().casefold()


def word_tokens(text: str) -> list[str]:
    """The words of :func:`fold` (``text``): punctuation, quotation marks and dashes dropped."""
    return _WORD.findall(fold(text))


def quote_key(text: str) -> str:
    """The words of a quotation, for merging: case, marks, dashes, ``&`` and punctuation do not count."""
    return " ".join(word_tokens(text))
