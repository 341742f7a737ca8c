"""The bank's SQLite layout: creating, checking and opening a quotebank database."""

from __future__ import annotations

import os
import sqlite3
import urllib.parse
import uuid
from pathlib import Path

from ..errors import BankError

__all__ = ["APPLICATION_ID", "BUSY_TIMEOUT", "SCHEMA_VERSION", "connect", "create_tables"]

SCHEMA_VERSION = 2
"""The version of the database layout this quotebank writes (``PRAGMA user_version``).

1: linking redone over the whole bank on the first read after a change. 2: linking and merging done as each article
is added (entity signatures, blocking keys, quotation classes), full-text search (FTS5) and indexes for queries.
A bank of schema 1 is migrated when it is opened for writing.
"""
APPLICATION_ID = 0x5142_4E4B
"""``PRAGMA application_id`` of a quotebank database ("QBNK")."""

_TABLES = """
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
CREATE INDEX documents_source ON documents (source);
CREATE TABLE mentions (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    doc_seq INTEGER NOT NULL REFERENCES documents (seq) ON DELETE CASCADE,
    speaker TEXT NOT NULL,
    sig TEXT NOT NULL,
    entity_id INTEGER,
    method TEXT,
    probability REAL,
    evidence TEXT,
    clear INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX mentions_doc ON mentions (doc_seq);
CREATE INDEX mentions_entity ON mentions (entity_id, sig);
CREATE TABLE waiting (key TEXT NOT NULL, mention_id INTEGER NOT NULL REFERENCES mentions (id) ON DELETE CASCADE);
CREATE INDEX waiting_key ON waiting (key);
CREATE INDEX waiting_mention ON waiting (mention_id);
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
    entity_id INTEGER,
    words TEXT NOT NULL,
    data TEXT NOT NULL,
    scope TEXT,
    class_id INTEGER,
    UNIQUE (doc_seq, quote_id)
);
CREATE INDEX occurrences_mention ON occurrences (mention_id);
CREATE INDEX occurrences_class ON occurrences (class_id);
CREATE INDEX occurrences_scope ON occurrences (scope);
CREATE INDEX occurrences_date ON occurrences (date, id);
CREATE INDEX occurrences_entity ON occurrences (entity_id, id);
CREATE INDEX occurrences_entity_channel ON occurrences (entity_id, channel, id);
CREATE INDEX occurrences_channel ON occurrences (channel);
CREATE INDEX occurrences_kind ON occurrences (kind);
CREATE VIRTUAL TABLE occurrence_words USING fts5 (
    words, content = 'occurrences', content_rowid = 'id', tokenize = 'unicode61 remove_diacritics 2'
);
CREATE TRIGGER occurrences_fts_insert AFTER INSERT ON occurrences BEGIN
    INSERT INTO occurrence_words (rowid, words) VALUES (new.id, new.words);
END;
CREATE TRIGGER occurrences_fts_delete AFTER DELETE ON occurrences BEGIN
    INSERT INTO occurrence_words (occurrence_words, rowid, words) VALUES ('delete', old.id, old.words);
END;
CREATE TABLE entities (id INTEGER PRIMARY KEY, name TEXT NOT NULL, kind TEXT NOT NULL, data TEXT NOT NULL);
CREATE INDEX entities_kind ON entities (kind);
CREATE TABLE entity_sigs (
    entity_id INTEGER NOT NULL,
    sig TEXT NOT NULL,
    first INTEGER NOT NULL,
    n INTEGER NOT NULL,
    clear INTEGER NOT NULL,
    roles TEXT NOT NULL,
    aliases TEXT NOT NULL,
    PRIMARY KEY (entity_id, sig)
) WITHOUT ROWID;
CREATE TABLE entity_keys (key TEXT NOT NULL, entity_id INTEGER NOT NULL, PRIMARY KEY (key, entity_id)) WITHOUT ROWID;
CREATE INDEX entity_keys_entity ON entity_keys (entity_id);
CREATE TABLE aliases (key TEXT NOT NULL, entity_id INTEGER NOT NULL, PRIMARY KEY (key, entity_id)) WITHOUT ROWID;
CREATE INDEX aliases_entity ON aliases (entity_id);
CREATE TABLE entity_roles (id INTEGER PRIMARY KEY, entity_id INTEGER NOT NULL, role TEXT NOT NULL);
CREATE INDEX entity_roles_entity ON entity_roles (entity_id);
CREATE VIRTUAL TABLE entity_role_words USING fts5 (
    role, content = 'entity_roles', content_rowid = 'id', tokenize = 'unicode61 remove_diacritics 2'
);
CREATE TRIGGER entity_roles_fts_insert AFTER INSERT ON entity_roles BEGIN
    INSERT INTO entity_role_words (rowid, role) VALUES (new.id, new.role);
END;
CREATE TRIGGER entity_roles_fts_delete AFTER DELETE ON entity_roles BEGIN
    INSERT INTO entity_role_words (entity_role_words, rowid, role) VALUES ('delete', old.id, old.role);
END;
CREATE TABLE classes (
    id INTEGER PRIMARY KEY,
    key TEXT NOT NULL,
    scope TEXT NOT NULL,
    size INTEGER NOT NULL,
    n INTEGER NOT NULL,
    joined INTEGER NOT NULL DEFAULT 0,
    quotation_id INTEGER NOT NULL,
    surfaces TEXT NOT NULL,
    date TEXT,
    UNIQUE (key, scope)
);
CREATE INDEX classes_quotation ON classes (quotation_id);
CREATE TABLE class_scopes (scope TEXT NOT NULL, class_id INTEGER NOT NULL, n INTEGER NOT NULL,
    PRIMARY KEY (scope, class_id)) WITHOUT ROWID;
CREATE INDEX class_scopes_class ON class_scopes (class_id);
CREATE TABLE class_grams (scope TEXT NOT NULL, gram TEXT NOT NULL, class_id INTEGER NOT NULL,
    PRIMARY KEY (scope, gram, class_id)) WITHOUT ROWID;
CREATE TABLE quotations (id INTEGER PRIMARY KEY, text TEXT NOT NULL, date TEXT, n INTEGER NOT NULL);
CREATE INDEX quotations_date ON quotations (date);
"""

