"""Merging quote occurrences into quotations as articles are added, through indexed keys.

The rules are those of :func:`quotebank.bank.merging.merge_quotations`. An
occurrence joins the *class* of the occurrences with the same words
(``classes``: keyed by :func:`~quotebank.textnorm.quote_key` and, under
``min_exact`` words, by who said it); a class of at least ``min_fragment``
words joins the quotation of a longer class of the same speaker that contains
it, found through the word trigrams of that speaker's classes
(``class_grams``), and a new longer class takes in the shorter ones it
contains. Adding an occurrence of words already seen only counts it: the cost
does not grow with the bank.
"""

from __future__ import annotations

import json
import sqlite3
from collections import Counter
from collections.abc import Iterable

__all__ = ["QuotationMerger"]


def _grams(key: str) -> set[str]:
    words = key.split(" ") if key else []
    return {" ".join(words[i : i + 3]) for i in range(len(words) - 2)}


def _surface(text: str) -> str:
    return text.strip().rstrip(",;:").strip()


class QuotationMerger:
    """Adds occurrences to (and takes them out of) classes and quotations, in the caller's transaction."""

    def __init__(self, db: sqlite3.Connection, *, min_exact: int = 5, min_fragment: int = 3) -> None:
        self.db = db
        self.min_exact = min_exact
        self.min_fragment = min_fragment
        self.changed: set[int] = set()

    def place(self, occurrence_ids: Iterable[int]) -> None:
        """Put each occurrence (of a quoted kind) in the class and quotation of its speaker's scope."""
        db = self.db
        ids = sorted(occurrence_ids)
        for i in range(0, len(ids), 500):
            chunk = ids[i : i + 500]
            rows = db.execute(
                "SELECT o.id, o.doc_seq, o.scope, m.entity_id, o.words, json_extract(o.data, '$.text'), o.date "
                "FROM occurrences o LEFT JOIN mentions m ON m.id = o.mention_id "
                f"WHERE o.id IN ({', '.join('?' * len(chunk))}) AND o.kind IN ('direct', 'partial', 'embedded_post') "
                "ORDER BY o.id",
                chunk,
            ).fetchall()
            for oid, doc, old_scope, entity, words, text, date in rows:
                scope = f"e{entity}" if entity is not None else f"d{doc}"
                if scope == old_scope:
                    continue
                if old_scope is not None:
                    self._take_out(oid, old_scope)
                self._put(oid, scope, words.strip(), text, date)

    def remove(self, occurrence_ids: Iterable[int]) -> None:
        """Take occurrences out of their classes (before their article is removed or replaced)."""
        ids = sorted(occurrence_ids)
        for i in range(0, len(ids), 500):
            chunk = ids[i : i + 500]
            for oid, scope in self.db.execute(
                f"SELECT id, scope FROM occurrences WHERE id IN ({', '.join('?' * len(chunk))}) AND scope IS NOT NULL",
                chunk,
            ).fetchall():
                self._take_out(oid, scope)

    # ----------------------------------------------------------------- classes

    def _put(self, oid: int, scope: str, key: str, text: str, date: str | None) -> None:
        db = self.db
        size = key.count(" ") + 1 if key else 0
        class_scope = "" if size >= self.min_exact else scope if size else f"#{oid}"
        row = db.execute(
            "SELECT id, n, quotation_id, surfaces, date FROM classes WHERE key = ? AND scope = ?", (key, class_scope)
        ).fetchone()
        if row is None:
            # A quotation is numbered by its first occurrence, unless that number is taken (a quote moved between
            # speakers keeps its old quotation's number there).
            taken = db.execute("SELECT 1 FROM quotations WHERE id = ?", (oid,)).fetchone()
            quotation = db.execute(
                "INSERT INTO quotations (id, text, date, n) VALUES (?, ?, ?, 1) RETURNING id",
                (None if taken else oid, text, date),
            ).fetchone()[0]
            cid = db.execute(
                "INSERT INTO classes (key, scope, size, n, joined, quotation_id, surfaces, date) "
                "VALUES (?, ?, ?, 1, 0, ?, ?, ?) RETURNING id",
                (key, class_scope, size, quotation, json.dumps({_surface(text): 1}, ensure_ascii=False), date),
            ).fetchone()[0]
        else:
            cid, n, quotation, surfaces, old_date = row
            counts = Counter(json.loads(surfaces))
            counts[_surface(text)] += 1
            first = min(d for d in (old_date, date) if d) if old_date or date else None
            db.execute(
                "UPDATE classes SET n = ?, surfaces = ?, date = ? WHERE id = ?",
                (n + 1, json.dumps(counts, ensure_ascii=False), first, cid),
            )
            db.execute("UPDATE quotations SET n = n + 1 WHERE id = ?", (quotation,))
        db.execute("UPDATE occurrences SET scope = ?, class_id = ? WHERE id = ?", (scope, cid, oid))
        self.changed.add(quotation)
        seen = db.execute("SELECT n FROM class_scopes WHERE scope = ? AND class_id = ?", (scope, cid)).fetchone()
        if seen is not None:
            db.execute("UPDATE class_scopes SET n = n + 1 WHERE scope = ? AND class_id = ?", (scope, cid))
            return
        db.execute("INSERT INTO class_scopes (scope, class_id, n) VALUES (?, ?, 1)", (scope, cid))
        grams = sorted(_grams(key))
        if size >= self.min_fragment and grams:
            self._fragments(cid, key, size, scope, grams)
        db.executemany(
            "INSERT OR IGNORE INTO class_grams (scope, gram, class_id) VALUES (?, ?, ?)",
            [(scope, g, cid) for g in grams],
        )

    def _classes(self, scope: str, grams: list[str], rarest: bool) -> list[tuple[int, str, int, int, int]]:
        """Classes of ``scope`` that share the rarest (or any) of ``grams``: (id, key, size, joined, quotation)."""
        db = self.db
        if rarest:
            counts = [
                (
                    db.execute("SELECT count(*) FROM class_grams WHERE scope = ? AND gram = ?", (scope, g)).fetchone()[
                        0
                    ],
                    g,
                )
                for g in grams
            ]
            grams = [min(counts)[1]]
        ids: set[int] = set()
        for g in grams:
            ids |= {
                r[0] for r in db.execute("SELECT class_id FROM class_grams WHERE scope = ? AND gram = ?", (scope, g))
            }
        if not ids:
            return []
        return db.execute(
            f"SELECT id, key, size, joined, quotation_id FROM classes WHERE id IN ({', '.join(map(str, sorted(ids)))})"
        ).fetchall()

    def _fragments(self, cid: int, key: str, size: int, scope: str, grams: list[str]) -> None:
        """Join a fragment to the longer quote containing it, and the fragments a longer quote contains to it."""
        db = self.db
        joined, quotation = db.execute("SELECT joined, quotation_id FROM classes WHERE id = ?", (cid,)).fetchone()
        padded = f" {key} "
        if not joined:
            longer = [c for c in self._classes(scope, grams, rarest=True) if c[2] > size and padded in f" {c[1]} "]
            if longer:
                weight = {
                    c[4]: db.execute("SELECT n FROM quotations WHERE id = ?", (c[4],)).fetchone()[0] for c in longer
                }
                target = max(longer, key=lambda c: (weight[c[4]], c[2], -c[0]))
                quotation = self._join(quotation, target[4])
                db.execute("UPDATE classes SET joined = 1 WHERE id = ?", (cid,))
        for other, other_key, other_size, other_joined, other_quotation in self._classes(scope, grams, rarest=False):
            if (
                not other_joined
                and self.min_fragment <= other_size < size
                and f" {other_key} " in padded
                and other_quotation != quotation
            ):
                quotation = self._join(other_quotation, quotation)
                db.execute("UPDATE classes SET joined = 1 WHERE id = ?", (other,))

    def _join(self, a: int, b: int) -> int:
        """One quotation of two: the smaller id stays."""
        if a == b:
            return a
        root, child = min(a, b), max(a, b)
        self.db.execute("UPDATE classes SET quotation_id = ? WHERE quotation_id = ?", (root, child))
        n = self.db.execute("SELECT n FROM quotations WHERE id = ?", (child,)).fetchone()[0]
        self.db.execute("UPDATE quotations SET n = n + ? WHERE id = ?", (n, root))
        self.db.execute("DELETE FROM quotations WHERE id = ?", (child,))
        self.changed.discard(child)
        self.changed.add(root)
        return root

    def _take_out(self, oid: int, scope: str) -> None:
        db = self.db
        row = db.execute(
            "SELECT c.id, c.n, c.quotation_id, c.surfaces, json_extract(o.data, '$.text') "
            "FROM occurrences o JOIN classes c ON c.id = o.class_id WHERE o.id = ?",
            (oid,),
        ).fetchone()
        db.execute("UPDATE occurrences SET scope = NULL, class_id = NULL WHERE id = ?", (oid,))
        if row is None:
            return
        cid, n, quotation, surfaces, text = row
        self.changed.add(quotation)
        db.execute("UPDATE quotations SET n = n - 1 WHERE id = ?", (quotation,))
        left = db.execute(
            "UPDATE class_scopes SET n = n - 1 WHERE scope = ? AND class_id = ? RETURNING n", (scope, cid)
        ).fetchone()
        if left is not None and left[0] <= 0:
            db.execute("DELETE FROM class_scopes WHERE scope = ? AND class_id = ?", (scope, cid))
            db.execute("DELETE FROM class_grams WHERE scope = ? AND class_id = ?", (scope, cid))
        if n <= 1:
            db.execute("DELETE FROM classes WHERE id = ?", (cid,))
            return
        counts = Counter(json.loads(surfaces))
        counts[_surface(text)] -= 1
        db.execute(
            "UPDATE classes SET n = ?, surfaces = ? WHERE id = ?",
            (n - 1, json.dumps({k: v for k, v in counts.items() if v > 0}, ensure_ascii=False), cid),
        )

    # ----------------------------------------------------------------- quotations

    def finish(self) -> None:
        """Recompute the text, date and count of every quotation that changed (from its classes, not occurrences)."""
        db = self.db
        for quotation in sorted(self.changed):
            classes = db.execute(
                "SELECT key, n, surfaces, date FROM classes WHERE quotation_id = ? ORDER BY id", (quotation,)
            ).fetchall()
            if not classes:
                db.execute("DELETE FROM quotations WHERE id = ?", (quotation,))
                continue
            longest = max(len(key) for key, *_rest in classes)
            surfaces: Counter[str] = Counter()
            for key, _n, counts, _date in classes:
                if len(key) == longest:
                    surfaces.update(json.loads(counts))
            text = max(surfaces.items(), key=lambda item: item[1])[0] if surfaces else ""
            dates = [d for *_rest, d in classes if d]
            db.execute(
                "INSERT OR REPLACE INTO quotations (id, text, date, n) VALUES (?, ?, ?, ?)",
                (quotation, text, min(dates) if dates else None, sum(n for _k, n, *_rest in classes)),
            )
        self.changed = set()
