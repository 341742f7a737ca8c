"""Typed, immutable value objects: what quotebank hands to its users.

This module does not import spaCy: the objects can be built, compared,
serialised and stored without a pipeline. ``Quote.from_span`` takes anything
with ``start_char``/``end_char``/``doc.text`` (a spaCy ``Span``) by duck typing.

Example:
    >>> text = 'Zarif described the strikes as "proportionate measures."'
    >>> q = Quote(id="q0", text=text[32:55], start=32, end=55, kind=QuoteKind.PARTIAL)
    >>> q
    Quote(q0 partial [32:55] 'proportionate measures.')
    >>> Quote.from_dict(q.to_dict()) == q
    True
"""

from __future__ import annotations

import enum
import html
import json
from collections.abc import Iterable, Mapping
from typing import Any, Protocol

import attrs

from .errors import QuoteDataError

__all__ = [
    "Channel",
    "Post",
    "Quote",
    "QuoteKind",
    "Speaker",
    "SpeakerKind",
    "TextSpan",
]


class QuoteKind(enum.StrEnum):
    """What kind of quoted material a :class:`Quote` is."""

    DIRECT = "direct"
    """Quoted words that stand as the speaker's own sentence(s)."""
    PARTIAL = "partial"
    """A quoted fragment built into reported speech: ``described it as “...”``."""
    EMBEDDED_POST = "embedded_post"
    """A social-media post embedded in the article, signed ``— Name (@handle) date``."""
    INDIRECT = "indirect"
    """Reported speech without quotation marks."""
    SCARE = "scare"
    """Scare quotes, titles and names in quotation marks: not speech. Left out of
    :func:`quotebank.extract` unless ``include_scare=True``."""


class Channel(enum.StrEnum):
    """Through which channel the words were delivered."""

    TWEET = "tweet"
    SOCIAL_POST = "social_post"
    STATEMENT = "statement"
    SPEECH = "speech"
    INTERVIEW = "interview"
    PRESS_CONFERENCE = "press_conference"
    BROADCAST = "broadcast"
    LETTER = "letter"
    PUBLICATION = "publication"
    UNKNOWN = "unknown"


class SpeakerKind(enum.StrEnum):
    """What sort of source a :class:`Speaker` is."""

    PERSON = "person"
    ORGANIZATION = "organization"
    MEDIA = "media"
    """A newspaper, broadcaster, agency or social-media account of one."""
    UNNAMED = "unnamed"
    """An anonymous source: ``a defense official``, ``US and Iraqi officials``."""
    UNKNOWN = "unknown"


def _non_negative(_inst: object, attribute: attrs.Attribute[int], value: int) -> None:
    if value < 0:
        raise ValueError(f"{attribute.name} must be >= 0, got {value}")


def _ordered(inst: Any, _attribute: attrs.Attribute[int], value: int) -> None:
    if value < inst.start:
        raise ValueError(f"end ({value}) must not be before start ({inst.start})")


def _length_matches(inst: Any, _attribute: attrs.Attribute[str], value: str) -> None:
    if len(value) != inst.end - inst.start:
        raise ValueError(
            f"text has {len(value)} characters but [{inst.start}:{inst.end}] spans {inst.end - inst.start}"
        )


def _str_tuple(values: Iterable[str] | None) -> tuple[str, ...]:
    if values is None:
        return ()
    if isinstance(values, str):
        return (values,)
    return tuple(values)


class _HasCharSpan(Protocol):
    @property
    def start_char(self) -> int: ...

    @property
    def end_char(self) -> int: ...

    @property
    def text(self) -> str: ...


@attrs.frozen(kw_only=True, repr=False)
class TextSpan:
    """A stretch of the original text: ``source[start:end] == text``.

    Example:
        >>> TextSpan(start=4, end=8, text="said")
        TextSpan([4:8] 'said')
    """

    start: int = attrs.field(validator=[attrs.validators.instance_of(int), _non_negative])
    end: int = attrs.field(validator=[attrs.validators.instance_of(int), _ordered])
    text: str = attrs.field(validator=[attrs.validators.instance_of(str), _length_matches])

    @classmethod
    def from_span(cls, span: _HasCharSpan) -> TextSpan:
        """Build from a spaCy ``Span`` or ``Token`` (anything with character offsets)."""
        start, end = span.start_char, span.end_char
        return cls(start=start, end=end, text=span.text[: end - start])

    @classmethod
    def of(cls, source: str, start: int, end: int) -> TextSpan:
        """The span ``source[start:end]``."""
        return cls(start=start, end=end, text=source[start:end])

    def __repr__(self) -> str:
        return f"TextSpan([{self.start}:{self.end}] {self.text!r})"

    def to_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "text": self.text}

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> TextSpan:
        return cls(start=data["start"], end=data["end"], text=data["text"])


