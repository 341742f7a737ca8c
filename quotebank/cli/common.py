"""What every command shares: exit statuses, stderr (with its progress bar), the errors file, the output formats.

Nothing here imports spaCy: ``quotebank --help`` and ``quotebank bank query`` start in a fraction of a second.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import shutil
import sys
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any, NamedTuple, Protocol

from ..errors import Code

if TYPE_CHECKING:
    from ..corpus import BadRecord
    from ..model import Quote

__all__ = [
    "DEFAULT_ERRORS_NAME",
    "EXIT_FAILED_RECORDS",
    "EXIT_OK",
    "EXIT_USAGE",
    "MAX_ERRORS_SHOWN",
    "WRITERS",
    "Console",
    "DocInfo",
    "ErrorLog",
    "Fatal",
    "check_inputs",
    "check_output",
    "devnull_stdout",
    "errors_path",
    "output",
    "plural",
    "stdin_bytes",
]

EXIT_OK = 0
EXIT_FAILED_RECORDS = 1
EXIT_USAGE = 2
DEFAULT_ERRORS_NAME = "quotebank-errors.jsonl"
"""The errors file's name when there is neither an output file nor a single input file to name it after."""
MAX_ERRORS_SHOWN = 20
"""Bad records echoed on stderr; all of them go to the errors file."""


class Fatal(Exception):
    """Nothing more can be done: print the message and exit with :data:`EXIT_USAGE`."""


def plural(n: int, word: str) -> str:
    """``plural(1, "quote") == "1 quote"``; ``plural(2, "quote") == "2 quotes"``."""
    return f"{n} {word}{'' if n == 1 else 's'}"


# --------------------------------------------------------------------------- stderr, progress


class Console:
    """stderr, shared with the progress bar (tqdm) when there is one, and with the library's log messages.

    The library logs on the ``quotebank`` logger; a script sees nothing unless it configures logging, but a user
    of the command line should: warnings (a record the bank skipped...) are printed here. Coded notices about a
    document's text (``W001``...) are not: they are shown per document with ``--verbose``.
    """

    def __init__(self) -> None:
        self.bar: Any = None
        self._handler = _ConsoleHandler(self)
        logging.getLogger("quotebank").addHandler(self._handler)

    def start_progress(self, total: int | None, desc: str) -> None:
        try:
            from tqdm import tqdm  # spaCy depends on tqdm
        except ImportError:  # pragma: no cover
            return
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

    def stop_progress(self) -> None:
        if self.bar is not None:
            self.bar.close()
            self.bar = None

    def close(self) -> None:
        self.stop_progress()
        logging.getLogger("quotebank").removeHandler(self._handler)


_NOTICE_CODES = frozenset(code.value for code in Code)


class _ConsoleHandler(logging.Handler):
    def __init__(self, console: Console) -> None:
        super().__init__(logging.WARNING)
        self.console = console

    def filter(self, record: logging.LogRecord) -> bool:
        # Notice.log() passes its code first; notices are shown per document instead (see --verbose).
        args = record.args
        return not (isinstance(args, tuple) and args and isinstance(args[0], str) and args[0] in _NOTICE_CODES)

    def emit(self, record: logging.LogRecord) -> None:
        try:
            message = record.getMessage()
            self.console.say(message if message.startswith("quotebank") else f"quotebank: {message}")
        except Exception:  # pragma: no cover - logging must never break the run
            self.handleError(record)


# --------------------------------------------------------------------------- inputs and the errors file


def check_inputs(files: Sequence[str]) -> None:
    """Fail before any work when an input file is missing (or is a directory), or when stdin is wanted but closed."""
    for name in files:
        if name == "-":
            if sys.stdin is None:
                raise Fatal("'-' reads standard input, but it is closed")
            continue
        path = Path(name)
        if not path.exists():
            raise Fatal(f"no such file: {name}")
        if path.is_dir():
            raise Fatal(f"{name} is a directory; give the files in it (e.g. {name.rstrip('/')}/*.txt)")


