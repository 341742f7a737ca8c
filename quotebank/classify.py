"""Tell direct quotes, partial quotes and scare quotes apart.

Rules (applied to each quotation-mark pair, in order):

1. An embedded post is ``EMBEDDED_POST``.
2. A *scare quote* (``SCARE``: a title, a name or a word held at arm's length)
   is a short fragment (at most :data:`SCARE_MAX_WORDS` words, not ending a
   sentence) that is introduced by a naming word (``so-called``, ``dubbed``,
   ``Operation``, ``hashtag`` ...) or that sits inside a sentence with no
   reporting cue at all (no speech verb or noun, no ``according to``, no colon
   before it). A title is a scare quote too: Title Case words after the noun of a
   work (``his book, “Make Your Kid a Millionaire,”``), after a determiner
   (``a bipartisan “Grand Bargain”``, ``his 1994 “Contract with America”``), or
   alone in their paragraph (a section heading); see :func:`names_title`. Such a
   title stays a scare quote inside a reported clause. Scare quotes are kept on
   the Doc but left out of :func:`quotebank.extract` by default.
3. A quote that is built into the syntax of its sentence (the character before
   the opening mark is a letter or digit: ``described it as “...”``, ``does
   “not seek ...”``), or that starts in lower case outside a split quote, is
   ``PARTIAL``; anything else is ``DIRECT``. Later pieces of a split quote
   take the kind of the first piece.

Words a headline sets in single marks inside its own clause (:func:`headline_words`)
keep their kind here; when the headline's clause is returned as reported speech,
:mod:`quotebank.indirect` makes them a scare quote, so that the statement is
returned once.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable

from spacy.tokens import Doc, Span

from .detect import RawQuote
from .lexicons import Lexicon
from .marks import SINGLE_MARKS, opening_width
from .model import QuoteKind

__all__ = [
    "classify_kinds",
    "headline_end",
    "headline_words",
    "is_title",
    "names_title",
    "sentence_has_cue",
    "sentence_of",
]

SCARE_MAX_WORDS = 5
STAGE_DIRECTION = re.compile(r"\s*[(\[][^()\[\]]*[)\]][.\s]*")
"""A stage direction in a transcript: the whole quote in brackets."""


def _previous_char(text: str, pos: int) -> str:
    i = pos - 1
    while i >= 0 and text[i] in " \t\u00a0":
        i -= 1
    return text[i] if i >= 0 else "\n"


def _quote_span(doc: Doc, quote: RawQuote) -> Span | None:
    return _char_span(doc, quote.start, quote.end)


def _char_span(doc: Doc, start: int, end: int) -> Span | None:
    return doc.char_span(start, end, alignment_mode="expand")


_IRREGULAR = {
    "said": "say",
    "says": "say",
    "told": "tell",
    "wrote": "write",
    "written": "write",
    "spoke": "speak",
    "spoken": "speak",
    "read": "read",
    "swore": "swear",
    "sworn": "swear",
}


def naive_lemma(word: str) -> str:
    """A verb's lemma without a tagger (for Docs with no POS annotation).

    Example:
        >>> naive_lemma("said"), naive_lemma("tweeted"), naive_lemma("claims"), naive_lemma("called")
        ('say', 'tweet', 'claim', 'call')
    """
    if word in _IRREGULAR:
        return _IRREGULAR[word]
    for suffix, replacement in (
        ("ied", "y"),
        ("ies", "y"),
        ("eed", "eed"),
        ("ed", ""),
        ("ing", ""),
        ("es", "e"),
        ("s", ""),
    ):
        if word.endswith(suffix) and len(word) > len(suffix) + 2:
            return word[: -len(suffix)] + replacement
    return word


def sentence_of(span: Span) -> Span:
    """The sentence of ``span``'s first token, or its paragraph when the Doc has no sentence boundaries."""
    doc = span.doc
    if doc.has_annotation("SENT_START"):
        return span[0].sent if len(span) else span.sent
    text = doc.text
    start = text.rfind("\n", 0, span.start_char) + 1
    end = text.find("\n", span.end_char)
    sentence = doc.char_span(start, len(text) if end < 0 else end, alignment_mode="expand")
    return sentence if sentence is not None else span


