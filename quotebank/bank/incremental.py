"""Linking each article's speakers into the bank's entities as it is added, at a cost that does not grow with the bank.

The rules are those of :func:`quotebank.bank.linking.link_speakers`; what
changes is what they run over. An entity is summarised by its *signatures*
(``entity_sigs``: one row per distinct name, kind and handle among its
mentions, with counts of their roles and aliases), and found through its
*blocking keys* (``entity_keys``: ``p:`` a full person name, ``s:`` a surname
of one, ``b:`` the surname of a group of bare surnames, ``h:`` a handle,
``o:``/``ow:``/``ai:`` an organisation's name, words and initials, ``r:`` a
role's title). A new article's mentions are linked with the rules against
one representative mention per signature of the entities that share a key
with them (never against the whole bank), and the decisions taken then are
kept with their method, probability and evidence.

A later article can change an earlier decision: a bare ``Mr Trump`` that was
the only Trump becomes ambiguous when ``Melania Trump`` arrives; an
``Iran's foreign minister`` finds a holder of the role. Mentions whose
decision rests on the whole bank (bare surnames, role-only speakers,
organisations by acronym or part of a name, shorter names) are recorded under
the keys they wait on (``waiting``); when an article creates an entity or
merges two, the mentions waiting on its keys, and only those, are decided
again, in their own article's context.
"""

from __future__ import annotations

import json
import sqlite3
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence

import attrs

from ..model import Speaker, SpeakerKind
from .keys import entity_keys, is_person, query_keys, role_only, waiting_keys
from .linking import (
    LinkRecord,
    MentionCounts,
    MentionRecord,
    entity_record,
    link_new,
    parse_person_name,
)
from .names import spelled_names

__all__ = ["EntityLinker", "signature"]

_MAX_ROUNDS = 8


def signature(speaker: Speaker) -> str:
    """What entity summaries group mentions by: name, kind and handle."""
    return json.dumps([speaker.name, speaker.kind.value, speaker.handle or None], ensure_ascii=False)


@attrs.frozen
class _Sig:
    first: int
    name: str
    kind: SpeakerKind
    handle: str | None
    n: int
    clear: int
    roles: dict[str, int]
    aliases: dict[str, int]
    doc_id: str
    """The article of the first mention, and its date."""
    date: str | None


