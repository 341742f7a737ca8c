"""Transcripts inside articles: paragraphs that open with a speaker label (``WALLACE: Let's start ...``).

News prints interviews and debates as transcripts: each turn is a paragraph that
starts with the speaker's name in capitals and a colon, in quotation marks or
not. A turn is the speaker's own words, so it becomes a ``DIRECT`` quote (with
``marks=""`` when the paragraph has no quotation marks) credited to the label.

Labels count only in a dialogue, so that a lone ``WASHINGTON:`` or a run of
``UPDATE:`` lines is never taken for speakers: the document must have turns by
at least two different labels, one of which comes back or names a person of the
text, and words a lexicon lists as headings (``headline_labels``) never count.
"""

from __future__ import annotations

import re

import attrs

from .marks import MARK_CHARACTERS

__all__ = ["Turn", "find_turns"]

_LABEL = re.compile(
    r"(?P<label>(?:[A-Z][A-Z'’.\-]*\s){0,3}[A-Z][A-Z'’\-]+\.?)(?:\s*\([^)\n]{1,40}\))?\s?:[ \t\u00a0]+(?=\S)"
)
_MIN_TURNS = 2


@attrs.frozen(kw_only=True)
class Turn:
    """One turn of a transcript: the label's offsets and the words that follow it, to the end of the paragraph."""

    label: str
    label_start: int
    label_end: int
    start: int
    end: int


def _label_at(text: str, line_start: int, line_end: int) -> re.Match[str] | None:
    at = line_start
    while at < line_end and (text[at] in MARK_CHARACTERS or text[at] in " \t\u00a0"):
        at += 1
    return _LABEL.match(text, at, line_end)


def find_turns(
    text: str, *, headings: frozenset[str] = frozenset(), people: frozenset[str] = frozenset()
) -> list[Turn]:
    """The turns of the transcripts in ``text``, in order.

    Args:
        text: The article.
        headings: Words that open a heading, not a turn (``update``, ``watch``), in lower case.
        people: Upper-case names and surnames of the people the text names; a label among them counts even if it
            comes only once.

    Example:
        >>> text = "Transcript:\\n\\nWALLACE: Will she be there?\\n\\nPENCE: She will not.\\n\\nWALLACE: Thank you."
        >>> [(t.label, text[t.start:t.end]) for t in find_turns(text)]
        [('WALLACE', 'Will she be there?'), ('PENCE', 'She will not.'), ('WALLACE', 'Thank you.')]
    """
    candidates: list[Turn] = []
    line_start = 0
    for line in text.split("\n"):
        line_end = line_start + len(line)
        match = _label_at(text, line_start, line_end)
        if match is not None:
            label = match.group("label").rstrip(".")
            words = label.replace("’", "'").split()
            if not any(w.rstrip(".").lower() in headings for w in words) and len(label.replace(".", "")) >= 2:
                end = line_end
                while end > match.end() and text[end - 1] in " \t\u00a0\r":
                    end -= 1
                candidates.append(
                    Turn(
                        label=label,
                        label_start=match.start("label"),
                        label_end=match.start("label") + len(label),
                        start=match.end(),
                        end=end,
                    )
                )
        line_start = line_end + 1
    counts: dict[str, int] = {}
    for turn in candidates:
        counts[turn.label] = counts.get(turn.label, 0) + 1
    dialogue = len(counts) >= _MIN_TURNS and any(
        n >= _MIN_TURNS or _names_person(label, people) for label, n in counts.items()
    )
    return candidates if dialogue else []


def _names_person(label: str, people: frozenset[str]) -> bool:
    return label in people or label.split()[-1] in people
