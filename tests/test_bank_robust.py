"""The bank under every caller: concurrent creators, read-only banks, files that are not banks, bad arguments and
hostile look-ups all get a clear, typed answer (issue 16)."""

from __future__ import annotations

import hashlib
import os
import re
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from quotebank import BankError, Quote, QuoteBank, Speaker, SpeakerKind, textnorm

ROOT = Path(__file__).resolve().parent.parent


def quoted(bank: QuoteBank, doc_id: str, words: str, speaker: str) -> None:
    text = f"“{words}” {speaker} said."
    q = Quote(id="q0", text=words, start=1, end=1 + len(words), speaker=Speaker(name=speaker, kind=SpeakerKind.PERSON))
    bank.add_quotes(text, [q], doc_id=doc_id)


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


# --------------------------------------------------------------------------- opening

CREATOR = r"""
import sys, time
from quotebank.bank import QuoteBank
path, start, name = sys.argv[1], float(sys.argv[2]), sys.argv[3]
while time.time() < start:
    pass
with QuoteBank.open(path) as bank:
    text = "“We are ready,” " + name + " said."
    from quotebank import Quote
    bank.add_quotes(text, [Quote(id="q0", text="We are ready,", start=1, end=14)], doc_id=name)
"""


def test_two_processes_creating_one_bank_both_succeed(tmp_path: Path):
    import time

    for attempt in range(3):
        path = tmp_path / f"bank-{attempt}.sqlite"
        start = time.time() + 1.5
        env = {**os.environ, "PYTHONPATH": str(ROOT)}
        procs = [
            subprocess.Popen(
                [sys.executable, "-c", CREATOR, str(path), str(start), name], env=env, stderr=subprocess.PIPE
            )
            for name in ("first", "second")
        ]
        errors = [p.communicate(timeout=120)[1].decode() for p in procs]
        assert [p.returncode for p in procs] == [0, 0], errors
        with QuoteBank.open(path) as bank:
            assert sorted(bank.doc_ids) == ["first", "second"]
        assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


def test_an_empty_file_and_another_apps_database_are_refused_and_left_alone(tmp_path: Path):
    empty = tmp_path / "empty.sqlite"
    empty.touch()
    with pytest.raises(BankError, match="empty file"):
        QuoteBank.open(empty)
    assert empty.stat().st_size == 0
    other = tmp_path / "other.sqlite"
    conn = sqlite3.connect(other)
    conn.execute("PRAGMA user_version = 7")
    conn.commit()
    conn.close()
    before = digest(other)
    with pytest.raises(BankError, match="not a quotebank one"):
        QuoteBank.open(other)
    assert digest(other) == before


def test_a_read_only_bank_is_read_without_writing(tmp_path: Path):
    path = tmp_path / "bank.sqlite"
    with QuoteBank.open(path) as bank:
        quoted(bank, "a", "We will respond in kind", "Jane Doe")
        quoted(bank, "b", "Nothing to add", "Mrs Doe")
    before = digest(path)
    with QuoteBank.open(path, read_only=True) as bank:
        assert bank.read_only
        assert [q.speaker.name for q in bank.quotes] == ["Jane Doe", "Jane Doe"]
        assert len(bank.speakers) == 1 and len(bank.quotations) == 2 and bank.find(text="respond in kind")
        with pytest.raises(BankError, match="read-only"):
            quoted(bank, "c", "More words", "Jane Doe")
    assert digest(path) == before


@pytest.mark.skipif(os.geteuid() == 0 if hasattr(os, "geteuid") else True, reason="root can write anywhere")
def test_a_bank_without_write_permission_opens_read_only(tmp_path: Path):
    path = tmp_path / "bank.sqlite"
    with QuoteBank.open(path) as bank:
        quoted(bank, "a", "We will respond in kind", "Jane Doe")
    path.chmod(0o444)
    tmp_path.chmod(0o555)
    try:
        with QuoteBank.open(path) as bank:
            assert bank.read_only and len(bank.quotes) == 1
    finally:
        tmp_path.chmod(0o755)


