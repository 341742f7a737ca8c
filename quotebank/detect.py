"""Find quoted material in raw text: quotation-mark pairs and embedded posts.

Everything here works on the characters of the text, with no parse, so that
offsets are exact whatever the tokenizer does with ``said.It`` or ``self-defense.”``.
:func:`find_quotations` is the entry point; the spaCy-aware steps (telling
speech from scare quotes, attribution) live in :mod:`quotebank.classify` and
:mod:`quotebank.attribute`.

Rules, in the order they apply:

* A paragraph (text between line breaks) is the unit of pairing. An opening
  mark left open at the end of a paragraph continues the quotation only when
  the next paragraph opens with a mark again (news style); otherwise it is
  skipped with a ``W001`` notice and every other quote is kept.
* A closing mark closes the nearest open mark of its family (double or single);
  marks of the other family left open inside it are dropped.
* A single quote inside a double one (or the other way round) is a nested quote
  whose ``parent`` is the outer one.
* Two pieces of one paragraph separated by a short cue that does not end a
  sentence (``“Last night,” he said, “they ...”``) share a ``group``.
* A post signature (``— Name (@handle) Month D, YYYY``) makes the text before
  it, in its paragraph or, when the signature stands alone, in up to 280
  characters of preceding paragraphs, an embedded post.
* Text inside markup tags (``<tweet author="...">``) is never a quote; a
  ``<tweet author=...>`` element's body is an embedded post by that author.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator

import attrs

from .errors import Code, Notice
from .marks import Direction, Family, Mark, scan_marks
from .model import Post, TextSpan

__all__ = ["RawQuote", "find_quotations", "paragraph_spans"]

MAX_QUOTE_CHARS = 5000
"""A pair of marks further apart than this within one paragraph is not one quotation."""
MAX_POST_CHARS = 280
"""Twitter's limit; how far back a stand-alone signature reaches for its post."""
MAX_CUE_GAP = 90
"""The longest cue between two pieces of one quote (``,” he said in a speech, “``)."""

_MONTHS = (
    "January|February|March|April|May|June|July|August|September|October|November|December|"
    "Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec"
)
_SIGNATURE = re.compile(
    r"(?P<dash>[—–―-]{1,2})[ \t\u00a0]*"
    r"(?P<author>[^\n()@—–]{1,80}?)[ \t\u00a0]*\(@(?P<handle>\w{1,30})\)"
    r"(?:[ \t\u00a0]*(?P<date>(?:" + _MONTHS + r")\.?[ \t\u00a0]+\d{1,2},?[ \t\u00a0]+\d{4}))?"
)
_TRAILING_LINK = re.compile(r"(?:\s*(?:pic\.twitter\.com/\S+|https?://\S+))+\s*$")
_TAG = re.compile(r"<(/?)([A-Za-z][\w:-]*)((?:\s+[^<>]*?)?)\s*(/?)>")
_ATTR = re.compile(r"([\w:-]+)\s*=\s*([\"'])(.*?)\2")
# The article's own voice introducing something: a paragraph with these is not part of a post above a signature.
_NARRATION = re.compile(
    r"\b(?:said|says|tweeted|wrote|posted|added|adding|told|reported|according to|in a (?:tweet|post|statement))\b",
    re.IGNORECASE,
)
_SENTENCE_END = re.compile(r"[.!?…]['\"’”]?\s*$")


@attrs.frozen(kw_only=True)
class RawQuote:
    """A quotation found in the text, before any parse: offsets and structure only."""

    start: int
    end: int
    marks: str = ""
    group: int | None = None
    """Index (in the result list) of the first piece of the quote this piece belongs to."""
    parent: int | None = None
    """Index of the enclosing quote."""
    post: Post | None = None
    continued: bool = False
    """True for a piece that continues a quote from the previous paragraph."""


