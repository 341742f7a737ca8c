"""The bank links and merges as articles come in: the same result as linking everything at once, in any order,
shard by shard then merged (also on a Dask LocalCluster), and for a bank of the older schema once migrated."""

from __future__ import annotations

import json
import random
import sqlite3
from pathlib import Path

import pytest

from quotebank import Quote, QuoteBank, Speaker, SpeakerKind
from quotebank.bank import SCHEMA_VERSION
from quotebank.bank.linking import MentionRecord, link_speakers, parse_person_name
from quotebank.bank.names import spelled_names


def person(name: str, role: str | None = None, **fields) -> Speaker:
    return Speaker(name=name, role=role, kind=SpeakerKind.PERSON, **fields)


def org(name: str, **fields) -> Speaker:
    return Speaker(name=name, kind=SpeakerKind.ORGANIZATION, **fields)


def article(doc_id: str, *said: tuple[str, Speaker | None]) -> tuple[str, str, list[Quote]]:
    text, quotes = "", []
    for words, speaker in said:
        text += "“"
        start = len(text)
        text += words
        quotes.append(Quote(id=f"q{len(quotes)}", text=words, start=start, end=len(text), speaker=speaker))
        text += "” said someone. "
    return doc_id, text, quotes


# Articles whose decisions a later one changes: a bare surname made ambiguous, a shorter name whose longer
# candidates clash, a name that is part of several organisations' names, a role-only speaker and its holder, a bare
# surname whose own article names someone else.
ARTICLES = [
    article("a", ("We will win this election in November", person("Donald Trump", "President"))),
    article("b", ("That I can tell you for sure today", person("Mr Trump"))),
    article("c", ("Be best, always, in everything we do", person("Melania Trump", "First Lady"))),
    article("d", ("We do not seek escalation in the region", person("Javad Zarif", "foreign minister"))),
    article(
        "e", ("Proportionate measures in self defense", person("Mohammad Javad Zarif", "Iranian Foreign Minister"))
    ),
    article(
        "f", ("Iran does not seek escalation or war", person("Iran's foreign minister", "Iran's foreign minister"))
    ),
    article("g", ("The poll shows a tight race this fall", org("Washington Post"))),
    article("h", ("Clinton leads by four points nationally", org("Washington Post-ABC News poll"))),
    article("i", ("Our database tracks every shooting by police", org("Washington Post database"))),
    article("j", ("We do not seek escalation in the region", person("Zarif"))),
    article("k", ("The strikes were a proportionate response", org("IRGC"))),
    article("l", ("We fired missiles at two bases in Iraq", org("Islamic Revolutionary Guard Corps"))),
    # a bare surname whose article spells out another person with that surname than the bank's only one
    article("m", ("Nobody on this coast has met Larkin Quill", person("Mr Quill"))),
    article("n", ("The nets have been empty all year long", person("Nell Quill", "fisher"))),
]


def build(articles, **kwargs) -> QuoteBank:
    bank = QuoteBank(**kwargs)
    for doc_id, text, quotes in articles:
        bank.add_quotes(text, quotes, doc_id=doc_id)
    return bank


def partition(bank: QuoteBank) -> set[frozenset[tuple[str, str]]]:
    """The speaker entities as sets of (article, name as the article gives it), whatever their ids."""
    return {frozenset((link.doc_id, link.name) for link in entity.links) for entity in bank.speakers}


def quotation_sets(bank: QuoteBank) -> set[frozenset[tuple[str, str]]]:
    return {frozenset((q.doc_id or "", q.id) for q in quotation.occurrences) for quotation in bank.quotations}


