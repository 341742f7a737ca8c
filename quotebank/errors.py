"""Errors and coded warnings.

Every problem quotebank meets in a document is either an exception (the input
as a whole is unusable) or a :class:`Notice`: a coded, logged message that
names the offending offset and says what was skipped. Notices are logged on the
``quotebank`` logger and also kept on the Doc (``doc._.quotebank_notices``) so
that nothing is dropped without a trace.
"""

from __future__ import annotations

import enum
import logging

import attrs

logger = logging.getLogger("quotebank")


class QuotebankError(Exception):
    """Base class of quotebank's exceptions."""


class ModelNotFoundError(QuotebankError, OSError):
    """No spaCy pipeline could be loaded."""


class BankError(QuotebankError):
    """A quote bank cannot be opened or written."""


class InvalidTextError(QuotebankError, ValueError):
    """A text quotebank cannot process, refused at the door: it is not valid Unicode (a lone surrogate).

    ``offset`` is the character offset of the first bad character. :func:`quotebank.extract`, the bank and the
    record reading (:func:`quotebank.corpus.to_record`, so ``extract_many`` and the command line) all refuse such a
    text the same way, through :func:`quotebank.api.check_text`.

    Example:
        >>> error = InvalidTextError("surrogates not allowed", offset=3)
        >>> print(error)
        the text is not valid Unicode: surrogates not allowed at offset 3
        >>> error.offset, isinstance(error, ValueError)
        (3, True)
    """

    def __init__(self, reason: str, offset: int) -> None:
        super().__init__(f"the text is not valid Unicode: {reason} at offset {offset}")
        self.reason = reason
        self.offset = offset

    def __reduce__(self) -> tuple[type[InvalidTextError], tuple[str, int]]:
        return type(self), (self.reason, self.offset)


class RecordError(QuotebankError, ValueError):
    """A record (a document to extract quotes from or to store) has a field that cannot be used.

    The message names the record (when its id is known) and the field; ``field`` and ``reason`` give them apart.

    Example:
        >>> print(RecordError("must be an ISO 8601 date (YYYY-MM-DD), not 'Monday'", field="date", record_id="a1"))
        record 'a1': 'date' must be an ISO 8601 date (YYYY-MM-DD), not 'Monday'
    """

    def __init__(self, reason: str, field: str, record_id: str | None = None) -> None:
        where = f"record {record_id!r}: " if record_id is not None else ""
        super().__init__(f"{where}{field!r} {reason}")
        self.reason = reason
        self.field = field
        self.record_id = record_id

    def __reduce__(self) -> tuple[type[RecordError], tuple[str, str, str | None]]:
        return type(self), (self.reason, self.field, self.record_id)


class QuoteDataError(QuotebankError, ValueError):
    """Data that should describe a quote (:meth:`Quote.from_dict <quotebank.Quote.from_dict>`, ``from_json``) does
    not: a missing field, or a value of the wrong type or out of range."""


class Code(enum.StrEnum):
    """Codes of the notices quotebank emits while reading a document."""

    UNCLOSED_QUOTE = "W001"
    """An opening quotation mark that is never closed; the mark is skipped."""
    UNOPENED_QUOTE = "W002"
    """A closing quotation mark with no opening mark; the mark is skipped."""
    EMPTY_QUOTE = "W003"
    """A pair of marks with nothing between them; skipped."""
    TOO_LONG_QUOTE = "W004"
    """A pair of marks so far apart that they cannot be one quotation; both skipped."""
    DOC_SPLIT = "W005"
    """A text longer than :data:`quotebank.api.PIECE_CHARS` (or the pipeline's ``max_length``) was processed in
    pieces cut at paragraph breaks."""
    BAD_QUOTE = "W006"
    """A quote could not be built (an internal inconsistency); skipped."""


@attrs.frozen(kw_only=True)
class Notice:
    """A coded message about one place in a document.

    Example:
        >>> Notice(code=Code.UNCLOSED_QUOTE, offset=12, message="opening “ never closed")
        Notice(W001 at 12: opening “ never closed)
    """

    code: Code = attrs.field(converter=Code)
    offset: int
    message: str

    def __repr__(self) -> str:
        return f"Notice({self.code.value} at {self.offset}: {self.message})"

    def to_dict(self) -> dict[str, object]:
        return {"code": self.code.value, "offset": self.offset, "message": self.message}

    @classmethod
    def from_dict(cls, data: dict[str, object]) -> Notice:
        return cls(code=Code(str(data["code"])), offset=int(str(data["offset"])), message=str(data["message"]))

    def log(self, doc_id: str | None = None) -> None:
        where = f"{doc_id}:" if doc_id else "offset "
        logger.warning("%s %s%d: %s", self.code.value, where, self.offset, self.message)
