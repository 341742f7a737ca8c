"""Reading a bank: quotes with their speakers resolved, entities, quotations, and indexed look-ups (:meth:`find`).

Nothing here writes to the database, so a read-only bank reads like any other.
Every look-up goes through an index: speakers through ``aliases`` (the
:func:`~quotebank.bank.linking.lookup_keys` of every name), words of quotes and
roles through SQLite's FTS5 full-text indexes (``unicode61`` tokenizer,
diacritics removed), the rest through ordinary indexes.
"""

from __future__ import annotations

import datetime as dt
import heapq
import json
import sqlite3
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from typing import Any, NamedTuple

import attrs

from ..errors import BankError
from ..model import Channel, Quote, QuoteKind, Speaker, SpeakerKind
from ..textnorm import quote_key
from .linking import lookup_keys
from .records import iso_date
from .values import Document, Quotation, SpeakerEntity, SpeakerLink

__all__ = ["BankReader", "Row"]

SELECT_OCCURRENCES = """
SELECT o.id, o.data, d.doc_id, o.date, d.url, d.source, o.entity_id, m.speaker, m.probability, c.quotation_id
FROM occurrences o JOIN documents d ON d.seq = o.doc_seq LEFT JOIN mentions m ON m.id = o.mention_id
LEFT JOIN classes c ON c.id = o.class_id
"""
_ORDER = " ORDER BY o.id"
_MAX_WALKS = 64
"""Up to this many speakers, :meth:`BankReader.find` walks each one's index; beyond, one query and a sort."""
_MAX_QUERY = 1000
"""Longest name or text (in characters) a look-up takes: no stored key is longer, and longer ones only cost time."""


class Row(NamedTuple):
    """One row of ``SELECT_OCCURRENCES``."""

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


