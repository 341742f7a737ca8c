"""Streaming extraction over many documents: records in, results out, one result per record, in input order.

* a **record** is what :mod:`quotebank.corpus.records` reads: a ``str``, a
  mapping, a :class:`~quotebank.corpus.records.Record` or a
  :class:`~quotebank.corpus.records.BadRecord`;
* a **result** is an :class:`Extraction`: the record's id, its quotes
  (:class:`~quotebank.model.Quote` objects with ``doc_id`` set, exactly what
  :func:`quotebank.extract` returns for the same text), the notices met on the
  way, the record's date and url, and ``error`` (a ``BadRecord``) when
  the record could not be read or processed. Nothing is dropped without a trace.

:func:`extract_many` keeps memory flat however long the input: it holds only
the documents in flight (a few batches per process), and it runs the pipeline
inside a spaCy ``memory_zone`` that is renewed every ``zone_size`` records (and
for every chunk of records a worker process takes), so the vocabulary does not
grow with the corpus. With ``n_process`` > 1 the records go through the worker
pool of :mod:`quotebank.corpus.pool`.

Example:
    >>> import spacy
    >>> nlp = spacy.blank("en")
    >>> _ = nlp.add_pipe("quotebank", config={"attribute": False})
    >>> records = [{"id": "a", "text": "“We are ready,” she said."}, {"id": "b", "txt": "oops"}]
    >>> for result in extract_many(records, nlp=nlp):
    ...     print(result.doc_id, [q.text for q in result.quotes], result.error)
    a ['We are ready,'] None
    b [] record 'b': no 'text' field
"""

from __future__ import annotations

import itertools
import multiprocessing
import os
import sys
from collections import deque
from collections.abc import Iterable, Iterator, Mapping
from contextlib import AbstractContextManager, nullcontext
from typing import Any, Literal, cast

import attrs
from spacy.language import Language
from spacy.tokens import Doc

from ..api import check_pipeline, chunk_text, load, piece_limit
from ..component import doc_quotes
from ..errors import Code, Notice
from ..model import Quote
from ..pipeline import renumber
from .records import DEFAULT_FIELDS, BadRecord, Fields, Record, to_record
from .rows import quote_row

__all__ = [
    "CHUNK_CHARS",
    "DEFAULT_BATCH_SIZE",
    "ZONE_SIZE",
    "Extraction",
    "Options",
    "StartMethod",
    "extract_many",
    "failed",
    "stream",
]

DEFAULT_BATCH_SIZE = 32
"""Documents per ``nlp.pipe`` batch: news articles are long, and every Doc in a batch is held at once."""
ZONE_SIZE = 5000
"""Records per spaCy ``memory_zone``; strings and lexemes added inside a zone are freed when it ends."""
CHUNK_CHARS = 10_000
"""Characters (about two news articles) after which a chunk of records for a worker process is closed.

Small chunks keep the workers equally busy to the end (the last chunk to finish holds up the others by at most
its own time); a chunk costs little besides (sending its texts, one memory zone, one ``nlp.pipe`` call)."""


@attrs.frozen(kw_only=True)
class Extraction:
    """The result for one record: what :func:`extract_many` yields.

    ``quotes`` are exactly what :func:`quotebank.extract` returns for the same
    text (``doc_id`` set to the record's id); ``error`` is set, and ``quotes``
    empty, when the record could not be read or processed.
    """

    doc_id: str
    quotes: tuple[Quote, ...] = ()
    notices: tuple[Notice, ...] = ()
    error: BadRecord | None = None
    date: str | None = None
    url: str | None = None
    file: str | None = None
    line: int | None = None

    @property
    def ok(self) -> bool:
        return self.error is None

    def rows(self) -> list[dict[str, Any]]:
        """One flat dict per quote (:data:`~quotebank.corpus.rows.ROW_COLUMNS`), for CSV files and data frames."""
        return [quote_row(q, self) for q in self.quotes]


@attrs.define
class _Slot:
    """One text sent through ``nlp.pipe``: a whole record, one piece of a long one, or a placeholder."""

    item: Record | BadRecord
    start: int = 0
    end: int = 0
    last: bool = True


class _Assembler:
    """Builds one :class:`Extraction` per record from the Docs of its pieces, in order."""

    def __init__(self, include_scare: bool, indirect: bool = True) -> None:
        self.include_scare = include_scare
        self.indirect = indirect
        self.quotes: list[Quote] = []
        self.notices: list[Notice] = []
        self.failure: str | None = None

    def add(self, slot: _Slot, doc: Doc | None, failure: BaseException | None = None) -> Extraction | None:
        item = slot.item
        if isinstance(item, BadRecord):
            return failed(item)
        if failure is not None:
            self.failure = self.failure or f"extraction failed: {type(failure).__name__}: {failure}"
        elif doc is not None and self.failure is None:
            whole = slot.start == 0 and slot.last
            found = doc_quotes(doc, include_scare=self.include_scare, indirect=self.indirect)
            notices = doc._.quote_notices
            if whole:
                self.quotes = renumber(found)
                self.notices = notices
            else:
                self.quotes.extend(renumber(found, shift=slot.start, prefix=f"t{slot.start}-"))
                self.notices.extend(attrs.evolve(n, offset=n.offset + slot.start) for n in notices)
        if not slot.last:
            return None
        quotes, notices, failure_message = self.quotes, self.notices, self.failure
        self.quotes, self.notices, self.failure = [], [], None
        if failure_message is not None:
            return failed(
                BadRecord(message=failure_message, file=item.file, line=item.line, record_id=item.id), notices
            )
        if not (slot.start == 0 and slot.last):
            quotes = renumber(quotes)
        return Extraction(
            doc_id=item.id,
            quotes=tuple(attrs.evolve(q, doc_id=item.id) for q in quotes),
            notices=tuple(notices),
            date=item.date,
            url=item.url,
            file=item.file,
            line=item.line,
        )


