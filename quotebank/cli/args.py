"""The command line's arguments: every check that needs no file is made here, so that a mistake shows the usage of
the (sub)command it was made in and exits with status 2 before anything is loaded."""

from __future__ import annotations

import argparse
from collections.abc import Callable

from .. import __version__
from ..model import Channel, QuoteKind
from .common import WRITERS

__all__ = ["DEFAULT_BATCH_SIZE", "parser"]

DEFAULT_BATCH_SIZE = 32
"""The same as :data:`quotebank.corpus.DEFAULT_BATCH_SIZE` (a test checks), written here so that ``--help`` shows it
without importing spaCy."""

EPILOG = (
    "Exit status: 0 when every record was processed, 1 when some records failed (they are in the errors file; the "
    "others were processed), 2 for a usage error or when nothing could be done (a missing input file, no bank, no "
    "model...)."
)


def _int_at_least(low: int, *, also: int | None = None, hint: str = "") -> Callable[[str], int]:
    def check(value: str) -> int:
        try:
            n = int(value)
        except ValueError:
            raise argparse.ArgumentTypeError(f"not a whole number: {value!r}") from None
        if n < low and n != also:
            raise argparse.ArgumentTypeError(f"must be >= {low}{hint}, not {n}")
        return n

    return check


def _input_options(parser: argparse.ArgumentParser, *, named_after: str) -> None:
    group = parser.add_argument_group("input")
    group.add_argument(
        "--input-format",
        choices=("auto", "text", "jsonl"),
        default="auto",
        help="how to read the files: 'auto' (the default) reads *.jsonl and *.ndjson, and files whose first line "
        "starts with '{', as JSONL, anything else as one plain text article per file",
    )
    group.add_argument("--id-field", default="id", metavar="NAME", help="the records' id field (default: %(default)s)")
    group.add_argument(
        "--text-field", default="text", metavar="NAME", help="the records' text field (default: %(default)s)"
    )
    group.add_argument(
        "--date-field", default="date", metavar="NAME", help="the records' date field (default: %(default)s)"
    )
    group.add_argument(
        "--url-field", default="url", metavar="NAME", help="the records' url field (default: %(default)s)"
    )
    group.add_argument(
        "--errors",
        metavar="PATH",
        help="where bad records are written, one JSON line each, created only when there is one; an existing file "
        f"is replaced (default: NAME.errors.jsonl, named after {named_after}, with a number added rather than "
        "replace an earlier run's file)",
    )


def _run_options(parser: argparse.ArgumentParser) -> None:
    group = parser.add_argument_group("processing")
    group.add_argument(
        "--model", help="a spaCy pipeline (package or path); default: $QUOTEBANK_MODEL, else en_core_web_sm"
    )
    group.add_argument(
        "--n-process",
        type=_int_at_least(1, also=-1, hint=", or -1 for one per CPU"),
        default=1,
        metavar="N",
        help="worker processes; -1: one per CPU (default: %(default)s)",
    )
    group.add_argument(
        "--batch-size",
        type=_int_at_least(1),
        default=DEFAULT_BATCH_SIZE,
        metavar="N",
        help="documents per nlp.pipe batch (default: %(default)s)",
    )
    group.add_argument("-q", "--quiet", action="store_true", help="no progress bar and no summary on stderr")
    group.add_argument(
        "-v", "--verbose", action="store_true", help="also print each document's notices (unclosed marks...)"
    )


def _bank_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--db", required=True, metavar="PATH", help="the bank's SQLite file")


