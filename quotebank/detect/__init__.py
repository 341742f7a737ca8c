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
* Scraped text that lost its paragraph breaks reads ``"First paragraph. "Second
  paragraph."``: an opening mark of the same glyph right after a sentence end,
  inside an open double quote, starts the quote's next paragraph. The pieces
  come out as those of a news-style quote (one ``group``), once the last one is
  closed; a quote never closed, or whose last piece has a cue of its own
  (``"A. "B," she said``), keeps its ``W001``. Any other double mark opened
  inside an open double quote means the earlier one was never closed.
* A closing glyph (``”``) that opens a paragraph, followed by a space, opens
  the quote: it was typed the wrong way round.
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
import re

import attrs

from ..errors import Code, Notice
from ..marks import Direction, Family, Mark, scan_marks
from ..model import Post
from .posts import MAX_POST_CHARS as MAX_POST_CHARS  # the old import path
from .posts import embedded_posts, inside, markup, strip_span

__all__ = ["RawQuote", "find_quotations", "paragraph_spans"]

MAX_QUOTE_CHARS = 5000
"""A pair of marks further apart than this within one paragraph is not one quotation."""
MAX_CUE_GAP = 90
"""The longest cue between two pieces of one quote (``,” he said in a speech, “``)."""

_SENTENCE_END = re.compile(r"[.!?…]['\"’”]?\s*$")
# The end of a sentence right before an opening mark (a closing single mark or bracket may follow the stop).
_SENTENCE_BREAK = re.compile(r"[.!?…]['’)]?\s+$")
_SENTENCE_END_BEFORE = re.compile(r"[.!?…]['’\"”)]?\s+$")


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


class _OpenMarks:
    """The marks open in a paragraph, innermost last, with the innermost of each family found at once.

    Looking down the stack for a family cost its depth: many open single marks made each double mark slow.
    """

    def __init__(self) -> None:
        self.marks: list[Mark] = []
        self._at: dict[Family, list[int]] = {family: [] for family in Family}

    def top(self, family: Family) -> int | None:
        """The index in :attr:`marks` of the innermost open mark of ``family``."""
        at = self._at[family]
        return at[-1] if at else None

    def push(self, mark: Mark) -> None:
        self._at[mark.family].append(len(self.marks))
        self.marks.append(mark)

    def cut(self, index: int) -> list[Mark]:
        """Remove and return the marks from ``index`` on."""
        removed = self.marks[index:]
        del self.marks[index:]
        for at in self._at.values():
            while at and at[-1] >= index:
                at.pop()
        return removed


def _stronger_closes(marks: list[Mark]) -> list[bool]:
    """For each mark, whether a plain closing mark of its family follows before the family opens again.

    One pass from the end: scanning forward from every possessive-like mark was quadratic in a paragraph.
    """
    follows = dict.fromkeys(Family, False)
    result = [False] * len(marks)
    for k in range(len(marks) - 1, -1, -1):
        mark = marks[k]
        result[k] = follows[mark.family]
        if mark.direction is Direction.OPEN:
            follows[mark.family] = False
        elif mark.direction is Direction.CLOSE:
            follows[mark.family] = True
    return result


class _Pairer:
    """Pairs marks paragraph by paragraph; collects quotes and notices."""

    def __init__(self, text: str, notices: list[Notice]) -> None:
        self.text = text
        self.notices = notices
        self.quotes: list[RawQuote] = []
        # Opening marks whose quote continues the one before (news-style paragraphs, or paragraphs run together),
        # and for the last opening mark of a quote run together, the (opening mark, end) of each earlier piece.
        self.continued: set[Mark] = set()
        self.pieces: dict[Mark, list[tuple[Mark, int]]] = {}

    def emit(self, open_mark: Mark, close_pos: int, close_char: str, *, continued: bool = False) -> None:
        start, end = strip_span(self.text, open_mark.pos + len(open_mark.char), close_pos)
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
        stack = _OpenMarks()
        stronger = _stronger_closes(marks)
        if carried is not None and self._opens_paragraph(marks, pstart):
            self.continued.add(marks[0])
        for position, mark in enumerate(marks):
            top_same = stack.top(mark.family)
            direction = mark.direction
            if direction is Direction.EITHER:
                direction = Direction.CLOSE if top_same is not None else Direction.OPEN
            if direction is Direction.WEAK_CLOSE:
                if top_same is None or stronger[position]:
                    continue  # a possessive or an inch mark, not a quote
                direction = Direction.CLOSE
            if direction is Direction.CLOSE and position == 0 and self._faces_wrong_way(mark, pstart):
                direction = Direction.OPEN
            if direction is Direction.OPEN:
                if top_same is not None and mark.family is Family.DOUBLE:
                    outer = stack.marks[top_same]
                    if self._starts_next_paragraph(outer, mark):
                        # '... democracy. "The next ...': a quote whose paragraph breaks were lost. The piece so far
                        # waits for the quote's last mark: a quote that never closes keeps its W001.
                        self.pieces[mark] = [*self.pieces.pop(outer, []), (outer, mark.pos)]
                        self.continued.add(mark)
                    else:
                        # Same-family nesting is rare in English; the earlier mark was never closed.
                        self._unclosed(outer)
                    stack.cut(top_same)
                stack.push(mark)
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
            open_mark = stack.marks[top_same]
            for dropped in stack.cut(top_same)[1:]:
                if dropped.family is Family.DOUBLE:
                    self._unclosed(dropped)
            if mark.pos - open_mark.pos > MAX_QUOTE_CHARS:
                self.notices.append(
                    Notice(
                        code=Code.TOO_LONG_QUOTE,
                        offset=open_mark.pos,
                        message=f"{open_mark.char}...{mark.char} span {mark.pos - open_mark.pos} characters; skipped",
                    )
                )
                self._unclosed_pieces(open_mark)
                continue
            if self._has_own_cue(open_mark, mark):
                self._unclosed_pieces(open_mark)
            else:
                self._emit_pieces(open_mark)
            self.emit(open_mark, mark.pos, mark.char, continued=open_mark in self.continued)
        # Whatever is still open at the paragraph's end.
        next_marks = by_par[index + 1] if index + 1 < len(by_par) else []
        next_start = paragraphs[index + 1][0] if index + 1 < len(paragraphs) else len(self.text)
        carry: Mark | None = None
        for k, open_mark in enumerate(stack.marks):
            if (
                k == 0
                and open_mark.family is Family.DOUBLE
                and self._opens_paragraph(next_marks, next_start)
                and pend - open_mark.pos <= MAX_QUOTE_CHARS
            ):
                self._emit_pieces(open_mark)
                self.emit(open_mark, pend, "", continued=open_mark in self.continued)
                carry = open_mark
            elif open_mark.family is Family.DOUBLE:
                self._unclosed(open_mark)
        return carry

    def _starts_next_paragraph(self, outer: Mark, mark: Mark) -> bool:
        """True for an opening mark that starts the next paragraph of the open quote ``outer``.

        Scraped text that lost its paragraph breaks reads ``"First paragraph. "Second paragraph."``: the
        opening mark of the same glyph follows a sentence end and a space, and a capital (or a digit, or
        punctuation) follows it. After a colon or inside a sentence (``"He said "no" twice"``) it is a quote
        inside the quote instead.
        """
        text = self.text
        if mark.char != outer.char or mark.pos - outer.pos > MAX_QUOTE_CHARS:
            return False
        if mark.pos == 0 or not text[mark.pos - 1].isspace():
            return False
        if not _SENTENCE_BREAK.search(text, outer.pos + len(outer.char), mark.pos):
            return False
        after = text[mark.pos + len(mark.char) : mark.pos + len(mark.char) + 1]
        return bool(after) and not after.isspace() and not after.islower()

    def _has_own_cue(self, last: Mark, close: Mark) -> bool:
        """True when the last piece of a run-together quote ends ``...,” she said``: a quote of its own.

        A quote over several paragraphs names its speaker in the first; a last piece with a cue of its own
        (``He said "this never closes. "A real quote," she said.``) follows a quote that was really left open.
        """
        if last not in self.pieces:
            return False
        first = self.pieces[last][0][0]
        if self._opens_sentence(first):
            # '"We never stopped believing. "The lads were superb," Holt said.': the first piece opens a sentence
            # of its own, as a paragraph does; a quote left open starts inside a sentence ('He said "this').
            return False
        k = close.pos - 1
        while k > last.pos and self.text[k].isspace():
            k -= 1
        return self.text[k] == ","

    def _opens_sentence(self, mark: Mark) -> bool:
        """True for an opening mark at the start of a paragraph or right after a sentence's end."""
        before = self.text[max(0, mark.pos - 40) : mark.pos]
        return not before.strip() or bool(_SENTENCE_END_BEFORE.search(before)) or before.endswith("\n")

    def _faces_wrong_way(self, mark: Mark, pstart: int) -> bool:
        """True for a closing glyph that opens its paragraph: ``” … he delivered a mix of ...,” Barabak wrote.``."""
        return (
            mark.family is Family.DOUBLE
            and not self.text[pstart : mark.pos].strip()
            and self.text[mark.pos + len(mark.char) : mark.pos + len(mark.char) + 1].isspace()
        )

    def _emit_pieces(self, last: Mark) -> None:
        """Emit the earlier paragraphs of the quote whose last opening mark is ``last``, now that it is closed."""
        for open_mark, end in self.pieces.pop(last, []):
            self.emit(open_mark, end, "", continued=open_mark in self.continued)

    def _unclosed_pieces(self, last: Mark) -> None:
        for open_mark, _ in self.pieces.pop(last, []):
            self._unclosed(open_mark, chained=False)

    def _unclosed(self, mark: Mark, *, chained: bool = True) -> None:
        if chained:
            self._unclosed_pieces(mark)
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
    masked, tweets = markup(text)
    paragraphs = paragraph_spans(text)
    masked_starts = [s for s, _ in masked]
    marks = [m for m in scan_marks(text) if not inside(m.pos, masked, masked_starts)]
    pairer = _Pairer(text, notices)
    pairer.pair(marks, paragraphs)
    quotes = list(pairer.quotes)

    posts: list[RawQuote] = []
    for body_start, body_end, post in embedded_posts(text, paragraphs, masked):
        posts.append(RawQuote(start=body_start, end=body_end, post=post))
    for body_start, body_end, attributes in tweets:
        start, end = strip_span(text, body_start, body_end)
        author = attributes.get("author") or attributes.get("user") or attributes.get("screen_name")
        if end > start and any(c.isalnum() for c in text[start:end]) and author:
            posts.append(RawQuote(start=start, end=end, post=Post(author=author, handle=author)))
        elif end > start and any(c.isalnum() for c in text[start:end]):
            posts.append(RawQuote(start=start, end=end, post=Post(author="unknown")))
    quotes = _without_posted(quotes, posts)
    quotes.extend(posts)
    return _link_structure(text, quotes), notices