def test_a_missing_bank_opened_read_only_is_an_error(tmp_path: Path):
    with pytest.raises(BankError, match="no bank"):
        QuoteBank.open(tmp_path / "missing.sqlite", read_only=True)
    assert not (tmp_path / "missing.sqlite").exists()


# --------------------------------------------------------------------------- arguments


@pytest.fixture
def bank() -> QuoteBank:
    bank = QuoteBank()
    quoted(bank, "a", "We will respond in kind", "Jane Doe")
    quoted(bank, "b", "Nothing more to add today", "x' OR 1=1 --")
    return bank


def test_limits(bank):
    assert bank.find(limit=0) == []
    assert len(bank.find(limit=1)) == 1 and len(bank.find()) == 2
    with pytest.raises(ValueError, match="0 or more"):
        bank.find(limit=-1)
    with pytest.raises(TypeError):
        bank.find(limit="3")


def test_wrong_types_are_type_errors(bank):
    with pytest.raises(TypeError, match="speaker"):
        bank.find(speaker=5)
    with pytest.raises(TypeError, match="text"):
        bank.find(text=["words"])
    with pytest.raises(TypeError, match="iterable of records"):
        bank.add_many("a string")
    with pytest.raises(TypeError, match="iterable of records"):
        bank.add_many(b"bytes")
    with pytest.raises(TypeError, match="Quote"):
        bank.add_quotes("text", ["not a quote"], doc_id="c")


def test_a_quote_past_the_end_of_its_text_is_refused(bank):
    with pytest.raises(ValueError, match="outside the text"):
        bank.add_quotes("abc", [Quote(id="q0", start=10, end=10, text="")], doc_id="c")
    assert "c" not in bank


def test_a_lookup_key_that_loses_most_of_the_query_does_not_match(bank):
    assert bank.find(speaker="' OR '1'='1") == []
    assert [q.doc_id for q in bank.find(speaker="x' OR 1=1 --")] == ["b"]
    assert [q.doc_id for q in bank.find(speaker="Doe")] == ["a"]


def test_huge_lookups_are_answered_not_raised(bank):
    assert bank.find(speaker="x" * 20_000) == []
    assert bank.find(text="word " * 12_000) == []
    assert bank.find(role="minister " * 5_000) == []
    assert bank.find(text="!!!") == []


# What textacy's quotation_marks leaves alone: guillemets, low-9 marks, primes.
_MARKS = str.maketrans(
    {
        "«": '"',
        "»": '"',
        "„": '"',
        "‟": '"',
        "″": '"',
        "‹": "'",
        "›": "'",
        "‚": "'",
        "‛": "'",
        "′": "'",
        "`": "'",
        "´": "'",
    }
)
# Hyphens and dashes of every width become "-".
_DASHES = re.compile(r"[\u2010-\u2015\u2212\u2043\ufe58\ufe63\uff0d]")


def textacy_fold(text: str) -> str:
    """The folding quotebank had when it was written with textacy's preprocessing: the reference."""
    import textacy.preprocessing.normalize as normalize

    text = normalize.unicode(text, form="NFKC")
    text = normalize.quotation_marks(text).translate(_MARKS)
    text = _DASHES.sub("-", text)
    text = normalize.hyphenated_words(text)
    text = normalize.whitespace(text)
    return re.sub(r"\s+", " ", text.replace("&", " and ")).strip().casefold()


def test_textnorm_folds_as_textacy_did_without_textacy():
    samples = [
        "Iran’s  foreign minister",
        "self-\ndefense",
        "well-  known",
        "a1- bc",
        "x1ab- cd",
        "ab1- cd",
        "« Bonjour » & „Guten Tag“",
        "\u200bzero\u00a0width",
        "A" * 300,
    ]
    assert [textnorm.fold(s) for s in samples] == [textacy_fold(s) for s in samples]


