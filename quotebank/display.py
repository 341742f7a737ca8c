"""Rich display: quotes highlighted in their article, and HTML for quotes and speakers.

:func:`render` marks every quote in an article with a colour per speaker and a
label that says who spoke (speaker, role, channel). The result shows itself in
Jupyter and can be saved as a standalone HTML page::

    quotebank.render(text)                       # in a notebook: displayed inline
    quotebank.render(text).save("article.html")  # a page that opens in any browser

Everything that comes from the article or from a speaker (quoted words, names,
roles, handles, document ids) is HTML-escaped: an article that contains
``<script>`` renders that as text. The markup uses inline styles only and no
script, and saved pages carry a Content-Security-Policy that forbids scripts as
a second line of defence.

Why not displaCy: its entity visualiser cannot nest (a quote inside a quote)
and inserts labels unescaped; its span visualiser works on tokens, not on the
character offsets quotebank guarantees. The look is borrowed from displaCy.

Example:
    >>> from quotebank import Quote, Speaker
    >>> text = 'Hoffman said: "We are working on it."'
    >>> q = Quote(id="q0", text=text[15:35], start=15, end=35,
    ...           speaker=Speaker(name="Jonathan Hoffman", role="Pentagon spokesman"))
    >>> r = render(text, [q])
    >>> r
    Rendering('Hoffman said: "We are working on it."', 1 quote, 1 speaker)
    >>> 'data-quote-id="q0"' in r.html and "Pentagon spokesman" in r.html
    True
"""

from __future__ import annotations

import html
import itertools
import os
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import attrs

from .model import Channel, Quote, QuoteKind, Speaker

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from .bank import QuoteBank

__all__ = ["PALETTE", "UNATTRIBUTED", "Rendering", "bank_html", "quotes_table_html", "render"]

PALETTE: tuple[str, ...] = (
    "#7aecec",
    "#feca74",
    "#bfeeb7",
    "#aa9cfc",
    "#ff9561",
    "#c887fb",
    "#ffeb80",
    "#9cc9cc",
    "#ff8197",
    "#bfe1d9",
    "#f0d0ff",
    "#e4e7d2",
    "#a0d8ff",
    "#ffc6a5",
    "#d4f48c",
    "#f5b3e6",
    "#b3c7ff",
    "#ffe0b3",
    "#9fe2bf",
    "#e8c4a0",
)
"""Background colours given to speakers in order of their first quote (light enough for black text)."""

UNATTRIBUTED = "unattributed"
"""How a quote without a speaker is labelled."""

_GREY = "#e0e0e0"
_INDIRECT_ALPHA = "80"
_FONT = "-apple-system, BlinkMacSystemFont, 'Segoe UI', Helvetica, Arial, sans-serif"
_CSP = "default-src 'none'; style-src 'unsafe-inline'"


def _e(value: object) -> str:
    """``value`` as text, escaped for HTML content and attribute values."""
    return html.escape(str(value), quote=True)


def _speaker_key(quote: Quote) -> str | None:
    return quote.speaker.name if quote.speaker is not None else None


def _colors(quotes: Iterable[Quote]) -> dict[str | None, str]:
    """A colour per speaker name, in order of first appearance; unattributed quotes are grey."""
    colors: dict[str | None, str] = {None: _GREY}
    for q in sorted(quotes, key=lambda q: (q.start, -q.end)):
        key = _speaker_key(q)
        if key not in colors:
            colors[key] = PALETTE[(len(colors) - 1) % len(PALETTE)]
    return colors


def _label(quote: Quote) -> str:
    """``Speaker · role · channel`` (the channel only when known), as plain text."""
    parts = [quote.speaker.name if quote.speaker else UNATTRIBUTED]
    if quote.speaker and quote.speaker.role:
        parts.append(quote.speaker.role)
    if quote.channel is not Channel.UNKNOWN:
        parts.append(quote.channel.value)
    return " · ".join(parts)


def _tooltip(quote: Quote) -> str:
    parts = [quote.id, quote.kind.value, f"channel {quote.channel.value}", f"[{quote.start}:{quote.end}]"]
    if quote.speaker is not None:
        who = quote.speaker.name + (f" ({quote.speaker.role})" if quote.speaker.role else "")
        parts.insert(0, who)
    if quote.post is not None and quote.post.handle:
        parts.append(f"@{quote.post.handle}")
    if quote.doc_id:
        parts.append(quote.doc_id)
    return " · ".join(parts)


