"""Every example of the README and of the documentation pages runs as written, and prints what it shows.

Each ```python block of README.md and docs/*.md runs on its own, in a fresh namespace, as a user would paste it into
a script (the {doctest} blocks of the pages are run by tests/test_docs.py); each ``quotebank ...`` line of the
README's shell blocks runs through the command's ``main``. They run in a directory that looks like the repository
root (its files and folders linked in), so that ``seeds/...`` is found and what the examples write stays out of the
checkout. The install commands at the top of the README are what CI (``.ci/run``) runs.
"""

from __future__ import annotations

import contextlib
import glob
import io
import re
import shlex
from pathlib import Path

import pytest
from conftest import ROOT

from quotebank.cli import EXIT_OK, main

FENCE = re.compile(r"^```(?P<lang>[^\n`]*)\n(?P<body>.*?)^```$", re.DOTALL | re.MULTILINE)
PAGES = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]


def blocks(page: Path, lang: str) -> list[tuple[int, str]]:
    """The fenced blocks of ``page`` in ``lang``, with the line each starts on."""
    text = page.read_text(encoding="utf-8")
    return [
        (text.count("\n", 0, m.start()) + 1, m.group("body"))
        for m in FENCE.finditer(text)
        if m.group("lang").strip() == lang
    ]


NOT_RUN = "# not run by the tests:"
"""The first line of a block that needs what a test cannot have (a cluster, the reader's own data), saying why."""

PYTHON = [
    pytest.param(
        code,
        id=f"{page.relative_to(ROOT)}:{line}",
        marks=pytest.mark.skip(reason=code.splitlines()[0]) if code.startswith(NOT_RUN) else (),
    )
    for page in PAGES
    for line, code in blocks(page, "python")
]
COMMANDS = [
    pytest.param(command, id=command.split("#")[0].strip())
    for _, body in blocks(ROOT / "README.md", "bash")
    for command in body.splitlines()
    if command.startswith("quotebank ")
]


@pytest.fixture
def repo_copy(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, nlp) -> Path:
    """A directory with the repository's top-level entries linked in, as the current directory."""
    for entry in ROOT.iterdir():
        if not entry.name.startswith("."):
            (tmp_path / entry.name).symlink_to(entry, target_is_directory=entry.is_dir())
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_the_pages_have_examples() -> None:
    # A guard against a change of fence syntax that would leave nothing to run.
    assert len([p for p in PYTHON if "README" in str(p.id) and not p.marks]) >= 4
    assert len([p for p in PYTHON if p.marks]) <= 1  # skipping is the exception
    assert len(COMMANDS) >= 4


@pytest.mark.parametrize("code", PYTHON)
def test_python_example_runs_and_prints(code: str, repo_copy: Path) -> None:
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        exec(compile(code, "<example>", "exec"), {"__name__": "__main__"})
    assert out.getvalue().strip(), "the example prints nothing: a user running it as a script would see nothing"


@pytest.mark.parametrize("command", COMMANDS)
def test_readme_command_runs(command: str, repo_copy: Path, capsys: pytest.CaptureFixture[str]) -> None:
    argv = []
    for word in shlex.split(command, comments=True)[1:]:
        argv += sorted(glob.glob(word)) if "*" in word else [word]
    if argv[:2] in (["bank", "query"], ["bank", "export"]):  # they read the bank that `bank add` fills
        assert main(["bank", "add", "-q", "--db", "news.sqlite", *sorted(glob.glob("seeds/*.txt"))]) == EXIT_OK
    assert main(argv) == EXIT_OK, capsys.readouterr().err
    out, err = capsys.readouterr()
    assert (out + err).strip(), "nothing printed"  # quotes on stdout, or the summary on stderr
    assert "Traceback" not in err
