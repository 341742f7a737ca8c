"""Who asks and who answers in a Q&A (``Q: ... A: ...``): the two sides of the interview the article brings in.

The labels of a Q&A name no one, so the lines before it must: ``Maria Lopez took over in August. She spoke to
the Courier about her plans.`` The answers are the words of the person interviewed, the questions those of the
outlet or reporter that interviewed them, or of an unnamed interviewer when the article names none. A question
is never the interviewee's; when the lines before name no one interviewed, the answers keep no speaker rather
than a guess.
"""

from __future__ import annotations

import attrs
from spacy.tokens import Span, Token

from ..entity import Entity
from ..model import Channel, SpeakerKind, TextSpan
from ..transcript import ANSWER, Turn
from .context import Context, CueEvent
from .entities import resolve
from .mentions import noun_phrase
from .pronouns import GENDERED, previous_subject

__all__ = ["NO_SIDES", "Interview", "interview_event", "interview_of", "spoken_on"]

# The lines read before a Q&A for its two sides: an intro, and perhaps an editor's note in between.
_INTRO_LINES = 3
_SUBJECTS = ("nsubj", "nsubjpass")
# Who may have asked: a named outlet, body or person (a person only with an interviewer's title, or by the verb:
# "Jane Roe interviewed her"); a name the parser could not place (``the Courier``) is most likely an outlet.
_ASKERS = (SpeakerKind.MEDIA, SpeakerKind.ORGANIZATION, SpeakerKind.UNKNOWN, SpeakerKind.PERSON)


@attrs.frozen(kw_only=True)
class Interview:
    """The two sides of a Q&A, with the words of the article that name them."""

    interviewee: Entity | None
    interviewee_mention: TextSpan | None
    interviewer: Entity | None
    """None: an unnamed interviewer."""
    interviewer_mention: TextSpan | None
    evidence: TextSpan | None
    """The word that tells of the interview (``spoke``, ``interview``), if the lines before have one."""
    channel: Channel = Channel.INTERVIEW


NO_SIDES = Interview(
    interviewee=None,
    interviewee_mention=None,
    interviewer=None,
    interviewer_mention=None,
    evidence=None,
    channel=Channel.UNKNOWN,
)
"""A transcript's questions among named speakers' turns (``QUESTION: ... TRUMP: ...``): an unnamed questioner's,
through whatever channel the transcript is (a press conference as well as an interview)."""


@attrs.frozen
class _Side:
    entity: Entity
    mention: Span


def interview_of(ctx: Context, turns: list[Turn], *, since: int = 0, previous: Interview | None = None) -> Interview:
    """The sides of the Q&A made of ``turns``, from the lines just before it (from character ``since`` on).

    First a clause that tells of the interview, the nearest to the Q&A: a verb of talking whose subject and
    object are a person and an outlet (``She spoke to the Courier``, ``The Courier sat down with Lopez``,
    ``told reporter Jane Roe``), ``interviewed`` with its subject and object, an ``interview with`` noun. Else
    the one person the nearest line naming anyone has as a subject (``Maria Lopez took over in August.``), when
    the answers speak in the first person (``We will look at enrollment first``): an explainer's Q&A (``Q: Can I
    vote by mail? A: Yes, ...``) answers in the newsroom's own voice, and no one in the lines before speaks there.

    A Q&A that takes up again after lines of the article's own (``previous``, the sides of the one before) goes on
    with the same sides when those lines name no one (a subheading), and has its own when they do (``Candidate
    John Roe`` before his answers).
    """
    first = turns[0]
    start = max(since, _intro_start(ctx.text, first.label_start))
    tokens = ctx.tokens_from(start, first.label_start)
    for i in reversed(tokens):
        tok = ctx.doc[i]
        if ctx.quoted(tok.idx):
            continue
        sides = _sides(ctx, tok)
        if sides is None:
            continue
        interviewee, interviewer = sides
        evidence = TextSpan.of(ctx.text, tok.idx, tok.idx + len(tok.text))
        if interviewee is not None:
            return Interview(
                interviewee=interviewee.entity,
                interviewee_mention=_span(ctx, interviewee.mention),
                interviewer=interviewer.entity if interviewer is not None else None,
                interviewer_mention=_span(ctx, interviewer.mention) if interviewer is not None else None,
                evidence=evidence,
            )
    if previous is not None and not _people(ctx, start, first.label_start):
        return previous
    person = _intro_person(ctx, start, first.label_start) if _first_person(ctx, turns) else None
    return Interview(
        interviewee=person.entity if person is not None else None,
        interviewee_mention=_span(ctx, person.mention) if person is not None else None,
        interviewer=None,
        interviewer_mention=None,
        evidence=None,
    )


