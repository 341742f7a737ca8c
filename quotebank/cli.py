"""The ``quotebank`` command line (also ``python -m quotebank``).

Commands:

* ``quotebank extract FILE... | -``: the quotes of plain text files or JSONL records, as a table (the default),
  ``--format jsonl``, ``csv`` or ``json``;
* ``quotebank bank add CORPUS.jsonl... --db bank.sqlite``: extract and store articles in a quote bank;
* ``quotebank bank query --db bank.sqlite --speaker Zarif --channel tweet``: find quotes in a bank.

Records that cannot be read (invalid JSON, no text field, bytes that are not UTF-8...) are reported on stderr with
their file and line, and written to an errors file (JSONL, one line per bad record, the offending input included);
the run carries on. Exit status: 0 when every record was processed, 1 when some failed (the rest were), 2 for a
usage error or when nothing could be done (no such bank, no model...).
"""

from __future__ import annotations

import argparse
import contextlib
import csv
import json
import logging
import os
import shutil
import sys
from collections import OrderedDict
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import IO, Any, Protocol

from .batch import (
    DEFAULT_BATCH_SIZE,
    ROW_COLUMNS,
    BadRecord,
    Extraction,
    Fields,
    InputFormat,
    Record,
    extract_many,
    quote_row,
    read_records,
)
from .corpus.rows import quote_json
from .errors import QuotebankError
from .model import Channel, Quote, QuoteKind

__all__ = ["EXIT_FAILED_RECORDS", "EXIT_OK", "EXIT_USAGE", "main"]

EXIT_OK = 0
EXIT_FAILED_RECORDS = 1
EXIT_USAGE = 2
DEFAULT_ERRORS_FILE = "quotebank-errors.jsonl"
MAX_ERRORS_SHOWN = 20
"""Bad records echoed on stderr; all of them go to the errors file."""


class _Fatal(Exception):
    """Nothing more can be done: print the message and exit with :data:`EXIT_USAGE`."""


# --------------------------------------------------------------------------- stderr, progress, errors


class _Console:
    """stderr, shared with the progress bar (tqdm) when there is one."""

    def __init__(self, *, progress: bool, total: int | None, desc: str) -> None:
        self.bar: Any = None
        if progress:
            try:
                from tqdm import tqdm
            except ImportError:  # pragma: no cover - tqdm is in the "progress" extra
                self.bar = None
            else:
                tqdm.monitor_interval = 0  # no monitor thread: extract_many(n_process=...) forks this process
                self.bar = tqdm(total=total, unit="doc", desc=desc, file=sys.stderr, dynamic_ncols=True)

    def say(self, message: str) -> None:
        if self.bar is not None:
            self.bar.write(message, file=sys.stderr)
        else:
            print(message, file=sys.stderr)

    def tick(self, n: int = 1) -> None:
        if self.bar is not None:
            self.bar.update(n)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.close()
            self.bar = None


class _ErrorLog:
    """Reports bad records on stderr (the first :data:`MAX_ERRORS_SHOWN`) and writes every one to a JSONL file.

    The file is created (or overwritten) at the first bad record only, and flushed after each line, so that a run
    that is killed still leaves its trace.
    """

    def __init__(self, path: str, console: _Console) -> None:
        self.path = path
        self.console = console
        self.count = 0
        self._file: IO[str] | None = None

    def report(self, error: BadRecord) -> None:
        self.count += 1
        if self.count <= MAX_ERRORS_SHOWN:
            self.console.say(f"quotebank: {error}")
        elif self.count == MAX_ERRORS_SHOWN + 1:
            self.console.say(f"quotebank: more bad records; see {self.path}")
        if self._file is None:
            self._file = open(self.path, "w", encoding="utf-8")  # noqa: SIM115 - closed in close()
        self._file.write(json.dumps(error.to_dict(), ensure_ascii=False) + "\n")
        self._file.flush()

    def close(self) -> None:
        if self._file is not None:
            self._file.close()
            self._file = None


# --------------------------------------------------------------------------- output formats


class _Writer(Protocol):
    def write(self, quotes: Sequence[Quote], extraction: Extraction | None) -> None: ...

    def close(self) -> None: ...


def _quote_json(quote: Quote, extraction: Extraction | None) -> dict[str, Any]:
    return quote_json(quote, extraction)


