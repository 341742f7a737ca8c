"""Quotation-mark pairing and embedded posts, on the raw text (no parse needed)."""

from __future__ import annotations

import logging

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from quotebank.detect import find_quotations
from quotebank.errors import Code


def quoted(text: str) -> list[str]:
    quotes, _ = find_quotations(text)
    return [text[q.start : q.end] for q in quotes]


# (text, the quoted words expected, in order) -- grown from real news sentences.
CASES = [
    # every double-quote style
    (
        "“We are working on initial battle damage assessments,” Hoffman added.",
        ["We are working on initial battle damage assessments,"],
    ),
    ('"Last night they received a slap," Khamenei said.', ["Last night they received a slap,"]),
    ("Il a dit « nous attendons » hier.", ["nous attendons"]),
    ("Er sagte „wir warten“ gestern.", ["wir warten"]),
    ("Sie sagte »wir warten« heute.", ["wir warten"]),
    # single quotes as quotation marks, told apart from apostrophes
    (
        "'All is well!' President Donald Trump tweeted, adding, 'So far, so good' regarding casualties.",
        ["All is well!", "So far, so good"],
    ),
    ("‘We weren’t told,’ she said.", ["We weren’t told,"]),
    ("Iran's foreign minister said the strikes weren’t aimed at civilians.", []),
    ("The Simmons' house was empty, police said.", []),
    ("It was the ’80s and rock 'n' roll was king.", []),
    ("He said ‘the Simmons’ dog barked’ all night.", ["the Simmons’ dog barked"]),
    # glued to the previous sentence, cue inside, colon
    ("officials said.“We are working on it,” he said.", ["We are working on it,"]),
    ("Referring to IS, he said: “Iraq did its part.”", ["Iraq did its part."]),
    ("“Soldiers of Gen. [Qassem] Soleimani,” read a statement.", ["Soldiers of Gen. [Qassem] Soleimani,"]),
    # partial quotes inside reported speech
    (
        "Zarif described the strikes as “proportionate measures in self-defense.”",
        ["proportionate measures in self-defense."],
    ),
    (
        'tweeted that Tehran had taken "& concluded proportionate measures in self-defense," adding',
        ["& concluded proportionate measures in self-defense,"],
    ),
    # nested quotes
    ("“He told me ‘never again’ and left,” she said.", ["He told me ‘never again’ and left,", "never again"]),
    # typewriter double quotes of the New York Times archive and of LaTeX-style text
    (
        "''It's anti-reform. She's layering on even more complexity,'' said Mr. Burman.",
        ["It's anti-reform. She's layering on even more complexity,"],
    ),
    ("Not paying taxes ''makes me smart,'' Mr. Trump said.", ["makes me smart,"]),
    ("``We're America,'' the president said.", ["We're America,"]),
    ("''Hopefully,'' the president said, ''this museum can help us.''", ["Hopefully,", "this museum can help us."]),
    ("He said ''the Simmons' dog barked'' all night.", ["the Simmons' dog barked"]),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_quoted_words(text: str, expected: list[str]) -> None:
    assert quoted(text) == expected


def test_split_quote_pieces_share_a_group() -> None:
    text = "“Last night,” he said, “they received a slap.”"
    quotes, _ = find_quotations(text)
    assert [text[q.start : q.end] for q in quotes] == ["Last night,", "they received a slap."]
    assert quotes[0].group is None and quotes[1].group == 0


def test_new_sentence_after_cue_is_not_the_same_piece() -> None:
    text = '"Last night they received a slap," Khamenei said in a speech. "These actions are not sufficient."'
    quotes, _ = find_quotations(text)
    assert len(quotes) == 2 and quotes[1].group is None


def test_nested_quote_has_parent() -> None:
    text = "“He told me ‘never again’ and left,” she said."
    quotes, _ = find_quotations(text)
    assert quotes[1].parent == 0


def test_multi_paragraph_quote_news_style() -> None:
    text = "“First paragraph of the statement.\n\n“Second paragraph, still quoting,” he said.\n\nAfter."
    quotes, notices = find_quotations(text)
    assert [text[q.start : q.end] for q in quotes] == [
        "First paragraph of the statement.",
        "Second paragraph, still quoting,",
    ]
    assert quotes[1].group == 0 and quotes[1].continued
    assert notices == []


def test_unclosed_mark_is_skipped_with_a_coded_warning(caplog: pytest.LogCaptureFixture) -> None:
    text = "He said “this never closes. Later, “a real quote,” she said.\n\nNext paragraph “also fine.”"
    quotes, notices = find_quotations(text)
    assert [text[q.start : q.end] for q in quotes] == ["a real quote,", "also fine."]
    assert [n.code for n in notices] == [Code.UNCLOSED_QUOTE]
    assert notices[0].offset == text.index("“this")
    with caplog.at_level(logging.WARNING, logger="quotebank"):
        notices[0].log("doc-1")
    assert "W001" in caplog.text


def test_unopened_closing_mark_is_reported() -> None:
    text = "It ended here.” Then “a quote” came."
    quotes, notices = find_quotations(text)
    assert [text[q.start : q.end] for q in quotes] == ["a quote"]
    assert notices[0].code is Code.UNOPENED_QUOTE


def test_embedded_post_in_one_paragraph() -> None:
    text = (
        "Intro.\n\nAbout six Iran missiles hit the U.S. military air base in Al-Assad, Iraq. "
        "pic.twitter.com/5izno4vlRg — teleSUR English (@telesurenglish) January 7, 2020\n\nMore."
    )
    quotes, _ = find_quotations(text)
    (post,) = quotes
    assert text[post.start : post.end] == "About six Iran missiles hit the U.S. military air base in Al-Assad, Iraq."
    assert post.post is not None
    assert (post.post.author, post.post.handle, post.post.date) == ("teleSUR English", "telesurenglish", "2020-01-07")


def test_embedded_post_with_signature_on_its_own_line_and_two_paragraphs() -> None:
    text = (
        "'All is well!' President Donald Trump tweeted shortly after the missile attacks, adding more words here.\n\n"
        "General Soleimani fought heroically against ISIS.\n\n"
        "Our final answer will be to kick all US forces out of the region.\n\n"
        "— Hassan Rouhani (@HassanRouhani) January 8, 2020\n\nMoments earlier, more news."
    )
    quotes, _ = find_quotations(text)
    post = next(q for q in quotes if q.post is not None)
    assert text[post.start : post.end].startswith("General Soleimani")
    assert text[post.start : post.end].endswith("out of the region.")
    assert post.post.handle == "HassanRouhani"


@pytest.mark.parametrize(("text", "body"), [("«– (@e)", "«"), ("Hi there.\n\n— (@x) January 8, 2020", "Hi there.")])
def test_signature_without_a_name_is_signed_by_its_handle(text: str, body: str) -> None:
    (post,) = find_quotations(text)[0]
    assert text[post.start : post.end] == body
    assert post.post is not None and post.post.author == post.post.handle != ""


def test_markup_attributes_are_not_quotes_but_tweet_bodies_are_posts() -> None:
    text = 'Intro.\n\n<tweet author="carlquintanilla" tweet_id="778257943577919488">Markets are "calm" today</tweet>\n\nEnd.'
    quotes, _ = find_quotations(text)
    post = next(q for q in quotes if q.post is not None)
    assert text[post.start : post.end] == 'Markets are "calm" today'
    assert post.post.author == "carlquintanilla"
    assert all("778257943577919488" not in text[q.start : q.end] for q in quotes)


def test_non_string_raises_type_error() -> None:
    with pytest.raises(TypeError, match="bytes"):
        find_quotations(b"text")  # type: ignore[arg-type]


def test_empty_text() -> None:
    assert find_quotations("") == ([], [])


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab .,\n'\"“”‘’«»„-—@()")) | st.characters(), max_size=200))
def test_any_text_gives_exact_non_overlapping_quotes(text: str) -> None:
    quotes, _ = find_quotations(text)
    seen = set()
    for q in quotes:
        assert 0 <= q.start < q.end <= len(text)
        assert (q.start, q.end) not in seen
        seen.add((q.start, q.end))
