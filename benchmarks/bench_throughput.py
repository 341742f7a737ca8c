"""Throughput of quotebank against the bare spaCy pipeline and textacy's quotation extractor.

Run from the repository root (the default corpus is the 84 PolNeAR dev articles):

    .venv/bin/python benchmarks/bench_throughput.py
    .venv/bin/python benchmarks/bench_throughput.py --docs DIR --repeat 5 --batch-size 16 --model en_core_web_sm
    .venv/bin/python benchmarks/bench_throughput.py --profile   # where quotebank's own time goes (pyinstrument)

How it measures:

* Speed: one process loads the pipeline, warms it up, then runs every configuration once per round, for
  ``--repeat`` rounds, interleaved (so that load from other programs hits them alike), and keeps each one's
  fastest round. CPU seconds (this process and its workers) are printed next to wall-clock seconds: on a busy
  machine they are the steadier figure, and the ratios are given for both.
* Memory: each of the bare pipeline, ``extract_many`` and ``extract_many(n_process=2)`` runs once more in a
  fresh process; its peak resident set size (``VmHWM``) is printed, and for ``n_process=2`` that of the largest
  worker too (``ru_maxrss``; the workers are forked, so the pages they share with the main process count in both).
* Words are whitespace-separated words of the input.

Configurations, all on the same spaCy model (``--model``, by default the one :func:`quotebank.load` picks):

* ``spacy`` is ``nlp.pipe`` on the stock pipeline, ``spacy.load(model)``: what a user who only parses pays;
* ``textacy`` is the same stock parse followed by ``textacy.extract.triples.direct_quotations`` on every Doc;
* ``spacy, quotebank's fast components`` is ``nlp.pipe`` on the pipeline of :func:`quotebank.load` with the
  quotebank component disabled: the same parse with the attribute ruler and lemmatizer of
  :mod:`quotebank.fastpipes` (and the paragraph-break step), so the reader sees how much of quotebank's speed
  comes from there. The parse is identical to the stock one: ``tests/test_fastpipes.py`` checks tags, parts of
  speech, morphology, lemmas, dependencies, heads, entities and quotes on the seed articles;
* ``quotebank`` is ``quotebank.extract_many`` on :func:`quotebank.load` (parse, quotebank component, Quote
  objects); ``... n=2`` the same with ``n_process=2`` (quotebank's own worker processes), and ``spacy n=2`` the
  stock ``nlp.pipe(n_process=2)``.

"extractor alone" times each extractor on Docs parsed beforehand.

This is a benchmark, not a test: it prints figures and says whether each target is met; it never fails.
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import resource
import subprocess
import sys
import time
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DOCS = ROOT.parent / "shared" / "eval" / "polnear_dev" / "docs"

TARGET_OVERHEAD = 1.25
TARGET_SPEEDUP = 1.6


def _texts(docs: Path) -> list[str]:
    paths = sorted(docs.glob("*.txt"))
    if not paths:
        raise SystemExit(f"no .txt files in {docs}")
    return [p.read_text(encoding="utf-8") for p in paths]


def _textacy_quotes(doc: Any) -> int:
    """The number of textacy's direct quotations in ``doc``; -1 when it gives up (it raises on unbalanced marks)."""
    from textacy.extract.triples import direct_quotations

    try:
        return len(list(direct_quotations(doc)))
    except ValueError:
        return -1


def _clock() -> tuple[float, float]:
    t = os.times()
    return time.perf_counter(), t.user + t.system + t.children_user + t.children_system


def _consume(items: Iterable[Any]) -> None:
    for _ in items:
        pass


def _model_name(model: str | None) -> str:
    """The model quotebank.load(model) loads: the one named, else $QUOTEBANK_MODEL, else the first one installed."""
    import spacy

    import quotebank

    named = model or os.environ.get(quotebank.MODEL_ENV_VAR)
    if named:
        return named
    return next((m for m in quotebank.DEFAULT_MODELS if spacy.util.is_package(m)), quotebank.DEFAULT_MODELS[0])


def _pipelines(model: str | None, which: Iterable[str] = ("quotebank", "stock")) -> dict[str, Any]:
    """quotebank's pipeline and/or the stock pipeline of the same model."""
    import spacy

    import quotebank

    name = _model_name(model)
    loaders = {"quotebank": lambda: quotebank.load(name), "stock": lambda: spacy.load(name)}
    return {kind: loaders[kind]() for kind in which}