class _TableWriter:
    """A readable table: a line per document that has quotes, then a row per quote.

    Cells are cut to their column (``…``); on a terminal, the text column takes the width that is left.
    """

    HEADER = ("offsets", "kind", "speaker", "channel", "text")
    WIDTHS = (11, 13, 24, 16, 70)

    def __init__(self, out: IO[str]) -> None:
        self.out = out
        text_width = self.WIDTHS[-1]
        if out.isatty():
            text_width = max(30, shutil.get_terminal_size().columns - sum(self.WIDTHS[:-1]) - 2 * len(self.WIDTHS[:-1]))
        self.widths = (*self.WIDTHS[:-1], text_width)
        self._row(self.HEADER)

    def _row(self, values: Sequence[str]) -> None:
        cells = []
        for value, width in zip(values, self.widths, strict=True):
            cells.append(value if len(value) <= width else value[: width - 1] + "…")
        self.out.write("  ".join(c.ljust(w) for c, w in zip(cells, self.widths, strict=True)).rstrip() + "\n")

    def write(self, quotes: Sequence[Quote], extraction: Extraction | None) -> None:
        if not quotes:
            return
        if extraction is not None:
            self.out.write(f"== {extraction.doc_id}: {len(quotes)} quote{'s' if len(quotes) != 1 else ''}\n")
        for q in quotes:
            who = q.speaker.name if q.speaker else "-"
            if q.speaker and q.speaker.role:
                who += f" ({q.speaker.role})"
            text = " ".join(q.text.split())
            self._row((f"{q.start}:{q.end}", q.kind.value, who, q.channel.value, text))

    def close(self) -> None:
        pass


class _JsonlWriter:
    """One JSON object per quote: :meth:`Quote.to_dict` (so ``Quote.from_json`` reads it) plus ``date`` and ``url``."""

    def __init__(self, out: IO[str]) -> None:
        self.out = out

    def write(self, quotes: Sequence[Quote], extraction: Extraction | None) -> None:
        for q in quotes:
            self.out.write(json.dumps(_quote_json(q, extraction), ensure_ascii=False) + "\n")

    def close(self) -> None:
        pass


class _JsonWriter:
    """A JSON array of the objects of the JSONL format, written as it goes."""

    def __init__(self, out: IO[str]) -> None:
        self.out = out
        self.first = True
        out.write("[")

    def write(self, quotes: Sequence[Quote], extraction: Extraction | None) -> None:
        for q in quotes:
            self.out.write("\n" if self.first else ",\n")
            self.first = False
            self.out.write(json.dumps(_quote_json(q, extraction), ensure_ascii=False))

    def close(self) -> None:
        self.out.write("]\n" if self.first else "\n]\n")


class _CsvWriter:
    """A flat row per quote, the columns of :data:`quotebank.batch.ROW_COLUMNS`."""

    def __init__(self, out: IO[str]) -> None:
        self.writer = csv.DictWriter(out, fieldnames=ROW_COLUMNS, lineterminator="\n")
        self.writer.writeheader()

    def write(self, quotes: Sequence[Quote], extraction: Extraction | None) -> None:
        for q in quotes:
            self.writer.writerow(quote_row(q, extraction))

    def close(self) -> None:
        pass


_WRITERS: dict[str, Callable[[IO[str]], _Writer]] = {
    "table": _TableWriter,
    "jsonl": _JsonlWriter,
    "json": _JsonWriter,
    "csv": _CsvWriter,
}


@contextlib.contextmanager
def _output(path: str | None) -> Iterator[IO[str]]:
    if path is None or path == "-":
        yield sys.stdout
        sys.stdout.flush()
        return
    try:
        out = open(path, "w", encoding="utf-8", newline="")  # noqa: SIM115 - closed below
    except OSError as exc:
        raise _Fatal(f"cannot write {path}: {exc.strerror or exc}") from None
    with out:
        yield out


# --------------------------------------------------------------------------- arguments


def _input_options(parser: argparse.ArgumentParser) -> None:
    group = parser.add_argument_group("input")
    group.add_argument(
        "--input-format",
        choices=("auto", "text", "jsonl"),
        default="auto",
        help="how to read the files: 'auto' (the default) reads *.jsonl and *.ndjson, and files whose first line "
        "starts with '{', as JSONL, anything else as one plain text article per file",
    )
    group.add_argument("--id-field", default="id", metavar="NAME", help="the records' id field (default: id)")
    group.add_argument("--text-field", default="text", metavar="NAME", help="the records' text field (default: text)")
    group.add_argument("--date-field", default="date", metavar="NAME", help="the records' date field (default: date)")
    group.add_argument("--url-field", default="url", metavar="NAME", help="the records' url field (default: url)")
    group.add_argument(
        "--errors",
        default=DEFAULT_ERRORS_FILE,
        metavar="PATH",
        help=f"where bad records are written, one JSON line each (default: {DEFAULT_ERRORS_FILE}; "
        "created only when there is one)",
    )


