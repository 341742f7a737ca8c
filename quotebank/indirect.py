"""Reported (indirect) speech: what was said, without quotation marks.

A cue event (see :mod:`quotebank.attribute`) reports speech when its verb
takes a content clause; the clause becomes a ``Quote(kind=INDIRECT)`` with the
cue's speaker, role and channel. Rules:

* **Content.** The complement clause of the reporting verb (``said that ...``,
  ``clarified to reporters that ...``; a leading ``that``/``whether`` is left
  out), the clause before a trailing attribution (``..., Hoffman said in an
  emailed statement.``), the rest of the sentence around ``according to X``,
  and the ``that``-clause of a speech noun (``Trump's claim that ...``). A
  dateline (``JERUSALEM (AP) —``) is cut off; a clause the parser split in two
  is kept whole, and so is a ``that``-clause it hung on the noun before it
  (``told analysts on an earnings call that ...``) or on an aside (``warned,
  as did the White House, that ...``). With two clauses the first is the
  content; a clause the parser took for an adverbial one (``said after the
  convention he would not run``) still is. A speech participle after a comma
  (``..., citing the port``) is a second report by the same speaker and ends
  the first.
* **Precision over recall.** Cognition verbs (``think``, ``believe``,
  ``hope``) are not in the reporting lexicon and never count. Evidential verbs
  (``a poll found that``, ``the footage shows that``, ``she suggested that``)
  count: they present a finding, not a private belief. A negated report (``did not say
  that``), a report inside a question, and a hypothetical one (``would say``,
  ``could claim``) are not attributions, nor is a declined one (``refused to
  discuss``).
* **Naming and requests.** ``called climate change a hoax`` reports the whole
  predication; ``urged Congress to act`` the addressee and the request.
* **Nominal content.** For the verbs the lexicon lists, what was said may be a
  noun phrase: the object (``announced a new tax plan``) or the object of a
  listed preposition (``called for a ban on imports``, ``accused him of
  lying``), including public stances (``rejected the request``, ``likened the
  deal to a blank check``; a physical ``attacked`` or ``defended`` is not
  speech). In the passive the agent speaks and the subject is the content
  (``The plan was criticized by Democrats``). People, organisations, dates
  and speech nouns are never content (``criticized Clinton``, ``answered
  questions``), nor are the terms of speaking (``speaking on condition of
  anonymity``, ``asked not to be named``).
* **Stances.** Praise and blame report the person with the reason or the
  predicate (``thanked Trump on Twitter for backing the bill``, ``attacked her
  opponent as a fraud``), never the person alone (``praised the governor``);
  ``laid out``, ``promoted`` report their object only when it names a position
  (``laid out her proposals``, not ``laid out $5 million``); a topic runs on
  over ``, and how ...`` and ``, especially in ...``; a dash, or a relative
  clause on a person or place, ends a nominal content.
* **Frames the parser bends.** ``on`` read as a particle still gives the
  addressee (``called on police to act``); a naming predicate keeps the phrase
  after it but not the setting (``called him a master at closing deals``), and
  in the passive the agent speaks (``was called a fraud by critics``); a gerund
  object counts (``called for releasing the videos``, ``admitted using
  funds``), as does a gerund coordinated with it (``mentioned raising taxes and
  cutting fees``); ``point to`` takes its object; a request stops at a dash; and
  a noun phrase runs on over a sentence break the parser made mid-line.
* **Mixed quotes.** A reported clause that holds quotation marks (``He said
  the “historic decision” was necessary``) is not returned as a separate
  ``INDIRECT`` quote: the quoted fragment stays a ``PARTIAL`` quote and
  carries the whole clause as its ``reported`` span, with the clause's cue and
  speaker. The exact words are the quote; the clause around them is their
  context, so the same statement is never counted twice.
"""

from __future__ import annotations

import attrs
from spacy.tokens import Doc, Span, Token

from .lexicons import Lexicon
from .marks import SINGLE_MARKS, closing_width, opening_width
from .model import Quote, QuoteKind, TextSpan

__all__ = ["content_span", "headline_report", "is_added_report", "report_speech"]