def interview_event(ctx: Context, turn: Turn, interview: Interview) -> CueEvent:
    """The event of one Q&A turn: the interviewee answers, the interviewer (named or not) asks; through an
    interview. An answer with no known interviewee has no speaker."""
    cue = TextSpan.of(ctx.text, turn.label_start, turn.start)
    cue = TextSpan.of(ctx.text, turn.label_start, turn.label_end + 1) if turn.label else cue
    evidence = (interview.evidence or cue) if interview.channel is not Channel.UNKNOWN else None
    if turn.part == ANSWER:
        entity, mention = interview.interviewee, interview.interviewee_mention
    elif interview.interviewer is not None:
        entity, mention = interview.interviewer, interview.interviewer_mention
    else:
        entity = ctx.adhoc(ctx.lexicon.unnamed_interviewer, SpeakerKind.UNNAMED)
        mention = TextSpan.of(ctx.text, turn.label_start, turn.label_end)
    return CueEvent(
        verb=-1,
        cue=cue,
        mention=mention if entity is not None else None,
        speaker=entity.speaker() if entity is not None else None,
        entity_key=ctx.key_of(entity) if entity is not None else None,
        channel=interview.channel,
        evidence=evidence,
    )


def _first_person(ctx: Context, turns: list[Turn]) -> bool:
    """True when some answer speaks in the first person (``I``, ``our``)."""
    return any(turn.part == ANSWER and _in_first_person(ctx, turn.start, turn.end) for turn in turns)


def _in_first_person(ctx: Context, start: int, end: int) -> bool:
    for i in ctx.tokens_from(start, end):
        tok = ctx.doc[i]
        if tok.pos_ == "PRON" and "1" in tok.morph.get("Person", []):
            return True
    return False


def spoken_on(ctx: Context, turns: list[Turn]) -> list[Turn]:
    """``turns`` without the paragraphs after an answer that read as the article's own lines, not more of it.

    A paragraph goes on with the answer only when it speaks in the first person (``Too many of our
    third-graders ...``) and names no person as a subject (``John Roe, a former police chief, spoke to the
    Courier.`` brings in the next interview); the first that does not ends the answer.
    """
    kept: list[Turn] = []
    going = False
    for turn in turns:
        if turn.label:
            going = True
        else:
            going = going and _in_first_person(ctx, turn.start, turn.end)
            going = going and not any(t.dep_ in _SUBJECTS for t in _people(ctx, turn.start, turn.end).values())
            if not going:
                continue
        kept.append(turn)
    return kept


def _intro_start(text: str, end: int) -> int:
    """Where the last few lines with words before ``end`` start."""
    start = end
    seen = 0
    while start > 0 and seen < _INTRO_LINES:
        line_start = text.rfind("\n", 0, start - 1) + 1
        if text[line_start:start].strip():
            seen += 1
        start = line_start
    return start


def _span(ctx: Context, mention: Span) -> TextSpan:
    return TextSpan.of(ctx.text, mention.start_char, mention.end_char)


def _side(ctx: Context, tok: Token | None, verb: Token) -> _Side | None:
    """The entity a party of the clause names, resolved like a speaker's mention (pronouns too)."""
    if tok is None:
        return None
    phrase = noun_phrase(ctx, tok)
    entity = ctx.index.entity_at(tok.i)
    if entity is None and tok.pos_ == "PRON" and tok.dep_ not in _SUBJECTS:
        # "Jane Roe interviewed her": an object pronoun is never the clause's subject; it goes on with the
        # person the sentence before is about.
        entity = previous_subject(ctx, tok.lower_, tok.sent) if tok.lower_ in GENDERED else None
    elif entity is None:
        entity, _ = resolve(ctx, phrase, verb)
    return _Side(entity, phrase) if entity is not None else None


def _child(tok: Token, deps: tuple[str, ...]) -> Token | None:
    return next((c for c in tok.children if c.dep_ in deps), None)


def _object_of(tok: Token, prepositions: tuple[str, ...]) -> Token | None:
    """The object of ``to``/``with`` hung on ``tok`` or on its particle (``sat down with``)."""
    for child in tok.children:
        if child.dep_ == "prep" and child.lower_ in prepositions:
            return _child(child, ("pobj",))
        if child.dep_ in ("prt", "advmod") and (found := _object_of(child, prepositions)) is not None:
            return found
    return None


