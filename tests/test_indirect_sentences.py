"""Reports without a governing verb in their own sentence: a report continued, and ``reportedly``/``allegedly``."""

from __future__ import annotations

import pytest
from reported import indirect

# (text, the sentence that goes on with the report, a word of the speaker's name)
CONTINUED = [
    # A contrast kept in the reported tense is more of what the speaker said.
    (
        "The new bridge, Mayor Ana Ruiz said, would cut commuting times in half. But it would also bring heavy "
        "trucks through the old town.",
        "But it would also bring heavy trucks through the old town",
        "Ruiz",
    ),
    (
        "Chancellor Jeremy Hunt said the cuts would fall mostly on councils. However, the savings could be "
        "reinvested in hospitals.",
        "However, the savings could be reinvested in hospitals",
        "Hunt",
    ),
    (
        "Coach Daniel Ortiz noted that the team lost its first four games last season. But by October, it had "
        "climbed to second place.",
        "But by October, it had climbed to second place",
        "Ortiz",
    ),
    # An elided verb phrase means nothing without the report before it.
    (
        "Junior traders who break the rules are fired on the spot, Senator Maria Lopez said. Their bosses aren't.",
        "Their bosses aren't",
        "Lopez",
    ),
    (
        "Most nurses got a pay rise this year, union leader Pat Moss said. Their managers did too.",
        "Their managers did too",
        "Moss",
    ),
]


@pytest.mark.parametrize(("text", "content", "name"), CONTINUED)
def test_a_report_goes_on_into_the_next_sentence(text: str, content: str, name: str) -> None:
    found = [q for q in indirect(text) if q.text == content]
    assert len(found) == 1
    (q,) = found
    assert text[q.start : q.end] == q.text
    assert q.speaker is not None and name in q.speaker.name


NOT_CONTINUED = [
    # No contrast: a sentence in the conditional after a report may be the writer's own analysis.
    "The minister said the reform would save money. Critics would disagree with that figure.",
    # The next sentence has its own report.
    "The mayor said the bridge would open in May. But engineers said it would be delayed until June.",
    # A new paragraph is a new statement.
    "The mayor said the bridge would open in May.\n\nBut it would also need a new access road.",
    # A question the writer asks.
    "The mayor said the bridge would open in May. But would it be safe?",
    # A thought, not more of the report.
    "The mayor said the bridge would open in May. But residents believed it would be delayed.",
    # Narration in the simple past.
    "The mayor said the bridge would open in May. But the contractor went bankrupt in April.",
]


@pytest.mark.parametrize("text", NOT_CONTINUED)
def test_a_sentence_after_a_report_is_not_always_more_of_it(text: str) -> None:
    found = indirect(text)
    assert any(q.text == "the bridge would open in May" or q.text == "the reform would save money" for q in found)
    second = min(i for i in (text.find(". "), text.find("\n")) if i > 0)
    # Only a report of the second sentence's own may lie there, never one given to the first speaker.
    assert not [q for q in found if q.start > second and q.speaker is not None and q.speaker.name != "engineers"]
    assert not [q for q in found if q.start > second and q.speaker is None]


def test_the_other_report_keeps_its_own_speaker() -> None:
    text = "The mayor said the bridge would open in May. But engineers said it would be delayed until June."
    speakers = {q.text: q.speaker and q.speaker.name for q in indirect(text)}
    assert speakers.get("it would be delayed until June") == "engineers"


# (text, the clause an unnamed source gives)
HEARSAY = [
    (
        "The guard was dismissed after he allegedly took cash from the evidence room.",
        "he allegedly took cash from the evidence room",
    ),
    (
        "Reportedly, the takeover values the brewer at 2 billion pounds.",
        "the takeover values the brewer at 2 billion pounds",
    ),
    ("Ministers Reportedly Split Over Plan To Raise Fuel Duty\n\nThe cabinet met on Monday.", None),
    (
        "The striker reportedly agreed a two-year contract with the club on Friday.",
        "The striker reportedly agreed a two-year contract with the club on Friday",
    ),
    (
        "The company supposedly paid its suppliers late for years, and its shares fell on Monday.",
        "The company supposedly paid its suppliers late for years",
    ),
]


@pytest.mark.parametrize(("text", "content"), HEARSAY)
def test_reportedly_and_allegedly_mark_an_unnamed_account(text: str, content: str | None) -> None:
    expected = content or text.split("\n")[0].rstrip(".")
    found = [q for q in indirect(text) if q.text == expected]
    assert len(found) == 1
    (q,) = found
    assert q.speaker is None and q.cue is not None and q.cue.text.lower().endswith("ly")


NOT_HEARSAY = [
    # A description inside a noun phrase.
    "Police recovered the allegedly stolen car on Monday.",
    # A question.
    "Did the company reportedly pay its suppliers late?",
]


@pytest.mark.parametrize("text", NOT_HEARSAY)
def test_not_an_unnamed_account(text: str) -> None:
    assert indirect(text) == []


def test_a_named_source_wins_over_the_adverb() -> None:
    # "said" names who gave the account; the adverb adds nothing of its own.
    found = indirect("Prosecutors said the driver allegedly ran two red lights before the crash.")
    assert len(found) == 1
    assert found[0].speaker is not None and found[0].speaker.name == "Prosecutors"