class EntityLinker:
    """Links articles' mentions into entities inside the caller's transaction on ``db``."""

    def __init__(self, db: sqlite3.Connection) -> None:
        self.db = db
        self.changed: set[int] = set()
        """Entities whose members changed (their record is rebuilt by :meth:`finish`)."""
        self.moved: set[int] = set()
        """Mentions whose entity changed (their quotes change speaker scope)."""
        self.renamed: dict[int, int] = {}
        """Entities merged into another."""
        self.previous: dict[int, int] = {}
        """The entity of each mention taken out to be decided again."""
        self._new_keys: set[str] = set()

    # ----------------------------------------------------------------- reading the bank

    def _mentions_of_doc(self, doc_seq: int) -> list[tuple[MentionRecord, int | None]]:
        out = []
        text = None
        for mid, speaker, entity, doc_id, date in self.db.execute(
            "SELECT m.id, m.speaker, m.entity_id, d.doc_id, d.date FROM mentions m "
            "JOIN documents d ON d.seq = m.doc_seq WHERE m.doc_seq = ? ORDER BY m.id",
            (doc_seq,),
        ):
            sp = Speaker.from_dict(json.loads(speaker))
            record = _record(mid, doc_seq, doc_id, date, sp)
            if is_person(record) and not parse_person_name(record.name).full:
                # A bare surname is read against the names its article spells out (the text is read only then).
                if text is None:
                    text = self.db.execute("SELECT text FROM documents WHERE seq = ?", (doc_seq,)).fetchone()[0]
                record = attrs.evolve(record, spelled=spelled_names(text, record.name))
            out.append((record, entity))
        return out

    def _sigs(self, entity: int) -> list[_Sig]:
        out = []
        for sig, first, n, clear, roles, aliases, doc_id, date in self.db.execute(
            "SELECT s.sig, s.first, s.n, s.clear, s.roles, s.aliases, d.doc_id, d.date FROM entity_sigs s "
            "JOIN mentions m ON m.id = s.first JOIN documents d ON d.seq = m.doc_seq "
            "WHERE s.entity_id = ? ORDER BY s.first",
            (entity,),
        ):
            name, kind, handle = json.loads(sig)
            out.append(
                _Sig(
                    first,
                    name,
                    SpeakerKind(kind),
                    handle,
                    n,
                    clear,
                    json.loads(roles),
                    json.loads(aliases),
                    doc_id,
                    date,
                )
            )
        return out

    # ----------------------------------------------------------------- linking

    def link_doc(self, doc_seq: int, new_ids: Sequence[int]) -> None:
        """Link the mentions ``new_ids`` of one article (the article's others are linked already)."""
        doc = self._mentions_of_doc(doc_seq)
        new = {m.id for m, _e in doc if m.id in new_ids}
        if not new:
            return
        mentions = [m for m, _e in doc]
        groups = {m.id: e for m, e in doc if m.id not in new and e is not None}
        keys = set().union(*(query_keys(m) for m in mentions if m.id in new))
        candidates: set[int] = set()
        for chunk in _chunks(sorted(keys)):
            candidates |= {
                r[0]
                for r in self.db.execute(
                    f"SELECT DISTINCT entity_id FROM entity_keys WHERE key IN ({', '.join('?' * len(chunk))})", chunk
                )
            }
        taken = {m.id for m in mentions}
        for entity in sorted(candidates | set(groups.values())):
            for s in self._sigs(entity):
                if s.first in taken:
                    continue
                rep = MentionRecord(
                    id=s.first,
                    doc=-s.first,
                    doc_id=s.doc_id,
                    date=s.date,
                    name=s.name,
                    kind=s.kind,
                    handle=s.handle,
                    roles=tuple(s.roles),
                    aliases=tuple(s.aliases),
                )
                # A speaker named only by a role is never a target, except of the same handle.
                if rep.kind is SpeakerKind.UNNAMED or (role_only(rep) and not rep.handle):
                    continue
                mentions.append(rep)
                groups[rep.id] = entity
                taken.add(rep.id)
        previous = {mid: self._current(self.previous.pop(mid)) for mid in new if mid in self.previous}
        roots, links, ambiguous = link_new(mentions, groups, new, previous)
        clusters: dict[int, list[int]] = defaultdict(list)
        for mid in new:
            clusters[roots[mid]].append(mid)
        for root, members in clusters.items():
            entities = {groups[x] for x, r in roots.items() if r == root and x in groups}
            target = min(entities) if entities else min(members)
            for other in sorted(entities - {target}):
                self._merge(other, target)
            by_id = {m.id: m for m in mentions}
            for mid in members:
                self._attach(by_id[mid], target, links[mid], mid not in ambiguous)

    def _current(self, entity: int) -> int:
        while entity in self.renamed:
            entity = self.renamed[entity]
        return entity

    def _attach(self, m: MentionRecord, entity: int, link: LinkRecord, clear: bool) -> None:
        self.db.execute(
            "UPDATE mentions SET entity_id = ?, method = ?, probability = ?, evidence = ?, clear = ? WHERE id = ?",
            (entity, link.method, link.probability, json.dumps(link.evidence, ensure_ascii=False), int(clear), m.id),
        )
        self.db.execute("UPDATE occurrences SET entity_id = ? WHERE mention_id = ?", (entity, m.id))
        sig = json.dumps([m.name, m.kind.value, m.handle or None], ensure_ascii=False)
        row = self.db.execute(
            "SELECT first, n, clear, roles, aliases FROM entity_sigs WHERE entity_id = ? AND sig = ?", (entity, sig)
        ).fetchone()
        roles: Counter[str] = Counter(json.loads(row[3])) if row else Counter()
        aliases: Counter[str] = Counter(json.loads(row[4])) if row else Counter()
        n = (row[1] if row else 0) + 1
        # The entity's record (name, aliases, roles, keys) is rebuilt when the mention brings something new, and
        # as the counts that rank names and roles double; another "Donald Trump" only adds to the counts.
        structural = (
            row is None
            or not set(m.roles) <= set(roles)
            or not set(m.aliases) <= set(aliases)
            or (clear and not row[2])
            or n & (n - 1) == 0
        )
        roles.update(m.roles)
        aliases.update(m.aliases)
        self.db.execute(
            "INSERT OR REPLACE INTO entity_sigs (entity_id, sig, first, n, clear, roles, aliases) "
            "VALUES (?, ?, ?, ?, ?, ?, ?)",
            (
                entity,
                sig,
                min(row[0], m.id) if row else m.id,
                n,
                (row[2] if row else 0) + int(clear),
                json.dumps(roles, ensure_ascii=False),
                json.dumps(aliases, ensure_ascii=False),
            ),
        )
        self.db.execute("DELETE FROM waiting WHERE mention_id = ?", (m.id,))
        self.db.executemany(
            "INSERT INTO waiting (key, mention_id) VALUES (?, ?)", [(k, m.id) for k in sorted(waiting_keys(m, link))]
        )
        if structural:
            self.changed.add(entity)
        self.moved.add(m.id)

    def detach(self, mention_ids: Iterable[int]) -> None:
        """Take mentions out of their entities (to decide them again, or before their article is removed)."""
        for mid, speaker, entity, clear in self.db.execute(
            f"SELECT id, speaker, entity_id, clear FROM mentions WHERE id IN ({', '.join(map(str, mention_ids))})"
        ).fetchall():
            if entity is None:
                continue
            sp = Speaker.from_dict(json.loads(speaker))
            sig = signature(sp)
            first, n, sig_clear, roles, aliases = self.db.execute(
                "SELECT first, n, clear, roles, aliases FROM entity_sigs WHERE entity_id = ? AND sig = ?",
                (entity, sig),
            ).fetchone()
            self.db.execute("UPDATE mentions SET entity_id = NULL WHERE id = ?", (mid,))
            self.db.execute("UPDATE occurrences SET entity_id = NULL WHERE mention_id = ?", (mid,))
            self.previous[mid] = entity
            if n <= 1:
                self.db.execute("DELETE FROM entity_sigs WHERE entity_id = ? AND sig = ?", (entity, sig))
            else:
                role_count, alias_count = Counter(json.loads(roles)), Counter(json.loads(aliases))
                role_count.subtract(sp.roles)
                alias_count.subtract(sp.aliases)
                if first == mid:
                    first = self.db.execute(
                        "SELECT min(id) FROM mentions WHERE entity_id = ? AND sig = ?", (entity, sig)
                    ).fetchone()[0]
                self.db.execute(
                    "UPDATE entity_sigs SET first = ?, n = ?, clear = ?, roles = ?, aliases = ? "
                    "WHERE entity_id = ? AND sig = ?",
                    (
                        first,
                        n - 1,
                        sig_clear - clear,
                        json.dumps({k: v for k, v in role_count.items() if v > 0}, ensure_ascii=False),
                        json.dumps({k: v for k, v in alias_count.items() if v > 0}, ensure_ascii=False),
                        entity,
                        sig,
                    ),
                )
            self.changed.add(entity)
            self.moved.add(mid)

    def _merge(self, child: int, root: int) -> None:
        """Entity ``child`` becomes part of ``root`` (a new mention linked both)."""
        db = self.db
        db.execute("UPDATE mentions SET entity_id = ? WHERE entity_id = ?", (root, child))
        db.execute("UPDATE occurrences SET entity_id = ? WHERE entity_id = ?", (root, child))
        for s in self._sigs(child):
            sig = json.dumps([s.name, s.kind.value, s.handle], ensure_ascii=False)
            row = db.execute(
                "SELECT first, n, clear, roles, aliases FROM entity_sigs WHERE entity_id = ? AND sig = ?", (root, sig)
            ).fetchone()
            roles, aliases = Counter(s.roles), Counter(s.aliases)
            if row:
                roles.update(json.loads(row[3]))
                aliases.update(json.loads(row[4]))
            db.execute(
                "INSERT OR REPLACE INTO entity_sigs (entity_id, sig, first, n, clear, roles, aliases) "
                "VALUES (?, ?, ?, ?, ?, ?, ?)",
                (
                    root,
                    sig,
                    min(row[0], s.first) if row else s.first,
                    s.n + (row[1] if row else 0),
                    s.clear + (row[2] if row else 0),
                    json.dumps(roles, ensure_ascii=False),
                    json.dumps(aliases, ensure_ascii=False),
                ),
            )
        db.execute("DELETE FROM entity_sigs WHERE entity_id = ?", (child,))
        self._new_keys |= {r[0] for r in db.execute("SELECT key FROM entity_keys WHERE entity_id = ?", (child,))}
        self.renamed[child] = root
        for earlier, later in list(self.renamed.items()):
            if later == child:
                self.renamed[earlier] = root
        self.changed |= {child, root}
        self._new_keys |= {r[0] for r in db.execute("SELECT key FROM entity_keys WHERE entity_id = ?", (root,))}

    # ----------------------------------------------------------------- entity records

    def finish(self, protect: Iterable[int] = ()) -> None:
        """Rebuild the changed entities, then decide again the mentions waiting on keys that appeared."""
        # The new article's own mentions were just decided with everything known; later rounds may change
        # what they depended on, and then they are decided again like any other.
        decided = set(protect)
        for _round in range(_MAX_ROUNDS):
            for entity in sorted(self.changed):
                self._rebuild(entity)
            self.changed = set()
            keys, self._new_keys = sorted(self._new_keys), set()
            if not keys:
                return
            waiting: set[int] = set()
            for chunk in _chunks(keys):
                waiting |= {
                    r[0]
                    for r in self.db.execute(
                        f"SELECT DISTINCT mention_id FROM waiting WHERE key IN ({', '.join('?' * len(chunk))})", chunk
                    )
                }
            waiting -= decided
            if not waiting:
                return
            decided = set()
            by_doc: dict[int, list[int]] = defaultdict(list)
            for chunk in _chunks(sorted(waiting)):
                for mid, doc in self.db.execute(
                    f"SELECT id, doc_seq FROM mentions WHERE id IN ({', '.join('?' * len(chunk))})", chunk
                ):
                    by_doc[doc].append(mid)
            for doc, mids in sorted(by_doc.items()):
                # What the article's other speakers joined through these (same-article surnames and roles,
                # accounts) is decided again with them.
                mids = sorted(
                    set(mids)
                    | {
                        r[0]
                        for r in self.db.execute(
                            "SELECT id FROM mentions WHERE doc_seq = ? AND method NOT IN ('own', 'name', 'handle')",
                            (doc,),
                        )
                    }
                )
                self.detach(mids)
                self.link_doc(doc, mids)
        for entity in sorted(self.changed):  # out of rounds (a cycle of decisions): the records stay true
            self._rebuild(entity)
        self.changed = set()

    def _rebuild(self, entity: int) -> None:
        db = self.db
        sigs = self._sigs(entity)
        old_keys = {r[0] for r in db.execute("SELECT key FROM entity_keys WHERE entity_id = ?", (entity,))}
        if not sigs:
            for table in ("entity_keys", "aliases", "entity_roles"):
                db.execute(f"DELETE FROM {table} WHERE entity_id = ?", (entity,))
            db.execute("DELETE FROM entities WHERE id = ?", (entity,))
            self._changed_keys(old_keys)
            return
        members = [
            MentionRecord(
                id=s.first,
                doc=-s.first,
                name=s.name,
                kind=s.kind,
                handle=s.handle,
                roles=tuple(s.roles),
                aliases=tuple(s.aliases),
            )
            for s in sigs
        ]
        counts: dict[int, MentionCounts] = {s.first: (s.n, s.roles, s.aliases) for s in sigs}
        speakers_by_role = {m.id for m in members if role_only(m)}
        persons = {m.id: parse_person_name(m.name) for m in members if is_person(m)}
        record = entity_record(entity, members, persons, speakers_by_role, counts)
        row = (
            record.name,
            record.kind.value,
            json.dumps({"aliases": record.names, "roles": record.roles, "handles": record.handles}, ensure_ascii=False),
        )
        old = db.execute("SELECT name, kind, data FROM entities WHERE id = ?", (entity,)).fetchone()
        if old != row:  # most articles only add to the counts: nothing to rewrite (and re-index)
            db.execute("INSERT OR REPLACE INTO entities (id, name, kind, data) VALUES (?, ?, ?, ?)", (entity, *row))
            db.execute("DELETE FROM aliases WHERE entity_id = ?", (entity,))
            db.executemany(
                "INSERT OR IGNORE INTO aliases (key, entity_id) VALUES (?, ?)", [(k, entity) for k in record.keys]
            )
            if old is None or json.loads(old[2])["roles"] != list(record.roles):
                db.execute("DELETE FROM entity_roles WHERE entity_id = ?", (entity,))
                db.executemany(
                    "INSERT INTO entity_roles (entity_id, role) VALUES (?, ?)", [(entity, r) for r in record.roles]
                )
        keys = entity_keys([s.clear for s in sigs], members, persons)
        if keys != old_keys:
            db.execute("DELETE FROM entity_keys WHERE entity_id = ?", (entity,))
            db.executemany(
                "INSERT INTO entity_keys (key, entity_id) VALUES (?, ?)", [(k, entity) for k in sorted(keys)]
            )
            self._changed_keys(keys ^ old_keys)

    def _changed_keys(self, keys: set[str]) -> None:
        """Keys that appeared or went: the decisions waiting on them are taken again."""
        self._new_keys |= keys | {"r:" + k[3:].rsplit("|", 1)[0] for k in keys if k.startswith("rs:")}


def _record(mid: int, doc_seq: int, doc_id: str, date: str | None, sp: Speaker) -> MentionRecord:
    return MentionRecord(
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


def _chunks(values: Sequence[str] | Sequence[int], size: int = 500) -> Iterable[list[object]]:
    for i in range(0, len(values), size):
        yield list(values[i : i + size])
