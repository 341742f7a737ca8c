"""Print the accuracy table of ``docs/accuracy.md`` by running the shared scorer on every answer key.

Each row is one run of ``score.py GOLD DOCS --mode MODE [--quoted-only] --json`` in a fresh process, so the
figures are the scorer's own, never copied by hand. Usage (from the repository root, ``../shared`` next to it)::

    python benchmarks/accuracy_table.py            # every key; several minutes
    python benchmarks/accuracy_table.py seeds bbc  # only the rows whose key label starts with these words
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import NamedTuple

ROOT = Path(__file__).resolve().parents[1]
EVAL = ROOT.parent / "shared" / "eval"


class Row(NamedTuple):
    label: str
    gold: Path
    docs: Path
    mode: str
    quoted_only: bool


ROWS = [
    Row("seeds", EVAL / "seeds_gold.jsonl", ROOT / "seeds", "extract", False),
    Row("seeds", EVAL / "seeds_gold.jsonl", ROOT / "seeds", "bank", False),
    Row("seeds", EVAL / "seeds_gold.jsonl", ROOT / "seeds", "extract", True),
    Row("PolNeAR dev", EVAL / "polnear_dev" / "gold.jsonl", EVAL / "polnear_dev" / "docs", "extract", False),
    Row("PolNeAR dev", EVAL / "polnear_dev" / "gold.jsonl", EVAL / "polnear_dev" / "docs", "extract", True),
    Row("PolNeAR rich", EVAL / "polnear_dev" / "gold_rich.jsonl", EVAL / "polnear_dev" / "docs", "extract", True),
    Row("PolNeAR rich", EVAL / "polnear_dev" / "gold_rich.jsonl", EVAL / "polnear_dev" / "docs", "bank", True),
    Row("bbc dev", EVAL / "bbc_dev" / "gold.jsonl", EVAL / "bbc_dev" / "docs", "extract", True),
    Row("bbc dev", EVAL / "bbc_dev" / "gold.jsonl", EVAL / "bbc_dev" / "docs", "bank", True),
]

COLUMNS = [
    "quoted_recall",
    "precision",
    "speaker_acc",
    "role_acc",
    "channel_acc",
    "quoted_end_to_end",
    "speaker_b3_f1",
    "indirect_recall",
]


def score(row: Row) -> dict[str, float]:
    command = [sys.executable, str(EVAL / "score.py"), str(row.gold), str(row.docs), "--mode", row.mode, "--json"]
    if row.quoted_only:
        command.append("--quoted-only")
    result = subprocess.run(command, capture_output=True, text=True, check=True)
    figures: dict[str, float] = json.loads(result.stdout)
    return figures


def cell(row: Row, column: str, figures: dict[str, float]) -> str:
    # A key without roles or channels (PolNeAR's gold.jsonl) scores them as 0 over no rows: show a dash, not 0.000.
    unscored = column in ("role_acc", "channel_acc") and row.gold.name == "gold.jsonl" and "polnear" in str(row.gold)
    if unscored or (column == "indirect_recall" and row.quoted_only) or column not in figures:
        return "—"
    return f"{figures[column]:.3f}"


def main(prefixes: list[str]) -> None:
    print("| answer key | mode | " + " | ".join(COLUMNS) + " |")
    print("|" + "---|" * (len(COLUMNS) + 2))
    for row in ROWS:
        if prefixes and not any(row.label.lower().startswith(p.lower()) for p in prefixes):
            continue
        figures = score(row)
        mode = f"`{row.mode}`" + (", quoted only" if row.quoted_only else "")
        cells = " | ".join(cell(row, column, figures) for column in COLUMNS)
        print(f"| {row.label} | {mode} | {cells} |", flush=True)


if __name__ == "__main__":
    main(sys.argv[1:])