def test_the_bank_imports_no_extraction_code_at_module_level():
    import ast

    allowed = {"model", "errors", "lexicons", "textnorm"}  # textnorm: the standard library only
    for path in sorted((ROOT / "quotebank" / "bank").glob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in tree.body:  # module level only: functions may import the pipeline when called
            if isinstance(node, ast.ImportFrom) and node.level == 2:
                names = {node.module.split(".")[0]} if node.module else {a.name for a in node.names}
                assert names <= allowed, f"{path.name} imports {names - allowed} at module level"
            if isinstance(node, ast.Import | ast.ImportFrom):
                module = node.module if isinstance(node, ast.ImportFrom) else node.names[0].name
                assert not (module or "").startswith(("spacy", "textacy")), f"{path.name} imports {module}"


QUERY_ONLY = r"""
import sys, types
from pathlib import Path
package = types.ModuleType("quotebank")  # the bank alone, without what quotebank/__init__ imports
package.__path__ = [str(Path(sys.argv[1]) / "quotebank")]
sys.modules["quotebank"] = package
from quotebank.bank import QuoteBank
with QuoteBank.open(sys.argv[2], read_only=True) as bank:
    found = bank.find(speaker="Doe", text="respond in kind", role="spokeswoman", limit=5)
    assert [q.doc_id for q in found] == ["a"], found
    assert len(bank.quotations) == 1 and bank.speaker("Jane Doe") is not None
heavy = sorted(m for m in sys.modules if m.split(".")[0] in ("spacy", "textacy", "thinc"))
assert not heavy, heavy
"""


def test_querying_a_bank_needs_neither_spacy_nor_textacy(tmp_path: Path):
    path = tmp_path / "bank.sqlite"
    with QuoteBank.open(path) as bank:
        text = "“We will respond in kind,” Jane Doe, the spokeswoman, said."
        q = Quote(
            id="q0",
            text="We will respond in kind,",
            start=1,
            end=25,
            speaker=Speaker(name="Jane Doe", role="spokeswoman"),
        )
        bank.add_quotes(text, [q], doc_id="a")
    result = subprocess.run([sys.executable, "-c", QUERY_ONLY, str(ROOT), str(path)], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


def test_find_walks_indexes_and_keeps_the_order_of_the_bank():
    bank = QuoteBank()
    dated = [
        ("a", "2020-01-09", "Donald Trump"),
        ("b", "2020-01-07", "Melania Trump"),
        ("c", "2020-01-08", "Donald Trump"),
    ]
    for doc_id, date, name in dated:
        text = f"“Words of {doc_id} here,” {name} said. “More from {doc_id},” {name} added."
        quotes = [
            Quote(
                id="q1",
                text=f"More from {doc_id},",
                start=text.index("More"),
                end=text.index("More") + 12,
                speaker=Speaker(name=name, kind=SpeakerKind.PERSON),
            ),
            Quote(
                id="q0",
                text=f"Words of {doc_id} here,",
                start=1,
                end=17,
                speaker=Speaker(name=name, kind=SpeakerKind.PERSON),
            ),
        ]
        bank.add_quotes(text, quotes, doc_id=doc_id, date=date)
    everything = [(q.doc_id, q.id) for q in bank.quotes]
    assert everything == [("a", "q0"), ("a", "q1"), ("b", "q0"), ("b", "q1"), ("c", "q0"), ("c", "q1")]
    # "Trump" is the surname of two entities: one index walk each, merged in the bank's order.
    assert [(q.doc_id, q.id) for q in bank.find(speaker="Trump")] == everything
    assert [(q.doc_id, q.id) for q in bank.find(speaker="Trump", limit=3)] == everything[:3]
    # A date range comes in date order.
    assert [q.doc_id for q in bank.find(since="2020-01-07", until="2020-01-08")] == ["b", "b", "c", "c"]
    assert [q.doc_id for q in bank.find(speaker="Donald Trump", since="2020-01-08")] == ["a", "a", "c", "c"]
