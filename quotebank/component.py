"""The spaCy component: the only module that knows how results are stored on a Doc.

What is stored, and why it survives ``DocBin`` and ``nlp.pipe(n_process=2)``:

* ``doc._.quotebank_data``: a list of plain dicts (:meth:`Quote.to_dict`),
  exact character offsets included;
* ``doc._.quotebank_notices``: a list of plain dicts (:meth:`Notice.to_dict`);
* ``doc.spans["quotebank"]`` (speech) and ``doc.spans["quotebank_scare"]``
  (scare quotes, titles): token spans labelled with the quote's kind, for
  displaCy and span-based tooling. Token spans may be wider than the quote when
  a token straddles a quotation mark; the exact offsets are in the data.

``doc._.quotes`` (speech only) and ``doc._.all_quotes`` are getters that build
:class:`~quotebank.model.Quote` objects from the stored dicts on each access.

Example:
    >>> import spacy
    >>> nlp = spacy.blank("en")
    >>> _ = nlp.add_pipe("quotebank", config={"attribute": False})
    >>> doc = nlp('He called it "a crisis of historic proportions," and left.')
    >>> [q.text for q in doc._.quotes]
    ['a crisis of historic proportions,']
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

import attrs
import numpy
from spacy.language import Language
from spacy.tokens import Doc, Span

from .errors import Notice
from .model import Quote, QuoteKind
from .pipeline import analyze
from .tokenizer import split_glued_quotes

__all__ = [
    "DATA_KEY",
    "INDIRECT_SPANS_KEY",
    "SCARE_SPANS_KEY",
    "SPANS_KEY",
    "QuotebankComponent",
    "doc_quotes",
    "make_quotebank",
]

SPANS_KEY = "quotebank"
SCARE_SPANS_KEY = "quotebank_scare"
INDIRECT_SPANS_KEY = "quotebank_indirect"
DATA_KEY = "quotebank_data"
"""The Doc extension that holds the quotes as plain dicts: set on every Doc the component processed."""
_NOTICES = "quotebank_notices"


def _all_quotes(doc: Doc) -> list[Quote]:
    return [Quote.from_dict(d) for d in (doc._.get(DATA_KEY) or [])]


def doc_quotes(doc: Doc, *, include_scare: bool = False, indirect: bool = True) -> list[Quote]:
    """The quotes stored on ``doc`` by the component.

    Scare quotes are left out unless asked for, reported speech (``INDIRECT``) when ``indirect=False``; a quote
    whose ``parent`` is left out then has no parent.
    """
    quotes = _all_quotes(doc)
    dropped = set()
    if not include_scare:
        dropped.add(QuoteKind.SCARE)
    if not indirect:
        dropped.add(QuoteKind.INDIRECT)
    left_out = {q.id for q in quotes if q.kind in dropped}
    return [attrs.evolve(q, parent=None) if q.parent in left_out else q for q in quotes if q.kind not in dropped]


def _notices(doc: Doc) -> list[Notice]:
    return [Notice.from_dict(d) for d in (doc._.get(_NOTICES) or [])]


def _register_extensions() -> None:
    if not Doc.has_extension(DATA_KEY):
        Doc.set_extension(DATA_KEY, default=None)
    if not Doc.has_extension(_NOTICES):
        Doc.set_extension(_NOTICES, default=None)
    if not Doc.has_extension("quotes"):
        Doc.set_extension("quotes", getter=doc_quotes)
    if not Doc.has_extension("all_quotes"):
        Doc.set_extension("all_quotes", getter=_all_quotes)
    if not Doc.has_extension("quote_notices"):
        Doc.set_extension("quote_notices", getter=_notices)


_register_extensions()


class QuotebankComponent:
    """Finds quotations and attributes them; see the module docstring for storage."""

    def __init__(
        self,
        nlp: Language,
        name: str = "quotebank",
        *,
        language: str = "en",
        attribute: bool = True,
        indirect: bool = True,
        split_glued: bool = True,
    ) -> None:
        if split_glued:
            split_glued_quotes(nlp)
        self.name = name
        self.language = language
        self.attribute = attribute
        self.indirect = indirect

    def __call__(self, doc: Doc, *, drop_tensor: bool = False) -> Doc:
        """Find and store the quotes of ``doc``.

        Args:
            doc: A parsed Doc.
            drop_tensor: Empty ``doc.tensor`` afterwards. :func:`quotebank.extract_many` asks for it (through
                ``component_cfg``) because it never reads the tensor, which is most of a parsed Doc's memory; with
                ``nlp.pipe(n_process=...)``, sending a Doc back from a worker process also costs several times
                more with it than without.
        """
        quotes, notices = analyze(doc, language=self.language, attribute=self.attribute, indirect=self.indirect)
        doc_id = doc.user_data.get("quotebank_doc_id") if doc.user_data else None
        for notice in notices:
            notice.log(doc_id if isinstance(doc_id, str) else None)
        write_quotes(doc, quotes, notices)
        if drop_tensor:
            doc.tensor = numpy.zeros((0,), dtype="float32")
        return doc

    def pipe(self, docs: Iterable[Doc], batch_size: int = 128, *, drop_tensor: bool = False) -> Iterator[Doc]:
        for doc in docs:
            yield self(doc, drop_tensor=drop_tensor)


def write_quotes(doc: Doc, quotes: list[Quote], notices: list[Notice]) -> None:
    """Store ``quotes`` and ``notices`` on ``doc`` in serialisable form."""
    doc._.set(DATA_KEY, [q.to_dict() for q in quotes])
    doc._.set(_NOTICES, [n.to_dict() for n in notices])
    groups: dict[str, list[Span]] = {SPANS_KEY: [], SCARE_SPANS_KEY: [], INDIRECT_SPANS_KEY: []}
    for q in quotes:
        span = doc.char_span(q.start, q.end, label=q.kind.value, alignment_mode="expand")
        if span is None:
            continue
        key = {QuoteKind.SCARE: SCARE_SPANS_KEY, QuoteKind.INDIRECT: INDIRECT_SPANS_KEY}.get(q.kind, SPANS_KEY)
        groups[key].append(span)
    for key, spans in groups.items():
        doc.spans[key] = spans


@Language.factory(
    "quotebank",
    default_config={"language": "en", "attribute": True, "indirect": True, "split_glued": True},
)
def make_quotebank(
    nlp: Language, name: str, language: str, attribute: bool, indirect: bool, split_glued: bool
) -> QuotebankComponent:
    """Factory for ``nlp.add_pipe("quotebank")``.

    ``split_glued`` adds tokenizer rules for text that lost its spaces
    (``said.“We``; see :mod:`quotebank.tokenizer`); the rules apply to texts
    tokenized after the component is added.
    """
    return QuotebankComponent(
        nlp, name, language=language, attribute=attribute, indirect=indirect, split_glued=split_glued
    )