def _run_options(parser: argparse.ArgumentParser) -> None:
    group = parser.add_argument_group("processing")
    group.add_argument(
        "--model", help="a spaCy pipeline (package or path); default: $QUOTEBANK_MODEL or en_core_web_sm"
    )
    group.add_argument("--n-process", type=int, default=1, metavar="N", help="worker processes (-1: one per CPU)")
    group.add_argument(
        "--batch-size", type=int, default=DEFAULT_BATCH_SIZE, metavar="N", help="documents per nlp.pipe batch"
    )
    group.add_argument("-q", "--quiet", action="store_true", help="no progress bar and no summary on stderr")
    group.add_argument(
        "-v", "--verbose", action="store_true", help="also print each document's notices (unclosed marks...)"
    )


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="quotebank",
        description="Find who said what in news text.",
        epilog="Exit status: 0 when every record was processed, 1 when some records failed (they are in the errors "
        "file; the others were processed), 2 for a usage error or when nothing could be done.",
    )
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    ex = sub.add_parser(
        "extract",
        help="print the quotes found in text files or JSONL records",
        description="Print the quotes found in plain text files (one article each) or JSONL files "
        '(one {"id", "text", "date", "url"} record per line). "-" reads standard input.',
    )
    ex.add_argument("files", nargs="+", metavar="FILE", help="text or JSONL files (optionally .gz); - for stdin")
    ex.add_argument("-f", "--format", choices=tuple(_WRITERS), default="table", help="output format (default: table)")
    ex.add_argument("-o", "--output", metavar="PATH", help="write the quotes here instead of stdout")
    ex.add_argument("--include-scare", action="store_true", help="also list scare quotes, titles and names")
    ex.add_argument(
        "--no-indirect",
        dest="indirect",
        action="store_false",
        help="leave out reported speech without quotation marks (kind=indirect)",
    )
    _input_options(ex)
    _run_options(ex)

    bank = sub.add_parser("bank", help="store quotes in a quote bank and query it", description="A quote bank.")
    bank_sub = bank.add_subparsers(dest="bank_command", required=True, metavar="BANK_COMMAND")
    add = bank_sub.add_parser(
        "add",
        help="extract the quotes of articles and store them",
        description="Extract the quotes of articles (text or JSONL files) and store them in a bank (created when "
        "missing). Articles already stored with the same id and text are skipped, so an interrupted run can be "
        "started again.",
    )
    add.add_argument("files", nargs="+", metavar="CORPUS", help="JSONL or text files (optionally .gz); - for stdin")
    add.add_argument("--db", required=True, metavar="PATH", help="the bank's SQLite file")
    _input_options(add)
    _run_options(add)

    query = bank_sub.add_parser(
        "query",
        help="find quotes in a bank",
        description="Print the quotes of a bank that meet every condition given.",
    )
    query.add_argument("--db", required=True, metavar="PATH", help="the bank's SQLite file")
    query.add_argument("--speaker", help="any name, alias, surname or @handle of the speaker")
    query.add_argument("--role", help="words of one of the speaker's roles")
    query.add_argument(
        "--channel", action="append", choices=[c.value for c in Channel], help="a channel (repeat for several)"
    )
    query.add_argument(
        "--kind", action="append", choices=[k.value for k in QuoteKind], help="a quote kind (repeat for several)"
    )
    query.add_argument("--since", metavar="DATE", help="first day (YYYY-MM-DD), inclusive")
    query.add_argument("--until", metavar="DATE", help="last day (YYYY-MM-DD), inclusive")
    query.add_argument("--doc-id", action="append", metavar="ID", help="an article id (repeat for several)")
    query.add_argument("--text", help="words of the quote, in order")
    query.add_argument("--limit", type=int, metavar="N", help="at most N quotes")
    query.add_argument(
        "-f", "--format", choices=tuple(_WRITERS), default="table", help="output format (default: table)"
    )
    query.add_argument("-o", "--output", metavar="PATH", help="write the quotes here instead of stdout")

    merge = bank_sub.add_parser(
        "merge",
        help="merge banks built elsewhere (shards) into one",
        description="Add every article of other banks (shards built in parallel) to a bank (created when missing), "
        "with the same result as adding them all to it. Articles already there are left alone.",
    )
    merge.add_argument("shards", nargs="+", metavar="SHARD", help="the shards' SQLite files")
    merge.add_argument("--db", required=True, metavar="PATH", help="the bank's SQLite file")
    merge.add_argument("--replace", action="store_true", help="replace stored articles a shard has another text for")
    merge.set_defaults(handler=_bank_merge)
    return parser


