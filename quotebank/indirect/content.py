"""What a cue reports: each construction's rule in turn, then the run-ons the parser cut off."""

from __future__ import annotations

from spacy.tokens import Span, Token

from ..lexicons import Lexicon
from ..syntax import COMPLEMENT_DEPS, has_subject, is_ancestor, nearest_with_dep, sentence_of, subtree_size
from .attributions import parenthetical_content
from .clauses import clause_content, misparsed_complement, noun_content, stranded_clause, with_clause_subject
from .evidence import evidential_content
from .frames import nominal_content
from .requests import naming_content, request_content
from .spans import past_tense, trim, words_of

__all__ = ["content_span"]


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
    return _with_main_clause(verb, _with_possessed(_with_stray_conjunct(verb, content, lexicon), lexicon), lexicon)


def _with_possessed(content: Span, lexicon: Lexicon) -> Span:
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
    _, end = trim(doc, content.start, end, lexicon)
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
    sent_end = sentence_of(verb).end
    if content.start < verb.i or i >= sent_end:
        return content
    predicate = doc[i]
    if (
        predicate.dep_ == "conj"
        and predicate.tag_ in ("VBD", "VBZ")
        and predicate.left_edge.i == i
        and is_ancestor(predicate.head, verb)
        and not has_subject(predicate)
    ):
        # "showed the businessman and his companies lost $916 million": a finite verb right after the content,
        # with no subject and no conjunction, takes the noun phrase before it as its subject.
        _, end = trim(doc, content.start, predicate.right_edge.i + 1, lexicon)
        return doc[content.start : end]
    if doc[i].text == ",":
        i += 1
    if i + 1 >= sent_end:
        return content
    example = doc[i]
    if example.lower_ in lexicon.example_prepositions and example.dep_ == "prep" and is_ancestor(example.head, verb):
        # "avoids condemning Russia's invasion of Ukraine, including its annexation of Crimea": the examples
        # are of what was condemned, wherever the parser hangs them.
        _, end = trim(doc, content.start, example.right_edge.i + 1, lexicon)
        return doc[content.start : end]
    stranded = doc[content.end - 1].dep_ == "cc"
    if stranded:
        # "showed the charity and | its founder spent ...": an object that ends on its conjunction is the first
        # subject of the clause after it; a clause that does ("..., and | he noted that ...") ends before it.
        i = content.end - 1
        if doc[content.start : i].root.pos_ not in ("NOUN", "PROPN"):
            _, end = trim(doc, content.start, i, lexicon)
            return doc[content.start : end]
    elif doc[i].dep_ != "cc":
        return content
    joint = doc[i]
    conjunct = nearest_with_dep(doc[i + 1], "conj")
    if (
        conjunct is None
        or conjunct.left_edge.i != i + 1
        or not (conjunct.head == verb or is_ancestor(conjunct.head, verb))
    ):
        return content
    nominal = conjunct.pos_ == "NOUN" and conjunct.head.pos_ in ("VERB", "AUX")
    dangling = joint.head.i == verb.i and not any(c.dep_ == "conj" for c in verb.children)
    bare = dangling and conjunct.tag_ in ("VB", "VBP") and not has_subject(conjunct)
    if not ((stranded and conjunct.lemma_.lower() not in lexicon.speech_verbs) or nominal or bare):
        return content
    _, end = trim(doc, content.start, conjunct.right_edge.i + 1, lexicon)
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
    if main is verb or past_tense(main) or any(c.dep_ == "cc" and c.i < main.i for c in main.children):
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
    _, end = trim(doc, content.start, end, lexicon)
    return doc[content.start : end] if end > content.end else content


def _content(verb: Token, lexicon: Lexicon | None) -> Span | None:
    """What ``verb`` reports by the first construction that fits, in this order: ``according to`` (the rest of the
    sentence), a speech noun (:mod:`.clauses`), a stance (:mod:`.frames`), a complement clause (:mod:`.clauses`), a
    parenthetical or trailing cue (:mod:`.attributions`), a stranded ``that``-clause, a request or a naming
    (:mod:`.requests`), a finding (:mod:`.evidence`), a noun phrase (:mod:`.frames`)."""
    doc = verb.doc
    sent = sentence_of(verb)
    if verb.lower_ == "according":
        phrase = list(verb.subtree)
        first, last = phrase[0].i, phrase[-1].i
        before = trim(doc, sent.start, first, lexicon)
        after = trim(doc, last + 1, sent.end, lexicon)
        start, end = max((before, after), key=lambda b: b[1] - b[0])
        return doc[start:end] if end - start >= 2 else None
    if verb.pos_ in ("NOUN", "PROPN"):
        return noun_content(verb, lexicon)
    if lexicon is not None and verb.lemma_.lower() in lexicon.stance_verbs:
        # "Iran attacked two bases in Iraq that house US troops": a stance is said only with its object or reason.
        return nominal_content(verb, lexicon)
    clauses = [c for c in verb.children if c.dep_ in COMPLEMENT_DEPS or misparsed_complement(verb, c)]
    if clauses:
        # "X set off fireworks: Republicans said they are convinced ...": what follows the verb is what was said.
        following = [c for c in clauses if c.i > verb.i]
        main = min(following, key=lambda c: c.i) if following else max(clauses, key=subtree_size)
        content = with_clause_subject(verb, main, clause_content(verb, main, lexicon), lexicon)
        later = [c for c in following if c.i > main.i and c.dep_ == "ccomp"]
        if content is not None and later and main.i > verb.i:
            # "said her plans will solve ... — the cost of childcare, mounting student debt and unpaid leave": the
            # parser split one content into two clauses of the verb.
            tail = clause_content(verb, later[-1], lexicon)
            if tail is not None and tail.end > content.end:
                return doc[content.start : tail.end]
        return content
    around = parenthetical_content(verb, lexicon)
    if around is not None:
        return around
    stranded = stranded_clause(verb, lexicon)
    if stranded is not None:
        return stranded
    words = words_of(lexicon)
    if verb.lemma_.lower() in words.request_verbs:
        requests = [c for c in verb.children if c.dep_ == "xcomp"]
        if requests:
            return request_content(verb, requests[0], lexicon)
    if verb.lemma_.lower() in words.naming_verbs:
        named = naming_content(verb, lexicon)
        if named is not None:
            return named
    if lexicon is not None and verb.lemma_.lower() in lexicon.evidential_verbs:
        return evidential_content(verb, lexicon)
    if lexicon is not None:
        return nominal_content(verb, lexicon)
    return None
