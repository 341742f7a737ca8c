"""The command line: extract (formats, inputs, bad records, exit status), bank add/query, the installed entry point."""

from __future__ import annotations

import csv
import io
import json
import logging
import shlex
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT, SEEDS

import quotebank
from quotebank.cli import EXIT_FAILED_RECORDS, EXIT_OK, EXIT_USAGE, main
from quotebank.cli.args import DEFAULT_BATCH_SIZE
from quotebank.cli.common import Console
from quotebank.model import Quote


@pytest.fixture(autouse=True)
def _in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, nlp) -> None:
    """Run in a temporary directory (the default errors file is written there), with the session's pipeline."""
    monkeypatch.chdir(tmp_path)


def _seed_records(path: Path) -> Path:
    with path.open("w", encoding="utf-8") as f:
        for seed in SEEDS:
            record = {
                "id": seed.name,
                "text": seed.read_text(encoding="utf-8"),
                "date": "2020-01-08",
                "url": f"https://example.org/{seed.stem}",
            }
            f.write(json.dumps(record, ensure_ascii=False) + "\n")
    return path


def test_extract_prints_a_table(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["extract", str(SEEDS[0])]) == EXIT_OK
    out, err = capsys.readouterr()
    lines = out.splitlines()
    assert lines[0].split() == ["offsets", "kind", "speaker", "channel", "text"]
    assert lines[1].startswith(f"== {SEEDS[0]}: ")
    assert any("We are working on initial battle damage assessments," in line for line in lines)
    assert err.strip().startswith("quotebank: 1 document, ")


def test_extract_jsonl_round_trips_with_exact_offsets(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], seed_texts
) -> None:
    corpus = _seed_records(tmp_path / "seeds.jsonl")
    assert main(["extract", "--format", "jsonl", "--quiet", str(corpus)]) == EXIT_OK
    out, err = capsys.readouterr()
    assert err == ""
    rows = [json.loads(line) for line in out.splitlines()]
    assert {r["doc_id"] for r in rows} == {p.name for p in SEEDS}
    for row in rows:
        q = Quote.from_dict(row)
        assert seed_texts[q.doc_id][q.start : q.end] == q.text
        assert row["date"] == "2020-01-08" and row["url"].startswith("https://example.org/")
    expected = [q.to_dict() for p in SEEDS for q in quotebank.extract(p.read_text(encoding="utf-8"), doc_id=p.name)]
    assert [{k: v for k, v in r.items() if k not in ("date", "url")} for r in rows] == expected


