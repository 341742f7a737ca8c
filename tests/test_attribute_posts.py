"""Embedded posts: the signature signs the post, whatever it lacks; a signature never sinks the document."""

from __future__ import annotations

import pytest

import quotebank
from quotebank.model import Channel, SpeakerKind

# (text, the post's words, expected speaker name or None, expected kind)
POST_CASES = [
    # a full signature: the author
    ("Hi there.\n\n— Jane Doe (@janedoe) January 8, 2020", "Hi there.", "Jane Doe", SpeakerKind.PERSON),
    # a handle with no name: the handle, of unknown kind
    ("Hi there.\n\n— (@x) January 8, 2020", "Hi there.", "@x", SpeakerKind.UNKNOWN),
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