def paragraph_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of every paragraph: the stretches between line breaks, blanks dropped."""
    spans = []
    for m in re.finditer(r"[^\n\r\u2028\u2029]+", text):
        if m.group(0).strip():
            spans.append((m.start(), m.end()))
    return spans


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _parse_date(value: str | None) -> str | None:
    if not value:
        return None
    cleaned = re.sub(r"[\s\u00a0]+", " ", value.replace(",", "").replace(".", "")).strip()
    for fmt in ("%B %d %Y", "%b %d %Y"):
        try:
            return dt.datetime.strptime(cleaned, fmt).date().isoformat()
        except ValueError:
            continue
    if cleaned.startswith("Sept "):
        return _parse_date("Sep " + cleaned[5:])
    return value


def _markup(text: str) -> tuple[list[tuple[int, int]], list[tuple[int, int, dict[str, str]]]]:
    """Spans covered by tags, and (body_start, body_end, attributes) of tweet elements."""
    masked: list[tuple[int, int]] = []
    tweets: list[tuple[int, int, dict[str, str]]] = []
    open_tweets: list[tuple[int, dict[str, str]]] = []
    for m in _TAG.finditer(text):
        masked.append((m.start(), m.end()))
        closing, name, attrs_text, self_closing = m.group(1), m.group(2).lower(), m.group(3), m.group(4)
        if name != "tweet":
            continue
        if closing or self_closing:
            if open_tweets:
                body_start, attributes = open_tweets.pop()
                tweets.append((body_start, m.start(), attributes))
        else:
            open_tweets.append((m.end(), {k.lower(): v for k, _, v in _ATTR.findall(attrs_text)}))
    return masked, tweets


def _inside(pos: int, spans: list[tuple[int, int]]) -> bool:
    return any(s <= pos < e for s, e in spans)


class _Pairer:
    """Pairs marks paragraph by paragraph; collects quotes and notices."""

    def __init__(self, text: str, notices: list[Notice]) -> None:
        self.text = text
        self.notices = notices
        self.quotes: list[RawQuote] = []

    def emit(self, open_mark: Mark, close_pos: int, close_char: str, *, continued: bool = False) -> None:
        start, end = _strip(self.text, open_mark.pos + len(open_mark.char), close_pos)
        if start >= end or not any(c.isalnum() for c in self.text[start:end]):
            self.notices.append(
                Notice(
                    code=Code.EMPTY_QUOTE,
                    offset=open_mark.pos,
                    message="quotation marks with nothing quoted between them",
                )
            )
            return
        self.quotes.append(RawQuote(start=start, end=end, marks=open_mark.char + close_char, continued=continued))

    def pair(self, marks: list[Mark], paragraphs: list[tuple[int, int]]) -> None:
        by_par: list[list[Mark]] = [[] for _ in paragraphs]
        starts = [s for s, _ in paragraphs]
        p = 0
        for mark in marks:
            while p + 1 < len(paragraphs) and mark.pos >= starts[p + 1]:
                p += 1
            by_par[p].append(mark)
        carried: Mark | None = None  # a double quote continued from the previous paragraph
        for index, (pstart, pend) in enumerate(paragraphs):
            carried = self._pair_paragraph(by_par[index], pstart, pend, carried, paragraphs, by_par, index)

    def _opens_paragraph(self, marks: list[Mark], pstart: int) -> bool:
        if not marks:
            return False
        first = marks[0]
        return (
            first.family is Family.DOUBLE
            and first.direction in (Direction.OPEN, Direction.EITHER)
            and not self.text[pstart : first.pos].strip()
        )

    def _pair_paragraph(
        self,
        marks: list[Mark],
        pstart: int,
        pend: int,
        carried: Mark | None,
        paragraphs: list[tuple[int, int]],
        by_par: list[list[Mark]],
        index: int,
    ) -> Mark | None:
        stack: list[Mark] = []
        continuing = carried is not None and self._opens_paragraph(marks, pstart)
        for position, mark in enumerate(marks):
            top_same = next((k for k in range(len(stack) - 1, -1, -1) if stack[k].family is mark.family), None)
            direction = mark.direction
            if direction is Direction.EITHER:
                direction = Direction.CLOSE if top_same is not None else Direction.OPEN
            if direction is Direction.WEAK_CLOSE:
                if top_same is None or self._stronger_close_follows(marks, position):
                    continue  # a possessive or an inch mark, not a quote
                direction = Direction.CLOSE
            if direction is Direction.OPEN:
                if top_same is not None and mark.family is Family.DOUBLE:
                    # Same-family nesting does not happen in English; the earlier mark was never closed.
                    self._unclosed(stack[top_same])
                    del stack[top_same:]
                stack.append(mark)
                continue
            if top_same is None:
                if mark.family is Family.DOUBLE:
                    self.notices.append(
                        Notice(
                            code=Code.UNOPENED_QUOTE,
                            offset=mark.pos,
                            message=f"closing {mark.char} with no opening mark; skipped",
                        )
                    )
                continue
            open_mark = stack[top_same]
            for dropped in stack[top_same + 1 :]:
                if dropped.family is Family.DOUBLE:
                    self._unclosed(dropped)
            del stack[top_same:]
            if mark.pos - open_mark.pos > MAX_QUOTE_CHARS:
                self.notices.append(
                    Notice(
                        code=Code.TOO_LONG_QUOTE,
                        offset=open_mark.pos,
                        message=f"{open_mark.char}...{mark.char} span {mark.pos - open_mark.pos} characters; skipped",
                    )
                )
                continue
            is_first_continued = continuing and open_mark is marks[0]
            self.emit(open_mark, mark.pos, mark.char, continued=is_first_continued)
        # Whatever is still open at the paragraph's end.
        next_marks = by_par[index + 1] if index + 1 < len(by_par) else []
        next_start = paragraphs[index + 1][0] if index + 1 < len(paragraphs) else len(self.text)
        carry: Mark | None = None
        for k, open_mark in enumerate(stack):
            if (
                k == 0
                and open_mark.family is Family.DOUBLE
                and self._opens_paragraph(next_marks, next_start)
                and pend - open_mark.pos <= MAX_QUOTE_CHARS
            ):
                is_first_continued = continuing and open_mark is marks[0]
                self.emit(open_mark, pend, "", continued=is_first_continued)
                carry = open_mark
            elif open_mark.family is Family.DOUBLE:
                self._unclosed(open_mark)
        return carry

    @staticmethod
    def _stronger_close_follows(marks: list[Mark], position: int) -> bool:
        """True when a plain closing mark of the same family follows before the family opens again."""
        family = marks[position].family
        for later in marks[position + 1 :]:
            if later.family is not family:
                continue
            if later.direction is Direction.OPEN:
                return False
            if later.direction is Direction.CLOSE:
                return True
        return False

    def _unclosed(self, mark: Mark) -> None:
        self.notices.append(
            Notice(code=Code.UNCLOSED_QUOTE, offset=mark.pos, message=f"opening {mark.char} is never closed; skipped")
        )


def _link_structure(text: str, quotes: list[RawQuote]) -> list[RawQuote]:
    """Sort by position and set ``parent`` (containment) and ``group`` (split quotes)."""
    quotes = sorted(quotes, key=lambda q: (q.start, -q.end))
    linked: list[RawQuote] = []
    for i, q in enumerate(quotes):
        parent = None
        for j in range(i - 1, -1, -1):
            outer = linked[j]
            if outer.start <= q.start and q.end <= outer.end and (outer.start, outer.end) != (q.start, q.end):
                parent = j
                break
        group = None
        if parent is None:
            prev = next((j for j in range(i - 1, -1, -1) if linked[j].parent is None), None)
            if prev is not None and _same_quote(text, linked[prev], q):
                group = linked[prev].group if linked[prev].group is not None else prev
        linked.append(attrs.evolve(q, parent=parent, group=group))
    return linked


def _same_quote(text: str, first: RawQuote, second: RawQuote) -> bool:
    if first.post is not None or second.post is not None:
        return False
    if second.continued:
        return True
    gap = text[first.end : second.start]
    if "\n" in gap or len(gap) > MAX_CUE_GAP:
        return False
    inner_gap = gap[1:-1] if len(gap) >= 2 else ""
    if not any(c.isalpha() for c in inner_gap):
        return False
    body = text[second.start : second.end]
    starts_lower = body[:1].islower() or body[:1] in "…."
    first_body = text[first.start : first.end].rstrip()
    if _SENTENCE_END.search(first_body):
        return False
    if re.search(r"[.!?:;]\s*$", inner_gap.rstrip("“”\"'‘’«» ")) or re.search(r"[.!?]\s+[A-Z]", inner_gap):
        return False
    if not re.search(r"[,:]\s*$", inner_gap):
        return False  # "... did “not seek”": a second fragment built into the sentence, not the quote resumed
    return starts_lower or first_body.endswith(",")


def _embedded_posts(
    text: str, paragraphs: list[tuple[int, int]], masked: list[tuple[int, int]]
) -> Iterator[tuple[int, int, Post]]:
    for m in _SIGNATURE.finditer(text):
        if _inside(m.start(), masked):
            continue
        if m.group("dash") == "-" and not m.group("date"):
            continue  # "- Name (@handle)" without a date is too weak a signal
        par = next(((s, e) for s, e in paragraphs if s <= m.start() < e), None)
        if par is None:
            continue
        signature = TextSpan.of(text, m.start(), m.end())
        post = Post(
            author=m.group("author").strip(),
            handle=m.group("handle"),
            date=_parse_date(m.group("date")),
            signature=signature,
        )
        body_start, body_end = _strip(text, par[0], m.start())
        if body_end <= body_start:
            # The signature stands alone: the post is the paragraphs just above, up to a post's length.
            k = paragraphs.index(par) - 1
            body_start = body_end = -1
            while k >= 0:
                s, e = _strip(text, *paragraphs[k])
                if body_end < 0:
                    body_start, body_end = s, e
                elif body_end - s > MAX_POST_CHARS or _SIGNATURE.search(text, s, e) or _NARRATION.search(text, s, e):
                    break
                else:
                    body_start = s
                k -= 1
            if body_start < 0:
                continue
        link = _TRAILING_LINK.search(text, body_start, body_end)
        if link is not None and link.start() > body_start:
            body_end = _strip(text, body_start, link.start())[1]
        if body_end - body_start >= 2 and text[body_start] in "“\"'‘«„" and text[body_end - 1] in "”\"'’»“":
            body_start, body_end = _strip(text, body_start + 1, body_end - 1)
        if body_end > body_start:
            yield body_start, body_end, post


def find_quotations(text: str) -> tuple[list[RawQuote], list[Notice]]:
    """Every quotation-mark pair and embedded post in ``text``, with notices for what was skipped.

    Args:
        text: The article, as given (offsets refer to it).

    Returns:
        The quotes sorted by start offset (a nested quote follows its parent),
        and the notices for marks that were skipped.

    Example:
        >>> quotes, notices = find_quotations("“Last night,” he said, “they received a slap.”")
        >>> [(q.start, q.end, q.group) for q in quotes]
        [(1, 12, None), (24, 45, 0)]
    """
    if not isinstance(text, str):
        raise TypeError(f"text must be str, not {type(text).__name__}")
    notices: list[Notice] = []
    if not text:
        return [], notices
    masked, tweets = _markup(text)
    paragraphs = paragraph_spans(text)
    marks = [m for m in scan_marks(text) if not _inside(m.pos, masked)]
    pairer = _Pairer(text, notices)
    pairer.pair(marks, paragraphs)
    quotes = list(pairer.quotes)

    posts: list[RawQuote] = []
    for body_start, body_end, post in _embedded_posts(text, paragraphs, masked):
        posts.append(RawQuote(start=body_start, end=body_end, post=post))
    for body_start, body_end, attributes in tweets:
        start, end = _strip(text, body_start, body_end)
        author = attributes.get("author") or attributes.get("user") or attributes.get("screen_name")
        if end > start and any(c.isalnum() for c in text[start:end]) and author:
            posts.append(RawQuote(start=start, end=end, post=Post(author=author, handle=author)))
        elif end > start and any(c.isalnum() for c in text[start:end]):
            posts.append(RawQuote(start=start, end=end, post=Post(author="unknown")))
    # A post replaces a quote with the same words (a post quoted in full inside marks).
    for post_quote in posts:
        quotes = [
            q
            for q in quotes
            if not (
                q.start >= post_quote.start - 1
                and q.end <= post_quote.end + 1
                and (q.end - q.start) >= 0.9 * (post_quote.end - post_quote.start)
            )
        ]
    quotes.extend(posts)
    return _link_structure(text, quotes), notices
