"""The ``quotebank`` command line (also ``python -m quotebank``).

Commands:

* ``quotebank extract FILE... | -``: the quotes of plain text files or JSONL records, as a table (the default),
  ``--format jsonl``, ``csv`` or ``json``;
* ``quotebank bank add CORPUS.jsonl... --db bank.sqlite``: extract and store articles in a quote bank;
* ``quotebank bank query --db bank.sqlite --speaker Zarif --channel tweet``: find quotes in a bank;
* ``quotebank bank export --db bank.sqlite -o quotes.jsonl``: its quotations in EPFL Quotebank's format;
* ``quotebank bank merge SHARD.sqlite... --db bank.sqlite``: banks built elsewhere, merged into one.

Records that cannot be read (invalid JSON, no text field, bytes that are not UTF-8...) are reported on stderr with
their file and line, and written to an errors file (JSONL, one line per bad record, the offending input included);
the run carries on. Exit status: 0 when every record was processed, 1 when some failed (the rest were), 2 for a
usage error or when nothing could be done (a missing input file, no such bank, no model...).

spaCy is imported only by the commands that need a pipeline, so ``--help``, ``--version`` and ``bank query`` answer
at once. The modules of this package: :mod:`~quotebank.cli.args` (the arguments), :mod:`~quotebank.cli.common`
(stderr, the errors file, the output formats), :mod:`~quotebank.cli.extract` and :mod:`~quotebank.cli.bank` (the
commands).
"""

from __future__ import annotations

import sys
from collections.abc import Sequence

from . import bank, extract
from .args import parser
from .common import EXIT_FAILED_RECORDS, EXIT_OK, EXIT_USAGE, Console, Fatal, devnull_stdout

__all__ = ["EXIT_FAILED_RECORDS", "EXIT_OK", "EXIT_USAGE", "main"]

_COMMANDS = {
    ("extract", None): extract.run,
    ("bank", "add"): bank.add,
    ("bank", "query"): bank.query,
    ("bank", "export"): bank.export,
    ("bank", "merge"): bank.merge,
}


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line with ``argv`` (default: ``sys.argv[1:]``); returns the exit status."""
    args = parser().parse_args(argv)
    command = _COMMANDS[args.command, getattr(args, "bank_command", None)]
    console = Console()
    try:
        return command(args, console)
    except Fatal as exc:
        console.say(f"quotebank: {exc}")
        return EXIT_USAGE
    except BrokenPipeError:
        # The reader went away (`quotebank extract ... | head`): stop quietly.
        devnull_stdout()
        return EXIT_OK
    except KeyboardInterrupt:
        console.say("quotebank: interrupted")
        return 130
    finally:
        console.close()


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