def check_output(path: str | None) -> None:
    """Fail before any work when the output file's directory does not exist."""
    if path is not None and path != "-" and not Path(path).resolve().parent.is_dir():
        raise Fatal(f"cannot write {path}: there is no directory {Path(path).parent}")


def errors_path(explicit: str | None, *, output: str | None, inputs: Sequence[str]) -> str:
    """Where the bad records of this run go, checked before the run starts.

    ``--errors PATH`` is used as given (and replaced if it exists). Otherwise the file is named after the output
    (the output file or the bank, next to it), else after the single input file (in the current directory), else
    :data:`DEFAULT_ERRORS_NAME`; when that name is taken, a number is added: an earlier run's errors are never
    overwritten.

    Raises:
        Fatal: when the file could not be written; better now than at the first bad record, hours into a run.
    """
    if explicit is not None:
        path = Path(explicit)
        if any(name != "-" and Path(name).resolve() == path.resolve() for name in (*inputs, output or "-")):
            raise Fatal(f"--errors {explicit} would overwrite an input or the output; name another file")
    else:
        if output is not None and output != "-":
            out = Path(output)
            path = out.with_name(f"{out.name.removesuffix('.gz').rsplit('.', 1)[0]}.errors.jsonl")
        elif len(inputs) == 1 and inputs[0] != "-":
            stem = Path(inputs[0]).name.removesuffix(".gz").rsplit(".", 1)[0] or "input"
            path = Path(f"{stem}.errors.jsonl")
        else:
            path = Path(DEFAULT_ERRORS_NAME)
        base, n = path, 1
        while path.exists():
            path = base.with_name(f"{base.name.removesuffix('.jsonl')}.{n}.jsonl")
            n += 1
    _check_writable(path)
    return str(path)


def _check_writable(path: Path) -> None:
    """Open ``path`` for writing as the run would, leaving no trace (the file is created at the first bad record)."""
    existed = path.exists()
    if path.is_dir():
        raise Fatal(f"cannot write the errors file {path}: it is a directory (use --errors PATH)")
    try:
        with path.open("a", encoding="utf-8"):
            pass
    except OSError as exc:
        raise Fatal(f"cannot write the errors file {path}: {exc.strerror or exc} (use --errors PATH)") from None
    if not existed:
        path.unlink()


class ErrorLog:
    """Reports bad records on stderr (the first :data:`MAX_ERRORS_SHOWN`) and writes every one to a JSONL file.

    The file is created (or, when named with ``--errors``, overwritten) at the first bad record only, and flushed
    after each line, so that a run that is killed still leaves its trace.
    """

    def __init__(self, path: str, console: Console) -> None:
        self.path = path
        self.console = console
        self.count = 0
        self._file: IO[str] | None = None
        self._broken = False

    def report(self, error: BadRecord) -> None:
        self.count += 1
        if self.count <= MAX_ERRORS_SHOWN:
            self.console.say(f"quotebank: {error}")
        elif self.count == MAX_ERRORS_SHOWN + 1:
            self.console.say(f"quotebank: more bad records; see {self.path}")
        if self._broken:
            return
        try:
            if self._file is None:
                self._file = open(self.path, "w", encoding="utf-8")  # noqa: SIM115 - closed in close()
            self._file.write(json.dumps(error.to_dict(), ensure_ascii=False) + "\n")
            self._file.flush()
        except OSError as exc:
            # Checked before the run; if it breaks since (a full disk), the run goes on and says so.
            self._broken = True
            self.console.say(f"quotebank: cannot write {self.path} any more ({exc.strerror or exc}); going on")

    def close(self) -> None:
        if self._file is not None:
            self._file.close()
            self._file = None


# --------------------------------------------------------------------------- output formats