def _runs(pipelines: dict[str, Any], texts: list[str], batch_size: int) -> dict[str, Callable[[], Any]]:
    import quotebank

    nlp, stock = pipelines.get("quotebank"), pipelines.get("stock")

    def textacy() -> None:
        for doc in stock.pipe(texts, batch_size=batch_size):
            _textacy_quotes(doc)

    return {
        "spacy": lambda: _consume(stock.pipe(texts, batch_size=batch_size)),
        "textacy": textacy,
        "spacy, quotebank's fast components": lambda: _consume(
            nlp.pipe(texts, disable=["quotebank"], batch_size=batch_size)
        ),
        "quotebank": lambda: _consume(quotebank.extract_many(texts, nlp=nlp, batch_size=batch_size)),
        "spacy n=2": lambda: _consume(stock.pipe(texts, batch_size=batch_size, n_process=2)),
        "quotebank n=2": lambda: _consume(quotebank.extract_many(texts, nlp=nlp, batch_size=batch_size, n_process=2)),
    }


def _vm_hwm_mb() -> float:
    """Peak resident set size of this process (``VmHWM``; unlike ``ru_maxrss`` it is not inherited across exec)."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # pragma: no cover - not Linux


def _memory_worker(mode: str, docs: Path, batch_size: int, model: str | None) -> dict[str, float]:
    texts = _texts(docs)
    # Only the pipeline the mode uses is loaded: the peak is that of a program that runs this configuration alone.
    _runs(_pipelines(model, ["stock" if mode.startswith("spacy") else "quotebank"]), texts, batch_size)[mode]()
    # The workers of n_process=2 are forked from this process: their peak includes the pages they share with it.
    return {"main_mb": _vm_hwm_mb(), "worker_mb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024}


def _peak_memory(mode: str, args: argparse.Namespace) -> dict[str, float]:
    command = [sys.executable, __file__, "--memory-worker", mode, "--docs", str(args.docs)]
    command += ["--batch-size", str(args.batch_size)] + (["--model", args.model] if args.model else [])
    out = subprocess.run(command, capture_output=True, text=True, check=False)
    if out.returncode != 0:
        raise SystemExit(f"the {mode!r} memory run failed:\n{out.stderr}")
    return dict(json.loads(out.stdout.strip().splitlines()[-1]))


def _profile(nlp: Any, texts: list[str], batch_size: int) -> None:
    try:
        from pyinstrument import Profiler
    except ImportError:
        raise SystemExit("--profile needs pyinstrument: .venv/bin/pip install pyinstrument") from None
    import quotebank

    parsed = list(nlp.pipe(texts, disable=["quotebank"], batch_size=batch_size))
    component = nlp.get_pipe("quotebank")
    profiler = Profiler(interval=0.001)
    with profiler:
        for doc in parsed:
            component(doc)
    print("== the quotebank component on parsed Docs")
    print(profiler.output_text(unicode=True, color=False))
    profiler = Profiler(interval=0.001)
    with profiler:
        _consume(quotebank.extract_many(texts, nlp=nlp, batch_size=batch_size))
    print("== extract_many, end to end")
    print(profiler.output_text(unicode=True, color=False))


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--docs", type=Path, default=DEFAULT_DOCS, help="a directory of .txt articles")
    parser.add_argument("--model", help="the spaCy model (default: the one quotebank.load() picks)")
    parser.add_argument("--repeat", type=int, default=3, help="rounds; each configuration's fastest is kept")
    parser.add_argument(
        "--batch-size",
        type=int,
        default=4,
        help="nlp.pipe batch size for every configuration (default 4: spaCy deals batches to its workers in turn, so "
        "84 documents need small batches to keep two workers equally busy)",
    )
    parser.add_argument("--no-memory", action="store_true", help="skip the peak-memory runs")
    parser.add_argument("--profile", action="store_true", help="profile quotebank (pyinstrument) instead")
    parser.add_argument("--memory-worker", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    logging.getLogger("quotebank").setLevel(logging.ERROR)  # the notices of 84 articles are not the point here

    if args.memory_worker:
        print(json.dumps(_memory_worker(args.memory_worker, args.docs, args.batch_size, args.model)))
        return

    import spacy

    import quotebank

    texts = _texts(args.docs)
    words = sum(len(t.split()) for t in texts)
    pipelines = _pipelines(args.model)
    nlp = pipelines["quotebank"]
    if args.profile:
        _profile(nlp, texts, args.batch_size)
        return

    print(f"corpus: {len(texts)} documents, {words:,} words, {sum(map(len, texts)):,} characters ({args.docs})")
    print(
        f"python {sys.version.split()[0]}, spaCy {spacy.__version__}, pipeline {nlp.meta.get('name')} "
        f"{nlp.meta.get('version')}, {os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.2f}; "
        f"batch size {args.batch_size}, best of {args.repeat} rounds\n"
    )
    runs = _runs(pipelines, texts, args.batch_size)
    # Warm-up: first-use costs (lexicons, caches) are not throughput. It also fills the memo of quotebank's fast
    # lemmatizer for this corpus, as spaCy's lemmatizer fills its own cache in the textacy warm-up.
    runs["quotebank"]()
    runs["textacy"]()
    best: dict[str, tuple[float, float]] = {}
    names = list(runs)
    for round_number in range(args.repeat):
        # Each round starts with another configuration, so that a drift in the machine's load hits them alike.
        shift = round_number % len(names)
        for name in names[shift:] + names[:shift]:
            run = runs[name]
            wall0, cpu0 = _clock()
            run()
            wall1, cpu1 = _clock()
            best[name] = min(best.get(name, (float("inf"), 0.0)), (wall1 - wall0, cpu1 - cpu0))

    print(f"{'configuration':<36} {'wall s':>7} {'words/s':>9} {'CPU s':>7} {'words/CPU s':>12}")
    for name in names:
        wall, cpu = best[name]
        print(f"{name:<36} {wall:7.2f} {words / wall:9,.0f} {cpu:7.2f} {words / cpu:12,.0f}")

    parsed = list(nlp.pipe(texts, disable=["quotebank"], batch_size=args.batch_size))
    component = nlp.get_pipe("quotebank")
    alone: dict[str, float] = {}
    for _ in range(args.repeat):
        for name, extract in (("textacy", _textacy_quotes), ("quotebank", component)):
            cpu0 = time.process_time()
            for doc in parsed:
                extract(doc)
            alone[name] = min(alone.get(name, float("inf")), time.process_time() - cpu0)
    gave_up = sum(_textacy_quotes(d) < 0 for d in parsed)
    found = sum(len(e.quotes) for e in quotebank.extract_many(texts, nlp=nlp))
    print(
        f"\nextractor alone on the same parse (CPU s): quotebank component {alone['quotebank']:.2f}, "
        f"textacy direct_quotations {alone['textacy']:.2f} (it raised on {gave_up} of {len(texts)} documents)"
    )
    print(f"quotes found by quotebank: {found}")

    def ratio(a: str, b: str, index: int) -> float:
        return best[a][index] / best[b][index]

    def mark(ok: bool) -> str:
        return "met" if ok else "NOT met"

    fast = "spacy, quotebank's fast components"
    overhead = (ratio("quotebank", "spacy", 0), ratio("quotebank", "spacy", 1))
    textacy = (ratio("textacy", "quotebank", 0), ratio("textacy", "quotebank", 1))
    speedup = ratio("quotebank", "quotebank n=2", 0)
    print()
    print(
        f"quotebank overhead over bare nlp.pipe (stock pipeline): {overhead[0]:.2f}x wall, {overhead[1]:.2f}x CPU "
        f"(target <= {TARGET_OVERHEAD}x: {mark(overhead[1] <= TARGET_OVERHEAD)} on CPU, "
        f"{mark(overhead[0] <= TARGET_OVERHEAD)} on wall)"
    )
    print(
        f"  over the same parse with quotebank's fast components: {ratio('quotebank', fast, 0):.2f}x wall, "
        f"{ratio('quotebank', fast, 1):.2f}x CPU; from the parts (that parse's CPU + component alone): "
        f"{(best[fast][1] + alone['quotebank']) / best[fast][1]:.2f}x"
    )
    print(
        f"  the fast components alone: the parse takes {ratio(fast, 'spacy', 1):.2f}x the stock pipeline's CPU "
        f"({ratio(fast, 'spacy', 0):.2f}x wall)"
    )
    print(
        f"speed of quotebank relative to spaCy + textacy (stock pipeline): {textacy[0]:.2f}x wall, "
        f"{textacy[1]:.2f}x CPU (target >= 1x: {mark(textacy[1] >= 1)} on CPU, {mark(textacy[0] >= 1)} on wall)"
    )
    print(
        f"n_process=2 over n_process=1 (wall): quotebank {speedup:.3f}x "
        f"(target >= {TARGET_SPEEDUP}x: {mark(speedup >= TARGET_SPEEDUP)}), bare spaCy "
        f"{ratio('spacy', 'spacy n=2', 0):.2f}x"
    )
    if not args.no_memory:
        peaks = {mode: _peak_memory(mode, args) for mode in ("spacy", "quotebank", "quotebank n=2")}
        print(
            "peak memory (RSS): "
            + ", ".join(f"{mode} {p['main_mb']:.0f} MB" for mode, p in peaks.items())
            + f" (+ {peaks['quotebank n=2']['worker_mb']:.0f} MB for the largest worker, shared pages included)"
        )
    print(f"load average at the end: {os.getloadavg()[0]:.2f}")


if __name__ == "__main__":
    main()
