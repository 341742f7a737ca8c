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
import datetime as dt
import gzip
import itertools
import json
import os
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import IO, Any, Literal

import attrs

from ..api import check_text
from ..errors import InvalidTextError, RecordError

__all__ = [
    "DEFAULT_FIELDS",
    "STDIN_NAME",
    "BadRecord",
    "Fields",
    "InputFormat",
    "Record",
    "format_of",
    "open_input",
    "path_id",
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
        Fields(id='uuid', text='body', date='date', url='url', source='source')
    """

    id: str = "id"
    text: str = "text"
    date: str = "date"
    url: str = "url"
    source: str = "source"


DEFAULT_FIELDS = Fields()


def _as_date(value: object) -> Any:
    """Dates and datetimes as ISO strings, a blank string as no date; anything else is judged by the validator."""
    if isinstance(value, dt.datetime):
        return value.isoformat(sep=" ", timespec="seconds")
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, str):
        return value.strip() or None
    return value


def _check_id(_record: Record, attribute: attrs.Attribute[str], value: object) -> None:
    if not isinstance(value, str) or not value:
        raise RecordError(f"must be a non-empty str, not {value!r}", field=attribute.name)


def _check_text(record: Record, attribute: attrs.Attribute[str], value: object) -> None:
    if not isinstance(value, str):
        kind = "null" if value is None else type(value).__name__
        raise RecordError(f"is {kind}, not a string", field=attribute.name, record_id=record.id)
    try:
        check_text(value)
    except InvalidTextError as exc:
        raise RecordError(
            f"is not valid Unicode: {exc.reason} at offset {exc.offset}", field=attribute.name, record_id=record.id
        ) from None


def _check_date(record: Record, attribute: attrs.Attribute[str | None], value: object) -> None:
    if value is None:
        return
    if isinstance(value, str):
        try:
            dt.date.fromisoformat(value[:10])
            if len(value) > 10:
                dt.datetime.fromisoformat(value)
        except ValueError:
            pass
        else:
            return
    raise RecordError(
        f"must be an ISO 8601 date (YYYY-MM-DD, or a date-time), not {value!r}",
        field=attribute.name,
        record_id=record.id,
    )


def _check_optional_str(record: Record, attribute: attrs.Attribute[str | None], value: object) -> None:
    if value is not None and not isinstance(value, str):
        raise RecordError(
            f"must be a str or null, not {type(value).__name__}", field=attribute.name, record_id=record.id
        )


@attrs.frozen(kw_only=True)
class Record:
    """One document to process or store; ``file`` and ``line`` say where it was read, when it was read from a file.

    The one record model of quotebank, and its one validation: a bad field raises
    :class:`~quotebank.errors.RecordError`, which names the field and the record
    (:func:`to_record` turns it into a :class:`BadRecord`, so that one bad record
    does not stop a stream). ``date`` is an ISO 8601 date or date-time (``date``
    and ``datetime`` objects are written so; a blank string is no date); ``url``
    and ``source`` are strings or ``None``; the text must be valid Unicode
    (:func:`quotebank.api.check_text`).

    Example:
        >>> import datetime
        >>> Record(id="a1", text="Hello.", date=datetime.date(2020, 1, 8)).date
        '2020-01-08'
        >>> Record(id="a1", text="Hello.", date="Monday")  # doctest: +ELLIPSIS
        Traceback (most recent call last):
        ...
        quotebank.errors.RecordError: record 'a1': 'date' must be an ISO 8601 date (...), not 'Monday'
    """

    id: str = attrs.field(validator=_check_id)
    text: str = attrs.field(validator=_check_text, repr=lambda t: repr(t[:40] + "..." if len(t) > 40 else t))
    date: str | None = attrs.field(default=None, converter=_as_date, validator=_check_date)
    url: str | None = attrs.field(default=None, validator=_check_optional_str)
    source: str | None = attrs.field(default=None, validator=_check_optional_str)
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


def _record_id(raw_id: object, default_id: str) -> str | None:
    """The id a mapping gives (a JSON number is written as a string), ``default_id`` when it gives none."""
    if raw_id is None or raw_id == "":
        return default_id
    if isinstance(raw_id, str):
        return raw_id
    if isinstance(raw_id, int) and not isinstance(raw_id, bool):
        return str(raw_id)
    return None


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
    with the fields named by ``fields`` (an id may be a string or an integer; a
    mapping without one gets ``default_id``), a :class:`Record` or a
    :class:`BadRecord`. The checks are :class:`Record`'s: a bad field gives a
    :class:`BadRecord` naming the field (as ``fields`` names it) and the record.

    Example:
        >>> to_record({"id": 7, "text": "Hello."}, default_id="0")
        Record(id='7', text='Hello.', date=None, url=None, source=None, file=None, line=None)
        >>> print(to_record({"id": 7, "text": None}, default_id="0"))
        record '7': 'text' is null, not a string
        >>> print(to_record({"id": "b", "text": "Hi.", "pub": "yesterday"}, default_id="0", fields=Fields(date="pub")))
        record 'b': 'pub' must be an ISO 8601 date (YYYY-MM-DD, or a date-time), not 'yesterday'
    """
    if isinstance(data, Record | BadRecord):
        return data

    def bad(message: str, record_id: str | None) -> BadRecord:
        return BadRecord(message=message, file=file, line=line, record_id=record_id, raw=raw)

    if isinstance(data, str):
        record_id = default_id
        values: dict[str, Any] = {"text": data}
    elif isinstance(data, Mapping):
        raw_id = data.get(fields.id)
        given_id = _record_id(raw_id, default_id)
        if given_id is None:
            return bad(f"{fields.id!r} must be a string or an integer, not {type(raw_id).__name__}", default_id)
        record_id = given_id
        if fields.text not in data:
            return bad(f"no {fields.text!r} field", record_id)
        values = {
            "text": data[fields.text],
            "date": data.get(fields.date),
            "url": data.get(fields.url),
            "source": data.get(fields.source),
        }
    else:
        return BadRecord(
            message=f"a record must be a str or a mapping, not {type(data).__name__}",
            file=file,
            line=line,
            record_id=default_id,
        )
    try:
        return Record(id=record_id, file=file, line=line, **values)
    except RecordError as exc:
        name = attrs.asdict(fields).get(exc.field, exc.field)
        return bad(f"{name!r} {exc.reason}", record_id)


def path_id(path: str) -> str:
    """The document id of a file: its path as given, normalised, so that one file named two ways is one document.

    Example:
        >>> path_id("./seeds//x.txt"), path_id("seeds/../seeds/x.txt")
        ('seeds/x.txt', 'seeds/x.txt')
    """
    return os.path.normpath(path)


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

    A plain text file is one record (its id is the path as given, normalised by
    :func:`path_id`: ``./seeds/x.txt`` is ``seeds/x.txt``; newlines are
    normalised to ``\\n`` as by :func:`open`, so offsets are into
    ``open(path, encoding="utf-8").read()``). A JSONL file (``.jsonl``,
    ``.ndjson``, optionally gzipped) holds one JSON object per line; a record
    without an id gets ``FILE:LINE`` (``FILE`` normalised likewise). ``-`` reads standard input. With
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
        message = f"{_bad_byte(data, exc)} at column {column}"
        return BadRecord(message=message, file=name, line=line, record_id=path_id(name))
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return to_record(text, default_id=path_id(name), file=name)


def _jsonl_record(raw: bytes, name: str, lineno: int, fields: Fields) -> Record | BadRecord:
    default_id = f"{path_id(name)}:{lineno}"
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