def _bank_merge(args: argparse.Namespace) -> int:
    from .bank import QuoteBank

    try:
        bank = QuoteBank.open(args.db)
    except (QuotebankError, OSError, ValueError) as exc:
        raise _Fatal(f"cannot open the bank {args.db}: {exc}") from None
    added = replaced = unchanged = skipped = 0
    with bank:
        for shard in args.shards:
            try:
                stats = bank.merge(shard, replace=args.replace)
            except (QuotebankError, OSError, ValueError) as exc:
                raise _Fatal(f"cannot merge {shard}: {exc}") from None
            added, replaced = added + stats.added, replaced + stats.replaced
            unchanged, skipped = unchanged + stats.unchanged, skipped + stats.skipped
    print(
        f"quotebank: {args.db}: {added} added, {replaced} replaced, {unchanged} unchanged, {skipped} skipped "
        "(another text for a stored id: see --replace)",
        file=sys.stderr,
    )
    return EXIT_OK


def _fields(args: argparse.Namespace) -> Fields:
    return Fields(id=args.id_field, text=args.text_field, date=args.date_field, url=args.url_field)


def _count_records(files: Sequence[str], input_format: InputFormat) -> int | None:
    """How many records the files hold (for the progress bar's total), or None when it cannot be known cheaply."""
    from .batch import _format_of, _open

    total = 0
    for name in files:
        fmt = _format_of(name, input_format)
        if name == "-" or fmt == "auto":
            return None
        if fmt == "text":
            total += 1
            continue
        try:
            with _open(name) as stream:
                total += sum(1 for line in stream if line.strip())
        except (OSError, EOFError):
            total += 1
    return total


def _progress_wanted(args: argparse.Namespace) -> bool:
    return not args.quiet and sys.stderr.isatty()


def _load(model: str | None) -> Any:
    from .api import load

    try:
        return load(model)
    except QuotebankError as exc:
        raise _Fatal(str(exc)) from None


# --------------------------------------------------------------------------- commands


def _extract(args: argparse.Namespace) -> int:
    nlp = _load(args.model)
    total = _count_records(args.files, args.input_format) if _progress_wanted(args) else None
    console = _Console(progress=_progress_wanted(args), total=total, desc="extract")
    errors = _ErrorLog(args.errors, console)
    records = read_records(args.files, fields=_fields(args), input_format=args.input_format, stdin=sys.stdin.buffer)
    docs = quotes = 0
    try:
        with _output(args.output) as out:
            writer = _WRITERS[args.format](out)
            results = extract_many(
                records,
                nlp=nlp,
                n_process=args.n_process,
                batch_size=args.batch_size,
                include_scare=args.include_scare,
                indirect=args.indirect,
            )
            for result in results:
                console.tick()
                if result.error is not None:
                    errors.report(result.error)
                    continue
                docs += 1
                quotes += len(result.quotes)
                if args.verbose:
                    for notice in result.notices:
                        console.say(
                            f"quotebank: {result.doc_id}: {notice.code.value} at {notice.offset}: {notice.message}"
                        )
                writer.write(result.quotes, result)
            writer.close()
    finally:
        console.close()
        errors.close()
    return _finish(args, errors, f"{docs} document{'s' if docs != 1 else ''}, {quotes} quotes")


def _finish(args: argparse.Namespace, errors: _ErrorLog, summary: str) -> int:
    if errors.count:
        print(f"quotebank: {summary}; {errors.count} record(s) failed, see {errors.path}", file=sys.stderr)
        return EXIT_FAILED_RECORDS
    if not args.quiet:
        print(f"quotebank: {summary}", file=sys.stderr)
    return EXIT_OK


class _Recent:
    """Where the last few thousand records came from, to name the file and line of a record the bank refused."""

    def __init__(self, size: int = 10_000) -> None:
        self.size = size
        self.where: OrderedDict[str, Record] = OrderedDict()

    def remember(self, key: str, record: Record) -> None:
        self.where[key] = record
        if len(self.where) > self.size:
            self.where.popitem(last=False)


