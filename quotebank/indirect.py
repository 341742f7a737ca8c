"""Reported (indirect) speech: what was said, without quotation marks.

A cue event (see :mod:`quotebank.attribute`) reports speech when its verb or noun takes content; the content
becomes a ``Quote(kind=INDIRECT)`` with the cue's speaker, role and channel. The rules, all read from the
dependency parse and the lexicon:

* **Clauses.** The complement clause of a reporting verb (``said that ...``, ``clarified to reporters that ...``;
  a leading ``that``/``whether`` is left out), the clause before a trailing attribution (``..., Hoffman said in
  an emailed statement.``), the rest of the sentence around ``according to X``. A dateline (``JERUSALEM (AP) —``)
  is cut off. The parser's slips are mended: a clause it split in two is kept whole; a ``that``-clause it hung on
  the noun before it (``told analysts on an earnings call that ...``) or on an aside (``warned, as did the White
  House, that ...``) is found; with two clauses the first is the content; a clause it took for an adverbial one
  (``said after the convention he would not run``) still counts, and so do an object it took from a subjectless
  clause (``has said single people and families - gay, straight - would qualify``), a ``because`` clause or an
  inverted condition (``should the bank raise rates``) it hung on the verb right after the content, and a
  fronted ``If`` or present-tense ``When`` clause before a past reporting verb (``When she hires, she said she
  ensures ...``). A reporting verb in ``-s`` tagged as a noun
  heading the sentence after a name the article knows (``Trump charges that ...``) is a cue. A speech
  participle after a comma (``..., citing the port``) is a second report by the same speaker and ends the
  first, and so is a reporting verb coordinated into the content when the content's subject cannot be anyone
  else (``said it was opposed and warned Pyongyang to stop``). A clause the parser made the main one after the
  content is still what was said (``pointed out that one shooting may have many victims, so thousands of
  victims do not ...``, ``... might evolve should she become president``), unless it is in the past, opens with
  ``and``/``but`` or reports itself; the content takes in a conjunct the parser hung on a verb above the report
  (a noun: ``emphasizing fairness, and a need to ...``; a bare verb after a stranded ``and``: ``promising to meet
  and in some cases exceed ...``; a subjectless finite verb right after it: ``showed the businessman lost
  $916 million``; the clause whose subject an object ending on ``and`` begins: ``showed the charity and its
  founder spent ...``), an example phrase (``, including ...``) and the phrase after a possessor it stops at; a
  clause content never ends on its conjunction.
* **Parenthetical and trailing cues.** Any reporting verb between commas with its speaker and no object of its
  own (``Most of the savings, she concedes, will ...``) gives the sentence, or the clause it interrupts, a
  fronted ``If`` clause included; a quote or a clause coordinated after the cue is not part of it. A trailing
  attribution that closes a paragraph covers the paragraph's earlier present-tense sentences that quote, report,
  date or name no one.
* **Speech nouns and headlines.** A speech or finding noun with an owner gives its ``that``-clause (``the
  judge's conclusion that ...``, ``a Post report that ...``, even when parsed as a relative clause, but not ``the
  claim that he made``) or its topic (``her comments on the closure``; a speech *on an anniversary* is its
  occasion). A headline source may be a name only the article's text recognises (``Sanders: ...``), come before
  a topic or addressee (``Obama on Climate Change: ...``), or precede a reporting verb the tagger took for a noun
  (``Sanders Vows To ...``, ``Lawmakers Rip X As A ‘Fraud’``, ``Study links X to Y``). A label before the colon is
  passed over (``The Latest: Trump urges ...``); clauses ``;`` joins report apart, each verb within its own
  (``Kyiv says ...; Moscow denies targeting civilians``); a speech participle after the main clause speaks for its
  subject (``xAI sues OpenAI, alleging theft of trade secrets``). A record no one is named as owning is its own
  source (``The lawsuit alleges``, ``According to the complaint``), not the name before it.
* **Nominal content.** For the verbs the lexicon lists, what was said may be a noun phrase: the object
  (``announced a new tax plan``) or the object of a listed preposition (``called for a ban on imports``,
  ``accused him of lying``), including public stances (``rejected the request``, ``likened the deal to a blank
  check``; a physical ``attacked`` or ``defended`` is not speech). Verbs of a stand (``supports``, ``backed``,
  ``defended``, ``offered``, ``released``) report their object only when someone takes it and it names a position
  or claim (``supports the regulations``, ``offered no proof that ...``) or describes words said (``defended his
  tweets attacking her``), not ``backed the car``, ``offered a loan`` or a bare ``defended the remark``; ``linked
  X to Y`` reports both when a speaker joins them. In the passive the agent speaks and the subject is the
  content (``The plan was criticized by Democrats``). People, organisations, dates, titles and speech nouns are
  never content (``criticized Clinton``, ``mocked the prime minister``, ``answered questions``), nor are the terms
  of speaking (``speaking on condition of anonymity``, ``asked not to be named``). A gerund object counts
  (``called for releasing the videos``, ``admitted using funds``), as does a gerund coordinated with it
  (``mentioned raising taxes and cutting fees``) and a closing ``, but`` phrase (``called for deducting
  investments, but on a wider scale``); a noun phrase runs on over a sentence break the parser made mid-line
  and ends at a dash or at a relative clause on a person or place.
* **Stances.** Praise and blame report the person with the reason or the predicate (``thanked Trump on Twitter
  for backing the bill``, ``attacked her opponent as a fraud``), never the person alone (``praised the
  governor``); ``laid out``, ``promoted`` report their object only when it names a position (``laid out her
  proposals``, not ``laid out $5 million``); a topic runs on over ``, and how ...`` and ``, especially in ...``.
* **Naming.** ``called climate change a hoax`` reports the whole predication, with the phrase after the
  predicate but not the setting (``called him a master at closing deals``); in the passive the agent speaks
  (``was called a fraud by critics``).
* **Requests and questions.** ``urged Congress to act`` reports the addressee and the request, also when the
  parser reads ``on`` as a particle (``called on police to act``); a request stops at a dash. The object of a
  demand before a subjunctive clause is its subject (``demanding Obama make a pledge``); a bare infinitive the
  parser coordinated under the verb is a second request (``agreed to share a currency and rely on ...``), a
  finite verb is not (``agreed to step down and left``); a second ``that`` clause is more of the same report
  (``but that it would add ...``). A question put to the speaker (``Asked to describe the device, O'Neill
  said``) is reported with the asker, mostly unnamed, as its speaker; a conditional one (``If asked``) is not.
* **Evidential sources.** What a poll, study, video or record shows, finds, indicates or documents is reported
  (``a poll found that ...``, ``The poll indicates a tightening race``, ``video surfaced showing Clinton
  stumbling``), but only for a source the lexicon lists: ``Police found the car`` and ``She showed up late``
  report nothing.
* **Continued and unnamed reports.** A report goes on into the next sentence of its paragraph when that sentence
  has no cue of its own and opens with ``But``/``However`` in the reported tense (``But it would also ...``) or
  elides its verb (``Their bosses aren't.``); ``reportedly``/``allegedly`` make their clause an unnamed source's
  account (``after he allegedly took the cash``), with no speaker.
* **Precision over recall.** Cognition verbs (``think``, ``believe``, ``hope``) are not in the reporting lexicon
  and never count. A negated report (``did not say that``), a report inside a question, and a hypothetical one
  (``would say``, ``could claim``) are not attributions, nor is a declined one (``refused to discuss``).
* **Mixed quotes.** A reported clause that holds quotation marks (``He said the “historic decision” was
  necessary``) is not returned as a separate ``INDIRECT`` quote: the quoted fragment stays a ``PARTIAL`` quote
  and carries the whole clause as its ``reported`` span, with the clause's cue and speaker. The exact words are
  the quote; the clause around them is their context, so the same statement is never counted twice. Marks
  around a term after ``so-called`` or ``known as`` are no one's words: the clause stays ``INDIRECT``.
"""

from __future__ import annotations

import attrs
from spacy.tokens import Doc, Span, Token

from .lexicons import Lexicon
from .marks import SINGLE_MARKS, closing_width, opening_width
from .model import Quote, QuoteKind, TextSpan
from .roles import is_title_token

__all__ = [
    "content_span",
    "content_within",
    "continued_report",
    "headline_clauses",
    "headline_report",
    "headline_reports",
    "hearsay_reports",
    "is_added_report",
    "is_put_question",
    "report_speech",
]

