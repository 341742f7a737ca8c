"""QuoteBank: cross-document speakers, quotation merging, queries, export and persistence.

Most tests build quotes by hand (``add_quotes``), so that they test the bank and
not the extraction; the seed tests at the end run real extraction on the three seeds.
"""

from __future__ import annotations

import hashlib
import json
import re
import sqlite3
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

import quotebank
from quotebank import BankError, Channel, Quote, QuoteBank, QuoteKind, Speaker, SpeakerKind
from quotebank.bank import SCHEMA_VERSION

ROOT = Path(__file__).resolve().parent.parent
SCORER = ROOT.parent / "shared" / "eval" / "score.py"
GOLD = ROOT.parent / "shared" / "eval" / "seeds_gold.jsonl"


def article(
    *parts: str | tuple[str, Speaker | None] | tuple[str, Speaker | None, dict[str, object]],
) -> tuple[str, list[Quote]]:
    """A text and its quotes: plain strings are prose, ``(words, speaker[, fields])`` a quote in “ ”."""
    text, quotes = "", []
    for part in parts:
        if isinstance(part, str):
            text += part
            continue
        words, speaker, *extra = part
        text += "“"
        start = len(text)
        text += words
        fields = dict(extra[0]) if extra else {}
        quotes.append(Quote(id=f"q{len(quotes)}", text=words, start=start, end=len(text), speaker=speaker, **fields))
        text += "” "
    return text, quotes


def add(bank: QuoteBank, doc_id: str, *parts, date: str | None = None, url: str | None = None) -> list[Quote]:
    text, quotes = article(*parts)
    return bank.add_quotes(text, quotes, doc_id=doc_id, date=date, url=url)


def person(name: str, role: str | None = None, **fields) -> Speaker:
    return Speaker(name=name, role=role, kind=SpeakerKind.PERSON, **fields)


HOFFMAN_1 = person("Jonathan Hoffman", "Pentagon spokesman", aliases=["Hoffman"])
HOFFMAN_2 = person("Jonathan Hoffman", "Assistant to the Secretary of Defense for Public Affairs")
ZARIF = person("Javad Zarif", "Iranian Foreign Minister", aliases=["Zarif"])
IRAN_FM = person("Iran's foreign minister", "foreign minister")
EVALUATE = "As we evaluate the situation and our response, we will take all necessary measures."


@pytest.fixture
def bank() -> Iterator[QuoteBank]:
    with QuoteBank() as b:
        yield b


@pytest.fixture(scope="module")
def blank_nlp():
    import spacy

    nlp = spacy.blank("en")
    nlp.add_pipe("quotebank", config={"attribute": False})
    return nlp


def by_name(bank: QuoteBank, name: str) -> list[quotebank.SpeakerEntity]:
    return [s for s in bank.speakers if s.name == name]


# --------------------------------------------------------------------------- speakers


def test_same_person_across_articles_is_one_entity_with_every_role(bank):
    add(bank, "a", (EVALUATE, HOFFMAN_1), "Hoffman said.")
    add(bank, "b", (EVALUATE, HOFFMAN_2), "he said.")
    (hoffman,) = by_name(bank, "Jonathan Hoffman")
    assert set(hoffman.roles) == {"Pentagon spokesman", "Assistant to the Secretary of Defense for Public Affairs"}
    assert "Hoffman" in hoffman.aliases
    assert hoffman.doc_ids == ("a", "b") and hoffman.n_quotes == 2
    assert [link.method for link in hoffman.links] == ["own", "name"]
    roles = [q.speaker.role for q in bank.quotes]
    assert roles == ["Pentagon spokesman", "Assistant to the Secretary of Defense for Public Affairs"]