def _sides(ctx: Context, tok: Token) -> tuple[_Side | None, _Side | None] | None:
    """(interviewee, interviewer) of a clause that tells of an interview at ``tok``, or None for no such clause."""
    lexicon = ctx.lexicon
    lemma = tok.lemma_.lower()
    if tok.pos_ in ("VERB", "AUX") and lemma in lexicon.interview_party_verbs:
        if lemma == "interview":
            if (passive := _child(tok, ("nsubjpass",))) is not None:
                agent = _child(tok, ("agent",))
                asker = _child(agent, ("pobj",)) if agent is not None else None
                return _assigned(ctx, _side(ctx, passive, tok), _side(ctx, asker, tok), known=True)
            return _assigned(ctx, _side(ctx, _child(tok, ("dobj",)), tok), _side(ctx, _subject(tok), tok), known=True)
        other = _object_of(tok, ("to", "with"))
        if other is None and lemma == "tell":
            other = _child(tok, ("dobj", "dative"))
        return _assigned(ctx, _side(ctx, _subject(tok), tok), _side(ctx, other, tok), known=False)
    if tok.pos_ == "NOUN" and lexicon.speech_nouns.get(tok.lower_) == Channel.INTERVIEW.value:
        other = _object_of(tok, ("with", "to"))
        owner = _child(tok, ("poss",))
        verb = tok.head
        while owner is None and verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
            verb = verb.head
        if owner is None and verb.pos_ in ("VERB", "AUX"):
            owner = _subject(verb)
        return _assigned(ctx, _side(ctx, owner, verb), _side(ctx, other, verb), known=False)
    return None


def _subject(verb: Token) -> Token | None:
    """The verb's subject, or that of the verb it hangs from (``agreed to speak to the Courier``)."""
    while True:
        subject = _child(verb, _SUBJECTS)
        if subject is not None or verb.dep_ not in ("xcomp", "conj", "advcl") or verb.head.i == verb.i:
            return subject
        verb = verb.head


def _assigned(
    ctx: Context, speaker: _Side | None, other: _Side | None, *, known: bool
) -> tuple[_Side | None, _Side | None] | None:
    """(interviewee, interviewer) of a clause, or None when it does not tell them apart.

    ``known``: the verb says ``speaker`` is interviewed by ``other`` (``The Courier interviewed Lopez``).
    Otherwise ``speaker`` talks to ``other``: a person who talks to an outlet or to a reporter is interviewed
    (``She spoke to the Courier``), and a person an outlet or a reporter talks to (``The Courier spoke with
    Lopez``). An interviewer must be named (``told reporters`` names no one).
    """
    if speaker is not None and other is not None and speaker.entity is other.entity:
        return None
    if known:
        if speaker is None or not _person(speaker):
            return None
        return speaker, other if other is not None and other.entity.kind in _ASKERS and _named(other) else None
    if speaker is not None and _person(speaker) and not _titled(ctx, speaker):
        return speaker, other if other is not None and _asks(ctx, other) and _named(other) else None
    if other is None or speaker is None or not _person(other) or _titled(ctx, other):
        return None
    return (other, speaker) if _asks(ctx, speaker) and _named(speaker) else None  # "The Courier spoke with Lopez"


def _person(side: _Side) -> bool:
    return side.entity.kind is SpeakerKind.PERSON


def _titled(ctx: Context, side: _Side) -> bool:
    """True for a person named with an interviewer's title (``reporter Jane Roe``, ``the paper's editor``)."""
    titles = ctx.lexicon.interviewer_titles
    return any(t.lower_ in titles for t in side.mention) or any(
        role.lower().split()[-1] in titles for role in side.entity.roles if role.split()
    )


def _asks(ctx: Context, side: _Side) -> bool:
    """True for a side that may be the interviewer: an outlet, a body, or a person with an interviewer's title."""
    kind = side.entity.kind
    return kind in _ASKERS and (kind is not SpeakerKind.PERSON or _titled(ctx, side))


def _named(side: _Side) -> bool:
    """True for a side the article names (``the Courier``, ``Jane Roe``), not a group (``reporters``)."""
    return any(t.pos_ == "PROPN" for t in side.mention)


def _people(ctx: Context, start: int, end: int) -> dict[int, Token]:
    """The people named from character ``start`` to ``end``, outside quotation marks: a mention of each, by entity,
    the nearest to ``end`` first."""
    tokens = ctx.tokens_from(start, end)
    people: dict[int, Token] = {}
    for i, entity in ctx.index.entities_back_from(tokens.stop, tokens.start):
        tok = ctx.doc[i]
        if entity.kind is SpeakerKind.PERSON and not ctx.quoted(tok.idx):
            people.setdefault(id(entity), tok)
    return people


def _intro_person(ctx: Context, start: int, end: int) -> _Side | None:
    """The one person that the nearest line naming anyone between ``start`` and ``end`` has as a subject."""
    text = ctx.text
    line_end = end
    while line_end > start:
        line_start = max(start, text.rfind("\n", 0, line_end - 1) + 1)
        tokens = ctx.tokens_from(line_start, line_end)
        people = _people(ctx, line_start, line_end)
        subjects = {
            id(entity): ctx.doc[i]
            for i, entity in ctx.index.entities_back_from(tokens.stop, tokens.start)
            if id(entity) in people and ctx.doc[i].dep_ in _SUBJECTS and not ctx.quoted(ctx.doc[i].idx)
        }
        if people:
            if len(people) != 1 or not subjects:
                return None
            tok = next(iter(subjects.values()))
            person = ctx.index.entity_at(tok.i)
            return _Side(person, noun_phrase(ctx, tok)) if person is not None else None
        line_end = line_start
    return None