def parser() -> argparse.ArgumentParser:
    """The parser of ``quotebank`` and its subcommands."""
    top = argparse.ArgumentParser(prog="quotebank", description="Find who said what in news text.", epilog=EPILOG)
    top.add_argument("--version", action="version", version=f"quotebank {__version__}")
    sub = top.add_subparsers(dest="command", required=True, metavar="COMMAND")

    ex = sub.add_parser(
        "extract",
        help="print the quotes found in text files or JSONL records",
        description="Print the quotes found in plain text files (one article each) or JSONL files "
        '(one {"id", "text", "date", "url"} record per line). "-" reads standard input.',
        epilog=EPILOG,
    )
    ex.add_argument("files", nargs="+", metavar="FILE", help="text or JSONL files (optionally .gz); - for stdin")
    ex.add_argument("-f", "--format", choices=tuple(WRITERS), default="table", help="output format (default: table)")
    ex.add_argument("-o", "--output", metavar="PATH", help="write the quotes here instead of stdout")
    ex.add_argument("--include-scare", action="store_true", help="also list scare quotes, titles and names")
    ex.add_argument(
        "--no-indirect",
        dest="indirect",
        action="store_false",
        help="leave out reported speech without quotation marks (kind=indirect)",
    )
    _input_options(ex, named_after="the output file, else the single input file")
    _run_options(ex)

    bank = sub.add_parser("bank", help="store quotes in a quote bank, query and export it", description="A quote bank.")
    bank_sub = bank.add_subparsers(dest="bank_command", required=True, metavar="BANK_COMMAND")
    add = bank_sub.add_parser(
        "add",
        help="extract the quotes of articles and store them",
        description="Extract the quotes of articles (text or JSONL files) and store them in a bank (created when "
        "missing). Articles already stored with the same id and text are skipped, so an interrupted run can be "
        "started again; a record whose id is stored with another text is skipped with a warning, unless --replace.",
        epilog=EPILOG,
    )
    add.add_argument("files", nargs="+", metavar="CORPUS", help="JSONL or text files (optionally .gz); - for stdin")
    _bank_option(add)
    add.add_argument(
        "--replace",
        action="store_true",
        help="replace a stored article (and its quotes) when a record has its id and a different text",
    )
    _input_options(add, named_after="the bank")
    _run_options(add)

    query = bank_sub.add_parser(
        "query",
        help="find quotes in a bank",
        description="Print the quotes of a bank that meet every condition given.",
        epilog=EPILOG,
    )
    _bank_option(query)
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
    query.add_argument("--limit", type=_int_at_least(1), metavar="N", help="at most N quotes")
    query.add_argument("-f", "--format", choices=tuple(WRITERS), default="table", help="output format (default: table)")
    query.add_argument("-o", "--output", metavar="PATH", help="write the quotes here instead of stdout")

    merge = bank_sub.add_parser(
        "merge",
        help="merge banks built elsewhere (shards) into one",
        description="Add every article of other banks (shards built in parallel) to a bank (created when missing), "
        "with the same result as adding them all to it. Articles already there are left alone; a shard's article "
        "whose id is stored with another text is skipped with a warning, unless --replace.",
        epilog=EPILOG,
    )
    merge.add_argument("shards", nargs="+", metavar="SHARD", help="the shards' SQLite files")
    _bank_option(merge)
    merge.add_argument("--replace", action="store_true", help="replace stored articles a shard has another text for")
    merge.add_argument("-q", "--quiet", action="store_true", help="no summary on stderr")

    export = bank_sub.add_parser(
        "export",
        help="write a bank's quotations in EPFL Quotebank's JSON lines format",
        description="Write one JSON line per quotation of the bank (however many articles repeat it), in EPFL "
        "Quotebank's format: QuoteBank.to_quotebank_jsonl().",
        epilog=EPILOG,
    )
    _bank_option(export)
    export.add_argument(
        "-f", "--format", choices=("epfl",), default="epfl", help="output format (default: %(default)s)"
    )
    export.add_argument(
        "--extras",
        action="store_true",
        help="after EPFL's fields, quotebank's own (role, channel, kind, speaker id...)",
    )
    export.add_argument("-o", "--output", metavar="PATH", help="write the quotations here instead of stdout")
    export.add_argument("-q", "--quiet", action="store_true", help="no summary on stderr")
    return top