@attrs.frozen(kw_only=True, repr=False)
class Speaker:
    """Who said it.

    ``name`` is the canonical name (the fullest form the text gives), ``role``
    the title that goes with this quote, ``roles`` every title the document (or
    the bank) gives the speaker, most specific first, and ``aliases`` every
    other way the text names them (surname, ``Mr Abdul-Mahdi``, a description).

    Example:
        >>> s = Speaker(name="Jonathan Hoffman", role="Pentagon spokesman", aliases=["Hoffman"])
        >>> s
        Speaker('Jonathan Hoffman', role='Pentagon spokesman')
        >>> s.roles
        ('Pentagon spokesman',)
    """

    name: str = attrs.field(validator=attrs.validators.instance_of(str))
    role: str | None = attrs.field(default=None)
    roles: tuple[str, ...] = attrs.field(default=(), converter=_str_tuple)
    kind: SpeakerKind = attrs.field(default=SpeakerKind.UNKNOWN, converter=SpeakerKind)
    aliases: tuple[str, ...] = attrs.field(default=(), converter=_str_tuple)
    handle: str | None = attrs.field(default=None)

    @name.validator
    def _check_name(self, _attribute: attrs.Attribute[str], value: str) -> None:
        if not value.strip():
            raise ValueError("a speaker's name must not be empty")

    def __attrs_post_init__(self) -> None:
        if self.role and self.role not in self.roles:
            object.__setattr__(self, "roles", (self.role, *self.roles))

    def __repr__(self) -> str:
        extra = f", role={self.role!r}" if self.role else ""
        extra += f", handle={self.handle!r}" if self.handle else ""
        return f"Speaker({self.name!r}{extra})"

    def _repr_html_(self) -> str:
        """One line of HTML: name, role, handle, kind, other roles and names; all escaped."""
        e = html.escape
        out = [f"<b>{e(self.name)}</b>"]
        if self.role:
            out.append(f"<i>({e(self.role)})</i>")
        if self.handle:
            out.append(f"@{e(self.handle)}")
        muted = '<small style="color: #666;">'
        if self.kind is not SpeakerKind.UNKNOWN:
            out.append(f"{muted}{e(self.kind.value)}</small>")
        if others := [r for r in self.roles if r != self.role]:
            out.append(f"{muted}also: {e('; '.join(others))}</small>")
        if aliases := [a for a in self.aliases if a != self.name]:
            out.append(f"{muted}a.k.a. {e('; '.join(aliases))}</small>")
        return f'<span class="qb-speaker">{" ".join(out)}</span>'

    @property
    def names(self) -> tuple[str, ...]:
        """The canonical name followed by every alias."""
        return (self.name, *(a for a in self.aliases if a != self.name))

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "role": self.role,
            "roles": list(self.roles),
            "kind": self.kind.value,
            "aliases": list(self.aliases),
            "handle": self.handle,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Speaker:
        return cls(
            name=data["name"],
            role=data.get("role"),
            roles=data.get("roles") or (),
            kind=data.get("kind", "unknown"),
            aliases=data.get("aliases") or (),
            handle=data.get("handle"),
        )