def global_partition(bank: QuoteBank) -> set[frozenset[tuple[str, str]]]:
    """What linking every mention at once (:func:`link_speakers`) makes of the same mentions."""
    mentions, labels = [], {}
    for entity in bank.speakers:
        for link in entity.links:
            labels[len(mentions) + 1] = (link.doc_id, link.name)
            mentions.append((link.doc_id, link.name))
    rows = bank._conn.execute(
        "SELECT m.id, m.doc_seq, d.doc_id, d.date, m.speaker, d.text FROM mentions m "
        "JOIN documents d ON d.seq = m.doc_seq"
    ).fetchall()
    records = []
    for mid, seq, doc_id, date, data, text in rows:
        sp = Speaker.from_dict(json.loads(data))
        bare = sp.kind is not SpeakerKind.UNNAMED and not parse_person_name(sp.name).full
        records.append(
            MentionRecord(
                id=mid,
                doc=seq,
                doc_id=doc_id,
                date=date,
                name=sp.name,
                kind=sp.kind,
                handle=sp.handle,
                roles=sp.roles,
                aliases=sp.aliases,
                spelled=spelled_names(text, sp.name) if bare else (),
            )
        )
    by_id = {r.id: (r.doc_id, r.name) for r in records}
    linking = link_speakers(records)
    return {frozenset(by_id[m] for m in e.members) for e in linking.entities}


def test_linking_as_articles_come_equals_linking_them_all_at_once():
    bank = build(ARTICLES)
    assert partition(bank) == global_partition(bank)
    zarif = bank.speaker("Zarif")
    assert zarif is not None and zarif.name == "Mohammad Javad Zarif" and len(zarif.doc_ids) == 4
    assert bank.find(doc_id="b")[0].speaker.name == "Mr Trump"  # two Trumps: a bare surname is not linked
    assert bank.find(doc_id="k")[0].speaker.name == "Islamic Revolutionary Guard Corps"
    assert bank.find(doc_id="m")[0].speaker.name == "Mr Quill"  # its article names Larkin Quill, not Nell
    post = {q.speaker.name for q in bank.find(doc_id=["g", "h", "i"])}
    assert post == {"Washington Post", "Washington Post-ABC News poll", "Washington Post database"}


@pytest.mark.parametrize("seed", range(6))
def test_the_result_does_not_depend_on_the_order_of_the_articles(seed):
    order = list(range(len(ARTICLES)))
    random.Random(seed).shuffle(order)
    if seed == 0:
        order.reverse()
    reference = build(ARTICLES)
    shuffled = build([ARTICLES[i] for i in order])
    assert partition(shuffled) == partition(reference) == global_partition(shuffled)
    assert quotation_sets(shuffled) == quotation_sets(reference)
    assert sorted(e.name for e in shuffled.speakers) == sorted(e.name for e in reference.speakers)


def test_two_orders_of_the_seeds_give_the_same_speakers_and_quotations(nlp, seed_texts):
    forward = QuoteBank(nlp=nlp)
    backward = QuoteBank(nlp=nlp)
    names = sorted(seed_texts)
    for name in names:
        forward.add(seed_texts[name], doc_id=name)
    for name in reversed(names):
        backward.add(seed_texts[name], doc_id=name)
    assert partition(forward) == partition(backward)
    assert quotation_sets(forward) == quotation_sets(backward)
    assert {(q.doc_id, q.id, q.speaker.name if q.speaker else None) for q in forward.quotes} == {
        (q.doc_id, q.id, q.speaker.name if q.speaker else None) for q in backward.quotes
    }


def test_removing_an_article_redecides_what_depended_on_it():
    bank = build(ARTICLES)
    bank.remove("c")  # no Melania Trump: Mr Trump is Donald Trump again
    assert bank.find(doc_id="b")[0].speaker.name == "Donald Trump"
    bank.remove("e")  # no longer name: Javad Zarif is his own entity again, and Zarif is him
    assert bank.speaker("Zarif").name == "Javad Zarif"
    assert partition(bank) == global_partition(bank)


