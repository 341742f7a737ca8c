"""A process killed in the middle of ``add_many`` into an SQLite bank loses nothing that was committed.

The child process streams articles into a bank on disk and is killed with
SIGKILL: once while it is inside an article's transaction (it says so through a
marker file, then waits), once at an arbitrary moment. Reopening the bank must
show every committed article whole, nothing of the article in progress, and a
second run of the same ``add_many`` must finish the job without duplicates.
"""

from __future__ import annotations

import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from quotebank import QuoteBank

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="needs SIGKILL")

N_DOCS = 200

CHILD = r"""
import sys
import time
from pathlib import Path

import spacy

from quotebank.bank import QuoteBank
from tests.test_bank_crash import records

path, marker, stop_at = sys.argv[1], Path(sys.argv[2]), int(sys.argv[3])
nlp = spacy.blank("en")
nlp.add_pipe("quotebank", config={"attribute": False})


class StallingBank(QuoteBank):
    @staticmethod
    def _bump(db):
        # Called inside each article's transaction, after its rows are written.
        QuoteBank._bump(db)
        n = db.execute("SELECT count(*) FROM documents").fetchone()[0]
        if stop_at and n >= stop_at:
            marker.write_text(str(n))
            time.sleep(600)


def paced():
    for record in records():
        time.sleep(0.005)  # so that the parent catches it half-way
        yield record


bank = StallingBank.open(path, nlp=nlp)
bank.add_many(paced(), batch_size=4, progress=False)
"""


def records(n: int = N_DOCS):
    for i in range(n):
        yield {
            "doc_id": f"doc{i:04d}",
            "text": f"“Statement number {i} is out now,” Jane Doe said. “We will respond in kind {i},” she added.",
            "date": "2020-01-08",
        }


def spawn(db: Path, marker: Path, stop_at: int) -> subprocess.Popen[bytes]:
    root = Path(__file__).resolve().parent.parent
    return subprocess.Popen(
        [sys.executable, "-c", CHILD, str(db), str(marker), str(stop_at)], cwd=root, stderr=subprocess.PIPE
    )


def wait_for(condition, proc: subprocess.Popen[bytes], timeout: float = 180) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if proc.poll() is not None:
            raise AssertionError(f"the child exited early: {proc.stderr.read().decode() if proc.stderr else ''}")
        if time.monotonic() > deadline:
            proc.kill()
            raise AssertionError("the child did not get far enough in time")
        time.sleep(0.05)


def committed(db: Path) -> int:
    if not db.exists():
        return 0
    try:
        conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=5)
        try:
            return int(conn.execute("SELECT count(*) FROM documents").fetchone()[0])
        finally:
            conn.close()
    except sqlite3.Error:
        return 0


def kill(proc: subprocess.Popen[bytes]) -> None:
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=30)
    assert proc.returncode == -signal.SIGKILL


def check_whole(db: Path) -> list[str]:
    """The bank is sound, holds a prefix of the articles, each with both its quotes; returns the ids."""
    conn = sqlite3.connect(db)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    conn.close()
    with QuoteBank.open(db) as bank:
        ids = bank.doc_ids
        assert ids == [f"doc{i:04d}" for i in range(len(ids))]
        quotes = bank.quotes
        assert len(quotes) == 2 * len(ids)
        for q in quotes:
            assert bank.document(q.doc_id).text[q.start : q.end] == q.text
    return ids


def finish(db: Path, blank_nlp) -> None:
    """Running the same add_many again adds what is missing, and only that."""
    with QuoteBank.open(db, nlp=blank_nlp) as bank:
        before = len(bank)
        stats = bank.add_many(records(), batch_size=16, progress=False)
        assert (stats.unchanged, stats.added, stats.failed) == (before, N_DOCS - before, ())
    assert len(check_whole(db)) == N_DOCS


@pytest.fixture(scope="module")
def blank_nlp():
    import spacy

    nlp = spacy.blank("en")
    nlp.add_pipe("quotebank", config={"attribute": False})
    return nlp


def test_kill_inside_an_article_loses_only_that_article(tmp_path, blank_nlp):
    db, marker = tmp_path / "bank.sqlite", tmp_path / "in-progress"
    proc = spawn(db, marker, stop_at=25)
    wait_for(marker.exists, proc)
    in_progress = int(marker.read_text())
    kill(proc)
    ids = check_whole(db)
    assert len(ids) == in_progress - 1  # the 25th article was being written: gone, and nothing of it left
    finish(db, blank_nlp)


def test_kill_at_any_moment_keeps_every_committed_article(tmp_path, blank_nlp):
    db, marker = tmp_path / "bank.sqlite", tmp_path / "unused"
    proc = spawn(db, marker, stop_at=0)
    wait_for(lambda: committed(db) >= 40, proc)
    seen = committed(db)
    kill(proc)
    ids = check_whole(db)
    assert len(ids) >= seen
    finish(db, blank_nlp)
