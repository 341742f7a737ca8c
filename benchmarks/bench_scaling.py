"""How the cost of one document grows with its length, for quotebank and for the parse alone.

Run from the repository root:

    .venv/bin/python benchmarks/bench_scaling.py                        # 10^4, 10^5, 10^6 characters, every shape
    .venv/bin/python benchmarks/bench_scaling.py --max-size 100000      # skip 10^6 on a busy machine
    .venv/bin/python benchmarks/bench_scaling.py --shapes real,points --timeout 600

Shapes, each built at (about) the size asked, always in one document:

* ``real``: the PolNeAR dev articles joined by blank lines (repeated as needed), cut at a paragraph break;
* ``points``: many short quoted paragraphs, ``"\\n\\n".join(f"“Point {i},” she said." for i in range(n))``;
* ``sentence``: one very long sentence: the dev articles' words without sentence punctuation, one final period;
* ``links``: ``"http://a" * k + " end.\\n\\n— Jane Doe (@janedoe) January 8, 2020"`` (a post signature after a
  run of links: the shape that made ``detect._TRAILING_LINK`` exponential);
* ``tag``: ``"<a" + " " * k + "“We are ready,” Jane Doe said."`` (an unclosed tag: ``detect._TAG`` was cubic);
* ``newlines``: ``"<p" + "\\n" * k``.

Each (shape, size) is measured twice, each time in a fresh process forked from the one that loaded the pipeline
(so that one run's memory, kept by the allocator, does not hide the next one's, and a run past ``--timeout`` can be
stopped):

* ``parse``: ``nlp(text)`` on :func:`quotebank.load`'s pipeline with quotebank's components disabled
  (``quotebank`` and ``quotebank_paragraphs``): what the spaCy parse alone costs;
* ``quotebank``: ``quotebank.extract(text, nlp=nlp)``: the whole pipeline, quotebank's components, the chunking of
  texts longer than :func:`quotebank.api.piece_limit` and the Quote objects.

Figures: CPU seconds of the run (steadier than wall-clock time on a shared machine); peak memory as the growth of
the resident set during the run (``VmHWM`` after the run minus ``VmRSS`` before it, the high-water mark reset
through ``/proc/self/clear_refs``), in MB; ``ratio``: quotebank's CPU time over the parse's (the target of issue 16
is at most 1.5 at every size and shape). A run stopped by the timeout shows ``>T``; the larger sizes of that shape
are then skipped.

This is a benchmark, not a test: it prints figures and never fails.
"""

from __future__ import annotations

import argparse
import multiprocessing
import re
import sys
import time
from collections.abc import Callable
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DOCS = next(
    (p for p in (ROOT.parent / "shared", ROOT.parent.parent / "shared") if p.is_dir()), ROOT.parent / "shared"
) / ("eval/polnear_dev/docs")
SIZES = (10_000, 100_000, 1_000_000)
TARGET_RATIO = 1.5
SIGNATURE = " end.\n\n— Jane Doe (@janedoe) January 8, 2020"


# --------------------------------------------------------------------------- texts


def _articles(docs: Path) -> str:
    texts = [p.read_text(encoding="utf-8").strip() for p in sorted(docs.glob("*.txt"))]
    if not texts:
        sys.exit(f"no .txt files in {docs}")
    return "\n\n".join(texts)


def real(size: int, articles: str) -> str:
    text = articles
    while len(text) < size:
        text = text + "\n\n" + articles
    cut = text.rfind("\n\n", 0, size)
    return text[:cut] if cut > size // 2 else text[:size]


def points(size: int, _articles: str) -> str:
    parts: list[str] = []
    length = -2
    while length + 2 + len(f"“Point {len(parts)},” she said.") <= size:
        parts.append(f"“Point {len(parts)},” she said.")
        length += 2 + len(parts[-1])
    return "\n\n".join(parts)


def sentence(size: int, articles: str) -> str:
    words = re.sub(r"[.!?;:\"“”‘’()\[\]\s]+", " ", articles).strip()
    while len(words) < size:
        words = words + " " + words
    body = words[: size - 1].rsplit(" ", 1)[0]
    return body + "."


