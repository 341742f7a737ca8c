"""The bank's SQLite layout: creating, checking and opening a quotebank database."""

from __future__ import annotations

import sqlite3
import urllib.parse
from pathlib import Path

from ..errors import BankError

__all__ = ["APPLICATION_ID", "SCHEMA_VERSION", "connect"]

SCHEMA_VERSION = 1
"""The version of the database layout this quotebank writes (``PRAGMA user_version``)."""
APPLICATION_ID = 0x5142_4E4B
"""``PRAGMA application_id`` of a quotebank database ("QBNK")."""

_SCHEMA = f"""
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE documents (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    doc_id TEXT NOT NULL UNIQUE,
    sha1 TEXT NOT NULL,
    text TEXT NOT NULL,
    date TEXT,
    url TEXT,
    source TEXT,
    added TEXT NOT NULL
);
CREATE INDEX documents_date ON documents (date);
CREATE TABLE mentions (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    doc_seq INTEGER NOT NULL REFERENCES documents (seq) ON DELETE CASCADE,
    speaker TEXT NOT NULL,
    entity_id INTEGER,
    method TEXT,
    probability REAL,
    evidence TEXT
);
CREATE INDEX mentions_doc ON mentions (doc_seq);
CREATE INDEX mentions_entity ON mentions (entity_id);
CREATE TABLE occurrences (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    doc_seq INTEGER NOT NULL REFERENCES documents (seq) ON DELETE CASCADE,
    quote_id TEXT NOT NULL,
    start_char INTEGER NOT NULL,
    end_char INTEGER NOT NULL,
    kind TEXT NOT NULL,
    channel TEXT NOT NULL,
    date TEXT,
    mention_id INTEGER REFERENCES mentions (id) ON DELETE CASCADE,
    words TEXT NOT NULL,
    data TEXT NOT NULL,
    quotation_id INTEGER,
    UNIQUE (doc_seq, quote_id)
);
CREATE INDEX occurrences_mention ON occurrences (mention_id);
CREATE INDEX occurrences_quotation ON occurrences (quotation_id);
CREATE INDEX occurrences_date ON occurrences (date);
CREATE TABLE entities (id INTEGER PRIMARY KEY, name TEXT NOT NULL, kind TEXT NOT NULL, data TEXT NOT NULL);
CREATE TABLE aliases (key TEXT NOT NULL, entity_id INTEGER NOT NULL, PRIMARY KEY (key, entity_id)) WITHOUT ROWID;
CREATE TABLE quotations (id INTEGER PRIMARY KEY, text TEXT NOT NULL, date TEXT, n INTEGER NOT NULL);
INSERT INTO meta VALUES ('generation', '0'), ('linked', '-1');
PRAGMA application_id = {APPLICATION_ID};
PRAGMA user_version = {SCHEMA_VERSION};
"""

# --------------------------------------------------------------------------- opening


def connect(path: str) -> sqlite3.Connection:
    """Open (or create) a quotebank database; nothing is written to a file that is not one."""
    if path in ("", ":memory:"):
        conn = sqlite3.connect(":memory:", isolation_level=None)
        _create(conn)
        return conn
    file = Path(path)
    if file.is_dir():
        raise BankError(f"{path} is a directory, not a quotebank database")
    if not file.parent.is_dir():
        raise BankError(f"cannot create {path}: the directory {file.parent} does not exist")
    exists = file.exists() and file.stat().st_size > 0
    uri = f"file:{urllib.parse.quote(str(file.resolve()))}?mode={'rw' if exists else 'rwc'}"
    try:
        conn = sqlite3.connect(uri, uri=True, isolation_level=None, timeout=60)
    except sqlite3.Error as exc:
        raise BankError(f"cannot open {path}: {exc}") from None
    try:
        if not exists or _check(conn, path):
            _create(conn)
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA synchronous = FULL")
    except BaseException:
        conn.close()
        raise
    return conn


def _check(conn: sqlite3.Connection, path: str) -> bool:
    """Raise BankError unless ``conn`` is a quotebank database this version reads; True when it is empty."""
    try:
        application_id = conn.execute("PRAGMA application_id").fetchone()[0]
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        tables = conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
    except sqlite3.DatabaseError as exc:
        raise BankError(f"{path} is not a quotebank database ({exc})") from None
    if application_id != APPLICATION_ID:
        if application_id == 0 and tables == 0:
            return True
        raise BankError(f"{path} is an SQLite database, but not a quotebank one")
    if version > SCHEMA_VERSION:
        raise BankError(
            f"{path} was written by a newer quotebank (bank schema {version}; this version reads schema "
            f"{SCHEMA_VERSION} and older): upgrade quotebank to open it"
        )
    if version < 1:
        raise BankError(f"{path} is an incomplete quotebank database (schema version {version})")
    conn.execute("PRAGMA foreign_keys = ON")
    return False


def _create(conn: sqlite3.Connection) -> None:
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute("BEGIN IMMEDIATE")
    try:
        for statement in _SCHEMA.split(";"):
            if statement.strip():
                conn.execute(statement)
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")
