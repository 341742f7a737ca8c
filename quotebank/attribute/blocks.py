"""Quotes that layout sets off rather than quotation marks: transcript turns and block quotes.

Both add quotes to the list and mark their text as quoted in the context, so that no cue is read inside them.
"""

from __future__ import annotations

import re

import attrs

from ..classify import STAGE_DIRECTION
from ..marks import MARK_CHARACTERS
from ..model import Quote, QuoteKind, SpeakerKind
from ..transcript import ANSWER, QUESTION, Turn, find_interview_turns, find_turns
from .context import Context, CueEvent
from .cues import is_cue, is_speech_noun
from .events import turn_event
from .interviews import NO_SIDES, Interview, interview_event, interview_of, spoken_on

__all__ = ["block_quotes", "transcript"]

_BLOCK_MIN_WORDS = 4
# The last line of a paragraph that ends in a colon, and the start of the next non-empty line.
_COLON_PARAGRAPH = re.compile(r"(?m)^[^\n]*[^\s:](?P<colon>:)[ \t\u00a0]*\n(?:[ \t\u00a0]*\n)*[ \t\u00a0]*")


def transcript(ctx: Context, quotes: list[Quote]) -> list[Quote]:
    """``quotes`` with the turns of a transcript (``PENCE: Well, ...``) as direct quotes credited to the label.

    A quoted turn loses its label (the quote starts after the colon); an unquoted one becomes a quote with no
    marks; quoted paragraphs that follow a turn with no label of their own go on with its speaker. The turns of
    a Q&A (``Q: ...``/``A: ...``) are the interviewer's and the interviewee's (:mod:`.interviews`). The events
    are kept in :attr:`turns`, by quote id.
    """
    people = frozenset(
        word.upper()
        for entity in ctx.index.entities
        if entity.kind is SpeakerKind.PERSON
        for word in (entity.name, entity.surname)
    )
    lexicon = ctx.lexicon
    questions, answers = lexicon.interview_question_labels, lexicon.interview_answer_labels
    turns = find_turns(ctx.text, headings=lexicon.headline_labels, people=people, questions=questions, answers=answers)
    asked = spoken_on(ctx, find_interview_turns(ctx.text, questions=questions, answers=answers))
    if asked:
        turns = [turn for turn in turns if turn.part is None]  # "QUESTION:" and "ANSWER:" make a Q&A of their own
    events = [turn_event(ctx, turn) if turn.part is None else interview_event(ctx, turn, NO_SIDES) for turn in turns]
    if asked:
        turns, events = _merged(turns, events, asked, _interview_events(ctx, asked))
    if not turns:
        return quotes
    text = ctx.text
    out = list(quotes)
    for n, (turn, event) in enumerate(zip(turns, events, strict=True)):
        following = turns[n + 1].label_start if n + 1 < len(turns) else len(text)
        opened = [
            i
            for i, q in enumerate(out)
            if turn.label_start <= q.start <= turn.start and q.end > turn.start and q.kind is not QuoteKind.INDIRECT
        ]
        if opened and out[opened[0]].end <= following:
            i = opened[0]
            out[i] = attrs.evolve(out[i], start=turn.start, text=text[turn.start : out[i].end], kind=QuoteKind.DIRECT)
            chain_end = ctx.after_closing_mark(out[i])
            ctx.turns[out[i].id] = event
            # "“PENCE: ... \n\n“But the truth is ...": quoted paragraphs that carry on the turn.
            for j in range(i + 1, len(out)):
                q = out[j]
                if q.start >= following or q.kind is QuoteKind.INDIRECT:
                    break
                if q.parent is not None or text[chain_end : ctx.opening_mark(q)].strip(" \t\n\r\u00a0"):
                    continue
                if STAGE_DIRECTION.fullmatch(q.text):
                    chain_end = ctx.after_closing_mark(q)  # "(CROSSTALK.)" is nobody's words
                    continue
                out[j] = attrs.evolve(q, kind=QuoteKind.DIRECT)
                ctx.turns[q.id] = event
                chain_end = ctx.after_closing_mark(q)
        elif not opened and not any(q.start <= turn.start < q.end for q in out):
            turn_quote = Quote(
                id=f"t{turn.start}", text=text[turn.start : turn.end], start=turn.start, end=turn.end, marks=""
            )
            out.append(turn_quote)
            ctx.turns[turn_quote.id] = event
            ctx.mark(turn.label_start, turn.end)
    return sorted(out, key=lambda q: (q.start, -q.end))


