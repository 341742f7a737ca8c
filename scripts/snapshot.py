#!/usr/bin/env python3
"""Write every output of quotebank on a corpus as canonical JSON, to prove a refactor changes nothing.

For every document it records every quote (all fields, scare quotes included), every span group the
component writes on the Doc, every notice, and what :func:`quotebank.extract_many` yields with
``n_process`` 1 and 2. Then it adds every document, in input order, to a fresh :class:`quotebank.QuoteBank` in
memory and records the bank: every quote occurrence (its exported line, with the doc_id, the resolved speaker, the
speaker entity and link probability), every speaker entity (names, aliases, roles, handles, the link of each article's
mention with its method and evidence, and the quotes it holds) and every quotation.

Keys are sorted and floats written by :mod:`json`, so two runs of the same code give the same bytes; the sha256 printed
at the end is what a note quotes.

Usage::

    python scripts/snapshot.py OUT.json [DIR_OR_FILE ...]

With no inputs it reads ``seeds/`` and, when present, ``../shared/eval/polnear_dev/docs`` and
``../shared/eval/bbc_dev/docs``. Compare two snapshots with ``cmp`` or ``diff``.
"""

from __future__ import annotations

import argparse
import hashlib
import io
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


def bank_outputs(nlp: Any, docs: list[tuple[str, str]]) -> dict[str, Any]:
    """What a bank makes of the documents, added one by one: quotes, speaker entities and quotations."""
    bank = quotebank.QuoteBank(nlp=nlp)
    try:
        for name, text in docs:
            bank.add(text, doc_id=name)
        lines = io.StringIO()
        bank.to_jsonl(lines)
        quotes = [json.loads(line) for line in lines.getvalue().splitlines()]
        quotes.sort(key=lambda q: (q["doc_id"], q["start"], q["end"], q["id"]))
        held: dict[str, list[list[Any]]] = {}
        for q in quotes:
            if q["speaker_id"] is not None:
                held.setdefault(q["speaker_id"], []).append([q["doc_id"], q["id"]])
        speakers: list[dict[str, Any]] = [
            {
                "id": e.id,
                "name": e.name,
                "kind": e.kind.value,
                "aliases": list(e.aliases),
                "roles": list(e.roles),
                "handles": list(e.handles),
                "doc_ids": list(e.doc_ids),
                "n_quotes": e.n_quotes,
                "links": [
                    [link.doc_id, link.name, list(link.roles), link.method, link.probability, list(link.evidence)]
                    for link in e.links
                ],
                "quotes": held.get(e.id, []),
            }
            for e in bank.speakers
        ]
        speakers.sort(key=lambda e: (int(e["id"][1:]), e["name"]))
        quotations = [q.to_dict(extras=True) for q in bank.quotations]
        quotations.sort(key=lambda q: q["quoteID"])
        return {"quotes": quotes, "speakers": speakers, "quotations": quotations}
    finally:
        bank.close()


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
    snapshot["bank"] = bank_outputs(nlp, docs)
    data = json.dumps(snapshot, sort_keys=True, ensure_ascii=False, indent=1).encode("utf-8")
    args.out.write_bytes(data)
    print(f"{len(docs)} documents, sha256 {hashlib.sha256(data).hexdigest()}  {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
