"""Count the W001 (unclosed) and W002 (unopened) quotation-mark notices on each dev corpus.

A notice is either a true defect of the text (a mark the writer or the scraper really left unpaired) or a
pattern the detector does not read yet; this prints how many of each code each corpus gives, and with
``--show`` every notice in its context, so the two can be told apart by reading. The notices come from the
detector alone (no parse), so this takes seconds. Run from the repository root::

    python benchmarks/notice_counts.py          # counts per corpus
    python benchmarks/notice_counts.py --show   # and every notice, with 70 characters either side
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

from quotebank.detect import find_quotations
from quotebank.errors import Code

ROOT = Path(__file__).resolve().parent.parent
# The shared dev data sits beside the repository (or beside the folder of work trees that holds it).
EVAL = next((p / "shared" / "eval" for p in ROOT.parents if (p / "shared" / "eval").is_dir()), ROOT / "eval")
CORPORA = {
    "seeds": ROOT / "seeds",
    "polnear_dev": EVAL / "polnear_dev" / "docs",
    "bbc_dev": EVAL / "bbc_dev" / "docs",
}
CODES = (Code.UNCLOSED_QUOTE, Code.UNOPENED_QUOTE)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--show", action="store_true", help="print every notice in its context")
    parser.add_argument("--context", type=int, default=70, help="characters shown either side with --show")
    args = parser.parse_args(argv)
    print(f"{'corpus':12} {'docs':>5} {'W001':>5} {'W002':>5}")
    for name, folder in CORPORA.items():
        if not folder.is_dir():
            print(f"{name:12} (missing: {folder})")
            continue
        counts: Counter[Code] = Counter()
        paths = sorted(folder.glob("*.txt"))
        shown: list[str] = []
        for path in paths:
            text = path.read_text(encoding="utf-8")
            for notice in find_quotations(text)[1]:
                if notice.code not in CODES:
                    continue
                counts[notice.code] += 1
                if args.show:
                    at = notice.offset
                    before = text[max(0, at - args.context) : at].replace("\n", "¶")
                    after = text[at + 1 : at + 1 + args.context].replace("\n", "¶")
                    shown.append(f"  {notice.code.value} {path.name}:{at}  …{before}[{text[at]}]{after}…")
        print(f"{name:12} {len(paths):5} {counts[Code.UNCLOSED_QUOTE]:5} {counts[Code.UNOPENED_QUOTE]:5}")
        for line in shown:
            print(line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