# --------------------------------------------------------------------------- opening

CACHE_KIB = 65_536
"""SQLite's page cache per connection (64 MiB): the indexes a large bank walks stay in memory."""
# Indexes added to schema 2 after banks were written with it: created when such a bank is opened for writing.
_LATER_INDEXES = ("CREATE INDEX IF NOT EXISTS occurrences_entity_channel ON occurrences (entity_id, channel, id)",)
BUSY_TIMEOUT = 60.0
"""Seconds a writer waits for another one (another process adding articles) before giving up."""


def connect(path: str, *, read_only: bool | None = None) -> tuple[sqlite3.Connection, int]:
    """Open (or create) a quotebank database: the connection and the schema version it was written with.

    Only a missing path (a new bank is created, atomically: a bank file is
    complete or absent, whoever else is creating it) or a quotebank database is
    accepted; nothing is written to any other file. ``read_only`` (by default:
    when the file is not writable) opens it without ever writing to it.
    """
    if path in ("", ":memory:"):
        conn = sqlite3.connect(":memory:", isolation_level=None)
        conn.executescript(_creation_script())
        conn.execute("PRAGMA foreign_keys = ON")
        return conn, SCHEMA_VERSION
    file = Path(path)
    if file.is_dir():
        raise BankError(f"{path} is a directory, not a quotebank database")
    if not file.exists():
        if read_only:
            raise BankError(f"there is no bank at {path}")
        if not file.parent.is_dir():
            raise BankError(f"cannot create {path}: the directory {file.parent} does not exist")
        _create_file(file)
    if file.stat().st_size == 0:
        raise BankError(f"{path} is an empty file, not a quotebank database: remove it, or give another path")
    if read_only is None:
        read_only = not os.access(file, os.W_OK) or not os.access(file.parent, os.W_OK)
    conn = _open(file, read_only)
    try:
        version = _check(conn, path)
        if version < SCHEMA_VERSION and read_only:
            raise BankError(
                f"{path} is a bank of schema {version}, which this quotebank migrates to schema {SCHEMA_VERSION} "
                "when it opens the bank with write access: open it once with QuoteBank.open() on a writable copy"
            )
        if not read_only:
            conn.execute("PRAGMA journal_mode = WAL")
            conn.execute("PRAGMA synchronous = NORMAL")
            if version == SCHEMA_VERSION:
                for statement in _LATER_INDEXES:
                    conn.execute(statement)
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute(f"PRAGMA cache_size = -{CACHE_KIB}")
    except sqlite3.Error as exc:
        conn.close()
        raise BankError(f"cannot open {path}: {exc}") from None
    except BaseException:
        conn.close()
        raise
    return conn, version


