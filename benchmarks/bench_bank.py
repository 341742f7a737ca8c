"""How fast articles go into a QuoteBank, and how much memory it takes.

Run from the repository root (the default corpus is the 84 PolNeAR dev articles):

    .venv/bin/python benchmarks/bench_bank.py
    .venv/bin/python benchmarks/bench_bank.py --docs DIR --batch-size 16 --n-process 2 --memory --compare

The pipeline is loaded and warmed up (one article) before the clock starts. Then every article goes in with
``bank.add_many`` into a fresh SQLite bank in a temporary directory (``--memory``: in memory), one transaction
per article, speakers linked and quotations merged as each article comes in; then the first read (``bank.quotes``),
timed apart; then the exports. ``--compare`` first times ``quotebank.batch.extract_many`` alone on the same articles
(no bank), to show what the bank itself adds. Peak memory is the process's peak resident set (ru_maxrss, the
spaCy model included; with ``--n-process`` > 1, plus the largest worker), next to the resident set once the
model was loaded. The extraction notices (unbalanced quotation marks...) are silenced.

This is a benchmark, not a test: it prints figures and never fails.
"""

from __future__ import annotations

import argparse
import io
import logging
import os
import resource
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DOCS = ROOT.parent / "shared" / "eval" / "polnear_dev" / "docs"


def _rss_mb() -> float:
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return float("nan")  # pragma: no cover - not Linux


def _peak_mb() -> float:
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return own + children


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=Path, default=DEFAULT_DOCS, help="a directory of .txt articles")
    parser.add_argument("--batch-size", type=int, default=32)
    parser.add_argument("--n-process", type=int, default=1)
    parser.add_argument("--memory", action="store_true", help="an in-memory bank instead of an SQLite file")
    parser.add_argument("--compare", action="store_true", help="also time extract_many alone, without a bank")
    args = parser.parse_args(argv)
    logging.getLogger("quotebank").setLevel(logging.ERROR)

    import quotebank
    from quotebank.textnorm import quote_key

    paths = sorted(args.docs.glob("*.txt"))
    if not paths:
        raise SystemExit(f"no .txt files in {args.docs}")
    nlp = quotebank.load()
    quotebank.extract(paths[0].read_text(encoding="utf-8"), nlp=nlp)  # warm-up (and textacy's import)
    quote_key("warm up")
    loaded_mb = _rss_mb()

    def records():  # read lazily, as a real feed would be
        for p in paths:
            yield {"doc_id": p.name, "text": p.read_text(encoding="utf-8"), "source": p.name.split("_", 1)[0]}

    alone = None
    if args.compare:
        from quotebank.batch import extract_many

        t0 = time.perf_counter()
        for _ in extract_many(records(), nlp=nlp, batch_size=args.batch_size, n_process=args.n_process):
            pass
        alone = time.perf_counter() - t0

    with tempfile.TemporaryDirectory() as tmp:
        path = ":memory:" if args.memory else os.path.join(tmp, "bank.sqlite")
        with quotebank.QuoteBank(path, nlp=nlp) as bank:
            t0 = time.perf_counter()
            stats = bank.add_many(records(), batch_size=args.batch_size, n_process=args.n_process, progress=False)
            added = time.perf_counter() - t0

            t0 = time.perf_counter()
            quotes = bank.quotes
            linked = time.perf_counter() - t0

            t0 = time.perf_counter()
            quotations, speakers = bank.quotations, bank.speakers
            n_jsonl = bank.to_jsonl(io.StringIO()) + bank.to_quotebank_jsonl(io.StringIO())
            exported = time.perf_counter() - t0
            size_mb = 0.0 if args.memory else sum(f.stat().st_size for f in Path(tmp).iterdir()) / 2**20

    words = sum(len(p.read_text(encoding="utf-8").split()) for p in paths)
    merged = sum(1 for q in quotations if q.num_occurrences > 1)
    linked_across = sum(1 for s in speakers if len(s.doc_ids) > 1)
    print(f"bank                 {'memory' if args.memory else 'sqlite file'}")
    print(f"articles             {stats.added} added, {len(stats.failed)} failed ({words} words)")
    print(f"quotes               {len(quotes)} occurrences, {len(quotations)} quotations ({merged} merged)")
    print(f"speakers             {len(speakers)} entities ({linked_across} in more than one article)")
    print(f"add_many             {added:.2f} s  {stats.added / added:.1f} articles/s  {words / added:.0f} words/s")
    if alone is not None:
        print(f"extract_many alone   {alone:.2f} s  {len(paths) / alone:.1f} articles/s (no bank)")
    print(f"first read (quotes)  {linked * 1000:.0f} ms")
    print(f"quotations + export  {exported * 1000:.0f} ms ({n_jsonl} JSON lines)")
    print(f"peak memory          {_peak_mb():.0f} MB (resident after loading the model: {loaded_mb:.0f} MB)")
    if not args.memory:
        print(f"bank file            {size_mb:.2f} MB")


if __name__ == "__main__":
    main()