def links(size: int, _articles: str) -> str:
    return "http://a" * max(1, (size - len(SIGNATURE)) // len("http://a")) + SIGNATURE


def tag(size: int, _articles: str) -> str:
    tail = "“We are ready,” Jane Doe said."
    return "<a" + " " * max(1, size - 2 - len(tail)) + tail


def newlines(size: int, _articles: str) -> str:
    return "<p" + "\n" * max(1, size - 2)


SHAPES: dict[str, Callable[[int, str], str]] = {
    "real": real,
    "points": points,
    "sentence": sentence,
    "links": links,
    "tag": tag,
    "newlines": newlines,
}


# --------------------------------------------------------------------------- one measurement, in a forked process


def _status(field: str) -> float:
    """A field of /proc/self/status (``VmRSS``, ``VmHWM``) in MB."""
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith(field + ":"):
                return int(line.split()[1]) / 1024
    return float("nan")


def _reset_peak() -> bool:
    try:
        with open("/proc/self/clear_refs", "w", encoding="ascii") as refs:
            refs.write("5")  # resets VmHWM to the current resident set
    except OSError:
        return False
    return True


def _measure(conn: Connection, nlp: Any, mode: str, text: str) -> None:
    import quotebank

    reset = _reset_peak()
    before = _status("VmRSS")
    start_cpu, start_wall = time.process_time(), time.perf_counter()
    if mode == "parse":
        disabled = [name for name in ("quotebank", "quotebank_paragraphs") if name in nlp.pipe_names]
        with nlp.select_pipes(disable=disabled):
            doc = nlp(text)
        found = len(doc)
    else:
        found = len(quotebank.extract(text, nlp=nlp))
    cpu, wall = time.process_time() - start_cpu, time.perf_counter() - start_wall
    peak = _status("VmHWM") - (before if reset else 0.0)
    conn.send({"cpu": cpu, "wall": wall, "mb": peak, "count": found})
    conn.close()


def measure(nlp: Any, mode: str, text: str, timeout: float) -> dict[str, Any] | None:
    """One run in a forked process; None when it did not end within ``timeout`` seconds (it is then killed)."""
    context = multiprocessing.get_context("fork")
    here, there = context.Pipe(duplex=False)
    process = context.Process(target=_measure, args=(there, nlp, mode, text))
    process.start()
    there.close()
    result = here.recv() if here.poll(timeout) else None
    if result is None:
        process.kill()
    process.join()
    return result


# --------------------------------------------------------------------------- the table


def _cell(result: dict[str, Any] | None, key: str, timeout: float) -> str:
    if result is None:
        return f">{timeout:.0f}" if key == "cpu" else "-"
    value = result[key]
    return f"{value:.2f}" if key == "cpu" else f"{value:.0f}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=Path, default=DEFAULT_DOCS, help="the articles of the 'real' shape")
    parser.add_argument("--model", default=None, help="spaCy pipeline (default: quotebank.load()'s)")
    parser.add_argument("--max-size", type=int, default=max(SIZES), help="largest size measured (characters)")
    parser.add_argument("--shapes", default=",".join(SHAPES), help=f"comma-separated, among {', '.join(SHAPES)}")
    parser.add_argument("--timeout", type=float, default=300.0, help="seconds after which a run is stopped")
    args = parser.parse_args(argv)
    shapes = [s.strip() for s in args.shapes.split(",") if s.strip()]
    unknown = [s for s in shapes if s not in SHAPES]
    if unknown:
        parser.error(f"unknown shape(s) {unknown}; choose among {list(SHAPES)}")
    sizes = [s for s in SIZES if s <= args.max_size]

    import quotebank
    from quotebank.api import piece_limit

    nlp = quotebank.load(args.model)
    quotebank.extract("“Warm up,” she said.", nlp=nlp)
    articles = _articles(args.docs)
    print(f"pipeline {nlp.meta.get('name')} {nlp.meta.get('version')}: {', '.join(nlp.pipe_names)}")
    print(f"pieces of at most {piece_limit(nlp):,} characters; timeout {args.timeout:.0f} s per run")
    print("CPU seconds; peak MB: growth of the resident set during the run; ratio: quotebank / parse CPU time")
    print()
    header = ["shape", "chars", "parse s", "parse MB", "quotebank s", "quotebank MB", "ratio", "quotes"]
    print("| " + " | ".join(header) + " |")
    print("|" + "|".join(" --- " for _ in header) + "|")
    worst = 0.0
    for shape in shapes:
        for size in sizes:
            text = SHAPES[shape](size, articles)
            parse = measure(nlp, "parse", text, args.timeout)
            extract = measure(nlp, "quotebank", text, args.timeout)
            ratio = "-"
            if parse is not None and extract is not None and parse["cpu"] > 0:
                value = extract["cpu"] / parse["cpu"]
                worst = max(worst, value)
                ratio = f"{value:.2f}"
            cells = [
                shape,
                f"{len(text):,}",
                _cell(parse, "cpu", args.timeout),
                _cell(parse, "mb", args.timeout),
                _cell(extract, "cpu", args.timeout),
                _cell(extract, "mb", args.timeout),
                ratio,
                str(extract["count"]) if extract is not None else "-",
            ]
            print("| " + " | ".join(cells) + " |", flush=True)
            if parse is None or extract is None:
                break  # the larger sizes of this shape would only take longer
    print()
    verdict = "met" if worst <= TARGET_RATIO else "not met"
    print(f"worst ratio quotebank/parse among finished runs: {worst:.2f} (target <= {TARGET_RATIO}: {verdict})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