@pytest.mark.parametrize("order", [("a", "b"), ("b", "a")])
def test_role_only_speaker_resolves_to_the_named_holder_whatever_the_order(bank, order):
    docs = {
        "a": [("proportionate measures in self-defense", ZARIF), "Zarif wrote."],
        "b": [("not seek escalation", IRAN_FM, {"channel": Channel.TWEET}), "Iran's foreign minister tweeted."],
    }
    for doc_id in order:
        add(bank, doc_id, *docs[doc_id])
    (quote,) = bank.find(doc_id="b")
    assert quote.speaker.name == "Javad Zarif"
    assert quote.speaker.role == "foreign minister"
    assert quote.channel is Channel.TWEET and quote.doc_id == "b"
    (zarif,) = bank.speakers
    link = next(link for link in zarif.links if link.doc_id == "b")
    assert link.method == "role" and 0 < link.probability < 1 and "Javad Zarif" in link.evidence[0]
    assert bank.speaker("Iran's foreign minister") == zarif


def test_role_only_speaker_is_not_linked_to_another_country_or_another_year(bank):
    add(bank, "a", ("proportionate measures", ZARIF), date="2020-01-08")
    add(bank, "b", ("we will respond", person("Iraq's foreign minister", "foreign minister")), date="2020-01-09")
    add(bank, "c", ("we will respond in kind", IRAN_FM), date="2024-06-01")
    names = {q.doc_id: q.speaker.name for q in bank.quotes}
    assert names == {"a": "Javad Zarif", "b": "Iraq's foreign minister", "c": "Iran's foreign minister"}


def test_role_only_speaker_with_two_possible_holders_is_left_alone(bank):
    add(bank, "a", ("one", ZARIF))
    add(bank, "b", ("two", person("Abbas Araghchi", "Iranian foreign minister")))
    add(bank, "c", ("three", IRAN_FM))
    quote = bank.find(doc_id="c")[0]
    assert quote.speaker.name == "Iran's foreign minister"
    (entity,) = by_name(bank, "Iran's foreign minister")
    assert "could be any of" in entity.links[0].evidence[0]


def test_different_full_names_never_merge_and_a_bare_surname_needs_one_fit(bank):
    add(bank, "a", ("All is well!", person("Donald Trump", "President")))
    add(bank, "b", ("Be best.", person("Melania Trump", "First Lady")))
    add(bank, "c", ("That I can tell you.", person("Mr Trump")))
    assert len(by_name(bank, "Donald Trump")) == 1 and len(by_name(bank, "Melania Trump")) == 1
    assert bank.find(doc_id="c")[0].speaker.name == "Mr Trump"
    bank.remove("b")
    assert bank.find(doc_id="c")[0].speaker.name == "Donald Trump"
    (trump,) = by_name(bank, "Donald Trump")
    assert [link.method for link in trump.links] == ["own", "surname"]


def test_a_longer_full_name_absorbs_a_shorter_one_but_not_a_clashing_one(bank):
    add(bank, "a", ("one", person("Javad Zarif")))
    add(bank, "b", ("two", person("Mohammad Javad Zarif")))
    add(bank, "c", ("three", person("George W. Bush")))
    add(bank, "d", ("four", person("George H. W. Bush")))
    add(bank, "e", ("five", person("George Bush")))
    assert [s.name for s in bank.speakers if "Zarif" in s.name] == ["Mohammad Javad Zarif"]
    assert sorted(s.name for s in bank.speakers if "Bush" in s.name) == [
        "George Bush",
        "George H. W. Bush",
        "George W. Bush",
    ]


def test_an_account_links_to_the_person_its_article_names(bank):
    account = Speaker(name="Khamenei.ir", handle="khamenei_ir", kind=SpeakerKind.MEDIA)
    add(
        bank,
        "a",
        ("They received a slap", person("Ali Khamenei", "Supreme Leader")),
        ("The lying US govt", account, {"kind": QuoteKind.EMBEDDED_POST}),
    )
    add(bank, "b", ("Another post", account, {"kind": QuoteKind.EMBEDDED_POST}))
    (khamenei,) = bank.speakers
    assert khamenei.name == "Ali Khamenei" and khamenei.kind is SpeakerKind.PERSON
    assert khamenei.handles == ("khamenei_ir",) and "Khamenei.ir" in khamenei.aliases
    post = bank.find(doc_id="b")[0]
    assert (post.speaker.name, post.speaker.handle, post.speaker.role) == (
        "Ali Khamenei",
        "khamenei_ir",
        "Supreme Leader",
    )
    assert bank.speaker("@khamenei_ir") == khamenei