_HYPOTHETICAL = frozenset({"would", "could", "might", "may", "should", "will", "can", "must"})
_EVIDENTIAL = frozenset({"find", "show", "indicate", "suggest", "reveal", "estimate", "project"})
_CONTENT_DEPS = ("ccomp",)
_PARENTHETICAL_VERBS = frozenset(
    {"say", "tell", "add", "note", "write", "report", "explain", "argue", "insist", "claim", "state", "warn"}
)
_AS_VERBS = frozenset({"put", "say", "note", "write", "report", "state", "describe", "point", "explain", "tell"})
_REQUEST_VERBS = frozenset(
    {"urge", "vow", "promise", "pledge", "ask", "threaten", "demand", "warn", "offer", "agree", "propose", "call"}
    | {"plead", "beg", "implore", "advise", "tell", "encourage", "invite", "challenge", "dare", "swear"}
)
_MARKERS = frozenset({"that", "whether", "if"})
_HEADLINE_TOKENS = 30
_HEADLINE_SOURCE_WORDS = 6
_HEADLINE_SAYS = frozenset({"says", "say", "said"})
_HEADLINE_LABELS = frozenset(
    {"the latest", "latest", "update", "breaking", "live", "analysis", "opinion", "exclusive", "watch", "video"}
    | {"explainer", "factbox", "fact check", "editorial", "review", "full text", "transcript", "read", "timeline"}
)
_HEADLINE_SOURCE_NOUNS = frozenset({"poll", "polls", "survey", "study", "report", "sources", "officials", "experts"})
_EXAMPLE_PREPOSITIONS = frozenset({"including", "like", "notably", "especially"})
_FOCUSING_ADVERBS = frozenset({"particularly", "especially", "notably", "specifically", "mainly", "chiefly"})
_IDENTIFYING_RELATIVES = frozenset({"who", "whom", "whose", "where"})
_TOPIC_QUESTIONS = frozenset({"how", "why", "what", "whether", "where", "when", "who"})
_DATELINE_TOKENS = 12
_DATELINE_DASHES = frozenset({"—", "–", "--", "-", "―"})
_ANONYMITY_VERBS = frozenset({"name", "identify", "quote", "cite"})
_SETTING_PREPOSITIONS = frozenset({"at", "during", "in", "on", "via", "through", "with", "before", "after", "to"})
_SETTING_ENTITIES = frozenset({"DATE", "TIME", "GPE", "LOC", "FAC", "EVENT"})
_DECLINING_VERBS = frozenset({"refuse", "decline", "fail", "avoid", "hesitate", "neglect"})
_NAMING_VERBS = frozenset(
    {"call", "label", "brand", "describe", "characterize", "characterise", "dub", "term", "deem", "cite", "portray"}
)
# Verbs whose object may itself be words said: "cited derogatory comments Trump had made".
_QUOTING_VERBS = frozenset({"cite", "note", "mention", "reference", "repeat", "echo", "quote", "recall"})
_ATTRIBUTION_BREAKS = frozenset({",", "—", "–", "--", ";"})
_ASIDE_DASHES = frozenset({"—", "–", "--", "―"})
_NOT_CONTENT_ENTITIES = frozenset({"DATE", "TIME", "PERSON", "ORG", "GPE", "NORP", "CARDINAL", "ORDINAL"})
_EMPTY_NOUNS = frozenset({"way", "thing", "things", "something", "anything", "nothing", "everything", "lot", "time"})
_QUOTE_CHARS = "“”\"'‘’«»„"