class DocInfo(NamedTuple):
    """What the writers show of a document besides its quotes (:class:`quotebank.Extraction` has the same fields)."""

    doc_id: str
    date: str | None = None
    url: str | None = None


class _HasDocInfo(Protocol):
    @property
    def doc_id(self) -> str: ...
    @property
    def date(self) -> str | None: ...
    @property
    def url(self) -> str | None: ...


class Writer(Protocol):
    def write(self, quotes: Sequence[Quote], doc: _HasDocInfo | None) -> None: ...

    def close(self) -> None: ...


def _quote_json(quote: Quote, doc: _HasDocInfo | None) -> dict[str, Any]:
    # quotebank.corpus.rows.quote_json, without importing spaCy through the corpus package (a test checks they agree).
    data = quote.to_dict()
    data["date"] = doc.date if doc else None
    data["url"] = doc.url if doc else None
    return data


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

    def write(self, quotes: Sequence[Quote], doc: _HasDocInfo | None) -> None:
        if not quotes:
            return
        if doc is not None:
            self.out.write(f"== {doc.doc_id}: {plural(len(quotes), 'quote')}\n")
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

    def write(self, quotes: Sequence[Quote], doc: _HasDocInfo | None) -> None:
        for q in quotes:
            self.out.write(json.dumps(_quote_json(q, doc), ensure_ascii=False) + "\n")

    def close(self) -> None:
        pass


class _JsonWriter:
    """A JSON array of the objects of the JSONL format, written as it goes."""

    def __init__(self, out: IO[str]) -> None:
        self.out = out
        self.first = True
        out.write("[")

    def write(self, quotes: Sequence[Quote], doc: _HasDocInfo | None) -> None:
        for q in quotes:
            self.out.write("\n" if self.first else ",\n")
            self.first = False
            self.out.write(json.dumps(_quote_json(q, doc), ensure_ascii=False))

    def close(self) -> None:
        self.out.write("]\n" if self.first else "\n]\n")


class _CsvWriter:
    """A flat row per quote, the columns of :data:`quotebank.corpus.ROW_COLUMNS`."""

    def __init__(self, out: IO[str]) -> None:
        import csv

        from ..corpus import ROW_COLUMNS, quote_row  # imports spaCy: only when CSV is asked for

        self.quote_row = quote_row
        self.writer = csv.DictWriter(out, fieldnames=ROW_COLUMNS, lineterminator="\n")
        self.writer.writeheader()

    def write(self, quotes: Sequence[Quote], doc: _HasDocInfo | None) -> None:
        for q in quotes:
            row = self.quote_row(q)
            row["date"], row["url"] = (doc.date, doc.url) if doc else (None, None)
            self.writer.writerow(row)

    def close(self) -> None:
        pass


WRITERS: dict[str, Callable[[IO[str]], Writer]] = {
    "table": _TableWriter,
    "jsonl": _JsonlWriter,
    "json": _JsonWriter,
    "csv": _CsvWriter,
}


@contextlib.contextmanager
def output(path: str | None) -> Iterator[IO[str]]:
    """Standard output, or the file ``path`` (a clear :class:`Fatal` when it cannot be written)."""
    if path is None or path == "-":
        yield sys.stdout
        sys.stdout.flush()
        return
    try:
        out = open(path, "w", encoding="utf-8", newline="")  # noqa: SIM115 - closed below
    except OSError as exc:
        raise Fatal(f"cannot write {path}: {exc.strerror or exc}") from None
    with out:
        yield out


def stdin_bytes(files: Sequence[str]) -> IO[bytes] | None:
    """Standard input as bytes when ``-`` is among ``files`` (:func:`check_inputs` made sure it is open)."""
    if "-" not in files or sys.stdin is None:
        return None
    return sys.stdin.buffer


def devnull_stdout() -> None:
    """After the reader of stdout went away (``quotebank extract ... | head``), send what is left nowhere."""
    with contextlib.suppress(OSError, ValueError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