def _open_mark(quote: Quote, color: str) -> str:
    border = "1px dashed #888" if quote.speaker is None else "none"
    if quote.kind is QuoteKind.INDIRECT:
        color += _INDIRECT_ALPHA  # reported speech, not the speaker's words: lighter
    return (
        f'<mark class="qb-quote" data-quote-id="{_e(quote.id)}" data-kind="{_e(quote.kind.value)}" '
        f'data-speaker="{_e(quote.speaker.name if quote.speaker else "")}" '
        f'data-channel="{_e(quote.channel.value)}" title="{_e(_tooltip(quote))}" '
        f'style="background: {color}; color: inherit; padding: 0.2em 0.3em; margin: 0 0.1em; '
        f'border-radius: 0.35em; border: {border}; -webkit-box-decoration-break: clone; box-decoration-break: clone;">'
    )


def _label_html(quote: Quote) -> str:
    return (
        '<span class="qb-label" style="font-size: 0.7em; font-weight: bold; line-height: 1; '
        'border-radius: 0.35em; vertical-align: middle; margin-left: 0.4em; white-space: nowrap;">'
        f"{_e(_label(quote))}</span>"
    )


def _highlight(text: str, quotes: Sequence[Quote], colors: dict[str | None, str]) -> str:
    """``text`` with a ``<mark>`` around every quote; nested quotes nest.

    The text is cut at every quote boundary; each piece is wrapped in the marks
    of the quotes that cover it, outermost first. Properly nested quotes (the
    normal case) get one mark each; two quotes that cross each other (only
    possible with hand-built quotes) get the later one split in pieces, and its
    label is written once, where it ends.
    """
    order = sorted(quotes, key=lambda q: (q.start, -q.end, q.id))
    rank = {id(q): i for i, q in enumerate(order)}
    cuts = sorted({0, len(text)} | {q.start for q in order} | {q.end for q in order})
    out: list[str] = []
    stack: list[Quote] = []

    def close_until(keep: list[Quote], at: int) -> None:
        while len(stack) > len(keep) or any(s is not k for s, k in zip(stack, keep, strict=False)):
            q = stack.pop()
            if q.end == at:
                out.append(_label_html(q))
            out.append("</mark>")

    def empty_quotes_at(at: int) -> None:
        for q in order:
            if q.start == q.end == at:
                out.append(_open_mark(q, colors[_speaker_key(q)]) + _label_html(q) + "</mark>")

    for a, b in itertools.pairwise(cuts):
        covering = sorted(
            (q for q in order if q.start <= a and b <= q.end and q.start < q.end), key=lambda q: rank[id(q)]
        )
        close_until(covering, a)
        empty_quotes_at(a)
        for q in covering[len(stack) :]:
            out.append(_open_mark(q, colors[_speaker_key(q)]))
            stack.append(q)
        out.append(_e(text[a:b]))
    close_until([], len(text))
    empty_quotes_at(len(text))
    return "".join(out)


def _speaker_text(speaker: Speaker | None) -> str:
    if speaker is None:
        return UNATTRIBUTED
    return speaker.name + (f" ({speaker.role})" if speaker.role else "")


def _legend(quotes: Sequence[Quote], colors: dict[str | None, str]) -> str:
    counts: dict[str | None, int] = {}
    first: dict[str | None, Quote] = {}
    for q in sorted(quotes, key=lambda q: (q.start, -q.end)):
        key = _speaker_key(q)
        counts[key] = counts.get(key, 0) + 1
        first.setdefault(key, q)
    chips = []
    for key, n in counts.items():
        who = _speaker_text(first[key].speaker)
        chips.append(
            f'<span class="qb-legend-item" style="background: {colors[key]}; padding: 0.15em 0.5em; '
            f'border-radius: 0.35em; margin: 0 0.4em 0.3em 0; display: inline-block;">'
            f"{_e(who)} <small>× {n}</small></span>"
        )
    summary = f"{len(quotes)} quote{'s' if len(quotes) != 1 else ''}"
    return (
        '<div class="qb-legend" style="font-size: 0.85em; line-height: 1.6; margin-bottom: 0.8em;">'
        f'<span style="margin-right: 0.6em; color: #555;">{summary}</span>{"".join(chips)}</div>'
    )