def test_an_account_alone_stays_an_account(bank):
    add(bank, "a", ("About six missiles hit", Speaker(name="teleSUR English", handle="telesurenglish", kind="media")))
    add(bank, "b", ("Ali Khamenei spoke", person("Ali Khamenei")))
    assert sorted(s.name for s in bank.speakers) == ["Ali Khamenei", "teleSUR English"]


def test_unnamed_sources_are_never_merged_across_articles(bank):
    official = Speaker(name="a defense official", kind=SpeakerKind.UNNAMED)
    add(bank, "a", ("Fifteen missiles", official))
    add(bank, "b", ("Four failed", official))
    assert [s.name for s in bank.speakers] == ["a defense official", "a defense official"]


def test_organisations_link_by_acronym(bank):
    add(bank, "a", ("We launched", Speaker(name="Islamic Revolutionary Guard Corps", kind="organization")))
    add(bank, "b", ("We warn", Speaker(name="IRGC", kind="organization")))
    (irgc,) = bank.speakers
    assert irgc.name == "Islamic Revolutionary Guard Corps" and irgc.links[1].method == "acronym"


def test_a_post_without_a_speaker_is_given_its_signature(bank):
    post = quotebank.Post(author="Hassan Rouhani", handle="HassanRouhani", date="2020-01-08")
    add(bank, "a", ("Our final answer", None, {"kind": QuoteKind.EMBEDDED_POST, "post": post}))
    (quote,) = bank.quotes
    assert (quote.speaker.name, quote.speaker.handle) == ("Hassan Rouhani", "HassanRouhani")
    assert bank.find(since="2020-01-08", until="2020-01-08") == [quote]


# --------------------------------------------------------------------------- quotations


def test_the_same_words_in_two_articles_are_one_quotation_with_both_offsets(bank):
    a = add(bank, "a", "Hoffman added. ", (EVALUATE, HOFFMAN_1), date="2020-01-08", url="https://a.example/1")
    b = add(bank, "b", (EVALUATE.upper().replace("MEASURES.", "measures"), HOFFMAN_2), url="https://b.example/2")
    (quotation,) = bank.quotations
    assert quotation.num_occurrences == 2 and quotation.text == EVALUATE
    assert [(q.doc_id, q.start, q.end) for q in quotation.occurrences] == [
        ("a", a[0].start, a[0].end),
        ("b", b[0].start, b[0].end),
    ]
    assert quotation.speaker.name == "Jonathan Hoffman" and quotation.id.startswith("2020-01-08-")
    assert quotation.urls == ("https://a.example/1", "https://b.example/2")


def test_near_duplicates_and_fragments_merge(bank):
    add(bank, "a", ("proportionate measures in self‑defense.", ZARIF))
    add(bank, "b", ("& concluded proportionate measures in self-defense,", IRAN_FM))
    add(bank, "c", ("'And concluded Proportionate measures in self—defense'", ZARIF))
    (quotation,) = bank.quotations
    assert quotation.num_occurrences == 3 and quotation.text == "& concluded proportionate measures in self-defense"


def test_short_or_other_speakers_words_stay_apart(bank):
    add(
        bank,
        "a",
        ("tens", Speaker(name="Iran state TV", kind="media")),
        ("proportionate measures in self-defense", ZARIF),
    )
    add(
        bank,
        "b",
        ("tens", person("Jonathan Hoffman")),
        ("they took proportionate measures in self-defense today", HOFFMAN_1),
    )
    assert sorted(q.num_occurrences for q in bank.quotations) == [1, 1, 1, 1]