def test_extract_csv_and_json_agree_with_jsonl(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    seed = str(SEEDS[1])
    main(["extract", "-f", "jsonl", "-q", seed])
    jsonl = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    main(["extract", "-f", "json", "-q", seed])
    assert json.loads(capsys.readouterr().out) == jsonl
    main(["extract", "-f", "csv", "-q", "-o", "out.csv", seed])
    with open("out.csv", encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    assert [(r["quote_id"], int(r["start"]), r["text"]) for r in rows] == [
        (q["id"], q["start"], q["text"]) for q in jsonl
    ]


def test_bad_records_are_reported_with_file_and_line_and_the_run_goes_on(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    corpus = tmp_path / "corpus.jsonl"
    corpus.write_bytes(
        b'{"id": "good1", "text": "\xe2\x80\x9cWe are ready,\xe2\x80\x9d Zarif said."}\n'
        b'{"id": "broken", "text": "unterminated\n'
        b'{"id": "notext", "title": "No text here"}\n'
        b'{"id": "latin1", "text": "caf\xe9 \xe2\x80\x9cquoted,\xe2\x80\x9d he said."}\n'
        b"\n"
        b'{"id": "good2", "text": "\xe2\x80\x9cStill going,\xe2\x80\x9d she said."}\n'
    )
    status = main(["extract", "-f", "jsonl", "--errors", "bad.jsonl", str(corpus)])
    assert status == EXIT_FAILED_RECORDS
    out, err = capsys.readouterr()
    assert [json.loads(line)["doc_id"] for line in out.splitlines()] == ["good1", "good2"]
    assert f"{corpus}:2: invalid JSON: Unterminated string starting at column 26\n" in err  # not "at at"
    assert f"{corpus}:3: no 'text' field" in err
    assert f"{corpus}:4: not valid UTF-8: byte 0xe9" in err
    assert "3 records failed, see bad.jsonl" in err
    errors = [json.loads(line) for line in Path("bad.jsonl").read_text(encoding="utf-8").splitlines()]
    assert [(e["file"], e["line"], e["id"]) for e in errors] == [
        (str(corpus), 2, None),
        (str(corpus), 3, "notext"),
        (str(corpus), 4, None),
    ]
    assert errors[0]["record"] == '{"id": "broken", "text": "unterminated'
    assert errors[2]["record"].startswith('{"id": "latin1", "text": "caf\\xe9')


def test_no_errors_file_when_nothing_failed(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["extract", "-q", str(SEEDS[2])]) == EXIT_OK
    assert not list(Path().glob("*.jsonl"))


def test_field_names_and_stdin(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    record = {"uuid": "u1", "body": "“We are ready,” Zarif said.", "published": "2020-01-08"}
    stdin = io.TextIOWrapper(io.BytesIO((json.dumps(record) + "\n").encode()), encoding="utf-8")
    monkeypatch.setattr(sys, "stdin", stdin)
    args = [
        "extract",
        "-f",
        "jsonl",
        "-q",
        "--id-field",
        "uuid",
        "--text-field",
        "body",
        "--date-field",
        "published",
        "-",
    ]
    assert main(args) == EXIT_OK
    (row,) = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert (row["doc_id"], row["text"], row["date"]) == ("u1", "We are ready,", "2020-01-08")

    stdin = io.TextIOWrapper(io.BytesIO(SEEDS[0].read_bytes()), encoding="utf-8")
    monkeypatch.setattr(sys, "stdin", stdin)
    assert main(["extract", "-f", "jsonl", "-q", "-"]) == EXIT_OK
    rows = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert rows and {r["doc_id"] for r in rows} == {"<stdin>"}


def test_n_process_and_batch_size_pass_through(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    corpus = _seed_records(tmp_path / "seeds.jsonl")
    main(["extract", "-f", "jsonl", "-q", str(corpus)])
    single = capsys.readouterr().out
    assert main(["extract", "-f", "jsonl", "-q", "--n-process", "2", "--batch-size", "1", str(corpus)]) == EXIT_OK
    assert capsys.readouterr().out == single


def test_usage_errors_exit_with_2_and_show_the_subcommands_usage(capsys: pytest.CaptureFixture[str]) -> None:
    Path("x.txt").write_text("“We are ready,” Zarif said.", encoding="utf-8")
    cases = {
        ("extract", "--n-process", "0", "x.txt"): ("usage: quotebank extract", "--n-process: must be >= 1, or -1"),
        ("extract", "--batch-size", "0", "x.txt"): ("usage: quotebank extract", "--batch-size: must be >= 1"),
        ("extract",): ("usage: quotebank extract", "required: FILE"),
        ("bank", "query", "--db", "b.sqlite", "--limit", "-1"): (
            "usage: quotebank bank query",
            "--limit: must be >= 1",
        ),
        ("bank", "query", "--db", "b.sqlite", "--limit", "0"): ("usage: quotebank bank query", "--limit: must be >= 1"),
        ("bank", "add", "x.txt", "--n-process", "two", "--db", "b.sqlite"): ("usage: quotebank bank add", "'two'"),
        ("frobnicate",): ("usage: quotebank [-h]", "invalid choice: 'frobnicate'"),
    }
    for argv, (usage, message) in cases.items():
        with pytest.raises(SystemExit) as exc:
            main(list(argv))
        assert exc.value.code == EXIT_USAGE, argv
        err = capsys.readouterr().err
        assert err.startswith(usage) and message in err, (argv, err)
    assert main(["extract", "--model", "no_such_pipeline", "x.txt"]) == EXIT_USAGE
    assert "no_such_pipeline" in capsys.readouterr().err
    assert main(["extract", "--n-process", "-1", "-q", "x.txt"]) == EXIT_OK  # -1: one per CPU


def test_a_missing_input_file_exits_2_before_anything_is_done(capsys: pytest.CaptureFixture[str]) -> None:
    for argv in (
        ["extract", "-o", "out.jsonl", str(SEEDS[0]), "missing.txt"],
        ["bank", "add", str(SEEDS[0]), "missing.txt", "--db", "bank.sqlite"],
    ):
        assert main(argv) == EXIT_USAGE
        assert capsys.readouterr().err == "quotebank: no such file: missing.txt\n"
    assert main(["extract", str(SEEDS[0]).rsplit("/", 1)[0]]) == EXIT_USAGE
    assert "is a directory" in capsys.readouterr().err
    assert sorted(p.name for p in Path().iterdir()) == []  # no output, no bank, no errors file


def test_version_and_help(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exc:
        main(["--version"])
    assert exc.value.code == 0
    assert capsys.readouterr().out == f"quotebank {quotebank.__version__}\n"
    for argv in (["extract", "--help"], ["bank", "add", "--help"]):
        with pytest.raises(SystemExit):
            main(argv)
        out = " ".join(capsys.readouterr().out.split())
        assert "worker processes; -1: one per CPU (default: 1)" in out
        assert f"documents per nlp.pipe batch (default: {DEFAULT_BATCH_SIZE})" in out
        assert "2 for a usage error or when nothing could be done (a missing input file" in out


def test_the_help_shows_the_librarys_batch_size() -> None:
    from quotebank.corpus import DEFAULT_BATCH_SIZE as LIBRARY_DEFAULT

    assert DEFAULT_BATCH_SIZE == LIBRARY_DEFAULT


def test_one_quote_is_singular(capsys: pytest.CaptureFixture[str]) -> None:
    Path("one.txt").write_text("“We are ready,” Zarif said.", encoding="utf-8")
    assert main(["extract", "one.txt"]) == EXIT_OK
    out, err = capsys.readouterr()
    assert "== one.txt: 1 quote\n" in out
    assert err == "quotebank: 1 document, 1 quote\n"


def test_no_progress_bar_when_stderr_is_not_a_terminal(capsys: pytest.CaptureFixture[str]) -> None:
    main(["extract", str(SEEDS[0])])
    assert "doc/s" not in capsys.readouterr().err


def test_bank_add_then_query(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    corpus = _seed_records(tmp_path / "seeds.jsonl")
    with corpus.open("a", encoding="utf-8") as f:
        f.write("{not json}\n")
    db = str(tmp_path / "bank.sqlite")
    assert main(["bank", "add", str(corpus), "--db", db]) == EXIT_FAILED_RECORDS
    err = capsys.readouterr().err
    assert f"{corpus}:4: invalid JSON" in err
    assert "3 added, 0 replaced, 0 unchanged" in err
    assert err.endswith(f"1 record failed, see {tmp_path / 'bank.errors.jsonl'}\n")  # named after the bank

    assert main(["bank", "query", "--db", db, "--speaker", "Zarif", "--channel", "tweet", "-f", "jsonl"]) == EXIT_OK
    rows = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert rows, "Zarif's tweets"
    assert all(r["channel"] == "tweet" and "Zarif" in r["speaker"]["name"] for r in rows)
    assert all(r["date"] == "2020-01-08" for r in rows)

    assert main(["bank", "query", "--db", db, "--speaker", "Zarif", "--channel", "tweet"]) == EXIT_OK
    assert "Zarif" in capsys.readouterr().out

    assert main(["bank", "add", "-q", str(SEEDS[0]), "--db", db]) == EXIT_OK  # a text file; new id (its path)
    assert main(["bank", "add", "-q", str(SEEDS[0]), "--db", db]) == EXIT_OK
    assert capsys.readouterr().err == ""


def test_bank_query_needs_an_existing_bank(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["bank", "query", "--db", "nowhere.sqlite", "--speaker", "Zarif"]) == EXIT_USAGE
    assert "no bank at nowhere.sqlite" in capsys.readouterr().err
    assert not Path("nowhere.sqlite").exists()


def test_installed_command_and_python_m(tmp_path: Path) -> None:
    # A fresh process, as after `pip install`: the console script and `python -m quotebank`, output to a closed pipe.
    script = Path(sys.executable).parent / "quotebank"
    help_run = subprocess.run([str(script), "--help"], capture_output=True, text=True, check=False)
    assert help_run.returncode == 0 and "extract" in help_run.stdout and "bank" in help_run.stdout

    # About 95 kB of JSON lines, more than a pipe holds, so that writing fails once the reader has gone.
    command = [sys.executable, "-m", "quotebank", "extract", "-q", "-f", "jsonl", *map(str, SEEDS * 2)]
    with subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=ROOT) as proc:
        assert proc.stdout is not None and proc.stderr is not None
        first = proc.stdout.readline()
        proc.stdout.close()  # the reader goes away, as with `| head -1`
        err = proc.stderr.read()
        status = proc.wait(timeout=120)
    assert Quote.from_json(first.decode()).doc_id == str(SEEDS[0])
    assert status == 0, err
    assert b"Traceback" not in err


BAD_LINE = '{"id": "broken", "text": "unterminated\n'


def _corpus_with_a_bad_record(path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text('{"id": "good", "text": "“We are ready,” Zarif said."}\n' + BAD_LINE, encoding="utf-8")
    return path


def test_the_errors_file_is_named_after_the_output_or_the_input_and_never_replaced(
    capsys: pytest.CaptureFixture[str],
) -> None:
    corpus = _corpus_with_a_bad_record(Path("in") / "corpus.jsonl")
    assert main(["extract", "-q", str(corpus)]) == EXIT_FAILED_RECORDS
    assert "see corpus.errors.jsonl" in capsys.readouterr().err
    assert main(["extract", "-q", str(corpus)]) == EXIT_FAILED_RECORDS  # again: a new file, the first one kept
    assert "see corpus.errors.1.jsonl" in capsys.readouterr().err
    first = [json.loads(line) for line in Path("corpus.errors.jsonl").read_text(encoding="utf-8").splitlines()]
    again = [json.loads(line) for line in Path("corpus.errors.1.jsonl").read_text(encoding="utf-8").splitlines()]
    assert first == again and [e["line"] for e in first] == [2]

    assert main(["extract", "-q", "-o", "out/quotes.jsonl", str(corpus)]) == EXIT_USAGE
    assert capsys.readouterr().err == "quotebank: cannot write out/quotes.jsonl: there is no directory out\n"
    Path("out").mkdir()
    assert main(["extract", "-q", "-o", "out/quotes.jsonl", str(corpus)]) == EXIT_FAILED_RECORDS
    assert Path("out/quotes.errors.jsonl").is_file()
    assert main(["extract", "-q", str(corpus), str(corpus)]) == EXIT_FAILED_RECORDS  # two inputs: a general name
    assert Path("quotebank-errors.jsonl").is_file()

    # Named with --errors, the file is the user's choice: replaced, unless it is an input or the output.
    for argv in (["--errors", str(corpus)], ["-o", "q.jsonl", "--errors", "./q.jsonl"]):
        assert main(["extract", *argv, str(corpus)]) == EXIT_USAGE
        assert "would overwrite an input or the output" in capsys.readouterr().err
    assert corpus.read_text(encoding="utf-8").endswith(BAD_LINE)
    Path("mine.jsonl").write_text("old\n", encoding="utf-8")
    assert main(["extract", "-q", "--errors", "mine.jsonl", str(corpus)]) == EXIT_FAILED_RECORDS
    assert [json.loads(line)["line"] for line in Path("mine.jsonl").read_text(encoding="utf-8").splitlines()] == [2]


def test_the_errors_file_is_checked_before_the_run(capsys: pytest.CaptureFixture[str]) -> None:
    # Before: the run stopped at the first bad record, and the good records after it were never written.
    corpus = _corpus_with_a_bad_record(Path("corpus.jsonl"))
    Path("a_directory").mkdir()
    for errors, reason in (("no/such/dir/errors.jsonl", "No such file or directory"), ("a_directory", "directory")):
        assert main(["extract", "-o", "quotes.jsonl", "--errors", errors, str(corpus)]) == EXIT_USAGE
        err = capsys.readouterr().err
        assert err.startswith(f"quotebank: cannot write the errors file {errors}") and reason in err
        assert not Path("quotes.jsonl").exists()
    assert main(["bank", "add", str(corpus), "--db", "bank.sqlite", "--errors", "no/dir/e.jsonl"]) == EXIT_USAGE
    assert not Path("bank.sqlite").exists()
    # Writable: checked without leaving a file behind when no record fails.
    good = Path("good.txt")
    good.write_text("“We are ready,” Zarif said.", encoding="utf-8")
    assert main(["extract", "-q", "--errors", "e.jsonl", str(good)]) == EXIT_OK
    assert not Path("e.jsonl").exists()


def test_a_closed_stdin_matters_only_when_it_is_read(monkeypatch: pytest.MonkeyPatch, capsys) -> None:
    # `quotebank extract good.txt <&-`: Python sets sys.stdin to None.
    good = Path("good.txt")
    good.write_text("“We are ready,” Zarif said.", encoding="utf-8")
    monkeypatch.setattr(sys, "stdin", None)
    assert main(["extract", "-q", "-f", "jsonl", str(good)]) == EXIT_OK
    assert json.loads(capsys.readouterr().out)["text"] == "We are ready,"
    assert main(["extract", "-"]) == EXIT_USAGE
    assert capsys.readouterr().err == "quotebank: '-' reads standard input, but it is closed\n"


def test_a_closed_stdin_in_a_real_process(tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text("“We are ready,” Zarif said.", encoding="utf-8")
    command = f"exec {shlex.quote(sys.executable)} -m quotebank extract -f jsonl {shlex.quote(str(good))} <&-"
    run = subprocess.run(["sh", "-c", command], capture_output=True, text=True, cwd=ROOT, check=False)
    assert run.returncode == EXIT_OK, run.stderr
    assert json.loads(run.stdout)["speaker"]["name"] == "Zarif"


def test_warnings_are_shown_and_notices_with_verbose(capsys: pytest.CaptureFixture[str]) -> None:
    Path("w.txt").write_text("A banner: “this never ends. The story goes on.", encoding="utf-8")
    assert main(["extract", "-q", "w.txt"]) == EXIT_OK
    assert capsys.readouterr().err == ""  # the notice is not a warning of the run
    assert main(["extract", "-q", "-v", "w.txt"]) == EXIT_OK
    assert "quotebank: w.txt: W001 at 10:" in capsys.readouterr().err
    # Any other warning of the library reaches the user, once.
    logging.getLogger("quotebank.bank").warning("record %s skipped", "x1")
    assert capsys.readouterr().err == ""  # outside a command: the library's NullHandler, nothing printed
    console = Console()
    try:
        logging.getLogger("quotebank.bank").warning("record %s skipped", "x1")
    finally:
        console.close()
    assert capsys.readouterr().err == "quotebank: record x1 skipped\n"


def test_bank_export_writes_the_epfl_lines(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    corpus = _seed_records(tmp_path / "seeds.jsonl")
    assert main(["bank", "add", "-q", str(corpus), "--db", "bank.sqlite"]) == EXIT_OK
    assert main(["bank", "export", "--db", "bank.sqlite", "-o", "epfl.jsonl"]) == EXIT_OK
    lines = Path("epfl.jsonl").read_text(encoding="utf-8").splitlines()
    assert capsys.readouterr().err == f"quotebank: bank.sqlite: {len(lines)} quotations written to epfl.jsonl\n"
    with quotebank.QuoteBank.open("bank.sqlite") as bank:
        expected = io.StringIO()
        assert bank.to_quotebank_jsonl(expected) == len(lines) > 0
    assert lines == expected.getvalue().splitlines()
    assert main(["bank", "export", "-q", "--db", "bank.sqlite"]) == EXIT_OK  # stdout
    assert capsys.readouterr().out.splitlines() == lines
    assert main(["bank", "export", "--db", "nowhere.sqlite"]) == EXIT_USAGE
    assert "no bank at nowhere.sqlite" in capsys.readouterr().err


def test_bank_add_replaces_an_article_only_with_replace(capsys: pytest.CaptureFixture[str]) -> None:
    # Passes once QuoteBank.add_many(replace=...) is in (the bank's side of issue #18).
    first, second = Path("v1.jsonl"), Path("v2.jsonl")
    first.write_text(json.dumps({"id": "a1", "text": "“We are ready,” Zarif said."}) + "\n", encoding="utf-8")
    second.write_text(json.dumps({"id": "a1", "text": "“We are not ready,” Zarif said."}) + "\n", encoding="utf-8")
    assert main(["bank", "add", "-q", str(first), "--db", "bank.sqlite"]) == EXIT_OK
    main(["bank", "add", str(second), "--db", "bank.sqlite"])
    assert "a1" in capsys.readouterr().err  # said, per record
    with quotebank.QuoteBank.open("bank.sqlite") as bank:
        assert bank.document("a1").text == "“We are ready,” Zarif said."  # kept
    assert main(["bank", "add", "--replace", str(second), "--db", "bank.sqlite"]) == EXIT_OK
    assert "1 replaced" in capsys.readouterr().err
    with quotebank.QuoteBank.open("bank.sqlite") as bank:
        assert bank.document("a1").text == "“We are not ready,” Zarif said."
        assert [q.text for q in bank.quotes] == ["We are not ready,"]


def test_help_version_and_query_do_not_import_spacy(tmp_path: Path) -> None:
    db = tmp_path / "bank.sqlite"
    with quotebank.QuoteBank.open(db) as bank:
        bank.add_quotes(
            "“We are ready,” Zarif said.", [Quote(id="q0", text="We are ready,", start=1, end=14)], doc_id="d1"
        )
    heavy = ("spacy", "textacy", "pandas", "thinc")
    for argv in (["--help"], ["--version"], ["bank", "query", "--db", str(db)], ["bank", "query", "--help"]):
        probe = (
            "import sys\n"
            "from quotebank.cli import main\n"
            f"try:\n    main({argv!r})\nexcept SystemExit:\n    pass\n"
            f"print(sorted(m for m in sys.modules if m.split('.')[0] in {heavy!r}))"
        )
        run = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, cwd=ROOT, check=True)
        assert run.stdout.splitlines()[-1] == "[]", (argv, run.stdout[-500:])
        assert argv[0] != "bank" or argv[-1] == "--help" or "We are ready," in run.stdout


def test_the_json_lines_are_the_corpus_packages(seed_texts) -> None:
    from quotebank.cli.common import DocInfo, _JsonlWriter
    from quotebank.corpus import Extraction, quote_json

    quotes = quotebank.extract(seed_texts[SEEDS[0].name], doc_id="d")
    out = io.StringIO()
    _JsonlWriter(out).write(quotes, DocInfo(doc_id="d", date="2020-01-08", url="u"))
    expected = [quote_json(q, Extraction(doc_id="d", date="2020-01-08", url="u")) for q in quotes]
    assert [json.loads(line) for line in out.getvalue().splitlines()] == expected


def test_bank_merge_and_export_extras(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    for i, seed in enumerate(SEEDS[:2]):
        assert main(["bank", "add", "-q", str(seed), "--db", f"shard{i}.sqlite"]) == EXIT_OK
    assert main(["bank", "merge", "shard0.sqlite", "shard1.sqlite", "--db", "all.sqlite"]) == EXIT_OK
    assert capsys.readouterr().err == "quotebank: all.sqlite: 2 added, 0 replaced, 0 unchanged\n"
    assert main(["bank", "merge", "-q", "shard0.sqlite", "missing.sqlite", "--db", "all.sqlite"]) == EXIT_USAGE
    assert capsys.readouterr().err == "quotebank: cannot merge missing.sqlite: there is no bank at missing.sqlite\n"
    assert main(["bank", "export", "-q", "--db", "all.sqlite"]) == EXIT_OK
    plain = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert main(["bank", "export", "-q", "--extras", "--db", "all.sqlite"]) == EXIT_OK
    extras = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert len(plain) == len(extras) > 0
    assert set(plain[0]) < set(extras[0]) and "channel" in extras[0] and "channel" not in plain[0]
