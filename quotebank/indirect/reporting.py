"""Whether a cue reports speech where it stands, and reports the parser hung inside another's content.

**Precision over recall.** Cognition verbs (``think``, ``believe``, ``hope``) are not in the reporting lexicon and
never count. A negated report (``did not say that``), a report inside a question, and a hypothetical one (``would
say``, ``could claim``) are not attributions, nor is a declined one (``refused to discuss``).
"""

from __future__ import annotations

from spacy.tokens import Token

from ..lexicons import Lexicon
from ..syntax import ends_in_question, has_subject, subjects_of

__all__ = ["is_added_report", "reports_speech"]


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
    return not ends_in_question(verb.sent)
