#!/usr/bin/env python3
"""Render a seed article with quotebank and look at it in headless Chromium.

Usage (from the repository root)::

    .venv/bin/python scripts/screenshot.py                         # seeds/000_*.txt
    .venv/bin/python scripts/screenshot.py seeds/002_092416aa34dad029.txt -o shot.png

It writes the standalone page (``quotebank.render(text).save(...)``) and a PNG
screenshot of it under ``docs/_build/screenshot/`` (git-ignored) unless told
otherwise, and prints both paths. The browser runs with a fresh profile and
no network features; ``--dump-dom`` (see :func:`dump_dom`) reads the page's DOM
after its scripts ran, which is what ``tests/test_display.py`` checks.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_SEED = ROOT / "seeds" / "000_126a1c6755c120ec.txt"
DEFAULT_OUT = ROOT / "docs" / "_build" / "screenshot"
BROWSERS = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
    "--hide-scrollbars",
)


def find_chromium() -> str | None:
    """The browser to use: ``$CHROMIUM`` if set, else the first of :data:`BROWSERS` on the PATH."""
    if os.environ.get("CHROMIUM"):
        return os.environ["CHROMIUM"]
    for name in BROWSERS:
        found = shutil.which(name)
        if found:
            return found
    return None


def run_chromium(url: str, *extra: str, timeout: float = 90) -> subprocess.CompletedProcess[str]:
    """Run headless Chromium on ``url`` with a fresh, throw-away profile."""
    browser = find_chromium()
    if browser is None:
        raise FileNotFoundError("no Chromium found: install Debian's `chromium` package or set $CHROMIUM")
    with tempfile.TemporaryDirectory(prefix="quotebank-chromium-") as profile:
        cmd = [browser, *FLAGS, f"--user-data-dir={profile}", *extra, url]
        return subprocess.run(cmd, capture_output=True, text=True, timeout=timeout, check=True, cwd=profile)


def dump_dom(page: Path, *, width: int = 1200, height: int = 900) -> str:
    """The page's DOM, serialised after it loaded and its scripts ran."""
    return run_chromium(page.resolve().as_uri(), f"--window-size={width},{height}", "--dump-dom").stdout


def screenshot(page: Path, png: Path, *, width: int = 1200, height: int = 1600) -> Path:
    """A PNG of the page as a reader sees it, ``width`` x ``height`` pixels."""
    png = png.resolve()
    png.parent.mkdir(parents=True, exist_ok=True)
    run_chromium(page.resolve().as_uri(), f"--window-size={width},{height}", f"--screenshot={png}")
    if not png.exists() or png.stat().st_size == 0:
        raise RuntimeError(f"Chromium wrote no screenshot to {png}")
    return png


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("seed", nargs="?", type=Path, default=DEFAULT_SEED, help="a text file (default: %(default)s)")
    parser.add_argument("-o", "--output", type=Path, help="the PNG to write")
    parser.add_argument("--html", type=Path, help="the HTML page to write")
    args = parser.parse_args(argv)

    import quotebank

    text = args.seed.read_text(encoding="utf-8")
    rendering = quotebank.render(text, title=args.seed.name)
    page = args.html or DEFAULT_OUT / f"{args.seed.stem}.html"
    page.parent.mkdir(parents=True, exist_ok=True)
    rendering.save(page)
    png = screenshot(page, args.output or page.with_suffix(".png"))
    print(f"{page}\n{png}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
