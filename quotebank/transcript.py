"""Transcripts inside articles: paragraphs that open with a speaker label (``WALLACE: Let's start ...``).

News prints interviews and debates as transcripts: each turn is a paragraph that
starts with the speaker's name in capitals and a colon, in quotation marks or
not. A turn is the speaker's own words, so it becomes a ``DIRECT`` quote (with
``marks=""`` when the paragraph has no quotation marks) credited to the label.

Labels count only in a dialogue, so that a lone ``WASHINGTON:`` or a run of
``UPDATE:`` lines is never taken for speakers: the document must have turns by
at least two different labels, one of which comes back or names a person of the
text, and words a lexicon lists as headings (``headline_labels``) never count.

Interviews are printed as a Q&A too (``Q: What is your first priority?`` / ``A: Reading.``): the labels name no one,
so :func:`find_interview_turns` reads them apart, as questions and answers; who asks and who answers is for the
attribution to find (:mod:`quotebank.attribute.interviews`).
"""

from __future__ import annotations

import itertools
import re

import attrs

from .marks import MARK_CHARACTERS

__all__ = ["ANSWER", "QUESTION", "Turn", "find_interview_turns", "find_turns"]

_LABEL = re.compile(
    r"(?P<label>(?:[A-Z][A-Z'’.\-]*\s){0,3}[A-Z][A-Z'’\-]+\.?)(?:\s*\([^)\n]{1,40}\))?\s?:[ \t\u00a0]+(?=\S)"
)
_MIN_TURNS = 2
# A Q&A label: a capitalised word, then a colon (or a full stop after one letter: ``Q. What ...``).
_INTERVIEW_LABEL = re.compile(r"(?P<label>[A-Z][a-zA-Z]*)(?P<sep>[:.])[ \t\u00a0]+(?=\S)")
QUESTION = "question"
ANSWER = "answer"
# A paragraph that goes on with an answer is prose: a sentence of a few words, not a subheading.
_PROSE_END = re.compile(r"[.!?…][\"”’')]*$")
_PROSE_WORDS = 4


@attrs.frozen(kw_only=True)
class Turn:
    """One turn of a transcript: the label's offsets and the words that follow it, to the end of the paragraph."""

    label: str
    label_start: int
    label_end: int
    start: int
    end: int
    part: str | None = None
    """``QUESTION`` or ``ANSWER`` for a Q&A turn (whose label names no one); None for a speaker's label. A
    paragraph that goes on with an answer is an ``ANSWER`` turn with an empty label."""


def _label_at(text: str, line_start: int, line_end: int) -> re.Match[str] | None:
    at = line_start
    while at < line_end and (text[at] in MARK_CHARACTERS or text[at] in " \t\u00a0"):
        at += 1
    return _LABEL.match(text, at, line_end)


def find_turns(
    text: str,
    *,
    headings: frozenset[str] = frozenset(),
    people: frozenset[str] = frozenset(),
    questions: frozenset[str] = frozenset(),
    answers: frozenset[str] = frozenset(),
) -> list[Turn]:
    """The turns of the transcripts in ``text``, in order.

    Args:
        text: The article.
        headings: Words that open a heading, not a turn (``update``, ``watch``), in lower case.
        people: Upper-case names and surnames of the people the text names; a label among them counts even if it
            comes only once.
        questions: The labels of a question (``question``), in lower case: no one's name, so their turns are
            questions (``part``), as are those of ``answers``.
        answers: The labels of an answer (``answer``), in lower case.

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
    # "QUESTION:" takes its part in a dialogue (a press conference's "QUESTION: ... TRUMP: ..."), but names no one.
    parts = {**{label: ANSWER for label in answers}, **{label: QUESTION for label in questions}}
    return [attrs.evolve(t, part=parts.get(t.label.lower())) for t in candidates] if dialogue else []


def _names_person(label: str, people: frozenset[str]) -> bool:
    return label in people or label.split()[-1] in people


def find_interview_turns(text: str, *, questions: frozenset[str], answers: frozenset[str]) -> list[Turn]:
    """The turns of the Q&A in ``text``, in order: questions, answers and the paragraphs that go on with an answer.

    A Q&A counts only as a dialogue: some question must be answered in the very next line that holds words, so
    that a lone ``A: ...``, a list of ``Q: ...`` or an ``A-list`` are never taken for one. A paragraph with no
    label goes on with the answer before it only up to the next question (after the last answer the article
    takes up its own voice again), and only when it reads as prose (a subheading is no one's words).

    Args:
        text: The article.
        questions: The labels of a question (``q``, ``question``), in lower case.
        answers: The labels of an answer (``a``, ``answer``), in lower case.

    Example:
        >>> text = "She spoke to us.\\n\\nQ: Why?\\nA: Because.\\n\\nQ. When?\\n\\nA. Now."
        >>> [(t.part, text[t.start:t.end]) for t in find_interview_turns(text, questions={"q"}, answers={"a"})]
        [('question', 'Why?'), ('answer', 'Because.'), ('question', 'When?'), ('answer', 'Now.')]
    """
    lines: list[Turn | tuple[int, int, bool]] = []  # the labelled turns; the other lines with words, and if quoted
    line_start = 0
    for line in text.split("\n"):
        line_end = line_start + len(line)
        end = line_end
        while end > line_start and text[end - 1] in " \t\u00a0\r":
            end -= 1
        at = line_start
        while at < end and (text[at] in MARK_CHARACTERS or text[at] in " \t\u00a0"):
            at += 1
        match = _INTERVIEW_LABEL.match(text, at, end)
        label = match.group("label").lower() if match is not None else ""
        part = QUESTION if label in questions else ANSWER if label in answers else None
        if match is not None and part is not None and (match.group("sep") == ":" or len(label) == 1):
            lines.append(
                Turn(
                    label=match.group("label"),
                    label_start=match.start("label"),
                    label_end=match.end("label"),
                    start=match.end(),
                    end=end,
                    part=part,
                )
            )
        elif at < end:
            lines.append((at, end, any(c in MARK_CHARACTERS for c in text[line_start:at])))
        line_start = line_end + 1
    answered = any(
        isinstance(a, Turn) and isinstance(b, Turn) and a.part == QUESTION and b.part == ANSWER
        for a, b in itertools.pairwise(lines)
    )
    if not answered:
        return []
    turns: list[Turn] = []
    answering = False
    for n, item in enumerate(lines):
        if isinstance(item, Turn):
            turns.append(item)
            answering = item.part == ANSWER
        elif answering and _goes_on(text, item) and _question_after(lines, n):
            start, end, _ = item
            turns.append(Turn(label="", label_start=start, label_end=start, start=start, end=end, part=ANSWER))
        else:
            answering = False
    return turns


def _goes_on(text: str, line: tuple[int, int, bool]) -> bool:
    """True for a line that reads as more of the answer: prose, with no label and no opening mark of its own (a
    quoted paragraph is left to the quotes found by their marks)."""
    start, end, quoted = line
    body = text[start:end]
    return (
        not quoted
        and len(body.split()) >= _PROSE_WORDS
        and _PROSE_END.search(body) is not None
        and _LABEL.match(text, start, end) is None
    )


def _question_after(lines: list[Turn | tuple[int, int, bool]], n: int) -> bool:
    """True when a question comes after line ``n`` before any line that is no answer."""
    for line in lines[n + 1 :]:
        if isinstance(line, Turn):
            return line.part == QUESTION
    return False
