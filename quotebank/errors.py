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
    """A text longer than the pipeline's ``max_length`` was processed in pieces."""
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
