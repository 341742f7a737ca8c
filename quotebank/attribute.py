"""Attribution: link each quote to its cue, its speaker (with role) and its channel.

How it decides, in order:

1. **Cue events.** Every reporting verb of the lexicon outside quotation marks
   (``said``, ``tweeted``, ``described ... as``, ``read an IRGC statement``)
   and every ``according to X`` is a cue event. Its speaker is found through
   the parse: the subject (``Hoffman said``, ``said Hoffman``), the passive
   agent, the object of ``according to``, the owner of a speech noun that is
   the subject or object (``an IRGC statement``, ``a letter from X``), or the
   speaker of the verb it hangs from (``tweeted ..., adding``). A subject that
   is an appositive cut off by the parser (``X, the commander of ..., said``)
   goes back to X. The object of a verb that makes someone speak does so
   (``forced Stumpf to admit``); who files or makes a speech noun speaks
   through it (``lawyers filed papers opposing``), and who spoke at an
   occasion holds it (``said at a news conference announcing``).
2. **Resolving the mention.** Names go to the document's entity (full name,
   aliases, roles; :mod:`quotebank.coref`). Pronouns go to the most recent
   compatible speaker (``he``/``she``: a person; ``it``: an organisation or
   outlet), or to a person named earlier in the same sentence; in a clause put
   before the sentence's subject they name that subject (``Though she called
   it “outrageous,” Clinton said``). Definite
   descriptions (``the country's outgoing prime minister``) go to the person
   who holds that role in the document, or else to the one named speaker with
   no stated role; otherwise they stay role-only speakers. Anonymous sources
   (``a defense official``, ``US and Iraqi officials``) stay unnamed: a name is
   never guessed.
3. **Linking quotes to cues.** A quote takes the cue event in its own sentence:
   before the opening mark (``He said: “...”``, ``claim that "..."``), or after
   the closing mark (``“...,” he said``). After a quote that ends a sentence,
   only a short cue with no content of its own counts (``“...!” Trump tweeted
   Tuesday evening``), so the next sentence's speaker is not taken by mistake.
   Pieces of a split quote share the first piece's cue. An embedded post is
   signed by its author, linked to the person the article names.
4. **Follow-on quotes.** A quote with no cue of its own continues the previous
   quote's speaker when it follows within two paragraphs and no other speaker
   has spoken in between. A sentence-opening quote that follows, in the same
   paragraph, a sentence reporting someone's words without quotation marks
   (``X called him a master at deals. “He showed ...”``) goes on with that
   speaker. Otherwise it stays unattributed.
5. **Channels** come from the cue's own words (:mod:`quotebank.channel`); a cue
   with no channel words takes the channel of the same speaker's previous cue
   when no other speaker spoke in between (``said in an emailed statement``
   ... ``Hoffman added``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

import attrs
from spacy.tokens import Doc, Span, Token

from .channel import classify_channel
from .classify import STAGE_DIRECTION
from .coref import Entity, EntityIndex, clean_name, first_name_gender
from .indirect import (
    DATELINE_DASHES,
    NAMING_VERBS,
    content_within,
    headline_clauses,
    headline_reports,
    hearsay_reports,
    is_added_report,
    is_put_question,
    report_speech,
)
from .lexicons import Lexicon
from .marks import MARK_CHARACTERS, closing_width, opening_width
from .model import Channel, Quote, QuoteKind, Speaker, SpeakerKind, TextSpan
from .roles import appositive_role, is_title_token, role_head
from .transcript import Turn, find_turns

__all__ = ["CueEvent", "attribute_quotes", "find_cue_events"]

_SUBJECT_DEPS = ("nsubj", "nsubjpass", "csubj", "expl")
_EVIDENCE_DEPS = frozenset({"prep", "agent", "dative", "npadvmod", "advmod", "acomp", "pobj", "dobj", "obj", "oprd"})
_PERSON_PRONOUNS = frozenset({"he", "she", "him", "her", "he or she"})
_THING_PRONOUNS = frozenset({"it"})
_PLURAL_PRONOUNS = frozenset({"they", "them"})
_RELATIVE_PRONOUNS = frozenset({"who", "that", "which", "whom"})
_NP_MODIFIERS = frozenset(
    {"compound", "amod", "poss", "det", "nmod", "nummod", "case", "quantmod", "predet", "cc", "conj", "npadvmod"}
)
_INDEFINITE = frozenset({"a", "an", "some", "several", "many", "two", "three", "four", "other", "another", "one"})
_SPEAKING_VERBS = frozenset({"speak", "appear", "talk", "write", "post", "address", "testify", "tweet", "interview"})
_GENDERED = {"he": "he", "him": "he", "she": "she", "her": "she"}
_FOLLOW_ON_CHARS = 700
_SUBORDINATORS = frozenset(
    {"when", "while", "after", "before", "because", "since", "if", "although", "though", "until", "unless", "whenever"}
)
_PRECEDING_SPEECH_CHARS = 400
# Verbs whose subject makes the speech noun they take as object ("filed papers", "made a comment").
_PRODUCING_VERBS = frozenset({"file", "make", "submit", "write", "draft"})
_OCCASION_PREPOSITIONS = frozenset({"at", "during", "in", "on"})
# Verbs whose object, not their subject, did what the infinitive after it says ("forced him to admit"). Requests
# ("urged him to say") and rules ("a law requiring candidates to disclose") say nothing was said.
_OBJECT_CONTROL = frozenset({"force", "compel", "prompt", "lead", "get", "cause", "drive", "spur", "push", "oblige"})
_TITLE_WORDS = 4
_POSSESSIVE_PRONOUNS = {"its": "it", "their": "they"}
_OWNER_PRONOUNS = {"his": "he", "her": "she"}
_BLOCK_MIN_WORDS = 4
# The last line of a paragraph that ends in a colon, and the start of the next non-empty line.
_COLON_PARAGRAPH = re.compile(r"(?m)^[^\n]*[^\s:](?P<colon>:)[ \t\u00a0]*\n(?:[ \t\u00a0]*\n)*[ \t\u00a0]*")
_SHORT_TRAILING_CUE = 20
_DASH_SIGNATURE = re.compile(
    r"[\s\u00a0]*(?P<dash>[―—–]|--)[\s\u00a0]*(?P<name>[A-Z][\w.'’-]*(?:[ \u00a0]+[A-Z][\w.'’-]*){0,4})[\s\u00a0.]*$"
)


@attrs.frozen(kw_only=True)
class CueEvent:
    """A reporting verb (or ``according to``) with its resolved speaker and channel."""

    verb: int
    """Token index of the cue word."""
    cue: TextSpan
    mention: TextSpan | None
    speaker: Speaker | None
    entity_key: int | None
    """Identity of the speaker within the document (for follow-on and channel decisions)."""
    channel: Channel
    evidence: TextSpan | None


_ABBREVIATIONS = frozenset(
    {"mr", "mrs", "ms", "dr", "gen", "sen", "rep", "gov", "lt", "col", "sgt", "capt", "maj", "adm", "st", "jr", "sr"}
    | {"prof", "rev", "no", "vs", "etc", "inc", "corp", "co", "ltd", "u.s", "u.k", "u.n"}
)


def _abbreviation(text: str, dot: int) -> bool:
    """True when the full stop at ``dot`` ends an initial or an abbreviation (``H.``, ``Gen.``, ``U.S.``)."""
    if text[dot] != ".":
        return False
    match = re.search(r"([A-Za-z.]+)$", text[max(0, dot - 8) : dot])
    if match is None:
        return False
    word = match.group(1).lower().strip(".")
    return len(word) == 1 or word in _ABBREVIATIONS


def _template(event: CueEvent) -> Quote:
    """An empty indirect quote carrying the event's attribution, for :func:`indirect_quotes` to fill."""
    return Quote(
        id="template",
        text="",
        start=0,
        end=0,
        kind=QuoteKind.INDIRECT,
        speaker=event.speaker,
        speaker_mention=event.mention,
        cue=event.cue,
        channel=event.channel,
        channel_evidence=event.evidence,
    )


def _said_at(quote: Quote, event: CueEvent, *, confidence: float) -> Quote:
    """``quote`` attributed through ``event``: its speaker, mention, cue and channel."""
    return attrs.evolve(
        quote,
        speaker=event.speaker,
        speaker_mention=event.mention,
        cue=event.cue,
        channel=event.channel,
        channel_evidence=event.evidence,
        confidence=confidence,
    )


