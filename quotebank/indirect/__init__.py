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

The rules live by construction family, each module with its tests:

* :mod:`~quotebank.indirect.content`: what a cue reports, each family's rule in turn, and the run-ons
  (``tests/test_indirect_core.py``, ``tests/test_indirect_boundaries.py``);
* :mod:`~quotebank.indirect.clauses`: complement clauses and speech nouns (``tests/test_indirect_nouns.py``);
* :mod:`~quotebank.indirect.attributions`: parenthetical and trailing attributions
  (``tests/test_indirect_parenthetical.py``);
* :mod:`~quotebank.indirect.frames`: nominal content, stances and positions (``tests/test_indirect_frames.py``,
  ``tests/test_indirect_stances.py``, ``tests/test_indirect_positions.py``);
* :mod:`~quotebank.indirect.requests`: naming, requests and questions (``tests/test_indirect_requests.py``);
* :mod:`~quotebank.indirect.evidence`: evidential sources (``tests/test_indirect_evidence.py``);
* :mod:`~quotebank.indirect.headlines`: headlines (``tests/test_indirect_headlines.py``);
* :mod:`~quotebank.indirect.hearsay`: hearsay and continued reports (``tests/test_indirect_sentences.py``);
* :mod:`~quotebank.indirect.assembly`: the quotes, mixed quotes linked (``tests/test_indirect.py``);
* :mod:`~quotebank.indirect.reporting` and :mod:`~quotebank.indirect.spans`: what they share.
"""

from __future__ import annotations

from .assembly import report_speech
from .content import content_span
from .headlines import content_within, headline_clauses, headline_reports
from .hearsay import continued_report, hearsay_reports
from .reporting import is_added_report
from .requests import NAMING_VERBS, is_put_question
from .spans import DATELINE_DASHES

__all__ = [
    "DATELINE_DASHES",
    "NAMING_VERBS",
    "content_span",
    "content_within",
    "continued_report",
    "headline_clauses",
    "headline_reports",
    "hearsay_reports",
    "is_added_report",
    "is_put_question",
    "report_speech",
]