class BankReader:
    """The reading half of :class:`~quotebank.QuoteBank` (a mixin: it needs ``_conn``)."""

    _conn: sqlite3.Connection
    _entity_cache: dict[int, SpeakerEntity]
    _cache_generation: int

    def _generation(self) -> int:
        return int(self._conn.execute("SELECT value FROM meta WHERE key = 'generation'").fetchone()[0])

    def _fresh(self) -> None:
        """Forget the cached entities if the bank changed (another process may be adding to it)."""
        generation = self._generation()
        if generation != self._cache_generation:
            self._entity_cache, self._cache_generation = {}, generation

    def _entity(self, eid: int) -> SpeakerEntity | None:
        """An entity without its links (enough to show a quote's speaker); cached until the bank changes."""
        if eid not in self._entity_cache:
            row = self._conn.execute("SELECT name, kind, data FROM entities WHERE id = ?", (eid,)).fetchone()
            if row is None:
                return None
            extra = json.loads(row[2])
            self._entity_cache[eid] = SpeakerEntity(
                id=f"S{eid}",
                name=row[0],
                kind=SpeakerKind(row[1]),
                aliases=tuple(extra["aliases"]),
                roles=tuple(extra["roles"]),
                handles=tuple(extra["handles"]),
            )
        return self._entity_cache[eid]

    def _full_entity(self, eid: int) -> SpeakerEntity:
        self._fresh()
        light = self._entity(eid)
        assert light is not None
        links = [
            SpeakerLink(
                doc_id=doc_id,
                name=Speaker.from_dict(json.loads(speaker)).name,
                roles=Speaker.from_dict(json.loads(speaker)).roles,
                method=method,
                probability=probability,
                evidence=tuple(json.loads(evidence)),
            )
            for doc_id, speaker, method, probability, evidence in self._conn.execute(
                "SELECT d.doc_id, m.speaker, m.method, m.probability, m.evidence "
                "FROM mentions m JOIN documents d ON d.seq = m.doc_seq WHERE m.entity_id = ? ORDER BY m.id",
                (eid,),
            )
        ]
        n_quotes = self._conn.execute(
            "SELECT count(*) FROM occurrences o JOIN mentions m ON m.id = o.mention_id WHERE m.entity_id = ?", (eid,)
        ).fetchone()[0]
        return attrs.evolve(
            light,
            doc_ids=tuple(dict.fromkeys(link.doc_id for link in links)),
            n_quotes=n_quotes,
            links=tuple(links),
        )

    def _view(self, row: Row) -> Quote:
        """An occurrence as a Quote whose speaker is the bank entity (with this quote's role)."""
        q = Quote.from_dict(json.loads(row.data))
        if q.doc_id != row.doc_id:
            q = attrs.evolve(q, doc_id=row.doc_id)
        entity = self._entity(row.entity_id) if row.entity_id is not None else None
        if entity is None or row.mention is None:
            return q
        in_article = Speaker.from_dict(json.loads(row.mention))
        own = q.speaker
        role = (own.role if own else None) or in_article.role or (in_article.roles[0] if in_article.roles else None)
        handle = (own.handle if own else None) or (q.post.handle if q.post else None) or in_article.handle
        return attrs.evolve(q, speaker=entity.as_speaker(role=role, handle=handle))

    def _rows(
        self, where: str = "", params: Sequence[Any] = (), limit: int | None = None, order: str = _ORDER
    ) -> list[Row]:
        self._fresh()
        sql = SELECT_OCCURRENCES + where + order + (f" LIMIT {int(limit)}" if limit is not None else "")
        try:
            return [Row._make(r) for r in self._conn.execute(sql, params)]
        except sqlite3.Error as exc:
            raise BankError(f"the bank could not be read: {exc}") from None

    @property
    def quotes(self) -> list[Quote]:
        """Every quote occurrence, article by article, with its speaker resolved to the bank's entity.

        Offsets and text are as extracted (into the article's stored text); ``doc_id`` is set.
        """
        return [self._view(row) for row in self._rows()]

    @property
    def speakers(self) -> list[SpeakerEntity]:
        """Every speaker entity, in order of first appearance."""
        return [self._full_entity(r[0]) for r in self._conn.execute("SELECT id FROM entities ORDER BY id").fetchall()]

    @property
    def quotations(self) -> list[Quotation]:
        """Every unique quotation (direct, partial and embedded posts), with all its occurrences."""
        rows = self._rows(" WHERE o.class_id IS NOT NULL")
        by_quotation: dict[int | None, list[Row]] = defaultdict(list)
        for row in rows:
            by_quotation[row.quotation_id].append(row)
        return [
            self._quotation(qid, text, date, by_quotation[qid])
            for qid, text, date in self._conn.execute("SELECT id, text, date FROM quotations ORDER BY id").fetchall()
        ]

    def _quotation(self, qid: int, text: str, date: str | None, rows: list[Row]) -> Quotation:
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
        names = {e: self._entity(e) for e, _p in ranked if e is not None}
        probas = tuple((names[e].name if e is not None else "None", round(p, 4)) for e, p in ranked)  # type: ignore[union-attr]
        top = ranked[0][0] if ranked else None
        occurrences = tuple(self._view(row) for row in rows)
        speaker = None
        top_entity = names.get(top) if top is not None else None
        if top_entity is not None:
            roles = Counter(q.speaker.role for q in occurrences if q.speaker and q.speaker.name == top_entity.name)
            speaker = top_entity.as_speaker(role=roles.most_common(1)[0][0] if roles else None)
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
        entities = [self._full_entity(e) for e in found]
        return max(entities, key=lambda e: (e.n_quotes, -int(e.id[1:])))

    def _entity_ids(self, name: str) -> set[int]:
        if not isinstance(name, str):
            raise TypeError(f"a speaker to look up must be a str, not {type(name).__name__}")
        if len(name) > _MAX_QUERY:
            return set()
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
            role: Words of one of the speaker's roles, in order (``foreign minister``).
            channel: One channel or several.
            kind: One quote kind or several.
            speaker_kind: ``person``, ``organization``, ``media``, ``unnamed``...
            since: First day (inclusive) of the article's (or post's) date. With ``since`` or ``until`` (and no
                speaker or role), the quotes come in date order.
            until: Last day (inclusive).
            doc_id: One article or several.
            source: The outlet given to :meth:`add`.
            text: Words of the quote, in order; case, accents, punctuation and quotation marks do not count.
            limit: At most this many (0: none).

        Raises:
            TypeError: when a condition has the wrong type (``speaker=5``).
            ValueError: when a value is not one of the allowed ones, or ``limit`` is negative.
        """
        clauses: list[str] = []
        params: list[Any] = []

        def among(column: str, values: Iterable[Any]) -> None:
            values = list(values)
            clauses.append(f"{column} IN ({', '.join('?' * len(values))})")
            params.extend(values)

        for what, value in (("role", role), ("source", source), ("text", text)):
            if value is not None and not isinstance(value, str):
                raise TypeError(f"find({what}=...) needs a str, not {type(value).__name__}")
        if limit is not None:
            if isinstance(limit, bool) or not isinstance(limit, int):
                raise TypeError(f"find(limit=...) needs an int, not {type(limit).__name__}")
            if limit < 0:
                raise ValueError(f"find(limit=...) must be 0 or more, not {limit}")
        entities: set[int] | None = None  # the speakers allowed, when a condition names them
        if speaker is not None:
            entities = self._entity_ids(speaker)
        if role is not None:
            holders = {
                r[0]
                for r in self._conn.execute(
                    "SELECT entity_id FROM entity_roles WHERE id IN "
                    "(SELECT rowid FROM entity_role_words WHERE entity_role_words MATCH ?)",
                    (_phrase(role[:_MAX_QUERY]),),
                )
            }
            entities = holders if entities is None else entities & holders
        if speaker_kind is not None:
            wanted = SpeakerKind(speaker_kind).value
            if entities is None:
                clauses.append("o.entity_id IN (SELECT id FROM entities WHERE kind = ?)")
                params.append(wanted)
            else:
                entities = {
                    e for e in entities if (found := self._entity(e)) is not None and found.kind.value == wanted
                }
        if channel is not None:
            among("o.channel", (Channel(c).value for c in _several(channel, "channel")))
        if kind is not None:
            among("o.kind", (QuoteKind(k).value for k in _several(kind, "kind")))
        if doc_id is not None:
            among("d.doc_id", _several(doc_id, "doc_id"))
        if source is not None:
            among("d.source", [source])
        if since is not None:
            clauses.append("o.date >= ?")
            params.append(str(iso_date(since, "since"))[:10])
        if until is not None:
            clauses.append("o.date < ?")
            params.append(str(iso_date(until, "until"))[:10] + "~")  # every time of that day sorts before "~"
        if text is not None and (entities is not None or since is not None or until is not None):
            clauses.append("o.id IN (SELECT rowid FROM occurrence_words WHERE occurrence_words MATCH ?)")
            params.append(_phrase(text))
        elif text is not None:  # walk the full-text index in id order, and stop at the limit
            clauses.insert(0, "o.id = w.rowid AND w.occurrence_words MATCH ?")
            params.insert(0, _phrase(text))
        if limit == 0 or (entities is not None and not entities):
            return []
        if entities is not None and len(entities) > _MAX_WALKS:
            among("o.entity_id", sorted(entities))
            entities = None
        if entities is None:
            where = " WHERE " + " AND ".join(clauses) if clauses else ""
            # A date range walks the (date, id) index: its quotes come in date order.
            order = " ORDER BY o.date, o.id" if since is not None or until is not None else _ORDER
            if text is not None and order == _ORDER:
                where, order = where.replace(" WHERE ", " , occurrence_words w WHERE ", 1), " ORDER BY w.rowid"
            return [self._view(row) for row in self._rows(where, params, limit, order)]
        # One walk of the (entity, id) index per speaker, merged: no sorting of all of a speaker's quotes.
        where = " WHERE " + " AND ".join(["o.entity_id = ?", *clauses])
        walks = [self._rows(where, [e, *params], limit) for e in sorted(entities)]
        rows = list(heapq.merge(*walks, key=lambda row: row.occurrence))
        return [self._view(row) for row in rows[:limit]]


def _phrase(text: str) -> str:
    """An FTS5 phrase query for the words of ``text`` (folded as the stored words were)."""
    return '"' + quote_key(text).replace('"', '""') + '"'


def _several(value: Any, what: str) -> list[Any]:
    values = [value] if isinstance(value, str) or not isinstance(value, Iterable) else list(value)
    for v in values:
        if what == "doc_id" and not isinstance(v, str):
            raise TypeError(f"find(doc_id=...) needs a str or strs, not {type(v).__name__}")
    return values
