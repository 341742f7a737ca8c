"""The quickstart notebook runs from top to bottom on a fresh kernel, without errors, and shows what it promises."""

from __future__ import annotations

import base64
import json
from pathlib import Path

import pytest
from conftest import ROOT

nbformat = pytest.importorskip("nbformat", reason="the notebook extra is not installed")
nbclient = pytest.importorskip("nbclient", reason="the notebook extra is not installed")

NOTEBOOK = ROOT / "docs" / "notebooks" / "quickstart.ipynb"


@pytest.fixture(scope="module")
def executed(tmp_path_factory: pytest.TempPathFactory) -> nbformat.NotebookNode:
    nb = nbformat.read(NOTEBOOK, as_version=4)
    client = nbclient.NotebookClient(
        nb,
        kernel_name="python3",  # jupyter_client starts it with this interpreter (sys.executable)
        timeout=600,
        startup_timeout=120,
        allow_errors=False,
        resources={"metadata": {"path": str(NOTEBOOK.parent)}},
    )
    client.execute()  # raises CellExecutionError on the first failing cell, with its traceback
    # Keep a copy to look at when something is off: pytest's basetemp/.../executed.ipynb
    nbformat.write(nb, tmp_path_factory.mktemp("notebook") / "executed.ipynb")
    return nb


def outputs(nb: nbformat.NotebookNode, mime: str) -> list[str]:
    found = []
    for cell in nb.cells:
        for out in cell.get("outputs", []):
            data = out.get("data", {})
            if mime in data:
                found.append(data[mime])
            if mime == "text/plain" and out.get("output_type") == "stream":
                found.append(out["text"])
    return found


def test_notebook_runs_without_errors(executed: nbformat.NotebookNode) -> None:
    for cell in executed.cells:
        for out in cell.get("outputs", []):
            assert out["output_type"] != "error", out.get("evalue")
            if out["output_type"] == "stream" and out["name"] == "stderr":
                assert "Traceback" not in out["text"], out["text"]


def test_notebook_shows_the_table_the_render_and_the_plot(executed: nbformat.NotebookNode) -> None:
    html = "\n".join(outputs(executed, "text/html"))
    # The pandas table with the promised columns.
    for column in ("speaker", "role", "channel", "kind", "text"):
        assert f"<th>{column}</th>" in html
    # The highlighted article: marks with labels, one per quote.
    assert 'class="quotebank-render"' in html and 'class="qb-quote"' in html
    # A quote card.
    assert 'class="qb-quote-card"' in html
    # The plot: a real PNG.
    pngs = outputs(executed, "image/png")
    assert pngs, "the plot produced no image"
    assert base64.b64decode(pngs[-1]).startswith(b"\x89PNG")
    # The three seeds were read and their quotes counted.
    text = "\n".join(outputs(executed, "text/plain"))
    for seed in sorted((ROOT / "seeds").glob("*.txt")):
        assert seed.name in text


def test_notebook_is_committed_clean() -> None:
    nb = json.loads(Path(NOTEBOOK).read_text(encoding="utf-8"))
    assert nb["metadata"]["kernelspec"]["name"] == "python3"
    code = [c for c in nb["cells"] if c["cell_type"] == "code"]
    assert all(not c["outputs"] and c["execution_count"] is None for c in code), (
        "commit the notebook without outputs: the docs build and this test execute it"
    )