_HYPOTHETICAL = frozenset({"would", "could", "might", "may", "should", "will", "can", "must"})
_EVIDENTIAL = frozenset({"find", "show", "indicate", "suggest", "reveal", "estimate", "project", "document"})
# "found the keys", "showed his badge": said of a person these are acts; only a source's findings are reported.
_FINDING_ONLY = frozenset({"find", "show", "document"})
# "video that shows ...": the relative pronoun stands for the source, the noun it hangs on.
_RELATIVE_PRONOUNS = frozenset({"that", "which", "who"})
_PREDICATE_DEPS = frozenset({"prep", "advmod", "acomp", "oprd", "xcomp", "dobj", "attr"})
_TIME_MARKS = frozenset({"before", "after", "when", "while", "until"})
_CONTENT_DEPS = ("ccomp",)
_PARENTHETICAL_VERBS = frozenset(
    {"say", "tell", "add", "note", "write", "report", "explain", "argue", "insist", "claim", "state", "warn"}
)
_AS_VERBS = frozenset({"put", "say", "note", "write", "report", "state", "describe", "point", "explain", "tell"})
_REQUEST_VERBS = frozenset(
    {"urge", "vow", "promise", "pledge", "ask", "threaten", "demand", "warn", "offer", "agree", "propose", "call"}
    | {"plead", "beg", "implore", "advise", "tell", "encourage", "invite", "challenge", "dare", "swear"}
)
# Verbs whose complement may be a subjunctive clause with its own subject: "demanded Obama make a pledge".
_SUBJUNCTIVE_VERBS = frozenset({"demand", "urge", "propose", "insist", "recommend"})
# Verbs whose object is the one spoken to ("told a young woman ..."), never the subject of what was said.
_ADDRESSEE_VERBS = frozenset(
    {"tell", "assure", "inform", "remind", "warn", "advise", "notify", "promise", "convince", "persuade", "ask"}
    | {"show", "teach", "urge", "brief", "caution", "reassure", "email", "text", "write", "answer"}
)
_CONDITIONAL_MARKS = frozenset({"if", "unless", "until", "once", "before", "lest"})
_MARKERS = frozenset({"that", "whether", "if"})
# "should the bank raise rates", "had he known", "were it to pass": a condition that opens with its auxiliary.
_INVERTING_AUXILIARIES = frozenset({"should", "had", "were"})
_HEADLINE_TOKENS = 30
_HEADLINE_SOURCE_WORDS = 6
_HEADLINE_SAYS = frozenset({"says", "say", "said"})
_HEADLINE_LABELS = frozenset(
    {"the latest", "latest", "update", "breaking", "live", "analysis", "opinion", "exclusive", "watch", "video"}
    | {"explainer", "factbox", "fact check", "editorial", "review", "full text", "transcript", "read", "timeline"}
)
_HEADLINE_NAME_LABELS = frozenset({"PERSON", "ORG", "NORP", "GPE"})
# "Obama on Climate Change: ...", "Putin to the West: ...": the speaker comes first, then the topic or addressee.
_HEADLINE_TOPIC_WORDS = frozenset({"on", "to"})
# Headline verbs of criticism: "Lawmakers Rip Trump As A 'Fraud'" reports what they said about him.
_HEADLINE_VERBS = frozenset({"rip", "blast", "slam", "hammer", "knock", "bash", "lash", "lambast", "scold", "chide"})
_HEADLINE_JOINTS = frozenset({"as", "while", "after", "when", "amid", "but", "and", ";"})
_HEADLINE_SOURCE_NOUNS = frozenset({"poll", "polls", "survey", "study", "report", "sources", "officials", "experts"})
_TOPIC_PREPOSITIONS = frozenset({"about", "on", "over", "regarding", "concerning"})
_EXAMPLE_PREPOSITIONS = frozenset({"including", "like", "notably", "especially"})
_FOCUSING_ADVERBS = frozenset({"particularly", "especially", "notably", "specifically", "mainly", "chiefly"})
_IDENTIFYING_RELATIVES = frozenset({"who", "whom", "whose", "where"})
_TOPIC_QUESTIONS = frozenset({"how", "why", "what", "whether", "where", "when", "who"})
_DATELINE_TOKENS = 12
DATELINE_DASHES = frozenset({"—", "–", "--", "-", "―"})
_ANONYMITY_VERBS = frozenset({"name", "identify", "quote", "cite"})
_SETTING_PREPOSITIONS = frozenset({"at", "during", "in", "on", "via", "through", "with", "before", "after", "to"})
_SETTING_ENTITIES = frozenset({"DATE", "TIME", "GPE", "LOC", "FAC", "EVENT"})
_DECLINING_VERBS = frozenset({"refuse", "decline", "fail", "avoid", "hesitate", "neglect"})
NAMING_VERBS = frozenset(
    {"call", "label", "brand", "describe", "characterize", "characterise", "dub", "term", "deem", "cite", "portray"}
)
# Verbs whose object may itself be words said: "cited derogatory comments Trump had made".
# "linked the rise in crime to budget cuts": a claim that joins two things, but only when someone makes it.
_RELATING_VERBS = frozenset({"link"})
_TERM_MARKERS = ("so-called", "so called", "known as")
_QUOTING_VERBS = frozenset({"cite", "note", "mention", "reference", "repeat", "echo", "quote", "recall"})
_ATTRIBUTION_BREAKS = frozenset({",", "—", "–", "--", ";"})
_ASIDE_DASHES = frozenset({"—", "–", "--", "―"})
# A parenthetical cue says nothing itself: a verb with a complement reports that instead.
_OWN_CONTENT_DEPS = frozenset({"xcomp", "oprd", "attr", "acomp"})
_ADDRESSEE_PRONOUNS = frozenset({"me", "you", "him", "her", "us", "them"})
_NOT_CONTENT_ENTITIES = frozenset({"DATE", "TIME", "PERSON", "ORG", "GPE", "NORP", "CARDINAL", "ORDINAL"})
_EMPTY_NOUNS = frozenset({"way", "thing", "things", "something", "anything", "nothing", "everything", "lot", "time"})
_QUOTE_CHARS = "“”\"'‘’«»„"
# Adverbs that make a clause an unnamed source's account: "He allegedly fired", "The campaign is reportedly ...".
_HEARSAY_ADVERBS = frozenset({"reportedly", "allegedly", "purportedly", "supposedly"})
# A sentence after a report that goes on with it: "But it would also ...", "However, he had ...".
_CONTINUING_WORDS = frozenset({"but", "however", "yet", "and"})
_BACKSHIFT_MODALS = frozenset({"would", "could", "might"})
# "Their bosses aren't.", "Managers did too.": a verb phrase elided, leaving subject, auxiliary and negation.
_ELLIPSIS_DEPS = frozenset({"nsubj", "neg", "punct", "cc", "advmod"})
_ELLIPSIS_TOKENS = 8


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
    return tok.lower_ in _MARKERS and not (tok.pos_ in ("DET", "PRON") and tok.dep_ in ("det", "nsubj", "nsubjpass"))


def _after_dateline(doc: Doc, start: int, end: int) -> int:
    """``start`` moved past a dateline (``JERUSALEM (AP) —``, ``KYIV, Nov 29 (Reuters) -``), if one opens there."""
    i, capitals = start, 0
    while i < min(end, start + _DATELINE_TOKENS):
        tok = doc[i]
        if tok.text in DATELINE_DASHES:
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
    content = _content(verb, lexicon)
    if content is None or lexicon is None or verb.pos_ not in ("VERB", "AUX"):
        return content
    return _with_main_clause(verb, _with_possessed(_with_stray_conjunct(verb, content, lexicon)), lexicon)


def _with_possessed(content: Span) -> Span:
    """``content`` that stopped at a possessor (``as examples of the Republican|’s disrespect for women``) run on
    over the possessed noun phrase, which the parser hung elsewhere."""
    doc = content.doc
    i = content.end
    if i >= len(doc) or doc[i].tag_ != "POS" or doc[i - 1].pos_ not in ("NOUN", "PROPN"):
        return content
    words = []
    for tok in doc[i + 1 : i + 5]:
        if tok.pos_ not in ("ADJ", "NOUN", "PROPN") or tok.is_sent_start:
            break
        words.append(tok)
    if not words:
        return content
    end = max(t.right_edge.i for t in words) + 1
    # The parser's phrase may take in a clause it hung on the noun: the possessed phrase ends at punctuation.
    end = next((t.i for t in doc[i + 1 : end] if t.is_punct and t.tag_ != "HYPH"), end)
    _, end = _trim(doc, content.start, end)
    return doc[content.start : end] if end > content.end else content


def _with_stray_conjunct(verb: Token, content: Span, lexicon: Lexicon) -> Span:
    """``content`` with the conjunct after it that the parser coordinated with a verb above the report.

    ``started off by emphasizing economic fairness, and a need to raise the wage``: a noun cannot be coordinated
    with a verb, so it is one more thing emphasized. ``promising to meet and in some cases exceed his goals``:
    a conjunction the parser left under the reporting verb has its conjunct hung elsewhere, and still joins it
    to what was promised.
    """
    doc = verb.doc
    i = content.end
    if content.start < verb.i or i >= verb.sent.end:
        return content
    predicate = doc[i]
    if (
        predicate.dep_ == "conj"
        and predicate.tag_ in ("VBD", "VBZ")
        and predicate.left_edge.i == i
        and predicate.head in verb.ancestors
        and not _has_subject(predicate)
    ):
        # "showed the businessman and his companies lost $916 million": a finite verb right after the content,
        # with no subject and no conjunction, takes the noun phrase before it as its subject.
        _, end = _trim(doc, content.start, predicate.right_edge.i + 1)
        return doc[content.start : end]
    if doc[i].text == ",":
        i += 1
    if i + 1 >= verb.sent.end:
        return content
    example = doc[i]
    if example.lower_ in _EXAMPLE_PREPOSITIONS and example.dep_ == "prep" and example.head in verb.ancestors:
        # "avoids condemning Russia's invasion of Ukraine, including its annexation of Crimea": the examples
        # are of what was condemned, wherever the parser hangs them.
        _, end = _trim(doc, content.start, example.right_edge.i + 1)
        return doc[content.start : end]
    stranded = doc[content.end - 1].dep_ == "cc"
    if stranded:
        # "showed the charity and | its founder spent ...": an object that ends on its conjunction is the first
        # subject of the clause after it; a clause that does ("..., and | he noted that ...") ends before it.
        i = content.end - 1
        if doc[content.start : i].root.pos_ not in ("NOUN", "PROPN"):
            _, end = _trim(doc, content.start, i)
            return doc[content.start : end]
    elif doc[i].dep_ != "cc":
        return content
    joint = doc[i]
    conjunct = next((t for t in (doc[i + 1], *doc[i + 1].ancestors) if t.dep_ == "conj"), None)
    if (
        conjunct is None
        or conjunct.left_edge.i != i + 1
        or not (conjunct.head == verb or conjunct.head in verb.ancestors)
    ):
        return content
    nominal = conjunct.pos_ == "NOUN" and conjunct.head.pos_ in ("VERB", "AUX")
    dangling = joint.head.i == verb.i and not any(c.dep_ == "conj" for c in verb.children)
    bare = dangling and conjunct.tag_ in ("VB", "VBP") and not _has_subject(conjunct)
    if not ((stranded and conjunct.lemma_.lower() not in lexicon.speech_verbs) or nominal or bare):
        return content
    _, end = _trim(doc, content.start, conjunct.right_edge.i + 1)
    return doc[content.start : end]


