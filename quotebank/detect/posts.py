"""Embedded posts and markup in raw text: post signatures, ``<tweet>`` elements, and the tags to mask.

Like the rest of :mod:`quotebank.detect`, which calls it, this works on the characters of the
text with no parse. Every scan here is linear in the text: the tags and the links
that close a post are read by small loops around simple expressions, because a
single expression for either backtracks exponentially or cubically on inputs
such as ``"http://a" * 24`` or ``"<p" + "\\n" * 1600`` (issue #16).
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from collections.abc import Iterator

from ..model import Post, TextSpan

__all__ = ["MAX_POST_CHARS", "embedded_posts", "inside", "markup", "strip_span", "tags", "trailing_links"]

MAX_POST_CHARS = 280
"""Twitter's limit; how far back a stand-alone signature reaches for its post."""

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


def strip_span(text: str, start: int, end: int) -> tuple[int, int]:
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


def markup(text: str) -> tuple[list[tuple[int, int]], list[tuple[int, int, dict[str, str]]]]:
    """Spans covered by tags, and (body_start, body_end, attributes) of tweet elements."""
    masked: list[tuple[int, int]] = []
    tweets: list[tuple[int, int, dict[str, str]]] = []
    open_tweets: list[tuple[int, dict[str, str]]] = []
    for tag_start, tag_end, closing, name, attrs_text, self_closing in tags(text):
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


def tags(text: str) -> Iterator[tuple[int, int, str, str, str, str]]:
    """(start, end, "/" or "", name, attribute text, "/" or "") of every markup tag, left to right, in linear time.

    Example:
        >>> [t[:4] for t in tags("a <b>x</b> <br/> <p\\n class='y' > <q <r>")]
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


def trailing_links(text: str, start: int, end: int) -> int | None:
    """Where the run of links that ends ``text[start:end]`` begins (with the whitespace before it), or None.

    The run is the last words of the span that each begin with a link; the word before them counts from a link
    glued inside it (``seehttps://t.co/x``).

    Example:
        >>> trailing_links("Ready. https://t.co/a pic.twitter.com/b", 0, 39)
        6
        >>> trailing_links("Readyhttps://t.co/a", 0, 19), trailing_links("https://t.co/a ready", 0, 20)
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


def inside(pos: int, spans: list[tuple[int, int]], starts: list[int]) -> bool:
    """True when ``pos`` is inside one of ``spans``: sorted, non-overlapping, and ``starts`` their starts."""
    k = bisect.bisect_right(starts, pos) - 1
    return k >= 0 and pos < spans[k][1]


# The marks a post's words may stand in: double ones (a post introduced in its paragraph ends in them), and single.
_DOUBLE_OPENING = '“"«„'
_DOUBLE_CLOSING = '”"»“'
_OPENING = _DOUBLE_OPENING + "'‘"
_CLOSING = _DOUBLE_CLOSING + "'’"


def _past_introduction(text: str, start: int, end: int) -> int:
    """Where a post body begins when the article introduces it in the same paragraph, else ``start``.

    ``Nair later posted on Twitter: "Thank you to every volunteer."`` above a signature: the post is the words in
    marks after the article's own voice, not the sentence that introduces them.

    Example:
        >>> text = 'She posted: "Thank you all." — Jo Roe (@jo) March 3, 2026'
        >>> text[_past_introduction(text, 0, 28) :]
        '"Thank you all." — Jo Roe (@jo) March 3, 2026'
    """
    if end - start < 2 or text[end - 1] not in _DOUBLE_CLOSING:
        return start
    narration = _NARRATION.search(text, start, end)
    if narration is None:
        return start
    # The opening mark of the last quotation, after the narration: the closing glyph of a pair is never it.
    for k in range(end - 2, narration.end() - 1, -1):
        if text[k] in _DOUBLE_OPENING and (k == 0 or text[k - 1] in " \t\u00a0:\n"):
            return k
    return start


def embedded_posts(
    text: str, paragraphs: list[tuple[int, int]], masked: list[tuple[int, int]]
) -> Iterator[tuple[int, int, Post]]:
    masked_starts = [s for s, _ in masked]
    par_starts = [s for s, _ in paragraphs]
    for m in _SIGNATURE.finditer(text):
        if inside(m.start(), masked, masked_starts):
            continue
        if m.group("dash") == "-" and not m.group("date"):
            continue  # "- Name (@handle)" without a date is too weak a signal
        par_index = bisect.bisect_right(par_starts, m.start()) - 1
        if par_index < 0 or m.start() >= paragraphs[par_index][1]:
            continue
        par = paragraphs[par_index]
        signature = TextSpan.of(text, m.start(), m.end())
        post = Post(
            # "— (@x) January 8, 2020" names the poster by handle alone: the handle is the name then.
            author=m.group("author").strip() or m.group("handle"),
            handle=m.group("handle"),
            date=_parse_date(m.group("date")),
            signature=signature,
        )
        body_start, body_end = strip_span(text, par[0], m.start())
        if body_end <= body_start:
            # The signature stands alone: the post is the paragraphs just above, up to a post's length.
            k = par_index - 1
            body_start = body_end = -1
            while k >= 0:
                s, e = strip_span(text, *paragraphs[k])
                if body_end < 0:
                    body_start, body_end = s, e
                elif body_end - s > MAX_POST_CHARS or _SIGNATURE.search(text, s, e) or _NARRATION.search(text, s, e):
                    break
                else:
                    body_start = s
                k -= 1
            if body_start < 0:
                continue
        body_start = _past_introduction(text, body_start, body_end)
        link = trailing_links(text, body_start, body_end)
        if link is not None and link > body_start:
            body_end = strip_span(text, body_start, link)[1]
        if body_end - body_start >= 2 and text[body_start] in _OPENING and text[body_end - 1] in _CLOSING:
            body_start, body_end = strip_span(text, body_start + 1, body_end - 1)
        if body_end > body_start:
            yield body_start, body_end, post
