"""The lexicon: every key documented, given by the English file, and read by some rule."""

from __future__ import annotations

import ast
import json
import re
from pathlib import Path

import attrs
import pytest

import quotebank
from quotebank.lexicons import Lexicon, get_lexicon

ROOT = Path(quotebank.__file__).parent
LEXICONS = ROOT / "lexicons"
FIELDS = [f.name for f in attrs.fields(Lexicon)]


def test_every_key_is_documented() -> None:
    tree = ast.parse((LEXICONS / "__init__.py").read_text(encoding="utf-8"))
    (cls,) = [n for n in tree.body if isinstance(n, ast.ClassDef) and n.name == "Lexicon"]
    documented = {
        node.target.id
        for node, after in zip(cls.body, cls.body[1:], strict=False)
        if isinstance(node, ast.AnnAssign)
        and isinstance(node.target, ast.Name)
        and isinstance(after, ast.Expr)
        and isinstance(after.value, ast.Constant)
        and isinstance(after.value.value, str)
    }
    assert sorted(set(FIELDS) - documented) == []


def test_the_english_file_gives_every_key() -> None:
    raw = json.loads((LEXICONS / "en.json").read_text(encoding="utf-8"))
    assert sorted(set(FIELDS) - raw.keys()) == []
    assert sorted(raw.keys() - set(FIELDS)) == []


@pytest.mark.parametrize("key", [f for f in FIELDS if f != "language"])
def test_every_key_is_read_by_a_rule(key: str) -> None:
    # A list nothing reads drifts from the code that should (``according_to`` once listed "per", which did nothing).
    pattern = re.compile(rf"\.{key}\b")
    readers = [
        path
        for path in ROOT.rglob("*.py")
        if path != LEXICONS / "__init__.py" and pattern.search(path.read_text(encoding="utf-8"))
    ]
    assert readers, f"no module reads lexicon.{key}: wire it or delete it"


def test_word_classes_are_lower_case_and_kickers_stay_apart_from_heading_labels() -> None:
    lexicon = get_lexicon("en")
    assert "that" in lexicon.complementizers and "would" in lexicon.hypothetical_modals
    # "POLL:" opens a heading line (never a transcript speaker), but "Poll: Clinton and Trump in dead heat" is a
    # headline whose source is the poll: the two lists differ on purpose.
    assert "poll" in lexicon.headline_labels and "poll" not in lexicon.headline_kickers
    assert "the latest" in lexicon.headline_kickers
