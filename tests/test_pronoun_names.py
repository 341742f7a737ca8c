"""A gendered pronoun and the names of its sentence: a subject whose name may be either's is passed over for the
one person named before the pronoun whom the text shows to be what the pronoun says."""

from __future__ import annotations

import pytest

import quotebank

# (text, the speaker of the quote "poor planning")
CASES = [
    # the subject's name says nothing of gender; the object's first name is a woman's
    (
        "Gov. Pat Quinlan described Senator Mary Olsen as reckless after she blamed the floods on “poor planning” "
        "last week.",
        "Mary Olsen",
    ),
    # negative: the other person is no "she"
    (
        "Gov. Pat Quinlan praised Senator John Olsen after she blamed the floods on “poor planning” last week.",
        "Pat Quinlan",
    ),
    # negative: two women named besides the subject, the pronoun does not say which
    (
        "Gov. Pat Quinlan praised Mary Olsen and Mrs. Robin Tate after she blamed the floods on “poor planning” "
        "last week.",
        "Pat Quinlan",
    ),
    # negative: the subject is known to be a "she" already
    (
        "Ms. Pat Quinlan praised Senator Mary Olsen after she blamed the floods on “poor planning” last week.",
        "Pat Quinlan",
    ),
]


@pytest.mark.parametrize(("text", "speaker"), CASES)
def test_a_pronoun_goes_to_the_person_known_to_fit(text: str, speaker: str) -> None:
    quotes = [q for q in quotebank.extract(text) if q.text.startswith("poor planning")]
    assert len(quotes) == 1
    found = quotes[0].speaker
    assert found is not None and found.name == speaker


# A person the text has called "she" (the pronoun resolved to them) is not the "he" of a later cue, though the
# first name says nothing; one never so called still may be.
GENDER_CASES = [
    (
        "Jordan Reyes watched the speech from home.\n\n“Here he comes,” she said.\n\n"
        "Tom Hale walked onto the stage and told the crowd that “we will win.”\n\n"
        "“That’s right,” Reyes said to the TV.\n\n“I love you all,” he said.",
        "Tom Hale",
    ),
    # negative: no pronoun was resolved to Reyes before
    (
        "Jordan Reyes watched the speech from home.\n\n"
        "Tom Hale walked onto the stage and told the crowd that “we will win.”\n\n"
        "“That’s right,” Reyes said to the TV.\n\n“I love you all,” he said.",
        "Jordan Reyes",
    ),
]


@pytest.mark.parametrize(("text", "speaker"), GENDER_CASES)
def test_a_person_called_she_is_not_the_next_he(text: str, speaker: str) -> None:
    quotes = [q for q in quotebank.extract(text) if q.text.startswith("I love you")]
    assert len(quotes) == 1
    found = quotes[0].speaker
    assert found is not None and found.name == speaker


# "they" and "it" may go back to a one-word name the recogniser took for a person's, when the text never gives it
# a first name, an honorific, a title or a gendered pronoun: an outlet's or a group's name as often.
THEY_CASES = [
    (
        "Following the debate Truthmeter did a fact-check on the senator’s claim. "
        "On Monday they published the results of their check by announcing that the claim was “true.”",
        "Truthmeter",
    ),
    # negative: a full name is a person's
    (
        "After the debate Jim Verity did a fact-check on the senator’s claim. "
        "On Monday they published the results of their check by announcing that the claim was “true.”",
        None,
    ),
    # negative: an honorific makes the one-word name a person's
    (
        "After the debate Mr. Verity did a fact-check on the senator’s claim. "
        "On Monday they published the results of their check by announcing that the claim was “true.”",
        None,
    ),
]


@pytest.mark.parametrize(("text", "speaker"), THEY_CASES)
def test_they_may_be_a_one_word_name(text: str, speaker: str | None) -> None:
    quotes = [q for q in quotebank.extract(text) if q.text.startswith("true")]
    assert len(quotes) == 1
    found = quotes[0].speaker
    assert (found.name if found is not None else None) == speaker
