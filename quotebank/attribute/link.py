"""Linking: the cue event that speaks each quote.

A quote takes the cue it hangs from in the parse (not one someone is only asked to use: ``calling for him to
apologise``), or for a fragment with none the named subject of its clause; else a cue in its own sentence (before
the opening mark, or a short one right after the closing mark); else a signature, a label (``- Bolton boss Sam
Allardyce “...”``, ``Sam Allardyce: “...”``) or an introducing paragraph; else what the paragraph before
established (a closing cue, a report without quotation marks, the person it was about).
"""

from __future__ import annotations

import re

from spacy.tokens import Span, Token

from ..entity import clean_name
from ..indirect import NAMING_VERBS
from ..model import Channel, Quote, QuoteKind, SpeakerKind, TextSpan
from ..roles import is_title_token
from .context import Context, CueEvent, abbreviation, clause_start
from .cues import is_speech_noun
from .entities import resolve, role_at
from .events import noun_event, plain_event
from .mentions import noun_phrase, owner_of
from .pronouns import subordinate

__all__ = [
    "active",
    "attached",
    "clause_subject",
    "event_for_quote",
    "follows_on",
    "governing_event",
    "has_content",
    "has_named_subject",
    "label_before",
    "naming_event",
    "paragraph_closing_cue",
    "paragraph_person",
    "preceding_speech",
    "preceding_subject",
    "requested",
    "sentence_bounds",
    "signed_or_introduced",
]

_FOLLOW_ON_CHARS = 700
_PRECEDING_SPEECH_CHARS = 400
_SHORT_TRAILING_CUE = 20
# Words allowed between a quote that ends a sentence and the cue that speaks it ("“...” Friday, Trump said").
_ATTACHED_WORDS = 3
_TITLE_WORDS = 4
_ENDS_SENTENCE = re.compile(r"[.!?…][\"”’']?$")
_CONTENT_DEPS = frozenset({"ccomp", "dobj", "xcomp", "attr", "oprd"})
_SENTENCE_BREAK = re.compile(r"[.!?](?=[\s\"“'‘A-Z]|$)|\n|[“\"«„]")
_DASH_SIGNATURE = re.compile(
    r"[\s\u00a0]*(?P<dash>[―—–]|--)[\s\u00a0]*(?P<name>[A-Z][\w.'’-]*(?:[ \u00a0]+[A-Z][\w.'’-]*){0,4})[\s\u00a0.]*$"
)
# A speaker set before the quote as a label, with no verb: "- Bolton boss Sam Allardyce “...”" (the way sports
# reports give the managers' words) or "Sam Allardyce: “...”". The label opens its sentence.
_DASH_LABEL = re.compile(
    r"[\s\u00a0]*(?P<mark>[-―—–]|--)[\s\u00a0]+(?P<name>[^\s\u00a0\"“”:;,()][^\"“”:;()]*?)[\s\u00a0]*$"
)
_COLON_LABEL = re.compile(r"[\s\u00a0]*(?P<name>[A-Z][^\"“”:;,()]*?)[\s\u00a0]*(?P<mark>:)[\s\u00a0]*$")
_LABEL_TOKENS = 8


