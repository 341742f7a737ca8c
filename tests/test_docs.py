"""The documentation builds with ``-W`` (a warning fails it), its examples pass, and it covers the public API.

Both builds run like ``sphinx-build -W --keep-going -b html docs docs/_build/html`` from the repository root, into a
temporary directory; they share one doctree cache, so the doctest build does not read (or execute) anything again.
The HTML build executes the quickstart notebook (myst-nb), so the site shows its outputs.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT

import quotebank

pytest.importorskip("sphinx", reason="the docs extra is not installed")
pytest.importorskip("myst_nb", reason="the docs extra is not installed")

DOCS = ROOT / "docs"
PAGES = ("installation", "quickstart", "concepts", "spacy", "bank", "cli", "display", "accuracy", "api")


def sphinx(builder: str, out: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "QUOTEBANK_DOCS_EXECUTE": "force", "PYTHONWARNINGS": "ignore::DeprecationWarning"}
    cmd = [sys.executable, "-m", "sphinx", "-W", "--keep-going", "-q", "-b", builder, "docs", str(out / builder)]
    cmd += ["-d", str(out / "doctrees")]
    return subprocess.run(cmd, cwd=ROOT, env=env, capture_output=True, text=True, timeout=1200, check=False)


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("docs")
    result = sphinx("html", out)
    assert result.returncode == 0, f"sphinx-build -W failed:\n{result.stderr[-6000:]}\n{result.stdout[-2000:]}"
    return out


def test_docs_build_without_warnings(site: Path) -> None:
    html = site / "html"
    for page in (*PAGES, "index", "notebooks/quickstart"):
        assert (html / f"{page}.html").is_file(), f"no page {page}"
    index = (html / "index.html").read_text(encoding="utf-8")
    for page in (*PAGES, "notebooks/quickstart"):
        assert f'href="{page}.html"' in index, f"{page} is not in the table of contents"


def test_every_public_name_is_in_the_api_reference(site: Path) -> None:
    api = (site / "html" / "api.html").read_text(encoding="utf-8")
    documented = set(re.findall(r'<dt class="sig sig-object py" id="quotebank\.([A-Za-z_][A-Za-z0-9_]*)"', api))
    missing = sorted(set(quotebank.__all__) - documented)
    assert not missing, f"add these to docs/api.md: {missing}"


def test_doc_examples_pass(site: Path) -> None:
    result = sphinx("doctest", site)
    report = (site / "doctest" / "output.txt").read_text(encoding="utf-8") if (site / "doctest").exists() else ""
    assert result.returncode == 0, f"doctests in docs/ failed:\n{report[-6000:]}\n{result.stderr[-3000:]}"
    tests = re.search(r"^\s*(\d+) tests\s*$", report, re.MULTILINE)
    assert tests and int(tests.group(1)) >= 40, f"too few examples ran:\n{report[-2000:]}"
    assert re.search(r"^\s*0 failures in tests", report, re.MULTILINE)


def test_notebook_page_shows_its_outputs(site: Path) -> None:
    page = (site / "html" / "notebooks" / "quickstart.html").read_text(encoding="utf-8")
    assert 'class="quotebank-render"' in page and "<mark" in page  # the highlighted article
    assert "<th>speaker</th>" in page  # the pandas table
    assert re.search(r'<img alt="[^"]*" src="[^"]+\.png"', page)  # the plot
    assert "Traceback" not in page


def test_accuracy_page_gives_the_commands() -> None:
    page = (DOCS / "accuracy.md").read_text(encoding="utf-8")
    assert "python ../shared/eval/score.py ../shared/eval/seeds_gold.jsonl seeds --mode extract" in page
    assert "--mode bank" in page and "polnear_dev" in page


def test_docs_need_no_network() -> None:
    conf = (DOCS / "conf.py").read_text(encoding="utf-8")
    extensions = re.search(r"^extensions = \[(.*?)\]", conf, re.MULTILINE | re.DOTALL)
    assert extensions and "intersphinx" not in extensions.group(1)
