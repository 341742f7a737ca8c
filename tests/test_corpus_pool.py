"""quotebank.corpus.pool: a worker killed by the OS costs only its chunk; Ctrl-C stops everything promptly."""

from __future__ import annotations

import multiprocessing
import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest
import spacy
from spacy.language import Language

from quotebank.corpus import extract_many

SHORT = "“We are ready,” Zarif said."
ROOT = Path(__file__).resolve().parent.parent
HANG = 60
"""Seconds after which a run that should end is taken to hang (a hang detector, not a speed target)."""


@Language.component("test_sigkill_on_marker")
def _sigkill_on_marker(doc):  # a worker killed by the OS (the OOM killer sends SIGKILL) on one document
    if "KILLME" in doc.text:
        os.kill(os.getpid(), signal.SIGKILL)
    return doc


def _blank(*components: str) -> Language:
    nlp = spacy.blank("en")
    for name in components:
        nlp.add_pipe(name)
    nlp.add_pipe("quotebank", config={"attribute": False})
    return nlp


def test_a_worker_killed_by_sigkill_costs_its_chunk_and_the_stream_goes_on() -> None:
    texts = [f"“Item {i},” she said." for i in range(40)]
    texts[13] = "KILLME"
    texts[31] = "“Again,” he said. KILLME"
    results = list(extract_many(texts, nlp=_blank("test_sigkill_on_marker"), n_process=2, batch_size=3))
    assert [r.doc_id for r in results] == [str(i) for i in range(40)]
    failed = [i for i, r in enumerate(results) if not r.ok]
    # Chunks of 3 records: [12, 13, 14] and [30, 31, 32] went down with their workers, named and in place.
    assert failed == [12, 13, 14, 30, 31, 32]
    for i in failed:
        assert str(results[i].error) == (
            f"record '{i}': the worker process died (killed by SIGKILL) while extracting this record's chunk"
        )
    assert all(len(r.quotes) == 1 for r in results if r.ok)
    assert multiprocessing.active_children() == []


def test_a_worker_killed_from_outside_mid_stream() -> None:
    # The main process kills a worker while it works (as the OS would), from the caller's own record iterator.
    killed: list[int] = []

    def records():
        for i in range(60):
            if i == 30 and not killed:
                victim = multiprocessing.active_children()[0]
                os.kill(victim.pid, signal.SIGKILL)
                killed.append(victim.pid)
            yield f"“Item {i},” she said. " * 40

    results = list(extract_many(records(), nlp=_blank(), n_process=2, batch_size=4))
    assert killed and [r.doc_id for r in results] == [str(i) for i in range(60)]
    lost = [r for r in results if not r.ok]
    # The victim held one chunk (or none, if it was between chunks): at most batch_size records, each named.
    assert len(lost) <= 4
    assert all("worker process died (killed by SIGKILL)" in str(r.error) for r in lost)
    assert all(len(r.quotes) == 40 for r in results if r.ok)
    assert multiprocessing.active_children() == []


_INTERRUPTED = textwrap.dedent(
    """
    import multiprocessing, sys, time
    import spacy
    from spacy.language import Language
    from quotebank.corpus import extract_many

    @Language.component("slow")
    def slow(doc):
        time.sleep(0.05)
        return doc

    nlp = spacy.blank("en")
    nlp.add_pipe("slow")
    nlp.add_pipe("quotebank", config={"attribute": False})
    texts = (f"“Item {i},” she said." for i in range(100_000))
    try:
        for n, result in enumerate(extract_many(texts, nlp=nlp, n_process=2, batch_size=2)):
            if n == 0:
                print(" ".join(str(p.pid) for p in multiprocessing.active_children()), flush=True)
    except KeyboardInterrupt:
        print("interrupted", flush=True)
        sys.exit(130)
    """
)


@pytest.mark.parametrize("delay", [0.0, 0.3, 1.0])
def test_ctrl_c_to_the_main_process_alone_stops_the_run_promptly(delay: float) -> None:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    child = subprocess.Popen(
        [sys.executable, "-c", _INTERRUPTED], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env
    )
    try:
        assert child.stdout is not None
        workers = [int(pid) for pid in child.stdout.readline().split()]
        assert len(workers) == 2, child.stderr.read() if child.stderr else ""
        time.sleep(delay)
        child.send_signal(signal.SIGINT)  # to the main process only, not to its process group
        out, err = child.communicate(timeout=HANG)
    finally:
        if child.poll() is None:
            child.kill()
            child.wait()
    assert child.returncode == 130, err
    assert out.strip() == "interrupted"
    for pid in workers:  # the workers were terminated, not left behind
        assert not _alive(pid), pid


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    # A zombie is dead; it only waits for its (gone) parent to be reaped by init.
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii") as stat:
            return stat.read().split(") ")[1].split()[0] != "Z"
    except FileNotFoundError:
        return False