@attrs.frozen(repr=False)
class Rendering:
    """An article with its quotes highlighted: what :func:`render` returns.

    In Jupyter it displays itself; :attr:`html` is the markup to embed,
    :meth:`page` a standalone HTML document and :meth:`save` writes one.
    """

    html: str
    """The highlighted article as an HTML fragment (inline styles, no script)."""
    title: str
    """The page title: the document id, else the start of the text."""
    quotes: tuple[Quote, ...]
    """The quotes that were highlighted."""

    def __repr__(self) -> str:
        title = self.title if len(self.title) <= 60 else self.title[:57] + "..."
        n = len(self.quotes)
        speakers = len({q.speaker.name for q in self.quotes if q.speaker is not None})
        return (
            f"Rendering({title!r}, {n} quote{'s' if n != 1 else ''}, {speakers} speaker{'s' if speakers != 1 else ''})"
        )

    def __str__(self) -> str:
        return self.html

    def _repr_html_(self) -> str:
        return self.html

    def page(self, *, csp: bool = True) -> str:
        """A standalone HTML5 document showing the rendering.

        Args:
            csp: Add a Content-Security-Policy that forbids scripts and any
                loading from elsewhere (inline styles only).
        """
        policy = f'<meta http-equiv="Content-Security-Policy" content="{_CSP}">\n' if csp else ""
        return (
            "<!DOCTYPE html>\n"
            '<html lang="en">\n<head>\n<meta charset="utf-8">\n'
            f"{policy}"
            '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
            f"<title>{_e(self.title)} · quotebank</title>\n</head>\n"
            f'<body style="margin: 2em auto; max-width: 52em; padding: 0 1em; background: #fff; color: #222;">\n'
            f"{self.html}\n</body>\n</html>\n"
        )

    def save(self, path: str | os.PathLike[str], *, csp: bool = True) -> Path:
        """Write :meth:`page` to ``path`` (UTF-8) and return the path."""
        target = Path(path)
        target.write_text(self.page(csp=csp), encoding="utf-8")
        return target


def _from_doc(doc: Doc, include_scare: bool) -> list[Quote]:
    from .component import DATA_KEY, doc_quotes

    if not doc.has_extension(DATA_KEY) or doc._.get(DATA_KEY) is None:
        raise ValueError(
            "this Doc was not processed by the quotebank component: use quotebank.load(), "
            "or nlp.add_pipe('quotebank'), or pass quotes="
        )
    return doc_quotes(doc, include_scare=include_scare)


def render(
    text_or_doc: str | Doc,
    quotes: Iterable[Quote] | None = None,
    *,
    title: str | None = None,
    legend: bool = True,
    include_scare: bool = False,
) -> Rendering:
    """Highlight each quote in its article, with a colour per speaker and a label.

    The label reads ``speaker · role · channel`` (``unattributed`` when no
    speaker is known; the channel only when it is not ``unknown``); hovering a
    quote shows its id, kind, channel and offsets. Reported speech without
    quotation marks (``kind=INDIRECT``) is shown in a lighter shade of the
    speaker's colour.

    Args:
        text_or_doc: The article as ``str``, or a spaCy ``Doc`` processed by
            the ``quotebank`` component.
        quotes: The quotes to show; their offsets must point into this text.
            By default they are found with :func:`quotebank.extract` (for a
            ``str``) or read from ``doc._.quotes`` (for a ``Doc``).
        title: The title of a saved page; defaults to the quotes' ``doc_id``,
            else the start of the text.
        legend: Start with a line of the speakers, their colours and how many
            quotes each has.
        include_scare: When finding the quotes, keep scare quotes and titles.

    Returns:
        A :class:`Rendering`: shown inline in Jupyter, ``.html`` for the markup,
        ``.save(path)`` for a standalone page.

    Raises:
        ValueError: when a quote's offsets do not match the text, or a ``Doc``
            was not processed by quotebank.
        TypeError: when ``text_or_doc`` is neither a ``str`` nor a ``Doc``.
    """
    if isinstance(text_or_doc, str):
        text = text_or_doc
        if quotes is None:
            from .api import extract

            quotes = extract(text, include_scare=include_scare)
    elif hasattr(text_or_doc, "text") and hasattr(text_or_doc, "_"):
        text = text_or_doc.text
        if quotes is None:
            quotes = _from_doc(text_or_doc, include_scare)
    else:
        raise TypeError(f"render() needs the article as str or a spaCy Doc, not {type(text_or_doc).__name__}")
    chosen = tuple(quotes)
    for q in chosen:
        if not isinstance(q, Quote):
            raise TypeError(f"quotes must be Quote objects, not {type(q).__name__}")
        if q.end > len(text) or text[q.start : q.end] != q.text:
            raise ValueError(f"quote {q.id} [{q.start}:{q.end}] does not match the text it is rendered in")
    colors = _colors(chosen)
    if title is None:
        doc_ids = [q.doc_id for q in chosen if q.doc_id]
        first_line = " ".join(text.split())[:60] or "untitled"
        title = doc_ids[0] if doc_ids else first_line
    body = (
        f'<div class="qb-text" style="white-space: pre-wrap; overflow-wrap: break-word; line-height: 2.1;">'
        f"{_highlight(text, chosen, colors)}</div>"
    )
    markup = (
        f'<div class="quotebank-render" style="font-family: {_FONT}; font-size: 16px; color: #222;">'
        f"{_legend(chosen, colors) if legend else ''}{body}</div>"
    )
    return Rendering(html=markup, title=title, quotes=chosen)


