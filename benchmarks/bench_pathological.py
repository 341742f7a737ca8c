"""Inputs that once made detection take seconds to minutes, timed against a generous bound.

Each case is a short document built to make a regular expression or a loop of
the detector backtrack or rescan (issue #16), or a long one that shows whether a
step grows faster than the text. Run from the repository root::

    python benchmarks/bench_pathological.py            # the detector's cases (no parse), and the paragraph step
    python benchmarks/bench_pathological.py --extract  # also the whole extract() on each short case

It prints the CPU seconds of each case next to its bound and says ``ok`` or
``SLOW``; it exits 1 when a case is over its bound. The bounds are many times the
linear cost so that a loaded machine does not trip them; the behaviour they
guard against is exponential or cubic, which overshoots them by orders of
magnitude.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable
from pathlib import Path

import spacy

import quotebank
from quotebank.detect import find_quotations
from quotebank.paragraphs import mark_paragraph_starts

ROOT = Path(__file__).resolve().parent.parent
# The shared dev data sits beside the repository (or beside the folder of work trees that holds it).
EVAL = next((p / "shared" / "eval" for p in ROOT.parents if (p / "shared" / "eval").is_dir()), ROOT / "eval")
DEV_DOCS = (EVAL / "polnear_dev" / "docs", EVAL / "bbc_dev" / "docs")

SIGNATURE = " end.\n\n— Jane Doe (@janedoe) January 8, 2020"

# (name, text, bound in CPU seconds for find_quotations)
CASES: list[tuple[str, str, float]] = [
    ("trailing links, 24 glued (was 14.7 s)", "http://a" * 24 + SIGNATURE, 0.5),
    ("trailing links, 2,000 glued", "http://a" * 2000 + SIGNATURE, 0.5),
    ("trailing links, 2,000 spaced before a word", "http://a " * 2000 + "end" + SIGNATURE, 0.5),
    ("open tag + 800 spaces (was 3.2 s)", "<a" + " " * 800 + "“We are ready,” Jane Doe said.", 0.5),
    ("open tag + 1,600 newlines (was 23 s)", "<p" + "\n" * 1600, 0.5),
    ("open tag + 100,000 spaces", "<p" + " " * 100_000 + "x", 0.5),
    ("10,000 unclosed tags", "<a b " * 10_000, 0.5),
    ("10,000 tags between quotes", "<b>“x” " * 10_000, 1.0),
    ("10,000 signatures", "Post.\n— Jane Doe (@jd) January 8, 2020\n" * 10_000, 2.0),
    ("10,000 open single marks, then possessives", "‘a " * 10_000 + "Simmons' " * 10_000, 1.0),
    ("10,000 open single marks, then double quotes", "‘x " * 10_000 + "“y” " * 10_000, 1.0),
    ("10,000 one-line quotes", "\n\n".join(f"“Point {i},” she said." for i in range(10_000)), 2.0),
]


def cpu_seconds(fn: Callable[[], object]) -> float:
    start = time.process_time()
    fn()
    return time.process_time() - start


def long_text(limit: int = 1_000_000) -> str:
    """Dev articles joined with blank lines up to ``limit`` characters (repeated when there are too few)."""
    texts = [p.read_text(encoding="utf-8") for d in DEV_DOCS if d.exists() for p in sorted(d.glob("*.txt"))]
    texts = texts or [p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt"))]
    out: list[str] = []
    size = 0
    while size < limit:
        for text in texts:
            out.append(text)
            size += len(text) + 2
            if size >= limit:
                break
    return "\n\n".join(out)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--extract", action="store_true", help="also time quotebank.extract on the short cases")
    parser.add_argument("--chars", type=int, default=1_000_000, help="length of the long text for the paragraph step")
    args = parser.parse_args(argv)
    slow = 0
    print(f"{'case':48} {'chars':>9} {'CPU s':>8} {'bound':>7}")
    for name, text, bound in CASES:
        seconds = cpu_seconds(lambda text=text: find_quotations(text))  # type: ignore[misc]
        slow += seconds > bound
        print(f"{name:48} {len(text):9,} {seconds:8.3f} {bound:7.1f} {'ok' if seconds <= bound else 'SLOW'}")

    # The paragraph step on a long document: tokenizing is linear; the step must cost a fraction of it.
    text = long_text(args.chars)
    nlp = spacy.blank("en")
    nlp.max_length = max(nlp.max_length, len(text) + 1)
    tok_start = time.process_time()
    doc = nlp.make_doc(text)
    tokenize = time.process_time() - tok_start
    seconds = cpu_seconds(lambda: mark_paragraph_starts(doc))
    bound = max(1.0, 2 * tokenize)
    slow += seconds > bound
    label = f"mark_paragraph_starts, {len(doc):,} tokens"
    print(f"{label:48} {len(text):9,} {seconds:8.3f} {bound:7.1f} {'ok' if seconds <= bound else 'SLOW'}")
    print(f"{'  (tokenizing the same text)':48} {len(text):9,} {tokenize:8.3f}")

    if args.extract:
        nlp = quotebank.load()
        for name, text, bound in CASES[:6]:
            seconds = cpu_seconds(lambda text=text: quotebank.extract(text, nlp=nlp))  # type: ignore[misc]
            extract_bound = bound + 2.0 + len(text) / 20_000  # the parse of the text itself
            slow += seconds > extract_bound
            verdict = "ok" if seconds <= extract_bound else "SLOW"
            print(f"extract: {name:39} {len(text):9,} {seconds:8.3f} {extract_bound:7.1f} {verdict}")
    print("all within bounds" if not slow else f"{slow} case(s) over their bound")
    return 1 if slow else 0


if __name__ == "__main__":
    sys.exit(main())