def _bank_add(args: argparse.Namespace) -> int:
    from .bank import QuoteBank

    nlp = _load(args.model)
    try:
        bank = QuoteBank.open(args.db, nlp=nlp)
    except (QuotebankError, OSError, ValueError) as exc:
        raise _Fatal(f"cannot open the bank {args.db}: {exc}") from None
    total = _count_records(args.files, args.input_format) if _progress_wanted(args) else None
    console = _Console(progress=_progress_wanted(args), total=total, desc="bank add")
    errors = _ErrorLog(args.errors, console)
    recent = _Recent()

    def good_records() -> Iterator[dict[str, Any]]:
        position = 0
        for item in read_records(
            args.files, fields=_fields(args), input_format=args.input_format, stdin=sys.stdin.buffer
        ):
            console.tick()
            if isinstance(item, BadRecord):
                errors.report(item)
                continue
            recent.remember(str(position), item)
            recent.remember(item.id, item)
            position += 1
            yield {"doc_id": item.id, "text": item.text, "date": item.date, "url": item.url}

    try:
        with bank:
            stats = bank.add_many(good_records(), batch_size=args.batch_size, n_process=args.n_process, progress=False)
    finally:
        console.close()
    try:
        for key, reason in stats.failed:
            record = recent.where.get(key)
            if record is not None:
                errors.report(BadRecord(message=reason, file=record.file, line=record.line, record_id=record.id))
            else:
                errors.report(BadRecord(message=reason, record_id=key))
    finally:
        errors.close()
    summary = (
        f"{args.db}: {stats.added} added, {stats.replaced} replaced, {stats.unchanged} unchanged, "
        f"{stats.quotes} quotes stored"
    )
    return _finish(args, errors, summary)


def _bank_query(args: argparse.Namespace) -> int:
    from .bank import QuoteBank

    if not Path(args.db).is_file():
        raise _Fatal(f"no bank at {args.db}; create one with `quotebank bank add CORPUS --db {args.db}`")
    try:
        bank = QuoteBank.open(args.db)
    except (QuotebankError, OSError, ValueError) as exc:
        raise _Fatal(f"cannot open the bank {args.db}: {exc}") from None
    with bank:
        try:
            found = bank.find(
                speaker=args.speaker,
                role=args.role,
                channel=args.channel,
                kind=args.kind,
                since=args.since,
                until=args.until,
                doc_id=args.doc_id,
                text=args.text,
                limit=args.limit,
            )
        except ValueError as exc:
            raise _Fatal(str(exc)) from None
        with _output(args.output) as out:
            writer = _WRITERS[args.format](out)
            for doc_id, quotes in _by_document(found):
                document = bank.document(doc_id) if doc_id is not None else None
                extraction = Extraction(
                    doc_id=doc_id or "-",
                    date=document.date if document else None,
                    url=document.url if document else None,
                )
                writer.write(quotes, extraction)
            writer.close()
    return EXIT_OK


def _by_document(quotes: Iterable[Quote]) -> Iterator[tuple[str | None, list[Quote]]]:
    current: list[Quote] = []
    for q in quotes:
        if current and q.doc_id != current[0].doc_id:
            yield current[0].doc_id, current
            current = []
        current.append(q)
    if current:
        yield current[0].doc_id, current


# --------------------------------------------------------------------------- entry point


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line with ``argv`` (default: ``sys.argv[1:]``); returns the exit status."""
    parser = _parser()
    args = parser.parse_args(argv)
    if getattr(args, "n_process", 1) == 0 or getattr(args, "n_process", 1) < -1:
        parser.error("--n-process must be >= 1, or -1 for one per CPU")
    if getattr(args, "batch_size", 1) < 1:
        parser.error("--batch-size must be >= 1")
    # Notices are coded warnings of the library; here they are counted per document (and shown with --verbose).
    library_logger = logging.getLogger("quotebank")
    level = library_logger.level
    library_logger.setLevel(logging.ERROR)
    try:
        if args.command == "extract":
            return _extract(args)
        if getattr(args, "handler", None) is not None:
            return int(args.handler(args))
        if args.bank_command == "add":
            return _bank_add(args)
        return _bank_query(args)
    except _Fatal as exc:
        print(f"quotebank: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except BrokenPipeError:
        # The reader went away (`quotebank extract ... | head`): stop quietly.
        with contextlib.suppress(OSError, ValueError):
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
        return EXIT_OK
    except KeyboardInterrupt:
        print("quotebank: interrupted", file=sys.stderr)
        return 130
    finally:
        library_logger.setLevel(level)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