def test_indirect_speech_is_an_occurrence_but_not_a_quotation(bank):
    text = "Trump monitored the situation, Grisham said."
    quote = Quote(
        id="q0", text=text[:29], start=0, end=29, kind=QuoteKind.INDIRECT, speaker=person("Stephanie Grisham")
    )
    bank.add_quotes(text, [quote], doc_id="a")
    assert len(bank.quotes) == 1 and bank.quotations == []


# --------------------------------------------------------------------------- queries and export


@pytest.fixture
def filled(bank) -> QuoteBank:
    tweet = {"channel": Channel.TWEET}
    add(
        bank,
        "a",
        (EVALUATE, HOFFMAN_1, {"channel": Channel.STATEMENT}),
        ("So far, so good!", person("Donald Trump", "President"), tweet),
        date="2020-01-07",
    )
    add(
        bank,
        "b",
        ("not seek escalation", IRAN_FM, tweet),
        ("proportionate measures", ZARIF, {"kind": QuoteKind.PARTIAL}),
        date="2020-01-08",
    )
    return bank


def test_queries(filled):
    def texts(**query):
        return [q.text for q in filled.find(**query)]

    assert texts(speaker="Zarif") == ["not seek escalation", "proportionate measures"]
    assert texts(speaker="@nobody") == []
    assert texts(speaker="Mr Trump") == ["So far, so good!"]
    assert texts(role="foreign minister") == ["not seek escalation", "proportionate measures"]
    assert texts(role="spokesman") == [EVALUATE]
    assert texts(channel="tweet") == ["So far, so good!", "not seek escalation"]
    assert texts(channel=[Channel.TWEET, Channel.STATEMENT], doc_id="a") == [EVALUATE, "So far, so good!"]
    assert texts(kind=QuoteKind.PARTIAL) == ["proportionate measures"]
    assert texts(since="2020-01-08") == texts(doc_id="b")
    assert texts(until="2020-01-07") == texts(doc_id="a")
    assert texts(text="so far so GOOD") == ["So far, so good!"]
    assert texts(text="far so") == ["So far, so good!"] and texts(text="fa") == []
    assert texts(speaker_kind="person", limit=1) == [EVALUATE]
    assert filled.speaker("Hoffman").name == "Jonathan Hoffman" and filled.speaker("Nobody") is None


def test_jsonl_of_occurrences_reads_back_as_quotes(filled, tmp_path):
    path = tmp_path / "occurrences.jsonl"
    assert filled.to_jsonl(path) == 4
    lines = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    assert [Quote.from_dict(line) for line in lines] == filled.quotes
    assert (
        lines[2]["article_speaker"]["name"] == "Iran's foreign minister"
        and lines[2]["speaker"]["name"] == "Javad Zarif"
    )
    assert lines[2]["probability"] == 0.9 and lines[2]["date"] == "2020-01-08"


