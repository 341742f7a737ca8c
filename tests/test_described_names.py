"""A definite description that speaks goes on with the person just named (``Clinton ... The former first lady
said``): two-word titles, and posts held before, which conflict with no other title."""

from __future__ import annotations

import pytest

import quotebank

# (text, the speaker of the quote or None for a role-only speaker)
CASES = [
    # a two-word title ("first lady" has no title word of its own), the person given no other title
    ("Jane Roe spoke in Ohio on Monday. The first lady said it was “a grave mistake” to wait.", "Jane Roe"),
    # a former post: the person's other posts do not conflict
    (
        "Jane Roe, the former secretary of labor, spoke in Ohio on Monday. "
        "The former first lady said it was “a grave mistake” to wait.",
        "Jane Roe",
    ),
    # negative: a current post the person does not hold
    (
        "Jane Roe, the secretary of labor, spoke in Ohio on Monday. "
        "The first lady said it was “a grave mistake” to wait.",
        None,
    ),
    # negative: another current title
    ("President Tom Hale spoke in Ohio on Monday. The prime minister said it was “a grave mistake” to wait.", None),
    # negative: the person named is no subject of the sentences before
    (
        "Voters in Ohio cheered Jane Roe on Monday. Then it rained. "
        "The former first lady said it was “a grave mistake” to wait.",
        None,
    ),
]


@pytest.mark.parametrize(("text", "speaker"), CASES)
def test_a_described_speaker_is_the_person_just_named(text: str, speaker: str | None) -> None:
    quotes = [q for q in quotebank.extract(text, indirect=False) if q.text.startswith("a grave")]
    assert len(quotes) == 1
    found = quotes[0].speaker
    if speaker is None:
        assert found is None or found.name not in ("Jane Roe", "Tom Hale")
    else:
        assert found is not None and found.name == speaker