class _Attributor:
    def __init__(self, doc: Doc, quotes: list[Quote], lexicon: Lexicon, text: str | None = None) -> None:
        self.doc = doc
        self.text = doc.text if text is None else text
        self.lexicon = lexicon
        self.index = EntityIndex(doc, lexicon)
        # Quotation marks included, so that a cue is never read inside a quote.
        self.quote_ranges = [
            (
                max(0, self.opening_mark(q) if q.marks else q.start - 1),
                self.after_closing_mark(q) if len(q.marks) > 1 else q.end + 1,
            )
            for q in quotes
            if q.kind is not QuoteKind.INDIRECT
        ]
        self._quoted = bytearray(len(self.text) + 2)
        for start, end in self.quote_ranges:
            self._quoted[start:end] = b"\x01" * (end - start)
        self.events: list[CueEvent] = []
        self._entity_keys: dict[int, int] = {}
        self._adhoc: dict[str, Entity] = {}
        self._named_speakers: list[Entity] | None = None
        self._cue_words: list[Token] | None = None
        self.turns: dict[str, CueEvent] = {}

    def transcript(self, quotes: list[Quote]) -> list[Quote]:
        """``quotes`` with the turns of a transcript (``PENCE: Well, ...``) as direct quotes credited to the label.

        A quoted turn loses its label (the quote starts after the colon); an unquoted one becomes a quote with no
        marks; quoted paragraphs that follow a turn with no label of their own go on with its speaker. The events
        are kept in :attr:`turns`, by quote id.
        """
        people = frozenset(
            word.upper()
            for entity in self.index.entities
            if entity.kind is SpeakerKind.PERSON
            for word in (entity.name, entity.surname)
        )
        turns = find_turns(self.text, headings=self.lexicon.headline_labels, people=people)
        if not turns:
            return quotes
        text = self.text
        out = list(quotes)
        for n, turn in enumerate(turns):
            following = turns[n + 1].label_start if n + 1 < len(turns) else len(text)
            event = self.turn_event(turn)
            opened = [
                i
                for i, q in enumerate(out)
                if turn.label_start <= q.start <= turn.start and q.end > turn.start and q.kind is not QuoteKind.INDIRECT
            ]
            if opened and out[opened[0]].end <= following:
                i = opened[0]
                out[i] = attrs.evolve(
                    out[i], start=turn.start, text=text[turn.start : out[i].end], kind=QuoteKind.DIRECT
                )
                chain_end = self.after_closing_mark(out[i])
                self.turns[out[i].id] = event
                # "“PENCE: ... \n\n“But the truth is ...": quoted paragraphs that carry on the turn.
                for j in range(i + 1, len(out)):
                    q = out[j]
                    if q.start >= following or q.kind is QuoteKind.INDIRECT:
                        break
                    if q.parent is not None or text[chain_end : self.opening_mark(q)].strip(" \t\n\r\u00a0"):
                        continue
                    if STAGE_DIRECTION.fullmatch(q.text):
                        chain_end = self.after_closing_mark(q)  # "(CROSSTALK.)" is nobody's words
                        continue
                    out[j] = attrs.evolve(q, kind=QuoteKind.DIRECT)
                    self.turns[q.id] = event
                    chain_end = self.after_closing_mark(q)
            elif not opened and not any(q.start <= turn.start < q.end for q in out):
                turn_quote = Quote(
                    id=f"t{turn.start}", text=text[turn.start : turn.end], start=turn.start, end=turn.end, marks=""
                )
                out.append(turn_quote)
                self.turns[turn_quote.id] = event
                self._quoted[turn.label_start : turn.end] = b"\x01" * (turn.end - turn.label_start)
        return sorted(out, key=lambda q: (q.start, -q.end))

    def block_quotes(self, quotes: list[Quote]) -> list[Quote]:
        """``quotes`` with the unmarked paragraphs that a cue ending in a colon introduces (``The governor added:``).

        The paragraph after ``X added:`` or ``the Times gave Clinton a glowing endorsement:`` is set off as a block
        quote, the way print shows long quotations; it becomes a direct quote with no marks, attributed like any
        quote introduced by a colon.
        """
        text = self.text
        out = list(quotes)
        for match in _COLON_PARAGRAPH.finditer(text):
            block_start = match.end()
            if block_start >= len(text) or text[block_start] in MARK_CHARACTERS or self.quoted(block_start):
                continue
            block_end = text.find("\n\n", block_start)
            block_end = len(text) if block_end < 0 else block_end
            while block_end > block_start and text[block_end - 1].isspace():
                block_end -= 1
            body = text[block_start:block_end]
            if len(body.split()) < _BLOCK_MIN_WORDS or any(block_start <= q.start < block_end for q in out):
                continue
            introduction = self.doc.char_span(match.start(), match.start("colon"), alignment_mode="expand")
            if introduction is None or not len(introduction):
                continue
            sentence = introduction[-1].sent
            if not any(self.is_cue(t) or self.is_speech_noun(t) for t in sentence if t.i >= introduction.start):
                continue
            out.append(Quote(id=f"b{block_start}", text=body, start=block_start, end=block_end, marks=""))
            self._quoted[block_start:block_end] = b"\x01" * (block_end - block_start)
        return sorted(out, key=lambda q: (q.start, -q.end))

    def turn_event(self, turn: Turn) -> CueEvent:
        name = turn.label.title()
        entity = self.index.find(name, before=turn.label_start) or self.index.find(name.split()[-1])
        if entity is None or entity.kind is not SpeakerKind.PERSON:
            entity = self.adhoc(name, SpeakerKind.PERSON)
        return CueEvent(
            verb=-1,
            cue=TextSpan.of(self.text, turn.label_end, turn.label_end + 1),
            mention=TextSpan.of(self.text, turn.label_start, turn.label_end),
            speaker=entity.speaker(),
            entity_key=self.key_of(entity),
            channel=Channel.UNKNOWN,
            evidence=None,
        )

    def quoted(self, pos: int) -> bool:
        """True when character ``pos`` is inside a quote (its marks included)."""
        return 0 <= pos < len(self._quoted) and bool(self._quoted[pos])

    # -- identities ----------------------------------------------------------------------------

    def key_of(self, entity: Entity) -> int:
        return self._entity_keys.setdefault(id(entity), len(self._entity_keys))

    def adhoc(self, name: str, kind: SpeakerKind) -> Entity:
        key = name.lower()
        if key not in self._adhoc:
            self._adhoc[key] = Entity(kind=kind, name=name)
        return self._adhoc[key]

    # -- cue events ----------------------------------------------------------------------------

    def is_cue(self, tok: Token) -> bool:
        if self.quoted(tok.idx):
            return False
        lemma = tok.lemma_.lower()
        if tok.lower_ == "according" and tok.i + 1 < len(self.doc) and self.doc[tok.i + 1].lower_ == "to":
            return True
        if lemma == "make" and any(
            c.lower_ in ("clear", "plain") and c.dep_ in ("acomp", "oprd", "ccomp") for c in tok.children
        ):
            # "has made clear that ...": a statement, whoever makes it.
            return True
        if tok.pos_ not in ("VERB", "AUX") or lemma not in self.lexicon.speech_verbs:
            return False
        if lemma in ("add", "continue", "read", "answer", "write", "post", "call", "describe", "note", "order"):
            # Ambiguous verbs are cues only with a human or organisational subject, or next to a quote.
            return True
        # "the statement issued on Monday" modifies a noun; "officials who have argued that" is a report.
        participle = (
            tok.tag_ == "VBN" and tok.dep_ in ("acl", "relcl") and not any(c.dep_ == "aux" for c in tok.children)
        )
        return not (tok.dep_ == "amod" or participle)

    def cue_words(self) -> list[Token]:
        """The tokens whose word or lemma is in the cue lexicons: the only ones worth a closer look.

        Read from the Doc's arrays, so that a Token object is built only for these (building one for every token
        of the document, several times over, was most of quotebank's own time).
        """
        if self._cue_words is None:
            strings = self.doc.vocab.strings
            lexicon = self.lexicon
            words = {*lexicon.speech_verbs, *lexicon.speech_nouns, *lexicon.cue_nouns, "according", "make"}
            wanted = {strings.add(w) for w in words}
            rows = self.doc.to_array(["LEMMA", "LOWER"])
            self._cue_words = [
                self.doc[i] for i, (lemma, lower) in enumerate(rows) if lemma in wanted or lower in wanted
            ]
        return self._cue_words

    def find_events(self) -> list[CueEvent]:
        for tok in self.cue_words():
            if self.is_cue(tok):
                event = self.event_for(tok)
                if event is not None:
                    self.events.append(event)
        return self.events

    def event_for(self, verb: Token) -> CueEvent | None:
        subject = self.subject_of(verb)
        entity: Entity | None = None
        mention: Span | None = None
        role: str | None = None
        handled_by: CueEvent | None = None
        cue_end = -1
        if subject is not None:
            mention = subject
            entity, role = self.resolve(subject, verb)
            if (
                self.is_speech_noun(subject.root)
                and not is_title_token(subject.root, self.lexicon)
                and (owner := self.owner_of(subject.root)) is not None
            ):
                # "read an IRGC statement": the owner is the mention, the verb and its object the cue.
                mention = owner
                if subject.root.head.i == verb.i and subject.start > verb.i:
                    cue_end = subject.end_char
        elif verb.dep_ in ("conj", "xcomp", "advcl", "ccomp") and verb.head.i != verb.i:
            handled_by = next((e for e in reversed(self.events) if e.verb == verb.head.i), None)
        cue = TextSpan.of(self.text, verb.idx, verb.idx + len(verb.text))
        if cue_end > verb.idx:
            cue = TextSpan.of(self.text, verb.idx, cue_end)
        if verb.lower_ == "according":
            cue = TextSpan.of(self.text, verb.idx, self.doc[verb.i + 1].idx + len(self.doc[verb.i + 1].text))
        if handled_by is not None:
            return CueEvent(
                verb=verb.i,
                cue=cue,
                mention=handled_by.mention,
                speaker=handled_by.speaker,
                entity_key=handled_by.entity_key,
                channel=handled_by.channel,
                evidence=handled_by.evidence,
            )
        speaker = entity.speaker(role=role) if entity is not None else None
        channel, decisive = classify_channel(
            verb if verb.lower_ != "according" else None,
            self.evidence_tokens(verb, mention),
            self.lexicon,
            speaker_kind=speaker.kind if speaker else None,
            speaker_words=[t.lower_ for t in mention] if mention is not None else (),
        )
        key = self.key_of(entity) if entity is not None else None
        if channel is Channel.UNKNOWN and key is not None:
            channel, evidence = self.running_channel(key, verb.idx)
        else:
            evidence = TextSpan.of(self.text, decisive.idx, decisive.idx + len(decisive.text)) if decisive else None
        return CueEvent(
            verb=verb.i,
            cue=cue,
            mention=TextSpan.of(self.text, mention.start_char, mention.end_char) if mention is not None else None,
            speaker=speaker,
            entity_key=key,
            channel=channel,
            evidence=evidence,
        )

    def running_channel(self, key: int, before: int) -> tuple[Channel, TextSpan | None]:
        for event in reversed(self.events):
            if event.cue.start >= before or event.entity_key is None:
                continue
            if event.entity_key != key:
                return Channel.UNKNOWN, None
            if event.channel is not Channel.UNKNOWN:
                return event.channel, event.evidence
        return Channel.UNKNOWN, None

    def subject_of(self, verb: Token) -> Span | None:
        doc = self.doc
        if verb.lower_ == "according":
            to = doc[verb.i + 1]
            objects = [c for c in to.children if c.dep_ == "pobj"]
            return self.noun_phrase(objects[0]) if objects else None
        subjects = [
            c
            for c in verb.children
            if c.dep_ in _SUBJECT_DEPS and not self.quoted(c.idx) and c.ent_type_ not in ("DATE", "TIME")
        ]
        if len(subjects) > 1:
            subjects = [s for s in subjects if not self.is_dateline(s)] or subjects
        agents = [g for a in verb.children if a.dep_ == "agent" for g in a.children if g.dep_ == "pobj"]
        if agents and all(s.dep_ == "nsubjpass" for s in subjects):
            # "The plan was criticized by Democrats": the agent speaks; the passive subject is what it spoke of.
            subjects = agents
        if not subjects and verb.dep_ == "conj" and is_added_report(verb, self.lexicon):
            # "China said it was opposed to the test and warned Pyongyang": China warned.
            reporter = verb.head.head
            reporters = [c for c in reporter.children if c.dep_ in ("nsubj", "nsubjpass")]
            return self.noun_phrase(reporters[0]) if reporters else None
        if not subjects and verb.tag_ == "VBG" and verb.dep_ == "acl" and verb.head.pos_ in ("NOUN", "PROPN"):
            occasion = verb.head.head
            if (
                self.is_speech_noun(verb.head)
                and verb.head.dep_ == "pobj"
                and occasion.lower_ in _OCCASION_PREPOSITIONS
                and occasion.head.lemma_.lower() in self.lexicon.speech_verbs
                and occasion.head.i != verb.i
            ):
                # "she said at a news conference announcing ...": who spoke there held it.
                spoke = self.subject_of(occasion.head)
                if spoke is not None:
                    return spoke
            # "footage of Hillary Clinton asking, “...”"
            return self.noun_phrase(verb.head)
        if (
            not subjects
            and verb.tag_ in ("VBG", "VB")
            and verb.dep_ in ("advcl", "xcomp", "conj", "pcomp")
            and verb.head.i != verb.i
        ):
            # "tweeted ..., adding", "took to Twitter to accuse", "aside from saying": the governing verb's
            # subject speaks.
            governor = verb.head
            controller = self.object_controller(verb)
            if controller is not None:
                return self.noun_phrase(controller)
            if verb.dep_ == "pcomp" and governor.dep_ == "prep" and governor.head.i != governor.i:
                governor = governor.head
            if (
                is_added_report(verb, self.lexicon)
                and governor.dep_ == "ccomp"
                and governor.head.lemma_.lower() in self.lexicon.speech_verbs
            ):
                # "Analysts said the factors have contributed ..., citing X": the analysts cite, not the factors.
                governor = governor.head
            for _ in range(3):
                head_subjects = [self.after_dateline(c) for c in governor.children if c.dep_ in ("nsubj", "nsubjpass")]
                head_subjects = [c for c in head_subjects if not self.is_dateline(c)]
                if head_subjects:
                    return self.noun_phrase(head_subjects[0])
                if is_added_report(verb, self.lexicon) and governor.dep_ == "acl" and governor.head.dep_ == "dobj":
                    # "defended plans to cut benefits, telling MPs that ...": the participle goes with the
                    # sentence's verb, not with the infinitive the parser hung it on.
                    governor = governor.head.head
                    continue
                if governor.dep_ not in ("conj", "xcomp") or governor.head.i == governor.i:
                    break
                # "Dean appeared on MSNBC and began by saying": up the coordination to the shared subject.
                governor = governor.head
        if not subjects and verb.dep_ == "conj" and verb.head.i != verb.i and verb.head.pos_ in ("VERB", "AUX"):
            # "Trump has used the phrase often, and criticized Obama for ...": coordinated verbs share the subject.
            head_subjects = [
                c for c in verb.head.children if c.dep_ in ("nsubj", "nsubjpass") and not self.quoted(c.idx)
            ]
            if head_subjects:
                return self.noun_phrase(head_subjects[0])
        if not subjects and verb.dep_ == "relcl" and verb.head.pos_ in ("NOUN", "PROPN"):
            subjects = [verb.head]
        if not subjects:
            agents = [c for c in verb.children if c.dep_ == "agent"]
            objects = [g for a in agents for g in a.children if g.dep_ == "pobj"]
            subjects = objects
        if not subjects:
            # "read an IRGC statement": the speaker owns the object speech noun.
            objects = [c for c in verb.children if c.dep_ in ("dobj", "obj") and self.is_speech_noun(c)]
            if objects:
                return self.noun_phrase(objects[0])
            return self.surface_subject(verb)
        subject = min(subjects, key=lambda s: abs(s.i - verb.i))
        phrase = self.noun_phrase(subject)
        if len(subjects) > 1 and all(s.i < verb.i for s in subjects):
            start = min(s.left_edge.i for s in subjects)
            phrase = doc[start : phrase.end]
        return phrase

    def object_controller(self, verb: Token) -> Token | None:
        """``forced Stumpf to admit``, ``prompted his wife to make``: the object does what the infinitive says."""
        governor = verb.head
        if verb.dep_ != "xcomp" or verb.tag_ != "VB" or governor.lemma_.lower() not in _OBJECT_CONTROL:
            return None
        objects = [c for c in governor.children if c.dep_ in ("dobj", "obj") and c.i < verb.i]
        # Only someone can be made to speak: "used blunt language to denounce" leaves the subject speaking.
        if not objects or self.quoted(objects[0].idx):
            return None
        return objects[0] if self.agentive(objects[0]) else None

    def agentive(self, tok: Token) -> bool:
        """True for a word that names someone who can speak: a name, an organisation, a person pronoun or noun."""
        lemma = tok.lemma_.lower()
        if tok.pos_ == "PRON":
            return tok.lower_ in ("him", "her", "them", "me", "us")
        return (
            tok.ent_type_ in ("PERSON", "ORG", "NORP", "GPE")
            or self.person_name(tok)
            or lemma in self.lexicon.unnamed_heads
            or tok.lower_ in self.lexicon.unnamed_heads
            or lemma in self.lexicon.person_descriptions
            or lemma in self.lexicon.organization_words
            or is_title_token(tok, self.lexicon)
        )

    def surface_subject(self, verb: Token) -> Span | None:
        """A name right before or (after a quote) right after the verb, when the parse gives no subject."""
        doc = self.doc

        def namelike(tok: Token) -> bool:
            return (
                not tok.is_punct
                and tok.ent_type_ not in ("DATE", "TIME")  # "called Friday for": when, not who
                and "\n" not in tok.text_with_ws
                and not self.quoted(tok.idx)
                and (tok.pos_ in ("PROPN", "NOUN", "ADJ", "DET") or tok.text[:1].isupper() or tok.text in ("’s", "'s"))
            )

        i = verb.i - 1
        while i >= 0 and doc[i].pos_ in ("AUX", "ADV", "PART") and doc[i].text not in ("’s", "'s"):
            i -= 1
        if i > 0 and doc[i].text == ",":
            # "Flynn, a top Trump surrogate, said": the name before the appositive.
            k = i - 1
            while k > 0 and doc[k].text != "," and i - k < 16 and "\n" not in doc[k].text_with_ws:
                k -= 1
            if k > 2 and doc[k].text == "," and doc[k - 1].text == ")":
                # "Roy Cooper (D), the state's attorney general, called": the party tag follows the name.
                opening = next((j for j in range(k - 2, max(0, k - 8), -1) if doc[j].text == "("), None)
                if opening is not None and opening > 0 and doc[opening - 1].pos_ == "PROPN":
                    k = opening
            if k > 0 and doc[k].text in (",", "(") and doc[k - 1].pos_ == "PROPN":
                name_end = k
                n = k - 1
                while n > 0 and namelike(doc[n - 1]) and name_end - n < 6:
                    n -= 1
                return doc[n : i + 1]
        end = i + 1
        while i >= 0 and namelike(doc[i]) and end - i <= 8:
            i -= 1
        left = doc[i + 1 : end]
        if len(left) and any(t.pos_ == "PROPN" or t.ent_type_ in ("PERSON", "ORG") for t in left):
            return left
        if verb.i == 0 or doc[verb.i - 1].text in ("”", '"', "’", "'", ",") or doc[verb.i].is_sent_start:
            j = verb.i + 1
            while j < len(doc) and (namelike(doc[j]) or (doc[j].text == "." and j > verb.i + 1)) and j - verb.i <= 8:
                j += 1
            right = doc[verb.i + 1 : j]
            if len(right) and any(t.pos_ == "PROPN" or t.ent_type_ in ("PERSON", "ORG") for t in right):
                return right
        return None

    def noun_phrase(self, head: Token) -> Span:
        """The head with its pre-modifiers (titles included), without clauses, appositives or line breaks."""
        doc = self.doc
        start = head.i
        for child in head.lefts:
            if child.dep_ in _NP_MODIFIERS:
                start = min(start, child.left_edge.i)
        end = head.i + 1
        for child in head.rights:
            # "a person familiar with the matter", "a source close to the campaign": who the source is.
            described = child.dep_ == "amod" and head.pos_ == "NOUN"
            if (
                child.dep_ in ("compound", "flat")
                or (child.dep_ == "prep" and child.lower_ in ("of", "from", "with"))
                or described
            ):
                end = max(end, child.right_edge.i + 1)
            else:
                break
        for i in range(head.i - 1, start - 1, -1):
            tok = doc[i]
            if "\n" in tok.text_with_ws or (tok.is_punct and tok.text not in ("-", "–", "&", ".")):
                start = i + 1
                break
        for i in range(head.i + 1, end):
            if "\n" in doc[i - 1].text_with_ws or self.quoted(doc[i].idx):
                end = i
                break
        return doc[start:end]

    def evidence_tokens(self, verb: Token, mention: Span | None) -> list[Token]:
        tokens: list[Token] = [verb]
        if mention is not None:
            tokens.extend(mention)
        for child in verb.children:
            # "Speaking on CNN's State of the Union, Sanders said": the participle names the channel.
            speaking = child.dep_ == "advcl" and child.lemma_.lower() in _SPEAKING_VERBS
            if child.dep_ == "prep" and child.lower_ in self.lexicon.content_prepositions.get(verb.lemma_.lower(), ()):
                continue  # "accused ministers of balancing the books": what was said names no channel
            if speaking or child.dep_ in _EVIDENCE_DEPS or (child.dep_ == "nsubj" and self.is_speech_noun(child)):
                tokens.extend(t for t in child.subtree if not self.quoted(t.idx))
        # The clause before the speaker may name the channel: "A letter from X ... had said", "In a statement, X said".
        start = self.clause_start(verb.idx)
        clause = self.doc.char_span(start, verb.idx, alignment_mode="expand") if start < verb.idx else None
        for k, tok in enumerate(t for t in (clause or ()) if not t.is_punct and t.i < verb.i):
            if self.quoted(tok.idx) or not self.is_speech_noun(tok):
                continue
            if k < 4 or (tok.dep_ in ("ROOT", "nsubj") and tok.head.i in (tok.i, verb.i)):
                tokens.append(tok)
        return tokens

    def dateline_dash(self, tok: Token) -> int | None:
        """``DES MOINES, Iowa — A judge ruled``: the dash after a place the parser took for a subject, if any."""
        if not (tok.text.isupper() and len(tok.text) > 1):
            return None
        return next((t.i for t in self.doc[tok.i + 1 : tok.i + 5] if t.text in DATELINE_DASHES), None)

    def is_dateline(self, tok: Token) -> bool:
        return self.dateline_dash(tok) is not None

    def after_dateline(self, subject: Token) -> Token:
        """``DES MOINES, Iowa — A state judge``: the parser may hang the real subject on the dateline."""
        dash = self.dateline_dash(subject)
        if dash is None:
            return subject
        after = [c for c in subject.children if c.dep_ == "appos" and c.i > dash and c.pos_ in ("NOUN", "PROPN")]
        return after[0] if after else subject

    def is_speech_noun(self, tok: Token) -> bool:
        words = (tok.lower_, tok.lemma_.lower())
        return tok.pos_ in ("NOUN", "PROPN") and any(
            w in self.lexicon.speech_nouns or w in self.lexicon.cue_nouns for w in words
        )

    def mistagged_report(self, tok: Token) -> Span | None:
        """``Trump charges that ...``: a reporting verb in ``-s`` the tagger took for a plural noun; its speaker.

        Heading the sentence, with a capitalised word right before it and a ``that`` clause after it, it is the
        verb; read as a speech noun, the name owns it and the clause is its content.
        """
        if tok.tag_ not in ("NNS", "NNPS") or tok.dep_ != "ROOT" or tok.lemma_.lower() not in self.lexicon.speech_verbs:
            return None  # "Manafort charges that prosecutors filed were dropped": a noun that heads no sentence
        clauses = [c for c in tok.children if c.dep_ in ("acl", "ccomp") and c.i > tok.i]
        if not any(m.dep_ == "mark" and m.lower_ == "that" for c in clauses for m in c.children):
            return None
        names = [c for c in tok.children if c.dep_ == "compound" and c.i == tok.i - 1 and c.is_title]
        return self.noun_phrase(names[0]) if names else None

    # -- mentions to entities ------------------------------------------------------------------

    def resolve(self, mention: Span, verb: Token) -> tuple[Entity | None, str | None]:
        """The entity a subject mention refers to, and the role given at this mention."""
        doc = self.doc
        head = mention.root
        lower = head.lower_
        if lower in _RELATIVE_PRONOUNS and verb.dep_ == "relcl" and verb.head.pos_ in ("NOUN", "PROPN"):
            antecedent = verb.head
            while antecedent.dep_ == "appos" and antecedent.head.i != antecedent.i:
                # "Elizabeth Warren, a Massachusetts Democrat, who said": the person, not the description.
                antecedent = antecedent.head
            return self.resolve(self.noun_phrase(antecedent), antecedent)
        if lower in _PERSON_PRONOUNS | _THING_PRONOUNS | _PLURAL_PRONOUNS:
            return self.antecedent(lower, verb), None
        if head.pos_ == "PRON":
            return None, None
        appositive = next((c for c in head.children if c.dep_ == "appos" and self.person_name(c)), None)
        dateline = head.text.isupper() and head.ent_type_ == "GPE"
        titled = is_title_token(head, self.lexicon)
        if appositive is not None and head.pos_ == "NOUN" and not (titled or dateline):
            # "The player's mother, Angela Brooks, told the AP": the name speaks; the description is no title.
            holder = self.index.entity_at(appositive.i)
            if holder is None or holder.kind is not SpeakerKind.PERSON:
                holder = self.adhoc(clean_name(self.noun_phrase(appositive).text), SpeakerKind.PERSON)
            return holder, None
        if appositive is not None and (titled or dateline):
            # "The Kremlin's spokesman, Dmitry Peskov, told reporters": the name is the speaker, the rest the role.
            # "LONDON — Prime Minister Keir Starmer announced": the dateline is no speaker.
            holder = self.index.entity_at(appositive.i)
            if holder is None or holder.kind is not SpeakerKind.PERSON:
                holder = self.adhoc(clean_name(self.noun_phrase(appositive).text), SpeakerKind.PERSON)
            if dateline:
                return holder, None
            role = self.role_text(mention)
            holder.add_role(role)
            return holder, role
        # A subject cut off from its name by the parser: "X, the commander of ..., said".
        after = mention.root.right_edge.i + 1
        if mention.start >= 2 and doc[mention.start - 1].text == "," and after < len(doc) and doc[after].text == ",":
            named = self.index.entity_at(mention.start - 2)
            if named is not None and named.kind is SpeakerKind.PERSON:
                return named, None
        if any(
            t.lower_ in self.lexicon.broadcast_media_words or t.lower_ in ("agency", "outlets", "outlet")
            for t in mention[-2:]
        ) and not any(self.index.entity_at(t.i) is not None and t.ent_type_ == "PERSON" for t in mention):
            return self.adhoc(clean_name(mention.text), SpeakerKind.MEDIA), None
        if self.is_speech_noun(head) and not is_title_token(head, self.lexicon):
            # "an IRGC statement" speaks for the IRGC; "a spokeswoman for the company" is a person.
            owner = self.owner_of(head)
            return self.resolve(owner, verb) if owner is not None else self.unowned_record(mention)
        entity = self.index.entity_in(mention)
        if entity is not None:
            return entity, self.role_at(mention, entity)
        if mention[0].lower_ == "the" and lower in self.lexicon.person_descriptions and head.pos_ == "NOUN":
            # "the 34-year-old mother of three replied": someone the text has named, like a pronoun would.
            return self.antecedent(self.lexicon.person_descriptions[lower] or "he or she", verb), None
        name = clean_name(mention.text)
        if not name:
            return None, None
        words = [t for t in mention if not t.is_punct]
        determiner = words[0].lower_ if words else ""
        # Two-word titles ("first lady") have no title word of their own.
        has_title = any(is_title_token(t, self.lexicon) for t in mention) or bool(role_head(mention.text, self.lexicon))
        if lower in self.lexicon.media_words or (
            self.index._is_media(name) and head.pos_ != "PROPN" and not is_title_token(head, self.lexicon)
        ):
            # "the White House press secretary" is a person with a title, not the press.
            return self.adhoc(name, SpeakerKind.MEDIA), None
        if head.pos_ == "PROPN" and not has_title:
            found = self.index.find(name, before=mention.start_char)
            if found is not None:
                return found, None
            kind = SpeakerKind.PERSON if len(name.split()) >= 2 or head.ent_type_ == "PERSON" else SpeakerKind.UNKNOWN
            if head.ent_type_ in ("ORG", "GPE", "NORP"):
                kind = SpeakerKind.ORGANIZATION
            return self.adhoc(name, kind), None
        plural = head.tag_ in ("NNS", "NNPS")
        if determiner in _INDEFINITE or plural or (lower in self.lexicon.unnamed_heads and not has_title):
            return self.adhoc(mention.text.strip(), SpeakerKind.UNNAMED), None
        if has_title:
            return self.description(mention), self.role_text(mention)
        if head.ent_type_ in ("ORG", "GPE", "NORP") or lower in self.lexicon.organization_words:
            return self.adhoc(name, SpeakerKind.ORGANIZATION), None
        return self.unowned_record(mention)

    def unowned_record(self, mention: Span) -> tuple[Entity | None, str | None]:
        """``The lawsuit alleges``, ``according to the complaint``: a record with no owner named speaks for itself.

        Its filer is often named a sentence before (``xAI sued OpenAI. The lawsuit alleges ...``), but the text
        does not say so, and the nearest name is as often the one accused (``Smith was indicted. The indictment
        says ...``): the record is the source the text cites, as attribution corpora annotate it.
        """
        head = mention.root
        if head.lemma_.lower() not in self.lexicon.record_nouns and head.lower_ not in self.lexicon.record_nouns:
            return None, None
        name = " ".join(clean_name(self.doc[mention.start : head.i + 1].text).split())
        return (self.adhoc(name, SpeakerKind.UNKNOWN), None) if name else (None, None)

    def person_name(self, tok: Token) -> bool:
        """True for the head of what reads as a person's name (``Kemi Badenoch``), whatever the recogniser said."""
        if tok.ent_type_ == "PERSON":
            return True
        if tok.pos_ != "PROPN" or tok.ent_type_ in ("DATE", "TIME") or tok.lower_ in self.lexicon.organization_words:
            return False
        words = [c for c in tok.lefts if c.dep_ in ("compound", "flat")] + [tok]
        return 2 <= len(words) <= 3 and all(w.text[:1].isupper() and w.text[1:].islower() for w in words)

    def owner_of(self, noun: Token) -> Span | None:
        for child in noun.children:
            if child.dep_ == "poss" or (
                # "an IRGC statement", not "a campaign message": a common noun in front classifies, it does not own
                child.dep_ == "compound"
                and (not self.is_speech_noun(child) or child.ent_type_ in ("ORG", "PERSON"))  # "a Post report"
                and self._may_own(child)
            ):
                return self.noun_phrase(child)
            if child.dep_ == "prep" and child.lower_ in ("from", "by", "of"):
                objects = [g for g in child.children if g.dep_ == "pobj"]
                if objects:
                    return self.noun_phrase(objects[0])
        for child in noun.children:
            if child.dep_ == "amod" and (child.ent_type_ in ("ORG", "NORP", "GPE")):
                return self.noun_phrase(child)
        verb = noun.head
        producing = verb.lemma_.lower() in self.lexicon.delivery_verbs or verb.lemma_.lower() in _PRODUCING_VERBS
        if noun.dep_ in ("dobj", "obj") and producing:
            # "the Security Council issued a statement calling ...": who issues the statement speaks through it;
            # "lawyers filed papers opposing ...", "prompted her to make a comment that ...": so do the filer and
            # the maker.
            subject = self.subject_of(verb)
            if subject is not None and subject.root.i != noun.i:
                return subject
        return None

    def _may_own(self, modifier: Token) -> bool:
        return modifier.pos_ == "PROPN" or modifier.ent_type_ != "" or modifier.is_upper

    def role_text(self, mention: Span) -> str:
        words = [t for t in mention if t.pos_ != "DET"]
        role = self.text[words[0].idx : mention.end_char] if words else mention.text
        if words and words[0].lower_ in _POSSESSIVE_PRONOUNS and len(words) > 1:
            # "Its spokesman, Nasser Kanaani": the spokesman of the organisation just named.
            owner = self.antecedent(_POSSESSIVE_PRONOUNS[words[0].lower_], words[0])
            if owner is not None and owner.kind is not SpeakerKind.PERSON:
                role = f"{owner.name} {self.text[words[1].idx : mention.end_char]}"
        return role

    def role_at(self, mention: Span, entity: Entity) -> str | None:
        if entity.kind is not SpeakerKind.PERSON:
            return None
        before = [t for t in mention if self.index.entity_at(t.i) is not entity]
        titled = [t for t in before if t.i < mention.root.i and (is_title_token(t, self.lexicon))]
        if not titled:
            return None
        first = next(t for t in mention if t.pos_ != "DET")
        last = max(t.i for t in before if t.i < mention.root.i)
        role = self.doc[first.i : last + 1].text
        entity.add_role(role)
        if " " not in role and role.endswith("."):
            # "Gen. Mark Milley, the chairman of the Joint Chiefs,": the appositive says more than a bare rank.
            after = appositive_role(self.doc, mention.end, self.lexicon)
            if after is not None:
                return after.text
        return role

    def description(self, mention: Span) -> Entity:
        """A role-only mention: the person holding the role in this document, else a role-only speaker."""
        role = self.role_text(mention)
        head_word = role_head(role, self.lexicon)
        if head_word:
            holders = [
                e
                for e in self.index.entities
                if e.kind is SpeakerKind.PERSON and any(head_word in r.lower() for r in e.roles)
            ]
            if len(holders) == 1:
                holders[0].add_role(role)
                return holders[0]
        if mention[0].lower_ == "the":
            # "the country's outgoing prime minister": the one named speaker the text gives no role.
            speakers = self.named_speakers_without_role()
            if len(speakers) == 1:
                speakers[0].add_role(role)
                return speakers[0]
        entity = self.adhoc(role, SpeakerKind.PERSON)
        entity.add_role(role)
        return entity

    def named_speakers_without_role(self) -> list[Entity]:
        if self._named_speakers is None:
            self._named_speakers = self._find_named_speakers()
        return [e for e in self._named_speakers if not e.roles]

    def _find_named_speakers(self) -> list[Entity]:
        found: list[Entity] = []
        for tok in self.cue_words():
            if not self.is_cue(tok):
                continue
            for child in tok.children:
                if child.dep_ in _SUBJECT_DEPS:
                    entity = self.index.entity_at(child.i)
                    if entity is not None and entity.kind is SpeakerKind.PERSON and entity not in found:
                        found.append(entity)
        return found

    def gender_of(self, entity: Entity) -> str | None:
        """``"he"``, ``"she"`` or None, from the entity's honorific, a gendered title or a common first name."""
        return first_name_gender(entity, self.lexicon)

    def fits(self, pronoun: str, entity: Entity) -> bool:
        """False when the entity is known to be referred to by the other gendered pronoun."""
        if pronoun not in _GENDERED:
            return True
        gender = self.gender_of(entity)
        return gender is None or gender == _GENDERED[pronoun]

    def antecedent(self, pronoun: str, verb: Token) -> Entity | None:
        """The entity a pronoun subject refers to (``she`` skips a person known as ``he``, and back)."""
        want_person = pronoun in _PERSON_PRONOUNS
        sent = verb.sent
        if not want_person:
            # "Donald Trump's campaign is defending ... It's denouncing what it calls": the organisation just named.
            previous = self.doc[sent.start - 1].sent if sent.start > 0 else None
            for candidate in (sent, previous):
                if candidate is None:
                    continue
                for tok in candidate:
                    if tok.i >= verb.i or tok.dep_ not in ("nsubj", "nsubjpass") or tok.pos_ == "PRON":
                        continue
                    # "The researchers followed 100,000 people. ..., they cautioned.": a group the writer just named.
                    # Only there: in the same sentence a plural subject before "they said" is what they said.
                    group = (
                        candidate is previous
                        and pronoun in _PLURAL_PRONOUNS
                        and tok.tag_ == "NNS"
                        and not tok.ent_type_
                    )
                    if tok.lemma_.lower() in self.lexicon.organization_words or tok.ent_type_ == "ORG" or group:
                        entity, _ = self.resolve(self.noun_phrase(tok), verb)
                        if entity is not None:
                            return entity
        if want_person and (named := self.cataphora(pronoun, verb)) is not None:
            return named
        for tok in reversed(list(self.doc[sent.start : verb.i])):
            entity = self.index.entity_at(tok.i)
            if entity is None or tok.dep_ not in _SUBJECT_DEPS or tok.i == verb.i:
                continue
            same_kind = want_person == (entity.kind is SpeakerKind.PERSON)
            if same_kind and pronoun not in _PLURAL_PRONOUNS and self.fits(pronoun, entity):
                return entity
        for event in reversed(self.events):
            # Speech nouns are read after every verb: a report later in the text is not an antecedent.
            if event.speaker is None or event.entity_key is None or event.cue.start > verb.idx:
                continue
            kind = event.speaker.kind
            if want_person and kind is SpeakerKind.PERSON:
                holder = self.entity_by_key(event.entity_key)
                if holder is not None and not self.fits(pronoun, holder):
                    continue
                return holder
            if pronoun in _THING_PRONOUNS and kind in (SpeakerKind.ORGANIZATION, SpeakerKind.MEDIA):
                return self.entity_by_key(event.entity_key)
            if pronoun in _PLURAL_PRONOUNS and kind in (SpeakerKind.ORGANIZATION, SpeakerKind.UNNAMED):
                return self.entity_by_key(event.entity_key)
        # No speaker yet: the nearest compatible entity named before.
        for tok in reversed(list(self.doc[: verb.i])):
            entity = self.index.entity_at(tok.i)
            if entity is None or self.quoted(tok.idx):
                continue
            if want_person == (entity.kind is SpeakerKind.PERSON) and self.fits(pronoun, entity):
                return entity
        return None

    def cataphora(self, pronoun: str, verb: Token) -> Entity | None:
        """``Though she called it “outrageous,” Clinton said``: a pronoun in a clause put before the sentence's
        subject names that subject, as news writing puts the name in the main clause."""
        clause = verb
        while clause.dep_ in ("conj", "xcomp") and clause.head.i != clause.i and clause.head.i < clause.i:
            clause = clause.head
        main = clause.head
        if clause.dep_ != "advcl" or main.i <= clause.i or not self.subordinate(clause):
            return None
        subjects = [c for c in main.children if c.dep_ in ("nsubj", "nsubjpass") and c.i > verb.i]
        if not subjects or subjects[0].pos_ == "PRON":
            return None
        entity = self.index.entity_at(subjects[0].i)
        if entity is None or entity.kind is not SpeakerKind.PERSON or not self.fits(pronoun, entity):
            return None
        return entity

    def entity_by_key(self, key: int) -> Entity | None:
        for entity in [*self.index.entities, *self._adhoc.values()]:
            if self._entity_keys.get(id(entity)) == key:
                return entity
        return None

    # -- quotes to events ----------------------------------------------------------------------

    def opening_mark(self, quote: Quote) -> int:
        """Where the quote's opening mark starts (the quote's start when it has none)."""
        return quote.start - opening_width(self.text, quote.start) if quote.marks else quote.start

    def after_closing_mark(self, quote: Quote) -> int:
        """Where the quote's closing mark ends (the quote's end when it has none)."""
        return quote.end + closing_width(self.text, quote.end) if len(quote.marks) > 1 else quote.end

    def sentence_bounds(self, quote: Quote) -> tuple[int, int]:
        """Where the sentence around the quote starts (before it) and ends (after it), in characters."""
        text = self.text
        open_at = self.opening_mark(quote)
        close_at = self.after_closing_mark(quote)
        start = self.clause_start(open_at)
        end_match = None
        for match in re.finditer(r"[.!?](?=[\s\"“'‘A-Z]|$)|\n|[“\"«„]", text[close_at:]):
            pos = close_at + match.start()
            if match.group(0) in '“"«„' or not (self.quoted(pos) or _abbreviation(text, pos)):
                end_match = pos
                break
        end = end_match if end_match is not None else len(text)
        return start, end

    def clause_start(self, pos: int) -> int:
        """The start of the sentence that contains ``pos``, ignoring full stops inside quotes and abbreviations."""
        text = self.text
        base = text.rfind("\n", 0, pos) + 1
        start = base
        for match in re.finditer(r"[.!?](?=[\s\"“”'‘’A-Z]|$)", text[base:pos]):
            at = base + match.start()
            if not self.quoted(at) and not _abbreviation(text, at):
                start = at + 1
        for s, e in self.quote_ranges:
            # A previous quote that ends a sentence ends it here too.
            if start <= e <= pos and re.search(r"[.!?][\"”’']?$", text[s:e]):
                start = e
        return start

    def governing_event(self, quote: Quote) -> CueEvent | None:
        """The cue the quote hangs from in the parse: a reporting verb or an owned speech noun above it."""
        span = self.doc.char_span(quote.start, quote.end, alignment_mode="expand")
        if span is None:
            return None
        by_verb = {e.verb: e for e in self.events}
        named = self.naming_event(span, by_verb)
        if named is not None:
            return named
        found: list[CueEvent] = []
        for tok in span:
            if span.start <= tok.head.i < span.end or tok.head.i == tok.i:
                continue
            current = tok.head
            for _ in range(12):
                event = by_verb.get(current.i)
                if event is not None and event.speaker is not None:
                    found.append(event)
                    break
                if event is None and current.pos_ == "VERB" and self.has_named_subject(current):
                    break  # "as Trump went on about “...”": the quote belongs to this clause, not to a cue above
                if self.is_speech_noun(current) and not self.quoted(current.idx):
                    owner = self.owner_of(current)
                    if owner is not None:
                        entity, role = self.resolve(owner, current)
                        if entity is not None:
                            found.append(self.noun_event(current, owner, entity, role))
                            break
                if current.head.i == current.i:
                    break
                current = current.head
        # The parser may hang a long quote on two verbs; a relative clause ("told a woman who suggested that")
        # is the weaker attachment.
        main = [e for e in found if self.doc[e.verb].dep_ not in ("relcl", "acl")]
        chosen = main or found
        return chosen[0] if chosen else None

    def naming_event(self, span: Span, by_verb: dict[int, CueEvent]) -> CueEvent | None:
        """``calls it ‘a tax raid’``: the quote names the object of the naming verb right before it.

        The parser often hangs the quoted words on a verb further away, since quotation marks break the phrase.
        """
        i = span.start - 1
        while i >= 0 and (self.doc[i].is_punct or self.doc[i].is_space):
            i -= 1
        if i < 0:
            return None
        obj = self.doc[i]
        verb = obj.head
        if obj.dep_ != "dobj" or verb.lemma_.lower() not in NAMING_VERBS:
            return None
        event = by_verb.get(verb.i)
        return event if event is not None and event.speaker is not None else None

    def subordinate(self, verb: Token) -> bool:
        """True for a verb in an adverbial clause (``“...,” when Clinton blasted him``): it sets a scene."""
        return any(c.dep_ in ("mark", "advmod") and c.lower_ in _SUBORDINATORS for c in verb.children)

    def plain_event(self, cue: Token, mention: Span, entity: Entity, role: str | None = None) -> CueEvent:
        """A cue event with no channel evidence: the cue word, the mention and its entity."""
        return CueEvent(
            verb=cue.i,
            cue=TextSpan.of(self.text, cue.idx, cue.idx + len(cue.text)),
            mention=TextSpan.of(self.text, mention.start_char, mention.end_char),
            speaker=entity.speaker(role=role),
            entity_key=self.key_of(entity),
            channel=Channel.UNKNOWN,
            evidence=None,
        )

    def has_named_subject(self, verb: Token) -> bool:
        for child in verb.children:
            named = self.index.entity_at(child.i) is not None and child.ent_type_ in ("PERSON", "ORG")
            if child.dep_ in ("nsubj", "nsubjpass") and not self.quoted(child.idx) and named:
                return True
        return False

    def noun_event(self, noun: Token, owner: Span, entity: Entity, role: str | None) -> CueEvent:
        """A cue carried by a speech noun (``Trump's claim that``, ``her statement``)."""
        speaker = entity.speaker(role=role)
        channel, decisive = classify_channel(None, [noun], self.lexicon, speaker_kind=speaker.kind)
        return CueEvent(
            verb=noun.i,
            cue=TextSpan.of(self.text, noun.idx, noun.idx + len(noun.text)),
            mention=TextSpan.of(self.text, owner.start_char, owner.end_char),
            speaker=speaker,
            entity_key=self.key_of(entity),
            channel=channel,
            evidence=TextSpan.of(self.text, decisive.idx, decisive.idx + len(decisive.text)) if decisive else None,
        )

    def event_for_quote(self, quote: Quote) -> CueEvent | None:
        governing = self.governing_event(quote)
        if governing is not None:
            return governing
        start, end = self.sentence_bounds(quote)
        open_at = self.opening_mark(quote)
        close_at = self.after_closing_mark(quote)
        before = [e for e in self.events if start <= e.cue.start < open_at and e.mention is not None]
        after = [e for e in self.events if close_at <= e.cue.start < end and e.mention is not None]
        if any(e.speaker is not None for e in before + after):
            before = [e for e in before if e.speaker is not None]
            after = [e for e in after if e.speaker is not None]
        ends_sentence = bool(re.search(r"[.!?…][\"”’']?$", quote.text.rstrip()))
        if after and not ends_sentence and not (before and self.subordinate(self.doc[after[0].verb])):
            return after[0]
        if before:
            return before[-1]
        if after:
            first = after[0]
            verb = self.doc[first.verb]
            tokens_between = [t for t in self.doc if close_at <= t.idx < first.cue.start and not t.is_punct]
            has_content = any(
                c.dep_ in ("ccomp", "dobj", "xcomp", "attr", "oprd") and not self.quoted(c.idx) for c in verb.children
            )
            if len(tokens_between) <= _SHORT_TRAILING_CUE and not has_content:
                return first
        return None

    def attribute(self, quotes: list[Quote]) -> list[Quote]:
        self.find_events()
        groups: dict[str, list[Quote]] = {}
        for quote in quotes:
            if quote.group is not None:
                groups.setdefault(quote.group, []).append(quote)
        out: list[Quote] = []
        by_id: dict[str, Quote] = {}
        previous: Quote | None = None
        previous_key: int | None = None
        for quote in quotes:
            if quote.kind is QuoteKind.SCARE:
                out.append(quote)
                by_id[quote.id] = quote
                continue
            key: int | None = None
            if quote.id in self.turns:
                turn = self.turns[quote.id]
                updated, key = _said_at(quote, turn, confidence=0.9), turn.entity_key
            elif quote.post is not None:
                updated, key = self.attribute_post(quote)
            elif quote.group is not None and quote.group in by_id:
                head = by_id[quote.group]
                updated = quote.attributed_like(head, confidence=head.confidence)
                key = previous_key if previous is not None and previous.id == quote.group else None
            else:
                # A quote in pieces takes the cue of whichever piece has one ("“...” \n“...,” added X").
                event = None
                for piece in [quote, *groups.get(quote.id, [])]:
                    event = self.event_for_quote(piece)
                    if event is not None and event.speaker is not None:
                        break
                if event is None or event.speaker is None:
                    event = self.signed_or_introduced(quote) or event
                if (event is None or event.speaker is None) and (
                    previous is None or not self.follows_on(previous, previous_key, quote)
                ):
                    event = self.paragraph_closing_cue(quote) or event
                if event is not None and (event.speaker is not None or event.mention is not None):
                    updated = _said_at(quote, event, confidence=1.0 if event.speaker is not None else 0.5)
                    key = event.entity_key
                elif quote.kind is QuoteKind.DIRECT and (introduced := self.preceding_subject(quote, previous_key)):
                    # No reporting verb: the speaker and mention, but no cue.
                    updated = attrs.evolve(_said_at(quote, introduced, confidence=0.6), cue=None)
                    key = introduced.entity_key
                elif previous is not None and self.follows_on(previous, previous_key, quote):
                    updated = attrs.evolve(
                        quote,
                        speaker=previous.speaker,
                        speaker_mention=previous.speaker_mention,
                        channel=previous.channel,
                        channel_evidence=previous.channel_evidence,
                        confidence=0.8,
                    )
                    key = previous_key
                elif quote.kind is QuoteKind.DIRECT and (spoken := self.preceding_speech(quote)) is not None:
                    updated = _said_at(quote, spoken, confidence=0.7)
                    key = spoken.entity_key
                elif quote.kind is QuoteKind.PARTIAL and (fallback := self.clause_subject(quote)) is not None:
                    updated = attrs.evolve(
                        quote, speaker=fallback.speaker, speaker_mention=fallback.mention, confidence=0.6
                    )
                    key = fallback.entity_key
                elif event is not None:
                    updated = attrs.evolve(quote, cue=event.cue, channel=event.channel, channel_evidence=event.evidence)
                else:
                    updated = quote
            out.append(updated)
            by_id[quote.id] = updated
            if updated.speaker is not None and quote.parent is None:
                previous, previous_key = updated, key
        return out

    def indirect_cues(self) -> list[tuple[Token, Quote, Span | None]]:
        """Every cue that may carry reported content, with a template quote holding its attribution.

        A headline's cues come with their content (see :func:`quotebank.indirect.headline_reports`).
        """
        cues: list[tuple[Token, Quote, Span | None]] = []
        headlines = headline_reports(self.doc, text=self.text, lexicon=self.lexicon)
        # The parse's own event on a headline's verb stands when it found the speaker; the headline's when not.
        read = {cue.i for _, _, cue in headlines}
        clauses = headline_clauses(self.doc, text=self.text)
        for event in self.events:
            if event.verb in read and event.speaker is None:
                continue
            if event.speaker is None and event.mention is None and not is_put_question(self.doc[event.verb]):
                continue
            verb = self.doc[event.verb]
            clause = next((c for c in clauses if c.start <= verb.i < c.end), None)
            known = content_within(verb, clause, self.lexicon) if clause is not None else None
            if clause is None or known is not None:
                cues.append((verb, _template(event), known))
        for tok in self.cue_words():
            if self.quoted(tok.idx):
                continue
            owner = self.owner_of(tok) if self.is_speech_noun(tok) else self.mistagged_report(tok)
            if owner is None:
                continue
            # "his claim that ...": a possessive pronoun owns the claim as its subject form would.
            pronoun = _OWNER_PRONOUNS.get(owner.text.lower()) if len(owner) == 1 else None
            entity, role = (self.antecedent(pronoun, tok), None) if pronoun else self.resolve(owner, tok)
            if entity is None and not self.is_speech_noun(tok):
                # The tagger that missed the verb missed the name too: only one the article has named will do.
                entity = self.index.find(clean_name(owner.text), before=owner.start_char)
            if entity is None:
                continue
            cues.append((tok, _template(self.noun_event(tok, owner, entity, role)), None))
        # "He allegedly fired", "The campaign is reportedly ...": an account whose source the text does not name.
        for adverb, clause in hearsay_reports(self.doc):
            if not self.quoted(adverb.idx):
                marked = TextSpan.of(self.text, adverb.idx, adverb.idx + len(adverb.text))
                template = Quote(id="template", text="", start=0, end=0, kind=QuoteKind.INDIRECT, cue=marked)
                cues.append((adverb, template, clause))
        for source, content, cue in headlines:
            entity, role = self.resolve(source, cue)
            doc = self.doc
            crossing = (source.end < len(doc) and doc[source.end].ent_iob_ == "I") or doc[source.start].ent_iob_ == "I"
            if crossing or (entity is not None and self.index.entity_at(cue.i) is entity):
                # Title case makes the recogniser run a name into the verb ("Merkel Vows", "Lawmakers Rip Donald
                # Trump"): the source alone names the speaker.
                entity, role = self.index.find(clean_name(source.text)), None
            if entity is None:
                # "Trump urges ...": a bare surname the tagger took for a noun; the article names him in full.
                entity = self.index.find(clean_name(source.text)) or self.adhoc(
                    clean_name(source.text) or source.text, SpeakerKind.UNKNOWN
                )
            cues.append((cue, _template(self.plain_event(cue, source, entity, role)), content))
        return cues

    def signed_or_introduced(self, quote: Quote) -> CueEvent | None:
        """A quote signed after a dash (``”― Pamela Padilla``) or introduced by a paragraph ending in a colon."""
        text = self.text
        close_at = self.after_closing_mark(quote)
        line_end = text.find("\n", close_at)
        line_end = len(text) if line_end < 0 else line_end
        signature = _DASH_SIGNATURE.match(text, close_at, line_end)
        if signature is not None:
            name_start, name_end = signature.span("name")
            span = self.doc.char_span(name_start, name_end, alignment_mode="expand")
            if span is not None:
                entity = self.index.entity_in(span) or self.adhoc(clean_name(span.text), SpeakerKind.PERSON)
                return CueEvent(
                    verb=span.start,
                    cue=TextSpan.of(text, signature.start("dash"), signature.end("dash")),
                    mention=TextSpan.of(text, name_start, name_end),
                    speaker=entity.speaker(),
                    entity_key=self.key_of(entity),
                    channel=Channel.UNKNOWN,
                    evidence=None,
                )
        open_at = self.opening_mark(quote)
        line_start = text.rfind("\n", 0, open_at) + 1
        if text[line_start:open_at].strip(" \t“”\"'‘’«»„"):
            return None
        previous_line_end = line_start - 1
        while previous_line_end > 0 and text[previous_line_end - 1] in " \t\n\r\u00a0":
            previous_line_end -= 1
        if previous_line_end <= 0 or text[previous_line_end - 1] != ":":
            return None
        paragraph_start = text.rfind("\n", 0, previous_line_end)
        introducing = [e for e in self.events if paragraph_start <= e.cue.start < previous_line_end and e.speaker]
        if introducing:
            return introducing[-1]
        # "Sanders made the following comment:": the subject of the introducing sentence.
        last = self.doc.char_span(max(0, paragraph_start), previous_line_end, alignment_mode="expand")
        if last is None or not len(last):
            return None
        root = last[-1].sent.root
        subjects = [c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")]
        if not subjects:
            return None
        phrase = self.noun_phrase(subjects[0])
        introducer, role = self.resolve(phrase, root)
        if introducer is None:
            return None
        return self.plain_event(root, phrase, introducer, role)

    def paragraph_closing_cue(self, quote: Quote) -> CueEvent | None:
        """For a quote opening a paragraph: the cue that closed the paragraph before (``..., Schiff said.``)."""
        text = self.text
        open_at = self.opening_mark(quote)
        line_start = text.rfind("\n", 0, open_at) + 1
        if text[line_start:open_at].strip(" \t\u00a0“”\"'‘’«»„") or line_start == 0:
            return None
        end = line_start - 1
        while end > 0 and text[end - 1] in " \t\n\r\u00a0":
            end -= 1
        sentence_start = self.clause_start(max(0, end - 1))
        closing = [e for e in self.events if sentence_start <= e.cue.start < end and e.speaker is not None]
        if not closing or self.quoted(end - 1):
            return None
        event = closing[-1]
        after = text[event.cue.end : end]
        # The cue must end the paragraph (", Schiff said." / "said Friday."), not open new content.
        return event if len(after) < 40 and not re.search(r"\bthat\b|[:“\"]", after) else None

    def clause_subject(self, quote: Quote) -> CueEvent | None:
        """For a quoted fragment with no cue: the subject of the clause it sits in (``Trump admires X as a “...”``)."""
        span = self.doc.char_span(quote.start, quote.end, alignment_mode="expand")
        if span is None:
            return None
        current = span.root.head
        for _ in range(8):
            if current.pos_ in ("VERB", "AUX") and not self.quoted(current.idx):
                subjects = [c for c in current.children if c.dep_ in ("nsubj", "nsubjpass")]
                if subjects:
                    phrase = self.noun_phrase(subjects[0])
                    entity, role = self.resolve(phrase, current)
                    if entity is not None and entity.kind is not SpeakerKind.UNKNOWN:
                        return self.plain_event(current, phrase, entity, role)
                    return None
            if current.head.i == current.i:
                break
            current = current.head
        return None

    def preceding_speech(self, quote: Quote) -> CueEvent | None:
        """For a quote with no cue that opens a sentence: the speaker of the sentence just before it.

        ``Lawrence Cummings called him a master at impossible deals. “He showed again and again ...”``: the quote
        goes on with what the previous sentence reported, in the same paragraph, with no other quote in between.
        """
        open_at = self.opening_mark(quote)
        line_start = self.text.rfind("\n", 0, open_at) + 1
        before = self.text[line_start:open_at].rstrip()
        if not before or before[-1] not in ".!?:":
            return None
        for event in reversed(self.events):
            if event.cue.start >= open_at:
                continue
            if event.cue.start < line_start or open_at - event.cue.start > _PRECEDING_SPEECH_CHARS:
                return None
            if any(event.cue.end <= start and end <= open_at for start, end in self.quote_ranges):
                return None
            verb = self.doc[event.verb]
            if event.speaker is None or verb.dep_ not in ("ROOT", "conj"):
                continue
            if event.speaker.kind is SpeakerKind.UNNAMED and event.mention is None:
                return None
            return event
        return None

    def preceding_subject(self, quote: Quote, running: int | None) -> CueEvent | None:
        """For a quote with no cue that opens a sentence: a named person the sentence before is about.

        ``On “Face the Nation,” Sen. Bernie Sanders identified young voters' exhaustion with bigotry as a reason.
        “The younger people are sick and tired of discrimination.”``: news goes on in the words of whom it has just
        introduced, even with no reporting verb, in the same paragraph. Only a person named there, different from
        the running speaker, as the subject of the sentence's main verb.
        """
        open_at = self.opening_mark(quote)
        line_start = self.text.rfind("\n", 0, open_at) + 1
        before = self.text[line_start:open_at].rstrip()
        if not before or before[-1] not in ".!?" or self.quoted(len(before) + line_start - 1):
            return None
        span = self.doc.char_span(line_start, line_start + len(before), alignment_mode="expand")
        if span is None or not len(span):
            return None
        sentence = span[-1].sent
        if sentence.start_char < line_start:
            return None
        for start, end in self.quote_ranges:
            # A title in quotation marks ("On “Face the Nation,” Sanders ...") does not make the sentence a quote.
            if sentence.start_char <= start < open_at and len(self.text[start:end].split()) > _TITLE_WORDS:
                return None
        root = sentence.root
        subjects = [c for c in root.children if c.dep_ == "nsubj" and c.pos_ == "PROPN"]
        if not subjects or root.pos_ not in ("VERB", "AUX"):
            return None
        entity = self.index.entity_at(subjects[0].i)
        if entity is None or entity.kind is not SpeakerKind.PERSON or self.key_of(entity) == running:
            return None
        return self.plain_event(
            root, self.noun_phrase(subjects[0]), entity, self.role_at(self.noun_phrase(subjects[0]), entity)
        )

    def follows_on(self, previous: Quote, previous_key: int | None, quote: Quote) -> bool:
        if quote.parent is not None or quote.start - previous.end > _FOLLOW_ON_CHARS:
            return False
        between = self.text[previous.end : quote.start]
        lines = [line for line in between.split("\n") if line.strip(" \t“”\"'‘’«»„")]
        if len(lines) > 1 or previous.post is not None:
            return False
        cue_sentence = None
        if previous.cue is not None:
            cue_span = self.doc.char_span(previous.cue.start, previous.cue.end, alignment_mode="expand")
            cue_sentence = cue_span[0].sent if cue_span is not None and len(cue_span) else None
        for event in self.events:
            if previous.end <= event.cue.start < quote.start and event.entity_key != previous_key:
                verb = self.doc[event.verb]
                if cue_sentence is not None and cue_sentence.start <= verb.i < cue_sentence.end:
                    continue  # a subordinate cue inside the previous quote's own attribution sentence
                if event.speaker is not None and verb.dep_ not in ("relcl", "acl", "advcl"):
                    # Another speaker's main clause takes over; a subordinate one ("who said") does not.
                    return False
        return True

    def attribute_post(self, quote: Quote) -> tuple[Quote, int | None]:
        post = quote.post
        assert post is not None
        author = post.author
        entity = self.index.find(author)
        if entity is None:
            base = re.split(r"[.\s_]", author)[0]
            for candidate in self.index.entities:
                if candidate.kind is SpeakerKind.PERSON and base and base in (candidate.surname, candidate.name):
                    entity = candidate
                    break
        if entity is not None:
            entity.add_alias(author)
            speaker = entity.speaker(handle=post.handle)
            key: int | None = self.key_of(entity)
        else:
            kind = SpeakerKind.MEDIA if self.index._is_media(author) else SpeakerKind.PERSON
            speaker = Speaker(name=author, kind=kind, handle=post.handle)
            key = self.key_of(self.adhoc(author, kind))
        mention = None
        signature = post.signature
        if signature is not None:
            offset = signature.text.find(author)
            if offset >= 0:
                mention = TextSpan.of(self.text, signature.start + offset, signature.start + offset + len(author))
        channel = Channel.TWEET if post.platform == "twitter" else Channel.SOCIAL_POST
        return (
            attrs.evolve(
                quote,
                speaker=speaker,
                speaker_mention=mention,
                cue=signature,
                channel=channel,
                channel_evidence=signature,
            ),
            key,
        )


def find_cue_events(doc: Doc, *, lexicon: Lexicon, quotes: Iterable[Quote] = ()) -> list[CueEvent]:
    """Every reporting verb of ``doc`` with its speaker and channel (quotes mask their insides)."""
    return _Attributor(doc, list(quotes), lexicon).find_events()


def attribute_quotes(
    doc: Doc, quotes: list[Quote], *, lexicon: Lexicon, indirect: bool = True, text: str | None = None
) -> list[Quote]:
    """``quotes`` with speaker, speaker mention, cue and channel filled where the text tells.

    Args:
        doc: The parsed document the quotes come from.
        quotes: Quotes from detection, sorted by position.
        lexicon: The language's lexicon.
        indirect: Also add reported speech (:mod:`quotebank.indirect`).
    """
    if not doc.has_annotation("DEP"):
        return quotes
    attributor = _Attributor(doc, quotes, lexicon, text)
    quotes = attributor.transcript(quotes)
    quotes = attributor.block_quotes(quotes)
    attributed = attributor.attribute(quotes)
    if not indirect:
        return attributed
    return report_speech(doc, attributor.indirect_cues(), attributed, lexicon, text=attributor.text)
