"""quotebank: who said what, in which role, through which channel, in news text.

Example:
    >>> import quotebank
    >>> quotes = quotebank.extract("“We need to wait and see,” Goldenberg wrote on Twitter.")
    >>> quotes[0].kind.value
    'direct'

The public names are imported on first use, so that ``import quotebank`` (and ``quotebank --help``) does not wait
for spaCy. spaCy finds the components (``quotebank``, ``quotebank_paragraphs``...) through the ``spacy_factories``
entry points of the installed package; they are also registered as soon as spaCy and quotebank are both imported
and a name below is used (or spaCy was imported first).
"""

from __future__ import annotations

import importlib
import logging
import sys
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"
"""The one place the version is written: ``pyproject.toml`` reads it from here."""

# A library logs, the application decides what is shown: without this, Python's last-resort handler would print every
# coded notice (W001...) of a user's script on stderr. The notices stay on the Doc and in every result.
logging.getLogger("quotebank").addHandler(logging.NullHandler())

if TYPE_CHECKING:
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

_WHERE = {
    **dict.fromkeys(("DEFAULT_MODELS", "MODEL_ENV_VAR", "SPANS_KEY", "extract", "load"), "api"),
    **dict.fromkeys(("Quotation", "QuoteBank", "SpeakerEntity"), "bank"),
    **dict.fromkeys(("BadRecord", "Extraction", "Fields", "Record", "extract_many"), "corpus"),
    **dict.fromkeys(("Rendering", "render"), "display"),
    **dict.fromkeys(
        (
            "BankError",
            "Code",
            "InvalidTextError",
            "ModelNotFoundError",
            "Notice",
            "QuotebankError",
            "QuoteDataError",
            "RecordError",
        ),
        "errors",
    ),
    **dict.fromkeys(("Channel", "Post", "Quote", "QuoteKind", "Speaker", "SpeakerKind", "TextSpan"), "model"),
}
_FACTORIES = ("component", "fastpipes", "paragraphs")
"""The modules that register spaCy factories when imported."""


def _register_factories() -> None:
    for module in _FACTORIES:
        importlib.import_module(f"{__name__}.{module}")


def __getattr__(name: str) -> Any:
    module = _WHERE.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f"{__name__}.{module}"), name)
    if "spacy" in sys.modules:
        _register_factories()
    globals()[name] = value  # later look-ups skip this function
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *_WHERE})


if "spacy" in sys.modules:
    # spaCy is loaded anyway: register now, so that an uninstalled checkout can `nlp.add_pipe("quotebank")` too.
    _register_factories()

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
