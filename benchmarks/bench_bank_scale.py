"""How the bank scales: cost per article, reads and look-ups, memory and file size as the bank grows to N articles.

Run from the repository root:

    .venv/bin/python benchmarks/bench_bank_scale.py --articles 10000
    .venv/bin/python benchmarks/bench_bank_scale.py --articles 100000 --cache /tmp/qb_dev_quotes.json

No parsing is timed: the 84 PolNeAR dev articles are extracted once (cached as JSON in ``--cache``), then replicated
under new doc ids (``<doc>#<copy>``, each copy dated one day later, over about three years) and stored with
``bank.add_quotes`` into a fresh SQLite bank on disk, one transaction per article, as a long-running bank would get
them. The replicas repeat the same speakers and quotations, so entities and quotations grow in occurrences, not in
number: the case where a bank that re-linked everything would slow down most.

Printed: articles per second while adding; seconds per article over the first and the last 10 % of articles (and
their ratio); the time of one more ``add_quotes`` and of the first ``find`` after it; ``find`` latency (``limit=100``)
by speaker, role, channel, date range and words; peak resident memory (ru_maxrss); the file size; and the wall time
of ``quotebank bank query`` in a new process. This is a benchmark, not a test: it prints figures and never fails.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import logging
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DOCS = ROOT.parent / "shared" / "eval" / "polnear_dev" / "docs"
START = dt.date(2016, 1, 1)


def _extractions(docs: Path, cache: Path) -> list[dict[str, Any]]:
    if cache.exists():
        return list(json.loads(cache.read_text(encoding="utf-8")))
    import quotebank

    out = []
    for path in sorted(docs.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        quotes = quotebank.extract(text, doc_id=path.name)
        out.append({"doc_id": path.name, "text": text, "quotes": [q.to_dict() for q in quotes]})
    cache.write_text(json.dumps(out, ensure_ascii=False), encoding="utf-8")
    return out


def _ms(seconds: float) -> str:
    return f"{seconds * 1000:8.1f} ms"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--docs", type=Path, default=DEFAULT_DOCS)
    parser.add_argument("--cache", type=Path, default=Path(tempfile.gettempdir()) / "quotebank_dev_quotes.json")
    parser.add_argument("--db", type=Path, help="where to build the bank (default: a temporary directory)")
    parser.add_argument(
        "--queries-only", action="store_true", help="time the look-ups on the bank --db holds (built by a run before)"
    )
    args = parser.parse_args()
    logging.getLogger("quotebank").setLevel(logging.ERROR)

    from quotebank import Quote
    from quotebank.bank import QuoteBank

    base = _extractions(args.docs, args.cache)
    corpus = [(d["doc_id"], d["text"], [Quote.from_dict(q) for q in d["quotes"]]) for d in base]
    folder = Path(tempfile.mkdtemp(prefix="qb-scale-"))
    path = args.db or folder / "bank.sqlite"
    bank = QuoteBank.open(path)

    def article(i: int) -> tuple[str, str, list[Quote], str]:
        copy, (doc_id, text, quotes) = divmod(i, len(corpus))[0], corpus[i % len(corpus)]
        return f"{doc_id}#{copy}", text, quotes, (START + dt.timedelta(days=copy)).isoformat()

    n = args.articles
    if args.queries_only:
        n = max(0, len(bank) - 1)
    costs = [] if not args.queries_only else [float("nan")] * n
    started = time.perf_counter()
    for i in range(0 if args.queries_only else n):
        doc_id, text, quotes, date = article(i)
        t = time.perf_counter()
        bank.add_quotes(text, quotes, doc_id=doc_id, date=date)
        costs.append(time.perf_counter() - t)
        if (i + 1) % max(1, n // 10) == 0:
            print(
                f"  {i + 1:>7} articles, {statistics.fmean(costs[-max(1, n // 10) :]) * 1000:6.2f} ms/article",
                flush=True,
            )
    elapsed = time.perf_counter() - started
    tenth = max(1, n // 10)
    first, last = statistics.fmean(costs[:tenth]), statistics.fmean(costs[-tenth:])

    doc_id, text, quotes, date = article(n)
    t = time.perf_counter()
    bank.add_quotes(text, quotes, doc_id=doc_id + ("+" if args.queries_only else ""), date=date)
    one_more = time.perf_counter() - t
    t = time.perf_counter()
    after = bank.find(speaker="Trump", limit=100)
    first_read = time.perf_counter() - t

    copies = n // len(corpus)
    queries = {
        "speaker": {"speaker": "Donald Trump"},
        "role": {"role": "presidential nominee"},
        "channel": {"channel": "tweet"},
        "date range": {
            "since": (START + dt.timedelta(days=copies // 4)).isoformat(),
            "until": (START + dt.timedelta(days=copies // 2)).isoformat(),
        },
        "text": {"text": "i think"},
        "speaker+channel": {"speaker": "Clinton", "channel": "statement"},
    }
    latencies = {}
    for name, query in queries.items():
        times, found = [], 0
        for _ in range(5):
            t = time.perf_counter()
            found = len(bank.find(**query, limit=100))
            times.append(time.perf_counter() - t)
        latencies[name] = (statistics.median(times), found)
    # Issue 16's pathological inputs: a 40,000-letter word, a 20,000-letter name, a 12,000-word text query.
    pathological = {}
    long_word = "A" * 40_000
    t = time.perf_counter()
    bank.add_quotes(
        f"“{long_word}”", [Quote(id="q0", text=long_word, start=1, end=40_001)], doc_id="long-word", replace=True
    )
    pathological["add a 40,000-letter quote"] = time.perf_counter() - t
    for name, query in (
        ("find(speaker='x' * 20000)", {"speaker": "x" * 20_000}),
        ("find(text='word ' * 12000)", {"text": "word " * 12_000}),
    ):
        t = time.perf_counter()
        bank.find(**query)
        pathological[name] = time.perf_counter() - t
    bank.close()

    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    t = time.perf_counter()
    cli = subprocess.run(
        [sys.executable, "-m", "quotebank", "bank", "query", "--db", str(path), "--speaker", "Trump", "--limit", "10"],
        capture_output=True,
        env=env,
        check=False,
    )
    cli_time = time.perf_counter() - t
    # The same query with the bank package alone (what `bank query` costs once quotebank's imports are lazy).
    alone = (
        "import sys, types; p = types.ModuleType('quotebank'); p.__path__ = [sys.argv[1] + '/quotebank']; "
        "sys.modules['quotebank'] = p; from quotebank.bank import QuoteBank; "
        "b = QuoteBank.open(sys.argv[2], read_only=True); print(len(b.find(speaker='Trump', limit=10)))"
    )
    t = time.perf_counter()
    subprocess.run([sys.executable, "-c", alone, str(ROOT), str(path)], capture_output=True, check=False)
    alone_time = time.perf_counter() - t

    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    size_mb = sum(p.stat().st_size for p in path.parent.glob(path.name + "*")) / 1e6
    print()
    print(f"articles                         {n:>10}")
    if not args.queries_only:
        print(f"adding                           {n / elapsed:10.1f} articles/s ({elapsed:.1f} s)")
        print(f"first 10 % of articles           {first * 1000:10.2f} ms/article")
        print(f"last 10 % of articles            {last * 1000:10.2f} ms/article  (x{last / first:.2f} the first)")
    print(f"one more add                     {_ms(one_more)}")
    print(f"first find after it              {_ms(first_read)}  ({len(after)} quotes)")
    for name, (latency, found) in latencies.items():
        print(f"find by {name:<24} {_ms(latency)}  ({found} quotes, limit 100)")
    for name, seconds in pathological.items():
        print(f"{name:<32} {_ms(seconds)}")
    print(f"peak RSS                         {peak_mb:10.1f} MB")
    print(f"file size                        {size_mb:10.1f} MB")
    status = "ok" if cli.returncode == 0 else f"exit {cli.returncode}: {cli.stderr.decode()[-300:]}"
    print(f"quotebank bank query (process)   {cli_time:10.2f} s  ({status})")
    print(f"the same, bank package alone     {alone_time:10.2f} s  (no spaCy, no textacy)")


if __name__ == "__main__":
    main()