class _Ranges:
    """Character ranges, merged once, so that a position is looked up in O(log n) rather than against every range.

    >>> r = _Ranges([(5, 9), (0, 2), (8, 12), (20, 20)])
    >>> [pos for pos in range(22) if pos in r]
    [0, 1, 5, 6, 7, 8, 9, 10, 11]
    """

    def __init__(self, ranges: Iterable[tuple[int, int]]) -> None:
        self.starts: list[int] = []
        self.ends: list[int] = []
        for start, end in sorted(r for r in ranges if r[0] < r[1]):
            if self.ends and start <= self.ends[-1]:
                self.ends[-1] = max(self.ends[-1], end)
            else:
                self.starts.append(start)
                self.ends.append(end)

    def __contains__(self, pos: int) -> bool:
        i = bisect_right(self.starts, pos) - 1
        return i >= 0 and pos < self.ends[i]


def sentence_has_cue(doc: Doc, span: Span, lexicon: Lexicon, exclude: list[tuple[int, int]]) -> bool:
    """True when the sentence around ``span`` reports speech outside the quotes in ``exclude``."""
    return _has_cue(doc, sentence_of(span), lexicon, _Ranges(exclude))


def _has_cue(doc: Doc, sentence: Span, lexicon: Lexicon, excluded: _Ranges) -> bool:
    tagged = doc.has_annotation("POS")
    for tok in sentence:
        if tok.idx in excluded:
            continue
        lemma = tok.lemma_.lower() or naive_lemma(tok.lower_)
        if lemma in lexicon.position_verbs:
            continue  # "backed the “Buy American” plan": taking a stand does not make a quoted name anyone's words
        if (tok.pos_ in ("VERB", "AUX") or not tagged) and (
            lemma in lexicon.speech_verbs or tok.lower_ in lexicon.speech_verbs
        ):
            return True
        if tok.is_lower and (lemma in lexicon.cue_nouns or tok.lower_ in lexicon.cue_nouns):
            return True
        if tok.lower_ == "according" and tok.i + 1 < len(doc) and doc[tok.i + 1].lower_ == "to":
            return True
    return False


_TITLE_CONTEXT = frozenset(
    [
        "on",
        "in",
        "of",
        "from",
        "at",
        "watch",
        "watched",
        "watching",
        "host",
        "hosted",
        "show",
        "program",
        "programme",
        "book",
        "film",
        "movie",
        "documentary",
        "song",
        "album",
        "novel",
        "series",
        "episode",
        "column",
        "article",
        "headline",
        "titled",
        "entitled",
        "memoir",
        "play",
        "podcast",
        "network",
    ]
)


def _word_before(text: str, pos: int) -> str:
    match = re.search(r"([\w'’-]+)[^\w]*$", text[max(0, pos - 40) : pos])
    return match.group(1).lower() if match else ""


_SMALL_WORDS = frozenset(
    [
        "a",
        "an",
        "and",
        "as",
        "at",
        "but",
        "by",
        "for",
        "from",
        "in",
        "into",
        "nor",
        "of",
        "on",
        "or",
        "the",
        "to",
        "with",
        "vs",
        "via",
    ]
)


_WORD = re.compile(r"(?<![\w'’-])[^\W_][\w'’-]*")


def is_title(body: str) -> bool:
    """True for a short title or name in Title Case: ``Morning Joe``, ``Coal Isn't the Villain.``, ``13th``.

    A word that starts with a digit has no case and fits a title (``13th``, ``American Skin (41 Shots)``); a
    number alone (``1,000``) is no title.

    Example:
        >>> is_title("Fox News Sunday,"), is_title("not seek escalation"), is_title("13th."), is_title("80 soldiers")
        (True, False, True, False)
    """
    words = _WORD.findall(body)
    if not words or len(words) > 7 or not any(c.isalpha() for c in body):
        return False
    capitals = [w for w in words if w.lower() not in _SMALL_WORDS or w is words[0]]
    return bool(capitals) and all(w[0].isupper() or w[0].isdigit() for w in capitals)


# Nouns that name a work, whose title may follow after a comma (`his 2002 book, "Make Your Kid a Millionaire,"`):
# unlike the prepositions of _TITLE_CONTEXT they cannot introduce speech.
_WORK_NOUNS = frozenset(
    [
        "book",
        "film",
        "movie",
        "documentary",
        "song",
        "anthem",
        "hymn",
        "album",
        "novel",
        "memoir",
        "poem",
        "essay",
        "series",
        "episode",
        "show",
        "program",
        "programme",
        "podcast",
        "column",
        "headline",
        "slogan",
        "motto",
        "titled",
        "entitled",
    ]
)
_DETERMINERS = frozenset(["a", "an", "the", "this", "that", "its", "his", "her", "their", "our", "my", "your"])


