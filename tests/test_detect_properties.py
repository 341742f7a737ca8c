"""Property tests of the detector over quote-rich text: never an exception, offsets exact, no quote twice.

The reproducers of issue #16 (inputs on which a regular expression backtracked for seconds) are here as
examples; their timing is measured in ``benchmarks/bench_pathological.py``, never asserted. The tag and link
scanners replaced single regular expressions; they are checked against those expressions (kept here as the
reference) on short inputs, where the expressions are still fast.
"""

from __future__ import annotations

import re
from typing import Any

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

import quotebank
from quotebank.detect import find_quotations, posts
from quotebank.marks import DOUBLE_MARKS, SINGLE_MARKS

# The expressions the scanners replaced: exponential and cubic on some inputs, the reference on short ones.
REFERENCE_TAG = re.compile(r"<(/?)([A-Za-z][\w:-]*)((?:\s+[^<>]*?)?)\s*(/?)>")
REFERENCE_LINK = re.compile(r"(?:\s*(?:pic\.twitter\.com/\S+|https?://\S+))+\s*$")
REFERENCE_ATTR = re.compile(r"([\w:-]+)\s*=\s*([\"'])(.*?)\2")

SIGNATURE = "\n\n— Jane Doe (@janedoe) January 8, 2020"
REPRODUCERS = [
    "http://a" * 24 + " end." + SIGNATURE,
    "<a" + " " * 800 + "“We are ready,” Jane Doe said.",
    "<p" + "\n" * 1600,
]

FRAGMENTS = [
    *DOUBLE_MARKS,
    *SINGLE_MARKS,
    "``",
    "''",
    "`",
    " ",
    "\n",
    "\n\n",
    "\t",
    "\u00a0",
    ".",
    ",",
    ":",
    "!",
    "?",
    "…",
    "—",
    "–",
    "-",
    "(",
    ")",
    "s",
    "I",
    "We",
    "we will",
    "Iran's",
    "said",
    " he said, ",
    "@janedoe",
    "(@x)",
    "<",
    ">",
    "/",
    "<p>",
    "</p>",
    "<br/>",
    '<tweet author="jd">',
    "</tweet>",
    '<a href="x">',
    "http://",
    "https://t.co/ab",
    "pic.twitter.com/x",
    "— Jane Doe (@janedoe) January 8, 2020",
    "— (@x) January 8, 2020",
    "– Jane (@j)",
    "January 8, 2020",
]

TAG_PIECES = ["<", ">", "/", "<p>", "</p>", "<br/>", "<b", "a", "c d", " ", "\n", "\t", "x=", '"', "'", "=", "</", "/>"]

quote_rich = st.lists(st.sampled_from(FRAGMENTS), max_size=40).map("".join)
anything = quote_rich | st.lists(st.sampled_from(FRAGMENTS) | st.characters(), max_size=60).map("".join)


def check(text: str) -> None:
    quotes, notices = find_quotations(text)
    spans = [(q.start, q.end) for q in quotes]
    assert len(spans) == len(set(spans)), "a quote returned twice"
    for i, q in enumerate(quotes):
        assert 0 <= q.start < q.end <= len(text)
        assert text[q.start : q.end] == text[q.start : q.end].strip()
        if q.post is None:
            assert any(c.isalnum() for c in text[q.start : q.end]), "a pair of marks around no words"
        assert q.group is None or 0 <= q.group < i
        assert q.parent is None or 0 <= q.parent < i
        if q.post is not None:
            assert q.post.signature is None or text[q.post.signature.start : q.post.signature.end]
    for notice in notices:
        assert 0 <= notice.offset < len(text)


@settings(max_examples=300, deadline=None)
@given(anything)
@example(REPRODUCERS[0])
@example(REPRODUCERS[1])
@example(REPRODUCERS[2])
@example("«– (@e)")
@example("Hi there.\n\n— (@x) January 8, 2020")
def test_detection_never_fails_and_offsets_are_exact(text: str) -> None:
    check(text)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(TAG_PIECES), max_size=25))
def test_tag_scanner_matches_the_expression_it_replaced(pieces: list[str]) -> None:
    text = "".join(pieces)
    expected = [(m.start(), m.end(), *m.groups()) for m in REFERENCE_TAG.finditer(text)]
    assert list(posts.tags(text)) == expected


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.sampled_from(["http://", "https://", "pic.twitter.com/", "a", "x.y", " ", "\n", "end.", "/"]), max_size=12
    ),
    st.integers(min_value=0, max_value=3),
)
def test_link_scanner_matches_the_expression_it_replaced(pieces: list[str], trim: int) -> None:
    text = "".join(pieces)
    start, end = min(trim, len(text)), len(text)
    found = REFERENCE_LINK.search(text, start, end)
    assert posts.trailing_links(text, start, end) == (None if found is None else found.start())


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab:-= \"'\n")), max_size=40))
def test_attribute_expression_finds_what_the_old_one_found(text: str) -> None:
    assert posts._ATTR.findall(text) == REFERENCE_ATTR.findall(text)


def test_reproducers_give_what_normal_text_gives() -> None:
    """The inputs that stalled the detector: the signature still makes a post, the tag-less quote is still found."""
    quotes, _ = find_quotations(REPRODUCERS[0])
    (post,) = quotes
    assert REPRODUCERS[0][post.start : post.end] == "http://a" * 24 + " end."
    quotes, _ = find_quotations(REPRODUCERS[1])
    assert [REPRODUCERS[1][q.start : q.end] for q in quotes] == ["We are ready,"]
    assert find_quotations(REPRODUCERS[2]) == ([], [])


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(quote_rich)
@example("«– (@e)")
@example("Hi there.\n\n— (@x) January 8, 2020")
@example('He said: "We will act. "The rules start in April." <tweet author="jd">Ready</tweet>')
def test_extract_never_fails_and_offsets_are_exact(nlp: Any, text: str) -> None:
    quotes = quotebank.extract(text, nlp=nlp, include_scare=True)
    spans = [(q.start, q.end, q.kind) for q in quotes]
    assert len(spans) == len(set(spans)), "a quote returned twice"
    for q in quotes:
        assert text[q.start : q.end] == q.text
