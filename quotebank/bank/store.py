"""The bank itself: :class:`QuoteBank`, storing articles and their quotes, linking and reading them."""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import logging
import os
import sqlite3
import sys
from collections import Counter, defaultdict, deque
from collections.abc import Collection, Iterable, Iterator, Mapping, Sequence
from types import TracebackType
from typing import IO, TYPE_CHECKING, Any, NamedTuple

import attrs

from ..model import Channel, Quote, QuoteKind, Speaker, SpeakerKind
from ..textnorm import fold, quote_key
from .exports import write_lines
from .linking import MentionRecord, link_speakers, lookup_keys
from .merging import OccurrenceRecord, merge_quotations
from .records import ArticleRecord, check_doc_id, iso_date, optional_str, sha1, to_record
from .schema import connect
from .values import AddStats, Document, Quotation, SpeakerEntity, SpeakerLink

if TYPE_CHECKING:
    import pandas
    from spacy.language import Language

__all__ = ["QUOTED_KINDS", "QuoteBank"]

logger = logging.getLogger("quotebank")

QUOTED_KINDS = (QuoteKind.DIRECT, QuoteKind.PARTIAL, QuoteKind.EMBEDDED_POST)
"""The kinds that make quotations (indirect speech is kept as occurrences only)."""

_SELECT_OCCURRENCES = """
SELECT o.id, o.data, d.doc_id, o.date, d.url, d.source, m.entity_id, m.speaker, m.probability, o.quotation_id
FROM occurrences o JOIN documents d ON d.seq = o.doc_seq LEFT JOIN mentions m ON m.id = o.mention_id
"""
_ORDER = " ORDER BY o.doc_seq, o.start_char, o.id"


class _Row(NamedTuple):
    """One row of ``_SELECT_OCCURRENCES``."""

    occurrence: int
    data: str
    doc_id: str
    date: str | None
    url: str | None
    source: str | None
    entity_id: int | None
    mention: str | None
    probability: float | None
    quotation_id: int | None


def _kind_class(kind: SpeakerKind) -> str:
    if kind is SpeakerKind.UNNAMED:
        return "unnamed"
    return "org" if kind in (SpeakerKind.ORGANIZATION, SpeakerKind.MEDIA) else "person"


def _doc_speakers(quotes: Sequence[Quote]) -> tuple[list[Speaker], list[int | None]]:
    """One speaker per person (name, kind and handle) the article quotes; each quote's index into them.

    A post without an attributed speaker is given its signature's author and handle.
    """
    speakers: list[Speaker] = []
    index: dict[tuple[str, str, str], int] = {}
    of_quote: list[int | None] = []
    for q in quotes:
        sp = q.speaker
        if sp is None and q.post is not None and q.post.author.strip():
            sp = Speaker(name=q.post.author, handle=q.post.handle)
        if sp is None:
            of_quote.append(None)
            continue
        key = (fold(sp.name), _kind_class(sp.kind), (sp.handle or "").lstrip("@").casefold())
        i = index.get(key)
        if i is None:
            index[key] = i = len(speakers)
            speakers.append(sp)
        else:
            old = speakers[i]
            speakers[i] = attrs.evolve(
                old,
                role=old.role or sp.role,
                roles=tuple(dict.fromkeys((*old.roles, *sp.roles))),
                kind=old.kind if old.kind is not SpeakerKind.UNKNOWN else sp.kind,
                aliases=tuple(dict.fromkeys((*old.aliases, *sp.aliases))),
                handle=old.handle or sp.handle,
            )
        of_quote.append(i)
    return speakers, of_quote


def _quote_date(q: Quote, doc_date: str | None) -> str | None:
    if doc_date or q.post is None or not q.post.date:
        return doc_date
    try:
        return iso_date(q.post.date)
    except ValueError:
        return None


class _NoProgress:
    def update(self, n: int = 1) -> None:
        pass

    def close(self) -> None:
        pass


