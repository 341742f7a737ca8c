"""Quotation marks: which characters they are and which way each one faces.

The tables here are data; :func:`scan_marks` reads a text once and returns
every character that may be a quotation mark, with the direction its context
suggests. Apostrophes (``Iran's``, ``weren’t``, ``’80s``, ``rock 'n' roll``)
are told apart here; ``Simmons' `` (a possessive that looks like a closing
mark) comes back as a *weak* close that only closes an open single quote.
"""

from __future__ import annotations

import enum
import re

import attrs

DOUBLE_MARKS = '"“”„‟«»〝〞＂'
SINGLE_MARKS = "'‘’‚‛‹›"

# What each glyph does when the context cannot tell: "open", "close" or "either".
_GLYPH_LEANING = {
    "“": "open",
    "„": "open",
    "‟": "open",
    "«": "open",
    "〝": "open",
    "‘": "open",
    "‚": "open",
    "‛": "open",
    "‹": "open",
    "”": "close",
    "»": "close",
    "〞": "close",
    "’": "close",
    "›": "close",
    '"': "either",
    "＂": "either",
    "'": "either",
    "''": "either",
    "``": "open",
}

# Typewriter double quotes made of two characters, as in the New York Times archive (''Yes,'' he said) and
# LaTeX-style text (``Yes,'' he said).
TWO_CHARACTER_MARKS = ("''", "``")
MARK_CHARACTERS = DOUBLE_MARKS + SINGLE_MARKS + "`"
"""Every character a mark may start with (the backtick only in the two-character ``````)."""
_CANDIDATES = re.compile("[" + re.escape(MARK_CHARACTERS) + "]")


def opening_width(text: str, start: int) -> int:
    """How many characters the opening mark of a quote starting at ``start`` takes (2 for ``''`` and ``````)."""
    return 2 if text[max(0, start - 2) : start] in TWO_CHARACTER_MARKS else 1


def closing_width(text: str, end: int) -> int:
    """How many characters the closing mark of a quote ending at ``end`` takes (2 for ``''``)."""
    return 2 if text[end : end + 2] == "''" else 1


# Elisions that start with an apostrophe: 'em, 'til, 'cause ...
_ELISION = re.compile(r"(?:n|em|til|till|cause|cos|tis|twas|bout|nuff)(?![\w-])", re.IGNORECASE)
_DECADE = re.compile(r"\d\d(?:s\b|\b)")
_OPENING_CONTEXT = "([{<—–-/\u2015\u2012\u00a0"
_CLOSING_CONTEXT = ".,;:!?)]}>—–…\u2015"


class Direction(enum.Enum):
    OPEN = "open"
    CLOSE = "close"
    EITHER = "either"
    WEAK_CLOSE = "weak_close"
    """Looks like a closing single quote but may be a possessive (``Simmons' ``)."""


class Family(enum.Enum):
    DOUBLE = "double"
    SINGLE = "single"


@attrs.frozen(kw_only=True)
class Mark:
    """One quotation-mark character at ``pos`` in the text."""

    pos: int
    char: str
    family: Family
    direction: Direction


def _kind(ch: str) -> str:
    if not ch or ch.isspace():
        return "space"
    if ch.isalnum():
        return "alnum"
    return "punct"


def _direction(text: str, i: int, family: Family, width: int = 1) -> Direction | None:
    """The direction of the mark at ``text[i : i + width]``, or None when it is an apostrophe."""
    ch = text[i : i + width]
    left = text[i - 1] if i > 0 else ""
    right = text[i + width] if i + width < len(text) else ""
    lk, rk = _kind(left), _kind(right)
    if left and left in _OPENING_CONTEXT:
        lk = "space"
    if left and left in DOUBLE_MARKS + SINGLE_MARKS:
        lk = "space" if _GLYPH_LEANING.get(left) == "open" else "punct"
    if right and right in DOUBLE_MARKS + SINGLE_MARKS:
        rk = "space" if _GLYPH_LEANING.get(right) == "close" else "punct"
    leaning = _GLYPH_LEANING[ch]

    if family is Family.SINGLE and ch in "'’":
        if lk == "alnum" and rk == "alnum":
            return None  # Iran's, weren’t, rock'n'roll
        if lk != "alnum" and (_DECADE.match(text, i + 1) or _ELISION.match(text, i + 1)):
            return None  # ’80s, 'em, 'til, rock 'n' roll
        possessive_like = left.lower() == "s" or left == "n" or left.isdigit()
        if lk == "alnum" and rk in ("space", "punct") and right not in "!?" and possessive_like:
            return Direction.WEAK_CLOSE  # Simmons' house, goin' home, the '80s' end
    if family is Family.DOUBLE and ch in '"＂' and lk == "alnum" and left.isdigit() and rk != "alnum":
        return Direction.WEAK_CLOSE  # 6'2" -- inches, unless a quote is open

    if lk == "space" and rk != "space":
        return Direction.OPEN
    if rk == "space" and lk != "space":
        return Direction.CLOSE
    if lk == "punct" and rk == "alnum":
        # glued to the previous sentence ("journalists.“We") or to the next ("defense.”Iran")
        return {"open": Direction.OPEN, "close": Direction.CLOSE}.get(leaning, Direction.EITHER)
    if lk == "alnum" and rk == "punct":
        return Direction.CLOSE if leaning != "open" else Direction.EITHER
    return {"open": Direction.OPEN, "close": Direction.CLOSE}.get(leaning, Direction.EITHER)


def scan_marks(text: str, start: int = 0, end: int | None = None) -> list[Mark]:
    """Every quotation mark in ``text[start:end]`` with its likely direction.

    Example:
        >>> [(m.pos, m.direction.value) for m in scan_marks("Iran's 'big' deal")]
        [(7, 'open'), (11, 'close')]
        >>> [(m.pos, m.char, m.direction.value) for m in scan_marks("''Yes,'' he said.")]
        [(0, "''", 'open'), (6, "''", 'close')]
    """
    end = len(text) if end is None else end
    marks: list[Mark] = []
    i = start
    while True:
        # Jump from one possible mark to the next: a character-by-character loop in Python costs more than the
        # rest of the detection together.
        found = _CANDIDATES.search(text, i, end)
        if found is None:
            return marks
        i = found.start()
        ch = text[i]
        if text[i : i + 2] in TWO_CHARACTER_MARKS and i + 2 <= end and text[i + 2 : i + 3] not in ("'", "`"):
            direction = _direction(text, i, Family.DOUBLE, width=2)
            if direction is not None:
                marks.append(Mark(pos=i, char=text[i : i + 2], family=Family.DOUBLE, direction=direction))
            i += 2
            continue
        i += 1
        if ch in DOUBLE_MARKS:
            family = Family.DOUBLE
        elif ch in SINGLE_MARKS:
            family = Family.SINGLE
        else:
            continue  # a lone backtick
        direction = _direction(text, i - 1, family)
        if direction is not None:
            marks.append(Mark(pos=i - 1, char=ch, family=family, direction=direction))
