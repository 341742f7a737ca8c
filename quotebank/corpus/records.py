"""Records: what :func:`~quotebank.corpus.extract_many` reads, and the reading of them from files.

* a **record** is a ``str`` (its id is its 0-based position in the input), a
  mapping such as ``{"id": ..., "text": ..., "date": ..., "url": ...}`` (the
  field names are set by :class:`Fields`), a :class:`Record`, or a
  :class:`BadRecord` (one that could not be read, passed through so that its
  failure keeps its place in the output).

:func:`to_record` checks one in-memory record; :func:`read_records` reads
plain text and JSONL files lazily, one line at a time, and turns every problem
into a :class:`BadRecord` naming the file and line.
"""

from __future__ import annotations

import codecs
import gzip
import itertools
import json
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import IO, Any, Literal

import attrs

__all__ = [
    "DEFAULT_FIELDS",
    "STDIN_NAME",
    "BadRecord",
    "Fields",
    "InputFormat",
    "Record",
    "format_of",
    "open_input",
    "read_records",
    "to_record",
]

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


# --------------------------------------------------------------------------- one record


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


# --------------------------------------------------------------------------- files


def open_input(path: str) -> IO[bytes]:
    """``path`` opened for reading bytes, decompressed when its name ends in ``.gz``."""
    if path.endswith(".gz"):
        return gzip.open(path, "rb")  # type: ignore[return-value]
    return open(path, "rb")


def format_of(path: str, input_format: InputFormat) -> InputFormat:
    """The format of ``path`` by its name (``"auto"`` when the name does not tell: the first line will)."""
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
        fmt = format_of(name, input_format)
        try:
            stream = stdin if name == "-" and stdin is not None else open_input(name)
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
        return BadRecord(message=f"invalid JSON: {exc.msg} at column {exc.colno}", file=name, line=lineno, raw=shown)
    except RecursionError:
        return BadRecord(message="invalid JSON: nested too deeply", file=name, line=lineno, raw=shown)
    if not isinstance(data, dict):
        return BadRecord(
            message=f"expected a JSON object, got {type(data).__name__}", file=name, line=lineno, raw=shown
        )
    return to_record(data, default_id=default_id, fields=fields, file=name, line=lineno, raw=shown)
