"""Streaming extraction over many documents, and the record reading shared with the command line.

Records in, results out, one result per record, in input order:

* a **record** is a ``str`` (its id is its 0-based position in the input), a
  mapping such as ``{"id": ..., "text": ..., "date": ..., "url": ...}`` (the
  field names are set by :class:`Fields`), a :class:`Record`, or a
  :class:`BadRecord` (one that could not be read, passed through so that its
  failure keeps its place in the output);
* a **result** is an :class:`Extraction`: the record's id, its quotes
  (:class:`~quotebank.model.Quote` objects with ``doc_id`` set, exactly what
  :func:`quotebank.extract` returns for the same text), the notices met on the
  way, the record's date and url, and ``error`` (a :class:`BadRecord`) when
  the record could not be read or processed. Nothing is dropped without a trace.

:func:`extract_many` keeps memory flat however long the input: it holds only
the documents in flight (a few batches per process), and it runs the pipeline
inside a spaCy ``memory_zone`` that is renewed every ``zone_size`` records (and
for every chunk of records a worker process takes), so the vocabulary does not
grow with the corpus.

With ``n_process`` > 1, quotebank runs its own worker processes: each takes
chunks of records (up to ``batch_size`` records and about
:data:`CHUNK_CHARS` characters, so that the workers finish together even on a
small corpus), runs the whole extraction on them and sends back only the
:class:`Extraction` results, which are small; the main process reads the
records and puts the results back in input order. On Linux the workers are
forked and share the loaded pipeline; elsewhere (or with
``start_method="spawn"``) the pipeline is pickled to them.

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

import codecs
import gzip
import itertools
import json
import multiprocessing
import os
import signal
import sys
from collections import deque
from collections.abc import Iterable, Iterator, Mapping
from concurrent.futures import Future, ProcessPoolExecutor
from contextlib import AbstractContextManager, ExitStack, nullcontext
from pathlib import Path
from typing import IO, Any, Literal, cast

import attrs
from spacy.language import Language
from spacy.tokens import Doc

from .api import _chunks, load
from .component import doc_quotes
from .errors import Code, Notice
from .model import Quote
from .pipeline import renumber

__all__ = [
    "CHUNK_CHARS",
    "DEFAULT_BATCH_SIZE",
    "DEFAULT_FIELDS",
    "ROW_COLUMNS",
    "ZONE_SIZE",
    "BadRecord",
    "Extraction",
    "Fields",
    "InputFormat",
    "Record",
    "extract_many",
    "quote_row",
    "read_records",
    "to_record",
]

DEFAULT_BATCH_SIZE = 32
"""Documents per ``nlp.pipe`` batch: news articles are long, and every Doc in a batch is held at once."""
ZONE_SIZE = 5000
"""Records per spaCy ``memory_zone``; strings and lexemes added inside a zone are freed when it ends."""
CHUNK_CHARS = 10_000
"""Characters (about two news articles) after which a chunk of records for a worker process is closed.

