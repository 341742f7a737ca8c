"""``quotebank extract``: the quotes of text files or JSONL records, as a table, JSON lines, JSON or CSV."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from ..errors import QuotebankError
from .common import (
    EXIT_FAILED_RECORDS,
    EXIT_OK,
    WRITERS,
    Console,
    ErrorLog,
    Fatal,
    check_inputs,
    check_output,
    errors_path,
    output,
    plural,
    stdin_bytes,
)

if TYPE_CHECKING:
    from ..corpus import Fields, InputFormat

__all__ = ["count_records", "fields", "finish", "load_model", "progress_wanted", "run"]


def fields(args: argparse.Namespace) -> Fields:
    from ..corpus import Fields

    return Fields(id=args.id_field, text=args.text_field, date=args.date_field, url=args.url_field)


def count_records(files: Sequence[str], input_format: InputFormat) -> int | None:
    """How many records the files hold (for the progress bar's total), or None when it cannot be known cheaply."""
    from ..corpus.records import format_of, open_input

    total = 0
    for name in files:
        fmt = format_of(name, input_format)
        if name == "-" or fmt == "auto":
            return None
        if fmt == "text":
            total += 1
            continue
        try:
            with open_input(name) as stream:
                total += sum(1 for line in stream if line.strip())
        except (OSError, EOFError):
            total += 1
    return total


def progress_wanted(args: argparse.Namespace) -> bool:
    return not args.quiet and sys.stderr.isatty()


def load_model(model: str | None) -> Any:
    from ..api import load

    try:
        return load(model)
    except QuotebankError as exc:
        raise Fatal(str(exc)) from None


def finish(args: argparse.Namespace, errors: ErrorLog, summary: str) -> int:
    if errors.count:
        errors.console.say(f"quotebank: {summary}; {plural(errors.count, 'record')} failed, see {errors.path}")
        return EXIT_FAILED_RECORDS
    if not args.quiet:
        errors.console.say(f"quotebank: {summary}")
    return EXIT_OK


def run(args: argparse.Namespace, console: Console) -> int:
    check_inputs(args.files)
    check_output(args.output)
    errors = ErrorLog(errors_path(args.errors, output=args.output, inputs=args.files), console)
    nlp = load_model(args.model)
    from ..corpus import extract_many, read_records

    if progress_wanted(args):
        console.start_progress(count_records(args.files, args.input_format), "extract")
    records = read_records(
        args.files, fields=fields(args), input_format=args.input_format, stdin=stdin_bytes(args.files)
    )
    docs = quotes = 0
    try:
        with output(args.output) as out:
            writer = WRITERS[args.format](out)
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
        console.stop_progress()
        errors.close()
    return finish(args, errors, f"{plural(docs, 'document')}, {plural(quotes, 'quote')}")