def _with_main_clause(verb: Token, content: Span, lexicon: Lexicon) -> Span:
    """``content`` run on to the end of the clause the parser made the main one after it.

    ``pointed out that one shooting may have more than one victim, so thousands of victims do not translate
    into ...``, ``cautioned that the plans might evolve should she become president``: the parser took the last
    part of what was said for the sentence's main clause and hung the reporting verb on it. A main clause that
    reports or thinks itself (``..., his aides said``) is another attribution.
    """
    doc = verb.doc
    if content.start < verb.i or (verb.tag_ in ("VBG", "VBN") and not any(c.dep_ == "aux" for c in verb.children)):
        return content  # "taxpayers reporting capital gains would pay ...": a participle is no misplaced verb
    main = verb
    while main.dep_ in ("ccomp", "nsubj", "csubj") and main.head.i >= content.end:
        head = main.head
        lemma = head.lemma_.lower()
        if lemma in lexicon.speech_verbs or lemma in lexicon.cognition_verbs or head.left_edge.i < verb.left_edge.i:
            break
        main = head
    if main is verb or _past_tense(main) or any(c.dep_ == "cc" and c.i < main.i for c in main.children):
        # "warned that profits would fall, so its shares dropped 4 percent", "..., but analysts remain wary": a
        # clause in the past or set against the report is the writer narrating what followed.
        return content
    end = main.right_edge.i + 1
    for tok in doc[content.end : end]:
        if tok.text == ";":
            end = tok.i  # a sentence of its own
            break
        if tok.pos_ in ("VERB", "AUX") and tok.lemma_.lower() in lexicon.speech_verbs:
            # "..., in effect daring him to say that ...": another report, after the last comma at the latest.
            end = max((t.i for t in doc[content.end : tok.i] if t.text == ","), default=content.end)
            break
    _, end = _trim(doc, content.start, end)
    return doc[content.start : end] if end > content.end else content


def _past_tense(root: Token) -> bool:
    """True for a clause in the simple past (``its shares dropped``, ``it was not``, ``did not help``)."""
    auxiliaries = [c for c in root.children if c.dep_ in ("aux", "auxpass")]
    if auxiliaries:
        return auxiliaries[0].tag_ == "VBD"
    return root.tag_ == "VBD"


def _content(verb: Token, lexicon: Lexicon | None) -> Span | None:
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
        return _noun_content(verb, lexicon)
    if lexicon is not None and verb.lemma_.lower() in lexicon.stance_verbs:
        # "Iran attacked two bases in Iraq that house US troops": a stance is said only with its object or reason.
        return _nominal_content(verb, lexicon)
    clauses = [c for c in verb.children if c.dep_ in _CONTENT_DEPS or _misparsed_complement(verb, c)]
    if clauses:
        # "X set off fireworks: Republicans said they are convinced ...": what follows the verb is what was said.
        following = [c for c in clauses if c.i > verb.i]
        main = min(following, key=lambda c: c.i) if following else max(clauses, key=lambda c: len(list(c.subtree)))
        content = _with_clause_subject(verb, main, _clause_content(verb, main, lexicon))
        later = [c for c in following if c.i > main.i and c.dep_ == "ccomp"]
        if content is not None and later and main.i > verb.i:
            # "said her plans will solve ... — the cost of childcare, mounting student debt and unpaid leave": the
            # parser split one content into two clauses of the verb.
            tail = _clause_content(verb, later[-1], lexicon)
            if tail is not None and tail.end > content.end:
                return doc[content.start : tail.end]
        return content
    around = _parenthetical_content(verb, lexicon)
    if around is not None:
        return around
    stranded = _stranded_clause(verb)
    if stranded is not None:
        return stranded
    if verb.lemma_.lower() in _REQUEST_VERBS:
        requests = [c for c in verb.children if c.dep_ == "xcomp"]
        if requests:
            return _request_content(verb, requests[0])
    if verb.lemma_.lower() in NAMING_VERBS:
        named = _naming_content(verb, lexicon)
        if named is not None:
            return named
    if lexicon is not None and verb.lemma_.lower() in _EVIDENTIAL:
        return _evidential_content(verb, lexicon)
    if lexicon is not None:
        return _nominal_content(verb, lexicon)
    return None


def _evidential_content(verb: Token, lexicon: Lexicon) -> Span | None:
    """What a poll, study, video or record shows: ``The poll indicates a tightening race``.

    The object counts only when the source is a thing that carries findings (the lexicon's evidence nouns); a
    person or pronoun object needs the predicate after it (``shows him with his hands in the air``, ``show
    Clinton ahead by 3 points``), since ``the poll shows Clinton`` says nothing. Without such a source the verb
    is an ordinary act (``found the keys``) or, for a speech sense (``suggested a compromise``), nominal content.
    """
    doc = verb.doc
    if any(c.dep_ == "prt" for c in verb.children):
        return None  # "showed up", "found out"
    if not _evidence_source(verb, lexicon):
        return None if verb.lemma_.lower() in _FINDING_ONLY else _nominal_content(verb, lexicon)
    objects = [c for c in verb.children if c.dep_ == "dobj" and c.i > verb.i]
    if not objects or objects[0].lemma_.lower() in _EMPTY_NOUNS:
        return None
    obj = objects[0]
    end = obj.right_edge.i + 1
    for child in verb.rights:
        if child.i < end:
            continue
        # "indicates a tightening race as Trump consolidates ...", "shows X, but ...": the source's finding ends.
        # "shows him with his hands up before he was shot": a time clause places what is shown.
        timed = child.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in _TIME_MARKS for m in child.children)
        if child.is_punct or (child.dep_ not in _PREDICATE_DEPS and not timed):
            break
        if child.ent_type_ in ("DATE", "TIME") or (child.dep_ == "prep" and _is_setting(child, lexicon)):
            break
        end = child.right_edge.i + 1
    named = obj.pos_ in ("PRON", "PROPN") or obj.ent_type_ in _NOT_CONTENT_ENTITIES
    if named and end == obj.right_edge.i + 1 and not any(c.dep_ in ("acl", "relcl") for c in obj.children):
        return None
    start, end = _trim(doc, obj.left_edge.i, end)
    return doc[start:end] if sum(not t.is_punct for t in doc[start:end]) >= 2 else None


def _evidence_source(verb: Token, lexicon: Lexicon) -> bool:
    """True when what shows or finds is a poll, a study, footage, records: not a person.

    The source is the verb's subject, the noun a relative clause or participle hangs on (``video that shows``,
    ``an ad this week showing``), the subject a subjectless participle shares (``video surfaced showing``), or a
    fronted ``In her book, ...``.
    """
    current = verb
    for _ in range(3):
        sources = [c for c in current.children if c.dep_ in ("nsubj", "nsubjpass")]
        sources += [
            o
            for p in current.children
            if p.dep_ == "prep" and p.i < current.i and p.lower_ in ("in", "with")
            for o in p.children
            if o.dep_ == "pobj"
        ]
        if current.dep_ in ("relcl", "acl") and all(s.lower_ in _RELATIVE_PRONOUNS for s in sources):
            sources.append(current.head)
        if any(_is_evidence(s, lexicon) for s in sources):
            return True
        if any(s.dep_ == "nsubj" for s in sources) or current.dep_ not in ("xcomp", "advcl", "pcomp", "conj"):
            return False
        governor = current.head
        # "released an ad this week showing ...": the object before the participle is what shows it.
        if current.dep_ in ("xcomp", "advcl") and any(
            o.dep_ == "dobj" and o.i < current.i and _is_evidence(o, lexicon) for o in governor.children
        ):
            return True
        if current.dep_ == "pcomp" and governor.dep_ == "prep":
            governor = governor.head
        if governor.i == current.i:
            return False
        current = governor
    return False


def _is_evidence(noun: Token, lexicon: Lexicon) -> bool:
    """A noun for a thing that carries findings, or a part of one (``portions of his tax returns``)."""
    if noun.lemma_.lower() in lexicon.evidence_nouns or noun.lower_ in lexicon.evidence_nouns:
        return True
    return any(
        o.dep_ == "pobj" and o.lemma_.lower() in lexicon.evidence_nouns
        for p in noun.children
        if p.dep_ == "prep" and p.lower_ == "of"
        for o in p.children
    )


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


