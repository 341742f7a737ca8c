"""How quotebank's own time grows with the text, beside the parse, for the shapes that were quadratic (issue #16).

Run from the repository root::

    python benchmarks/bench_sentence_scaling.py                      # every shape at sizes x1, x2, x4
    python benchmarks/bench_sentence_scaling.py --shapes cues --scale 2  # x2, x4, x8

Shapes, each one document:

* ``cues``: one long sentence of reports, ``" and ".join(f"officials said the plan {i} was late" ...)``: the parser
  nests each report in the content of the one before, so that a walk up the tree or over the rest of a content
  is as long as the sentence;
* ``sentence``: one paragraph of the PolNeAR dev articles' words, punctuation left out but for one final period
  (when the dev data is not beside the repository: a stand-in text);
* ``points``: ``"\\n\\n".join(f"“Point {i},” she said." ...)``: many short quoted paragraphs;
* ``oneline``: the same quotes in one paragraph, where the start of each clause is searched back along the line;
* ``real``: the dev articles joined by blank lines.

For each (shape, size) it prints the parse's CPU seconds (the pipeline with the ``quotebank`` component disabled),
the component's CPU seconds on that parsed Doc (``own``), their ratio (the target of issue #16 is at most 1.5), and the
component's growth over the previous size (about 2 for linear growth when the size doubles). This is a benchmark,
not a test: it prints figures and never fails.
"""

from __future__ import annotations

import argparse
import re
import time
from collections.abc import Callable
from pathlib import Path

import quotebank

ROOT = Path(__file__).resolve().parent.parent
DEV_DOCS = next(
    (p / "shared" / "eval" / "polnear_dev" / "docs" for p in ROOT.parents if (p / "shared" / "eval").is_dir()),
    ROOT / "eval" / "polnear_dev" / "docs",
)
STAND_IN = (
    "The senator said on Tuesday that the bill would pass, citing support from both parties, "
    "and officials warned that the cost would rise while critics called the plan a giveaway"
)


def _articles() -> str:
    texts = [p.read_text(encoding="utf-8").strip() for p in sorted(DEV_DOCS.glob("*.txt"))] if DEV_DOCS.is_dir() else []
    return "\n\n".join(texts) if texts else (STAND_IN + ". ") * 200


def cues(n: int) -> str:
    return " and ".join(f"officials said the plan {i} was late" for i in range(n)) + "."


def sentence(n: int) -> str:
    """About ``n`` words of the articles in one paragraph with one full stop."""
    words = re.sub(r"[.!?;:\"“”‘’()\[\]\s]+", " ", _articles()).split()
    while len(words) < n:
        words = words + words
    return " ".join(words[:n]) + "."


def points(n: int) -> str:
    return "\n\n".join(f"“Point {i},” she said." for i in range(n))


def oneline(n: int) -> str:
    return " ".join(f"“Point {i},” she said." for i in range(n))


def real(n: int) -> str:
    """The first ``n`` paragraphs of the articles (repeated as needed)."""
    paragraphs = [p for p in _articles().split("\n\n") if p.strip()]
    while len(paragraphs) < n:
        paragraphs = paragraphs + paragraphs
    return "\n\n".join(paragraphs[:n])


# (shape, text of size n, the sizes x1)
SHAPES: dict[str, tuple[Callable[[int], str], int]] = {
    "cues": (cues, 500),
    "sentence": (sentence, 5_000),
    "points": (points, 1_000),
    "oneline": (oneline, 1_000),
    "real": (real, 400),
}
TARGET_RATIO = 1.5


def measure(nlp: object, text: str) -> tuple[int, float, float]:
    """(tokens, parse CPU seconds, component CPU seconds)."""
    start = time.process_time()
    with nlp.select_pipes(disable=["quotebank"]):  # type: ignore[attr-defined]
        doc = nlp(text)  # type: ignore[operator]
    parse = time.process_time() - start
    component = nlp.get_pipe("quotebank")  # type: ignore[attr-defined]
    start = time.process_time()
    component(doc)
    return len(doc), parse, time.process_time() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--shapes", default=",".join(SHAPES), help="comma-separated, of: " + ", ".join(SHAPES))
    parser.add_argument("--scale", type=int, default=1, help="multiply every size by this")
    parser.add_argument("--steps", type=int, default=3, help="sizes per shape, each twice the one before")
    args = parser.parse_args()
    nlp = quotebank.load()
    print(f"{'shape':9} {'n':>7} {'chars':>9} {'tokens':>7} {'parse s':>8} {'own s':>7} {'ratio':>6} {'growth':>6}")
    for name in args.shapes.split(","):
        build, base = SHAPES[name]
        previous = None
        for step in range(args.steps):
            n = base * args.scale * 2**step
            text = build(n)
            tokens, parse, own = measure(nlp, text)
            growth = f"{own / previous:6.2f}" if previous else "     -"
            flag = "" if own <= TARGET_RATIO * parse else "  over 1.5x"
            ratio = own / max(parse, 1e-9)
            print(f"{name:9} {n:>7} {len(text):>9} {tokens:>7} {parse:8.2f} {own:7.2f} {ratio:6.2f} {growth}{flag}")
            previous = max(own, 1e-9)


if __name__ == "__main__":
    main()
