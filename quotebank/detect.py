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

import bisect
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
# Links closing a post (``... pic.twitter.com/abc https://t.co/x``). Matched one whitespace-separated word at a
# time (see _trailing_links): a single expression for "links up to the end" backtracks exponentially on glued links.
_LINK = re.compile(r"(?:pic\.twitter\.com/|https?://)\S")
_WORD = re.compile(r"\S+")
# A markup tag is ``<``, an optional ``/``, a name, then ``>``, ``/>``, or whitespace and anything but ``<``/``>`` up
# to ``>``. Only the head is a regular expression (see _tags): one expression for the whole tag backtracks cubically
# over long runs of whitespace with no ``>``.
_TAG_HEAD = re.compile(r"<(/?)([A-Za-z][\w:-]*)")
_ANGLE = re.compile(r"[<>]")
_SPACE = re.compile(r"\s")
# The lookbehind keeps a long word from being retried at each of its letters (an attribute name starts a word).
_ATTR = re.compile(r"(?<![\w:-])([\w:-]+)\s*=\s*([\"'])(.*?)\2")
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
    for tag_start, tag_end, closing, name, attrs_text, self_closing in _tags(text):
        masked.append((tag_start, tag_end))
        name = name.lower()
        if name != "tweet":
            continue
        if closing or self_closing:
            if open_tweets:
                body_start, attributes = open_tweets.pop()
                tweets.append((body_start, tag_start, attributes))
        else:
            open_tweets.append((tag_end, {k.lower(): v for k, _, v in _ATTR.findall(attrs_text)}))
    return masked, tweets


def _tags(text: str) -> Iterator[tuple[int, int, str, str, str, str]]:
    """(start, end, "/" or "", name, attribute text, "/" or "") of every markup tag, left to right, in linear time.

    Example:
        >>> [t[:4] for t in _tags("a <b>x</b> <br/> <p\\n class='y' > <q <r>")]
        [(2, 5, '', 'b'), (6, 10, '/', 'b'), (11, 16, '', 'br'), (17, 32, '', 'p'), (36, 39, '', 'r')]
    """
    pos = 0
    while (head := _TAG_HEAD.search(text, pos)) is not None:
        after = head.end()
        nxt = text[after : after + 1]
        if nxt == ">":
            yield head.start(), after + 1, head.group(1), head.group(2), "", ""
            pos = after + 1
        elif nxt == "/" and text[after + 1 : after + 2] == ">":
            yield head.start(), after + 2, head.group(1), head.group(2), "", "/"
            pos = after + 2
        elif nxt and _SPACE.match(nxt):
            angle = _ANGLE.search(text, after)
            if angle is None:
                return  # no ">" anywhere after: no later "<" can start a tag either
            if angle.group() == "<":
                pos = angle.start()  # this "<" was not a tag; the next one may be
                continue
            # The body: leading whitespace, then the attributes; a last "/" (after optional whitespace) and the
            # whitespace before ">" are left out, as the lazy expression this replaces did.
            body = text[after : angle.start()]
            lead = len(body) - len(body.lstrip())
            rest = body[lead:]
            self_closing = "/" if rest.endswith("/") else ""
            rest = (rest[:-1] if self_closing else rest).rstrip()
            yield head.start(), angle.end(), head.group(1), head.group(2), body[:lead] + rest, self_closing
            pos = angle.end()
        else:
            pos = head.start() + 1


def _trailing_links(text: str, start: int, end: int) -> int | None:
    """Where the run of links that ends ``text[start:end]`` begins (with the whitespace before it), or None.

    The run is the last words of the span that each begin with a link; the word before them counts from a link
    glued inside it (``seehttps://t.co/x``).

    Example:
        >>> _trailing_links("Ready. https://t.co/a pic.twitter.com/b", 0, 39)
        6
        >>> _trailing_links("Readyhttps://t.co/a", 0, 19), _trailing_links("https://t.co/a ready", 0, 20)
        (5, None)
    """
    words = [(m.start(), m.end()) for m in _WORD.finditer(text, start, end)]
    k = len(words)
    while k > 0 and _LINK.match(text, *words[k - 1]):
        k -= 1
    if k > 0:
        glued = _LINK.search(text, *words[k - 1])
        if glued is not None:
            return glued.start()
    if k == len(words):
        return None
    return words[k - 1][1] if k > 0 else start


def _inside(pos: int, spans: list[tuple[int, int]], starts: list[int]) -> bool:
    """True when ``pos`` is inside one of ``spans``: sorted, non-overlapping, and ``starts`` their starts."""
    k = bisect.bisect_right(starts, pos) - 1
    return k >= 0 and pos < spans[k][1]


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


def _without_posted(quotes: list[RawQuote], posts: list[RawQuote]) -> list[RawQuote]:
    """``quotes`` less those a post replaces: a post quoted in full inside marks is one post, not a quote as well."""
    order = sorted(range(len(quotes)), key=lambda k: quotes[k].start)
    starts = [quotes[k].start for k in order]
    dropped: set[int] = set()
    for post in posts:
        # Only quotes starting within the post can lie within it: a slice of the sorted starts, not every quote.
        lo = bisect.bisect_left(starts, post.start - 1)
        hi = bisect.bisect_right(starts, post.end + 1)
        for k in order[lo:hi]:
            q = quotes[k]
            if q.end <= post.end + 1 and (q.end - q.start) >= 0.9 * (post.end - post.start):
                dropped.add(k)
    return [q for k, q in enumerate(quotes) if k not in dropped]


def _link_structure(text: str, quotes: list[RawQuote]) -> list[RawQuote]:
    """Sort by position and set ``parent`` (containment) and ``group`` (split quotes)."""
    quotes = sorted(quotes, key=lambda q: (q.start, -q.end))
    linked: list[RawQuote] = []
    furthest: list[int] = []  # furthest[j]: the largest end among quotes 0..j, so the search for a parent can stop
    for i, q in enumerate(quotes):
        parent = None
        for j in range(i - 1, -1, -1):
            if furthest[j] < q.end:
                break  # no earlier quote reaches this one's end
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
        furthest.append(max(q.end, furthest[-1]) if furthest else q.end)
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
    masked_starts = [s for s, _ in masked]
    par_starts = [s for s, _ in paragraphs]
    for m in _SIGNATURE.finditer(text):
        if _inside(m.start(), masked, masked_starts):
            continue
        if m.group("dash") == "-" and not m.group("date"):
            continue  # "- Name (@handle)" without a date is too weak a signal
        par_index = bisect.bisect_right(par_starts, m.start()) - 1
        if par_index < 0 or m.start() >= paragraphs[par_index][1]:
            continue
        par = paragraphs[par_index]
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
            k = par_index - 1
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
        link = _trailing_links(text, body_start, body_end)
        if link is not None and link > body_start:
            body_end = _strip(text, body_start, link)[1]
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
    masked_starts = [s for s, _ in masked]
    marks = [m for m in scan_marks(text) if not _inside(m.pos, masked, masked_starts)]
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
    quotes = _without_posted(quotes, posts)
    quotes.extend(posts)
    return _link_structure(text, quotes), notices
