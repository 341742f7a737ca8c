"""The bank itself: :class:`QuoteBank`, storing articles and their quotes; linking and merging as each comes in.

This module holds the transactions (adding, replacing, removing, merging banks, migrating); what one article
writes into the tables, and taking it out again, is in :mod:`.writing`.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import logging
import os
import sqlite3
import sys
from collections import Counter, deque
from collections.abc import Collection, Iterable, Iterator, Mapping, Sequence
from types import TracebackType
from typing import TYPE_CHECKING, Any

import attrs

from ..errors import BankError, RecordError
from ..model import Quote, QuoteKind
from .exports import BankExports
from .incremental import EntityLinker
from .quotations import QuotationMerger
from .records import article, sha1, to_record
from .schema import SCHEMA_VERSION, connect
from .values import AddStats, SpeakerEntity
from .writing import affected_occurrences, migrate, quote_date, store_article, take_out_article

if TYPE_CHECKING:
    from spacy.language import Language

    from ..corpus.records import Record

__all__ = ["QUOTED_KINDS", "QuoteBank"]

logger = logging.getLogger("quotebank")

QUOTED_KINDS = (QuoteKind.DIRECT, QuoteKind.PARTIAL, QuoteKind.EMBEDDED_POST)
"""The kinds that make quotations (indirect speech is kept as occurrences only)."""


class _NoProgress:
    def update(self, n: int = 1) -> None:
        pass

    def close(self) -> None:
        pass


def _progress_bar(enabled: bool | None, total: int | None) -> Any:
    if enabled is None:
        enabled = sys.stderr.isatty()
    if enabled:
        from tqdm import tqdm  # a dependency of quotebank (and of spaCy)

        return tqdm(total=total, unit="doc", desc="quotebank", file=sys.stderr)
    return _NoProgress()


class QuoteBank(BankExports):
    """Quotations from many articles: one entity per speaker, one record per quotation.

    Args:
        path: ``":memory:"`` (the default) or a file; see :meth:`open`.
        nlp: The pipeline for :meth:`add` and :meth:`add_many`; by default
            :func:`quotebank.load` (), loaded on first use.
        read_only: Never write to the file (by default: when it is not writable).

    Raises:
        BankError: when ``path`` is not a quotebank database, was written by a
            newer quotebank, or cannot be created.
    """

    def __init__(
        self, path: str | os.PathLike[str] = ":memory:", *, nlp: Language | None = None, read_only: bool | None = None
    ) -> None:
        self._path = os.fspath(path)
        self._nlp = nlp
        self._conn, version = connect(self._path, read_only=read_only)
        self._read_only = bool(self._conn.execute("PRAGMA query_only").fetchone()[0])
        self._entity_cache: dict[int, SpeakerEntity] = {}
        self._cache_generation = -1
        if version < SCHEMA_VERSION:
            self._migrate(version)

    @classmethod
    def open(
        cls, path: str | os.PathLike[str], *, nlp: Language | None = None, read_only: bool | None = None
    ) -> QuoteBank:
        """Open the bank stored in ``path`` (an SQLite file), creating it when it does not exist.

        Only a missing path or a quotebank database is accepted: an empty file, another application's database
        or a bank a newer quotebank wrote raise :class:`~quotebank.errors.BankError`, and nothing is written to
        them. Several processes may open and add to one bank: a writer waits for the others (up to a minute).
        """
        if os.fspath(path) in ("", ":memory:"):
            raise ValueError("QuoteBank.open() needs a file path; use QuoteBank() for a bank in memory")
        return cls(path, nlp=nlp, read_only=read_only)

    # ----------------------------------------------------------------- housekeeping

    @property
    def path(self) -> str:
        return self._path

    @property
    def read_only(self) -> bool:
        return self._read_only

    @property
    def nlp(self) -> Language:
        if self._nlp is None:
            from ..api import load

            self._nlp = load()
        return self._nlp

    def close(self) -> None:
        """Close the database; every completed :meth:`add` is already saved."""
        self._conn.close()

    def __enter__(self) -> QuoteBank:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    def __len__(self) -> int:
        return int(self._conn.execute("SELECT count(*) FROM documents").fetchone()[0])

    def __contains__(self, doc_id: object) -> bool:
        return self._conn.execute("SELECT 1 FROM documents WHERE doc_id = ?", (doc_id,)).fetchone() is not None

    def __repr__(self) -> str:
        return f"QuoteBank({self._path!r}, {len(self)} documents)"

    def _repr_html_(self) -> str:
        from ..display import bank_html

        return bank_html(self)

    @contextlib.contextmanager
    def _transaction(self) -> Iterator[sqlite3.Connection]:
        if self._read_only:
            raise BankError(f"the bank {self._path} is open read-only")
        try:
            self._conn.execute("BEGIN IMMEDIATE")
        except sqlite3.Error as exc:
            raise BankError(f"cannot write to the bank {self._path}: {exc}") from None
        try:
            yield self._conn
        except BaseException:
            self._conn.execute("ROLLBACK")
            raise
        try:
            self._bump(self._conn)
        except BaseException:
            self._conn.execute("ROLLBACK")
            raise
        self._conn.execute("COMMIT")

    @staticmethod
    def _bump(db: sqlite3.Connection) -> None:
        """The last write of every transaction: readers' caches know the bank changed."""
        db.execute("UPDATE meta SET value = CAST(value AS INTEGER) + 1 WHERE key = 'generation'")

    # ----------------------------------------------------------------- adding

    def add(
        self,
        text: str,
        *,
        doc_id: str,
        date: str | dt.date | None = None,
        url: str | None = None,
        source: str | None = None,
        replace: bool = False,
    ) -> list[Quote]:
        """Extract the quotes of one article and store them, in one transaction.

        Args:
            text: The article.
            doc_id: Its id in the bank. The same ``doc_id`` with the same text
                again does nothing (but update ``date``, ``url`` and
                ``source`` when given).
            date: Publication date (ISO string, ``date`` or ``datetime``).
            url: Where it was published (exported in ``urls``).
            source: The outlet.
            replace: Replace the stored article when ``doc_id`` is stored with another text.

        Returns:
            The article's quotes as extracted (speakers as the article gives them).

        Raises:
            BankError: when ``doc_id`` is stored with another text and ``replace`` is not set.
        """
        if not isinstance(text, str):
            raise TypeError(f"add() needs the article text as str, not {type(text).__name__}")
        from ..api import check_text, extract

        check_text(text)  # refused as extract() refuses it: InvalidTextError with the offset
        record = article(doc_id, text, date, url, source)
        if self._unchanged(record, replace):
            return self._stored_quotes(record.id)
        quotes = extract(text, nlp=self.nlp, doc_id=record.id)
        self._store(record, quotes)
        return quotes

    def add_quotes(
        self,
        text: str,
        quotes: Iterable[Quote],
        *,
        doc_id: str,
        date: str | dt.date | None = None,
        url: str | None = None,
        source: str | None = None,
        replace: bool = False,
    ) -> list[Quote]:
        """Store an article with quotes extracted elsewhere (by :func:`quotebank.extract`, a cluster, by hand).

        Raises:
            ValueError: when a quote's offsets are outside ``text`` or do not match it.
            BankError: when ``doc_id`` is stored with another text and ``replace`` is not set.
        """
        if not isinstance(text, str):
            raise TypeError(f"add_quotes() needs the article text as str, not {type(text).__name__}")
        from ..api import check_text

        check_text(text)  # refused as extract() refuses it: InvalidTextError with the offset
        record = article(doc_id, text, date, url, source)
        checked = []
        for q in quotes:
            if not isinstance(q, Quote):
                raise TypeError(f"add_quotes() needs Quote objects, not {type(q).__name__}")
            if not 0 <= q.start <= q.end <= len(text):
                raise ValueError(f"quote {q.id} [{q.start}:{q.end}] is outside the text ({len(text)} characters)")
            if text[q.start : q.end] != q.text:
                raise ValueError(f"quote {q.id} [{q.start}:{q.end}] does not match the text: {q.text[:40]!r}")
            checked.append(attrs.evolve(q, doc_id=record.id))
        if self._unchanged(record, replace):
            stored = self._stored_quotes(record.id)
            if stored == checked:
                return checked
        self._store(record, checked)
        return checked

    def add_many(
        self,
        records: Iterable[str | tuple[str, str] | Mapping[str, Any]],
        *,
        batch_size: int = 32,
        n_process: int = 1,
        progress: bool | None = None,
        replace: bool = False,
    ) -> AddStats:
        """Extract and store many articles with :func:`quotebank.extract_many`; each one its own transaction.

        Args:
            records: Mappings ``{"doc_id" (or "id"), "text", "date", "url",
                "source"}``, ``(text, doc_id)`` pairs or bare texts (whose id is
                ``sha1:`` and the start of the text's SHA-1). Read lazily: a
                generator is never held in memory, nor are the Docs.
            batch_size: Articles per ``nlp.pipe`` batch.
            n_process: Worker processes (see :func:`quotebank.extract_many`).
            progress: Show a progress bar (tqdm); by default when stderr is a terminal.
            replace: Replace stored articles whose id comes again with another text; without it such a
                record is skipped with a warning (and counted in :attr:`AddStats.skipped`).

        Articles already stored with the same text are skipped before any
        processing, so an interrupted run can simply be started again. An
        article that cannot be read or processed is logged and reported in
        :attr:`AddStats.failed`; the others go on.
        """
        if isinstance(records, str | bytes) or not isinstance(records, Iterable):
            raise TypeError(
                f"add_many() needs an iterable of records (texts, (text, doc_id) pairs or mappings), not "
                f"{type(records).__name__}: for one article, use add()"
            )
        from ..corpus import extract_many

        total = len(records) if isinstance(records, Collection) else None
        bar = _progress_bar(progress, total)
        pending: deque[Record] = deque()
        counts = Counter[str]()
        failed: list[tuple[str, str]] = []

        def feed() -> Iterator[dict[str, Any]]:
            for position, raw in enumerate(records):
                try:
                    record = to_record(raw, position)
                    unchanged = self._unchanged(record, replace)
                except RecordError as exc:  # named by its id, as extract_many names a bad record
                    failed.append((exc.record_id or str(position), f"{exc.field!r} {exc.reason}"))
                    logger.warning("quotebank bank: %s", exc)
                    bar.update()
                    continue
                except (TypeError, ValueError) as exc:
                    failed.append((str(position), str(exc)))
                    logger.warning("quotebank bank: %s", exc)
                    bar.update()
                    continue
                except _Conflict as exc:
                    counts["skipped"] += 1
                    logger.warning("quotebank bank: %s", exc)
                    bar.update()
                    continue
                if unchanged:
                    counts["unchanged"] += 1
                    bar.update()
                    continue
                pending.append(record)
                # A mapping, not a Record: extract_many checks it (corpus.records) and reports a bad one in place.
                yield {"id": record.id, "text": record.text, "date": record.date, "url": record.url}

        try:
            for result in extract_many(feed(), nlp=self.nlp, n_process=n_process, batch_size=batch_size):
                record = pending.popleft()
                if result.error is not None:
                    failed.append((record.id, result.error.message))
                    logger.warning("quotebank bank: %s not added: %s", record.id, result.error.message)
                else:
                    counts["replaced" if self._store(record, list(result.quotes)) else "added"] += 1
                    counts["quotes"] += len(result.quotes)
                bar.update()
        finally:
            bar.close()
        return AddStats(
            added=counts["added"],
            replaced=counts["replaced"],
            unchanged=counts["unchanged"],
            skipped=counts["skipped"],
            failed=tuple(failed),
            quotes=counts["quotes"],
        )

    def _unchanged(self, record: Record, replace: bool = True) -> bool:
        """True when the article is stored with this text (then its metadata is updated if given).

        Raises ``_Conflict`` (a :class:`BankError`) when it is stored with another text and ``replace`` is not set.
        """
        row = self._conn.execute(
            "SELECT sha1, date, url, source, seq FROM documents WHERE doc_id = ?", (record.id,)
        ).fetchone()
        if row is None:
            return False
        if row[0] != sha1(record.text):
            if replace:
                return False
            raise _Conflict(
                f"{record.id!r} is already in the bank with another text; pass replace=True "
                "(quotebank bank add --replace) to replace it, or give the new article another id"
            )
        new = (record.date or row[1], record.url or row[2], record.source or row[3])
        if new != tuple(row[1:4]):
            with self._transaction() as db:
                db.execute("UPDATE documents SET date = ?, url = ?, source = ? WHERE seq = ?", (*new, row[4]))
                if new[0] != row[1]:
                    ids = [r[0] for r in db.execute("SELECT id FROM occurrences WHERE doc_seq = ?", (row[4],))]
                    merger = QuotationMerger(db)
                    merger.remove(ids)
                    for oid, data in db.execute(
                        "SELECT id, data FROM occurrences WHERE doc_seq = ?", (row[4],)
                    ).fetchall():
                        date = quote_date(Quote.from_dict(json.loads(data)), new[0])
                        db.execute("UPDATE occurrences SET date = ? WHERE id = ?", (date, oid))
                    merger.place(ids)
                    merger.finish()
        return True

    def _store(self, record: Record, quotes: Sequence[Quote]) -> bool:
        """Store one article and its quotes in one transaction; True when it replaced an older version."""
        with self._transaction() as db:
            replaced = store_article(db, record, quotes)
        return replaced

    def remove(self, doc_id: str) -> bool:
        """Remove an article and its quotes; False when there was none."""
        with self._transaction() as db:
            row = db.execute("SELECT seq FROM documents WHERE doc_id = ?", (doc_id,)).fetchone()
            if row is None:
                return False
            linker, merger = EntityLinker(db), QuotationMerger(db)
            take_out_article(db, row[0], linker, merger)
            linker.finish()
            merger.place(affected_occurrences(db, linker))
            merger.finish()
        return True

    def merge(self, other: QuoteBank | str | os.PathLike[str], *, replace: bool = False) -> AddStats:
        """Add every article of another bank (a shard built elsewhere) with its quotes, as :meth:`add_quotes` would.

        The result is the same as adding all the articles to this bank (speakers are linked and quotations
        merged across both); articles already here with the same text are left alone, and one with the same id
        but another text is skipped with a warning unless ``replace`` is set. Each article is one transaction, so
        an interrupted merge can simply be run again.
        """
        source = other if isinstance(other, QuoteBank) else QuoteBank.open(other, read_only=True)
        counts = Counter[str]()
        try:
            for doc_id, text, date, url, src in source._conn.execute(
                "SELECT doc_id, text, date, url, source FROM documents ORDER BY seq"
            ).fetchall():
                record = article(doc_id, text, date, url, src)
                try:
                    if self._unchanged(record, replace):
                        counts["unchanged"] += 1
                        continue
                except _Conflict as exc:
                    counts["skipped"] += 1
                    logger.warning("quotebank bank merge: %s", exc)
                    continue
                quotes = source._stored_quotes(doc_id)
                counts["replaced" if self._store(record, quotes) else "added"] += 1
                counts["quotes"] += len(quotes)
        finally:
            if source is not other:
                source.close()
        return AddStats(
            added=counts["added"],
            replaced=counts["replaced"],
            unchanged=counts["unchanged"],
            skipped=counts["skipped"],
            quotes=counts["quotes"],
        )

    def _stored_quotes(self, doc_id: str) -> list[Quote]:
        return [
            Quote.from_dict(json.loads(r[0]))
            for r in self._conn.execute(
                "SELECT o.data FROM occurrences o JOIN documents d ON d.seq = o.doc_seq WHERE d.doc_id = ?"
                " ORDER BY o.start_char, o.id",
                (doc_id,),
            )
        ]

    def _migrate(self, version: int) -> None:
        """Bring a bank of an older schema to this one: its articles and quotes are stored again, as they were."""
        logger.warning("quotebank: migrating the bank %s from schema %d to %d", self._path, version, SCHEMA_VERSION)
        with self._transaction() as db:
            migrate(db)


class _Conflict(BankError):
    """A stored article's id given again with another text, without ``replace``."""