def test_quotation_jsonl_has_epfl_quotebank_keys_and_types(filled, tmp_path):
    # The shape of lines of EPFL's quotes-YYYY.json (quotation-centric), written here by hand.
    published = [
        {
            "quoteID": "2020-01-16-000088",
            "quotation": "I'm not going to sit here and say it was an easy decision",
            "speaker": "Jane Doe",
            "qids": ["Q1234567"],
            "date": "2020-01-16 13:45:00",
            "numOccurrences": 3,
            "probas": [["Jane Doe", "0.8542"], ["None", "0.1458"]],
            "urls": ["http://example.com/a", "http://example.com/b"],
            "phase": "E",
        },
        {
            "quoteID": "2020-02-03-000012",
            "quotation": "the numbers speak for themselves",
            "speaker": "None",
            "qids": [],
            "date": "2020-02-03 00:00:00",
            "numOccurrences": 1,
            "probas": [["None", "0.6203"], ["John Roe", "0.3797"]],
            "urls": ["http://example.com/c"],
            "phase": "E",
        },
    ]
    path = tmp_path / "quotations.jsonl"
    assert filled.to_quotebank_jsonl(path) == 4
    records = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]

    def shape(record: dict) -> list[tuple[str, str]]:
        return [(key, type(value).__name__) for key, value in record.items()]

    assert all(shape(r) == shape(published[0]) for r in records)
    for r in records:
        assert re.fullmatch(r"\d{4}-\d\d-\d\d \d\d:\d\d:\d\d", r["date"])
        assert re.fullmatch(r"\d{4}-\d\d-\d\d-\d{6}", r["quoteID"])
        assert all(isinstance(name, str) and re.fullmatch(r"[01]\.\d{4}", p) for name, p in r["probas"])
    escalation = next(r for r in records if r["quotation"] == "not seek escalation")
    assert escalation["speaker"] == "Javad Zarif" and escalation["probas"] == [
        ["Javad Zarif", "0.9000"],
        ["None", "0.1000"],
    ]
    assert escalation["date"] == "2020-01-08 00:00:00" and escalation["numOccurrences"] == 1
    ours = filled.to_quotebank_jsonl(tmp_path / "extras.jsonl", extras=True)
    extras = [json.loads(line) for line in (tmp_path / "extras.jsonl").read_text(encoding="utf-8").splitlines()]
    assert ours == 4 and list(extras[0])[: len(published[0])] == list(published[0])
    escalation = next(r for r in extras if r["quotation"] == "not seek escalation")
    assert escalation["role"] == "foreign minister" and escalation["channel"] == "tweet"


def test_an_unattributed_quotation_has_epfls_none_speaker(bank):
    add(bank, "a", ("Nobody knows who said this one", None))
    (record,) = [q.to_dict() for q in bank.quotations]
    assert record["speaker"] == "None" and record["probas"] == [["None", "1.0000"]] and record["date"] is None


def test_dataframe(filled):
    frame = filled.to_dataframe()
    assert len(frame) == 4
    assert list(frame["speaker"]) == ["Jonathan Hoffman", "Donald Trump", "Javad Zarif", "Javad Zarif"]
    assert list(frame["role"])[2] == "foreign minister" and frame["channel"].iloc[0] == "statement"


# --------------------------------------------------------------------------- persistence


def test_reopening_shows_exactly_what_was_added(tmp_path):
    path = tmp_path / "bank.sqlite"
    with QuoteBank.open(path) as bank:
        add(bank, "a", (EVALUATE, HOFFMAN_1), date="2020-01-08")
        add(bank, "b", ("not seek escalation", IRAN_FM), ("proportionate measures", ZARIF))
        before = (bank.quotes, bank.speakers, bank.quotations, bank.doc_ids)
    with QuoteBank.open(path) as bank:
        assert (bank.quotes, bank.speakers, bank.quotations, bank.doc_ids) == before
        assert bank.document("a").date == "2020-01-08"
    with QuoteBank.open(path) as bank:  # not even read: the stored linking is used as it is
        assert len(bank) == 2 and "b" in bank and "z" not in bank


def test_adding_an_article_again_does_not_duplicate_it(blank_nlp):
    bank = QuoteBank(nlp=blank_nlp)
    text = "“We are ready to respond,” she said."
    first = bank.add(text, doc_id="a")
    assert bank.add(text, doc_id="a", url="https://x.example") == first
    assert len(bank.quotes) == 1 and bank.document("a").url == "https://x.example"
    stats = bank.add_many([{"doc_id": "a", "text": text}, {"id": "b", "text": text}])
    assert (stats.added, stats.unchanged) == (1, 1)
    with pytest.raises(BankError, match="replace=True"):
        bank.add("“Something else entirely,” he said.", doc_id="a")
    assert [q.text for q in bank.find(doc_id="a")] == ["We are ready to respond,"]
    bank.add("“Something else entirely,” he said.", doc_id="a", replace=True)
    assert [q.text for q in bank.find(doc_id="a")] == ["Something else entirely,"]
    assert len(bank) == 2


