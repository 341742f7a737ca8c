"""Reports in a headline, where title case defeats the tagger and the verb is often left out.

**Headlines.** A headline source may be a name only the article's text recognises (``Sanders: ...``), come before a
topic or addressee (``Obama on Climate Change: ...``), or precede a reporting verb the tagger took for a noun
(``Sanders Vows To ...``, ``Lawmakers Rip X As A ‘Fraud’``, ``Study links X to Y``). A label before the colon is
passed over (``The Latest: Trump urges ...``); clauses ``;`` joins report apart, each verb within its own (``Kyiv
says ...; Moscow denies targeting civilians``); a speech participle after the main clause speaks for its subject
(``xAI sues OpenAI, alleging theft of trade secrets``). A record no one is named as owning is its own source (``The
lawsuit alleges``, ``According to the complaint``), not the name before it.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from ..lexicons import Lexicon
from ..syntax import NAME_ENTITIES, NOT_CONTENT_ENTITIES
from .content import content_span
from .frames import may_speak, nominal_content
from .reporting import reports_speech
from .spans import ATTRIBUTION_BREAKS, trimmed, words_of

__all__ = ["content_within", "headline_clauses", "headline_reports"]

_HEADLINE_TOKENS = 30
_HEADLINE_SOURCE_WORDS = 6


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
    return _content_in(verb, clause, lexicon) if reports_speech(verb, lexicon) else None


def _line_report(line: Span, named: frozenset[str], lexicon: Lexicon | None) -> tuple[Span, Span, Token] | None:
    """The report of one headline clause: a source before a colon, ``X says``, or a source and its verb."""
    doc = line.doc
    lexical = words_of(lexicon)
    words = [t for t in line if not t.is_space]
    colon = next((t for t in words if t.text == ":"), None)
    if colon is not None:
        source = _topic_cut(doc[line.start : colon.i], lexical)
        content = doc[colon.i + 1 : line.end]
        if _headline_source(source, lexical, named):
            return trimmed(source, lexicon), trimmed(content, lexicon), colon
        if source.text.strip().lower() not in lexical.headline_kickers or len(content) < 3:
            return None
        # "The Latest: Trump urges supporters to ...": a label, then the headline proper.
        line = content
        words = [t for t in line if not t.is_space]
    says = next((t for t in words if t.lower_ in lexical.headline_say_forms), None)
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
        if _headline_source(source, lexical, named):
            return trimmed(source, lexicon), trimmed(doc[line.start : comma.i], lexicon), says
        return None
    if comma is None and _headline_source(before, lexical, named):
        return trimmed(before, lexicon), trimmed(after, lexicon), says
    return None


def _parsed_report(line: Span, named: frozenset[str], lexicon: Lexicon) -> tuple[Span, Span, Token] | None:
    """``Moscow denies targeting civilians``: a headline the parser read, with its source and content in it."""
    for verb in line:
        if verb.pos_ != "VERB" or verb.tag_ not in ("VBZ", "VBP") or verb.lemma_.lower() not in lexicon.speech_verbs:
            continue
        subjects = [c for c in verb.children if c.dep_ == "nsubj" and line.start <= c.left_edge.i < verb.i]
        if not subjects or not reports_speech(verb, lexicon):
            continue
        source = trimmed(verb.doc[subjects[0].left_edge.i : subjects[0].right_edge.i + 1], lexicon)
        content = _content_in(verb, line, lexicon)
        if content is not None and (_headline_source(source, lexicon, named) or _cased_name(source, line)):
            return source, content, verb
    return None


def _main_subject(head: Token, line: Span, named: frozenset[str], lexicon: Lexicon) -> Span | None:
    """The subject of a headline's main verb ``head``; a name heading the line when the tagger missed the verb.

    ``named`` holds the words of the names the article gives (see :func:`_article_names`).

    ``Boeing fires CEO, citing ...``: title case or a missing article makes the tagger read ``fires`` as a noun;
    a name, then a word in ``-s``, is still subject and verb.
    """
    doc = line.doc
    if head.pos_ == "VERB":
        subjects = [c for c in head.children if c.dep_ == "nsubj" and line.start <= c.left_edge.i < head.i]
        return trimmed(doc[subjects[0].left_edge.i : subjects[0].right_edge.i + 1], lexicon) if subjects else None
    end = line.start
    while end < line.end and (
        doc[end].text in named
        or (doc[end].ent_type_ in NAME_ENTITIES and (end == line.start or doc[end].ent_iob_ == "I"))
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
    for content in (content_span(verb, lexicon), nominal_content(verb, lexicon)):
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
        if tok.lemma_.lower() not in lexicon.speech_verbs or not reports_speech(tok, lexicon):
            continue
        source = _main_subject(head, line, named, lexicon)
        if source is None:
            continue
        content = _content_in(tok, line, lexicon)
        if content is None:
            continue
        if _headline_source(source, lexicon, named) or _cased_name(source, line) or may_speak(head, lexicon):
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
            if before.text in ATTRIBUTION_BREAKS:
                start = before.i + 1  # "Railing Against Trump, Sanders Vows ...": the source follows the comma
        source = doc[start : tok.i]
        end = line.end
        for joint in doc[tok.i + 1 : line.end]:
            later = doc[joint.i + 1 : line.end]
            if joint.lower_ in lexicon.headline_joints and any(
                _headline_lemma(t, lexicon) or t.lemma_ in lexicon.speech_verbs for t in later
            ):
                end = joint.i  # "Chancellor defends budget as Tory leader calls it ...": a second report
                break
        # "Trump calls for ceasefire": what is called for, as in running text.
        led = doc[tok.i + 1].lower_ in lexicon.content_prepositions.get(lemma, ()) and tok.i + 2 < end
        content = trimmed(doc[tok.i + 2 if led else tok.i + 1 : end], lexicon)
        if not _headline_source(source, lexicon, named) or sum(t.is_alpha for t in doc[tok.i + 1 : end]) < 2:
            return None
        if any(t.pos_ in ("VERB", "AUX") for t in source):
            return None  # "Hamas rejects truce offer, ...": the verb came first; "offer" is a noun after all
        if content.root.ent_type_ in NOT_CONTENT_ENTITIES and all(t.ent_iob_ == "I" for t in content[1:]):
            return None  # "Cruz Endorses Trump": the person supported, not something said
        return trimmed(source, lexicon), content, tok
    return None


def _headline_lemma(tok: Token, lexicon: Lexicon) -> str | None:
    """The reporting verb a headline word is a present-tense form of (``Vows``, ``questions``, ``Rip``), if any."""
    word = tok.lower_
    forms = [word, word[:-1] if word.endswith("s") else "", word[:-2] if word.endswith("es") else ""]
    if word.endswith("ies"):
        forms.append(word[:-3] + "y")
    for form in forms:
        if form in lexicon.headline_criticism_verbs or (
            form in lexicon.speech_verbs
            and (
                form in lexicon.object_content_verbs
                or form in lexicon.request_verbs
                or form in lexicon.naming_verbs
                or form in lexicon.relating_verbs  # "Study links night shifts to diabetes"
            )
        ):
            return form
    return None


def _headline_source(span: Span, lexicon: Lexicon, article_names: frozenset[str] = frozenset()) -> bool:
    """True when ``span`` may be who a headline quotes: a name, or a poll, study or the like.

    ``article_names`` are the words of the names the article itself gives: the recogniser often misses a bare
    surname in a title-case headline (``Sanders: ...``) that it knows in the running text.
    """
    words = [t for t in span if not t.is_punct and not t.is_space]
    if not 1 <= len(words) <= _HEADLINE_SOURCE_WORDS or any(t.text == ";" for t in span):
        return False  # "Trump doesn't deny affair; lawyer says ...": a clause before, not a name
    if span.text.strip().lower() in lexicon.headline_kickers:
        return False
    # Title case makes every word a proper noun to the tagger; a source must be a name the recogniser knows.
    named = any(t.ent_type_ in NAME_ENTITIES or t.text in article_names for t in words)
    return named or words[-1].lower_ in lexicon.headline_source_nouns


def _article_names(doc: Doc, start_char: int) -> frozenset[str]:
    """The capitalised words of the people and organisations named after ``start_char`` (the headline's end)."""
    return frozenset(
        t.text
        for ent in doc.ents
        if ent.start_char >= start_char and ent.label_ in NAME_ENTITIES
        for t in ent
        if t.is_title and not t.is_stop and len(t.text) > 1
    )


def _topic_cut(source: Span, lexicon: Lexicon) -> Span:
    """``Obama on Climate Change``, ``Trump to Congress``: the speaker before the topic or the addressee."""
    for tok in source:
        if tok.lower_ in lexicon.headline_topic_prepositions and tok.i > source.start and tok.is_lower:
            return source.doc[source.start : tok.i]
    return source
