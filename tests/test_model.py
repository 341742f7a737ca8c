from __future__ import annotations

import json

import attrs
import pytest

from quotebank.model import Channel, Post, Quote, QuoteKind, Speaker, SpeakerKind, TextSpan

SOURCE = "Pentagon spokesman Jonathan Hoffman said: “We are working on it.”"


def full_quote() -> Quote:
    start = SOURCE.index("We")
    end = SOURCE.index("”")
    return Quote(
        id="q0",
        text=SOURCE[start:end],
        start=start,
        end=end,
        kind=QuoteKind.DIRECT,
        speaker=Speaker(
            name="Jonathan Hoffman",
            role="Pentagon spokesman",
            roles=["Pentagon spokesman", "Assistant to the Secretary of Defense"],
            kind=SpeakerKind.PERSON,
            aliases=["Hoffman"],
        ),
        speaker_mention=TextSpan.of(SOURCE, 0, 35),
        cue=TextSpan.of(SOURCE, 36, 40),
        channel=Channel.STATEMENT,
        channel_evidence=TextSpan.of(SOURCE, 36, 40),
        doc_id="doc-1",
        post=Post(author="Jonathan Hoffman", handle="jhoffman", date="2020-01-08", signature=TextSpan.of(SOURCE, 0, 3)),
        marks="“”",
        confidence=0.75,
    )


def test_json_round_trip_is_exact() -> None:
    q = full_quote()
    again = Quote.from_dict(json.loads(json.dumps(q.to_dict())))
    assert again == q
    assert again.confidence == 0.75
    assert again.to_dict() == q.to_dict()
    assert Quote.from_json(q.to_json()) == q


def test_confidence_is_not_part_of_equality() -> None:
    q = full_quote()
    assert attrs.evolve(q, confidence=0.1) == q


def test_offsets_must_match_text() -> None:
    with pytest.raises(ValueError, match="spans"):
        Quote(id="q0", text="abc", start=0, end=4)
    with pytest.raises(ValueError, match="end"):
        TextSpan(start=5, end=4, text="")
    with pytest.raises(ValueError, match="start"):
        TextSpan(start=-1, end=0, text="x")


def test_enums_convert_from_strings_and_reject_unknown_values() -> None:
    q = Quote(id="q0", text="ab", start=0, end=2, kind="partial", channel="tweet")
    assert q.kind is QuoteKind.PARTIAL and q.channel is Channel.TWEET
    with pytest.raises(ValueError):
        Quote(id="q0", text="ab", start=0, end=2, channel="carrier pigeon")


def test_speaker_role_is_always_among_roles_and_empty_name_is_refused() -> None:
    s = Speaker(name="Javad Zarif", role="foreign minister")
    assert s.roles == ("foreign minister",)
    with pytest.raises(ValueError):
        Speaker(name="  ")


def test_repr_fits_one_line() -> None:
    r = repr(full_quote())
    assert "\n" not in r and "Jonathan Hoffman" in r and len(r) < 160


def test_frozen() -> None:
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        full_quote().text = "x"  # type: ignore[misc]