def _is_subhead(text: str, open_pos: int, end: int) -> bool:
    """A Title Case quote that is a paragraph of its own: a section heading (`'All Bets Are Off.'`), not speech."""
    before = text[text.rfind("\n", 0, open_pos) + 1 : open_pos]
    close = text.find("\n", end)
    after = text[end : len(text) if close < 0 else close]
    return text.rfind("\n", 0, open_pos) >= 0 and not before.strip() and not re.search(r"\w", after)


def _after_determiner(doc: Doc, span: Span | None, open_pos: int) -> bool:
    """The quote follows a determiner, with at most adjectives and numbers between: it names something, nobody
    says it (``a bipartisan “Grand Bargain”``, ``his 1994 “Contract with America”``)."""
    if span is None:
        return False
    near = doc[max(0, span.start - 6) : span.start]
    words = [tok for tok in near if tok.idx + len(tok) <= open_pos and not tok.is_punct and not tok.is_space][-3:]
    while words and words[-1].pos_ in ("ADJ", "NUM"):
        words.pop()
    return bool(words) and words[-1].lower_ in _DETERMINERS


HEADLINE_MAX_WORDS = 25
"""The longest first line read as the article's headline, in words ..."""
HEADLINE_MAX_CHARS = 400
"""... and in characters."""
_NON_SPACE = re.compile(r"\S")


def headline_end(text: str) -> int:
    """The end of the article's headline: its first line, when an article follows and it is short; else -1.

    Example:
        >>> headline_end("Mayor Calls Plan ‘A Disaster’\\n\\nThe mayor said ..."), headline_end("One paragraph only.")
        (29, -1)
    """
    end = text.find("\n", 0, HEADLINE_MAX_CHARS)  # bounded: a long text with no line break is read in no time
    line = text[:end].strip() if end > 0 else ""
    if not line or _NON_SPACE.search(text, end) is None or line.endswith(":"):
        return -1
    return end if len(line.split()) <= HEADLINE_MAX_WORDS else -1


def headline_words(text: str, start: int, end: int, marks: str) -> bool:
    """True for words in single marks that are part of the headline's own clause (see :func:`headline_end`).

    Headlines set quoted words in single marks and build them into the editor's summary (``Black Lawmakers Rip
    Trump As A ‘Disgusting Fraud’``, ``Warren Hammers CEO: ‘You Should Be Investigated’``), often Title Cased or
    cut; the article quotes the words again, as they were said. A headline that is a quote and nothing else
    (``‘No-one can define new hunt ban’``) and a quote with its cue (``‘We won,’ she said``) are quotes.

    Example:
        >>> text = "Rivals Call Plan ‘A Disaster’\\n\\nThe plan was published on Monday."
        >>> headline_words(text, 18, 28, "‘’"), headline_words("‘We won,’ she said.\\n\\nMore.", 1, 8, "‘’")
        (True, False)
    """
    if end > HEADLINE_MAX_CHARS or not marks or marks[0] not in SINGLE_MARKS:
        return False
    line_end = headline_end(text)
    if line_end < 0 or end > line_end:
        return False
    if opening_width(text, start) != 1 or text[start:end].rstrip().endswith(","):
        return False
    outside = text[: start - 1] + text[end + 1 : line_end]
    return bool(re.search(r"[^\W\d_]", outside))


def _named_by_trigger(text: str, start: int, lexicon: Lexicon) -> bool:
    before = text[max(0, start - 40) : start - 1].lower()
    before = re.sub(r"[\s\u00a0]+", " ", before).rstrip(" ,:")
    before = re.sub(r"\b(?:a|an|the|its|his|her|their)$", "", before).rstrip()
    return any(before.endswith(trigger) for trigger in lexicon.naming_triggers)


