"""Complement clauses of reporting verbs and speech nouns, and the parser's slips around them.

**Clauses.** The complement clause of a reporting verb (``said that ...``, ``clarified to reporters that ...``; a
leading ``that``/``whether`` is left out), the clause before a trailing attribution (``..., Hoffman said in an
emailed statement.``), the rest of the sentence around ``according to X``. A dateline (``JERUSALEM (AP) —``) is cut
off. The parser's slips are mended: a clause it split in two is kept whole; a ``that``-clause it hung on the noun
before it (``told analysts on an earnings call that ...``) or on an aside (``warned, as did the White House, that
...``) is found; with two clauses the first is the content; a clause it took for an adverbial one (``said after the
convention he would not run``) still counts, and so do an object it took from a subjectless clause (``has said
single people and families - gay, straight - would qualify``), a ``because`` clause or an inverted condition
(``should the bank raise rates``) it hung on the verb right after the content, and a fronted ``If`` or present-tense
``When`` clause before a past reporting verb (``When she hires, she said she ensures ...``). A reporting verb in
``-s`` tagged as a noun heading the sentence after a name the article knows (``Trump charges that ...``) is a cue. A
speech participle after a comma (``..., citing the port``) is a second report by the same speaker and ends the
first, and so is a reporting verb coordinated into the content when the content's subject cannot be anyone else
(``said it was opposed and warned Pyongyang to stop``). A clause the parser made the main one after the content is
still what was said (``pointed out that one shooting may have many victims, so thousands of victims do not ...``,
``... might evolve should she become president``), unless it is in the past, opens with ``and``/``but`` or reports
itself; the content takes in a conjunct the parser hung on a verb above the report (a noun: ``emphasizing fairness,
and a need to ...``; a bare verb after a stranded ``and``: ``promising to meet and in some cases exceed ...``; a
subjectless finite verb right after it: ``showed the businessman lost $916 million``; the clause whose subject an
object ending on ``and`` begins: ``showed the charity and its founder spent ...``), an example phrase (``, including
...``) and the phrase after a possessor it stops at; a clause content never ends on its conjunction.

**Speech nouns.** A speech or finding noun with an owner gives its ``that``-clause (``the judge's conclusion that
...``, ``a Post report that ...``, even when parsed as a relative clause, but not ``the claim that he made``) or its
topic (``her comments on the closure``; a speech *on an anniversary* is its occasion).
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from ..lexicons import Lexicon
from ..syntax import CLAUSE_SUBJECT_DEPS, has_subject, sentence_of, subjects_of, subtree_size
from .attributions import paragraph_lead
from .frames import is_content_noun, is_setting
from .reporting import added_reports
from .spans import ATTRIBUTION_BREAKS, attribution_start, is_marker, is_that_mark, present_tense, trim, words_of

__all__ = ["clause_content", "misparsed_complement", "noun_content", "stranded_clause", "with_clause_subject"]


def misparsed_complement(verb: Token, clause: Token) -> bool:
    """A complement clause the parser took for an adverbial one: ``said after the convention he would not run``.

    A real adverbial clause opens with its own conjunction (``when``, ``because``, ``after he left``); one with a
    subject and no conjunction, right after the reporting verb, is what was said.
    """
    if clause.dep_ != "advcl" or clause.i < verb.i or clause.pos_ not in ("VERB", "AUX"):
        return False
    if any(c.dep_ in ("mark", "advmod") and c.i < clause.i for c in clause.children):
        return False
    subjects = [c for c in clause.children if c.dep_ in CLAUSE_SUBJECT_DEPS]
    return bool(subjects) and not any(t.text == "," for t in verb.doc[verb.i + 1 : subjects[0].i])


def noun_content(noun: Token, lexicon: Lexicon | None = None) -> Span | None:
    """The content of a speech noun: ``Trump's claim that ...``."""
    clauses = [c for c in noun.children if c.dep_ in ("acl", "ccomp") and any(m.lower_ == "that" for m in c.children)]
    # "a Times report that Trump had a loss": read as a relative clause, but "that" only marks it and fills no
    # slot in it, so the clause is the report's content.
    clauses += [c for c in noun.children if c.dep_ == "relcl" and any(is_that_mark(m) for m in c.children)]
    clauses = [c for c in clauses if not (lexicon is not None and _delivers(c, lexicon))]
    if clauses:
        return clause_content(noun, max(clauses, key=subtree_size), lexicon)
    if lexicon is None:
        return None
    for prep in noun.children:
        # "her comments on the shooting death of Crutcher": what the remarks were about.
        if prep.dep_ != "prep" or prep.lower_ not in lexicon.topic_prepositions or is_setting(prep, lexicon):
            continue
        for topic in prep.children:
            # A gerund clause is content whatever its subject: "his comment about 47 percent being dependent".
            gerund = topic.dep_ == "pcomp" and topic.pos_ in ("VERB", "AUX")
            if gerund or (topic.dep_ == "pobj" and is_content_noun(topic, lexicon)):
                start, end = trim(noun.doc, topic.left_edge.i, topic.right_edge.i + 1, lexicon)
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


