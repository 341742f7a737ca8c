"""Every quote of one speaker in an article carries one identity (kind, handle, aliases)."""

from __future__ import annotations

import pytest

from quotebank.attribute.identity import one_identity_each
from quotebank.model import Quote, Speaker, SpeakerKind


def quotes(*speakers: Speaker) -> list[Quote]:
    return [Quote(id=f"q{i}", text="Yes", start=10 * i, end=10 * i + 3, speaker=s) for i, s in enumerate(speakers)]


@pytest.mark.parametrize(
    ("kinds", "expected"),
    [
        (["person", "organization", "person"], SpeakerKind.PERSON),
        (["organization", "person"], SpeakerKind.PERSON),  # a tie: a person read as an organisation is likelier
        (["organization", "organization", "person"], SpeakerKind.ORGANIZATION),
        (["media", "media"], SpeakerKind.MEDIA),
    ],
)
def test_one_kind_per_name(kinds: list[str], expected: SpeakerKind) -> None:
    out = one_identity_each(quotes(*(Speaker(name="Roe", kind=k) for k in kinds)))
    assert {q.speaker.kind for q in out if q.speaker} == {expected}


def test_the_one_handle_and_every_alias_reach_every_quote() -> None:
    out = one_identity_each(
        quotes(
            Speaker(name="Jane Roe", kind="person", handle="janeroe"),
            Speaker(name="Jane Roe", kind="person", aliases=["Roe"]),
            Speaker(name="John Doe", kind="person"),
        )
    )
    assert [(q.speaker.handle, q.speaker.aliases) for q in out if q.speaker] == [
        ("janeroe", ("Roe",)),
        ("janeroe", ("Roe",)),
        (None, ()),
    ]


def test_two_handles_are_two_accounts() -> None:
    out = one_identity_each(
        quotes(
            Speaker(name="City Hall", kind="organization", handle="cityhall"),
            Speaker(name="City Hall", kind="organization", handle="cityhall_press"),
            Speaker(name="City Hall", kind="organization"),
        )
    )
    assert [q.speaker.handle for q in out if q.speaker] == ["cityhall", "cityhall_press", None]


def test_quotes_without_a_speaker_are_kept_as_they_are() -> None:
    original = quotes(Speaker(name="Roe", kind="person"))
    original.append(Quote(id="q9", text="No", start=90, end=92))
    assert one_identity_each(original) == original