Small chunks keep the workers equally busy to the end (the last chunk to finish holds up the others by at most
its own time); a chunk costs little besides (sending its texts, one memory zone, one ``nlp.pipe`` call)."""

InputFormat = Literal["auto", "text", "jsonl"]
_JSONL_SUFFIXES = {".jsonl", ".ndjson"}
_TEXT_SUFFIXES = {".txt", ".text", ".md"}
STDIN_NAME = "<stdin>"


@attrs.frozen(kw_only=True)
class Fields:
    """The names of a JSON record's fields.

    Example:
        >>> Fields(text="body", id="uuid")
        Fields(id='uuid', text='body', date='date', url='url')
    """

    id: str = "id"
    text: str = "text"
    date: str = "date"
    url: str = "url"


DEFAULT_FIELDS = Fields()


@attrs.frozen(kw_only=True)
class Record:
    """One document to process; ``file`` and ``line`` say where it was read, when it was read from a file."""

    id: str
    text: str = attrs.field(repr=lambda t: repr(t[:40] + "..." if len(t) > 40 else t))
    date: str | None = None
    url: str | None = None
    file: str | None = None
    line: int | None = None


@attrs.frozen(kw_only=True)
class BadRecord:
    """A record that could not be read or processed: where, which, why, and the raw input when there is one.

    Example:
        >>> print(BadRecord(message="invalid JSON: Expecting value at column 1", file="corpus.jsonl", line=7))
        corpus.jsonl:7: invalid JSON: Expecting value at column 1
    """

    message: str
    file: str | None = None
    line: int | None = None
    """1-based line number in ``file`` (of the first bad byte, for a plain text file)."""
    record_id: str | None = None
    raw: str | None = attrs.field(default=None, repr=False)
    """The offending input line (undecodable bytes as ``\\xNN`` escapes); ``None`` for plain text files."""

    @property
    def where(self) -> str:
        if self.file is not None:
            return f"{self.file}:{self.line}" if self.line is not None else self.file
        if self.record_id is not None:
            return f"record {self.record_id!r}"
        return "<input>"

    def __str__(self) -> str:
        return f"{self.where}: {self.message}"

    def to_dict(self) -> dict[str, Any]:
        return {"file": self.file, "line": self.line, "id": self.record_id, "error": self.message, "record": self.raw}


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
        """One flat dict per quote (:data:`ROW_COLUMNS`), for CSV files and data frames."""
        return [quote_row(q, self) for q in self.quotes]


ROW_COLUMNS = (
    "doc_id",
    "quote_id",
    "start",
    "end",
    "kind",
    "text",
    "speaker",
    "role",
    "speaker_kind",
    "channel",
    "cue",
    "parent",
    "group",
    "marks",
    "post_author",
    "post_handle",
    "post_date",
    "confidence",
    "date",
    "url",
)
"""The columns of :func:`quote_row`, in order."""


def quote_row(quote: Quote, extraction: Extraction | None = None) -> dict[str, Any]:
    """A flat, JSON- and CSV-ready view of ``quote`` (plus its document's date and url).

    Example:
        >>> row = quote_row(Quote(id="q0", text="Hi", start=1, end=3, doc_id="d1"))
        >>> row["doc_id"], row["quote_id"], row["kind"], row["speaker"]
        ('d1', 'q0', 'direct', None)
    """
    speaker, post = quote.speaker, quote.post
    return {
        "doc_id": quote.doc_id,
        "quote_id": quote.id,
        "start": quote.start,
        "end": quote.end,
        "kind": quote.kind.value,
        "text": quote.text,
        "speaker": speaker.name if speaker else None,
        "role": speaker.role if speaker else None,
        "speaker_kind": speaker.kind.value if speaker else None,
        "channel": quote.channel.value,
        "cue": quote.cue.text if quote.cue else None,
        "parent": quote.parent,
        "group": quote.group,
        "marks": quote.marks,
        "post_author": post.author if post else None,
        "post_handle": post.handle if post else None,
        "post_date": post.date if post else None,
        "confidence": quote.confidence,
        "date": extraction.date if extraction else None,
        "url": extraction.url if extraction else None,
    }


# --------------------------------------------------------------------------- records


def _optional_str(value: Any) -> str | None:
    return None if value is None else str(value)


def to_record(
    data: Any,
    *,
    default_id: str,
    fields: Fields = DEFAULT_FIELDS,
    file: str | None = None,
    line: int | None = None,
    raw: str | None = None,
) -> Record | BadRecord:
    """Check one in-memory record and make it a :class:`Record`, or say what is wrong with it.

    ``data`` may be a ``str`` (the text; its id is ``default_id``), a mapping
    with the fields named by ``fields``, a :class:`Record` or a :class:`BadRecord`.

    Example:
        >>> to_record({"id": 7, "text": "Hello."}, default_id="0")
        Record(id='7', text='Hello.', date=None, url=None, file=None, line=None)
        >>> print(to_record({"id": 7, "text": None}, default_id="0"))
        record '7': 'text' is null, not a string
    """
    if isinstance(data, Record | BadRecord):
        return data
    if isinstance(data, str):
        record_id, text, date, url = default_id, data, None, None
    elif isinstance(data, Mapping):
        raw_id = data.get(fields.id)
        record_id = default_id if raw_id is None or raw_id == "" else str(raw_id)
        if fields.text not in data:
            return BadRecord(message=f"no {fields.text!r} field", file=file, line=line, record_id=record_id, raw=raw)
        text = data[fields.text]
        if not isinstance(text, str):
            kind = "null" if text is None else type(text).__name__
            return BadRecord(
                message=f"{fields.text!r} is {kind}, not a string", file=file, line=line, record_id=record_id, raw=raw
            )
        date, url = _optional_str(data.get(fields.date)), _optional_str(data.get(fields.url))
    else:
        return BadRecord(
            message=f"a record must be a str or a mapping, not {type(data).__name__}",
            file=file,
            line=line,
            record_id=default_id,
        )
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as exc:
        return BadRecord(
            message=f"the text is not valid Unicode: {exc.reason} at offset {exc.start}",
            file=file,
            line=line,
            record_id=record_id,
            raw=raw,
        )
    return Record(id=record_id, text=text, date=date, url=url, file=file, line=line)


def _open(path: str) -> IO[bytes]:
    if path.endswith(".gz"):
        return gzip.open(path, "rb")  # type: ignore[return-value]
    return open(path, "rb")


def _format_of(path: str, input_format: InputFormat) -> InputFormat:
    if input_format != "auto" or path == "-":
        return input_format
    suffix = Path(path.removesuffix(".gz")).suffix.lower()
    if suffix in _JSONL_SUFFIXES:
        return "jsonl"
    if suffix in _TEXT_SUFFIXES:
        return "text"
    return "auto"


def _looks_like_jsonl(first_line: bytes) -> bool:
    return first_line.lstrip(codecs.BOM_UTF8 + b" \t").startswith(b"{")


def read_records(
    paths: Iterable[str | Path],
    *,
    fields: Fields = DEFAULT_FIELDS,
    input_format: InputFormat = "auto",
    stdin: IO[bytes] | None = None,
) -> Iterator[Record | BadRecord]:
    """Read records lazily from plain text and JSONL files, one line at a time.

    A plain text file is one record (its id is the path as given; newlines are
    normalised to ``\\n`` as by :func:`open`, so offsets are into
    ``open(path, encoding="utf-8").read()``). A JSONL file (``.jsonl``,
    ``.ndjson``, optionally gzipped) holds one JSON object per line; a record
    without an id gets ``FILE:LINE``. ``-`` reads standard input. With
    ``input_format="auto"``, other names are read as JSONL when their first
    non-blank line starts with ``{``.

    Problems never stop the reading: a file that cannot be opened, a line that
    is not UTF-8 or not JSON, a record without a text... each gives a
    :class:`BadRecord` naming the file and line, in its place in the stream.
    Blank lines of a JSONL file are skipped.
    """
    for path in paths:
        name = str(path)
        fmt = _format_of(name, input_format)
        try:
            stream = stdin if name == "-" and stdin is not None else _open(name)
        except OSError as exc:
            yield BadRecord(message=f"cannot open: {exc.strerror or exc}", file=name)
            continue
        label = STDIN_NAME if name == "-" else name
        try:
            yield from _read_stream(stream, label, fmt, fields)
        finally:
            if stream is not stdin:
                stream.close()


def _read_stream(stream: IO[bytes], name: str, fmt: InputFormat, fields: Fields) -> Iterator[Record | BadRecord]:
    head: list[bytes] = []
    if fmt == "auto":
        try:
            for line in stream:
                head.append(line)
                if line.strip():
                    break
        except (OSError, EOFError) as exc:
            yield BadRecord(message=f"cannot read: {exc}", file=name, line=len(head) + 1)
            return
        fmt = "jsonl" if head and _looks_like_jsonl(head[-1]) else "text"
    if fmt == "text":
        try:
            data = b"".join(head) + stream.read()
        except (OSError, EOFError) as exc:
            yield BadRecord(message=f"cannot read: {exc}", file=name)
            return
        yield _text_record(data, name)
        return
    lineno = 0
    try:
        for lineno, raw in enumerate(itertools.chain(head, stream), 1):
            if lineno == 1 and raw.startswith(codecs.BOM_UTF8):
                raw = raw[len(codecs.BOM_UTF8) :]
            if raw.strip():
                yield _jsonl_record(raw, name, lineno, fields)
    except (OSError, EOFError) as exc:
        yield BadRecord(message=f"cannot read past this line: {exc}", file=name, line=lineno + 1)


def _bad_byte(data: bytes, exc: UnicodeDecodeError) -> str:
    return f"not valid UTF-8: byte 0x{data[exc.start]:02x}"


def _text_record(data: bytes, name: str) -> Record | BadRecord:
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8) :]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        column = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
        return BadRecord(message=f"{_bad_byte(data, exc)} at column {column}", file=name, line=line, record_id=name)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return Record(id=name, text=text, file=name)


def _jsonl_record(raw: bytes, name: str, lineno: int, fields: Fields) -> Record | BadRecord:
    default_id = f"{name}:{lineno}"
    try:
        line = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        shown = raw.decode("utf-8", "backslashreplace").rstrip("\r\n")
        return BadRecord(message=f"{_bad_byte(raw, exc)} at column {exc.start + 1}", file=name, line=lineno, raw=shown)
    shown = line.rstrip("\r\n")
    try:
        data = json.loads(shown)
    except json.JSONDecodeError as exc:
        message = f"invalid JSON: {exc.msg.removesuffix(' at')} at column {exc.colno}"  # not "starting at at column"
        return BadRecord(message=message, file=name, line=lineno, raw=shown)
    except RecursionError:
        return BadRecord(message="invalid JSON: nested too deeply", file=name, line=lineno, raw=shown)
    if not isinstance(data, dict):
        return BadRecord(
            message=f"expected a JSON object, got {type(data).__name__}", file=name, line=lineno, raw=shown
        )
    return to_record(data, default_id=default_id, fields=fields, file=name, line=lineno, raw=shown)


# --------------------------------------------------------------------------- extraction


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
            return _failed(item)
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
            return _failed(
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


def _failed(error: BadRecord, notices: Iterable[Notice] = ()) -> Extraction:
    doc_id = error.record_id if error.record_id is not None else error.where
    return Extraction(doc_id=doc_id, error=error, notices=tuple(notices), file=error.file, line=error.line)


class _SourceError(Exception):
    """Wraps an exception raised by the caller's own iterable, so that it is not taken for a pipeline failure."""


def _slots(items: Iterator[Record | BadRecord], max_length: int) -> Iterator[_Slot]:
    while True:
        try:
            item = next(items)
        except StopIteration:
            return
        except Exception as exc:
            raise _SourceError() from exc
        if isinstance(item, BadRecord) or not item.text.strip():
            yield _Slot(item)
        elif len(item.text) <= max_length:
            yield _Slot(item, 0, len(item.text))
        else:
            pieces = _chunks(item.text, max_length)
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
            raise  # unwrapped by _stream
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
        the stream goes on. Closing the generator early (``break`` in a loop,
        ``close()``) stops the worker processes.

    Raises:
        TypeError: when ``records`` is a single ``str``.
        ValueError: for a bad argument, or a pipeline without the ``quotebank`` component.
        concurrent.futures.process.BrokenProcessPool: when a worker process dies
            (killed, out of memory) instead of raising.
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
    nlp = nlp if nlp is not None else load()
    if "quotebank" not in nlp.pipe_names:
        raise ValueError("the pipeline has no 'quotebank' component; use quotebank.load() or nlp.add_pipe('quotebank')")
    items = (to_record(r, default_id=str(i), fields=fields) for i, r in enumerate(records))
    options = _Options(batch_size=batch_size, include_scare=include_scare, indirect=indirect, zone=zone_size)
    workers = _cpu_count() if n_process == -1 else n_process
    if workers > 1:
        return _pooled(nlp, items, options, workers=workers, start_method=start_method or _default_start_method())
    return _stream(nlp, items, options)


@attrs.frozen
class _Options:
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


def _stream(nlp: Language, items: Iterator[Record | BadRecord], options: _Options) -> Iterator[Extraction]:
    slots = _slots(items, nlp.max_length)
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


# --------------------------------------------------------------------------- worker processes

_CHUNKS_PER_WORKER = 3
"""Chunks in flight per worker: one being processed, the next ones queued, so that no worker waits for work."""


class _Worker:
    """What a worker process keeps between chunks: the pipeline, the options, the memory zone it is filling."""

    def __init__(self, nlp: Language, options: _Options) -> None:
        self.nlp = nlp
        self.options = options
        self.zone = ExitStack()
        self.zone_records = 0

    def extract(self, chunk: list[Record | BadRecord]) -> list[Extraction]:
        # One memory zone spans chunks up to zone_size records, as in a single process: a zone per chunk would
        # throw away, every few documents, the lexemes and tokenizer cache entries that the next chunk needs again.
        nlp, zone = self.nlp, self.options.zone
        if zone > 0 and hasattr(nlp, "memory_zone") and (self.zone_records == 0 or self.zone_records >= zone):
            self.zone.close()
            self.zone.enter_context(nlp.memory_zone())
            self.zone_records = 0
        self.zone_records += len(chunk)
        # _stream opens no zone of its own inside this one.
        return list(_stream(nlp, iter(chunk), self.options))


_worker: _Worker | None = None
"""This worker process's state (set by :func:`_start_worker`)."""


def _start_worker(nlp: Language, options: _Options) -> None:
    global _worker
    _worker = _Worker(nlp, options)
    # Ctrl-C is for the main process, which stops the workers itself; a worker that took it would die mid-chunk.
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def _extract_chunk(chunk: list[Record | BadRecord]) -> list[Extraction]:
    assert _worker is not None, "not a quotebank worker process"
    return _worker.extract(chunk)


def _chunks_of(items: Iterator[Record | BadRecord], batch_size: int) -> Iterator[list[Record | BadRecord]]:
    chunk: list[Record | BadRecord] = []
    size = 0
    try:
        for item in items:
            chunk.append(item)
            size += len(item.text) if isinstance(item, Record) else 0
            if len(chunk) >= batch_size or size >= CHUNK_CHARS:
                yield chunk
                chunk, size = [], 0
    except Exception:
        if chunk:  # the records read before the caller's iterable failed still get their results
            yield chunk
        raise
    if chunk:
        yield chunk


def _pooled(
    nlp: Language,
    items: Iterator[Record | BadRecord],
    options: _Options,
    *,
    workers: int,
    start_method: StartMethod,
) -> Iterator[Extraction]:
    """:func:`_stream` spread over worker processes: chunks of records out, their results back, in order."""
    pool = ProcessPoolExecutor(
        max_workers=workers,
        mp_context=multiprocessing.get_context(start_method),
        initializer=_start_worker,
        initargs=(nlp, options),
    )
    chunks = _chunks_of(items, options.batch_size)
    in_flight: deque[Future[list[Extraction]]] = deque()
    source_error: Exception | None = None
    try:
        while True:
            while source_error is None and len(in_flight) < workers * _CHUNKS_PER_WORKER:
                try:
                    chunk = next(chunks, None)
                except Exception as exc:  # the caller's iterable failed: finish what was read, then raise
                    source_error = exc
                    break
                if chunk is None:
                    break
                in_flight.append(pool.submit(_extract_chunk, chunk))
            if not in_flight:
                break
            yield from in_flight.popleft().result()
        if source_error is not None:
            raise source_error
    finally:
        # Also on an early close of this generator: queued chunks are dropped, running ones end, workers exit.
        pool.shutdown(wait=True, cancel_futures=True)
