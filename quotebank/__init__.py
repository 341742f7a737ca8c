"""quotebank: who said what, in which role, through which channel, in news text.

Example:
    >>> import quotebank
    >>> quotes = quotebank.extract("“We need to wait and see,” Goldenberg wrote on Twitter.")
    >>> quotes[0].kind.value
    'direct'
"""

from __future__ import annotations

from . import component as _component  # noqa: F401  (registers the "quotebank" factory)
from . import fastpipes as _fastpipes  # noqa: F401  (registers "quotebank_attribute_ruler", "quotebank_lemmatizer")
from . import paragraphs as _paragraphs  # noqa: F401  (registers "quotebank_paragraphs")
from .api import DEFAULT_MODELS, MODEL_ENV_VAR, SPANS_KEY, extract, load
from .bank import Quotation, QuoteBank, SpeakerEntity
from .corpus import BadRecord, Extraction, Fields, Record, extract_many
from .display import Rendering, render
from .errors import (
    BankError,
    Code,
    InvalidTextError,
    ModelNotFoundError,
    Notice,
    QuotebankError,
    QuoteDataError,
    RecordError,
)
from .model import Channel, Post, Quote, QuoteKind, Speaker, SpeakerKind, TextSpan

__version__ = "0.1.0"

__all__ = [
    "DEFAULT_MODELS",
    "MODEL_ENV_VAR",
    "SPANS_KEY",
    "BadRecord",
    "BankError",
    "Channel",
    "Code",
    "Extraction",
    "Fields",
    "InvalidTextError",
    "ModelNotFoundError",
    "Notice",
    "Post",
    "Quotation",
    "Quote",
    "QuoteBank",
    "QuoteDataError",
    "QuoteKind",
    "QuotebankError",
    "Record",
    "RecordError",
    "Rendering",
    "Speaker",
    "SpeakerEntity",
    "SpeakerKind",
    "TextSpan",
    "extract",
    "extract_many",
    "load",
    "render",
]
