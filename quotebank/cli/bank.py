"""``quotebank bank add | query | export``: fill a quote bank, find quotes in it, export its quotations."""

from __future__ import annotations

import argparse
import sqlite3
from collections import OrderedDict
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..errors import QuotebankError
from .common import (
    EXIT_OK,
    WRITERS,
    Console,
    DocInfo,
    ErrorLog,
    Fatal,
    check_inputs,
    check_output,
    errors_path,
    output,
    plural,
    stdin_bytes,
)
from .extract import count_records, fields, finish, load_model, progress_wanted

if TYPE_CHECKING:
    from ..bank import QuoteBank
    from ..corpus import Record
    from ..model import Quote

__all__ = ["add", "export", "merge", "query"]

_OPEN_ERRORS = (QuotebankError, OSError, ValueError, sqlite3.Error)


class _Recent:
    """Where the last few thousand records came from, to name the file and line of a record the bank refused."""

    def __init__(self, size: int = 10_000) -> None:
        self.size = size
        self.where: OrderedDict[str, Record] = OrderedDict()

    def remember(self, key: str, record: Record) -> None:
        self.where[key] = record
        if len(self.where) > self.size:
            self.where.popitem(last=False)


def add(args: argparse.Namespace, console: Console) -> int:
    from ..bank import QuoteBank
    from ..corpus import BadRecord, read_records

    check_inputs(args.files)
    check_output(args.db)
    errors = ErrorLog(errors_path(args.errors, output=args.db, inputs=args.files), console)
    nlp = load_model(args.model)
    try:
        bank = QuoteBank.open(args.db, nlp=nlp)
    except _OPEN_ERRORS as exc:
        raise Fatal(f"cannot open the bank {args.db}: {exc}") from None
    if progress_wanted(args):
        console.start_progress(count_records(args.files, args.input_format), "bank add")
    recent = _Recent()

    def good_records() -> Iterator[dict[str, Any]]:
        position = 0
        for item in read_records(
            args.files, fields=fields(args), input_format=args.input_format, stdin=stdin_bytes(args.files)
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
            stats = bank.add_many(
                good_records(),
                batch_size=args.batch_size,
                n_process=args.n_process,
                progress=False,
                replace=args.replace,
            )
    finally:
        console.stop_progress()
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
        f"{args.db}: {_counts(stats.added, stats.replaced, stats.unchanged, stats.skipped)}, "
        f"{plural(stats.quotes, 'quote')} stored"
    )
    return finish(args, errors, summary)


def _counts(added: int, replaced: int, unchanged: int, skipped: int) -> str:
    counts = [f"{added} added", f"{replaced} replaced", f"{unchanged} unchanged"]
    if skipped:
        counts.append(f"{skipped} skipped (another text for a stored id: see --replace)")
    return ", ".join(counts)


def merge(args: argparse.Namespace, console: Console) -> int:
    from ..bank import QuoteBank

    check_output(args.db)
    try:
        bank = QuoteBank.open(args.db)
    except _OPEN_ERRORS as exc:
        raise Fatal(f"cannot open the bank {args.db}: {exc}") from None
    added = replaced = unchanged = skipped = 0
    with bank:
        for shard in args.shards:
            try:
                stats = bank.merge(shard, replace=args.replace)
            except _OPEN_ERRORS as exc:
                raise Fatal(f"cannot merge {shard}: {exc}") from None
            added, replaced = added + stats.added, replaced + stats.replaced
            unchanged, skipped = unchanged + stats.unchanged, skipped + stats.skipped
    if not args.quiet:
        console.say(f"quotebank: {args.db}: {_counts(added, replaced, unchanged, skipped)}")
    return EXIT_OK


def _open_existing(db: str) -> QuoteBank:
    from ..bank import QuoteBank

    if not Path(db).is_file():
        raise Fatal(f"no bank at {db}; create one with `quotebank bank add CORPUS --db {db}`")
    try:
        return QuoteBank.open(db)
    except _OPEN_ERRORS as exc:
        raise Fatal(f"cannot open the bank {db}: {exc}") from None


def query(args: argparse.Namespace, console: Console) -> int:
    with _open_existing(args.db) as bank:
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
            raise Fatal(str(exc)) from None
        with output(args.output) as out:
            writer = WRITERS[args.format](out)
            for doc_id, quotes in _by_document(found):
                document = bank.document(doc_id) if doc_id is not None else None
                info = DocInfo(
                    doc_id=doc_id or "-",
                    date=document.date if document else None,
                    url=document.url if document else None,
                )
                writer.write(quotes, info)
            writer.close()
    return EXIT_OK


def export(args: argparse.Namespace, console: Console) -> int:
    check_output(args.output)
    with _open_existing(args.db) as bank, output(args.output) as out:
        count = bank.to_quotebank_jsonl(out, extras=args.extras)
    if not args.quiet:
        where = "" if args.output in (None, "-") else f" to {args.output}"
        console.say(f"quotebank: {args.db}: {plural(count, 'quotation')} written{where}")
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