def quotes_table_html(quotes: Iterable[Quote], *, limit: int | None = 50, width: int = 120) -> str:
    """An HTML table of quotes: speaker, role, channel, kind, text (shortened to ``width`` characters).

    Args:
        quotes: The quotes, shown in the order given.
        limit: Show at most this many rows (``None``: all) and say how many were left out.
        width: Shorten each quote's text to this many characters.
    """
    rows = []
    items = list(quotes)
    shown = items if limit is None else items[:limit]
    for q in shown:
        text = q.text if len(q.text) <= width else q.text[: width - 1] + "…"
        cells = (
            q.speaker.name if q.speaker else UNATTRIBUTED,
            (q.speaker.role or "") if q.speaker else "",
            q.channel.value,
            q.kind.value,
            text,
        )
        rows.append("<tr>" + "".join(f'<td style="text-align: left;">{_e(c)}</td>' for c in cells) + "</tr>")
    head = "".join(f'<th style="text-align: left;">{h}</th>' for h in ("speaker", "role", "channel", "kind", "text"))
    more = ""
    if len(shown) < len(items):
        more = f"<p><small>… and {len(items) - len(shown)} more</small></p>"
    return f'<table class="qb-quotes"><thead><tr>{head}</tr></thead><tbody>{"".join(rows)}</tbody></table>{more}'


def bank_html(bank: QuoteBank, *, limit: int | None = 25) -> str:
    """A summary of a :class:`~quotebank.QuoteBank`: its size, then its speakers with their roles.

    One row per speaker entity, most quoted first: name, kind, every role the
    articles give (most frequent first), handles, number of quotes and of
    articles. This is what a notebook shows for a bank.

    Args:
        bank: The bank.
        limit: Show at most this many speakers (``None``: all) and say how many were left out.
    """
    speakers = sorted(bank.speakers, key=lambda s: -s.n_quotes)
    shown = speakers if limit is None else speakers[:limit]
    n_quotes = sum(s.n_quotes for s in speakers)
    head = "".join(
        f'<th style="text-align: left;">{h}</th>' for h in ("speaker", "kind", "roles", "handles", "quotes", "articles")
    )
    rows = []
    for s in shown:
        cells = (
            f"<b>{_e(s.name)}</b>",
            _e(s.kind.value),
            _e("; ".join(s.roles)),
            _e(" ".join(f"@{h}" for h in s.handles)),
            str(s.n_quotes),
            str(len(s.doc_ids)),
        )
        rows.append("<tr>" + "".join(f'<td style="text-align: left;">{c}</td>' for c in cells) + "</tr>")
    left_out = len(speakers) - len(shown)
    more = f"<p><small>… and {left_out} more speakers</small></p>" if left_out else ""
    summary = (
        f"<p><b>QuoteBank</b> <code>{_e(bank.path)}</code>: {len(bank)} article{'s' if len(bank) != 1 else ''}, "
        f"{len(speakers)} speaker{'s' if len(speakers) != 1 else ''} with {n_quotes} attributed "
        f"quote{'s' if n_quotes != 1 else ''}</p>"
    )
    table = f'<table class="qb-speakers"><thead><tr>{head}</tr></thead><tbody>{"".join(rows)}</tbody></table>'
    return f'<div class="qb-bank">{summary}{table}{more}</div>'