def _interview_events(ctx: Context, asked: list[Turn]) -> list[CueEvent]:
    """The event of each Q&A turn; a paragraph that goes on with an answer shares the answer's.

    The Q&A is read in pieces, each after lines of the article's own (a subheading, another candidate's name):
    each piece's sides come from the lines before it (:func:`.interviews.interview_of`).
    """
    events: list[CueEvent] = []
    interview: Interview | None = None
    since = 0
    for piece in _pieces(ctx.text, asked):
        interview = interview_of(ctx, piece, since=since, previous=interview)
        answer: CueEvent | None = None
        for turn in piece:
            event = interview_event(ctx, turn, interview) if turn.label or answer is None else answer
            if turn.part == ANSWER:
                answer = event
            events.append(event)
        since = piece[-1].end
    return events


def _pieces(text: str, turns: list[Turn]) -> list[list[Turn]]:
    """The turns of a Q&A, cut before each question that follows lines of no turn."""
    pieces: list[list[Turn]] = []
    for turn in turns:
        between = text[pieces[-1][-1].end : turn.label_start] if pieces else ""
        if not pieces or (turn.part == QUESTION and between.strip(MARK_CHARACTERS + " \t\n\r\u00a0")):
            pieces.append([])
        pieces[-1].append(turn)
    return pieces


def _merged(
    turns: list[Turn], events: list[CueEvent], more: list[Turn], more_events: list[CueEvent]
) -> tuple[list[Turn], list[CueEvent]]:
    """Two lists of turns with their events, as one in text order."""
    pairs = sorted(zip([*turns, *more], [*events, *more_events], strict=True), key=lambda pair: pair[0].label_start)
    return [turn for turn, _ in pairs], [event for _, event in pairs]


def block_quotes(ctx: Context, quotes: list[Quote]) -> list[Quote]:
    """``quotes`` with the unmarked paragraphs that a cue ending in a colon introduces (``The governor added:``).

    The paragraph after ``X added:`` or ``the Times gave Clinton a glowing endorsement:`` is set off as a block
    quote, the way print shows long quotations; it becomes a direct quote with no marks, attributed like any
    quote introduced by a colon.
    """
    text = ctx.text
    out = list(quotes)
    for match in _COLON_PARAGRAPH.finditer(text):
        block_start = match.end()
        if block_start >= len(text) or text[block_start] in MARK_CHARACTERS or ctx.quoted(block_start):
            continue
        block_end = text.find("\n\n", block_start)
        block_end = len(text) if block_end < 0 else block_end
        while block_end > block_start and text[block_end - 1].isspace():
            block_end -= 1
        body = text[block_start:block_end]
        if len(body.split()) < _BLOCK_MIN_WORDS or any(block_start <= q.start < block_end for q in out):
            continue
        introduction = ctx.doc.char_span(match.start(), match.start("colon"), alignment_mode="expand")
        if introduction is None or not len(introduction):
            continue
        sentence = introduction[-1].sent
        if not any(is_cue(ctx, t) or is_speech_noun(ctx, t) for t in sentence if t.i >= introduction.start):
            continue
        out.append(Quote(id=f"b{block_start}", text=body, start=block_start, end=block_end, marks=""))
        ctx.mark(block_start, block_end)
    return sorted(out, key=lambda q: (q.start, -q.end))
