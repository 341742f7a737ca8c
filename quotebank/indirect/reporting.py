"""Whether a cue reports speech where it stands, and reports the parser hung inside another's content.

**Precision over recall.** Cognition verbs (``think``, ``believe``, ``hope``) are not in the reporting lexicon and
never count. A negated report (``did not say that``), a report inside a question, and a hypothetical one (``would
say``, ``could claim``) are not attributions, nor is a declined one (``refused to discuss``).
"""

from __future__ import annotations

from bisect import bisect_left

from spacy.tokens import Doc, Token

from ..lexicons import Lexicon
from ..syntax import ends_in_question, has_subject, parse_index, sentence_of, subjects_of

__all__ = ["added_reports", "is_added_report", "reports_speech"]


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
        if has_subject(tok):
            return False
        clause = tok.head
        if not (
            clause.dep_ == "ccomp" and clause.head.i < clause.i and clause.head.lemma_.lower() in lexicon.speech_verbs
        ):
            return False
        # "They said he rated them and talked about it": he talked. Only a content subject that cannot speak,
        # or one that may be the reporter again ("China said it was opposed and warned"), gives the verb away.
        subjects = subjects_of(clause)
        reporters = subjects_of(clause.head)
        if not subjects or not reporters:
            return False
        return _same_or_mute(subjects[0], reporters[0], lexicon)
    return False


def added_reports(doc: Doc, start: int, end: int, lexicon: Lexicon) -> list[Token]:
    """The tokens from ``start`` to before ``end`` that are :func:`is_added_report`, in text order.

    With a parse index active (:func:`quotebank.syntax.indexed`) the document's added reports are found once and
    each call bisects them: every cue asks about the rest of its content, which in a long sentence is most of it.
    """
    index = parse_index(doc)
    if index is None:
        return [t for t in doc[start:end] if is_added_report(t, lexicon)]
    # The lexicon is kept in the value, so that its id names no other lexicon while the index lives.
    _, positions = index.memo(("added_reports", id(lexicon)), lambda: (lexicon, _added_positions(doc, lexicon)))
    return [doc[i] for i in positions[bisect_left(positions, start) : bisect_left(positions, max(start, end))]]


def _added_positions(doc: Doc, lexicon: Lexicon) -> list[int]:
    """The indexes of the document's added reports (only a reporting verb's lemma can make one)."""
    strings = doc.vocab.strings
    speech: dict[int, bool] = {}
    found = []
    for i, lemma in enumerate(doc.to_array("LEMMA").tolist()):
        if lemma not in speech:
            speech[lemma] = strings[lemma].lower() in lexicon.speech_verbs
        if speech[lemma] and is_added_report(doc[i], lexicon):
            found.append(i)
    return found


def _same_or_mute(subject: Token, reporter: Token, lexicon: Lexicon) -> bool:
    """True when ``subject`` cannot be a speaker other than ``reporter``: a thing, or a pronoun that fits it."""
    pronoun = lexicon.personal_pronouns.get(subject.lower_)
    if pronoun is None:
        return subject.lower_ in ("it", "that", "this") or (subject.pos_ == "NOUN" and subject.ent_type_ == "")
    plural = reporter.tag_ in ("NNS", "NNPS") or reporter.lower_ in ("they", "we")
    return (pronoun == "they") == plural and reporter.pos_ in ("PROPN", "PRON")


def reports_speech(verb: Token, lexicon: Lexicon) -> bool:
    """True when the verb reports speech here (not negated, questioned or hypothetical)."""
    lemma = verb.lemma_.lower()
    if verb.lower_ == "according":
        return True
    if lemma in lexicon.cognition_verbs and lemma not in lexicon.evidential_verbs:
        return False
    if any(c.dep_ == "neg" for c in verb.children):
        return False
    if verb.dep_ == "xcomp" and verb.head.lemma_.lower() in lexicon.declining_verbs:
        return False  # "refused to discuss the appointees" reports nothing
    if any(c.dep_ == "aux" and c.lower_ in lexicon.hypothetical_modals for c in verb.children):
        return False
    return not ends_in_question(sentence_of(verb))
