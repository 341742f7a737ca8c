"""Score quotebank with reported speech turned on (``extract(..., indirect=True)``).

The shared scorer calls ``quotebank.extract(text)`` with its defaults; this
wraps it so the reported-speech figures can be measured. Usage::

    python benchmarks/accuracy_with_indirect.py GOLD.jsonl DOCS_DIR
"""

from __future__ import annotations

import functools
import runpy
import sys
from pathlib import Path

import quotebank

if __name__ == "__main__":
    scorer = Path(__file__).resolve().parents[2] / "shared" / "eval" / "score.py"
    quotebank.extract = functools.partial(quotebank.extract, indirect=True)  # type: ignore[assignment]
    sys.argv = [str(scorer), *sys.argv[1:], "--mode", "extract"]
    runpy.run_path(str(scorer), run_name="__main__")