def test_a_new_text_for_a_stored_id_is_replaced_only_when_asked(blank_nlp, caplog):
    bank = QuoteBank(nlp=blank_nlp)
    bank.add("“We are ready,” she said.", doc_id="a")
    text, quotes = article(("Other words", None))
    with pytest.raises(BankError, match="another text"):
        bank.add_quotes(text, quotes, doc_id="a")
    stats = bank.add_many([{"doc_id": "a", "text": "“New words,” he said."}, {"doc_id": "b", "text": "“B,” he said."}])
    assert (stats.added, stats.skipped, stats.replaced) == (1, 1, 0)
    assert "'a' is already in the bank with another text" in caplog.text
    assert [q.text for q in bank.find(doc_id="a")] == ["We are ready,"]
    stats = bank.add_many([{"doc_id": "a", "text": "“New words,” he said."}], replace=True)
    assert (stats.replaced, stats.skipped) == (1, 0) and [q.text for q in bank.find(doc_id="a")] == ["New words,"]
    assert bank.add_quotes(text, quotes, doc_id="a", replace=True) == [attrs_doc(q, "a") for q in quotes]


def attrs_doc(q: Quote, doc_id: str) -> Quote:
    import attrs

    return attrs.evolve(q, doc_id=doc_id)


def test_add_many_accepts_several_record_shapes_and_reports_bad_ones(blank_nlp):
    bank = QuoteBank(nlp=blank_nlp)
    records = iter(
        [
            {"doc_id": "a", "text": "“We are ready,” she said.", "date": "2020-01-08", "source": "AP"},
            ("“We are set,” he said.", "b"),
            "“Plain text,” they said.",
            {"doc_id": "c", "text": None},
            {"doc_id": "d", "text": "x", "date": "next Tuesday"},
        ]
    )
    stats = bank.add_many(records, batch_size=2, progress=False)
    assert (stats.added, stats.quotes, len(stats.failed)) == (3, 3, 2)
    assert bank.doc_ids[:2] == ["a", "b"] and bank.doc_ids[2].startswith("sha1:")
    assert [q.text for q in bank.find(source="AP")] == ["We are ready,"]


def test_quotes_keep_exact_offsets_into_the_stored_text(filled):
    for q in filled.quotes:
        assert filled.document(q.doc_id).text[q.start : q.end] == q.text


def test_add_quotes_checks_offsets(bank):
    with pytest.raises(ValueError, match="does not match"):
        bank.add_quotes("abc", [Quote(id="q0", text="xy", start=0, end=2)], doc_id="a")
    with pytest.raises(TypeError):
        bank.add_quotes("abc", [], doc_id="")


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_a_file_that_is_not_a_bank_is_refused_and_left_alone(tmp_path):
    text_file = tmp_path / "notes.sqlite"
    text_file.write_text("not a database at all\n" * 100)
    other = tmp_path / "other.sqlite"
    with sqlite3.connect(other) as conn:
        conn.execute("CREATE TABLE t (x)")
    conn.close()
    for path in (text_file, other):
        before = digest(path)
        with pytest.raises(BankError, match=r"not a quotebank (database|one)"):
            QuoteBank.open(path)
        assert digest(path) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notes.sqlite", "other.sqlite"]


def test_a_bank_from_a_newer_quotebank_is_refused_and_left_alone(tmp_path):
    path = tmp_path / "bank.sqlite"
    with QuoteBank.open(path) as bank:
        add(bank, "a", (EVALUATE, HOFFMAN_1))
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.close()
    before = digest(path)
    with pytest.raises(BankError, match="newer quotebank"):
        QuoteBank.open(path)
    assert digest(path) == before