def _progress_bar(enabled: bool | None, total: int | None) -> Any:
    if enabled is None:
        enabled = sys.stderr.isatty()
    if enabled:
        try:
            from tqdm import tqdm
        except ImportError:
            logger.info("install tqdm (pip install 'quotebank[progress]') for a progress bar")
        else:
            return tqdm(total=total, unit="doc", desc="quotebank", file=sys.stderr)
    return _NoProgress()


# --------------------------------------------------------------------------- the bank


class QuoteBank:
    """Quotations from many articles: one entity per speaker, one record per quotation.

    Args:
        path: ``":memory:"`` (the default) or a file; see :meth:`open`.
        nlp: The pipeline for :meth:`add` and :meth:`add_many`; by default
            :func:`quotebank.load` (), loaded on first use.

    Raises:
        BankError: when ``path`` is not a quotebank database, was written by a
            newer quotebank, or cannot be created.
    """

    def __init__(self, path: str | os.PathLike[str] = ":memory:", *, nlp: Language | None = None) -> None:
        self._path = os.fspath(path)
        self._nlp = nlp
        self._conn = connect(self._path)
        self._cached_generation = -1
        self._entities: dict[int, SpeakerEntity] = {}

    @classmethod
    def open(cls, path: str | os.PathLike[str], *, nlp: Language | None = None) -> QuoteBank:
        """Open the bank stored in ``path`` (an SQLite file), creating it when it does not exist.

        Nothing is written to a file that is not a quotebank database, or that a
        newer quotebank wrote: both raise :class:`~quotebank.errors.BankError`.
        """
        if os.fspath(path) in ("", ":memory:"):
            raise ValueError("QuoteBank.open() needs a file path; use QuoteBank() for a bank in memory")
        return cls(path, nlp=nlp)

    # ----------------------------------------------------------------- housekeeping

    @property
    def path(self) -> str:
        return self._path

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
        self._conn.execute("BEGIN IMMEDIATE")
        try:
            yield self._conn
        except BaseException:
            self._conn.execute("ROLLBACK")
            raise
        self._conn.execute("COMMIT")

    def _meta(self, key: str) -> str:
        return str(self._conn.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()[0])

    # ----------------------------------------------------------------- adding

    def add(
        self,
        text: str,
        *,
        doc_id: str,
        date: str | dt.date | None = None,
        url: str | None = None,
        source: str | None = None,
    ) -> list[Quote]:
        """Extract the quotes of one article and store them, in one transaction.

        Args:
            text: The article.
            doc_id: Its id in the bank. The same ``doc_id`` with the same text
                again does nothing (but update ``date``, ``url`` and
                ``source`` when given); with another text, it replaces the article.
            date: Publication date (ISO string, ``date`` or ``datetime``).
            url: Where it was published (exported in ``urls``).
            source: The outlet.

        Returns:
            The article's quotes as extracted (speakers as the article gives them).
        """
        if not isinstance(text, str):
            raise TypeError(f"add() needs the article text as str, not {type(text).__name__}")
        record = ArticleRecord(
            check_doc_id(doc_id), text, iso_date(date), optional_str(url, "url"), optional_str(source, "source")
        )
        if self._unchanged(record):
            return self._stored_quotes(record.doc_id)
        from ..api import extract

        quotes = extract(text, nlp=self.nlp, doc_id=record.doc_id)
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
    ) -> list[Quote]:
        """Store an article with quotes extracted elsewhere (by :func:`quotebank.extract`, a cluster, by hand).

        Raises:
            ValueError: when a quote's offsets do not match ``text``.
        """
        record = ArticleRecord(
            check_doc_id(doc_id), text, iso_date(date), optional_str(url, "url"), optional_str(source, "source")
        )
        checked = []
        for q in quotes:
            if text[q.start : q.end] != q.text:
                raise ValueError(f"quote {q.id} [{q.start}:{q.end}] does not match the text: {q.text[:40]!r}")
            checked.append(attrs.evolve(q, doc_id=record.doc_id))
        self._store(record, checked)
        return checked

    def add_many(
        self,
        records: Iterable[str | tuple[str, str] | Mapping[str, Any]],
        *,
        batch_size: int = 32,
        n_process: int = 1,
        progress: bool | None = None,
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

        Articles already stored with the same text are skipped before any
        processing, so an interrupted run can simply be started again. An
        article that cannot be read or processed is logged and reported in
        :attr:`AddStats.failed`; the others go on.
        """
        from ..corpus import extract_many

        total = len(records) if isinstance(records, Collection) else None
        bar = _progress_bar(progress, total)
        pending: deque[ArticleRecord] = deque()
        counts = Counter[str]()
        failed: list[tuple[str, str]] = []

        def feed() -> Iterator[dict[str, Any]]:
            for position, raw in enumerate(records):
                try:
                    record = to_record(raw, position)
                except (TypeError, ValueError) as exc:
                    failed.append((str(position), str(exc)))
                    logger.warning("quotebank bank: %s", exc)
                    bar.update()
                    continue
                if self._unchanged(record):
                    counts["unchanged"] += 1
                    bar.update()
                    continue
                pending.append(record)
                # A mapping, not a Record: extract_many checks it (corpus.records) and reports a bad one in place.
                yield {"id": record.doc_id, "text": record.text, "date": record.date, "url": record.url}

        try:
            for result in extract_many(feed(), nlp=self.nlp, n_process=n_process, batch_size=batch_size):
                record = pending.popleft()
                if result.error is not None:
                    failed.append((record.doc_id, result.error.message))
                    logger.warning("quotebank bank: %s not added: %s", record.doc_id, result.error.message)
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
            failed=tuple(failed),
            quotes=counts["quotes"],
        )

    def _unchanged(self, record: ArticleRecord) -> bool:
        """True when the article is stored with this text; then its metadata is updated if given."""
        row = self._conn.execute(
            "SELECT sha1, date, url, source FROM documents WHERE doc_id = ?", (record.doc_id,)
        ).fetchone()
        if row is None or row[0] != sha1(record.text):
            return False
        new = (record.date or row[1], record.url or row[2], record.source or row[3])
        if new != tuple(row[1:]):
            with self._transaction() as db:
                seq = db.execute(
                    "UPDATE documents SET date = ?, url = ?, source = ? WHERE doc_id = ? RETURNING seq",
                    (*new, record.doc_id),
                ).fetchone()[0]
                if new[0] != row[1]:
                    db.execute("UPDATE occurrences SET date = ? WHERE doc_seq = ?", (new[0], seq))
                self._bump(db)
        return True

    @staticmethod
    def _bump(db: sqlite3.Connection) -> None:
        db.execute("UPDATE meta SET value = CAST(value AS INTEGER) + 1 WHERE key = 'generation'")

    def _store(self, record: ArticleRecord, quotes: Sequence[Quote]) -> bool:
        """Store one article and its quotes in one transaction; True when it replaced an older version."""
        speakers, of_quote = _doc_speakers(quotes)
        now = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
        with self._transaction() as db:
            deleted = db.execute("DELETE FROM documents WHERE doc_id = ?", (record.doc_id,)).rowcount
            seq = db.execute(
                "INSERT INTO documents (doc_id, sha1, text, date, url, source, added) VALUES (?, ?, ?, ?, ?, ?, ?)",
                (record.doc_id, sha1(record.text), record.text, record.date, record.url, record.source, now),
            ).lastrowid
            mention_ids = [
                db.execute(
                    "INSERT INTO mentions (doc_seq, speaker) VALUES (?, ?)",
                    (seq, json.dumps(sp.to_dict(), ensure_ascii=False)),
                ).lastrowid
                for sp in speakers
            ]
            db.executemany(
                "INSERT INTO occurrences (doc_seq, quote_id, start_char, end_char, kind, channel, date, mention_id, "
                "words, data) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [
                    (
                        seq,
                        q.id,
                        q.start,
                        q.end,
                        q.kind.value,
                        q.channel.value,
                        _quote_date(q, record.date),
                        mention_ids[i] if i is not None else None,
                        f" {quote_key(q.text)} ",
                        json.dumps(attrs.evolve(q, doc_id=record.doc_id).to_dict(), ensure_ascii=False),
                    )
                    for q, i in zip(quotes, of_quote, strict=True)
                ],
            )
            self._bump(db)
        return deleted > 0

    def remove(self, doc_id: str) -> bool:
        """Remove an article and its quotes; False when there was none."""
        with self._transaction() as db:
            deleted = db.execute("DELETE FROM documents WHERE doc_id = ?", (doc_id,)).rowcount
            if deleted:
                self._bump(db)
        return deleted > 0

    # ----------------------------------------------------------------- linking

    def _refresh(self) -> None:
        """Re-link speakers and re-merge quotations if articles changed since the last time."""
        generation = int(self._meta("generation"))
        if generation == self._cached_generation:
            return
        if int(self._meta("linked")) != generation:
            with self._transaction() as db:
                generation = int(self._meta("generation"))
                if int(self._meta("linked")) != generation:
                    self._relink(db)
                    db.execute("UPDATE meta SET value = ? WHERE key = 'linked'", (str(generation),))
        self._entities = self._load_entities()
        self._cached_generation = generation

    def _relink(self, db: sqlite3.Connection) -> None:
        mentions = []
        for mid, doc_seq, doc_id, date, data in db.execute(
            "SELECT m.id, m.doc_seq, d.doc_id, d.date, m.speaker FROM mentions m JOIN documents d ON d.seq = m.doc_seq"
        ):
            sp = Speaker.from_dict(json.loads(data))
            mentions.append(
                MentionRecord(
                    id=mid,
                    doc=doc_seq,
                    doc_id=doc_id,
                    date=date,
                    name=sp.name,
                    kind=sp.kind,
                    handle=sp.handle,
                    roles=sp.roles,
                    aliases=sp.aliases,
                )
            )
        linking = link_speakers(mentions)
        db.execute("DELETE FROM entities")
        db.execute("DELETE FROM aliases")
        db.executemany(
            "INSERT INTO entities (id, name, kind, data) VALUES (?, ?, ?, ?)",
            [
                (
                    e.id,
                    e.name,
                    e.kind.value,
                    json.dumps({"aliases": e.names, "roles": e.roles, "handles": e.handles}, ensure_ascii=False),
                )
                for e in linking.entities
            ],
        )
        db.executemany(
            "INSERT OR IGNORE INTO aliases (key, entity_id) VALUES (?, ?)",
            [(key, e.id) for e in linking.entities for key in e.keys],
        )
        db.executemany(
            "UPDATE mentions SET entity_id = ?, method = ?, probability = ?, evidence = ? WHERE id = ?",
            [
                (link.entity, link.method, link.probability, json.dumps(link.evidence, ensure_ascii=False), mid)
                for mid, link in linking.links.items()
            ],
        )

        rows = db.execute(
            "SELECT o.id, o.doc_seq, m.entity_id, o.words, json_extract(o.data, '$.text'), o.date "
            "FROM occurrences o LEFT JOIN mentions m ON m.id = o.mention_id WHERE o.kind IN (?, ?, ?)",
            [k.value for k in QUOTED_KINDS],
        ).fetchall()
        groups = merge_quotations(
            OccurrenceRecord(id=oid, scope=f"e{entity}" if entity is not None else f"d{doc}", key=words.strip())
            for oid, doc, entity, words, _text, _date in rows
        )
        members: dict[int, list[tuple[int, str, str, str | None]]] = defaultdict(list)
        for oid, _doc, _entity, words, text, date in rows:
            members[groups[oid]].append((oid, words, text, date))
        quotations = []
        for qid, occ in members.items():
            longest = max(len(w) for _oid, w, _t, _d in occ)
            surfaces = Counter(t.strip().rstrip(",;:").strip() for _oid, w, t, _d in occ if len(w) == longest)
            text = max(surfaces.items(), key=lambda item: item[1])[0]
            dates = [d for *_rest, d in occ if d]
            quotations.append((qid, text, min(dates) if dates else None, len(occ)))
        db.execute("DELETE FROM quotations")
        db.execute("UPDATE occurrences SET quotation_id = NULL WHERE quotation_id IS NOT NULL")
        db.executemany("INSERT INTO quotations (id, text, date, n) VALUES (?, ?, ?, ?)", quotations)
        db.executemany("UPDATE occurrences SET quotation_id = ? WHERE id = ?", [(q, o) for o, q in groups.items()])

    def _load_entities(self) -> dict[int, SpeakerEntity]:
        links: dict[int, list[SpeakerLink]] = defaultdict(list)
        for entity_id, doc_id, speaker, method, probability, evidence in self._conn.execute(
            "SELECT m.entity_id, d.doc_id, m.speaker, m.method, m.probability, m.evidence "
            "FROM mentions m JOIN documents d ON d.seq = m.doc_seq ORDER BY m.id"
        ):
            sp = Speaker.from_dict(json.loads(speaker))
            links[entity_id].append(
                SpeakerLink(
                    doc_id=doc_id,
                    name=sp.name,
                    roles=sp.roles,
                    method=method,
                    probability=probability,
                    evidence=tuple(json.loads(evidence)),
                )
            )
        counts = dict(
            self._conn.execute(
                "SELECT m.entity_id, count(*) FROM occurrences o JOIN mentions m ON m.id = o.mention_id "
                "GROUP BY m.entity_id"
            ).fetchall()
        )
        entities = {}
        for eid, name, kind, data in self._conn.execute("SELECT id, name, kind, data FROM entities ORDER BY id"):
            extra = json.loads(data)
            entities[eid] = SpeakerEntity(
                id=f"S{eid}",
                name=name,
                kind=SpeakerKind(kind),
                aliases=tuple(extra["aliases"]),
                roles=tuple(extra["roles"]),
                handles=tuple(extra["handles"]),
                doc_ids=tuple(dict.fromkeys(link.doc_id for link in links[eid])),
                n_quotes=counts.get(eid, 0),
                links=tuple(links[eid]),
            )
        return entities

    # ----------------------------------------------------------------- reading

    def _view(self, row: _Row) -> Quote:
        """An occurrence as a Quote whose speaker is the bank entity (with this quote's role)."""
        q = Quote.from_dict(json.loads(row.data))
        if q.doc_id != row.doc_id:
            q = attrs.evolve(q, doc_id=row.doc_id)
        entity = self._entities.get(row.entity_id) if row.entity_id is not None else None
        if entity is None or row.mention is None:
            return q
        in_article = Speaker.from_dict(json.loads(row.mention))
        own = q.speaker
        role = (own.role if own else None) or in_article.role or (in_article.roles[0] if in_article.roles else None)
        handle = (own.handle if own else None) or (q.post.handle if q.post else None) or in_article.handle
        return attrs.evolve(q, speaker=entity.as_speaker(role=role, handle=handle))

    def _rows(self, where: str = "", params: Sequence[Any] = ()) -> list[_Row]:
        self._refresh()
        return [_Row._make(r) for r in self._conn.execute(_SELECT_OCCURRENCES + where + _ORDER, params)]

    @property
    def quotes(self) -> list[Quote]:
        """Every quote occurrence, article by article, with its speaker resolved to the bank's entity.

        Offsets and text are as extracted (into the article's stored text); ``doc_id`` is set.
        """
        return [self._view(row) for row in self._rows()]

    @property
    def speakers(self) -> list[SpeakerEntity]:
        """Every speaker entity, in order of first appearance."""
        self._refresh()
        return list(self._entities.values())

    @property
    def quotations(self) -> list[Quotation]:
        """Every unique quotation (direct, partial and embedded posts), with all its occurrences."""
        rows = self._rows(" WHERE o.quotation_id IS NOT NULL")
        by_quotation: dict[int | None, list[_Row]] = defaultdict(list)
        for row in rows:
            by_quotation[row.quotation_id].append(row)
        out = []
        for qid, text, date in self._conn.execute("SELECT id, text, date FROM quotations ORDER BY id"):
            out.append(self._quotation(qid, text, date, by_quotation[qid]))
        return out

    def _quotation(self, qid: int, text: str, date: str | None, rows: list[_Row]) -> Quotation:
        weights: dict[int | None, float] = defaultdict(float)
        for row in rows:
            if row.entity_id is None or row.probability is None:
                weights[None] += 1.0
            else:
                weights[row.entity_id] += row.probability
                weights[None] += 1.0 - row.probability
        total = max(1, len(rows))
        ranked = sorted(
            ((e, w / total) for e, w in weights.items() if w > 0), key=lambda item: (-item[1], item[0] is None)
        )
        probas = tuple((self._entities[e].name if e is not None else "None", round(p, 4)) for e, p in ranked)
        top = ranked[0][0] if ranked else None
        occurrences = tuple(self._view(row) for row in rows)
        speaker = None
        if top is not None:
            roles = Counter(
                q.speaker.role for q in occurrences if q.speaker and q.speaker.name == self._entities[top].name
            )
            speaker = self._entities[top].as_speaker(role=roles.most_common(1)[0][0] if roles else None)
        return Quotation(
            id=f"{date[:10] if date else 'undated'}-{qid:06d}",
            text=text,
            speaker=speaker,
            speaker_id=f"S{top}" if top is not None else None,
            probas=probas,
            date=date,
            occurrences=occurrences,
            urls=tuple(dict.fromkeys(row.url for row in rows if row.url)),
        )

    def speaker(self, name: str) -> SpeakerEntity | None:
        """The entity known by ``name`` (any name, alias, surname or ``@handle``); the one quoted most if several."""
        found = self._entity_ids(name)
        if not found:
            return None
        return max((self._entities[e] for e in found), key=lambda e: (e.n_quotes, -int(e.id[1:])))

    def _entity_ids(self, name: str) -> set[int]:
        self._refresh()
        keys = sorted(lookup_keys(name))
        marks = ", ".join("?" * len(keys))
        return {r[0] for r in self._conn.execute(f"SELECT entity_id FROM aliases WHERE key IN ({marks})", keys)}

    def document(self, doc_id: str) -> Document | None:
        """A stored article, or None."""
        row = self._conn.execute("SELECT text, date, url, source FROM documents WHERE doc_id = ?", (doc_id,)).fetchone()
        if row is None:
            return None
        return Document(doc_id=doc_id, text=row[0], date=row[1], url=row[2], source=row[3])

    @property
    def doc_ids(self) -> list[str]:
        """The stored articles' ids, in the order they were added."""
        return [r[0] for r in self._conn.execute("SELECT doc_id FROM documents ORDER BY seq")]

    def _stored_quotes(self, doc_id: str) -> list[Quote]:
        return [
            Quote.from_dict(json.loads(r[0]))
            for r in self._conn.execute(
                "SELECT o.data FROM occurrences o JOIN documents d ON d.seq = o.doc_seq WHERE d.doc_id = ?"
                " ORDER BY o.start_char, o.id",
                (doc_id,),
            )
        ]

    def find(
        self,
        *,
        speaker: str | None = None,
        role: str | None = None,
        channel: Channel | str | Iterable[Channel | str] | None = None,
        kind: QuoteKind | str | Iterable[QuoteKind | str] | None = None,
        speaker_kind: SpeakerKind | str | None = None,
        since: str | dt.date | None = None,
        until: str | dt.date | None = None,
        doc_id: str | Iterable[str] | None = None,
        source: str | None = None,
        text: str | None = None,
        limit: int | None = None,
    ) -> list[Quote]:
        """The quote occurrences that meet every condition given, as in :attr:`quotes`.

        Args:
            speaker: Any name, alias, surname or ``@handle`` of the speaker entity.
            role: Words in one of the speaker's roles (``foreign minister``).
            channel: One channel or several.
            kind: One quote kind or several.
            speaker_kind: ``person``, ``organization``, ``media``, ``unnamed``...
            since: First day (inclusive) of the article's (or post's) date.
            until: Last day (inclusive).
            doc_id: One article or several.
            source: The outlet given to :meth:`add`.
            text: Words of the quote, in order; case, punctuation and quotation marks do not count.
            limit: At most this many.
        """
        clauses: list[str] = []
        params: list[Any] = []

        def among(column: str, values: Iterable[Any]) -> None:
            values = list(values)
            clauses.append(f"{column} IN ({', '.join('?' * len(values))})")
            params.extend(values)

        if speaker is not None:
            among("m.entity_id", self._entity_ids(speaker))
        if channel is not None:
            among("o.channel", (Channel(c).value for c in _several(channel)))
        if kind is not None:
            among("o.kind", (QuoteKind(k).value for k in _several(kind)))
        if doc_id is not None:
            among("d.doc_id", [doc_id] if isinstance(doc_id, str) else doc_id)
        if source is not None:
            among("d.source", [source])
        if since is not None:
            clauses.append("substr(o.date, 1, 10) >= ?")
            params.append(str(iso_date(since, "since"))[:10])
        if until is not None:
            clauses.append("substr(o.date, 1, 10) <= ?")
            params.append(str(iso_date(until, "until"))[:10])
        if text is not None:
            words = quote_key(text).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
            clauses.append("o.words LIKE ? ESCAPE '\\'")
            params.append(f"% {words} %")
        where = " WHERE " + " AND ".join(clauses) if clauses else ""
        wanted_kind = SpeakerKind(speaker_kind) if speaker_kind is not None else None
        wanted_role = fold(role) if role is not None else None
        out = []
        for row in self._rows(where, params):
            q = self._view(row)
            sp = q.speaker
            if wanted_kind is not None and (sp is None or sp.kind is not wanted_kind):
                continue
            if wanted_role is not None and (sp is None or not any(wanted_role in fold(r) for r in sp.roles)):
                continue
            out.append(q)
            if limit is not None and len(out) >= limit:
                break
        return out

    # ----------------------------------------------------------------- export

    def _linked(self, row: _Row) -> dict[str, Any]:
        """What the bank knows of an occurrence beyond the Quote itself."""
        linked = row.entity_id is not None
        return {
            "date": row.date,
            "url": row.url,
            "source": row.source,
            "speaker_id": f"S{row.entity_id}" if linked else None,
            "probability": row.probability if linked else None,
            "quotation_id": row.quotation_id,
        }

    def _export_rows(self) -> Iterator[dict[str, Any]]:
        for row in self._rows():
            record = self._view(row).to_dict()
            record.update(
                self._linked(row),
                article_speaker=json.loads(row.mention) if row.mention else None,
                occurrence=row.occurrence,
            )
            yield record

    def to_jsonl(self, dest: str | os.PathLike[str] | IO[str]) -> int:
        """Write every quote occurrence as one JSON line; returns the number of lines.

        Each line is :meth:`Quote.to_dict` of the resolved quote (so
        :meth:`Quote.from_json` reads it back) plus ``date``, ``url``,
        ``source``, ``speaker_id``, ``probability`` (of the speaker link),
        ``quotation_id``, ``article_speaker`` (the speaker as the article
        gives it) and ``occurrence``.
        """
        return write_lines(dest, self._export_rows())

    def to_quotebank_jsonl(self, dest: str | os.PathLike[str] | IO[str]) -> int:
        """Write one JSON line per quotation, with EPFL Quotebank's fields (see :meth:`Quotation.to_dict`)."""
        return write_lines(dest, (q.to_dict() for q in self.quotations))

    def to_dataframe(self) -> pandas.DataFrame:
        """Every quote occurrence as a row of a pandas DataFrame (``pip install 'quotebank[pandas]'``).

        The columns are :data:`quotebank.corpus.rows.BANK_COLUMNS`: :data:`~quotebank.corpus.ROW_COLUMNS` (as for
        :func:`quotebank.extract_many`) followed by ``source``, ``speaker_id``, ``probability`` and
        ``quotation_id``, with the dtypes declared in :mod:`quotebank.corpus.rows` (the Dask frames' too).
        """
        try:
            import pandas  # noqa: F401
        except ImportError:  # pragma: no cover - pandas is in the dev extras
            raise ImportError("to_dataframe() needs pandas: pip install 'quotebank[pandas]'") from None
        from ..corpus.rows import BANK_COLUMNS, frame, quote_row

        return frame(({**quote_row(self._view(row)), **self._linked(row)} for row in self._rows()), BANK_COLUMNS)


def _several(value: Any) -> list[Any]:
    if isinstance(value, str) or not isinstance(value, Iterable):
        return [value]
    return list(value)
