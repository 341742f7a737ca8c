"""The ``quotebank`` command line."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from .api import extract


def _table_row(values: Sequence[str], widths: Sequence[int]) -> str:
    return "  ".join(v[:w].ljust(w) for v, w in zip(values, widths, strict=True)).rstrip()


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="quotebank", description="Find who said what in news text.")
    sub = parser.add_subparsers(dest="command", required=True)
    ex = sub.add_parser("extract", help="print the quotes found in text files ('-' reads stdin)")
    ex.add_argument("files", nargs="+")
    args = parser.parse_args(argv)
    widths = (8, 14, 22, 11, 70)
    print(_table_row(("offsets", "kind", "speaker", "channel", "text"), widths))
    for name in args.files:
        text = sys.stdin.read() if name == "-" else Path(name).read_text(encoding="utf-8")
        for q in extract(text, doc_id=name):
            who = q.speaker.name if q.speaker else "-"
            print(_table_row((str(q.start), q.kind.value, who, q.channel.value, q.text.replace("\n", " ")), widths))
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