def failed(error: BadRecord, notices: Iterable[Notice] = ()) -> Extraction:
    """The result for a record that could not be read or processed: its id, the error, no quotes."""
    doc_id = error.record_id if error.record_id is not None else error.where
    return Extraction(doc_id=doc_id, error=error, notices=tuple(notices), file=error.file, line=error.line)


class _SourceError(Exception):
    """Wraps an exception raised by the caller's own iterable, so that it is not taken for a pipeline failure."""


def _slots(items: Iterator[Record | BadRecord], limit: int) -> Iterator[_Slot]:
    while True:
        try:
            item = next(items)
        except StopIteration:
            return
        except Exception as exc:
            raise _SourceError() from exc
        if isinstance(item, BadRecord) or not item.text.strip():
            yield _Slot(item)
        elif len(item.text) <= limit:
            yield _Slot(item, 0, len(item.text))
        else:
            pieces = chunk_text(item.text, limit)
            message = f"{len(item.text)} characters processed in {len(pieces)} pieces"
            Notice(code=Code.DOC_SPLIT, offset=0, message=message).log(item.id)
            for i, (start, end) in enumerate(pieces):
                yield _Slot(item, start, end, i == len(pieces) - 1)


def _text_of(slot: _Slot) -> str:
    item = slot.item
    if isinstance(item, BadRecord) or slot.end == slot.start:
        return ""
    if slot.start == 0 and slot.end == len(item.text):
        return item.text
    return item.text[slot.start : slot.end]


def _length(doc: Doc) -> int:
    """``len(doc.text)`` without building the text (``Doc.text`` joins every token on each access)."""
    if not len(doc):
        return 0
    last = doc[-1]
    return int(last.idx) + len(last.text_with_ws)


def _run(
    nlp: Language,
    slots: Iterator[_Slot],
    *,
    batch_size: int,
    include_scare: bool,
    indirect: bool = True,
) -> Iterator[Extraction]:
    """Pipe the slots' texts through ``nlp`` and assemble the results, in order.

    A FIFO of slots pairs each Doc with its record, since
    ``nlp.pipe`` yields exactly one Doc per text, in order. When the pipeline
    raises on a document, the documents in flight are redone one by one in
    this process, the one that fails is reported as an error, and the stream
    goes on with a fresh ``nlp.pipe``.
    """
    assembler = _Assembler(include_scare, indirect)
    pending: deque[_Slot] = deque()

    def texts() -> Iterator[str]:
        for slot in slots:
            pending.append(slot)
            yield _text_of(slot)

    while True:
        docs = nlp.pipe(texts(), batch_size=batch_size, component_cfg={"quotebank": {"drop_tensor": True}})
        try:
            for doc in docs:
                slot = pending[0]
                if _length(doc) != slot.end - slot.start:  # pragma: no cover - a skipping error handler
                    raise RuntimeError("nlp.pipe skipped a document; quotebank needs an error handler that raises")
                result = assembler.add(slot, doc)
                pending.popleft()
                if result is not None:
                    yield result
            return
        except _SourceError:
            raise  # unwrapped by stream
        except Exception:
            if not pending:  # pragma: no cover - nothing in flight: the error is not about a document
                raise
        finally:
            close = getattr(docs, "close", None)
            if close is not None:
                close()
        # The pipe broke: redo the documents that were in flight one at a time, then go on with a fresh pipe.
        while pending:
            slot = pending.popleft()
            try:
                redone = None if isinstance(slot.item, BadRecord) else nlp(_text_of(slot))
                result = assembler.add(slot, redone)
            except Exception as exc:
                result = assembler.add(slot, None, failure=exc)
            if result is not None:
                yield result


StartMethod = Literal["fork", "spawn", "forkserver"]