def test_every_link_keeps_its_method_probability_and_evidence():
    bank = build(ARTICLES)
    links = {(link.doc_id, link.name): link for entity in bank.speakers for link in entity.links}
    role = links[("f", "Iran's foreign minister")]
    assert role.method == "role" and role.probability == 0.8 and "foreign minister" in role.evidence[0].lower()
    acronym = links[("k", "IRGC")]
    assert acronym.method == "acronym" and acronym.probability == 0.85
    assert links[("b", "Mr Trump")].method == "own" and "could be any of" in links[("b", "Mr Trump")].evidence[0]


# --------------------------------------------------------------------------- shards, then merge


def test_merging_shards_equals_adding_everything_to_one_bank(tmp_path: Path):
    shards = [ARTICLES[0::3], ARTICLES[1::3], ARTICLES[2::3]]
    paths = []
    for i, shard in enumerate(shards):
        path = tmp_path / f"shard-{i}.sqlite"
        build(shard, path=path).close()
        paths.append(path)
    merged = QuoteBank.open(tmp_path / "merged.sqlite")
    for path in paths:
        stats = merged.merge(path)
        assert stats.added == len(shards[paths.index(path)])
    reference = build(ARTICLES)
    assert partition(merged) == partition(reference)
    assert quotation_sets(merged) == quotation_sets(reference)
    again = merged.merge(paths[0])  # merging a shard twice changes nothing
    assert (again.added, again.unchanged) == (0, len(shards[0]))
    assert len(merged) == len(ARTICLES)


def _build_shard(index: int, articles: list[tuple[str, str, list[dict]]], folder: str) -> str:
    path = Path(folder) / f"shard-{index}.sqlite"
    with QuoteBank.open(path) as bank:
        for doc_id, text, quotes in articles:
            bank.add_quotes(text, [Quote.from_dict(q) for q in quotes], doc_id=doc_id)
    return str(path)


def test_shards_built_on_a_dask_cluster_merge_into_one_bank(tmp_path: Path):
    distributed = pytest.importorskip("distributed")
    records = [(doc_id, text, [q.to_dict() for q in quotes]) for doc_id, text, quotes in ARTICLES]
    cluster = distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None, silence_logs=40
    )
    try:
        with distributed.Client(cluster) as client:
            futures = [client.submit(_build_shard, i, records[i::3], str(tmp_path), pure=False) for i in range(3)]
            paths = client.gather(futures)
    finally:
        cluster.close()
    with QuoteBank.open(tmp_path / "bank.sqlite") as merged:
        for path in paths:
            merged.merge(path)
        reference = build(ARTICLES)
        assert partition(merged) == partition(reference)
        assert quotation_sets(merged) == quotation_sets(reference)


# --------------------------------------------------------------------------- older banks

V1_SCHEMA = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE documents (seq INTEGER PRIMARY KEY AUTOINCREMENT, doc_id TEXT NOT NULL UNIQUE, sha1 TEXT NOT NULL,
    text TEXT NOT NULL, date TEXT, url TEXT, source TEXT, added TEXT NOT NULL);
CREATE INDEX documents_date ON documents (date);
CREATE TABLE mentions (id INTEGER PRIMARY KEY AUTOINCREMENT,
    doc_seq INTEGER NOT NULL REFERENCES documents (seq) ON DELETE CASCADE, speaker TEXT NOT NULL, entity_id INTEGER,
    method TEXT, probability REAL, evidence TEXT);
CREATE INDEX mentions_doc ON mentions (doc_seq);
CREATE INDEX mentions_entity ON mentions (entity_id);
CREATE TABLE occurrences (id INTEGER PRIMARY KEY AUTOINCREMENT,
    doc_seq INTEGER NOT NULL REFERENCES documents (seq) ON DELETE CASCADE, quote_id TEXT NOT NULL,
    start_char INTEGER NOT NULL, end_char INTEGER NOT NULL, kind TEXT NOT NULL, channel TEXT NOT NULL, date TEXT,
    mention_id INTEGER REFERENCES mentions (id) ON DELETE CASCADE, words TEXT NOT NULL, data TEXT NOT NULL,
    quotation_id INTEGER, UNIQUE (doc_seq, quote_id));