def _noun_content(noun: Token, lexicon: Lexicon | None = None) -> Span | None:
    """The content of a speech noun: ``Trump's claim that ...``."""
    clauses = [c for c in noun.children if c.dep_ in ("acl", "ccomp") and any(m.lower_ == "that" for m in c.children)]
    # "a Times report that Trump had a loss": read as a relative clause, but "that" only marks it and fills no
    # slot in it, so the clause is the report's content.
    clauses += [c for c in noun.children if c.dep_ == "relcl" and any(_is_that_mark(m) for m in c.children)]
    clauses = [c for c in clauses if not (lexicon is not None and _delivers(c, lexicon))]
    if clauses:
        return _clause_content(noun, max(clauses, key=lambda c: len(list(c.subtree))), lexicon)
    if lexicon is None:
        return None
    for prep in noun.children:
        # "her comments on the shooting death of Crutcher": what the remarks were about.
        if prep.dep_ != "prep" or prep.lower_ not in _TOPIC_PREPOSITIONS or _is_setting(prep, lexicon):
            continue
        for topic in prep.children:
            # A gerund clause is content whatever its subject: "his comment about 47 percent being dependent".
            gerund = topic.dep_ == "pcomp" and topic.pos_ in ("VERB", "AUX")
            if gerund or (topic.dep_ == "pobj" and _is_content_noun(topic, lexicon)):
                start, end = _trim(noun.doc, topic.left_edge.i, topic.right_edge.i + 1)
                if sum(not t.is_punct for t in noun.doc[start:end]) >= 2:
                    return noun.doc[start:end]
    return None


def _delivers(clause: Token, lexicon: Lexicon) -> bool:
    """``the claim that he made on Monday``: a relative clause that only says who made the statement.

    The parser marks the relative pronoun as a complementizer; a verb of making or issuing with no object of its
    own gives the clause away.
    """
    lemma = clause.lemma_.lower()
    if lemma != "make" and lemma not in lexicon.delivery_verbs:
        return False
    return not any(c.dep_ in ("dobj", "obj", "ccomp", "xcomp", "attr", "oprd") for c in clause.children)


def _is_that_mark(tok: Token) -> bool:
    return tok.lower_ == "that" and tok.dep_ == "mark"


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
    for conjunct in request.children:
        # "agreed to step down and left the building": a finite verb cannot continue the infinitive; it is what
        # the speaker did next.
        if conjunct.dep_ == "conj" and conjunct.tag_ in ("VBD", "VBZ") and not _has_subject(conjunct):
            end = min(end, _conjunct_start(conjunct))
    for conjunct in verb.children:
        # "agreed to share a currency and rely on one another": the parser hangs the second request on the verb;
        # a bare infinitive cannot be coordinated with a finite or participial reporting verb.
        if conjunct.dep_ == "conj" and conjunct.i > request.i and _bare_request(verb, conjunct):
            end = max(end, conjunct.right_edge.i + 1)
    # "to retaliate against Russia -- meddling the congressman said is designed to ...": what follows a dash is
    # the writer's aside on the request.
    end = next((t.i for t in doc[request.i + 1 : end] if t.text in _ASIDE_DASHES and t.head.i == request.i), end)
    start, end = _trim(doc, start, end)
    return doc[start:end] if end - start >= 2 else None


def _bare_request(verb: Token, conjunct: Token) -> bool:
    """A subjectless bare infinitive coordinated under a reporting verb that is neither one nor a present form."""
    return conjunct.tag_ == "VB" and verb.tag_ not in ("VB", "VBP") and not _has_subject(conjunct)


def _has_subject(tok: Token) -> bool:
    return any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in tok.children)


def _conjunct_start(conjunct: Token) -> int:
    """Where a conjunct starts, its conjunction and the comma before it included."""
    start = conjunct.left_edge.i
    doc = conjunct.doc
    while start > conjunct.head.i + 1 and (doc[start - 1].dep_ == "cc" or doc[start - 1].text == ","):
        start -= 1
    return start


def _with_clause_subject(verb: Token, clause: Token, content: Span | None) -> Span | None:
    """``demanding Obama make a pledge``: the object the parser took from a subjunctive clause is its subject.

    A verb of demanding takes no addressee before a clause (unlike ``told her ...``), so a noun phrase right
    before a bare verb with no subject of its own is the one the demand is put on.
    """
    if content is None or clause.i < verb.i or _has_subject(clause) or any(c.dep_ == "mark" for c in clause.children):
        return content
    # "has said single people and families - gay, straight - would qualify": a finite clause needs a subject, so
    # the object the parser gave any reporting verb is the clause's, unless the verb takes an addressee ("told a
    # young woman who ...").
    lemma = verb.lemma_.lower()
    if lemma in _SUBJUNCTIVE_VERBS:
        if clause.tag_ not in ("VB", "VBP"):
            return content
    elif lemma in _ADDRESSEE_VERBS or not (
        clause.tag_ in ("VBD", "VBZ") or any(c.dep_ in ("aux", "auxpass") and c.tag_ == "MD" for c in clause.children)
    ):
        return content
    doc = verb.doc
    objects = [
        c
        for c in verb.children
        if c.dep_ == "dobj"
        and verb.i < c.i
        and c.pos_ != "PRON"
        and all(t.is_punct for t in doc[c.right_edge.i + 1 : clause.left_edge.i])
    ]
    if not objects or objects[0].left_edge.i >= content.start:
        return content
    return verb.doc[objects[0].left_edge.i : content.end]