def _trim(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """Token bounds without leading markers or dateline and surrounding punctuation or quotation marks."""
    start = _after_dateline(doc, start, end)
    while start < end and (doc[start].is_punct or _is_marker(doc[start]) or doc[start].is_space):
        start += 1
    while end > start and (doc[end - 1].is_punct or doc[end - 1].is_space or doc[end - 1].text in _QUOTE_CHARS):
        end -= 1
    return start, end


def _is_marker(tok: Token) -> bool:
    """A word that opens a reported clause (``that``, ``whether``), not ``that`` the determiner (``that claim``)."""
    return tok.lower_ in _MARKERS and not (tok.pos_ == "DET" and tok.dep_ == "det")


def _after_dateline(doc: Doc, start: int, end: int) -> int:
    """``start`` moved past a dateline (``JERUSALEM (AP) —``, ``KYIV, Nov 29 (Reuters) -``), if one opens there."""
    i, capitals = start, 0
    while i < min(end, start + _DATELINE_TOKENS):
        tok = doc[i]
        if tok.text in _DATELINE_DASHES:
            return i + 1 if capitals else start
        if tok.is_alpha and tok.is_upper and len(tok.text) > 1:
            capitals += 1
        elif not (tok.is_punct or tok.like_num or tok.is_space or (tok.is_title and capitals) or tok.text == "."):
            return start
        i += 1
    return start


def content_span(verb: Token, lexicon: Lexicon | None = None) -> Span | None:
    """The reported content of a reporting verb or speech noun, or None.

    Args:
        verb: The cue: a reporting verb, ``according`` (of ``according to``) or a speech noun.
        lexicon: Enables nominal content (``announced a new tax plan``, ``called for a ban``) for the verbs the
            lexicon lists; without it only clauses count.

    Example:
        >>> import spacy
        >>> from spacy.tokens import Doc
        >>> nlp = spacy.blank("en")
        >>> words = ["He", "said", "that", "troops", "would", "leave", "."]
        >>> doc = Doc(nlp.vocab, words=words, heads=[1, 1, 5, 5, 5, 1, 1],
        ...           deps=["nsubj", "ROOT", "mark", "nsubj", "aux", "ccomp", "punct"])
        >>> content_span(doc[1]).text
        'troops would leave'
    """
    doc = verb.doc
    sent = verb.sent
    if verb.lower_ == "according":
        phrase = list(verb.subtree)
        first, last = phrase[0].i, phrase[-1].i
        before = _trim(doc, sent.start, first)
        after = _trim(doc, last + 1, sent.end)
        start, end = max((before, after), key=lambda b: b[1] - b[0])
        return doc[start:end] if end - start >= 2 else None
    if verb.pos_ in ("NOUN", "PROPN"):
        clauses = [
            c for c in verb.children if c.dep_ in ("acl", "ccomp") and any(m.lower_ == "that" for m in c.children)
        ]
        return _clause_content(verb, max(clauses, key=lambda c: len(list(c.subtree))), lexicon) if clauses else None
    clauses = [c for c in verb.children if c.dep_ in _CONTENT_DEPS or _misparsed_complement(verb, c)]
    if clauses:
        # "X set off fireworks: Republicans said they are convinced ...": what follows the verb is what was said.
        following = [c for c in clauses if c.i > verb.i]
        main = min(following, key=lambda c: c.i) if following else max(clauses, key=lambda c: len(list(c.subtree)))
        content = _clause_content(verb, main, lexicon)
        later = [c for c in following if c.i > main.i and c.dep_ == "ccomp"]
        if content is not None and later and main.i > verb.i:
            # "said her plans will solve ... — the cost of childcare, mounting student debt and unpaid leave": the
            # parser split one content into two clauses of the verb.
            tail = _clause_content(verb, later[-1], lexicon)
            if tail is not None and tail.end > content.end:
                return doc[content.start : tail.end]
        return content
    around = _parenthetical_content(verb)
    if around is not None:
        return around
    stranded = _stranded_clause(verb)
    if stranded is not None:
        return stranded
    if verb.lemma_.lower() in _REQUEST_VERBS:
        requests = [c for c in verb.children if c.dep_ == "xcomp"]
        if requests:
            return _request_content(verb, requests[0])
    if verb.lemma_.lower() in _NAMING_VERBS:
        named = _naming_content(verb, lexicon)
        if named is not None:
            return named
    if lexicon is not None:
        return _nominal_content(verb, lexicon)
    return None


def _misparsed_complement(verb: Token, clause: Token) -> bool:
    """A complement clause the parser took for an adverbial one: ``said after the convention he would not run``.

    A real adverbial clause opens with its own conjunction (``when``, ``because``, ``after he left``); one with a
    subject and no conjunction, right after the reporting verb, is what was said.
    """
    if clause.dep_ != "advcl" or clause.i < verb.i or clause.pos_ not in ("VERB", "AUX"):
        return False
    if any(c.dep_ in ("mark", "advmod") and c.i < clause.i for c in clause.children):
        return False
    subjects = [c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass", "expl")]
    return bool(subjects) and not any(t.text == "," for t in verb.doc[verb.i + 1 : subjects[0].i])


def _stranded_clause(verb: Token) -> Span | None:
    """A *that* clause the parser hung on the word before it: ``told analysts on a call that sales would fall``.

    Read as a relative clause of *call*, but *that* opens a clause with a subject of its own right after the
    reporting verb's last phrase: what was said.
    """
    doc = verb.doc
    for aside in verb.children:
        # "cautioned, as did the campaign itself, that ...": the parser hangs the content on the aside.
        if aside.dep_ == "advcl" and aside.i > verb.i and any(m.lower_ == "as" for m in aside.children):
            for clause in aside.children:
                if clause.i > aside.i and any(m.dep_ == "mark" and _is_marker(m) for m in clause.children):
                    start, end = _trim(doc, clause.left_edge.i, clause.right_edge.i + 1)
                    return doc[start:end] if end - start >= 2 else None
    for prep in verb.children:
        if prep.dep_ != "prep" or prep.i < verb.i:
            continue
        for noun in prep.children:
            for clause in noun.children:
                first = doc[clause.left_edge.i]
                if clause.dep_ != "relcl" or first.lower_ != "that":
                    continue
                phrase_end = max(t.i for t in noun.subtree if t.i < first.i)
                if first.i != phrase_end + 1:
                    continue
                if any(c.dep_ in ("nsubj", "nsubjpass") and c.i > first.i for c in clause.children):
                    start, end = _trim(doc, first.i + 1, clause.right_edge.i + 1)
                    return doc[start:end] if end - start >= 2 else None
    return None


def _request_content(verb: Token, request: Token) -> Span | None:
    """``urged Congress to act``, ``called on Republicans to withdraw``: the addressee and the request."""
    doc = verb.doc
    if request.lemma_.lower() in _ANONYMITY_VERBS and any(c.dep_ == "auxpass" for c in request.children):
        return None  # "who asked not to be named": the terms of speaking, not something said
    start = request.left_edge.i
    for child in verb.children:
        if not (verb.i < child.i < request.i):
            continue
        if child.dep_ == "dobj":
            start = min(start, child.left_edge.i)
        elif child.dep_ in ("prep", "prt") and child.lower_ in ("for", "on", "upon"):
            # "called on Republicans to withdraw": the parser may read "on" as a particle, the addressee still under it
            objects = [o for o in child.children if o.dep_ == "pobj"]
            start = min([start, *(o.left_edge.i for o in objects)])
    end = request.right_edge.i + 1
    # "to retaliate against Russia -- meddling the congressman said is designed to ...": what follows a dash is
    # the writer's aside on the request.
    end = next((t.i for t in doc[request.i + 1 : end] if t.text in _ASIDE_DASHES and t.head.i == request.i), end)
    start, end = _trim(doc, start, end)
    return doc[start:end] if end - start >= 2 else None


def _naming_content(verb: Token, lexicon: Lexicon | None = None) -> Span | None:
    """``called climate change a hoax``, ``described the strikes as proportionate``: the whole predication.

    With the lexicon, a phrase the parser hung on the verb after the predicate belongs to it (``called him a
    master at closing deals``), unless it says where or when (``called it a hoax at a rally``).
    """
    doc = verb.doc
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    predicates = [
        c for c in verb.children if c.dep_ in ("oprd", "ccomp", "xcomp") or (c.dep_ == "prep" and c.lower_ == "as")
    ]
    if objects and not predicates:
        # The parser often hangs the predicate on the object: "called [climate change [a hoax]]".
        predicates = [c for c in objects[0].rights if c.dep_ in ("dobj", "oprd", "attr")]
    if not objects and predicates and any(c.dep_ == "agent" for c in verb.children):
        # "Oz has been called a charlatan by fellow physicians": the agent speaks; what they called him is the
        # predicate alone, the subject stands before the verb.
        first = predicates[0]
        if first.i < verb.i or first.dep_ not in ("oprd", "prep") or first.right_edge.i > _agent(verb).i:
            return None
        start, end = _trim(doc, first.i + 1 if first.dep_ == "prep" else first.left_edge.i, first.right_edge.i + 1)
        return doc[start:end] if sum(not t.is_punct for t in doc[start:end]) >= 2 else None
    if not objects or not predicates or predicates[-1].i < objects[0].i:
        return None
    end = predicates[-1].right_edge.i + 1
    if lexicon is not None:
        # "called her a liar at a news conference": the setting may hang on the predicate, and still is not content
        settings = [c.i for c in predicates[-1].rights if c.dep_ == "prep" and _is_setting(c, lexicon)]
        end = min([end, *settings]) if settings else _continued(verb, end, lexicon)
    start, end = _trim(doc, objects[0].left_edge.i, end)
    return doc[start:end] if end - start >= 3 else None


def _agent(verb: Token) -> Token:
    return next(c for c in verb.children if c.dep_ == "agent")


def headline_report(doc: Doc, *, text: str | None = None) -> tuple[Span, Span, Token] | None:
    """The source, content and cue of a headline that reports speech, or None.

    News headlines drop the verb or invert the order: ``Poll: Clinton and Trump in dead heat``, ``Pence: Flowers
    won't be at debate``, ``Obama Says Museum Will Tell of 'Suffering and Delight'``, ``Clinton Hid Health
    Problems, Former White House Doctor Says``. Only the document's first line counts, and only when an article
    follows it; title case defeats the parser there, so the rules read the words. ``text`` is ``doc.text``
    when the caller has it (spaCy rebuilds it on every access).
    """
    text = doc.text if text is None else text
    line_end = text.find("\n")
    if line_end <= 0 or not text[line_end:].strip():
        return None
    line = doc.char_span(0, line_end, alignment_mode="contract")
    if line is None or not 3 <= len(line) <= _HEADLINE_TOKENS:
        return None
    words = [t for t in line if not t.is_space]
    colon = next((t for t in words if t.text == ":"), None)
    if colon is not None:
        source = doc[line.start : colon.i]
        content = doc[colon.i + 1 : line.end]
        if _headline_source(source):
            return _trimmed(source), _trimmed(content), colon
        return None
    says = next((t for t in words if t.lower_ in _HEADLINE_SAYS), None)
    if says is None:
        return None
    before = doc[line.start : says.i]
    after = doc[says.i + 1 : line.end]
    comma = next((t for t in reversed(list(before)) if t.text == ","), None)
    if comma is not None and not any(not t.is_punct for t in after):
        # "Clinton Hid Health Problems, Former White House Doctor Says."
        source = doc[comma.i + 1 : says.i]
        if _headline_source(source):
            return _trimmed(source), _trimmed(doc[line.start : comma.i]), says
        return None
    if comma is None and _headline_source(before):
        return _trimmed(before), _trimmed(after), says
    return None


def _headline_source(span: Span) -> bool:
    words = [t for t in span if not t.is_punct and not t.is_space]
    if not 1 <= len(words) <= _HEADLINE_SOURCE_WORDS:
        return False
    if span.text.strip().lower() in _HEADLINE_LABELS:
        return False
    # Title case makes every word a proper noun to the tagger; a source must be a name the recogniser knows.
    named = any(t.ent_type_ in ("PERSON", "ORG", "NORP", "GPE") for t in words)
    return named or words[-1].lower_ in _HEADLINE_SOURCE_NOUNS


def _trimmed(span: Span) -> Span:
    start, end = _trim(span.doc, span.start, span.end)
    return span.doc[start:end]


def _attribution_start(verb: Token) -> int:
    """The first token of the attribution around ``verb`` (its subject, or the verb in ``said Hoffman``)."""
    subjects = [c.left_edge.i for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    return min([*subjects, verb.i])


def _clause_content(verb: Token, clause: Token, lexicon: Lexicon | None = None) -> Span | None:
    doc = verb.doc
    sent = verb.sent
    start, end = clause.left_edge.i, clause.right_edge.i + 1
    if clause.dep_ == "advcl":
        # A misparsed complement starts at its subject: "after the convention" is when it was said.
        start = min(c.left_edge.i for c in clause.children if c.dep_ in ("nsubj", "nsubjpass", "expl"))
    markers = [c.i for c in clause.children if c.dep_ == "mark" and _is_marker(c) and start < c.i]
    if markers and clause.i > verb.i:
        # "cautioned, as did the campaign itself, that ...": what comes before "that" interrupts the report.
        start = markers[0]
    if lexicon is not None:
        for conjunct in clause.children:
            # "She said fathers would not be eligible, and when pressed, the mother of three replied, “...”": a
            # coordinated report with its own speaker is a new turn, not more of what she said.
            reporting = conjunct.dep_ == "conj" and conjunct.lemma_.lower() in lexicon.speech_verbs
            if reporting and conjunct.i > clause.i and any(c.dep_ in ("nsubj", "nsubjpass") for c in conjunct.children):
                end = min(end, conjunct.left_edge.i)
        for tok in doc[clause.i + 1 : end]:
            # "told the audience that she wants X, saying that Y": the participle reports something more, with
            # its own content; the parser hangs it inside the first clause.
            if is_added_report(tok, lexicon) and tok.left_edge.i > clause.i:
                end = min(end, tok.left_edge.i - 1)
    if clause.i < verb.i:
        # "..., Hoffman said": everything before the attribution, not just the clause the parser hung on it.
        attribution = _attribution_start(verb)
        if attribution > sent.start and doc[attribution - 1].text in _ATTRIBUTION_BREAKS:
            start, end = sent.start, attribution
        start = max(start, sent.start)
        end = min(end, attribution)
    else:
        # "says it would depress revenue ..., but would eventually add ...": the parser hangs the second half of
        # the content on the reporting verb; a subjectless, modal conjunct is still what was said.
        for conjunct in verb.children:
            if conjunct.dep_ == "conj" and conjunct.i > end and _continues_content(conjunct):
                end = max(end, conjunct.right_edge.i + 1)
    if verb.lemma_.lower() == "make" and doc[start].lower_ in ("clear", "plain"):
        start += 1  # "made clear that ...": the parser heads the content with "clear"
    start, end = _trim(doc, start, end)
    if end - start < 2:
        return None
    return doc[start:end]


def is_added_report(tok: Token, lexicon: Lexicon) -> bool:
    """A speech participle after a comma (``..., saying that ...``, ``..., citing ...``): one more report.

    The parser often hangs it on the verb of the content before it; its speaker is the reporting verb's.
    """
    return (
        tok.dep_ == "advcl"
        and tok.tag_ == "VBG"
        and tok.lemma_.lower() in lexicon.speech_verbs
        and tok.left_edge.i > 0
        and tok.doc[tok.left_edge.i - 1].text == ","
    )


def _continues_content(conjunct: Token) -> bool:
    """A clause the parser coordinated with the reporting verb that is still part of what was said.

    ``says it would depress revenue, but would eventually add ...``: a modal verb with no subject of its own.
    """
    if any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in conjunct.children):
        return False  # "said X, and Chaffetz declined": may be the writer's own narration
    return any(c.dep_ == "aux" and c.lower_ in _HYPOTHETICAL for c in conjunct.children)


def _nominal_content(verb: Token, lexicon: Lexicon) -> Span | None:
    """What was said as a noun phrase: ``announced a new tax plan``, ``called for a ban on imports``."""
    doc = verb.doc
    lemma = verb.lemma_.lower()
    candidates: list[Token] = []
    if lemma in lexicon.object_content_verbs:
        candidates += [c for c in verb.children if c.dep_ == "dobj"]
        # "proposed cutting the rate", "cited improving services as a priority": the parser makes a gerund object
        # an open complement.
        candidates += [c for c in verb.children if c.dep_ == "xcomp" and c.tag_ == "VBG" and c.i > verb.i]
        if any(c.dep_ == "agent" for c in verb.children):
            candidates += [c for c in verb.children if c.dep_ == "nsubjpass"]  # "The plan was criticized by ..."
    candidates = _stance_candidates(verb, candidates, lexicon)
    preps = lexicon.content_prepositions.get(lemma, ())
    for prep in verb.children:
        if prep.dep_ == "prep" and prep.lower_ in preps and not _is_setting(prep, lexicon):
            candidates += [o for o in prep.children if o.dep_ in ("pobj", "pcomp")]
    for head in candidates:
        if not _is_content_noun(head, lexicon, quoting=lemma in _QUOTING_VERBS):
            continue
        start, end = head.left_edge.i, head.right_edge.i + 1
        if head.dep_ != "dobj":
            # "accused Cruz of associating with Oswald": the object is part of the accusation.
            objects = [c for c in verb.children if c.dep_ == "dobj" and c.i < head.i]
            # "called Friday for releasing the videos": the parser's object is the date it was said
            start = min([start, *(c.left_edge.i for c in objects if c.ent_type_ not in ("DATE", "TIME"))])
        if head.dep_ != "nsubjpass":  # the passive subject ends before the verb: nothing to continue
            end = _stance_end(verb, head, _continued(verb, end, lexicon))
        start, end = _trim(doc, start, end)
        if sum(not t.is_punct for t in doc[start:end]) >= 2:
            return doc[start:end]
    return None


def _stance_candidates(verb: Token, candidates: list[Token], lexicon: Lexicon) -> list[Token]:
    """``candidates`` without a bare person, and with a proposal or stand the verb presents in public.

    ``praised the governor`` says whom, not what: a person is content only with the reason (``praised the
    governor for his handling of the storm``) or a predicate (``attacked her opponent as a fraud``). ``laid out
    her proposals``, ``is promoting her plans``: verbs that present much that is not speech (``laid out $5
    million``, ``promoted a new phone``) report their object only when it names a position.
    """
    people = lexicon.titles | lexicon.unnamed_heads | lexicon.person_descriptions.keys()
    kept = [
        c
        for c in candidates
        if not (
            c.dep_ == "dobj"
            and c.lemma_.lower() in people
            and not any(m.dep_ in ("prep", "relcl", "acl", "conj") for m in c.children)
        )
    ]
    lemma = verb.lemma_.lower()
    particles = (f"{lemma} {c.lower_}" for c in verb.children if c.dep_ == "prt")
    if lemma in lexicon.position_verbs or any(p in lexicon.position_verbs for p in particles):
        kept += [c for c in verb.children if c.dep_ == "dobj" and c.lemma_.lower() in lexicon.position_nouns]
    return kept


def _stance_end(verb: Token, head: Token, end: int) -> int:
    """``end`` of a nominal content, without the writer's asides and with the rest of a topic.

    ``thanked him for backing his priority - delaying the handover``: what follows a dash is the writer's aside,
    and so is a relative clause after a comma that identifies a person or a place (``..., who has never run``).
    ``spoke of the legacy of racism, and how the fight flowed ...`` and ``speaks about racial issues, particularly
    in the context of ...``: a coordinated question clause and a focused phrase are still the topic.
    """
    doc = verb.doc
    for tok in doc[head.i + 1 : end]:
        spaced_hyphen = tok.text == "-" and bool(tok.whitespace_ and doc[tok.i - 1].whitespace_)
        aside = tok.text in _ASIDE_DASHES or spaced_hyphen
        relative = (
            tok.dep_ == "relcl"
            and doc[tok.left_edge.i - 1].text == ","
            and doc[tok.left_edge.i].lower_ in _IDENTIFYING_RELATIVES
        )
        if aside or relative:
            end = tok.i if aside else tok.left_edge.i - 1
            break
    else:
        for child in verb.rights:
            if child.i < end:
                continue
            if child.is_punct or child.dep_ == "cc":
                continue
            if child.dep_ == "conj" and doc[child.left_edge.i].lower_ in _TOPIC_QUESTIONS:
                end = child.right_edge.i + 1  # "spoke of X and how Y": one more thing spoken of
            elif child.dep_ == "prep" and doc[child.left_edge.i].lower_ in _FOCUSING_ADVERBS:
                end = child.right_edge.i + 1  # "..., particularly in the context of Y"
            else:
                break
    return end


def _is_setting(prep: Token, lexicon: Lexicon) -> bool:
    """A prepositional phrase that says where, when or through what something was said."""
    if prep.lower_ not in _SETTING_PREPOSITIONS:
        return False
    objects = [o for o in prep.children if o.dep_ == "pobj"]
    return any(
        o.ent_type_ in _SETTING_ENTITIES
        or o.lemma_.lower() in lexicon.setting_nouns
        or o.lemma_.lower() in lexicon.speech_nouns
        or o.lemma_.lower() in lexicon.cue_nouns
        or o.lower_ in lexicon.media_words
        for o in objects
    )


def _continued(verb: Token, end: int, lexicon: Lexicon) -> int:
    """``end`` moved over the verb's later complements the parser took from the content noun.

    ``cited her work after the attacks and her position on leave``: the conjunct and the modifiers hang on the
    verb, but belong to what was cited. Time expressions, adverbial clauses and conjoined verbs end the content.
    """
    rights = list(verb.rights)
    for n, child in enumerate(rights):
        if child.i < end:
            continue
        following = rights[n + 1] if n + 1 < len(rights) else None
        if child.text == "," and following is not None and following.lower_ in _EXAMPLE_PREPOSITIONS:
            continue  # "condemned Russia's invasion of Ukraine, including its annexation of Crimea"
        if (
            child.dep_ == "cc"
            and following is not None
            and following.dep_ == "conj"
            and _gerund_conjunct(following, lexicon)
        ):
            continue
        if child.is_punct or child.dep_ in ("advcl", "npadvmod", "advmod", "cc", "mark", "ccomp", "xcomp"):
            break
        if child.dep_ == "conj" and child.pos_ in ("VERB", "AUX") and not _gerund_conjunct(child, lexicon):
            break
        if child.ent_type_ in ("DATE", "TIME") or any(t.ent_type_ in ("DATE", "TIME") for t in child.children):
            break
        if child.dep_ == "prep" and _is_setting(child, lexicon):
            break  # "at a rally", "in an interview", "in Ohio": where or when it was said, not what
        end = child.right_edge.i + 1
    return _split_sentence_end(verb, end)


def _gerund_conjunct(conjunct: Token, lexicon: Lexicon) -> bool:
    """``mentioned refinancing student loans and forcing universities to spend more``: a second thing mentioned.

    A subjectless gerund the parser coordinated with a verb of another form continues a list of actions; a
    finite verb (``and said``), a gerund beside a gerund (``touting X and saying Y``) or a reporting gerund is
    a new event.
    """
    if conjunct.tag_ != "VBG" or conjunct.head.tag_ == "VBG" or conjunct.lemma_.lower() in lexicon.speech_verbs:
        return False
    return not any(c.dep_ in ("nsubj", "nsubjpass", "aux") for c in conjunct.children)


def _split_sentence_end(verb: Token, end: int) -> int:
    """``end`` moved to the end of the next sentence when the parser broke the sentence right after the content.

    ``cited disparaging remarks | Trump had made about her as examples of ...``: a sentence that stops without
    punctuation in the middle of a line was cut short; the rest of the line is still what was cited.
    """
    doc = verb.doc
    sent = verb.sent
    if end != sent.end or sent.end >= len(doc):
        return end
    last = doc[sent.end - 1]
    if last.is_punct or last.is_space or last.whitespace_ != " " or doc[sent.end].is_space:
        return end
    following = doc[sent.end].sent
    stop = following.end
    while stop > following.start and doc[stop - 1].is_space:
        stop -= 1
    if stop == following.start or not doc[stop - 1].is_punct or any(t.is_space for t in doc[following.start : stop]):
        return end
    return stop


def _is_content_noun(head: Token, lexicon: Lexicon, *, quoting: bool = False) -> bool:
    """Not a person, organisation or date (the target or time of the speech), nor a speech noun itself.

    A speech noun is content for a quoting verb (``cited the comments he had made``).
    """
    if head.pos_ in ("PRON", "PROPN") or head.ent_type_ in _NOT_CONTENT_ENTITIES:
        return False
    if any(c.dep_ in ("nsubj", "nsubjpass") for c in head.children):
        return False
    word = head.lemma_.lower()
    if word in _EMPTY_NOUNS:
        return False
    if head.pos_ == "VERB":
        return True  # a gerund is an action asked for or blamed ("called for releasing the videos"), not a speech noun
    return quoting or (word not in lexicon.speech_nouns and word not in lexicon.cue_nouns)


def _parenthetical_content(verb: Token) -> Span | None:
    """The sentence around a parenthetical or trailing cue (``The truth, the senator said, was ...``).

    ``As X put it, ...`` gives the main clause.
    """
    doc = verb.doc
    sent = verb.sent
    cue_tokens = sorted(t.i for t in verb.subtree if not (t.is_punct and t.head.i == verb.i))
    first, last = cue_tokens[0], cue_tokens[-1]
    marked_as = verb.lemma_.lower() in _AS_VERBS and any(c.dep_ == "mark" and c.lower_ == "as" for c in verb.children)
    if not marked_as and (last - first > 6 or verb.lemma_.lower() not in _PARENTHETICAL_VERBS):
        return None
    before_comma = first > sent.start and doc[first - 1].text in _ATTRIBUTION_BREAKS
    after_comma = last + 1 >= sent.end or doc[last + 1].text in (",", ".", ";", "!") or doc[last + 1].is_space
    if not (
        marked_as or (verb.dep_ in ("parataxis", "ccomp", "advcl", "conj", "ROOT") and before_comma and after_comma)
    ):
        return None
    if verb.head.i != verb.i and sent.start <= verb.head.i < sent.end and first <= verb.head.i <= last:
        return None
    left = _trim(doc, sent.start, first)
    right = _trim(doc, last + 1, sent.end)
    if left[1] - left[0] >= 2 and right[1] - right[0] >= 2 and not marked_as:
        # The cue sits inside the content: the whole sentence (spans are contiguous, so the cue stays in).
        start, end = _trim(doc, sent.start, sent.end)
        return doc[start:end]
    start, end = max((left, right), key=lambda b: b[1] - b[0])
    return doc[start:end] if end - start >= 3 else None


def _reports(verb: Token, lexicon: Lexicon) -> bool:
    """True when the verb reports speech here (not negated, questioned or hypothetical)."""
    lemma = verb.lemma_.lower()
    if verb.lower_ == "according":
        return True
    if lemma in lexicon.cognition_verbs and lemma not in _EVIDENTIAL:
        return False
    if any(c.dep_ == "neg" for c in verb.children):
        return False
    if verb.dep_ == "xcomp" and verb.head.lemma_.lower() in _DECLINING_VERBS:
        return False  # "refused to discuss the appointees" reports nothing
    if any(c.dep_ == "aux" and c.lower_ in _HYPOTHETICAL for c in verb.children):
        return False
    sent_text = verb.sent.text.rstrip(" \n\"”’'")
    return not sent_text.endswith("?")


def report_speech(
    doc: Doc,
    cues: list[tuple[Token, Quote, Span | None]],
    quotes: list[Quote],
    lexicon: Lexicon,
    *,
    text: str | None = None,
) -> list[Quote]:
    """``quotes`` with the reported speech of ``cues`` added.

    Args:
        doc: The parsed document.
        cues: (cue token, a template quote carrying speaker, mention, cue and channel, the content when the cue
            already knows it) triples.
        quotes: The document's quotes in quotation marks, attributed.
        lexicon: The language's lexicon.
        text: ``doc.text``, when the caller has it.

    Returns:
        The quotes, each quoted fragment of a reported clause with that clause as its ``reported`` span and the
        clause's speaker and cue, followed by one ``INDIRECT`` quote per reported clause without double quotation
        marks. A content that overlaps an earlier one by more than half is kept once (the first cue
        wins).
    """
    text = doc.text if text is None else text
    # Single quotation marks inside a reported clause are the headline and nested style (``Christie calls Clinton
    # ‘a disgrace’``): the clause is still reported speech, with the fragment inside it. Double marks make the
    # fragment the quote and the clause its context.
    # A direct quote in single marks is a quote all the same (British style: 'This is a budget,' she said).
    marked = [
        q
        for q in quotes
        if q.kind is not QuoteKind.INDIRECT and (q.kind is QuoteKind.DIRECT or not _single_marked(q, text))
    ]
    # Quotation marks included, so that a clause that ends on a closing mark still counts as holding a quote.
    marked_ranges = [
        (
            max(0, q.start - opening_width(text, q.start)),
            q.end + closing_width(text, q.end),
        )
        for q in marked
    ]
    found: list[Quote] = []
    mixed: list[Quote] = []
    taken: list[tuple[int, int]] = []
    for verb, template, known in cues:
        if known is None and not _reports(verb, lexicon):
            continue
        span = known if known is not None else content_span(verb, lexicon)
        if span is None:
            continue
        start, end = span.start_char, span.end_char
        if any(min(end, e) - max(start, s) > 0.5 * (end - start) for s, e in taken):
            continue
        taken.append((start, end))
        # Quoted words right where the parser cut the clause off ("had taken “...”") belong to it.
        cut_off = [q.end for q in marked if end <= q.start <= end + 3 and not text[end : q.start].strip(_QUOTE_CHARS)]
        if cut_off:
            end = max(cut_off)
        for inner in quotes:
            if start <= inner.start < end and len(inner.marks) > 1 and _single_marked(inner, text):
                end = max(end, inner.end + 1)  # keep the closing mark of "as a ‘disgrace’"
        clause = attrs.evolve(template, id=f"i{start}", text=text[start:end], start=start, end=end, marks="")
        if cut_off or any(s < end and start < e for s, e in marked_ranges):
            mixed.append(clause)
        else:
            found.append(clause)
    return [_in_reported_clause(q, mixed + found, text) for q in quotes] + found


def _single_marked(quote: Quote, text: str) -> bool:
    """True for a quote in single quotation marks (‘...’ or '...'), not in typewriter double ones (''...'')."""
    return bool(quote.marks) and quote.marks[0] in SINGLE_MARKS and opening_width(text, quote.start) == 1


def _in_reported_clause(quote: Quote, clauses: list[Quote], text: str) -> Quote:
    """A quoted fragment inside a reported clause, linked to it; other quotes as they are."""
    if quote.kind not in (QuoteKind.PARTIAL, QuoteKind.DIRECT, QuoteKind.SCARE):
        return quote
    # The clause may stop short of the fragment's closing punctuation ("... in self-defense.”").
    around = [c for c in clauses if c.start <= quote.start < c.end and quote.end <= c.end + 2]
    if not around:
        return quote
    clause = min(around, key=lambda c: c.end - c.start)
    linked = attrs.evolve(quote, reported=TextSpan.of(text, clause.start, clause.end))
    if quote.kind is QuoteKind.SCARE:
        # Marked words inside what someone is reported to have said are that person's words, not the writer's.
        linked = attrs.evolve(linked, kind=QuoteKind.PARTIAL, speaker=None)
    if linked.speaker is None or clause.speaker is not None:
        linked = linked.attributed_like(clause)  # the verb that governs the clause is the fragment's own cue
    return linked
