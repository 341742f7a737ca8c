"""Reported speech in praise and blame with a reason, proposals presented in public and topics (kind=INDIRECT)."""

from __future__ import annotations

import pytest
from reported import assert_one_report, indirect

# (text, the reported content, a word of the speaker's name)
CASES = [
    # Praise and blame with a reason: the person and the reason are what was said.
    (
        "Senator Maria Lopez blasted the governor for vetoing the school funding bill.",
        "the governor for vetoing the school funding bill",
        "Lopez",
    ),
    (
        "Governor Ray Dunn attacked his rival for taking money from oil companies.",
        "his rival for taking money from oil companies",
        "Dunn",
    ),
    # A setting or a date between the person and the reason does not break it.
    (
        "Mayor Dan Ortiz thanked the volunteers on Facebook for cleaning up the riverfront.",
        "the volunteers on Facebook for cleaning up the riverfront",
        "Ortiz",
    ),
    (
        "Representative Karen Bell grilled the bank's chief executive on Thursday for his handling of the fraud.",
        "the bank's chief executive on Thursday for his handling of the fraud",
        "Bell",
    ),
    # ... nor does a predicate instead of a reason.
    (
        "Senator Tom Reed attacked the proposal as a giveaway to insurers.",
        "the proposal as a giveaway to insurers",
        "Reed",
    ),
    # What follows a dash is the writer's aside on the reason.
    (
        "Mayor Ken Lee thanked the council for approving the budget - a plan that took two years to draft.",
        "the council for approving the budget",
        "Lee",
    ),
    # A relative clause that identifies a person is the writer's, not the speaker's.
    (
        "Senator Paul Ames praised the work of Judge Ruiz, who retired last year.",
        "the work of Judge Ruiz",
        "Ames",
    ),
    # A proposal or a stand presented in public.
    ("Senator Joan Hill laid out her plan to expand rural broadband.", "her plan to expand rural broadband", "Hill"),
    (
        "Governor Anna Cole is promoting her proposal for free community college.",
        "her proposal for free community college",
        "Cole",
    ),
    # A topic runs on over a coordinated question clause and a focused phrase.
    (
        "Judge Alan Price spoke of the court's history, and how its rulings shaped the civil rights era.",
        "the court's history, and how its rulings shaped the civil rights era",
        "Price",
    ),
    (
        "Commissioner Ruth Vega speaks in public about water rights, especially in farm towns hit by the drought.",
        "water rights, especially in farm towns hit by the drought",
        "Vega",
    ),
    # Pressing someone on a subject is asking about it.
    (
        "Reporters pressed Mayor Ken Lee on his plans for the stadium.",
        "Mayor Ken Lee on his plans for the stadium",
        "Reporters",
    ),
]


@pytest.mark.parametrize(("text", "content", "name"), CASES)
def test_reported_content_and_speaker(text: str, content: str, name: str) -> None:
    assert_one_report(text, content, name)


NOT_SPEECH = [
    # A person alone is whom, not what: only the reason makes it speech.
    "Senator Maria Lopez praised the governor.",
    "Mayor Ken Lee thanked the volunteers.",
    "Trump blasted the reporter on Twitter.",
    # A physical attack, with or without a time.
    "The army attacked the village at dawn.",
    "Rebels attacked the convoy for the third time this month.",
    # Laying out money and promoting a product present no position.
    "The company laid out $5 million for the new plant.",
    "The store is promoting a new phone.",
]


@pytest.mark.parametrize("text", NOT_SPEECH)
def test_targets_attacks_and_products_report_nothing(text: str) -> None:
    assert indirect(text) == []