def is_put_question(verb: Token) -> bool:
    """``Asked to describe the device, O'Neill said``: a question put to the speaker of the clause.

    The participle has no subject: the one who asked (a reporter, mostly) goes unnamed, and the one asked is the
    clause's subject, who said nothing of it. The question is reported speech with no known speaker.
    """
    return (
        verb.lemma_.lower() == "ask"
        and verb.tag_ == "VBN"
        and verb.dep_ == "advcl"
        and not any(c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass") for c in verb.children)
        # "If asked to testify, he would refuse": a question that may never be put.
        and not any(c.dep_ == "mark" and c.lower_ in _CONDITIONAL_MARKS for c in verb.children)
    )


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
        if not predicates and len(objects) == 2:
            # "calling fees a scam": the parser may take the predicate for a second object of the verb.
            objects, predicates = objects[:1], objects[1:]
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


def headline_report(
    doc: Doc, *, text: str | None = None, lexicon: Lexicon | None = None
) -> tuple[Span, Span, Token] | None:
    """The source, content and cue of a headline's first report, or None (see :func:`headline_reports`)."""
    reports = headline_reports(doc, text=text, lexicon=lexicon)
    return reports[0] if reports else None


def headline_reports(
    doc: Doc, *, text: str | None = None, lexicon: Lexicon | None = None
) -> list[tuple[Span, Span, Token]]:
    """The source, content and cue of each report a headline makes.

    News headlines drop the verb or invert the order: ``Poll: Clinton and Trump in dead heat``, ``Pence: Flowers
    won't be at debate``, ``Obama Says Museum Will Tell of 'Suffering and Delight'``, ``Clinton Hid Health
    Problems, Former White House Doctor Says``. Only the document's first line counts, and only when an article
    follows it; title case defeats the parser there, so the rules read the words. A label before a colon (``The
    Latest: Trump urges ...``) is passed over; each clause ``;`` joins is a headline of its own (``Ukraine says
    ...; Moscow denies ...``); a speech participle after the main clause is a second report by its subject
    (``xAI sues OpenAI, alleging theft of trade secrets``). ``text`` is ``doc.text`` when the caller has it
    (spaCy rebuilds it on every access).
    """
    text = doc.text if text is None else text
    line_end = text.find("\n")
    if line_end <= 0 or not text[line_end:].strip():
        return []
    line = doc.char_span(0, line_end, alignment_mode="contract")
    if line is None or not 3 <= len(line) <= _HEADLINE_TOKENS:
        return []
    named = _article_names(doc, line.end_char)
    reports: list[tuple[Span, Span, Token]] = []
    for part in _headline_parts(line, named, lexicon):
        report = _line_report(part, named, lexicon)
        if report is not None:
            reports.append(report)
        added = _headline_participle(part, named, lexicon) if lexicon is not None else None
        if added is not None and all(added[2].i != r[2].i and added[1].start >= r[1].end for r in reports):
            reports.append(added)
    return reports


def _headline_parts(line: Span, named: frozenset[str], lexicon: Lexicon | None) -> list[Span]:
    """The clauses of a headline ``;`` joins where the clause after it makes a report of its own.

    Otherwise the clause goes on the one before (``Pat Caddell: Voters Worried About X; It's 'in Their Heads'``).
    """
    doc = line.doc
    parts: list[Span] = []
    start = line.start
    for tok in line:
        if tok.text != ";" or sum(t.is_alpha for t in doc[start : tok.i]) < 3:
            continue
        rest = doc[tok.i + 1 : line.end]
        following = next((t for t in rest if t.text == ";"), None)
        clause = doc[tok.i + 1 : following.i] if following is not None else rest
        if sum(t.is_alpha for t in clause) >= 3 and (
            _line_report(clause, named, lexicon) is not None
            or (lexicon is not None and _headline_participle(clause, named, lexicon) is not None)
        ):
            parts.append(doc[start : tok.i])
            start = tok.i + 1
    parts.append(doc[start : line.end])
    return parts


def headline_clauses(doc: Doc, *, text: str | None = None) -> list[Span]:
    """The clauses of a headline that ``;`` joins (``Kyiv says ...; Moscow denies ...``), or none.

    The parser hangs one on the other's verb as its complement; what each verb reports stays in its own clause
    (see :func:`content_within`).
    """
    text = doc.text if text is None else text
    line_end = text.find("\n")
    if line_end <= 0 or not text[line_end:].strip():
        return []
    line = doc.char_span(0, line_end, alignment_mode="contract")
    if line is None or not 3 <= len(line) <= _HEADLINE_TOKENS or not any(t.text == ";" for t in line):
        return []
    clauses: list[Span] = []
    start = line.start
    for tok in line:
        if tok.text == ";":
            clauses.append(doc[start : tok.i])
            start = tok.i + 1
    clauses.append(doc[start : line.end])
    return clauses


def content_within(verb: Token, clause: Span, lexicon: Lexicon) -> Span | None:
    """What ``verb`` reports inside ``clause`` and after it, or None (also when it reports nothing here)."""
    return _content_in(verb, clause, lexicon) if _reports(verb, lexicon) else None


def _line_report(line: Span, named: frozenset[str], lexicon: Lexicon | None) -> tuple[Span, Span, Token] | None:
    """The report of one headline clause: a source before a colon, ``X says``, or a source and its verb."""
    doc = line.doc
    words = [t for t in line if not t.is_space]
    colon = next((t for t in words if t.text == ":"), None)
    if colon is not None:
        source = _topic_cut(doc[line.start : colon.i])
        content = doc[colon.i + 1 : line.end]
        if _headline_source(source, named):
            return _trimmed(source), _trimmed(content), colon
        if source.text.strip().lower() not in _HEADLINE_LABELS or len(content) < 3:
            return None
        # "The Latest: Trump urges supporters to ...": a label, then the headline proper.
        line = content
        words = [t for t in line if not t.is_space]
    says = next((t for t in words if t.lower_ in _HEADLINE_SAYS), None)
    if says is None:
        if lexicon is None:
            return None
        return _headline_verb(doc, line, named, lexicon) or _parsed_report(line, named, lexicon)
    before = doc[line.start : says.i]
    # "Biden says he won't pardon son; White House declines to comment": what is said is one clause.
    stop = next((t.i for t in doc[says.i + 1 : line.end] if t.text == ";"), line.end)
    after = doc[says.i + 1 : stop]
    comma = next((t for t in reversed(list(before)) if t.text == ","), None)
    if comma is not None and not any(not t.is_punct for t in after):
        # "Clinton Hid Health Problems, Former White House Doctor Says."
        source = doc[comma.i + 1 : says.i]
        if _headline_source(source, named):
            return _trimmed(source), _trimmed(doc[line.start : comma.i]), says
        return None
    if comma is None and _headline_source(before, named):
        return _trimmed(before), _trimmed(after), says
    return None


def _parsed_report(line: Span, named: frozenset[str], lexicon: Lexicon) -> tuple[Span, Span, Token] | None:
    """``Moscow denies targeting civilians``: a headline the parser read, with its source and content in it."""
    for verb in line:
        if verb.pos_ != "VERB" or verb.tag_ not in ("VBZ", "VBP") or verb.lemma_.lower() not in lexicon.speech_verbs:
            continue
        subjects = [c for c in verb.children if c.dep_ == "nsubj" and line.start <= c.left_edge.i < verb.i]
        if not subjects or not _reports(verb, lexicon):
            continue
        source = _trimmed(verb.doc[subjects[0].left_edge.i : subjects[0].right_edge.i + 1])
        content = _content_in(verb, line, lexicon)
        if content is not None and (_headline_source(source, named) or _cased_name(source, line)):
            return source, content, verb
    return None


def _main_subject(head: Token, line: Span, named: frozenset[str]) -> Span | None:
    """The subject of a headline's main verb ``head``; a name heading the line when the tagger missed the verb.

    ``named`` holds the words of the names the article gives (see :func:`_article_names`).

    ``Boeing fires CEO, citing ...``: title case or a missing article makes the tagger read ``fires`` as a noun;
    a name, then a word in ``-s``, is still subject and verb.
    """
    doc = line.doc
    if head.pos_ == "VERB":
        subjects = [c for c in head.children if c.dep_ == "nsubj" and line.start <= c.left_edge.i < head.i]
        return _trimmed(doc[subjects[0].left_edge.i : subjects[0].right_edge.i + 1]) if subjects else None
    end = line.start
    while end < line.end and (
        doc[end].text in named
        or (doc[end].ent_type_ in _HEADLINE_NAME_LABELS and (end == line.start or doc[end].ent_iob_ == "I"))
    ):
        end += 1
    if end == line.start:
        return None
    verb = doc[end] if end < line.end else None
    if verb is None or verb.tag_ not in ("NNS", "NNPS", "VBZ") or not verb.lower_.endswith("s"):
        return None
    return doc[line.start : end]


def _content_in(verb: Token, line: Span, lexicon: Lexicon) -> Span | None:
    """What ``verb`` reports after it within ``line``: its clause, else its object (``denies targeting ...``).

    With two clauses in one headline the parser may hang the first on the second's verb as its complement.
    """
    for content in (content_span(verb, lexicon), _nominal_content(verb, lexicon)):
        if content is not None and verb.i < content.start and content.end <= line.end:
            return content
    return None


def _cased_name(source: Span, line: Span) -> bool:
    """True when ``source`` holds a proper noun in a headline written in sentence case, where the tagger is right.

    In title case every word looks like a name; in sentence case (``Musk's xAI sues OpenAI``) a proper noun is one.
    """
    words = [t for t in line[1:] if t.is_alpha and not t.is_stop]
    if not words or sum(t.is_title for t in words) > len(words) / 2:
        return False
    return any(t.pos_ == "PROPN" and not t.is_stop for t in source)


def _headline_participle(line: Span, named: frozenset[str], lexicon: Lexicon) -> tuple[Span, Span, Token] | None:
    """``Musk's xAI sues OpenAI, alleging theft``: a speech participle after a comma speaks for the main subject.

    A headline gives the act first and what its subject said of it after (``Amazon fires manager, citing safety
    violations``); the main verb need not be speech, but the parser must have found it and its subject.
    """
    doc = line.doc
    for tok in line:
        if tok.tag_ != "VBG" or tok.i < line.start + 2 or doc[tok.i - 1].text != ",":
            continue
        head = tok.head
        if tok.dep_ not in ("advcl", "acl", "conj", "xcomp") or not line.start <= head.i < tok.i:
            continue
        if tok.lemma_.lower() not in lexicon.speech_verbs or not _reports(tok, lexicon):
            continue
        source = _main_subject(head, line, named)
        if source is None:
            continue
        content = _content_in(tok, line, lexicon)
        if content is None:
            continue
        if _headline_source(source, named) or _cased_name(source, line) or _may_speak(head, lexicon):
            return source, content, tok
    return None


def _headline_verb(doc: Doc, line: Span, named: frozenset[str], lexicon: Lexicon) -> tuple[Span, Span, Token] | None:
    """``Sanders Vows To Eliminate Tax Breaks``, ``Trump questions the fairness of moderators``.

    The tagger, misled by title case or a missing article, reads the verb as a noun; the rule reads the words:
    a source, then a reporting verb in the present tense, then what it reports.
    """
    for tok in line:
        if tok.i == line.start or tok.pos_ == "VERB" or not tok.is_alpha:
            continue
        lemma = _headline_lemma(tok, lexicon)
        if lemma is None:
            continue
        start = line.start
        for before in doc[line.start : tok.i]:
            if before.text in _ATTRIBUTION_BREAKS:
                start = before.i + 1  # "Railing Against Trump, Sanders Vows ...": the source follows the comma
        source = doc[start : tok.i]
        end = line.end
        for joint in doc[tok.i + 1 : line.end]:
            later = doc[joint.i + 1 : line.end]
            if joint.lower_ in _HEADLINE_JOINTS and any(
                _headline_lemma(t, lexicon) or t.lemma_ in lexicon.speech_verbs for t in later
            ):
                end = joint.i  # "Chancellor defends budget as Tory leader calls it ...": a second report
                break
        # "Trump calls for ceasefire": what is called for, as in running text.
        led = doc[tok.i + 1].lower_ in lexicon.content_prepositions.get(lemma, ()) and tok.i + 2 < end
        content = _trimmed(doc[tok.i + 2 if led else tok.i + 1 : end])
        if not _headline_source(source, named) or sum(t.is_alpha for t in doc[tok.i + 1 : end]) < 2:
            return None
        if any(t.pos_ in ("VERB", "AUX") for t in source):
            return None  # "Hamas rejects truce offer, ...": the verb came first; "offer" is a noun after all
        if content.root.ent_type_ in _NOT_CONTENT_ENTITIES and all(t.ent_iob_ == "I" for t in content[1:]):
            return None  # "Cruz Endorses Trump": the person supported, not something said
        return _trimmed(source), content, tok
    return None


def _headline_lemma(tok: Token, lexicon: Lexicon) -> str | None:
    """The reporting verb a headline word is a present-tense form of (``Vows``, ``questions``, ``Rip``), if any."""
    word = tok.lower_
    forms = [word, word[:-1] if word.endswith("s") else "", word[:-2] if word.endswith("es") else ""]
    if word.endswith("ies"):
        forms.append(word[:-3] + "y")
    for form in forms:
        if form in _HEADLINE_VERBS or (
            form in lexicon.speech_verbs
            and (
                form in lexicon.object_content_verbs
                or form in _REQUEST_VERBS
                or form in NAMING_VERBS
                or form in _RELATING_VERBS  # "Study links night shifts to diabetes"
            )
        ):
            return form
    return None


def _headline_source(span: Span, article_names: frozenset[str] = frozenset()) -> bool:
    """True when ``span`` may be who a headline quotes: a name, or a poll, study or the like.

    ``article_names`` are the words of the names the article itself gives: the recogniser often misses a bare
    surname in a title-case headline (``Sanders: ...``) that it knows in the running text.
    """
    words = [t for t in span if not t.is_punct and not t.is_space]
    if not 1 <= len(words) <= _HEADLINE_SOURCE_WORDS or any(t.text == ";" for t in span):
        return False  # "Trump doesn't deny affair; lawyer says ...": a clause before, not a name
    if span.text.strip().lower() in _HEADLINE_LABELS:
        return False
    # Title case makes every word a proper noun to the tagger; a source must be a name the recogniser knows.
    named = any(t.ent_type_ in ("PERSON", "ORG", "NORP", "GPE") or t.text in article_names for t in words)
    return named or words[-1].lower_ in _HEADLINE_SOURCE_NOUNS


def _article_names(doc: Doc, start_char: int) -> frozenset[str]:
    """The capitalised words of the people and organisations named after ``start_char`` (the headline's end)."""
    return frozenset(
        t.text
        for ent in doc.ents
        if ent.start_char >= start_char and ent.label_ in _HEADLINE_NAME_LABELS
        for t in ent
        if t.is_title and not t.is_stop and len(t.text) > 1
    )


def _topic_cut(source: Span) -> Span:
    """``Obama on Climate Change``, ``Trump to Congress``: the speaker before the topic or the addressee."""
    for tok in source:
        if tok.lower_ in _HEADLINE_TOPIC_WORDS and tok.i > source.start and tok.is_lower:
            return source.doc[source.start : tok.i]
    return source


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
            # "agreed that it would raise taxes but that it would add layers of complexity": a second "that"
            # clause of the same report.
            reporting = reporting and not any(_is_that_mark(m) for m in conjunct.children)
            if reporting and conjunct.i > clause.i and any(c.dep_ in ("nsubj", "nsubjpass") for c in conjunct.children):
                end = min(end, conjunct.left_edge.i)
        for tok in doc[clause.i + 1 : end]:
            # "told the audience that she wants X, saying that Y": the participle reports something more, with
            # its own content; the parser hangs it inside the first clause.
            if is_added_report(tok, lexicon) and tok.left_edge.i > clause.i:
                end = min(end, tok.left_edge.i - 1)
    fronted = None
    if clause.i < verb.i:
        # "..., Hoffman said": everything before the attribution, not just the clause the parser hung on it.
        attribution = _attribution_start(verb)
        lead = sent.start
        if attribution > sent.start and doc[attribution - 1].text in _ATTRIBUTION_BREAKS:
            lead = _paragraph_lead(sent, lexicon)
            start, end = lead, attribution
        start = max(start, lead)
        end = min(end, attribution)
    else:
        # "says it would depress revenue ..., but would eventually add ...": the parser hangs the second half of
        # the content on the reporting verb; a subjectless, modal conjunct is still what was said.
        for conjunct in verb.children:
            if conjunct.dep_ == "conj" and conjunct.i > end and _continues_content(conjunct):
                end = max(end, conjunct.right_edge.i + 1)
        fronted = _fronted_condition(verb)
        for reason in verb.children:
            # "said that claim smacked of hypocrisy, because Democrats have ...": the parser hangs the speaker's
            # reason on the reporting verb; right after the content, it is still what was said.
            if (
                reason.dep_ == "advcl"
                and reason.left_edge.i >= end
                and all(t.is_punct for t in doc[end : reason.left_edge.i])
                and (
                    any(m.dep_ == "mark" and m.lower_ == "because" for m in reason.children)
                    # "cautioned that the rally might fade should the bank raise rates": an inverted condition
                    # is the speaker's; one on the report would open with "if".
                    or _inverted_condition(reason)
                )
            ):
                end = reason.right_edge.i + 1
    if verb.lemma_.lower() == "make" and doc[start].lower_ in ("clear", "plain"):
        start += 1  # "made clear that ...": the parser heads the content with "clear"
    start, end = _trim(doc, start, end)
    if fronted is not None:
        start = min(start, fronted)  # "If" opens the content here, it marks no reported clause
    if end - start < 2:
        return None
    return doc[start:end]


def _inverted_condition(clause: Token) -> bool:
    """``should the bank raise rates``, ``had he known``: a conditional clause that opens with its auxiliary."""
    first = clause.doc[clause.left_edge.i]
    subjects = [c.left_edge.i for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")]
    return (
        first.lower_ in _INVERTING_AUXILIARIES
        and first.head.i == clause.i
        and first.dep_ in ("aux", "auxpass")
        and bool(subjects)
        and first.i < min(subjects)
    )


def _fronted_condition(verb: Token) -> int | None:
    """The start of an adverbial clause that opens the sentence and belongs to the content, if there is one.

    ``If elected, she said she would ...``, ``When she hires, she said she ensures ...``: no one says something
    on a condition, nor in a present that the past reporting verb has left behind; the parser hangs the clause
    on the reporting verb all the same. ``When asked, he said ...`` is when it was said.
    """
    doc = verb.doc
    for clause in verb.children:
        if clause.dep_ != "advcl" or clause.i > verb.i or clause.pos_ not in ("VERB", "AUX"):
            continue
        if clause.left_edge.i != verb.sent.start:
            continue
        marks = [m.lower_ for m in clause.children if m.dep_ in ("mark", "advmod") and m.i < clause.i]
        conditional = any(m in ("if", "unless") for m in marks)
        present = verb.tag_ == "VBD" and any(m in ("when", "whenever") for m in marks) and _present_tense(clause)
        if (conditional or present) and doc[clause.right_edge.i + 1].text == ",":
            return clause.left_edge.i
    return None


def is_added_report(tok: Token, lexicon: Lexicon) -> bool:
    """One more report by the same speaker, which the parser hung inside the content of the first.

    ``said the deal was dead, citing the vote`` (a speech participle after a comma) and ``said it was opposed to
    the test and warned Pyongyang to stop`` (a reporting verb coordinated into the content clause, with no
    subject of its own): the speaker is the first reporting verb's, and the first content ends before it.
    """
    if tok.lemma_.lower() not in lexicon.speech_verbs:
        return False
    if tok.dep_ == "advcl" and tok.tag_ == "VBG":
        return tok.left_edge.i > 0 and tok.doc[tok.left_edge.i - 1].text == ","
    if tok.dep_ == "conj" and tok.pos_ == "VERB" and tok.tag_ == "VBD":
        if any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in tok.children):
            return False
        clause = tok.head
        if not (
            clause.dep_ == "ccomp" and clause.head.i < clause.i and clause.head.lemma_.lower() in lexicon.speech_verbs
        ):
            return False
        # "They said he rated them and talked about it": he talked. Only a content subject that cannot speak,
        # or one that may be the reporter again ("China said it was opposed and warned"), gives the verb away.
        subjects = [c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")]
        reporters = [c for c in clause.head.children if c.dep_ in ("nsubj", "nsubjpass")]
        if not subjects or not reporters:
            return False
        return _same_or_mute(subjects[0], reporters[0])
    return False


_PERSONAL_PRONOUNS = {"he": "he", "him": "he", "she": "she", "her": "she", "they": "they", "them": "they"}


def _same_or_mute(subject: Token, reporter: Token) -> bool:
    """True when ``subject`` cannot be a speaker other than ``reporter``: a thing, or a pronoun that fits it."""
    pronoun = _PERSONAL_PRONOUNS.get(subject.lower_)
    if pronoun is None:
        return subject.lower_ in ("it", "that", "this") or (subject.pos_ == "NOUN" and subject.ent_type_ == "")
    plural = reporter.tag_ in ("NNS", "NNPS") or reporter.lower_ in ("they", "we")
    return (pronoun == "they") == plural and reporter.pos_ in ("PROPN", "PRON")


def _paragraph_lead(sent: Span, lexicon: Lexicon | None) -> int:
    """The start of the sentences a paragraph-closing attribution covers (``... . An acre holds 150 tons, he said.``).

    News attributes a paragraph of paraphrase once, at its end: earlier sentences of the paragraph belong to the
    content while none of them quotes, reports or names anyone, which would make it the writer's own narration or
    another source's. An attribution inside a paragraph covers its own sentence only.
    """
    doc = sent.doc
    start = sent.start
    if lexicon is None or not _paragraph_break(doc, sent.end):
        return start
    own = [t for t in sent if t.dep_ in ("ccomp", "parataxis") and t.head.lemma_.lower() in lexicon.speech_verbs]
    if own and not _present_tense(own[0]):
        return start  # "Wednesday's attacks killed some Iraqis, CNN reported.": news of an event, not an explanation
    while start > 0 and not _paragraph_break(doc, start):
        previous = doc[start - 1].sent
        if any(t.text in _QUOTE_CHARS or t.lower_ == "according" or _stops_lead(t, lexicon) for t in previous):
            break
        if not _present_tense(previous.root):
            break  # "The council met on Tuesday.": the writer narrating events, not the source explaining
        start = previous.start
    return start


def _paragraph_break(doc: Doc, i: int) -> bool:
    """True when a paragraph ends before token ``i``: a line break, or sentences run together (``risk.The``)."""
    if i >= len(doc) or i == 0:
        return True
    before = doc[i - 1]
    if "\n" in before.text_with_ws:
        return True
    end = before.i if not before.is_space else before.i - 1
    return end >= 0 and not doc[end].whitespace_ and doc[end].text in (".", "!", "?") and doc[i].is_title


def _present_tense(root: Token) -> bool:
    """True for a clause in the present tense (``The trees soak up carbon``, ``It can hold``, ``It has grown``)."""
    return any(
        t.tag_ in ("VBZ", "VBP", "MD") for t in (root, *(c for c in root.children if c.dep_ in ("aux", "auxpass")))
    )


def _stops_lead(tok: Token, lexicon: Lexicon) -> bool:
    """A word that makes its sentence something other than more of a trailing attribution's content.

    A verb of saying or thinking is another attribution (``environmentalists worry that``), and a named
    person is the writer introducing or describing someone (``One of his backers is Chandler Smith``), and a
    date or time places an event the writer narrates.
    """
    if tok.ent_type_ in ("PERSON", "DATE", "TIME") or (
        tok.dep_ == "ccomp" and any(_is_marker(c) for c in tok.children)
    ):
        return True  # a that-clause: someone's claim or thought, even where the lemma is wrong ("hoping" -> "hop")
    if tok.pos_ not in ("VERB", "AUX"):
        return False
    lemma = tok.lemma_.lower()
    return lemma in lexicon.speech_verbs or lemma in lexicon.cognition_verbs


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
    if lemma in _RELATING_VERBS and not (any(c.dep_ == "dobj" for c in verb.children) and _may_speak(verb, lexicon)):
        # Someone joins two things: "was linked to the scandal" names no one who links them, and "The bridge links
        # the island to the mainland" is no claim.
        preps = ()
    for prep in verb.children:
        if prep.dep_ == "prep" and prep.lower_ in preps and not _is_setting(prep, lexicon):
            candidates += [o for o in prep.children if o.dep_ in ("pobj", "pcomp")]
    stance = _is_position_verb(verb, lexicon)
    for head in candidates:
        between = doc[verb.i + 1 : head.left_edge.i] if head.i > verb.i else doc[0:0]
        if any(t.pos_ == "VERB" and t.lemma_.lower() in lexicon.speech_verbs for t in between):
            continue  # "defends budget as Tory leader calls it 'a tax raid'": the object of the nearer report
        # A position verb's stand on words said reports them: "defended his remarks".
        quoting = lemma in _QUOTING_VERBS or (stance and _names_position(verb, head, lexicon))
        if not _is_content_noun(head, lexicon, quoting=quoting):
            continue
        start, end = head.left_edge.i, head.right_edge.i + 1
        if head.dep_ != "dobj":
            # "accused Cruz of associating with Oswald": the object is part of the accusation.
            objects = [c for c in verb.children if c.dep_ == "dobj" and c.i < head.i]
            # "called Friday for releasing the videos": the parser's object is the date it was said
            start = min([start, *(c.left_edge.i for c in objects if c.ent_type_ not in ("DATE", "TIME"))])
        if head.dep_ != "nsubjpass":  # the passive subject ends before the verb: nothing to continue
            end = _stance_end(verb, head, _continued(verb, end, lexicon))
        # "defended plans to cut benefits, telling MPs that ...": a speech participle is a report of its own.
        added = [t.left_edge.i for t in doc[head.i + 1 : end] if is_added_report(t, lexicon) and t.left_edge.i > head.i]
        end = min([end, *added])
        start, end = _trim(doc, start, end)
        if sum(not t.is_punct for t in doc[start:end]) >= 2:
            return doc[start:end]
    return None


def _may_speak(verb: Token, lexicon: Lexicon) -> bool:
    """The verb's subject or passive agent can make a claim: a name, a pronoun, a title, a group or a source."""
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    subjects += [o for a in verb.children if a.dep_ == "agent" for o in a.children if o.dep_ == "pobj"]
    if not subjects:
        return verb.dep_ in ("conj", "xcomp", "advcl") and verb.head.i != verb.i and _may_speak(verb.head, lexicon)
    subject = subjects[0]
    word = subject.lemma_.lower()
    speakers = lexicon.unnamed_heads | lexicon.organization_words | lexicon.evidence_nouns
    return (
        subject.pos_ in ("PROPN", "PRON")
        or subject.ent_type_ in ("PERSON", "ORG", "NORP", "GPE")
        or is_title_token(subject, lexicon)
        or word in speakers
        or subject.lower_ in speakers
        or word in lexicon.person_descriptions
    )


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
    if _is_position_verb(verb, lexicon) and _may_speak(verb, lexicon):
        # "The software supports the new rules": only someone takes a stand.
        kept += [c for c in verb.children if c.dep_ == "dobj" and _names_position(verb, c, lexicon)]
        if any(c.dep_ == "agent" for c in verb.children):
            # "The plan is backed by most governors": the agent takes the stand on the subject.
            kept += [c for c in verb.children if c.dep_ == "nsubjpass" and _names_position(verb, c, lexicon)]
    return kept


def _is_position_verb(verb: Token, lexicon: Lexicon) -> bool:
    """A verb that presents or takes a stand in public (``promote``, ``lay out``, ``support``, ``defend``)."""
    lemma = verb.lemma_.lower()
    particles = (f"{lemma} {c.lower_}" for c in verb.children if c.dep_ == "prt")
    return lemma in lexicon.position_verbs or any(p in lexicon.position_verbs for p in particles)


def _names_position(verb: Token, noun: Token, lexicon: Lexicon) -> bool:
    """A noun a position verb's stand is about: a proposal, policy or claim, or words said.

    ``supports the regulations``, ``defended his tweets about her``, ``offered no proof that ...``: a position
    noun, a said thing the phrase describes (unless the verb only delivers it: ``released a statement`` is the
    statement itself, not its content), or any noun that carries its own ``that``-clause. ``supports the
    weight``, ``offered a loan``, ``defended the title`` name none of these.
    """
    word = noun.lemma_.lower()
    claim = any(c.dep_ in ("acl", "ccomp") and any(_is_that_mark(m) for m in c.children) for c in noun.children)
    if word in lexicon.position_nouns:
        return True
    if word in lexicon.cue_nouns and claim:
        return False  # "defended his claim that ...": the claim itself reports what it says
    if word in lexicon.cue_nouns and verb.lemma_.lower() not in lexicon.delivery_verbs:
        # "defended the remark" only points back at words quoted elsewhere; "his tweets attempting to shame her"
        # says which.
        return any(c.dep_ not in ("det", "poss", "punct", "case") for c in noun.children)
    return claim


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
        qualifier = rights[n + 2] if n + 2 < len(rights) else None
        if (
            child.text == ","
            and following is not None
            and following.lower_ == "but"
            and qualifier is not None
            and qualifier.pos_ == "ADP"
            and qualifier.dep_ in ("prep", "conj")
            and not _is_setting(qualifier, lexicon)
            and all(r.is_punct for r in rights[n + 3 :])
        ):
            # "called for deducting investments, but on an even wider scale": a verbless phrase that closes the
            # sentence qualifies what was called for; a clause after "but" would be a new event.
            end = qualifier.right_edge.i + 1
            break
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
    if word in _EMPTY_NOUNS or is_title_token(head, lexicon) or word in lexicon.person_descriptions:
        return False  # "mocked the prime minister": a person described, the target of the speech
    if head.pos_ == "VERB":
        return True  # a gerund is an action asked for or blamed ("called for releasing the videos"), not a speech noun
    return quoting or (word not in lexicon.speech_nouns and word not in lexicon.cue_nouns)


def _parenthetical_content(verb: Token, lexicon: Lexicon | None = None) -> Span | None:
    """The sentence around a parenthetical or trailing cue (``The truth, the senator said, was ...``).

    ``As X put it, ...`` gives the main clause. With a lexicon, any of its reporting verbs may stand between the
    commas (``All of this, he concedes, could be undone``); without one, only the common ones.
    """
    doc = verb.doc
    sent = verb.sent
    lemma = verb.lemma_.lower()
    marked_as = lemma in _AS_VERBS and any(c.dep_ == "mark" and c.lower_ == "as" for c in verb.children)
    if not marked_as and _has_own_content(verb, lexicon):
        return None  # "At the debate, Clinton cited her remarks": the verb says something of its own
    if not marked_as and not any(c.dep_ == "nsubj" for c in verb.children):
        return None  # "walked onto the stage, chanting", "one soon to be answered": no speaker between the commas
    if any(c.dep_ == "mark" and c.lower_ != "as" for c in verb.children):
        return None  # "because she said", "though he admits": a clause about the saying, not an aside
    # Inside a sentence, a phrase set off by a comma before the speaker is content the parser hung on the verb
    # ("If it fails, Mr. X argues, there are other tools"). A sentence's own root keeps its modifiers.
    attribution = _attribution_start(verb)
    fronted: set[int] = set()  # tokens of the verb's subtree that are not part of the cue
    if verb.dep_ != "ROOT":
        for child in verb.lefts:
            after = child.right_edge.i + 1
            if child.i < attribution and after < attribution and doc[after].text in _ATTRIBUTION_BREAKS:
                fronted.update(t.i for t in child.subtree)
    for child in verb.rights:
        if child.dep_ == "conj" or (child.dep_ == "cc" and child.i > verb.i):
            fronted.update(t.i for t in child.subtree)  # "..., she said, and “they kept ...”": a clause of its own
    cue_tokens = sorted(t.i for t in verb.subtree if t.i not in fronted and not (t.is_punct and t.head.i == verb.i))
    first, last = cue_tokens[0], cue_tokens[-1]
    parenthetical = lemma in _PARENTHETICAL_VERBS or (
        lexicon is not None and lemma in lexicon.speech_verbs and lemma not in lexicon.cognition_verbs
    )
    if not marked_as and (last - first > 6 or not parenthetical):
        return None
    before_comma = first > sent.start and doc[first - 1].text in _ATTRIBUTION_BREAKS
    after_comma = last + 1 >= sent.end or doc[last + 1].text in (",", ".", ";", "!") or doc[last + 1].is_space
    if not (
        marked_as or (verb.dep_ in ("parataxis", "ccomp", "advcl", "conj", "ROOT") and before_comma and after_comma)
    ):
        return None
    if verb.head.i != verb.i and sent.start <= verb.head.i < sent.end and first <= verb.head.i <= last:
        return None
    lo, hi = sent.start, sent.end
    head = verb.head
    if head.i != verb.i and head.pos_ in ("VERB", "AUX") and lo <= head.i < hi:
        # "If, as I've suggested, developers benefit from ..., he has proposed nothing": an aside inside a clause
        # is about that clause only.
        inner = max(lo, head.left_edge.i), min(hi, head.right_edge.i + 1)
        inner_left, inner_right = _trim(doc, inner[0], first), _trim(doc, last + 1, inner[1])
        if inner_left[1] - inner_left[0] >= 2 and inner_right[1] - inner_right[0] >= 2:
            lo, hi = inner
    left = _with_opening_word(doc, lo, _trim(doc, lo, first))
    right = _trim(doc, last + 1, hi)
    # "Many visitors were older, she said, and “I had to step back”", "..., Trump tweeted, and his aides agreed":
    # a clause coordinated with the saying, or a quote of its own, is not more of the paraphrase.
    if _new_statement(verb, doc[right[0] : right[1]]):
        right = (right[0], right[0])
    if left[1] - left[0] >= 2 and right[1] - right[0] >= 2 and not marked_as:
        # The cue sits inside the content: all of it (spans are contiguous, so the cue stays in).
        start, end = _with_opening_word(doc, lo, _trim(doc, lo, hi))
        return doc[start:end]
    start, end = max((left, right), key=lambda b: b[1] - b[0])
    return doc[start:end] if end - start >= 3 else None


def _with_opening_word(doc: Doc, lo: int, bounds: tuple[int, int]) -> tuple[int, int]:
    """``bounds`` with the sentence's first word back when trimming took it as a complementizer.

    Before a parenthetical cue, ``If``, ``Whether`` or ``That`` opens the content itself (``If the talks
    collapse, she argues, ...``, ``That's why, he said, ...``), not a clause of the reporting verb.
    """
    start, end = bounds
    opening = start - 1
    while opening >= lo and doc[opening].is_punct:
        opening -= 1
    if opening >= lo and _is_marker(doc[opening]) and start <= doc[opening].head.i < end:
        return opening, end
    return start, end


def _new_statement(verb: Token, after: Span) -> bool:
    """True when what follows a parenthetical cue opens a clause of its own, coordinated with the cue or quoted."""
    if not len(after) or not _opens_new_clause(after[0]):
        return False
    return after[0].head.i == verb.i or _holds_quote(after)


def _opens_new_clause(tok: Token) -> bool:
    """True for a conjunction that opens a clause with a subject of its own (``..., and I had to ...``)."""
    if tok.pos_ != "CCONJ":
        return False
    return any(
        c.dep_ == "conj" and c.i > tok.i and any(s.dep_ in ("nsubj", "nsubjpass", "expl") for s in c.children)
        for c in tok.head.children
    )


def _holds_quote(span: Span) -> bool:
    """True when the span holds a quotation mark."""
    return any(t.text in _QUOTE_CHARS or t.text in ("``", "''") for t in span)


def _has_own_content(verb: Token, lexicon: Lexicon | None) -> bool:
    """True when the verb has a complement or an object that is what was said (not ``told me``)."""
    for child in verb.children:
        if child.dep_ in _OWN_CONTENT_DEPS:
            return True
        if child.dep_ == "dobj" and not (child.pos_ == "PROPN" or child.lower_ in _ADDRESSEE_PRONOUNS):
            return True  # "report it", "cited her remarks"; "told me", "told Smith" name whom it was said to
    return lexicon is not None and _nominal_content(verb, lexicon) is not None


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
    # "called for taxing so-called ''pass through'' income": marks around a term are no one's words; the clause
    # around it stays reported speech and the term a scare quote.
    terms = {q.id for q in quotes if q.kind is QuoteKind.SCARE and _is_term(q, text)}
    marked = [
        q
        for q in quotes
        if q.kind is not QuoteKind.INDIRECT
        and q.id not in terms
        and (q.kind is QuoteKind.DIRECT or not _single_marked(q, text))
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
        follow = continued_report(span, lexicon) if known is None else None
        if follow is not None and not any(min(follow.end_char, e) > max(follow.start_char, s) for s, e in taken):
            taken.append((follow.start_char, follow.end_char))
            found.append(
                attrs.evolve(
                    template,
                    id=f"i{follow.start_char}",
                    text=follow.text,
                    start=follow.start_char,
                    end=follow.end_char,
                    marks="",
                )
            )
    return [q if q.id in terms else _in_reported_clause(q, mixed + found, text) for q in quotes] + found


def _is_term(quote: Quote, text: str) -> bool:
    """True for a quote that marks a term by its name: ``so-called “pass through” income``, ``known as “X”``."""
    before = text[
        max(0, quote.start - opening_width(text, quote.start) - 12) : quote.start - opening_width(text, quote.start)
    ]
    return before.rstrip().lower().endswith(_TERM_MARKERS)


def hearsay_reports(doc: Doc) -> list[tuple[Token, Span]]:
    """Each ``reportedly``/``allegedly`` with the clause it marks as someone's account (``he allegedly fired``).

    The adverb attributes the clause to reports or accusers it does not name, so the content has no speaker. Only
    a clause counts (``the allegedly stolen car`` is a description), and a question reports nothing. The clause
    starts at its subject: ``after`` in ``after he allegedly brandished a pistol`` places the event.
    """
    strings = doc.vocab.strings
    wanted = {strings.add(w) for w in _HEARSAY_ADVERBS}
    out: list[tuple[Token, Span]] = []
    for i, lower in enumerate(doc.to_array(["LOWER"]).tolist()):
        if lower not in wanted:
            continue
        adverb = doc[i]
        verb = adverb.head
        if adverb.dep_ != "advmod" or verb.pos_ not in ("VERB", "AUX") or verb.dep_ in ("amod", "acl"):
            continue
        if verb.sent.text.rstrip(" \n\"”’'").endswith("?"):
            continue
        # A clause coordinated after it ("..., and police arrested him") is not covered by the adverb.
        left_out = {t.i for c in verb.rights if c.dep_ in ("conj", "cc") for t in c.subtree}
        left_out.update(c.i for c in verb.lefts if c.dep_ in ("mark", "cc"))
        parts = [t.i for t in verb.subtree if t.i not in left_out]
        start, end = _trim(doc, parts[0], parts[-1] + 1)
        if start == adverb.i and start + 1 < end and doc[start + 1].is_punct:
            start, end = _trim(doc, start + 1, end)  # "Reportedly, the deal is worth ...": the adverb is the cue
        if end - start >= 3:
            out.append((adverb, doc[start:end]))
    return out


def continued_report(content: Span, lexicon: Lexicon) -> Span | None:
    """The next sentence of the paragraph when it goes on with the report in ``content``, or None.

    A paraphrase often runs on into a sentence with no cue of its own, which still speaks in the reported tense:
    ``The museum, he said, would make visitors face hard truths. But it would also show ...``, ``The rank and file
    were punished, she said. The executives were not.`` Only two shapes count, since a sentence after a report is
    otherwise the writer's own: a contrast or addition (``But``, ``However``, ``Yet``, ``And``) kept in the
    reported tense (``would``, ``could``, ``might``, ``had`` done), and an elided verb phrase (``aren't``) that
    means nothing without the report before it. A sentence that quotes, reports or asks is not a continuation.
    """
    doc = content.doc
    sent = content[-1].sent
    start = sent.end
    while start < len(doc) and doc[start].is_space:
        start += 1
    if start >= len(doc) or _paragraph_break(doc, start) or _paragraph_break(doc, sent.end):
        return None
    nxt = doc[start].sent
    lo, hi = _trim(doc, nxt.start, nxt.end)
    if hi - lo < 2 or nxt.text.rstrip(" \n\"”’'").endswith("?"):
        return None
    for tok in nxt:
        lemma = tok.lemma_.lower()
        if tok.text in _QUOTE_CHARS or tok.text in ("``", "''") or tok.lower_ == "according":
            return None
        if tok.pos_ in ("VERB", "AUX") and (lemma in lexicon.speech_verbs or lemma in lexicon.cognition_verbs):
            return None  # a report or a thought of its own, maybe someone else's
    root = nxt.root
    auxiliaries = [c for c in root.children if c.dep_ in ("aux", "auxpass")]
    backshifted = any(c.lower_ in _BACKSHIFT_MODALS for c in auxiliaries) or (
        root.tag_ == "VBN" and any(c.lower_ == "had" for c in auxiliaries)
    )
    if doc[lo].lower_ in _CONTINUING_WORDS and backshifted:
        return doc[lo:hi]
    elided = (root.pos_ == "AUX" or root.lemma_ == "do") and all(c.dep_ in _ELLIPSIS_DEPS for c in root.children)
    if elided and any(c.dep_ == "nsubj" for c in root.children) and hi - lo <= _ELLIPSIS_TOKENS:
        return doc[lo:hi]
    return None


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