def _creation_script() -> str:
    return (
        _TABLES
        + "INSERT INTO meta VALUES ('generation', '0');\n"
        + f"PRAGMA application_id = {APPLICATION_ID};\nPRAGMA user_version = {SCHEMA_VERSION};\n"
    )


def _open(file: Path, read_only: bool) -> sqlite3.Connection:
    location = urllib.parse.quote(str(file.resolve()))
    tries = (
        [f"file:{location}?mode=ro", f"file:{location}?mode=ro&immutable=1"]
        if read_only
        else [f"file:{location}?mode=rw"]
    )
    error: Exception | None = None
    for uri in tries:
        try:
            conn = sqlite3.connect(uri, uri=True, isolation_level=None, timeout=BUSY_TIMEOUT)
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        except sqlite3.DatabaseError as exc:
            if "not a database" in str(exc):
                raise BankError(f"{file} is not a quotebank database ({exc})") from None
            error = exc
            continue
        if read_only:
            conn.execute("PRAGMA query_only = ON")
        return conn
    raise BankError(f"cannot open {file}: {error}")


def _create_file(file: Path) -> None:
    """Build a new bank beside ``file`` and link it into place, unless another process got there first."""
    tmp = file.with_name(f".{file.name}.{os.getpid()}.{uuid.uuid4().hex[:8]}.tmp")
    try:
        conn = sqlite3.connect(tmp, isolation_level=None)
        try:
            conn.executescript(_creation_script())
        finally:
            conn.close()
        try:
            os.link(tmp, file)
        except FileExistsError:
            pass  # another process created the bank meanwhile: it is complete, use it
        except OSError:  # no hard links on this file system: an exclusive create, then a copy
            try:
                with open(file, "xb") as out, open(tmp, "rb") as src:
                    out.write(src.read())
            except FileExistsError:
                pass
    except sqlite3.Error as exc:
        raise BankError(f"cannot create {file}: {exc}") from None
    finally:
        tmp.unlink(missing_ok=True)


def _check(conn: sqlite3.Connection, path: str) -> int:
    """The schema version of a quotebank database; BankError for any other file, or a newer bank."""
    try:
        application_id = conn.execute("PRAGMA application_id").fetchone()[0]
        version = conn.execute("PRAGMA user_version").fetchone()[0]
    except sqlite3.DatabaseError as exc:
        raise BankError(f"{path} is not a quotebank database ({exc})") from None
    if application_id != APPLICATION_ID:
        raise BankError(f"{path} is an SQLite database, but not a quotebank one: give another path")
    if version > SCHEMA_VERSION:
        raise BankError(
            f"{path} was written by a newer quotebank (bank schema {version}; this version reads schema "
            f"{SCHEMA_VERSION} and older): upgrade quotebank to open it"
        )
    if version < 1:
        raise BankError(f"{path} is an incomplete quotebank database (schema version {version})")
    return int(version)


def create_tables(conn: sqlite3.Connection) -> None:
    """Create this version's tables (in the caller's transaction: for migrations)."""
    for statement in _statements(_TABLES):
        conn.execute(statement)
    conn.execute("INSERT INTO meta VALUES ('generation', '0')")
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")


def _statements(script: str) -> list[str]:
    out, current = [], ""
    for line in script.splitlines(keepends=True):
        current += line
        if sqlite3.complete_statement(current):
            out.append(current.strip())
            current = ""
    return out