def governing_event(ctx: Context, quote: Quote) -> CueEvent | None:
    """The cue the quote hangs from in the parse: a reporting verb or an owned speech noun above it."""
    span = ctx.doc.char_span(quote.start, quote.end, alignment_mode="expand")
    if span is None:
        return None
    by_verb = ctx.by_verb
    named = naming_event(ctx, span, by_verb)
    if named is not None:
        return named
    found: list[CueEvent] = []
    owners: list[Token] = []
    for tok in span:
        if span.start <= tok.head.i < span.end or tok.head.i == tok.i or tok.is_punct:
            continue  # a comma's head says nothing of where the words hang
        current = tok.head
        for _ in range(12):
            event = by_verb.get(current.i)
            if event is not None and event.speaker is not None and not requested(ctx, current):
                found.append(event)
                break
            if event is None and current.pos_ == "VERB" and has_named_subject(ctx, current):
                # "as Trump went on about “...”": the quote belongs to this clause, not to a cue above
                owners.append(current)
                break
            if is_speech_noun(ctx, current) and not ctx.quoted(current.idx):
                owner = owner_of(ctx, current)
                if owner is not None:
                    entity, role = resolve(ctx, owner, current)
                    if entity is not None:
                        found.append(noun_event(ctx, current, owner, entity, role))
                        break
            if current.head.i == current.i:
                break
            current = current.head
    # The parser may hang a long quote on two verbs; a relative clause ("told a woman who suggested that")
    # is the weaker attachment.
    main = [e for e in found if ctx.doc[e.verb].dep_ not in ("relcl", "acl")]
    chosen = main or found
    if chosen:
        return chosen[0]
    if owners and len({o.i for o in owners}) == 1 and quote.kind is QuoteKind.PARTIAL:
        # With no cue above, the words are the named subject's of the clause that holds them.
        verb = owners[0]
        subject = next(c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass"))
        phrase = noun_phrase(ctx, subject)
        entity, role = resolve(ctx, phrase, verb)
        if entity is not None:
            return plain_event(ctx, verb, phrase, entity, role)
    return None


def requested(ctx: Context, verb: Token) -> bool:
    """True for a speech verb someone is asked to use (``calling for him to apologise for his “...”``): the words
    are the asker's, not the words of one who has not spoken."""
    words = ctx.lexicon.request_verbs | ctx.lexicon.subjunctive_verbs
    infinitive = any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
    return infinitive and verb.head.i != verb.i and verb.head.lemma_.lower() in words


def naming_event(ctx: Context, span: Span, by_verb: dict[int, CueEvent]) -> CueEvent | None:
    """``calls it ‘a tax raid’``: the quote names the object of the naming verb right before it.

    The parser often hangs the quoted words on a verb further away, since quotation marks break the phrase.
    """
    i = span.start - 1
    while i >= 0 and (ctx.doc[i].is_punct or ctx.doc[i].is_space):
        i -= 1
    if i < 0:
        return None
    obj = ctx.doc[i]
    verb = obj.head
    if obj.dep_ != "dobj" or verb.lemma_.lower() not in NAMING_VERBS:
        return None
    event = by_verb.get(verb.i)
    return event if event is not None and event.speaker is not None else None


def has_content(ctx: Context, verb: Token) -> bool:
    """True for a reporting verb that says something of its own: an object or a clause outside quotation marks,
    or one after the verb even if quoted (``Christian Aid has called on firms not to “cut and run”``), which is
    another quote than the one before the verb."""
    return any(c.dep_ in _CONTENT_DEPS and (not ctx.quoted(c.idx) or c.i > verb.i) for c in verb.children)


def has_named_subject(ctx: Context, verb: Token) -> bool:
    for child in verb.children:
        named = ctx.index.entity_at(child.i) is not None and child.ent_type_ in ("PERSON", "ORG")
        if child.dep_ in ("nsubj", "nsubjpass") and not ctx.quoted(child.idx) and named:
            return True
    return False


def sentence_bounds(ctx: Context, quote: Quote) -> tuple[int, int]:
    """Where the sentence around the quote starts (before it) and ends (after it), in characters."""
    text = ctx.text
    open_at = ctx.opening_mark(quote)
    close_at = ctx.after_closing_mark(quote)
    start = clause_start(ctx, open_at)
    end_match = None
    for match in _SENTENCE_BREAK.finditer(text, close_at):
        pos = match.start()
        if match.group(0) in '“"«„' or not (ctx.quoted(pos) or abbreviation(text, pos)):
            end_match = pos
            break
    end = end_match if end_match is not None else len(text)
    return start, end


def event_for_quote(ctx: Context, quote: Quote) -> CueEvent | None:
    governing = governing_event(ctx, quote)
    if governing is not None:
        return governing
    start, end = sentence_bounds(ctx, quote)
    open_at = ctx.opening_mark(quote)
    close_at = ctx.after_closing_mark(quote)
    before = [e for e in ctx.events_between(start, open_at) if e.mention is not None]
    after = [e for e in ctx.events_between(close_at, end) if e.mention is not None]
    if any(e.speaker is not None for e in before + after):
        before = [e for e in before if e.speaker is not None]
        after = [e for e in after if e.speaker is not None]
    ends_sentence = bool(re.search(_ENDS_SENTENCE, quote.text.rstrip()))
    if after and not ends_sentence and not (before and subordinate(ctx, ctx.doc[after[0].verb])):
        return after[0]
    if before:
        return before[-1]
    if after:
        first = after[0]
        verb = ctx.doc[first.verb]
        tokens_between = [i for i in ctx.tokens_from(close_at, first.cue.start) if not ctx.doc[i].is_punct]
        if len(tokens_between) <= _SHORT_TRAILING_CUE and not has_content(ctx, verb) and attached(ctx, close_at, first):
            return first
    return None


def attached(ctx: Context, close_at: int, event: CueEvent) -> bool:
    """True when a cue after a quote that ends a sentence starts right after it: its verb or its speaker comes
    first (``“...!” Trump tweeted``, ``“...” said Trump``), so the cue is about the quote. A sentence with a subject
    of its own in front (``“...” The base station turns it into a form that can be read by the E-slates``) goes on
    with the story."""
    first = event.cue.start if event.mention is None else min(event.cue.start, event.mention.start)
    words = [i for i in ctx.tokens_from(close_at, first) if not ctx.doc[i].is_punct]
    return len(words) <= _ATTACHED_WORDS


def signed_or_introduced(ctx: Context, quote: Quote) -> CueEvent | None:
    """A quote signed after a dash (``”― Pamela Padilla``) or introduced by a paragraph ending in a colon."""
    text = ctx.text
    close_at = ctx.after_closing_mark(quote)
    line_end = text.find("\n", close_at)
    line_end = len(text) if line_end < 0 else line_end
    signature = _DASH_SIGNATURE.match(text, close_at, line_end)
    if signature is not None:
        name_start, name_end = signature.span("name")
        span = ctx.doc.char_span(name_start, name_end, alignment_mode="expand")
        if span is not None:
            entity = ctx.index.entity_in(span) or ctx.adhoc(clean_name(span.text), SpeakerKind.PERSON)
            return CueEvent(
                verb=span.start,
                cue=TextSpan.of(text, signature.start("dash"), signature.end("dash")),
                mention=TextSpan.of(text, name_start, name_end),
                speaker=entity.speaker(),
                entity_key=ctx.key_of(entity),
                channel=Channel.UNKNOWN,
                evidence=None,
            )
    open_at = ctx.opening_mark(quote)
    if (labelled := label_before(ctx, open_at)) is not None:
        return labelled
    line_start = text.rfind("\n", 0, open_at) + 1
    if text[line_start:open_at].strip(" \t“”\"'‘’«»„"):
        return None
    previous_line_end = line_start - 1
    while previous_line_end > 0 and text[previous_line_end - 1] in " \t\n\r\u00a0":
        previous_line_end -= 1
    if previous_line_end <= 0 or text[previous_line_end - 1] != ":":
        return None
    paragraph_start = text.rfind("\n", 0, previous_line_end)
    introducing = [e for e in ctx.events_between(paragraph_start, previous_line_end) if e.speaker]
    if introducing:
        return introducing[-1]
    # "Sanders made the following comment:": the subject of the introducing sentence.
    last = ctx.doc.char_span(max(0, paragraph_start), previous_line_end, alignment_mode="expand")
    if last is None or not len(last):
        return None
    root = last[-1].sent.root
    subjects = [c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")]
    if not subjects:
        return None
    phrase = noun_phrase(ctx, subjects[0])
    introducer, role = resolve(ctx, phrase, root)
    if introducer is None:
        return None
    return plain_event(ctx, root, phrase, introducer, role)


def label_before(ctx: Context, open_at: int) -> CueEvent | None:
    """The speaker a label names right before the opening mark, in a sentence of its own with no verb.

    ``... from six yards. - Bolton boss Sam Allardyce “I am bitterly disappointed ...”`` and ``Sam Allardyce:
    “...”``: a dash opening the label, or a colon closing it, sets the speaker's name over their words. Only a name
    the entity index knows as a person or an organisation, in a few words with no verb, counts (``- In the end
    “...”`` and ``Result: “...”`` name no one).
    """
    start = clause_start(ctx, open_at)
    before = ctx.text[start:open_at]
    match = _DASH_LABEL.fullmatch(before) or _COLON_LABEL.fullmatch(before)
    if match is None or ctx.quoted(start + match.start("name")):
        return None
    name_start, name_end = start + match.start("name"), start + match.end("name")
    span = ctx.doc.char_span(name_start, name_end, alignment_mode="expand")
    if span is None or not 0 < len(span) <= _LABEL_TOKENS or any(t.pos_ in ("VERB", "AUX") for t in span):
        return None
    entity = ctx.index.entity_in(span)
    role = role_at(ctx, span, entity) if entity is not None else None
    if entity is None:
        # The recogniser may miss a name set apart like this ("Newcastle boss Graeme Souness" as a title): two or
        # three capitalised proper nouns ending the label are a person's name, the words before them the role.
        words = list(span)
        n = len(words)
        while n > 0 and words[n - 1].pos_ == "PROPN" and words[n - 1].text[:1].isupper():
            n -= 1
        if not 2 <= len(words) - n <= 3:
            return None
        entity = ctx.adhoc(clean_name(span[n:].text), SpeakerKind.PERSON)
        titled = n > 0 and any(is_title_token(t, ctx.lexicon) for t in span[:n])
        role = span[:n].text if titled else None
    if entity.kind not in (SpeakerKind.PERSON, SpeakerKind.ORGANIZATION):
        return None
    mark_start, mark_end = start + match.start("mark"), start + match.end("mark")
    return CueEvent(
        verb=span.root.i,
        cue=TextSpan.of(ctx.text, mark_start, mark_end),
        mention=TextSpan.of(ctx.text, span.start_char, span.end_char),
        speaker=entity.speaker(role),
        entity_key=ctx.key_of(entity),
        channel=Channel.UNKNOWN,
        evidence=None,
    )


def paragraph_closing_cue(ctx: Context, quote: Quote) -> CueEvent | None:
    """For a quote opening a paragraph: the cue that closed the paragraph before (``..., Schiff said.``)."""
    text = ctx.text
    open_at = ctx.opening_mark(quote)
    line_start = text.rfind("\n", 0, open_at) + 1
    if text[line_start:open_at].strip(" \t\u00a0“”\"'‘’«»„") or line_start == 0:
        return None
    end = line_start - 1
    while end > 0 and text[end - 1] in " \t\n\r\u00a0":
        end -= 1
    sentence_start = clause_start(ctx, max(0, end - 1))
    closing = [e for e in ctx.events_between(sentence_start, end) if e.speaker is not None]
    if not closing or ctx.quoted(end - 1):
        return None
    event = closing[-1]
    after = text[event.cue.end : end]
    # The cue must end the paragraph (", Schiff said." / "said Friday."), not open new content.
    return event if len(after) < 40 and not re.search(r"\bthat\b|[:“\"]", after) else None


def clause_subject(ctx: Context, quote: Quote) -> CueEvent | None:
    """For a quoted fragment with no cue: the subject of the clause it sits in (``Trump admires X as a “...”``)."""
    span = ctx.doc.char_span(quote.start, quote.end, alignment_mode="expand")
    if span is None:
        return None
    current = span.root.head
    for _ in range(8):
        if current.pos_ in ("VERB", "AUX") and not ctx.quoted(current.idx):
            subjects = [c for c in current.children if c.dep_ in ("nsubj", "nsubjpass")]
            head = current.head
            if not subjects and current.dep_ == "acl" and head.pos_ == "PROPN" and active(ctx, current):
                # "Aaron Kall, the director of debate, compared Trump to ...": the parse hung the verb on the name
                # as a modifier; the name is its subject.
                subjects = [head]
            if subjects:
                phrase = noun_phrase(ctx, subjects[0])
                entity, role = resolve(ctx, phrase, current)
                if entity is not None and entity.kind is not SpeakerKind.UNKNOWN:
                    return plain_event(ctx, current, phrase, entity, role)
                return None
        if current.head.i == current.i:
            break
        current = current.head
    return None


def active(ctx: Context, verb: Token) -> bool:
    """True for a verb the parse hung on a person's name that reads as that person's act: an object right after
    it and no agent (``X, ..., compared Trump to``; not ``X, mocked by Y as``, whose words are Y's)."""
    entity = ctx.index.entity_at(verb.head.i)
    if entity is None or entity.kind is not SpeakerKind.PERSON or any(c.dep_ == "agent" for c in verb.children):
        return False
    following = ctx.doc[verb.i + 1] if verb.i + 1 < len(ctx.doc) else None
    return following is not None and following.pos_ in ("PROPN", "NOUN", "PRON") and following.head.i == verb.i


def preceding_speech(ctx: Context, quote: Quote) -> CueEvent | None:
    """For a quote with no cue that opens a sentence: the speaker of the sentence just before it.

    ``Lawrence Cummings called him a master at impossible deals. “He showed again and again ...”``: the quote
    goes on with what the previous sentence reported, in the same paragraph, with no other quote in between.
    """
    open_at = ctx.opening_mark(quote)
    line_start = ctx.text.rfind("\n", 0, open_at) + 1
    before = ctx.text[line_start:open_at].rstrip()
    if not before or before[-1] not in ".!?:":
        return None
    for event in ctx.events_back_from(open_at):
        if event.cue.start < line_start or open_at - event.cue.start > _PRECEDING_SPEECH_CHARS:
            return None
        if ctx.quote_within(event.cue.end, open_at):
            return None
        verb = ctx.doc[event.verb]
        if event.speaker is None or verb.dep_ not in ("ROOT", "conj"):
            continue
        if event.speaker.kind is SpeakerKind.UNNAMED and event.mention is None:
            return None
        return event
    return None


def paragraph_person(ctx: Context, quote: Quote) -> CueEvent | None:
    """For a quote that is a paragraph of its own, with no cue: the one person the paragraph before is about.

    ``Jane Roe, the mayor, spoke at length about the strike. \n\n “We will not back down.”``: news gives the words
    of the person it has just described, in a paragraph of their own. Only when the paragraph before has no
    quotation marks and names one person, as the subject of a verb; two people named there, or none, leave the
    quote unattributed.
    """
    text = ctx.text
    open_at = ctx.opening_mark(quote)
    close_at = ctx.after_closing_mark(quote)
    line_start = text.rfind("\n", 0, open_at) + 1
    line_end = text.find("\n", close_at)
    line_end = len(text) if line_end < 0 else line_end
    if text[line_start:open_at].strip() or text[close_at:line_end].strip() or line_start == 0:
        return None
    end = line_start - 1
    while end > 0 and text[end - 1].isspace():
        end -= 1
    start = text.rfind("\n", 0, end) + 1
    if end <= start or ctx.quotes_starting(start, end) or ctx.quote_within(start, end):
        return None
    tokens = ctx.tokens_from(start, end)
    people: dict[int, Token] = {}
    for i, entity in ctx.index.entities_back_from(tokens.stop, tokens.start):
        if entity.kind is SpeakerKind.PERSON:
            people.setdefault(id(entity), ctx.doc[i])
    subjects = [t for t in people.values() if t.dep_ in ("nsubj", "nsubjpass")]
    if len(people) != 1 or not subjects:
        return None
    person = ctx.index.entity_at(subjects[0].i)
    if person is None:
        return None
    phrase = noun_phrase(ctx, subjects[0])
    return plain_event(ctx, subjects[0].head, phrase, person, role_at(ctx, phrase, person))


def preceding_subject(ctx: Context, quote: Quote, running: int | None) -> CueEvent | None:
    """For a quote with no cue that opens a sentence: a named person the sentence before is about.

    ``On “Face the Nation,” Sen. Bernie Sanders identified young voters' exhaustion with bigotry as a reason.
    “The younger people are sick and tired of discrimination.”``: news goes on in the words of whom it has just
    introduced, even with no reporting verb, in the same paragraph. Only a person named there, different from
    the running speaker, as the subject of the sentence's main verb.
    """
    open_at = ctx.opening_mark(quote)
    line_start = ctx.text.rfind("\n", 0, open_at) + 1
    before = ctx.text[line_start:open_at].rstrip()
    if not before or before[-1] not in ".!?" or ctx.quoted(len(before) + line_start - 1):
        return None
    span = ctx.doc.char_span(line_start, line_start + len(before), alignment_mode="expand")
    if span is None or not len(span):
        return None
    sentence = span[-1].sent
    if sentence.start_char < line_start:
        return None
    for start, end in ctx.quotes_starting(sentence.start_char, open_at):
        # A title in quotation marks ("On “Face the Nation,” Sanders ...") does not make the sentence a quote.
        if sentence.start_char <= start < open_at and len(ctx.text[start:end].split()) > _TITLE_WORDS:
            return None
    root = sentence.root
    subjects = [c for c in root.children if c.dep_ == "nsubj" and c.pos_ == "PROPN"]
    if not subjects or root.pos_ not in ("VERB", "AUX"):
        return None
    entity = ctx.index.entity_at(subjects[0].i)
    if entity is None or entity.kind is not SpeakerKind.PERSON or ctx.key_of(entity) == running:
        return None
    return plain_event(
        ctx, root, noun_phrase(ctx, subjects[0]), entity, role_at(ctx, noun_phrase(ctx, subjects[0]), entity)
    )


def follows_on(ctx: Context, previous: Quote, previous_key: int | None, quote: Quote) -> bool:
    if quote.parent is not None or quote.start - previous.end > _FOLLOW_ON_CHARS:
        return False
    between = ctx.text[previous.end : quote.start]
    lines = [line for line in between.split("\n") if line.strip(" \t“”\"'‘’«»„")]
    if len(lines) > 1 or previous.post is not None:
        return False
    cue_sentence = None
    if previous.cue is not None:
        cue_span = ctx.doc.char_span(previous.cue.start, previous.cue.end, alignment_mode="expand")
        cue_sentence = cue_span[0].sent if cue_span is not None and len(cue_span) else None
    for event in ctx.events_between(previous.end, quote.start):
        if event.entity_key != previous_key:
            verb = ctx.doc[event.verb]
            if cue_sentence is not None and cue_sentence.start <= verb.i < cue_sentence.end:
                continue  # a subordinate cue inside the previous quote's own attribution sentence
            if event.speaker is not None and verb.dep_ not in ("relcl", "acl", "advcl"):
                # Another speaker's main clause takes over; a subordinate one ("who said") does not.
                return False
    return True