CREATE INDEX occurrences_mention ON occurrences (mention_id);
CREATE INDEX occurrences_quotation ON occurrences (quotation_id);
CREATE INDEX occurrences_date ON occurrences (date);
CREATE TABLE entities (id INTEGER PRIMARY KEY, name TEXT NOT NULL, kind TEXT NOT NULL, data TEXT NOT NULL);
CREATE TABLE aliases (key TEXT NOT NULL, entity_id INTEGER NOT NULL, PRIMARY KEY (key, entity_id)) WITHOUT ROWID;
CREATE TABLE quotations (id INTEGER PRIMARY KEY, text TEXT NOT NULL, date TEXT, n INTEGER NOT NULL);
INSERT INTO meta VALUES ('generation', '0'), ('linked', '-1');
PRAGMA application_id = 1363299915;
PRAGMA user_version = 1;
"""


def write_v1_bank(path: Path, articles) -> None:
    """A bank as quotebank wrote it with schema 1 (articles, mentions and occurrences; linking not yet run)."""
    conn = sqlite3.connect(path)
    conn.executescript(V1_SCHEMA)
    for doc_id, text, quotes in articles:
        seq = conn.execute(
            "INSERT INTO documents (doc_id, sha1, text, added) VALUES (?, 'x', ?, '2020-01-08')", (doc_id, text)
        ).lastrowid
        for q in quotes:
            mention = conn.execute(
                "INSERT INTO mentions (doc_seq, speaker) VALUES (?, ?)", (seq, json.dumps(q.speaker.to_dict()))
            ).lastrowid
            conn.execute(
                "INSERT INTO occurrences (doc_seq, quote_id, start_char, end_char, kind, channel, mention_id, words, "
                "data) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (seq, q.id, q.start, q.end, q.kind.value, q.channel.value, mention, "x", json.dumps(q.to_dict())),
            )
    conn.commit()
    conn.close()


def test_a_schema_1_bank_is_migrated_when_opened(tmp_path: Path):
    path = tmp_path / "old.sqlite"
    write_v1_bank(path, ARTICLES)
    with QuoteBank.open(path) as bank:
        assert len(bank) == len(ARTICLES)
        assert partition(bank) == partition(build(ARTICLES))
        assert bank._conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    with QuoteBank.open(path) as bank:  # migrated once: opened as it is now
        assert bank.speaker("Zarif").name == "Mohammad Javad Zarif"


def test_a_read_only_schema_1_bank_is_refused_with_the_fix(tmp_path: Path):
    from quotebank import BankError

    path = tmp_path / "old.sqlite"
    write_v1_bank(path, ARTICLES[:2])
    with pytest.raises(BankError, match=r"schema 1.*write access"):
        QuoteBank.open(path, read_only=True)


def test_bank_merge_command(tmp_path: Path, capsys):
    from quotebank.cli import main

    paths = []
    for i in range(2):
        path = tmp_path / f"shard-{i}.sqlite"
        build(ARTICLES[i::2], path=path).close()
        paths.append(str(path))
    out = tmp_path / "bank.sqlite"
    assert main(["bank", "merge", *paths, "--db", str(out)]) == 0
    assert f"{out}: {len(ARTICLES)} added" in capsys.readouterr().err
    with QuoteBank.open(out) as bank:
        assert partition(bank) == partition(build(ARTICLES))
    assert main(["bank", "merge", str(tmp_path / "missing.sqlite"), "--db", str(out)]) == 2
    assert "no bank at" in capsys.readouterr().err


def test_an_account_named_only_by_its_handle_is_one_entity_across_articles():
    account = Speaker(name="carlquintanilla", handle="carlquintanilla", kind=SpeakerKind.PERSON)
    bank = build([article(f"doc{i}", ("Markets are up again this morning", account)) for i in range(3)])
    assert len(bank.speakers) == 1 and len(bank.speakers[0].doc_ids) == 3
    assert partition(bank) == global_partition(bank)
