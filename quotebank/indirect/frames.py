"""Nominal content: noun frames (``announced a plan``, ``called for a ban``), stances and public positions.

**Nominal content.** For the verbs the lexicon lists, what was said may be a noun phrase: the object (``announced a
new tax plan``) or the object of a listed preposition (``called for a ban on imports``, ``accused him of lying``),
including public stances (``rejected the request``, ``likened the deal to a blank check``; a physical ``attacked``
or ``defended`` is not speech). Verbs of a stand (``supports``, ``backed``, ``defended``, ``offered``, ``released``)
report their object only when someone takes it and it names a position or claim (``supports the regulations``,
``offered no proof that ...``) or describes words said (``defended his tweets attacking her``), not ``backed the
car``, ``offered a loan`` or a bare ``defended the remark``; ``linked X to Y`` reports both when a speaker joins
them. In the passive the agent speaks and the subject is the content (``The plan was criticized by Democrats``).
People, organisations, dates, titles and speech nouns are never content (``criticized Clinton``, ``mocked the prime
minister``, ``answered questions``), nor are the terms of speaking (``speaking on condition of anonymity``, ``asked
not to be named``). A gerund object counts (``called for releasing the videos``, ``admitted using funds``), as does
a gerund coordinated with it (``mentioned raising taxes and cutting fees``) and a closing ``, but`` phrase (``called
for deducting investments, but on a wider scale``); a noun phrase runs on over a sentence break the parser made
mid-line and ends at a dash or at a relative clause on a person or place.

**Stances.** Praise and blame report the person with the reason or the predicate (``thanked Trump on Twitter for
backing the bill``, ``attacked her opponent as a fraud``), never the person alone (``praised the governor``); ``laid
out``, ``promoted`` report their object only when it names a position (``laid out her proposals``, not ``laid out $5
million``); a topic runs on over ``, and how ...`` and ``, especially in ...``.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from ..lexicons import Lexicon
from ..roles import is_title_token
from ..syntax import NAME_ENTITIES, NOT_CONTENT_ENTITIES, SETTING_ENTITIES, SUBJECT_DEPS, TIME_ENTITIES, sentence_of
from .reporting import added_reports
from .spans import ASIDE_DASHES, is_that_mark, trim

__all__ = [
    "continued_end",
    "is_content_noun",
    "is_setting",
    "may_speak",
    "nominal_content",
]


def nominal_content(verb: Token, lexicon: Lexicon) -> Span | None:
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
    if lemma in lexicon.relating_verbs and not (
        any(c.dep_ == "dobj" for c in verb.children) and may_speak(verb, lexicon)
    ):
        # Someone joins two things: "was linked to the scandal" names no one who links them, and "The bridge links
        # the island to the mainland" is no claim.
        preps = ()
    for prep in verb.children:
        if prep.dep_ == "prep" and prep.lower_ in preps and not is_setting(prep, lexicon):
            candidates += [o for o in prep.children if o.dep_ in ("pobj", "pcomp")]
    stance = _is_position_verb(verb, lexicon)
    for head in candidates:
        between = doc[verb.i + 1 : head.left_edge.i] if head.i > verb.i else doc[0:0]
        if any(t.pos_ == "VERB" and t.lemma_.lower() in lexicon.speech_verbs for t in between):
            continue  # "defends budget as Tory leader calls it 'a tax raid'": the object of the nearer report
        # A position verb's stand on words said reports them: "defended his remarks".
        quoting = lemma in lexicon.quoting_verbs or (stance and _names_position(verb, head, lexicon))
        if not is_content_noun(head, lexicon, quoting=quoting):
            continue
        start, end = head.left_edge.i, head.right_edge.i + 1
        if head.dep_ != "dobj":
            # "accused Cruz of associating with Oswald": the object is part of the accusation.
            objects = [c for c in verb.children if c.dep_ == "dobj" and c.i < head.i]
            # "called Friday for releasing the videos": the parser's object is the date it was said
            start = min([start, *(c.left_edge.i for c in objects if c.ent_type_ not in TIME_ENTITIES)])
        if head.dep_ != "nsubjpass":  # the passive subject ends before the verb: nothing to continue
            end = _stance_end(verb, head, continued_end(verb, end, lexicon), lexicon)
        # "defended plans to cut benefits, telling MPs that ...": a speech participle is a report of its own.
        added = [t.left_edge.i for t in added_reports(doc, head.i + 1, end, lexicon) if t.left_edge.i > head.i]
        end = min([end, *added])
        start, end = trim(doc, start, end, lexicon)
        if sum(not t.is_punct for t in doc[start:end]) >= 2:
            return doc[start:end]
    return None


def may_speak(verb: Token, lexicon: Lexicon) -> bool:
    """The verb's subject or passive agent can make a claim: a name, a pronoun, a title, a group or a source."""
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    subjects += [o for a in verb.children if a.dep_ == "agent" for o in a.children if o.dep_ == "pobj"]
    if not subjects:
        return verb.dep_ in ("conj", "xcomp", "advcl") and verb.head.i != verb.i and may_speak(verb.head, lexicon)
    subject = subjects[0]
    word = subject.lemma_.lower()
    speakers = lexicon.unnamed_heads | lexicon.organization_words | lexicon.evidence_nouns
    return (
        subject.pos_ in ("PROPN", "PRON")
        or subject.ent_type_ in NAME_ENTITIES
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
    if _is_position_verb(verb, lexicon) and may_speak(verb, lexicon):
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
    claim = any(c.dep_ in ("acl", "ccomp") and any(is_that_mark(m) for m in c.children) for c in noun.children)
    if word in lexicon.position_nouns:
        return True
    if word in lexicon.cue_nouns and claim:
        return False  # "defended his claim that ...": the claim itself reports what it says
    if word in lexicon.cue_nouns and verb.lemma_.lower() not in lexicon.delivery_verbs:
        # "defended the remark" only points back at words quoted elsewhere; "his tweets attempting to shame her"
        # says which.
        return any(c.dep_ not in ("det", "poss", "punct", "case") for c in noun.children)
    return claim


def _stance_end(verb: Token, head: Token, end: int, lexicon: Lexicon) -> int:
    """``end`` of a nominal content, without the writer's asides and with the rest of a topic.

    ``thanked him for backing his priority - delaying the handover``: what follows a dash is the writer's aside,
    and so is a relative clause after a comma that identifies a person or a place (``..., who has never run``).
    ``spoke of the legacy of racism, and how the fight flowed ...`` and ``speaks about racial issues, particularly
    in the context of ...``: a coordinated question clause and a focused phrase are still the topic.
    """
    doc = verb.doc
    for tok in doc[head.i + 1 : end]:
        spaced_hyphen = tok.text == "-" and bool(tok.whitespace_ and doc[tok.i - 1].whitespace_)
        aside = tok.text in ASIDE_DASHES or spaced_hyphen
        relative = (
            tok.dep_ == "relcl"
            and doc[tok.left_edge.i - 1].text == ","
            and doc[tok.left_edge.i].lower_ in lexicon.identifying_relatives
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
            if child.dep_ == "conj" and doc[child.left_edge.i].lower_ in lexicon.question_words:
                end = child.right_edge.i + 1  # "spoke of X and how Y": one more thing spoken of
            elif child.dep_ == "prep" and doc[child.left_edge.i].lower_ in lexicon.focusing_adverbs:
                end = child.right_edge.i + 1  # "..., particularly in the context of Y"
            else:
                break
    return end


def is_setting(prep: Token, lexicon: Lexicon) -> bool:
    """A prepositional phrase that says where, when or through what something was said."""
    if prep.lower_ not in lexicon.setting_prepositions:
        return False
    objects = [o for o in prep.children if o.dep_ == "pobj"]
    return any(
        o.ent_type_ in SETTING_ENTITIES
        or o.lemma_.lower() in lexicon.setting_nouns
        or o.lemma_.lower() in lexicon.speech_nouns
        or o.lemma_.lower() in lexicon.cue_nouns
        or o.lower_ in lexicon.media_words
        for o in objects
    )


def continued_end(verb: Token, end: int, lexicon: Lexicon) -> int:
    """``end`` moved over the verb's later complements the parser took from the content noun.

    ``cited her work after the attacks and her position on leave``: the conjunct and the modifiers hang on the
    verb, but belong to what was cited. Time expressions, adverbial clauses and conjoined verbs end the content.
    """
    rights = list(verb.rights)
    for n, child in enumerate(rights):
        if child.i < end:
            continue
        following = rights[n + 1] if n + 1 < len(rights) else None
        if child.text == "," and following is not None and following.lower_ in lexicon.example_prepositions:
            continue  # "condemned Russia's invasion of Ukraine, including its annexation of Crimea"
        qualifier = rights[n + 2] if n + 2 < len(rights) else None
        if (
            child.text == ","
            and following is not None
            and following.lower_ == "but"
            and qualifier is not None
            and qualifier.pos_ == "ADP"
            and qualifier.dep_ in ("prep", "conj")
            and not is_setting(qualifier, lexicon)
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
        if child.ent_type_ in TIME_ENTITIES or any(t.ent_type_ in TIME_ENTITIES for t in child.children):
            break
        if child.dep_ == "prep" and is_setting(child, lexicon):
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
    sent = sentence_of(verb)
    if end != sent.end or sent.end >= len(doc):
        return end
    last = doc[sent.end - 1]
    if last.is_punct or last.is_space or last.whitespace_ != " " or doc[sent.end].is_space:
        return end
    following = sentence_of(doc[sent.end])
    stop = following.end
    while stop > following.start and doc[stop - 1].is_space:
        stop -= 1
    if stop == following.start or not doc[stop - 1].is_punct or any(t.is_space for t in doc[following.start : stop]):
        return end
    return stop


def is_content_noun(head: Token, lexicon: Lexicon, *, quoting: bool = False) -> bool:
    """Not a person, organisation or date (the target or time of the speech), nor a speech noun itself.

    A speech noun is content for a quoting verb (``cited the comments he had made``).
    """
    if head.pos_ in ("PRON", "PROPN") or head.ent_type_ in NOT_CONTENT_ENTITIES:
        return False
    if any(c.dep_ in SUBJECT_DEPS for c in head.children):
        return False
    word = head.lemma_.lower()
    if word in lexicon.empty_nouns or is_title_token(head, lexicon) or word in lexicon.person_descriptions:
        return False  # "mocked the prime minister": a person described, the target of the speech
    if head.pos_ == "VERB":
        return True  # a gerund is an action asked for or blamed ("called for releasing the videos"), not a speech noun
    return quoting or (word not in lexicon.speech_nouns and word not in lexicon.cue_nouns)
