"""Writing one article into the bank's tables and taking it out again: its speakers as mentions, its quotes as
occurrences, then the speakers linked (:mod:`.incremental`) and the quotations merged (:mod:`.quotations`).

:class:`~quotebank.bank.QuoteBank` (:mod:`.store`) holds the transaction each of these runs in.
"""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from collections.abc import Sequence
from typing import TYPE_CHECKING

import attrs

from ..model import Quote, Speaker, SpeakerKind
from ..textnorm import fold, quote_key
from .incremental import EntityLinker, signature
from .quotations import QuotationMerger
from .records import article, iso_date, sha1
from .schema import create_tables

if TYPE_CHECKING:
    from ..corpus.records import Record

__all__ = ["affected_occurrences", "migrate", "quote_date", "store_article", "take_out_article"]


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


def _first(item: tuple[int, Quote, int | None]) -> int:
    """Quotes are stored in text order (then as given), so that reading them in storage order is reading in order."""
    return item[0]


def _with_doc_id(q: Quote, doc_id: str) -> Quote:
    return q if q.doc_id == doc_id else attrs.evolve(q, doc_id=doc_id)


def quote_date(q: Quote, doc_date: str | None) -> str | None:
    if doc_date or q.post is None or not q.post.date:
        return doc_date
    try:
        return iso_date(q.post.date)
    except ValueError:
        return None


def store_article(db: sqlite3.Connection, record: Record, quotes: Sequence[Quote]) -> bool:
    """Store one article and its quotes (replacing the stored one with its id), then link its speakers and
    merge its quotations; True when it replaced an older version. The caller holds the transaction."""
    linker, merger = EntityLinker(db), QuotationMerger(db)
    old = db.execute("SELECT seq FROM documents WHERE doc_id = ?", (record.id,)).fetchone()
    if old is not None:
        take_out_article(db, old[0], linker, merger)
    speakers, of_quote = _doc_speakers(quotes)
    now = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
    seq = db.execute(
        "INSERT INTO documents (doc_id, sha1, text, date, url, source, added) VALUES (?, ?, ?, ?, ?, ?, ?)",
        (record.id, sha1(record.text), record.text, record.date, record.url, record.source, now),
    ).lastrowid
    assert seq is not None
    db.executemany(
        "INSERT INTO mentions (doc_seq, speaker, sig) VALUES (?, ?, ?)",
        [(seq, json.dumps(sp.to_dict(), ensure_ascii=False), signature(sp)) for sp in speakers],
    )
    mention_ids = [r[0] for r in db.execute("SELECT id FROM mentions WHERE doc_seq = ? ORDER BY id", (seq,))]
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
                quote_date(q, record.date),
                mention_ids[i] if i is not None else None,
                f" {quote_key(q.text)} ",
                json.dumps(_with_doc_id(q, record.id).to_dict(), ensure_ascii=False),
            )
            for _, q, i in sorted(zip((q.start for q in quotes), quotes, of_quote, strict=True), key=_first)
        ],
    )
    occurrence_ids = [r[0] for r in db.execute("SELECT id FROM occurrences WHERE doc_seq = ?", (seq,))]
    linker.link_doc(seq, mention_ids)
    linker.finish(protect=mention_ids)
    merger.place([*occurrence_ids, *affected_occurrences(db, linker)])
    merger.finish()
    return old is not None


def affected_occurrences(db: sqlite3.Connection, linker: EntityLinker) -> list[int]:
    """Occurrences whose speaker's entity changed: they may change quotation."""
    out: list[int] = []
    moved = sorted(linker.moved)
    for i in range(0, len(moved), 500):
        chunk = moved[i : i + 500]
        out += [
            r[0]
            for r in db.execute(
                f"SELECT id FROM occurrences WHERE mention_id IN ({', '.join('?' * len(chunk))})", chunk
            )
        ]
    for child in sorted(linker.renamed):
        out += [r[0] for r in db.execute("SELECT id FROM occurrences WHERE scope = ?", (f"e{child}",))]
    return out


def take_out_article(db: sqlite3.Connection, seq: int, linker: EntityLinker, merger: QuotationMerger) -> None:
    """Take an article's quotes and speakers out of quotations and entities, then delete it."""
    merger.remove([r[0] for r in db.execute("SELECT id FROM occurrences WHERE doc_seq = ?", (seq,))])
    mentions = [r[0] for r in db.execute("SELECT id FROM mentions WHERE doc_seq = ?", (seq,))]
    if mentions:
        linker.detach(mentions)
    db.execute("DELETE FROM documents WHERE seq = ?", (seq,))
    linker.moved -= set(mentions)


def migrate(db: sqlite3.Connection) -> None:
    """Bring a bank of an older schema to this one, inside the caller's transaction: its articles and quotes are
    stored again, as they were (speakers linked and quotations merged anew)."""
    old = [r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
    for (index,) in db.execute("SELECT name FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL").fetchall():
        db.execute(f'DROP INDEX "{index}"')
    for name in old:
        if not name.startswith("sqlite_"):
            db.execute(f'ALTER TABLE "{name}" RENAME TO "old_{name}"')
    create_tables(db)
    documents = db.execute("SELECT seq, doc_id, text, date, url, source FROM old_documents ORDER BY seq").fetchall()
    for seq, doc_id, text, date, url, source in documents:
        quotes = [
            Quote.from_dict(json.loads(r[0]))
            for r in db.execute("SELECT data FROM old_occurrences WHERE doc_seq = ? ORDER BY start_char, id", (seq,))
        ]
        store_article(db, article(doc_id, text, date, url, source), quotes)
    for name in ("occurrences", "mentions", "aliases", "entities", "quotations", "documents", "meta"):
        if name in old:
            db.execute(f'DROP TABLE "old_{name}"')