def test_open_needs_a_usable_path(tmp_path):
    with pytest.raises(BankError, match="does not exist"):
        QuoteBank.open(tmp_path / "missing" / "bank.sqlite")
    with pytest.raises(ValueError):
        QuoteBank.open(":memory:")


def test_no_pickle_in_the_bank():
    for module in [*(ROOT / "quotebank" / "bank").glob("*.py"), ROOT / "quotebank" / "textnorm.py"]:
        assert "pickle" not in module.read_text(encoding="utf-8")


# --------------------------------------------------------------------------- the three seeds, real extraction


@pytest.fixture(scope="module")
def seed_bank(nlp, seed_texts) -> QuoteBank:
    bank = QuoteBank(nlp=nlp)
    for name, text in seed_texts.items():
        bank.add(text, doc_id=name)
    return bank


@pytest.mark.parametrize(
    ("surname", "role"),
    [
        ("Hoffman", "spokesman"),
        ("Zarif", "foreign minister"),
        ("Abdul-Mahdi", "prime minister"),
        ("Khamenei", "supreme leader"),
        ("Trump", "president"),
    ],
)
def test_seeds_one_entity_per_person_with_roles(seed_bank, surname, role):
    people = [s for s in seed_bank.speakers if s.kind is SpeakerKind.PERSON]
    entities = [s for s in people if surname in s.name or any(surname in a for a in s.aliases)]
    assert len(entities) == 1, entities
    assert any(role in r.lower() for r in entities[0].roles), entities[0].roles


def test_seeds_hoffman_repeated_sentence_is_one_quotation(seed_bank):
    found = [q for q in seed_bank.quotations if q.text.startswith("As we evaluate the situation")]
    assert len(found) == 1
    (quotation,) = found
    assert quotation.num_occurrences == 2 and quotation.speaker.name == "Jonathan Hoffman"
    assert {q.doc_id for q in quotation.occurrences} == {"000_126a1c6755c120ec.txt", "001_bb25ef39457e7cc7.txt"}


def test_seeds_role_only_foreign_minister_is_zarif(seed_bank):
    quotes = seed_bank.find(doc_id="002_092416aa34dad029.txt", text="not seek escalation")
    assert quotes and all(q.speaker.name == "Javad Zarif" for q in quotes)
    assert "foreign minister" in quotes[0].speaker.role.lower()


def test_seeds_khamenei_account_is_khamenei(seed_bank):
    (khamenei,) = [s for s in seed_bank.speakers if "Khamenei" in s.name]
    assert khamenei.name == "Ali Khamenei" and "khamenei_ir" in khamenei.handles
    post = seed_bank.find(doc_id="002_092416aa34dad029.txt", kind="embedded_post", speaker="Khamenei")
    assert post and post[0].speaker.handle == "khamenei_ir"


def test_seeds_donald_trump_stays_apart_from_other_trumps(seed_bank):
    people = [s.name for s in seed_bank.speakers if s.kind is SpeakerKind.PERSON]
    assert [name for name in people if "Trump" in name] == ["Donald Trump"]


@pytest.mark.skipif(not SCORER.exists() or not GOLD.exists(), reason="the shared scorer is not next to this checkout")
def test_seeds_scorer_bank_mode():
    import importlib.util

    spec = importlib.util.spec_from_file_location("qb_score", SCORER)
    assert spec is not None and spec.loader is not None
    score = importlib.util.module_from_spec(spec)
    sys.modules["qb_score"] = score
    spec.loader.exec_module(score)
    gold = [json.loads(line) for line in GOLD.read_text(encoding="utf-8").splitlines() if line.strip()]
    preds = score.predictions(sorted({g["doc"] for g in gold}), ROOT / "seeds", "bank")
    summary, _misses, _wrong = score.score(gold, preds)
    assert summary["quoted_end_to_end"] >= 0.92 and summary["speaker_acc"] >= 0.97, summary