@attrs.frozen(kw_only=True, repr=False)
class Post:
    """The signature of an embedded social-media post.

    Example:
        >>> Post(author="Hassan Rouhani", handle="HassanRouhani", date="2020-01-08",
        ...      signature=TextSpan(start=0, end=4, text="— Ha"))
        Post('Hassan Rouhani', @HassanRouhani, 2020-01-08)
    """

    author: str
    handle: str | None = None
    date: str | None = None
    """ISO date (``YYYY-MM-DD``) when the signature's date could be read, else its text."""
    platform: str = "twitter"
    signature: TextSpan | None = None

    def __repr__(self) -> str:
        return f"Post({self.author!r}, @{self.handle}, {self.date})"

    def to_dict(self) -> dict[str, Any]:
        return {
            "author": self.author,
            "handle": self.handle,
            "date": self.date,
            "platform": self.platform,
            "signature": self.signature.to_dict() if self.signature else None,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Post:
        sig = data.get("signature")
        return cls(
            author=data["author"],
            handle=data.get("handle"),
            date=data.get("date"),
            platform=data.get("platform", "twitter"),
            signature=TextSpan.from_dict(sig) if sig else None,
        )


_REQUIRED = ("id", "text", "start", "end")
"""The fields of :meth:`Quote.to_dict` that :meth:`Quote.from_dict` cannot do without."""


def _optional(cls: type) -> Any:
    return attrs.validators.optional(attrs.validators.instance_of(cls))


@attrs.frozen(kw_only=True, repr=False)
class Quote:
    """One piece of quoted (or reported) material in one document.

    Offsets are character offsets into the document's original text and exclude
    the quotation marks: ``source[quote.start:quote.end] == quote.text``.

    A quote interrupted by its cue (``“Last night,” he said, “they received a
    slap.”``) comes as two pieces that share a ``group`` (the ``id`` of the first
    piece). A quote nested inside another has ``parent`` set to the outer quote's
    ``id``. ``confidence`` is not part of equality.
    """

    id: str = attrs.field(validator=attrs.validators.instance_of(str))
    text: str = attrs.field(validator=[attrs.validators.instance_of(str), _length_matches])
    start: int = attrs.field(validator=[attrs.validators.instance_of(int), _non_negative])
    end: int = attrs.field(validator=[attrs.validators.instance_of(int), _ordered])
    kind: QuoteKind = attrs.field(default=QuoteKind.DIRECT, converter=QuoteKind)
    speaker: Speaker | None = attrs.field(default=None, validator=_optional(Speaker))
    speaker_mention: TextSpan | None = attrs.field(default=None, validator=_optional(TextSpan))
    cue: TextSpan | None = attrs.field(default=None, validator=_optional(TextSpan))
    channel: Channel = attrs.field(default=Channel.UNKNOWN, converter=Channel)
    channel_evidence: TextSpan | None = attrs.field(default=None, validator=_optional(TextSpan))
    doc_id: str | None = None
    parent: str | None = None
    group: str | None = None
    post: Post | None = attrs.field(default=None, validator=_optional(Post))
    marks: str = ""
    """The opening and closing quotation marks, e.g. ``"“”"``; empty for posts without marks."""
    reported: TextSpan | None = attrs.field(default=None, validator=_optional(TextSpan))
    """For a quoted fragment inside reported speech (``He said the “historic decision” was necessary``), the
    whole reported clause it belongs to; its cue and speaker are the fragment's own."""
    confidence: float = attrs.field(default=1.0, eq=False, converter=float)

    @classmethod
    def from_span(cls, span: _HasCharSpan, **fields: Any) -> Quote:
        """Build a quote from a spaCy ``Span`` (or anything with character offsets)."""
        start, end = span.start_char, span.end_char
        fields.setdefault("id", f"q{start}")
        return cls(text=span.text[: end - start], start=start, end=end, **fields)

    def __repr__(self) -> str:
        text = self.text if len(self.text) <= 60 else self.text[:57] + "..."
        out = f"Quote({self.id} {self.kind.value} [{self.start}:{self.end}] {text!r}"
        if self.speaker is not None:
            out += f" speaker={self.speaker.name!r}"
        if self.channel is not Channel.UNKNOWN:
            out += f" channel={self.channel.value}"
        return out + ")"

    def _repr_html_(self) -> str:
        """A small card: the quoted words, then who said them (or *unattributed*), channel, kind, offsets; escaped."""
        e = html.escape
        who = self.speaker._repr_html_() if self.speaker else "<i>unattributed</i>"
        opening, closing = (self.marks[0], self.marks[-1]) if len(self.marks) >= 2 else ("“", "”")
        meta = [self.channel.value, self.kind.value, f"{self.id} [{self.start}:{self.end}]"]
        if self.doc_id:
            meta.append(self.doc_id)
        border = "#e0e0e0" if self.speaker is None else "#7aecec"
        style = f"border-left: 4px solid {border}; padding: 0.2em 0.8em; margin: 0.3em 0;"
        return (
            f'<div class="qb-quote-card" style="{style}">'
            f'<div style="font-style: italic; white-space: pre-wrap;">{e(opening)}{e(self.text)}{e(closing)}</div>'
            f'<div style="font-size: 0.9em;">— {who} <span style="color: #666;">· {e(" · ".join(meta))}</span></div>'
            "</div>"
        )

    def attributed_like(self, other: Quote, **changes: Any) -> Quote:
        """This quote with ``other``'s speaker, speaker mention, cue and channel (and any ``changes``).

        Example:
            >>> said = Quote(id="q0", text="Yes", start=0, end=3, speaker=Speaker(name="Hoffman"))
            >>> Quote(id="q1", text="No", start=5, end=7).attributed_like(said).speaker_name
            'Hoffman'
        """
        return attrs.evolve(
            self,
            speaker=other.speaker,
            speaker_mention=other.speaker_mention,
            cue=other.cue,
            channel=other.channel,
            channel_evidence=other.channel_evidence,
            **changes,
        )

    @property
    def speaker_name(self) -> str | None:
        return self.speaker.name if self.speaker else None

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict; :meth:`from_dict` gives back an equal quote."""

        def span(s: TextSpan | None) -> dict[str, Any] | None:
            return s.to_dict() if s is not None else None

        return {
            "id": self.id,
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "kind": self.kind.value,
            "speaker": self.speaker.to_dict() if self.speaker else None,
            "speaker_mention": span(self.speaker_mention),
            "cue": span(self.cue),
            "channel": self.channel.value,
            "channel_evidence": span(self.channel_evidence),
            "doc_id": self.doc_id,
            "parent": self.parent,
            "group": self.group,
            "post": self.post.to_dict() if self.post else None,
            "marks": self.marks,
            "reported": span(self.reported),
            "confidence": self.confidence,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Quote:
        """The quote a :meth:`to_dict` dict describes.

        Raises:
            QuoteDataError: naming what is wrong: not a mapping, a missing field, a value of the wrong type.

        Example:
            >>> Quote.from_dict({"id": "q0", "text": "Hi"})
            Traceback (most recent call last):
            ...
            quotebank.errors.QuoteDataError: a quote needs the fields 'start', 'end'; this one has 'id', 'text'
        """
        if not isinstance(data, Mapping):
            raise QuoteDataError(f"Quote.from_dict() takes a mapping (a dict), not {type(data).__name__}")
        missing = [key for key in _REQUIRED if key not in data]
        if missing:
            present = ", ".join(repr(key) for key in data) or "none"
            raise QuoteDataError(f"a quote needs the fields {', '.join(map(repr, missing))}; this one has {present}")
        try:
            return cls._from_dict(data)
        except KeyError as exc:
            raise QuoteDataError(f"quote {data['id']!r}: a part of it lacks the field {exc.args[0]!r}") from exc
        except (TypeError, ValueError, AttributeError) as exc:
            raise QuoteDataError(f"quote {data['id']!r}: {exc}") from exc

    @classmethod
    def _from_dict(cls, data: Mapping[str, Any]) -> Quote:
        def span(key: str) -> TextSpan | None:
            value = data.get(key)
            return TextSpan.from_dict(value) if value else None

        speaker = data.get("speaker")
        post = data.get("post")
        return cls(
            id=data["id"],
            text=data["text"],
            start=data["start"],
            end=data["end"],
            kind=data.get("kind", "direct"),
            speaker=Speaker.from_dict(speaker) if speaker else None,
            speaker_mention=span("speaker_mention"),
            cue=span("cue"),
            channel=data.get("channel", "unknown"),
            channel_evidence=span("channel_evidence"),
            doc_id=data.get("doc_id"),
            parent=data.get("parent"),
            group=data.get("group"),
            post=Post.from_dict(post) if post else None,
            marks=data.get("marks", ""),
            reported=span("reported"),
            confidence=data.get("confidence", 1.0),
        )

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False)

    @classmethod
    def from_json(cls, line: str) -> Quote:
        """The quote a :meth:`to_json` line describes; :class:`~quotebank.errors.QuoteDataError` when it does not."""
        try:
            data = json.loads(line)
        except (TypeError, ValueError) as exc:
            raise QuoteDataError(f"not a JSON quote: {exc}") from exc
        return cls.from_dict(data)
