"""Embedded posts: the signature signs the post, whatever it lacks; a signature never sinks the document."""

from __future__ import annotations

import pytest
from spacy.language import Language

import quotebank
from quotebank.attribute import attribute_quotes
from quotebank.lexicons import get_lexicon
from quotebank.model import Channel, Post, Quote, QuoteKind, SpeakerKind, TextSpan

# (text, the post's words, expected speaker name or None, expected kind)
POST_CASES = [
    # a full signature: the author
    ("Hi there.\n\n— Jane Doe (@janedoe) January 8, 2020", "Hi there.", "Jane Doe", SpeakerKind.PERSON),
]


@pytest.mark.parametrize(("text", "words", "name", "kind"), POST_CASES)
def test_post_signed_by_its_signature(text: str, words: str, name: str, kind: SpeakerKind) -> None:
    posts = [q for q in quotebank.extract(text) if q.post is not None]
    assert [q.text for q in posts] == [words]
    post = posts[0]
    assert post.speaker is not None
    assert (post.speaker.name, post.speaker.kind) == (name, kind)
    assert post.channel is Channel.TWEET
    assert post.speaker_mention is not None
    assert text[post.speaker_mention.start : post.speaker_mention.end] in (name, name.lstrip("@"), f"@{name}")


@pytest.mark.parametrize(
    "text",
    [
        "«– (@e)",
        "Hi there.\n\n— (@x) January 8, 2020",
        "Hi there.\n\n— (@) January 8, 2020",
    ],
)
def test_nameless_signature_does_not_raise(text: str) -> None:
    for quote in quotebank.extract(text):
        assert text[quote.start : quote.end] == quote.text


def test_nameless_signature_keeps_the_other_quotes() -> None:
    text = "“We are ready,” Jane Doe said.\n\nHi there.\n\n— (@x) January 8, 2020"
    quotes = quotebank.extract(text)
    ready = [q for q in quotes if q.text.startswith("We are ready")]
    assert len(ready) == 1
    assert ready[0].speaker is not None and ready[0].speaker.name == "Jane Doe"


def test_handle_signs_a_post_with_no_name() -> None:
    found = [q for q in quotebank.extract("Hi there.\n\n— (@x) January 8, 2020") if q.post is not None]
    assert len(found) == 1 and found[0].speaker is not None
    assert found[0].speaker.name.lstrip("@") == "x"
    assert found[0].channel is Channel.TWEET


# (post handle, expected speaker name and kind): a post whose signature names no one reaches attribution
NAMELESS = [("x", ("@x", SpeakerKind.UNKNOWN)), (None, None)]


@pytest.mark.parametrize(("handle", "expected"), NAMELESS)
def test_attribution_of_a_post_without_author(
    nlp: Language, handle: str | None, expected: tuple[str, SpeakerKind] | None
) -> None:
    text = "Hi there.\n\n— (@x) January 8, 2020"
    doc = nlp(text)
    signature = TextSpan(start=11, end=33, text=text[11:33])
    post = Post(author="", handle=handle, signature=signature)
    quote = Quote(id="q0", text="Hi there.", start=0, end=9, kind=QuoteKind.EMBEDDED_POST, post=post)
    (attributed,) = attribute_quotes(doc, [quote], lexicon=get_lexicon("en"), indirect=False)
    speaker = attributed.speaker
    assert (None if speaker is None else (speaker.name, speaker.kind)) == expected
    assert attributed.channel is Channel.TWEET and attributed.cue == signature


# The article introduces a post in the paragraph above its signature: the post is the words in marks only.
INTRODUCED = [
    (
        'Nair later posted on Twitter: "Thank you to every volunteer out there tonight."\n\n'
        "— Priya Nair (@PriyaNairMP) March 3, 2026",
        "Thank you to every volunteer out there tonight.",
    ),
    (
        "The mayor wrote: “Roads reopen at noon.” — City Mayor (@citymayor) May 2, 2024",
        "Roads reopen at noon.",
    ),
    # negative: no narration, the whole paragraph is the post
    (
        "“Roads reopen at noon,” as promised. See you there!\n\n— City Mayor (@citymayor) May 2, 2024",
        "“Roads reopen at noon,” as promised. See you there!",
    ),
    # negative: narration words inside a post that does not end in marks stay in it
    (
        "Told you so. The council said no and it was wrong.\n\n— City Mayor (@citymayor) May 2, 2024",
        "Told you so. The council said no and it was wrong.",
    ),
]


@pytest.mark.parametrize(("text", "post"), INTRODUCED)
def test_a_post_introduced_in_its_paragraph_is_the_words_in_marks(text: str, post: str) -> None:
    posts = [q for q in quotebank.extract(text, indirect=False) if q.kind is QuoteKind.EMBEDDED_POST]
    assert [q.text for q in posts] == [post]
    assert posts[0].speaker is not None and posts[0].speaker.handle