def extract_many(
    records: Iterable[str | Mapping[str, Any] | Record | BadRecord],
    *,
    nlp: Language | None = None,
    n_process: int = 1,
    batch_size: int = DEFAULT_BATCH_SIZE,
    include_scare: bool = False,
    indirect: bool = True,
    fields: Fields = DEFAULT_FIELDS,
    zone_size: int = ZONE_SIZE,
    start_method: StartMethod | None = None,
) -> Iterator[Extraction]:
    """Extract the quotes of many documents as a stream: one :class:`Extraction` per record, in input order.

    Memory stays flat however long ``records`` is (a generator is read lazily);
    the results are the same as :func:`quotebank.extract` on each text, and the
    same whatever ``n_process``.

    Args:
        records: Texts, mappings (``{"id", "text", "date", "url"}``, see
            ``fields``), :class:`Record` or :class:`BadRecord` objects, in any mix.
        nlp: A pipeline with the ``quotebank`` component; by default :func:`quotebank.load` ().
        n_process: Worker processes (``-1``: one per CPU); see the module docstring.
        batch_size: Documents per ``nlp.pipe`` batch (at most; with worker
            processes, also the most records in one chunk).
        include_scare: Also return scare quotes, titles and names (``kind=SCARE``).
        indirect: Return reported speech without quotation marks (``kind=INDIRECT``).
        fields: The field names of mapping records.
        zone_size: Records per spaCy ``memory_zone`` (``0``: no memory zones,
            e.g. when the caller has opened one already).
        start_method: How worker processes start (:mod:`multiprocessing`): by
            default ``"fork"`` where there is one (Linux), else the platform's
            default. ``"spawn"`` and ``"forkserver"`` pickle ``nlp`` to each
            worker: its components must be importable there, and the calling
            script needs the ``if __name__ == "__main__":`` guard that
            :mod:`multiprocessing` asks for.

    Yields:
        :class:`Extraction` results. A record that is malformed (no text, not a
        string) or that makes the pipeline fail gives a result with ``error`` set;
        the stream goes on. A worker process that dies (killed, out of memory)
        costs only the records of the chunk it held (at most ``batch_size``):
        they come back as failed results naming the cause, and the stream goes
        on with a new worker. Closing the generator early (``break`` in a loop,
        ``close()``), an error or Ctrl-C stops the worker processes at once.

    Raises:
        TypeError: when ``records`` is a single ``str``, or ``nlp`` not a spaCy pipeline.
        ValueError: for a bad argument, or a pipeline without the ``quotebank`` component.
        Exception: whatever the iteration of ``records`` itself raises, as it is
            (after the results of the records before it).
    """
    if isinstance(records, str | bytes):
        raise TypeError("extract_many() takes an iterable of records; for one text, use quotebank.extract()")
    if n_process == 0 or n_process < -1:
        raise ValueError(f"n_process must be >= 1 or -1 (one per CPU), not {n_process}")
    if batch_size < 1:
        raise ValueError(f"batch_size must be >= 1, not {batch_size}")
    if start_method is not None and start_method not in multiprocessing.get_all_start_methods():
        raise ValueError(f"start_method {start_method!r} is not available here")
    nlp = check_pipeline(nlp if nlp is not None else load(), "extract_many")
    items = (to_record(r, default_id=str(i), fields=fields) for i, r in enumerate(records))
    options = Options(batch_size=batch_size, include_scare=include_scare, indirect=indirect, zone=zone_size)
    workers = _cpu_count() if n_process == -1 else n_process
    if workers > 1:
        from .pool import pooled  # the pool runs this module's engine in its workers: imported here, not above

        return pooled(nlp, items, options, workers=workers, start_method=start_method or _default_start_method())
    return stream(nlp, items, options)


@attrs.frozen
class Options:
    """How :func:`stream` runs: what :func:`extract_many` was asked, as the worker processes get it."""

    batch_size: int
    include_scare: bool
    indirect: bool
    zone: int


def _cpu_count() -> int:
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0))  # the CPUs this process may use, not all the machine's
    return os.cpu_count() or 1  # pragma: no cover - not Linux


def _default_start_method() -> StartMethod:
    # Forking shares the loaded pipeline with the workers at no cost; where fork is unsafe or absent (macOS,
    # Windows), the platform's default applies.
    if sys.platform.startswith("linux"):
        return "fork"
    return cast(StartMethod, multiprocessing.get_start_method())  # pragma: no cover - not Linux


def stream(nlp: Language, items: Iterator[Record | BadRecord], options: Options) -> Iterator[Extraction]:
    slots = _slots(items, piece_limit(nlp))
    zone = options.zone
    use_zones = zone > 0 and hasattr(nlp, "memory_zone") and not getattr(nlp.vocab, "in_memory_zone", False)
    try:
        while True:
            first = next(slots, None)
            if first is None:
                return
            # A zone ends on a record's last piece, so that a long record is never split across zones.
            window = _window(first, slots, zone) if use_zones else itertools.chain([first], slots)
            context: AbstractContextManager[Any] = nlp.memory_zone() if use_zones else nullcontext()
            with context:
                yield from _run(
                    nlp,
                    window,
                    batch_size=options.batch_size,
                    include_scare=options.include_scare,
                    indirect=options.indirect,
                )
    except _SourceError as exc:
        cause = exc.__cause__
        assert cause is not None
        raise cause from None


def _window(first: _Slot, slots: Iterator[_Slot], size: int) -> Iterator[_Slot]:
    slot, records = first, 0
    while True:
        yield slot
        if slot.last:
            records += 1
            if records >= size:
                return
        following = next(slots, None)
        if following is None:
            return
        slot = following