def stranded_clause(verb: Token, lexicon: Lexicon | None) -> Span | None:
    """A *that* clause the parser hung on the word before it: ``told analysts on a call that sales would fall``.

    Read as a relative clause of *call*, but *that* opens a clause with a subject of its own right after the
    reporting verb's last phrase: what was said.
    """
    doc = verb.doc
    for aside in verb.children:
        # "cautioned, as did the campaign itself, that ...": the parser hangs the content on the aside.
        if aside.dep_ == "advcl" and aside.i > verb.i and any(m.lower_ == "as" for m in aside.children):
            for clause in aside.children:
                if clause.i > aside.i and any(m.dep_ == "mark" and is_marker(m, lexicon) for m in clause.children):
                    start, end = trim(doc, clause.left_edge.i, clause.right_edge.i + 1, lexicon)
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
                if any(c.i > first.i for c in subjects_of(clause)):
                    start, end = trim(doc, first.i + 1, clause.right_edge.i + 1, lexicon)
                    return doc[start:end] if end - start >= 2 else None
    return None


def with_clause_subject(verb: Token, clause: Token, content: Span | None, lexicon: Lexicon | None) -> Span | None:
    """``demanding Obama make a pledge``: the object the parser took from a subjunctive clause is its subject.

    A verb of demanding takes no addressee before a clause (unlike ``told her ...``), so a noun phrase right
    before a bare verb with no subject of its own is the one the demand is put on.
    """
    if content is None or clause.i < verb.i or has_subject(clause) or any(c.dep_ == "mark" for c in clause.children):
        return content
    # "has said single people and families - gay, straight - would qualify": a finite clause needs a subject, so
    # the object the parser gave any reporting verb is the clause's, unless the verb takes an addressee ("told a
    # young woman who ...").
    lemma = verb.lemma_.lower()
    words = words_of(lexicon)
    if lemma in words.subjunctive_verbs:
        if clause.tag_ not in ("VB", "VBP"):
            return content
    elif lemma in words.addressee_verbs or not (
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


def clause_content(verb: Token, clause: Token, lexicon: Lexicon | None = None) -> Span | None:
    doc = verb.doc
    sent = sentence_of(verb)
    start, end = clause.left_edge.i, clause.right_edge.i + 1
    if clause.dep_ == "advcl":
        # A misparsed complement starts at its subject: "after the convention" is when it was said.
        start = min(c.left_edge.i for c in clause.children if c.dep_ in CLAUSE_SUBJECT_DEPS)
    markers = [c.i for c in clause.children if c.dep_ == "mark" and is_marker(c, lexicon) and start < c.i]
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
            reporting = reporting and not any(is_that_mark(m) for m in conjunct.children)
            if reporting and conjunct.i > clause.i and bool(subjects_of(conjunct)):
                end = min(end, conjunct.left_edge.i)
        for tok in added_reports(doc, clause.i + 1, end, lexicon):
            # "told the audience that she wants X, saying that Y": the participle reports something more, with
            # its own content; the parser hangs it inside the first clause.
            if tok.left_edge.i > clause.i:
                end = min(end, tok.left_edge.i - 1)
    fronted = None
    if clause.i < verb.i:
        # "..., Hoffman said": everything before the attribution, not just the clause the parser hung on it.
        attribution = attribution_start(verb)
        lead = sent.start
        if attribution > sent.start and doc[attribution - 1].text in ATTRIBUTION_BREAKS:
            lead = paragraph_lead(sent, lexicon)
            start, end = lead, attribution
        start = max(start, lead)
        end = min(end, attribution)
    else:
        # "says it would depress revenue ..., but would eventually add ...": the parser hangs the second half of
        # the content on the reporting verb; a subjectless, modal conjunct is still what was said.
        for conjunct in verb.children:
            if conjunct.dep_ == "conj" and conjunct.i > end and _continues_content(conjunct, lexicon):
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
                    or _inverted_condition(reason, lexicon)
                )
            ):
                end = reason.right_edge.i + 1
    if verb.lemma_.lower() == "make" and doc[start].lower_ in ("clear", "plain"):
        start += 1  # "made clear that ...": the parser heads the content with "clear"
    start, end = trim(doc, start, end, lexicon)
    if fronted is not None:
        start = min(start, fronted)  # "If" opens the content here, it marks no reported clause
    if end - start < 2:
        return None
    return doc[start:end]


def _inverted_condition(clause: Token, lexicon: Lexicon | None) -> bool:
    """``should the bank raise rates``, ``had he known``: a conditional clause that opens with its auxiliary."""
    first = clause.doc[clause.left_edge.i]
    subjects = [c.left_edge.i for c in subjects_of(clause)]
    return (
        first.lower_ in words_of(lexicon).inverting_auxiliaries
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
        if clause.left_edge.i != sentence_of(verb).start:
            continue
        marks = [m.lower_ for m in clause.children if m.dep_ in ("mark", "advmod") and m.i < clause.i]
        conditional = any(m in ("if", "unless") for m in marks)
        present = verb.tag_ == "VBD" and any(m in ("when", "whenever") for m in marks) and present_tense(clause)
        if (conditional or present) and doc[clause.right_edge.i + 1].text == ",":
            return clause.left_edge.i
    return None


def _continues_content(conjunct: Token, lexicon: Lexicon | None) -> bool:
    """A clause the parser coordinated with the reporting verb that is still part of what was said.

    ``says it would depress revenue, but would eventually add ...``: a modal verb with no subject of its own.
    """
    if has_subject(conjunct):
        return False  # "said X, and Chaffetz declined": may be the writer's own narration
    return any(c.dep_ == "aux" and c.lower_ in words_of(lexicon).hypothetical_modals for c in conjunct.children)
