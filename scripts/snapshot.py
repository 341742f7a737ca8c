#!/usr/bin/env python3
"""Write every output of quotebank on a corpus as canonical JSON, to prove a refactor changes nothing.

For every document it records every quote (all fields, scare quotes included), every span group the
component writes on the Doc, every notice, and what :func:`quotebank.extract_many` yields with
``n_process`` 1 and 2. Keys are sorted and floats written by :mod:`json`, so two runs of the same code
give the same bytes; the sha256 printed at the end is what a note quotes.

Usage::

    python scripts/snapshot.py OUT.json [DIR_OR_FILE ...]

With no inputs it reads ``seeds/`` and, when present, ``../shared/eval/polnear_dev/docs`` and
``../shared/eval/bbc_dev/docs``. Compare two snapshots with ``cmp`` or ``diff``.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from pathlib import Path
from typing import Any

import quotebank
from quotebank.component import doc_quotes

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_INPUTS = (
    ROOT / "seeds",
    ROOT.parent / "shared" / "eval" / "polnear_dev" / "docs",
    ROOT.parent / "shared" / "eval" / "bbc_dev" / "docs",
)


def documents(inputs: list[Path]) -> list[tuple[str, str]]:
    """(name, text) of every ``.txt`` file in ``inputs``, in a stable order."""
    docs = []
    for path in inputs:
        files = sorted(path.glob("*.txt")) if path.is_dir() else [path]
        docs.extend((f"{f.parent.name}/{f.name}", f.read_text(encoding="utf-8")) for f in files)
    return docs


def one_document(nlp: Any, text: str) -> dict[str, Any]:
    doc = nlp(text)
    spans = {
        key: [[s.start_char, s.end_char, s.label_, s.id_] for s in group] for key, group in sorted(doc.spans.items())
    }
    return {
        "quotes": [q.to_dict() for q in doc_quotes(doc, include_scare=True, indirect=True)],
        "spans": spans,
        "notices": [n.to_dict() for n in doc._.quote_notices],
        "extract": [q.to_dict() for q in quotebank.extract(text, nlp=nlp)],
    }


def streamed(nlp: Any, docs: list[tuple[str, str]], n_process: int) -> dict[str, Any]:
    records = [{"id": name, "text": text} for name, text in docs]
    out = {}
    for result in quotebank.extract_many(records, nlp=nlp, n_process=n_process):
        out[result.doc_id] = {
            "quotes": [q.to_dict() for q in result.quotes],
            "notices": [n.to_dict() for n in result.notices],
            "error": None if result.error is None else result.error.to_dict(),
        }
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path, help="where to write the snapshot (JSON)")
    parser.add_argument("inputs", nargs="*", type=Path, help="directories of .txt files, or files")
    parser.add_argument("--no-pool", action="store_true", help="skip the n_process=2 run (faster)")
    args = parser.parse_args(argv)
    inputs = args.inputs or [p for p in DEFAULT_INPUTS if p.exists()]
    docs = documents(inputs)
    nlp = quotebank.load()
    snapshot: dict[str, Any] = {"documents": {name: one_document(nlp, text) for name, text in docs}}
    snapshot["extract_many_1"] = streamed(nlp, docs, 1)
    if not args.no_pool:
        snapshot["extract_many_2"] = streamed(nlp, docs, 2)
    data = json.dumps(snapshot, sort_keys=True, ensure_ascii=False, indent=1).encode("utf-8")
    args.out.write_bytes(data)
    print(f"{len(docs)} documents, sha256 {hashlib.sha256(data).hexdigest()}  {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