def names_title(doc: Doc, start: int, end: int, lexicon: Lexicon, *, text: str | None = None) -> bool:
    """True when the Title Case words in marks at ``start:end`` are a name by their context, whoever speaks nearby.

    A title after the noun of a work (``his book, “Make Your Kid a Millionaire,”``), after a word that introduces
    one (``on “Morning Joe”``), after a determiner (``a bipartisan “Grand Bargain”``) or an outlet (``CNN's “State of
    the Union”``), or alone in its paragraph (a section heading). ``text`` is ``doc.text`` when the caller has it.

    Example:
        >>> import spacy
        >>> from quotebank.lexicons import get_lexicon
        >>> text = "She spoke on “Morning Joe” and said “we will win.”"
        >>> doc = spacy.blank("en")(text)
        >>> names_title(doc, 14, 25, get_lexicon("en")), names_title(doc, 37, 49, get_lexicon("en"))
        (True, False)
    """
    text = doc.text if text is None else text
    body = text[start:end]
    if not is_title(body):
        return False
    open_pos = start - opening_width(text, start)
    while open_pos > 0 and text[open_pos].isspace():
        open_pos -= 1
    prev = _previous_char(text, open_pos)
    before = _word_before(text, open_pos)
    if not (prev.isalnum() or prev in "%$&)"):
        return before in _WORK_NOUNS or _is_subhead(text, open_pos, end)
    outlet = re.sub(r"['’]s?$", "", before)
    return (
        before in _TITLE_CONTEXT
        # `a bipartisan "Grand Bargain"`, `during a "Commander-in-Chief Forum"`: a name after a determiner
        or (len(body.split()) > 1 and _after_determiner(doc, _char_span(doc, start, end), open_pos))
        # "on CNN's “State of the Union”": a programme of an outlet
        or (outlet != before and (outlet in lexicon.media_words or outlet in lexicon.broadcast_media_words))
    )


def classify_kinds(doc: Doc, quotes: list[RawQuote], lexicon: Lexicon, *, text: str | None = None) -> list[QuoteKind]:
    """The kind of each quote in ``quotes`` (same order); ``text`` is ``doc.text``, which spaCy rebuilds on access."""
    text = doc.text if text is None else text
    excluded = _Ranges((q.start, q.end) for q in quotes)
    # One answer per sentence: a sentence of many quotes is read once, not once per quote.
    sentence_cues: dict[tuple[int, int], bool] = {}

    def has_cue(span: Span) -> bool:
        sentence = sentence_of(span)
        key = (sentence.start, sentence.end)
        if key not in sentence_cues:
            sentence_cues[key] = _has_cue(doc, sentence, lexicon, excluded)
        return sentence_cues[key]

    kinds: list[QuoteKind] = []
    for index, quote in enumerate(quotes):
        if quote.post is not None:
            kinds.append(QuoteKind.EMBEDDED_POST)
            continue
        if STAGE_DIRECTION.fullmatch(text[quote.start : quote.end]):
            kinds.append(QuoteKind.SCARE)  # "(CROSSTALK.)", "[Applause]": what happened, not what was said
            continue
        if quote.group is not None and quote.group < index:
            head = kinds[quote.group]
            kinds.append(QuoteKind.PARTIAL if head is QuoteKind.SCARE else head)
            continue
        body = text[quote.start : quote.end]
        open_pos = quote.start - opening_width(text, quote.start)
        while open_pos > 0 and text[open_pos].isspace():
            open_pos -= 1
        prev = _previous_char(text, open_pos)
        integrated = prev.isalnum() or prev in "%$&)"
        words = len(body.split())
        ends_sentence = bool(re.search(r"[.!?…][\"'”’)]*$", body.rstrip()))
        if not quote.continued and names_title(doc, quote.start, quote.end, lexicon, text=text):
            kinds.append(QuoteKind.SCARE)
            continue
        if integrated and not quote.continued and is_title(body):
            span = _quote_span(doc, quote)
            if span is not None and not has_cue(span):
                kinds.append(QuoteKind.SCARE)
                continue
        if words <= SCARE_MAX_WORDS and not ends_sentence and not quote.continued:
            if _named_by_trigger(text, open_pos + 1, lexicon):
                kinds.append(QuoteKind.SCARE)
                continue
            span = _quote_span(doc, quote)
            if span is not None and prev != ":" and not has_cue(span):
                kinds.append(QuoteKind.SCARE)
                continue
        if integrated or (body[:1].islower() and not quote.continued):
            kinds.append(QuoteKind.PARTIAL)
        else:
            kinds.append(QuoteKind.DIRECT)
    return kinds
