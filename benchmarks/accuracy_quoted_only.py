"""Score quotebank on quoted material only (``extract(..., indirect=False)``).

The shared scorer calls ``quotebank.extract(text)`` with its defaults, which
include reported speech. An answer key that marks only some reported clauses
(the seeds' key marks 8 of the many in its articles) counts every other one
against precision; this wraps the scorer so the figures for quotation marks
and embedded posts alone can be measured. Usage::

    python benchmarks/accuracy_quoted_only.py GOLD.jsonl DOCS_DIR
"""

from __future__ import annotations

import functools
import runpy
import sys
from pathlib import Path

import quotebank

if __name__ == "__main__":
    scorer = Path(__file__).resolve().parents[2] / "shared" / "eval" / "score.py"
    quotebank.extract = functools.partial(quotebank.extract, indirect=False)  # type: ignore[assignment]
    sys.argv = [str(scorer), *sys.argv[1:], "--mode", "extract"]
    runpy.run_path(str(scorer), run_name="__main__")
